from django.urls import path

from hearth.boundaries import views

app_name = "boundaries"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("new/", views.create, name="create"),
    path("shared/", views.shared, name="shared"),
    path("<uuid:boundary_id>/", views.detail, name="detail"),
    path("<uuid:boundary_id>/edit/", views.edit, name="edit"),
    path("<uuid:boundary_id>/share/", views.share, name="share"),
    path("<uuid:boundary_id>/unshare/", views.unshare, name="unshare"),
    path("<uuid:boundary_id>/retire/", views.retire, name="retire"),
    path("<uuid:boundary_id>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("<uuid:boundary_id>/moments/<slug:kind>/", views.moment_new, name="moment"),
]
