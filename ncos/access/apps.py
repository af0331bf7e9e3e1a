from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "ncos.access"
    label = "access"
    verbose_name = "Authorisation"
