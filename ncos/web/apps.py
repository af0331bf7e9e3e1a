from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "ncos.web"
    label = "web"
    verbose_name = "Pages"
