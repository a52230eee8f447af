from django.urls import path, re_path

from hearth.questions import views

app_name = "questions"
urlpatterns = [
    path("", views.today, name="today"),
    path("past/", views.past, name="past"),
    re_path(r"^(?P<day>\d{4}-\d{2}-\d{2})/$", views.day_detail, name="day"),
]
