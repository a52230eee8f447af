from django.apps import AppConfig


class RitualsConfig(AppConfig):
    name = "hearth.rituals"
    label = "rituals"
