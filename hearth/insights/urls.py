from django.urls import path

from hearth.insights import views

app_name = "insights"
urlpatterns = [
    path("", views.insights_mine, name="mine"),
    path("sharing/", views.sharing, name="sharing"),
    path("together/<uuid:space_id>/", views.together, name="together"),
    path("week/", views.week, name="week"),
    path("report/", views.report, name="report"),
]
