from django.urls import path

from hearth.promises import views

app_name = "promises"
urlpatterns = [
    path("", views.promise_list, name="list"),
    path("new/", views.promise_make, name="make"),
    path("follow-through/", views.followthrough_mine, name="followthrough"),
    path("<uuid:promise_id>/", views.promise_detail, name="detail"),
    path("<uuid:promise_id>/done/", views.promise_mark_done, name="done"),
    path("<uuid:promise_id>/confirm/", views.promise_confirm, name="confirm"),
    path("<uuid:promise_id>/renegotiate/", views.promise_propose, name="propose"),
    path("<uuid:promise_id>/running-late/", views.promise_running_late, name="late"),
    path("<uuid:promise_id>/accept/", views.promise_accept, name="accept"),
    path("<uuid:promise_id>/decline/", views.promise_decline, name="decline"),
    path("<uuid:promise_id>/notes/", views.promise_note_add, name="note"),
]
