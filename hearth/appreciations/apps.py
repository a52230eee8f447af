from django.apps import AppConfig


class AppreciationsConfig(AppConfig):
    name = "hearth.appreciations"
    label = "appreciations"
