from django.apps import AppConfig


class FrontConfig(AppConfig):
    name = "hearth.front"
    label = "front"
    verbose_name = "Web front"

    def ready(self) -> None:
        from hearth.front import checks  # noqa: F401  (registers the system checks)
