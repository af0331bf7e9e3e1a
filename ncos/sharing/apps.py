from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "ncos.sharing"
    label = "sharing"
    verbose_name = "National sharing: travel, notifications, transfers, inbox"

    def ready(self) -> None:
        from ncos.registry.services.obligations import EVENT_PROVIDERS
        from ncos.registry.views.base import EXTRA_TABS
        from ncos.sharing.dashboard import sharing_panels
        from ncos.sharing.events import sharing_events
        from ncos.sharing.selectors import unread_count
        from ncos.sharing.views.common import TRAVEL_TAB
        from ncos.web import dashboard
        from ncos.web.navigation import NAV_BADGES

        if sharing_events not in EVENT_PROVIDERS:
            EVENT_PROVIDERS.append(sharing_events)
        if sharing_panels not in dashboard.DASHBOARD_PROVIDERS:
            dashboard.register(sharing_panels)
        if TRAVEL_TAB not in EXTRA_TABS:
            EXTRA_TABS.append(TRAVEL_TAB)
        NAV_BADGES["sharing:inbox"] = lambda request: unread_count(request.user) or None
