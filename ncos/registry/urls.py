"""/persons/ — the register's pages. Every view declares its action (ncos/access/matrix.yaml)."""

from django.urls import path

from ncos.registry.views import details, files, obligations, offences, person, records

app_name = "registry"

P = "<uuid:person_id>/"

urlpatterns = [
    path("", person.PersonListView.as_view(), name="person_list"),
    path("new/", person.PersonCreateView.as_view(), name="person_create"),
    path("catalogue/", offences.CataloguePickerView.as_view(), name="catalogue"),
    path(P, person.PersonDetailView.as_view(), name="person_detail"),
    path(P + "edit/", person.PersonEditView.as_view(), name="person_edit"),
    path(P + "status/", person.StatusView.as_view(), name="person_status"),
    path(P + "merge/", person.MergeView.as_view(), name="person_merge"),
    path(P + "timeline/", person.TimelineView.as_view(), name="timeline"),
    path(P + "obligations/", obligations.ObligationsView.as_view(), name="obligations"),
    # personal details
    path(P + "details/", details.DetailsView.as_view(), name="details"),
    path(P + "details/add/", details.DetailAddView.as_view(), name="detail_add"),
    path(
        P + "details/<uuid:detail_id>/correct/",
        details.DetailCorrectView.as_view(),
        name="detail_correct",
    ),
    path(P + "details/<uuid:detail_id>/end/", details.DetailEndView.as_view(), name="detail_end"),
    path(
        P + "details/<uuid:detail_id>/withdraw/",
        details.DetailWithdrawView.as_view(),
        name="detail_withdraw",
    ),
    # offences, custody, parole, orders
    path(P + "offences/", offences.OffencesView.as_view(), name="offences"),
    path(P + "offences/add/", offences.OffenceAddView.as_view(), name="offence_add"),
    path(
        P + "offences/<uuid:offence_id>/edit/",
        offences.OffenceEditView.as_view(),
        name="offence_edit",
    ),
    path(
        P + "offences/<uuid:offence_id>/finding/",
        offences.FindingView.as_view(),
        name="offence_finding",
    ),
    path(
        P + "offences/<uuid:offence_id>/close/", offences.CloseView.as_view(), name="offence_close"
    ),
    path(
        P + "offences/<uuid:offence_id>/quash/", offences.QuashView.as_view(), name="offence_quash"
    ),
    path(P + "custody/add/", records.RecordAddView.as_view(record="custody"), name="custody_add"),
    path(
        P + "custody/<uuid:custody_id>/edit/",
        records.RecordEditView.as_view(record="custody"),
        name="custody_edit",
    ),
    path(P + "parole/add/", records.RecordAddView.as_view(record="parole"), name="parole_add"),
    path(
        P + "parole/<uuid:parole_id>/edit/",
        records.RecordEditView.as_view(record="parole"),
        name="parole_edit",
    ),
    path(P + "orders/add/", records.RecordAddView.as_view(record="order"), name="order_add"),
    path(
        P + "orders/<uuid:order_id>/edit/",
        records.RecordEditView.as_view(record="order"),
        name="order_edit",
    ),
    # photographs and documents
    path(P + "files/", files.FilesView.as_view(), name="files"),
    path(P + "photos/add/", files.PhotoAddView.as_view(), name="photo_add"),
    path(P + "photos/<uuid:photo_id>/image", files.PhotoFileView.as_view(), name="photo_image"),
    path(
        P + "photos/<uuid:photo_id>/thumbnail",
        files.PhotoFileView.as_view(thumbnail=True),
        name="photo_thumbnail",
    ),
    path(
        P + "photos/<uuid:photo_id>/withdraw/",
        files.PhotoWithdrawView.as_view(),
        name="photo_withdraw",
    ),
    path(P + "documents/add/", files.DocumentAddView.as_view(), name="document_add"),
    path(
        P + "documents/<uuid:document_id>/file",
        files.DocumentFileView.as_view(),
        name="document_file",
    ),
    path(
        P + "documents/<uuid:document_id>/withdraw/",
        files.DocumentWithdrawView.as_view(),
        name="document_withdraw",
    ),
]
