"""Pages: photographs and documents, their upload and withdrawal, and the only way to get the
bytes — an access-checked, audited view with headers that stop a browser from running them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import reverse

from ncos.access.actions import Action
from ncos.registry import services
from ncos.registry.choices import DocumentKind, PhotoKind
from ncos.registry.forms.common import date_field
from ncos.registry.models import Detail, Document, Photo
from ncos.registry.selectors import PersonAccess
from ncos.registry.services._common import local_today
from ncos.registry.services.files import open_stored
from ncos.registry.views.base import PersonFormPage, PersonPage, render_stub

FILE_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"


def files_url(person_id: Any) -> str:
    return reverse("registry:files", kwargs={"person_id": person_id})


class FilesView(PersonPage):
    template_name = "registry/files.html"
    tab = "files"

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        person = access.person
        assert person is not None  # noqa: S101
        return {
            "photos": list(person.photos.select_related("uploaded_by")),
            "documents": list(person.documents.select_related("uploaded_by")),
        }


class PhotoForm(forms.Form):
    image = forms.FileField(label="Photograph (JPEG or PNG, up to 10 MB)")
    taken_on = date_field("Date taken", required=True)
    kind = forms.ChoiceField(choices=PhotoKind.choices, label="Shows")
    description = forms.CharField(max_length=300, required=False)
    mark_fact_id = forms.ChoiceField(required=False, label="Tattoo or mark shown")

    def __init__(self, *args: Any, person: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        marks = Detail.objects.filter(person=person, kind="mark", is_current=True, withdrawn=False)
        field = self.fields["mark_fact_id"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101
        field.choices = [("", "—")] + [(str(m.fact_id), m.summary) for m in marks]


class DocumentForm(forms.Form):
    file = forms.FileField(label="Document (PDF, up to 10 MB)")
    title = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=DocumentKind.choices)
    document_date = date_field("Date of the document")


class WithdrawFileForm(forms.Form):
    reason = forms.CharField(max_length=300, widget=forms.Textarea({"rows": 2}))


class PhotoAddView(PersonFormPage):
    tab = "files"
    title = "Add a photograph"
    submit_label = "Upload"
    success_message = "Photograph added (re-encoded without its metadata)."
    multipart = True

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        today = local_today(access.person)  # type: ignore[arg-type]
        return {"form": PhotoForm(data, files, person=access.person, initial={"taken_on": today})}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        data = forms["form"].cleaned_data
        import uuid

        services.photo_upload(
            actor=request.user,
            person_id=access.person_id,
            image=data["image"],
            taken_on=data["taken_on"],
            kind=data["kind"],
            description=data["description"],
            mark_fact_id=uuid.UUID(data["mark_fact_id"]) if data.get("mark_fact_id") else None,
        )
        return files_url(access.person_id)


class DocumentAddView(PersonFormPage):
    tab = "files"
    title = "Add a document"
    submit_label = "Upload"
    success_message = "Document added."
    multipart = True

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        return {"form": DocumentForm(data, files)}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        data = forms["form"].cleaned_data
        services.document_upload(
            actor=request.user,
            person_id=access.person_id,
            file=data["file"],
            title=data["title"],
            kind=data["kind"],
            document_date=data.get("document_date"),
        )
        return files_url(access.person_id)


class _WithdrawFile(PersonFormPage):
    tab = "files"
    submit_label = "Withdraw"
    success_message = "Withdrawn; it stays in the record's history."
    model: Any = Photo
    kwarg = "photo_id"

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        if not self.model.objects.filter(
            pk=kwargs[self.kwarg], person_id=access.person_id
        ).exists():
            raise Http404("No such file.")
        return {"form": WithdrawFileForm(data)}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        reason = forms["form"].cleaned_data["reason"]
        if self.model is Photo:
            services.photo_withdraw(actor=request.user, photo_id=kwargs["photo_id"], reason=reason)
        else:
            services.document_withdraw(
                actor=request.user, document_id=kwargs["document_id"], reason=reason
            )
        return files_url(access.person_id)


class PhotoWithdrawView(_WithdrawFile):
    title = "Withdraw a photograph"


class DocumentWithdrawView(_WithdrawFile):
    title = "Withdraw a document"
    model = Document
    kwarg = "document_id"


def _file_response(handle: Any, content_type: str, filename: str, inline: bool) -> HttpResponse:
    response = FileResponse(handle, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    response["Content-Security-Policy"] = FILE_CSP
    response._csp_exempt = True  # type: ignore[attr-defined] # keep the sandbox policy above
    return response


class PhotoFileView(PersonPage):
    """The photograph (or its thumbnail): `person.photo` decides and is audited once."""

    access_action = Action.PERSON_PHOTO
    thumbnail = False

    def get(self, request: HttpRequest, person_id: object, **kwargs: Any) -> HttpResponse:
        access = self.open(request, person_id, audit_now=False)
        photo = Photo.objects.filter(pk=kwargs["photo_id"], person_id=access.person_id).first()
        if photo is None:
            raise Http404("No such photograph.")
        access.audit_read("thumbnail" if self.thumbnail else "photograph", photo_id=str(photo.pk))
        name = photo.thumbnail_name if self.thumbnail else photo.storage_name
        content_type = "image/jpeg" if self.thumbnail else photo.content_type
        extension = "jpg" if content_type == "image/jpeg" else "png"
        return _file_response(
            open_stored(name), content_type, f"photo-{photo.pk}.{extension}", inline=True
        )


class DocumentFileView(PersonPage):
    """A document, always as a download (never rendered in the browser)."""

    access_action = Action.PERSON_VIEW

    def get(self, request: HttpRequest, person_id: object, **kwargs: Any) -> HttpResponse:
        access = self.open(request, person_id, audit_now=False)
        if access.stub:
            access.audit_read("document")
            return render_stub(request, access)
        document = Document.objects.filter(
            pk=kwargs["document_id"], person_id=access.person_id
        ).first()
        if document is None:
            raise Http404("No such document.")
        access.audit_read("document", document_id=str(document.pk))
        return _file_response(
            open_stored(document.storage_name),
            document.content_type,
            f"document-{document.pk}.pdf",
            inline=False,
        )
