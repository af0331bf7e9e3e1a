"""/api/v1/ case management routes (included by ncos/api/urls.py)."""

from django.urls import path

from ncos.cases.api import views

P = "persons/<uuid:person_id>/"

urlpatterns = [
    path("tasks", views.TaskCollectionView.as_view(), name="case-task-list"),
    path("tasks/<uuid:task_id>", views.TaskItemView.as_view(), name="case-task-detail"),
    path(
        "tasks/<uuid:task_id>/reassign", views.TaskReassignView.as_view(), name="case-task-reassign"
    ),
    path("caseload", views.CaseloadView.as_view(), name="caseload"),
    path(P + "case-officer", views.CaseOfficerView.as_view(), name="case-officer"),
    path(P + "case-notes", views.PersonNotesView.as_view(), name="case-note-list"),
    path("case-notes/<uuid:case_note_id>", views.NoteItemView.as_view(), name="case-note-detail"),
    path(P + "visits", views.PersonVisitsView.as_view(), name="case-visit-list"),
    path("visits/<uuid:visit_id>", views.VisitItemView.as_view(), name="case-visit-detail"),
    path(P + "breach-referrals", views.PersonReferralsView.as_view(), name="case-referral-list"),
    path(
        "breach-referrals/<uuid:referral_id>",
        views.ReferralItemView.as_view(),
        name="case-referral-detail",
    ),
    path(
        P + "access-requests",
        views.PersonAccessRequestsView.as_view(),
        name="case-access-request-list",
    ),
    path(
        "access-requests/<uuid:access_request_id>",
        views.AccessRequestItemView.as_view(),
        name="case-access-request-detail",
    ),
    path(
        "access-requests/<uuid:access_request_id>/copies",
        views.AccessCopyView.as_view(),
        name="case-access-request-copy",
    ),
    path(
        "access-requests/<uuid:access_request_id>/decision",
        views.CorrectionDecisionView.as_view(),
        name="case-access-request-decision",
    ),
    path(
        "access-requests/<uuid:access_request_id>/withdrawal",
        views.AccessRequestWithdrawView.as_view(),
        name="case-access-request-withdraw",
    ),
]
