from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "ncos.directory"
    label = "directory"
    verbose_name = "Jurisdictions and registry contacts"
