"""Failing to comply (ACT s 58A; NSW s 17), the person who cannot be located, and the ACT s 116A
public-notice decision.

s 116A (1): "The chief police officer or a deputy chief police officer may publish a notice about
a registrable offender if— (a) satisfied that the offender— (i) has failed to comply with a
reporting obligation under this chapter; and (ii) cannot be located; and (b) the offender is not a
young person; and (c) the officer believes on reasonable grounds that— (i) the offender poses a
risk to the lives or sexual safety of 1 or more people or of the community; and (ii) publishing
the notice will reduce the risk."
s 116A (3): "The notice must— (a) include 1 or more of the following: (i) the offender's name;
(ii) a photograph of the offender; (iii) a description of the offender; and (b) state that the
offender is required by police to answer questions; but (c) not state that the offender is a
registrable offender."
NSW has no equivalent power in its Act: the decision is refused for non-ACT records.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.common.services import service
from ncos.compliance import law
from ncos.compliance.choices import DecisionMakerOffice, FailureStatus, PublicNoticeOutcome
from ncos.compliance.models import FailureToComply, PublicNoticeDecision
from ncos.compliance.services._common import (
    age_on,
    as_uuid,
    audit_write,
    check_version,
    local_today,
    lock_person,
    now,
)
from ncos.registry.models import Obligation, Photo

ANSWER_QUESTIONS = "is required by police to answer questions"
# s 116A (3) (c): the notice must not state that the person is a registrable offender. These
# words (and their obvious variants) would state or imply it.
_FORBIDDEN = re.compile(
    r"registrable|registered\s+(?:child\s+)?(?:sex\s+)?offender|sex(?:ual)?\s+offender|"
    r"offenders?\s+regist|child\s+protection\s+regist|ANCOR|reporting\s+obligation",
    re.IGNORECASE,
)


@service
def failure_record(
    *,
    actor: Any,
    person_id: object,
    obligation_keys: list[str],
    noted_on: date,
    circumstances: str,
    cannot_be_located: bool = False,
    last_known: str = "",
    locate_steps: str = "",
) -> FailureToComply:
    """Record that the person failed to report as required (and whether they can be found)."""
    person = lock_person(actor, person_id, Action.PERSON_UPDATE)
    keys = list(dict.fromkeys(k for k in obligation_keys if k))
    if not keys:
        raise RuleViolation(
            "Choose the obligation(s) the person failed to meet.", "obligation_keys"
        )
    found = {o.key: o for o in Obligation.objects.filter(person=person, key__in=keys)}
    for i, key in enumerate(keys):
        o = found.get(key)
        if o is None:
            raise RuleViolation("This is not an obligation of the person.", f"obligation_keys[{i}]")
        if o.status != "overdue" and not (o.status == "met" and o.days_late):
            raise RuleViolation(
                "Only an overdue obligation (or one met late) is a failure to comply.",
                f"obligation_keys[{i}]",
            )
    if noted_on > local_today(person):
        raise RuleViolation("The date cannot be in the future.", "noted_on")
    if not circumstances.strip():
        raise RuleViolation("Describe the failure.", "circumstances")
    if cannot_be_located and not locate_steps.strip():
        raise RuleViolation(
            "Say what was done to locate the person before recording that they cannot be located.",
            "locate_steps",
        )
    stamp = now()
    failure = FailureToComply.objects.create(
        person=person,
        obligation_keys=keys,
        noted_on=noted_on,
        circumstances=circumstances.strip()[:5000],
        cannot_be_located=cannot_be_located,
        last_known=last_known.strip()[:500],
        locate_steps=locate_steps.strip()[:5000],
        recorded_at=stamp,
        recorded_by=actor,
        updated_at=stamp,
    )
    audit_write(
        actor,
        person,
        "compliance.failure.record",
        details={
            "failure_id": failure.pk,
            "obligation_keys": keys,
            "cannot_be_located": cannot_be_located,
        },
    )
    return failure


def _failure(failure_id: object) -> FailureToComply:
    failure = FailureToComply.objects.filter(pk=as_uuid(failure_id, "failure")).first()
    if failure is None:
        raise NotFound("failure not found")
    return failure


@service
def failure_update(
    *,
    actor: Any,
    failure_id: object,
    status: str,
    cannot_be_located: bool,
    outcome_note: str = "",
    locate_steps: str | None = None,
    expected_version: int | None = None,
) -> FailureToComply:
    """The person was located, or the matter resolved (or still cannot be located)."""
    found = _failure(failure_id)
    person = lock_person(actor, found.person_id, Action.PERSON_UPDATE)
    failure = FailureToComply.objects.select_for_update().get(pk=found.pk)
    check_version(failure.version, expected_version)
    if status not in FailureStatus.values:
        raise RuleViolation("Choose the status.", "status")
    if status == FailureStatus.LOCATED and cannot_be_located:
        raise RuleViolation("A located person can be located.", "cannot_be_located")
    if status != FailureStatus.OPEN and not outcome_note.strip():
        raise RuleViolation("Say what happened.", "outcome_note")
    steps = failure.locate_steps if locate_steps is None else locate_steps.strip()[:5000]
    if cannot_be_located and not steps:
        raise RuleViolation("Say what was done to locate the person.", "locate_steps")
    before = {
        "status": failure.status,
        "cannot_be_located": failure.cannot_be_located,
    }
    failure.status = status
    failure.cannot_be_located = cannot_be_located
    failure.outcome_note = outcome_note.strip()[:1000]
    failure.locate_steps = steps
    failure.updated_at = now()
    failure.version += 1
    failure.save()
    audit_write(
        actor,
        person,
        "compliance.failure.update",
        details={"failure_id": failure.pk},
        changes={
            "status": (before["status"], status),
            "cannot_be_located": (before["cannot_be_located"], cannot_be_located),
        },
    )
    return failure


def default_notice_text(person: Any, include_name: bool, description: str) -> str:
    """The s 116A (3) statement: who (by name and/or description) and that police require them
    to answer questions — and nothing that says they are a registrable offender."""
    who = person.display_name.title() if include_name else "The person described below"
    parts = [
        f"{who}, born {person.date_of_birth:%Y}," if include_name else f"{who}",
        f"{ANSWER_QUESTIONS}.",
    ]
    text = " ".join(parts)
    if description.strip():
        text += f" Description: {description.strip()}"
    text += " Anyone who knows where this person is should contact police."
    return text


@service
def public_notice_decide(
    *,
    actor: Any,
    failure_id: object,
    decided_on: date,
    decision_maker_name: str,
    decision_maker_office: str,
    satisfied_failed: bool,
    satisfied_cannot_be_located: bool,
    believes_risk: bool,
    risk_reasons: str,
    believes_reduces_risk: bool,
    reduce_reasons: str,
    outcome: str,
    include_name: bool = False,
    include_photo: bool = False,
    include_description: bool = False,
    description: str = "",
    notice_text: str = "",
) -> PublicNoticeDecision:
    """Record the chief (or deputy chief) police officer's s 116A decision, each condition as
    found. A decision to publish is refused unless every condition of s 116A (1) is met and the
    notice's content complies with s 116A (3)."""
    found = _failure(failure_id)
    person = lock_person(actor, found.person_id, Action.PERSON_UPDATE)
    failure = FailureToComply.objects.select_for_update().get(pk=found.pk)
    if person.managing_jurisdiction_id != "ACT":
        raise RuleViolation(
            "A public notice about a person who cannot be located is a power of the ACT Act "
            "(s 116A); this record is managed under another jurisdiction's law."
        )
    if decision_maker_office not in DecisionMakerOffice.values:
        raise RuleViolation(
            "Only the chief police officer or a deputy chief police officer may decide "
            "(s 116A (1)).",
            "decision_maker_office",
        )
    if not decision_maker_name.strip():
        raise RuleViolation("Give the name of the officer who decided.", "decision_maker_name")
    if outcome not in PublicNoticeOutcome.values:
        raise RuleViolation("Record the decision.", "outcome")
    if decided_on > local_today(person):
        raise RuleViolation("The decision date cannot be in the future.", "decided_on")
    age = age_on(person.date_of_birth, decided_on)
    text = notice_text.strip()
    if outcome == PublicNoticeOutcome.PUBLISH:
        if not (satisfied_failed and satisfied_cannot_be_located):
            raise RuleViolation(
                "A notice may be published only if the officer is satisfied the person failed "
                "to comply with a reporting obligation and cannot be located (s 116A (1) (a)).",
                "satisfied_cannot_be_located" if satisfied_failed else "satisfied_failed",
            )
        if not failure.cannot_be_located:
            raise RuleViolation(
                "The failure record does not say the person cannot be located: record that "
                "first, with what was done to find them (s 116A (1) (a) (ii)).",
                "satisfied_cannot_be_located",
            )
        if age < law.YOUNG_PERSON_AGE:
            raise RuleViolation(
                f"The person is {age}, a young person: no notice may be published "
                "(s 116A (1) (b)).",
                "outcome",
            )
        if not (believes_risk and risk_reasons.strip()):
            raise RuleViolation(
                "The officer must believe on reasonable grounds that the person poses a risk to "
                "the lives or sexual safety of 1 or more people or of the community — record "
                "the grounds (s 116A (1) (c) (i)).",
                "risk_reasons",
            )
        if not (believes_reduces_risk and reduce_reasons.strip()):
            raise RuleViolation(
                "The officer must believe on reasonable grounds that publishing the notice will "
                "reduce the risk — record the grounds (s 116A (1) (c) (ii)).",
                "reduce_reasons",
            )
        if not (include_name or include_photo or include_description):
            raise RuleViolation(
                "The notice must include the person's name, a photograph or a description "
                "(s 116A (3) (a)).",
                "include_name",
            )
        if include_description and not description.strip():
            raise RuleViolation("Give the description to publish.", "description")
        if (
            include_photo
            and not Photo.objects.filter(person=person, withdrawn_at__isnull=True).exists()
        ):
            raise RuleViolation("There is no photograph of the person on file.", "include_photo")
        if not text:
            text = default_notice_text(
                person, include_name, description if include_description else ""
            )
        if ANSWER_QUESTIONS not in text.lower():
            raise RuleViolation(
                "The notice must state that the person is required by police to answer "
                "questions (s 116A (3) (b)).",
                "notice_text",
            )
        bad = _FORBIDDEN.search(text + " " + description)
        if bad:
            raise RuleViolation(
                f"The notice must not state that the person is a registrable offender "
                f"(s 116A (3) (c)): remove “{bad.group(0)}”.",
                "notice_text",
            )
    decision = PublicNoticeDecision.objects.create(
        failure=failure,
        person=person,
        decided_on=decided_on,
        decision_maker_name=decision_maker_name.strip()[:200],
        decision_maker_office=decision_maker_office,
        satisfied_failed=satisfied_failed,
        satisfied_cannot_be_located=satisfied_cannot_be_located,
        age_on_decision=age,
        believes_risk=believes_risk,
        risk_reasons=risk_reasons.strip()[:5000],
        believes_reduces_risk=believes_reduces_risk,
        reduce_reasons=reduce_reasons.strip()[:5000],
        outcome=outcome,
        include_name=include_name and outcome == PublicNoticeOutcome.PUBLISH,
        include_photo=include_photo and outcome == PublicNoticeOutcome.PUBLISH,
        include_description=include_description and outcome == PublicNoticeOutcome.PUBLISH,
        description=description.strip()[:1000] if outcome == PublicNoticeOutcome.PUBLISH else "",
        notice_text=text if outcome == PublicNoticeOutcome.PUBLISH else "",
        recorded_at=now(),
        recorded_by=actor,
    )
    audit_write(
        actor,
        person,
        "compliance.public_notice.decide",
        details={
            "failure_id": failure.pk,
            "decision_id": decision.pk,
            "outcome": outcome,
            "office": decision_maker_office,
            "conditions": {
                "failed": satisfied_failed,
                "cannot_be_located": satisfied_cannot_be_located,
                "young_person": age < law.YOUNG_PERSON_AGE,
                "risk": believes_risk,
                "reduces_risk": believes_reduces_risk,
            },
        },
    )
    return decision
