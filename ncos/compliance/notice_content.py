"""What a notice of reporting obligations says, for one person, in their jurisdiction's form.

A reporting obligations notice states "the offender's reporting obligations; and the consequences
that may arise if the offender does not comply with the obligations" (ACT s 103); NSW ss 5, 6,
7, 7A and 7B require notice of "the person's reporting obligations" and "the consequences that
may arise if the person fails to comply" (and, under s 5, the reporting period). The ACT's form
is modelled on the ACT Policing "Notice of Reporting Obligations" (NORO). For NT, QLD, SA, TAS,
VIC and WA the notice follows the national model and says so.

The content is built as plain data (stored with the notice and rendered to PDF), so the notice
kept on file is exactly what was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ncos.compliance.choices import NoticeReason
from ncos.compliance.law import ACT_ACT, NATIONAL_MODEL, NSW_ACT, manners_for_obligation
from ncos.compliance.states import describe


@dataclass(frozen=True)
class Duty:
    title: str
    text: str
    time_limit: str
    how: str
    sections: str

    def to_json(self) -> dict[str, str]:
        return self.__dict__.copy()


# --- ACT: Crimes (Child Sex Offenders) Act 2005 ------------------------------------------------

ACT_DUTIES: tuple[Duty, ...] = (
    Duty(
        "Initial report",
        "Report your personal details after you are sentenced for a registrable offence, or "
        "after you are released from government custody.",
        "Within 7 days after the day you are sentenced or released (not counting days in custody)",
        "In person at an approved reporting place",
        "s 23",
    ),
    Duty(
        "Annual report",
        "Attend an approved reporting place each year and report any changes to your personal "
        "details (and any time you spent in government custody since you last reported).",
        "Before the end of the month in which the anniversary of your first report falls",
        "In person at an approved reporting place",
        "s 37",
    ),
    Duty(
        "Change of address, tattoos and marks",
        "Report any change to the premises where you generally live (or the localities where "
        "you can generally be found), and any tattoo or permanent distinguishing mark you get "
        "or have removed.",
        "Within 7 days after the change",
        "In person at an approved reporting place",
        "s 54 (1) (b), (2) (a)",
    ),
    Duty(
        "Children",
        "Report the names, dates of birth and ages of children who generally live in the same "
        "household as you, and of children you have regular unsupervised contact with.",
        "Within 24 hours after the change",
        "In an approved way",
        "s 54 (1) (a), s 59 (1) (e)",
    ),
    Duty(
        "Other changes to your personal details",
        "Report any change to your names, employment (including unpaid and volunteer work), "
        "clubs and organisations with children, vehicles you own or generally drive, phones and "
        "carriage services, internet providers, email addresses and online identities, and "
        "passports.",
        "Within 7 days after the change",
        "In an approved way",
        "s 54 (1) (b), (2) (b), s 59",
    ),
    Duty(
        "Leaving government custody",
        "If you were in government custody for 7 or more consecutive days, report when you "
        "leave custody.",
        "Within 7 days after leaving custody (or before leaving the ACT, if sooner)",
        "In person at an approved reporting place",
        "s 56",
    ),
    Duty(
        "Travel from the ACT",
        "If you intend to travel outside the ACT but within Australia for 7 or more "
        "consecutive days, or outside Australia for any period, report where you will go, "
        "where you will stay and when, and when you will return.",
        "At least 7 days before leaving (at least 24 hours if it was impracticable sooner)",
        "In person",
        "s 42, s 43",
    ),
    Duty(
        "Changes while you are away",
        "If, while outside the ACT, you decide to stay away 7 or more days or to change the "
        "travel details you gave, report it.",
        "Within 7 days after the decision",
        "By prepaid post, fax, email or another prescribed way",
        "s 45, s 46",
    ),
    Duty(
        "Decision not to travel",
        "If you reported travel and then decide not to leave the ACT, report that decision.",
        "Within 7 days after deciding",
        "In an approved way",
        "s 48",
    ),
    Duty(
        "Return to the ACT",
        "After travel you reported, report your return once you have been back for 7 "
        "consecutive days; after travel overseas also give a copy of your passport and travel "
        "documents.",
        "Within 7 days after returning",
        "In an approved way",
        "s 47",
    ),
    Duty(
        "Regular travel",
        "If you intend to travel outside the ACT but within Australia on average at least once "
        "a month, report the frequency and destinations in general terms when you report.",
        "When you make a report",
        "In an approved way",
        "s 49",
    ),
    Duty(
        "Entering the ACT",
        "If you have reporting obligations elsewhere and come to the ACT for 7 or more "
        "consecutive days, contact the registry or report your personal details.",
        "Within 7 days after your 7th consecutive day in the ACT",
        "By telephone, or in person at an approved reporting place",
        "s 24, s 34",
    ),
)

ACT_WAYS: tuple[str, ...] = (
    "In person, by appointment, at an approved reporting place (contact the registry to make "
    "an appointment; attending without one does not meet your obligations)",
    "By telephone",
    "By email",
    "In writing",
)
ACT_IN_PERSON_NOTE = (
    "Initial and annual reports, changes of address, tattoos and marks, leaving custody and "
    "intended travel must be reported in person. Other changes may be reported in any approved "
    "way (ACT s 63)."
)
ACT_PENALTIES: tuple[str, ...] = (
    "Failing to comply with your reporting obligations is a criminal offence (s 58A): maximum "
    "penalty 500 penalty units, imprisonment for 5 years, or both.",
    "Knowingly giving false or misleading information is an offence: maximum penalty 100 "
    "penalty units, imprisonment for 1 year, or both.",
    "When you report in person you must present identification and may be photographed; it is "
    "an offence not to comply with a requirement to be photographed (s 70, s 78). If police are "
    "not satisfied of your identity your fingerprints may be taken (s 75).",
)

# --- NSW: Child Protection (Offenders Registration) Act 2000 -----------------------------------

NSW_DUTIES: tuple[Duty, ...] = (
    Duty(
        "Initial report",
        "Give the Commissioner of Police a personal information report.",
        "Within the period the Act sets for you (s 9A table)",
        "In person",
        "s 9A, s 12A (1) (a)",
    ),
    Duty(
        "Annual report",
        "Give a personal information report each year during your reporting month (the calendar "
        "month in which you first reported), including when and where you were in government "
        "custody since your last annual report.",
        "During your reporting month each year",
        "In person",
        "s 10, s 12A (1) (b)",
    ),
    Duty(
        "Changes to your relevant personal information",
        "Notify any change in your relevant personal information (for example, where you "
        "reside, work, vehicles, phones, carriage and internet services, online identities), "
        "including information that no longer applies.",
        "Within 5 days after the change (after leaving custody, or after entering NSW, if it "
        "happened then)",
        "In person for a change of address or tattoo or distinguishing mark; otherwise in "
        "person or another permitted way",
        "s 10A (1) (a) (ii), (b), (c), s 12A",
    ),
    Duty(
        "Children residing with you",
        "Notify a change in the information about children who reside with you.",
        "Within 24 hours after the change",
        "In person or another permitted way",
        "s 10A (1) (a) (i), Sch 1C cl 9",
    ),
    Duty(
        "Contact with children",
        "Report contact with a child (supervising or caring for the child, visiting or staying "
        "where the child is, exchanging contact details, attempting to befriend or contact the "
        "child): the child's name, date of birth and address, as known.",
        "Within 24 hours after the contact",
        "In person or another permitted way",
        "s 11",
    ),
    Duty(
        "Intended absence from NSW",
        "If you intend to leave NSW for 14 or more consecutive days elsewhere in Australia, or "
        "to travel out of Australia, report where you will go, where you will stay and when, "
        "and when you will return.",
        "At least 7 days before leaving (at least 24 hours if it was impracticable sooner)",
        "In person or another permitted way",
        "s 11A",
    ),
    Duty(
        "Changes while you are away",
        "If, while out of NSW, you decide to stay elsewhere in Australia beyond 13 days or to "
        "change the details you gave, report it.",
        "As soon as practicable after the decision",
        "By fax or email, or another way the regulations permit",
        "s 11B",
    ),
    Duty(
        "Return or decision not to leave",
        "Report your return to NSW, or your decision not to leave.",
        "Within 7 days after being back in NSW for 14 consecutive days, or within 7 days of "
        "deciding not to leave",
        "In person or another permitted way",
        "s 11C",
    ),
    Duty(
        "Regular travel",
        "If you travel elsewhere in Australia on average at least once a calendar month, report "
        "the reason, frequency and destinations in general terms when you report.",
        "When you make a report",
        "In person or another permitted way",
        "s 11D",
    ),
    Duty(
        "Intended change of where you reside",
        "Report an intended change of the place where you generally reside.",
        "At least 14 days before the change (within 3 days after it in an emergency)",
        "In person or another permitted way",
        "s 11F",
    ),
)
NSW_WAYS: tuple[str, ...] = (
    "In person at a police station in the locality where you currently reside, at the police "
    "station you are directed to, or at another place approved by the Commissioner of Police "
    "(s 12)",
    "Other reports may be made in any other way permitted by the regulations or by the "
    "Commissioner of Police (s 12A (2))",
)
NSW_IN_PERSON_NOTE = (
    "Initial and annual reports, changes of address and changes to tattoos or distinguishing "
    "marks must be made in person (s 12A (1)). If you live more than 100 km from the nearest "
    "police station you may be able to agree another time and place (s 12I)."
)
NSW_PENALTIES: tuple[str, ...] = (
    "Failing to comply with your reporting obligations without reasonable excuse is an offence "
    "(s 17): maximum penalty 500 penalty units or imprisonment for 5 years, or both.",
    "Furnishing information you know to be false or misleading in a material particular is an "
    "offence (s 18): maximum penalty 500 penalty units or imprisonment for 5 years, or both.",
    "When you report in person you must present 2 identification documents (s 12D); police may "
    "take your fingerprints and photographs (s 12E, s 12F).",
)

NATIONAL_PENALTIES: tuple[str, ...] = (
    "Failing to comply with your reporting obligations is a criminal offence. Under the "
    "national model legislation (as the ACT Act states it) the maximum penalty is 500 penalty "
    "units, imprisonment for 5 years, or both; your jurisdiction's Act sets the penalty that "
    "applies to you — ask the registry.",
    "Knowingly giving false or misleading information is also an offence.",
)

REASON_SECTIONS: dict[str, dict[str, str]] = {
    "ACT": {
        NoticeReason.SENTENCED: "s 104 (1) (a)",
        NoticeReason.RELEASED: "s 104 (1) (b), (c)",
        NoticeReason.ENTERED: "s 104 (1) (d)",
        NoticeReason.CORRESPONDING: "s 104 (1) (e)",
        NoticeReason.CHANGED: "s 107",
        NoticeReason.ANY_TIME: "s 105",
        NoticeReason.SUPERVISED: "s 105",
    },
    "NSW": {
        NoticeReason.SUPERVISED: "s 5",
        NoticeReason.RELEASED: "s 6 (2)",
        NoticeReason.ENTERED: "s 7A",
        NoticeReason.CHANGED: "s 7B",
        NoticeReason.ANY_TIME: "s 7",
        NoticeReason.SENTENCED: "s 7",
        NoticeReason.CORRESPONDING: "s 7",
    },
}

# ACT s 104 (1): "as soon as practicable, but no later than 14 days after the day" the event
# happens. NSW sets no number of days (ss 5, 6: "as soon as practicable"; s 7B: before the next
# report).
ACT_NOTICE_DAYS = 14


def form_of(jurisdiction: str) -> str:
    if jurisdiction in ("ACT", "NSW"):
        return jurisdiction.lower()
    return "national"


def reason_section(jurisdiction: str, reason: str) -> str:
    table = REASON_SECTIONS.get(jurisdiction, REASON_SECTIONS["ACT"])
    section = table.get(reason, "")
    return section if jurisdiction in ("ACT", "NSW") else f"ACT {section} (national model)"


def _period_text(answer: dict[str, Any]) -> dict[str, Any]:
    period = answer.get("reporting_period")
    start, end = answer.get("reporting_period_start"), answer.get("reporting_period_end")
    if not answer.get("registrable") or not period:
        return {"length": "", "start": start, "end": end, "text": "No reporting period applies."}
    if period == "life":
        words = "for the rest of your life"
    else:
        years, _, rest = period.partition("y")
        months = rest.rstrip("m")
        words = f"{int(years)} years" + (f" and {int(months)} months" if months else "")
    text = f"Your reporting period is {words}"
    if start:
        text += f", from {_fmt(start)}"
    if end:
        text += f" to {_fmt(end)} (the last day)"
    return {"length": words, "start": start, "end": end, "text": text + "."}


def _fmt(iso: str | None) -> str:
    if not iso:
        return ""
    return date.fromisoformat(str(iso)[:10]).strftime("%-d %B %Y")


def _how(manner: list[str]) -> str:
    allowed = manners_for_obligation(manner)
    if allowed == {"in_person"}:
        return "In person"
    if "in_person" in allowed:
        return "In person or another approved way"
    return "In writing or by email"


def build(
    *,
    person: Any,
    jurisdiction: Any,
    answer: dict[str, Any] | None,
    obligations: list[Any],
    reason: str,
    interstate: dict[str, Any],
    today: date,
) -> dict[str, Any]:
    """The notice for `person` as plain data (see module docstring)."""
    code = jurisdiction.code
    form = form_of(code)
    answer = answer or {}
    zone = jurisdiction.zone
    open_rows = [
        {
            "label": describe(o, zone),
            "due": (
                o.due_at.astimezone(zone).strftime("%-d %B %Y, %H:%M")
                if o.due_at
                else (o.due_date.strftime("%-d %B %Y") if o.due_date else "")
            ),
            "how": _how(o.manner),
            "sections": ", ".join(o.sections[:3]),
            "state": o.status,
        }
        for o in obligations
        if o.status in ("due", "overdue", "upcoming")
    ]
    annual = next(
        (
            o
            for o in obligations
            if o.kind in ("annual_report", "periodic_report")
            and o.status in ("due", "upcoming", "overdue")
            and o.due_date
            and o.due_date >= today
        ),
        None,
    )
    next_annual = None
    if annual is not None:
        window = f"between {annual.opens_on:%-d %B %Y} and " if annual.opens_on else "by "
        next_annual = {
            "opens": annual.opens_on.isoformat() if annual.opens_on else None,
            "due": annual.due_date.isoformat(),
            "text": f"Your next annual report is due {window}{annual.due_date:%-d %B %Y}.",
        }
    if form == "act":
        duties, ways, in_person, penalties = ACT_DUTIES, ACT_WAYS, ACT_IN_PERSON_NOTE, ACT_PENALTIES
        title, act = "Notice of Reporting Obligations", ACT_ACT
    elif form == "nsw":
        duties, ways, in_person, penalties = NSW_DUTIES, NSW_WAYS, NSW_IN_PERSON_NOTE, NSW_PENALTIES
        title, act = "Notice of Reporting Obligations", NSW_ACT
    else:
        duties, ways, in_person = ACT_DUTIES, ACT_WAYS, ACT_IN_PERSON_NOTE
        penalties = NATIONAL_PENALTIES
        title, act = "Notice of Reporting Obligations (national model)", ACT_ACT
    contact = [
        line
        for line in (
            f"Telephone: {jurisdiction.phone}" if jurisdiction.phone else "",
            f"Email: {jurisdiction.email}" if jurisdiction.email else "",
            f"Writing to: {jurisdiction.postal_address}" if jurisdiction.postal_address else "",
        )
        if line
    ]
    national_note = ""
    if form == "national":
        national_note = (
            f"{jurisdiction.name}'s own Act is not yet encoded in ncos. This notice follows the "
            "national model (the ANCOR model legislation, as the Crimes (Child Sex Offenders) Act "
            "2005 (ACT) states it). Sections cited are of that Act. Your obligations are set by "
            f"{jurisdiction.name}'s law: contact {jurisdiction.registry_unit} if anything here "
            "differs from what you have been told."
        )
    return {
        "form": form,
        "jurisdiction": code,
        "jurisdiction_name": jurisdiction.name,
        "registry_unit": jurisdiction.registry_unit,
        "title": title,
        "act": act,
        "reason": reason,
        "reason_label": NoticeReason(reason).label,
        "reason_section": reason_section(code, reason),
        "person": {
            "name": person.display_name,
            "date_of_birth": person.date_of_birth.isoformat(),
            "national_id": person.national_id,
        },
        "registrable": bool(answer.get("registrable")),
        "period": _period_text(answer),
        "next_annual": next_annual,
        "open_obligations": open_rows,
        "duties": [d.to_json() for d in duties],
        "ways": list(ways),
        "contact": contact,
        "in_person_note": in_person,
        "penalties": list(penalties),
        "interstate": [
            {
                "code": rule.jurisdiction,
                "name": rule.name,
                "threshold": rule.threshold_text,
                "deadline": f"Within {rule.deadline_days} days of arrival",
                "contact": rule.contact,
            }
            for rule in interstate.values()
        ],
        "assumptions": list(answer.get("assumptions") or []),
        "national_note": national_note,
        "national_model": code in NATIONAL_MODEL,
        "dated": today.isoformat(),
    }
