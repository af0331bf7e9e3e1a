from django.apps import AppConfig


class PassportsConfig(AppConfig):
    name = "ncos.passports"
    label = "passports"
    verbose_name = "Passport requests and overseas-travel permission"

    def ready(self) -> None:
        from ncos.passports.dashboard import passport_panels
        from ncos.passports.sections import person_section
        from ncos.passports.selectors import person_alerts, plan_flags
        from ncos.passports.services import permission_for_plan
        from ncos.registry.selectors.summary import ALERT_PROVIDERS
        from ncos.sharing.services.returns import PERMISSION_CHECKERS
        from ncos.sharing.views.person import PERSON_SECTIONS, PLAN_FLAGS
        from ncos.web import dashboard

        if permission_for_plan not in PERMISSION_CHECKERS:
            PERMISSION_CHECKERS.append(permission_for_plan)
        if person_section not in PERSON_SECTIONS:
            PERSON_SECTIONS.append(person_section)
        if plan_flags not in PLAN_FLAGS:
            PLAN_FLAGS.append(plan_flags)
        if person_alerts not in ALERT_PROVIDERS:
            ALERT_PROVIDERS.append(person_alerts)
        if passport_panels not in dashboard.DASHBOARD_PROVIDERS:
            dashboard.register(passport_panels)
