"""/passports/ — overseas-travel permission and passport requests. Every view declares its
action (ncos/access/matrix.yaml)."""

from django.urls import path

from ncos.passports.views import exports, lists, permissions, requests

app_name = "passports"

P = "persons/<uuid:person_id>/"
TP = P + "permissions/<uuid:permission_id>/"
PR = P + "requests/<uuid:passport_request_id>/"

urlpatterns = [
    path("", lists.RequestListView.as_view(), name="request_list"),
    path("travel-without-permission/", lists.TravelFlagsView.as_view(), name="travel_flags"),
    path(
        P + "permissions/new/", permissions.PermissionCreateView.as_view(), name="permission_create"
    ),
    path(TP, permissions.PermissionDetailView.as_view(), name="permission_detail"),
    path(TP + "decide/", permissions.PermissionDecideView.as_view(), name="permission_decide"),
    path(TP + "told/", permissions.PermissionToldView.as_view(), name="permission_told"),
    path(
        TP + "documents/add/",
        permissions.PermissionDocumentAddView.as_view(),
        name="permission_document_add",
    ),
    path(
        TP + "documents/<uuid:permission_document_id>/",
        permissions.PermissionDocumentFileView.as_view(),
        name="permission_document",
    ),
    path(
        TP + "foreign-notices/add/",
        permissions.ForeignNoticeAddView.as_view(),
        name="foreign_notice_add",
    ),
    path(P + "requests/new/", requests.RequestCreateView.as_view(), name="request_create"),
    path(PR, requests.RequestDetailView.as_view(), name="request_detail"),
    path(PR + "edit/", requests.RequestEditView.as_view(), name="request_edit"),
    path(PR + "approve/", requests.RequestApproveView.as_view(), name="request_approve"),
    path(PR + "send/", requests.RequestSendView.as_view(), name="request_send"),
    path(
        PR + "acknowledge/", requests.RequestAcknowledgeView.as_view(), name="request_acknowledge"
    ),
    path(PR + "outcome/", requests.RequestOutcomeView.as_view(), name="request_outcome"),
    path(PR + "withdraw/", requests.RequestWithdrawView.as_view(), name="request_withdraw"),
    path(PR + "letter.pdf", exports.RequestPdfView.as_view(), name="request_pdf"),
    path(PR + "request.json", exports.RequestJsonView.as_view(), name="request_json"),
]
