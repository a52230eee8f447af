from django.urls import URLPattern

app_name = "boundaries"
urlpatterns: list[URLPattern] = []
