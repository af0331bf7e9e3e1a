from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ncos.api"
    label = "api"
    verbose_name = "JSON API"
