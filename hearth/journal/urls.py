from django.urls import path

from hearth.journal import views

app_name = "journal"
urlpatterns = [
    path("", views.entry_list, name="list"),
    path("new/", views.entry_new, name="new"),
    path("shared/", views.shared_list, name="shared"),
    path("<uuid:entry_id>/", views.entry_detail, name="detail"),
    path("<uuid:entry_id>/edit/", views.entry_edit, name="edit"),
    path("<uuid:entry_id>/share/", views.entry_share, name="share"),
    path("<uuid:entry_id>/unshare/", views.entry_unshare, name="unshare"),
    path("<uuid:entry_id>/delete/", views.entry_delete, name="delete"),
]
