from django.apps import AppConfig


class PromisesConfig(AppConfig):
    name = "hearth.promises"
    label = "promises"
