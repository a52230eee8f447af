from django.urls import path

from hearth.front import views

app_name = "front"
urlpatterns = [
    path("", views.home, name="home"),
    path("more/", views.more, name="more"),
    path("exit/", views.quick_exit, name="exit"),
]
