from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "ncos.common"
    label = "common"
    verbose_name = "Shared foundations"
