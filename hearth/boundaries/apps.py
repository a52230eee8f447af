from django.apps import AppConfig


class BoundariesConfig(AppConfig):
    name = "hearth.boundaries"
    label = "boundaries"
