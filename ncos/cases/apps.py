from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "ncos.cases"
    label = "cases"
    verbose_name = "Case management: caseloads, tasks, notes, visits, requests"

    def ready(self) -> None:
        from ncos.cases.dashboard import case_panels, overdue_badge
        from ncos.cases.merge import move_case_records
        from ncos.cases.views.base import CASE_TAB
        from ncos.registry.services import MERGE_HOOKS
        from ncos.registry.views.base import EXTRA_TABS
        from ncos.web import dashboard
        from ncos.web.navigation import NAV_BADGES

        if CASE_TAB not in EXTRA_TABS:
            EXTRA_TABS.append(CASE_TAB)
        if move_case_records not in MERGE_HOOKS:
            MERGE_HOOKS.append(move_case_records)
        if case_panels not in dashboard.DASHBOARD_PROVIDERS:
            dashboard.register(case_panels)
        NAV_BADGES["cases:caseload"] = overdue_badge
