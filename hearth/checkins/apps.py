from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "hearth.checkins"
    label = "checkins"
