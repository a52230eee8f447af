from django.urls import path

from hearth.appreciations import views

app_name = "appreciations"
urlpatterns = [
    path("", views.feed, name="feed"),
    path("new/", views.give, name="give"),
    path("<uuid:appreciation_id>/", views.detail, name="detail"),
    path("<uuid:appreciation_id>/edit/", views.edit, name="edit"),
    path("<uuid:appreciation_id>/withdraw/", views.withdraw, name="withdraw"),
    path("<uuid:appreciation_id>/heart/", views.heart, name="heart"),
]
