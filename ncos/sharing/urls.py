"""/sharing/ — travel, notifications, transfers and the inbox. Every view declares its action."""

from django.urls import path

from ncos.sharing.views import addressed, inbox, person

app_name = "sharing"

P = "persons/<uuid:person_id>/"
T = P + "travel/<uuid:travel_id>/"

urlpatterns = [
    path("inbox/", inbox.InboxView.as_view(), name="inbox"),
    path("inbox/export.csv", inbox.InboxExportView.as_view(), name="inbox_export"),
    path("inbox/<uuid:item_id>/", inbox.InboxOpenView.as_view(), name="inbox_open"),
    path(P + "travel/", person.PersonTravelView.as_view(), name="person_travel"),
    path(P + "travel/new/", person.TravelCreateView.as_view(), name="travel_create"),
    path(T, person.TravelDetailView.as_view(), name="travel_detail"),
    path(T + "change/", person.TravelChangeView.as_view(), name="travel_change"),
    path(T + "cancel/", person.TravelCancelView.as_view(), name="travel_cancel"),
    path(T + "return/", person.TravelReturnView.as_view(), name="travel_return"),
    path(P + "transfer/new/", person.TransferRequestView.as_view(), name="transfer_create"),
    path(
        P + "transfers/<uuid:transfer_id>/cancel/",
        person.TransferCancelView.as_view(),
        name="transfer_cancel",
    ),
    path(
        "notifications/<uuid:notification_id>/",
        addressed.NotificationDetailView.as_view(),
        name="notification_detail",
    ),
    path(
        "notifications/<uuid:notification_id>/acknowledge/",
        addressed.NotificationAcknowledgeView.as_view(),
        name="notification_acknowledge",
    ),
    path(
        "notifications/<uuid:notification_id>/contact/",
        addressed.NotificationContactView.as_view(),
        name="notification_contact",
    ),
    path(
        "transfers/<uuid:transfer_id>/",
        addressed.TransferDetailView.as_view(),
        name="transfer_detail",
    ),
    path(
        "transfers/<uuid:transfer_id>/decide/",
        addressed.TransferDecideView.as_view(),
        name="transfer_decide",
    ),
]
