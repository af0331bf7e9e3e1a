"""The compliance pages through the test client: recording a report (form → review → save),
receipts, notices, failures, the dashboard and its lists (filters, sorting, pages, CSV)."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ncos.audit.models import AuditEvent
from ncos.compliance.models import Acknowledgement, ObligationsNotice, Report, ReportingPlace
from ncos.compliance.services import receipt_generate, report_record, sweep_all
from ncos.compliance.tests.helpers import (
    ADDRESS,
    NEW_ADDRESS,
    obligation,
    officer,
    pdf_text,
    registrable_person,
    today_in,
    years_ago,
)
from ncos.registry.models import Detail, Person
from ncos.registry.tests.factories import make_detail, registrar_for

pytestmark = pytest.mark.django_db


def _rows(before: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.order_by("seq")[before:])


def _meta(person, user, **extra):
    moment = (timezone.now() - timedelta(minutes=10)).astimezone(person.managing_jurisdiction.zone)
    data = {
        "kind": "annual",
        "manner": "in_person",
        "received_date": moment.date().isoformat(),
        "received_time": moment.strftime("%H:%M"),
        "place": str(ReportingPlace.objects.get(name="Belconnen Police Station").pk),
        "officer": str(user.pk),
        "made_by": "self",
        "photo_id_sighted": "on",
        "privacy_offered": "on",
        "meets": [obligation(person, "annual_report").key],
    }
    data.update(extra)
    return data


def test_recording_an_annual_report_with_a_new_address_through_the_pages(client_for, act_registrar):
    person = registrable_person()
    old = make_detail(person, "address", ADDRESS, valid_from=years_ago(today_in(), 2))
    client = client_for(act_registrar)
    url = reverse("compliance:report_create", kwargs={"person_id": person.pk})

    before = AuditEvent.objects.count()
    page = client.get(url)
    assert page.status_code == 200
    assert "Record a report" in page.content.decode()
    assert len(_rows(before)) == 1
    meta = _meta(person, act_registrar)

    # Choose the category: the address fields appear (no JavaScript needed).
    chosen = client.post(
        url,
        {
            **meta,
            "op": "choose",
            "change_op": "record",
            "change_kind": "address",
            "changes": page.context["changes_token"],
        },
    )
    body = chosen.content.decode()
    assert chosen.status_code == 200
    assert 'name="data-line1"' in body
    # Add the change.
    day = (today_in() - timedelta(days=2)).isoformat()
    added = client.post(
        url,
        {
            **meta,
            "op": "add",
            "changes": chosen.context["changes_token"],
            "change_op": "record",
            "change_kind": "address",
            "change_target": str(old.pk),
            "change_valid_from": day,
            "data-present": "address",
            **{f"data-{k}": v for k, v in NEW_ADDRESS.items()},
        },
    )
    assert added.status_code == 200, added.content.decode()[:2000]
    assert "22 Northbourne Avenue" in added.content.decode()
    # Review: current vs reported, per category.
    before = AuditEvent.objects.count()
    review = client.post(url, {**meta, "op": "review", "changes": added.context["changes_token"]})
    text = review.content.decode()
    assert review.status_code == 200
    assert "Recorded now" in text
    assert "As reported" in text
    assert "1 Example Street" in text
    assert "22 Northbourne Avenue" in text
    assert "Ends (replaced)" in text
    assert "New:" in text
    assert len(_rows(before)) == 1
    assert not Report.objects.filter(kind="annual").exists()
    # Save.
    before = AuditEvent.objects.count()
    saved = client.post(url, {"op": "save", "payload": review.context["payload"]})
    report = Report.objects.get(person=person, kind="annual")
    assert saved.status_code == 302
    assert saved["Location"] == reverse("compliance:report", kwargs={"report_id": report.pk})
    assert [r.action for r in _rows(before)] == ["compliance.report.record"]
    assert obligation(person, "annual_report").status == "met"
    assert Detail.objects.filter(fact_id=old.fact_id).count() == 2
    detail = client.get(saved["Location"])
    assert "met on time" in detail.content.decode()
    assert "Produce the receipt (PDF)" in detail.content.decode()


def test_an_invalid_report_form_shows_the_errors_and_audits_one_read(client_for, act_registrar):
    person = registrable_person()
    client = client_for(act_registrar)
    url = reverse("compliance:report_create", kwargs={"person_id": person.pk})
    before = AuditEvent.objects.count()
    response = client.post(url, {**_meta(person, act_registrar), "manner": "phone", "op": "review"})
    assert response.status_code == 400
    assert "must be made in person" in response.content.decode()
    assert [(r.action, r.purpose) for r in _rows(before)] == [
        ("person.view", "report form rejected")
    ]


def test_a_tampered_review_payload_is_refused(client_for, act_registrar):
    person = registrable_person()
    client = client_for(act_registrar)
    url = reverse("compliance:report_create", kwargs={"person_id": person.pk})
    response = client.post(url, {"op": "save", "payload": "forged:value"})
    assert response.status_code == 400
    assert "expired or was altered" in response.content.decode()
    assert not Report.objects.filter(kind="annual").exists()


def test_receipt_pages_produce_download_and_mark_given(client_for, act_registrar):
    person = registrable_person()
    report = report_record(
        actor=act_registrar,
        person=person.pk,
        kind="annual",
        manner="in_person",
        received_at=timezone.now() - timedelta(hours=1),
    )
    client = client_for(act_registrar)
    made = client.post(reverse("compliance:receipt_generate", kwargs={"report_id": report.pk}))
    assert made.status_code == 302
    ack = Acknowledgement.objects.get(report=report)
    before = AuditEvent.objects.count()
    pdf = client.get(reverse("compliance:receipt_pdf", kwargs={"receipt_id": ack.pk}))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Cache-Control"] == "no-store"
    assert "Acknowledgement of report" in pdf_text(pdf.content)
    rows = _rows(before)
    assert len(rows) == 1
    assert rows[0].action == "person.print"
    given_url = reverse("compliance:receipt_given", kwargs={"receipt_id": ack.pk})
    form = client.get(given_url)
    assert form.status_code == 200
    now = timezone.now().astimezone(person.managing_jurisdiction.zone)
    posted = client.post(
        given_url,
        {
            "version": 1,
            "given_date": now.date().isoformat(),
            "given_time": now.strftime("%H:%M"),
            "how": "handed",
        },
    )
    assert posted.status_code == 302
    ack.refresh_from_db()
    assert ack.given_at is not None
    assert ack.given_how == "handed"
    stale = client.post(
        given_url,
        {
            "version": 1,
            "given_date": now.date().isoformat(),
            "given_time": now.strftime("%H:%M"),
            "how": "post",
        },
    )
    assert stale.status_code == 400
    assert "changed by someone else" in stale.content.decode()


def test_a_tampered_copy_is_not_served(client_for, act_registrar):
    person = registrable_person()
    report = report_record(
        actor=act_registrar,
        person=person.pk,
        kind="annual",
        manner="in_person",
        received_at=timezone.now() - timedelta(hours=1),
    )
    ack = receipt_generate(actor=act_registrar, report_id=report.pk)
    Acknowledgement.objects.filter(pk=ack.pk).update(pdf=bytes(ack.pdf) + b"tampered")
    response = client_for(act_registrar).get(
        reverse("compliance:receipt_pdf", kwargs={"receipt_id": ack.pk})
    )
    assert response.status_code == 500
    assert b"%PDF" not in response.content
    assert AuditEvent.objects.order_by("-seq").first().details["intact"] is False


def test_notice_pages(client_for, act_registrar):
    person = registrable_person()
    client = client_for(act_registrar)
    url = reverse("compliance:notice_create", kwargs={"person_id": person.pk})
    assert client.get(url).status_code == 200
    made = client.post(
        url, {"reason": "released", "occasion_date": (today_in() - timedelta(days=2)).isoformat()}
    )
    notice = ObligationsNotice.objects.get(person=person)
    assert made.status_code == 302
    detail = client.get(made["Location"]).content.decode()
    assert notice.reference in detail
    assert "Not yet recorded as given" in detail
    pdf = client.get(reverse("compliance:notice_pdf", kwargs={"notice_id": notice.pk}))
    assert "Notice of Reporting Obligations" in pdf_text(pdf.content)
    service_url = reverse("compliance:notice_service", kwargs={"notice_id": notice.pk})
    now = timezone.now().astimezone(person.managing_jurisdiction.zone)
    missing = client.post(
        service_url,
        {
            "version": 1,
            "served_date": now.date().isoformat(),
            "served_time": now.strftime("%H:%M"),
            "how": "in_person",
        },
    )
    assert missing.status_code == 400
    ok = client.post(
        service_url,
        {
            "version": 1,
            "served_date": now.date().isoformat(),
            "served_time": now.strftime("%H:%M"),
            "how": "in_person",
            "explained": "yes",
            "interpreter_name": "Ana",
            "interpreter_language": "Spanish",
        },
    )
    assert ok.status_code == 302
    notice.refresh_from_db()
    assert notice.explained is True
    assert notice.served_by == act_registrar


def test_failure_and_public_notice_pages(client_for, act_registrar):
    person = registrable_person(first_report=years_ago(today_in(), 2))
    overdue = obligation(person, "annual_report", "overdue")
    client = client_for(act_registrar)
    url = reverse("compliance:failure_create", kwargs={"person_id": person.pk})
    assert overdue.key in client.get(url).content.decode()
    made = client.post(
        url,
        {
            "obligation_keys": [overdue.key],
            "noted_on": today_in().isoformat(),
            "circumstances": "Did not attend.",
            "cannot_be_located": "on",
            "locate_steps": "Visited twice.",
        },
    )
    assert made.status_code == 302
    failure_page = client.get(made["Location"]).content.decode()
    assert "cannot be located" in failure_page
    decide_url = made["Location"] + "public-notice/"
    refused = client.post(
        decide_url,
        {
            "decided_on": today_in().isoformat(),
            "decision_maker_name": "A. Chief",
            "decision_maker_office": "chief",
            "satisfied_failed": "on",
            "satisfied_cannot_be_located": "on",
            "outcome": "publish",
            "include_name": "on",
        },
    )
    assert refused.status_code == 400
    assert "reasonable grounds" in refused.content.decode()


def test_a_protected_person_is_a_stub_for_an_uncleared_reader(client_for, act_investigator):
    person = registrable_person(protected=True)
    response = client_for(act_investigator).get(
        reverse("compliance:person", kwargs={"person_id": person.pk})
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "A restricted record exists" in body
    assert person.family_name not in body
    assert person.national_id not in body


def test_another_registry_may_read_but_not_record(client_for, nsw_registrar):
    person = registrable_person()
    client = client_for(nsw_registrar)
    assert (
        client.get(reverse("compliance:person", kwargs={"person_id": person.pk})).status_code == 200
    )
    before = AuditEvent.objects.count()
    refused = client.get(reverse("compliance:report_create", kwargs={"person_id": person.pk}))
    assert refused.status_code == 403
    assert [r.outcome for r in _rows(before)] == ["denied"]


# --- the dashboard and its lists -----------------------------------------------------------------


@pytest.fixture
def caseload(act_case_manager):
    """Three persons: one overdue (after the sweep), one due this month, one protected."""
    late = registrable_person(
        first_report=years_ago(today_in(), 2),
        case_officer=act_case_manager,
        family_name='=HYPERLINK("http://x")',
    )
    due = registrable_person(case_officer=act_case_manager)
    hidden = registrable_person(protected=True, case_officer=act_case_manager)
    sweep_all()
    return late, due, hidden


def test_the_home_dashboard_shows_the_figures_with_links(client_for, act_case_manager, caseload):
    body = client_for(act_case_manager).get(reverse("web:home")).content.decode()
    assert "My caseload" in body
    assert "Overdue now (ACT)" in body
    assert "Acknowledgements owed" in body
    assert "Compliance, last 12 months" in body
    assert "<svg" in body
    assert "<rect" in body
    assert f"{reverse('compliance:obligations')}?state=overdue" in body
    assert f"{reverse('compliance:obligations')}?officer={act_case_manager.pk}" in body


def test_an_investigator_sees_no_compliance_panels(client_for, act_investigator, caseload):
    body = client_for(act_investigator).get(reverse("web:home")).content.decode()
    assert "Overdue now" not in body


def test_the_compliance_dashboard_per_case_officer(client_for, act_case_manager, caseload):
    response = client_for(act_case_manager).get(reverse("compliance:dashboard"))
    body = response.content.decode()
    assert response.status_code == 200
    fig = response.context["fig"]
    assert fig.overdue == 1
    assert fig.persons == 2
    row = next(r for r in response.context["officers"] if r.officer_id == act_case_manager.pk)
    assert row.caseload == 2
    assert row.figures.overdue == 1
    assert "Casey Manager" in body
    month = fig.rates[-1]
    assert (
        f"?state=met_late&amp;due_from={month.first_day.isoformat()}"
        f"&amp;due_to={month.last_day.isoformat()}"
    ) in body


def test_the_obligation_list_filters_sorts_pages_and_audits(client_for, act_case_manager, caseload):
    late, due, hidden = caseload
    client = client_for(act_case_manager)
    before = AuditEvent.objects.count()
    response = client.get(reverse("compliance:obligations"), {"state": "overdue"})
    page = response.context["page"]
    assert [o.person_id for o in page.object_list] == [late.pk]
    rows = _rows(before)
    assert len(rows) == 1
    assert rows[0].details["result_ids"] == [str(late.pk)]
    assert hidden.family_name not in response.content.decode()
    response = client.get(reverse("compliance:obligations"), {"window": "30", "sort": "-due"})
    assert due.pk in {o.person_id for o in response.context["page"].object_list}
    bad = client.get(reverse("compliance:obligations"), {"due_from": "not-a-date"})
    assert bad.status_code == 400
    assert "Enter a real date" in bad.content.decode()
    empty = client.get(reverse("compliance:obligations"), {"national_id": "NCOS-0000-0000"})
    assert "No obligations match these filters." in empty.content.decode()


def test_the_csv_export_is_audited_and_formula_safe(client_for, act_case_manager, caseload):
    late, _, hidden = caseload
    client = client_for(act_case_manager)
    url = reverse("compliance:obligations_export")
    assert client.get(url, {"state": "overdue"}).status_code == 400  # a purpose is required
    before = AuditEvent.objects.count()
    response = client.get(url, {"state": "overdue", "purpose": "monthly breach review"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode())))
    assert table[0][:3] == ["national_id", "family_name", "given_names"]
    assert table[1][1] == '\'=HYPERLINK("http://x")'  # neutralised
    assert all(hidden.national_id not in line for line in table for _ in [0])
    rows = _rows(before)
    assert len(rows) == 1
    assert rows[0].action == "person.export"
    assert rows[0].purpose == "monthly breach review"
    assert rows[0].details["person_ids"] == [str(late.pk)]


def test_the_reports_list_shows_acknowledgements_owed(client_for, act_case_manager, caseload):
    late, due, _ = caseload
    client = client_for(act_case_manager)
    owed = client.get(reverse("compliance:reports"), {"ack": "owed"}).context["page"]
    assert {r.person_id for r in owed.object_list} >= {late.pk, due.pk}
    report = owed.object_list[0]
    receipt_generate(actor=registrar_for("ACT"), report_id=report.pk)
    from ncos.compliance.services import receipt_mark_given

    ack = report.acknowledgements.get()
    receipt_mark_given(
        actor=registrar_for("ACT"), receipt_id=ack.pk, how="post", given_at=timezone.now()
    )
    given = client.get(reverse("compliance:reports"), {"ack": "given"}).context["page"]
    assert [r.pk for r in given.object_list] == [report.pk]


def test_reminders_list_and_dismiss(client_for, act_case_manager):
    person = registrable_person(case_officer=act_case_manager)
    annual = obligation(person, "annual_report")
    from ncos.compliance.services import sweep_person

    sweep_person(person_id=person.pk, as_of=annual.due_date - timedelta(days=1))
    client = client_for(act_case_manager)
    page = client.get(reverse("compliance:reminders")).context["page"]
    reminder = page.object_list[0]
    assert reminder.person_id == person.pk
    assert reminder.days_before == 1
    response = client.post(
        reverse("compliance:reminder_dismiss", kwargs={"reminder_id": reminder.pk})
    )
    assert response.status_code == 302
    assert not client.get(reverse("compliance:reminders")).context["page"].object_list
    assert Person.objects.filter(pk=person.pk).exists()


def test_case_officer_filter_choices_list_only_officers_with_persons(
    client_for, act_case_manager, caseload
):
    other = officer("ACT", name="idle.officer")
    form = client_for(act_case_manager).get(reverse("compliance:obligations")).context["form"]
    values = dict(form.fields["officer"].choices)
    assert str(act_case_manager.pk) in values
    assert str(other.pk) not in values
