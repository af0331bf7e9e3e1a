from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "ncos.search"
    label = "search"
    verbose_name = "National person search"
