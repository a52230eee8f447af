from django.urls import path

from hearth.coach import views

app_name = "coach"
urlpatterns = [
    path("", views.coach_page, name="page"),
    path("feedback/", views.coach_feedback, name="feedback"),
    path("analyse/", views.coach_analyse, name="analyse"),
]
