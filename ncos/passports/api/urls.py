"""/api/v1/ routes of overseas-travel permission and passport requests."""

from django.urls import path

from ncos.passports.api import views

P = "persons/<uuid:person_id>/"
TP = P + "travel-permissions/<uuid:permission_id>"
PR = P + "passport-requests/<uuid:passport_request_id>"

urlpatterns = [
    path(P + "travel-permissions", views.PermissionsView.as_view(), name="travel-permissions"),
    path(TP, views.PermissionDetailView.as_view(), name="travel-permission-detail"),
    path(TP + "/decision", views.PermissionDecideView.as_view(), name="travel-permission-decide"),
    path(TP + "/told", views.PermissionToldView.as_view(), name="travel-permission-told"),
    path(
        TP + "/foreign-notices",
        views.ForeignNoticeView.as_view(),
        name="travel-permission-foreign-notice",
    ),
    path(P + "passport-requests", views.RequestsView.as_view(), name="passport-requests"),
    path(PR, views.RequestDetailView.as_view(), name="passport-request-detail"),
    path(PR + "/approve", views.RequestApproveView.as_view(), name="passport-request-approve"),
    path(PR + "/send", views.RequestSendView.as_view(), name="passport-request-send"),
    path(
        PR + "/acknowledge",
        views.RequestAcknowledgeView.as_view(),
        name="passport-request-acknowledge",
    ),
    path(PR + "/outcome", views.RequestOutcomeView.as_view(), name="passport-request-outcome"),
    path(PR + "/withdraw", views.RequestWithdrawView.as_view(), name="passport-request-withdraw"),
    path(PR + "/document", views.RequestDocumentView.as_view(), name="passport-request-document"),
]
