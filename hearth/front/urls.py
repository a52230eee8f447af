from django.urls import path

from hearth.front import views

app_name = "front"
urlpatterns = [
    path("", views.home, name="home"),
    path("exit/", views.quick_exit, name="exit"),
]
