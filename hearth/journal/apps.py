from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "hearth.journal"
    label = "journal"
