from django.urls import include, path

urlpatterns = [
    path("", include("hearth.front.urls")),
    path("", include("hearth.spaces.urls")),
    path("account/", include("hearth.accounts.urls")),
    path("coach/", include("hearth.coach.urls")),
    path("checkins/", include("hearth.checkins.urls")),
    path("questions/", include("hearth.questions.urls")),
    path("promises/", include("hearth.promises.urls")),
    path("appreciations/", include("hearth.appreciations.urls")),
    path("boundaries/", include("hearth.boundaries.urls")),
    path("rituals/", include("hearth.rituals.urls")),
    path("journal/", include("hearth.journal.urls")),
    path("insights/", include("hearth.insights.urls")),
    path("accounts/", include("allauth.urls")),
]
