from django.urls import path

from hearth.spaces import views

app_name = "spaces"
urlpatterns = [
    path("spaces/", views.space_list, name="list"),
    path("spaces/new/", views.space_create, name="create"),
    path("spaces/<uuid:space_id>/", views.space_detail, name="detail"),
    path("spaces/<uuid:space_id>/switch/", views.space_switch, name="switch"),
    path("spaces/<uuid:space_id>/leave/", views.space_leave, name="leave"),
    path("spaces/<uuid:space_id>/invitations/", views.invitation_create, name="invite"),
    path(
        "spaces/<uuid:space_id>/invitations/<uuid:invitation_id>/withdraw/",
        views.invitation_revoke,
        name="revoke",
    ),
    path("join/<str:token>/", views.join, name="join"),
]
