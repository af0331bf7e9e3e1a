from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "ncos.registry"
    label = "registry"
    verbose_name = "Register: persons, identities, offences, orders, personal details"

    def ready(self) -> None:
        from ncos.registry.dashboard import register_panels
        from ncos.web import dashboard

        if register_panels not in dashboard.DASHBOARD_PROVIDERS:
            dashboard.register(register_panels)
