"""/compliance/ — reports, receipts, notices, failures, the dashboard and its lists. Every view
declares its action (ncos/access/matrix.yaml)."""

from django.urls import path

from ncos.compliance.views import documents, failures, lists, places, reports

app_name = "compliance"

P = "persons/<uuid:person_id>/"

urlpatterns = [
    path("", lists.DashboardView.as_view(), name="dashboard"),
    path("obligations/", lists.ObligationListView.as_view(), name="obligations"),
    path(
        "obligations/export.csv",
        lists.ObligationExportView.as_view(),
        name="obligations_export",
    ),
    path("reports/", lists.ReportListView.as_view(), name="reports"),
    path("reports/export.csv", lists.ReportExportView.as_view(), name="reports_export"),
    path("reminders/", lists.ReminderListView.as_view(), name="reminders"),
    path("reminders/export.csv", lists.ReminderExportView.as_view(), name="reminders_export"),
    path(
        "reminders/<int:reminder_id>/dismiss/",
        lists.ReminderDismissView.as_view(),
        name="reminder_dismiss",
    ),
    # the registry's approved reporting places
    path("places/", places.PlaceListView.as_view(), name="places"),
    path("places/new/", places.PlaceCreateView.as_view(), name="place_create"),
    path("places/<int:place_id>/", places.PlaceEditView.as_view(), name="place_edit"),
    # one person
    path(P, reports.PersonComplianceView.as_view(), name="person"),
    path(P + "reports/new/", reports.ReportCreateView.as_view(), name="report_create"),
    path(P + "notices/new/", documents.NoticeCreateView.as_view(), name="notice_create"),
    path(P + "failures/new/", failures.FailureCreateView.as_view(), name="failure_create"),
    # reports and receipts
    path("reports/<uuid:report_id>/", reports.ReportDetailView.as_view(), name="report"),
    path(
        "reports/<uuid:report_id>/receipt/",
        documents.ReceiptGenerateView.as_view(),
        name="receipt_generate",
    ),
    path("receipts/<uuid:receipt_id>/pdf", documents.ReceiptPdfView.as_view(), name="receipt_pdf"),
    path(
        "receipts/<uuid:receipt_id>/given/",
        documents.ReceiptGivenView.as_view(),
        name="receipt_given",
    ),
    # notices
    path("notices/<uuid:notice_id>/", documents.NoticeDetailView.as_view(), name="notice"),
    path("notices/<uuid:notice_id>/pdf", documents.NoticePdfView.as_view(), name="notice_pdf"),
    path(
        "notices/<uuid:notice_id>/service/",
        documents.NoticeServiceView.as_view(),
        name="notice_service",
    ),
    # failures to comply and s 116A
    path("failures/<uuid:failure_id>/", failures.FailureDetailView.as_view(), name="failure"),
    path(
        "failures/<uuid:failure_id>/public-notice/",
        failures.PublicNoticeView.as_view(),
        name="public_notice",
    ),
]
