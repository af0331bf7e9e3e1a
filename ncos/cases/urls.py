"""/cases/ — case management pages. Every view declares its action (ncos/access/matrix.yaml)."""

from django.urls import path

from ncos.cases.views import lists, person, requests, tasks

app_name = "cases"

P = "persons/<uuid:person_id>/"

urlpatterns = [
    path("", lists.CaseloadView.as_view(), name="caseload"),
    path("caseload.csv", lists.CaseloadExportView.as_view(), name="caseload_export"),
    path("jurisdiction/", lists.JurisdictionView.as_view(), name="jurisdiction"),
    path("jurisdiction/transfer/", lists.TransferView.as_view(), name="transfer"),
    path("tasks/", lists.TaskListView.as_view(), name="tasks"),
    path("tasks.csv", lists.TaskExportView.as_view(), name="tasks_export"),
    path("tasks/<uuid:task_id>/", tasks.TaskView.as_view(), name="task_detail"),
    path("tasks/<uuid:task_id>/reassign/", tasks.TaskReassignView.as_view(), name="task_reassign"),
    # one person's case
    path(P, person.PersonCaseView.as_view(), name="person_case"),
    path(P + "officer/", person.OfficerAssignView.as_view(), name="officer_assign"),
    path(P + "tasks/add/", person.TaskAddView.as_view(), name="task_add"),
    path(P + "notes/add/", person.NoteAddView.as_view(), name="note_add"),
    path(P + "visits/add/", person.VisitAddView.as_view(), name="visit_add"),
    path(P + "referrals/add/", person.ReferralAddView.as_view(), name="referral_add"),
    path(P + "requests/add/", requests.RequestAddView.as_view(), name="request_add"),
    path("visits/<uuid:visit_id>/", person.VisitView.as_view(), name="visit_detail"),
    path("referrals/<uuid:referral_id>/", person.ReferralView.as_view(), name="referral_detail"),
    path(
        "requests/<uuid:access_request_id>/",
        requests.RequestView.as_view(),
        name="request_detail",
    ),
    path(
        "requests/<uuid:access_request_id>/copy/",
        requests.RequestCopyView.as_view(),
        name="request_copy",
    ),
    path(
        "requests/<uuid:access_request_id>/decide/",
        requests.RequestDecideView.as_view(),
        name="request_decide",
    ),
    path(
        "requests/<uuid:access_request_id>/withdraw/",
        requests.RequestWithdrawView.as_view(),
        name="request_withdraw",
    ),
]
