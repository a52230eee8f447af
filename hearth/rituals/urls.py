from django.urls import URLPattern

app_name = "rituals"
urlpatterns: list[URLPattern] = []
