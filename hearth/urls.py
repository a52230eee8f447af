from django.urls import include, path

urlpatterns = [
    path("", include("hearth.front.urls")),
    path("", include("hearth.spaces.urls")),
    path("account/", include("hearth.accounts.urls")),
    path("coach/", include("hearth.coach.urls")),
    path("accounts/", include("allauth.urls")),
]
