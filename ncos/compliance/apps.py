from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "ncos.compliance"
    label = "compliance"
    verbose_name = "Reports, receipts, notices and compliance"

    def ready(self) -> None:
        from ncos.compliance.dashboard import compliance_panels
        from ncos.compliance.events import report_events
        from ncos.compliance.hooks import move_on_merge, person_alerts
        from ncos.registry.selectors.summary import ALERT_PROVIDERS
        from ncos.registry.services.merge import MERGE_HOOKS
        from ncos.registry.services.obligations import EVENT_PROVIDERS
        from ncos.registry.views.base import EXTRA_TABS
        from ncos.web.dashboard import DASHBOARD_PROVIDERS, register

        if report_events not in EVENT_PROVIDERS:
            EVENT_PROVIDERS.append(report_events)
        if compliance_panels not in DASHBOARD_PROVIDERS:
            register(compliance_panels)
        if person_alerts not in ALERT_PROVIDERS:
            ALERT_PROVIDERS.append(person_alerts)
        if move_on_merge not in MERGE_HOOKS:
            MERGE_HOOKS.append(move_on_merge)
        tab = ("compliance", "Compliance", "compliance:person")
        if tab not in EXTRA_TABS:
            EXTRA_TABS.append(tab)
