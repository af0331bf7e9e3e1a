from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "ncos.registry"
    label = "registry"
    verbose_name = "Register: persons, identities, offences, orders, personal details"
