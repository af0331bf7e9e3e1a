"""/api/v1/ routes of the compliance app (included by ncos/api/urls.py)."""

from django.urls import path

from ncos.compliance.api import views

urlpatterns = [
    path(
        "persons/<uuid:person_id>/reports",
        views.PersonReportsView.as_view(),
        name="compliance-person-reports",
    ),
    path("reports/<uuid:report_id>", views.ReportView.as_view(), name="compliance-report"),
    path(
        "reports/<uuid:report_id>/receipts",
        views.ReceiptCreateView.as_view(),
        name="compliance-receipt-create",
    ),
    path("receipts/<uuid:receipt_id>", views.ReceiptView.as_view(), name="compliance-receipt"),
    path(
        "receipts/<uuid:receipt_id>/pdf",
        views.ReceiptPdfView.as_view(),
        name="compliance-receipt-pdf",
    ),
    path(
        "receipts/<uuid:receipt_id>/given",
        views.ReceiptGivenView.as_view(),
        name="compliance-receipt-given",
    ),
    path(
        "persons/<uuid:person_id>/notices",
        views.PersonNoticesView.as_view(),
        name="compliance-person-notices",
    ),
    path("notices/<uuid:notice_id>", views.NoticeView.as_view(), name="compliance-notice"),
    path(
        "notices/<uuid:notice_id>/pdf",
        views.NoticePdfView.as_view(),
        name="compliance-notice-pdf",
    ),
    path(
        "notices/<uuid:notice_id>/service",
        views.NoticeServiceView.as_view(),
        name="compliance-notice-service",
    ),
]
