from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "hearth.vault"
    label = "vault"
    verbose_name = "Encrypted storage"
