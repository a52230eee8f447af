from django.apps import AppConfig


class SpacesConfig(AppConfig):
    name = "hearth.spaces"
    label = "spaces"
    verbose_name = "Relationship spaces"
