"""/api/v1/ routes of national sharing (included by ncos/api/urls.py)."""

from django.urls import path

from ncos.sharing.api import exchange, travel

urlpatterns = [
    path("inbox", exchange.InboxView.as_view(), name="inbox-list"),
    path(
        "persons/<uuid:person_id>/travel", travel.PersonTravelView.as_view(), name="person-travel"
    ),
    path("travel/<uuid:travel_id>", travel.TravelDetailView.as_view(), name="travel-detail"),
    path("travel/<uuid:travel_id>/change", travel.TravelChangeView.as_view(), name="travel-change"),
    path("travel/<uuid:travel_id>/cancel", travel.TravelCancelView.as_view(), name="travel-cancel"),
    path("travel/<uuid:travel_id>/return", travel.TravelReturnView.as_view(), name="travel-return"),
    path(
        "notifications/<uuid:notification_id>",
        exchange.NotificationDetailView.as_view(),
        name="notification-detail",
    ),
    path(
        "notifications/<uuid:notification_id>/acknowledge",
        exchange.NotificationAcknowledgeView.as_view(),
        name="notification-acknowledge",
    ),
    path(
        "notifications/<uuid:notification_id>/arrival-contact",
        exchange.NotificationContactView.as_view(),
        name="notification-contact",
    ),
    path(
        "persons/<uuid:person_id>/transfers",
        exchange.PersonTransfersView.as_view(),
        name="person-transfers",
    ),
    path(
        "persons/<uuid:person_id>/transfers/<uuid:transfer_id>/cancel",
        exchange.TransferCancelView.as_view(),
        name="transfer-cancel",
    ),
    path(
        "transfers/<uuid:transfer_id>",
        exchange.TransferDetailView.as_view(),
        name="transfer-detail",
    ),
    path(
        "transfers/<uuid:transfer_id>/accept",
        exchange.TransferAcceptView.as_view(),
        name="transfer-accept",
    ),
    path(
        "transfers/<uuid:transfer_id>/refuse",
        exchange.TransferRefuseView.as_view(),
        name="transfer-refuse",
    ),
]
