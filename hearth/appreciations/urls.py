from django.urls import URLPattern

app_name = "appreciations"
urlpatterns: list[URLPattern] = []
