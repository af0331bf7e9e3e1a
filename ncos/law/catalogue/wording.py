"""The sentences of a classification's steps: how rows and offences are named in them."""

from __future__ import annotations

from ncos.law.catalogue.model import ScheduleRow
from ncos.law.catalogue.normalise import parse_provision

CLASS_WORDS = {"class1": "a class 1 offence", "class2": "a class 2 offence"}


def long_citation(row: ScheduleRow) -> str:
    if row.jurisdiction == "ACT":
        return f"schedule {row.schedule}, part {row.part}, item {row.item}"
    if row.schedule == "2D":
        return row.citation
    return f"Schedule {row.schedule}, Part {row.part}, item {row.item}"


def requirement(row: ScheduleRow) -> str:
    if row.full_circumstances:
        return (
            "committed in the circumstances that item states "
            f"(\u201c{row.full_circumstances}\u201d)"
        )
    return "it is the kind of offence that item describes"


def offence_label(act: str, provision: str) -> str:
    parsed = parse_provision(provision)
    return f"{act.strip()} {parsed if parsed is not None else provision.strip()}".strip()


def none_sections(code: str) -> tuple[str, ...]:
    return ("s 10 (2)", "s 10 (3)") if code == "ACT" else ("s 2D (1)", "s 2D (2)")


def none_words(code: str) -> str:
    if code == "ACT":
        return "mentioned in schedule 1 or schedule 2"
    return "specified in Schedule 1A or 1B, nor otherwise a Class 1 or Class 2 offence under s 2D"
