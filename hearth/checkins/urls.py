from django.urls import URLPattern

app_name = "checkins"
urlpatterns: list[URLPattern] = []
