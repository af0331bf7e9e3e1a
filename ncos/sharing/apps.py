from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "ncos.sharing"
    label = "sharing"
    verbose_name = "National sharing: travel, notifications, transfers, inbox"
