from django.urls import path

from hearth.rituals import views

app_name = "rituals"
urlpatterns = [
    path("", views.ritual_list, name="list"),
    path("new/", views.ritual_create, name="create"),
    path("calendar/", views.calendar_settings, name="calendar"),
    path("calendar/link/", views.calendar_link, name="calendar_link"),
    path("calendar/off/", views.calendar_off, name="calendar_off"),
    path("feed/<str:token>.ics", views.calendar_feed, name="feed"),
    path("<uuid:ritual_id>/", views.ritual_detail, name="detail"),
    path("<uuid:ritual_id>/edit/", views.ritual_edit, name="edit"),
    path("<uuid:ritual_id>/pause/", views.ritual_pause, name="pause"),
    path("<uuid:ritual_id>/resume/", views.ritual_resume, name="resume"),
    path("<uuid:ritual_id>/<str:on>/", views.occurrence_mark, name="occurrence"),
    path("<uuid:ritual_id>/<str:on>/agenda/", views.agenda, name="agenda"),
    path(
        "<uuid:ritual_id>/<str:on>/agenda/<uuid:item_id>/",
        views.agenda_item_edit,
        name="agenda_item",
    ),
    path(
        "<uuid:ritual_id>/<str:on>/agenda/<uuid:item_id>/remove/",
        views.agenda_item_remove,
        name="agenda_item_remove",
    ),
]
