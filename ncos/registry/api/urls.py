"""/api/v1/ routes of the register (included by ncos/api/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from ncos.registry.api import views_more as m
from ncos.registry.api import views_person as p
from ncos.registry.api import views_records as r

P = "persons/<uuid:person_id>"

urlpatterns: list[URLPattern | URLResolver] = [
    path("persons", p.PersonListCreateView.as_view(), name="persons"),
    path(P, p.PersonReadUpdateView.as_view(), name="person"),
    path(P + "/status", p.PersonStatusView.as_view(), name="person-status"),
    path(P + "/merge", p.PersonMergeView.as_view(), name="person-merge"),
    path(P + "/obligations", p.ObligationsView.as_view(), name="person-obligations"),
    path(
        P + "/obligations/refresh",
        p.ObligationsRefreshView.as_view(),
        name="person-obligations-refresh",
    ),
    path(P + "/timeline", p.TimelineView.as_view(), name="person-timeline"),
    path(P + "/details", r.DetailsView.as_view(), name="person-details"),
    path(
        P + "/details/<uuid:detail_id>/correct",
        r.DetailCorrectView.as_view(),
        name="person-detail-correct",
    ),
    path(P + "/details/<uuid:detail_id>/end", r.DetailEndView.as_view(), name="person-detail-end"),
    path(
        P + "/details/<uuid:detail_id>/withdraw",
        r.DetailWithdrawView.as_view(),
        name="person-detail-withdraw",
    ),
    path(P + "/offences", r.OffencesView.as_view(), name="person-offences"),
    path(P + "/offences/<uuid:offence_id>", r.OffenceUpdateView.as_view(), name="person-offence"),
    path(
        P + "/offences/<uuid:offence_id>/finding",
        r.OffenceFindingView.as_view(),
        name="person-offence-finding",
    ),
    path(
        P + "/offences/<uuid:offence_id>/close",
        r.OffenceCloseView.as_view(),
        name="person-offence-close",
    ),
    path(
        P + "/offences/<uuid:offence_id>/quash",
        r.OffenceQuashView.as_view(),
        name="person-offence-quash",
    ),
    path(P + "/custody", m.CustodyListView.as_view(), name="person-custody"),
    path(
        P + "/custody/<uuid:custody_id>",
        m.CustodyUpdateView.as_view(),
        name="person-custody-period",
    ),
    path(P + "/parole", m.ParoleListView.as_view(), name="person-parole"),
    path(P + "/parole/<uuid:parole_id>", m.ParoleUpdateView.as_view(), name="person-parole-period"),
    path(P + "/orders", m.OrderListView.as_view(), name="person-orders"),
    path(P + "/orders/<uuid:order_id>", m.OrderUpdateView.as_view(), name="person-order"),
    path(P + "/photos", m.PhotosView.as_view(), name="person-photos"),
    path(P + "/documents", m.DocumentsView.as_view(), name="person-documents"),
    path("catalogue", m.CatalogueView.as_view(), name="catalogue"),
    path("detail-kinds", m.DetailKindsView.as_view(), name="detail-kinds"),
]
