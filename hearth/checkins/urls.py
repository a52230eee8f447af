from django.urls import path

from hearth.checkins import views

app_name = "checkins"
urlpatterns = [
    path("", views.checkin_today, name="today"),
    path("earlier/", views.checkin_earlier, name="earlier"),
    path("mine/", views.checkin_history, name="history"),
    path("day/<str:day>/", views.checkin_day, name="day"),
    path("<uuid:checkin_id>/", views.checkin_detail, name="detail"),
    path("<uuid:checkin_id>/sharing/", views.checkin_sharing, name="sharing"),
    path("<uuid:checkin_id>/<str:kind>/", views.checkin_part, name="part"),
]
