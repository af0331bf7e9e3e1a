"""Circumstances evaluated from the facts of an offence: age boundaries on the day committed,
missing facts, exceptions, underlying offences, foreign offences, attempts."""

from __future__ import annotations

from datetime import date

import pytest

from ncos.law.catalogue import OffenceFacts, classify, classify_offence, offence_facts
from ncos.law.facts import Offence, Person

DAY = date(2026, 2, 20)


def victim(dob: date) -> OffenceFacts:
    return OffenceFacts(date_committed=DAY, victim_date_of_birth=dob)


# --- victim age: "is a child" / "less than 18 years of age" -----------------------------------


@pytest.mark.parametrize(
    ("dob", "expected"),
    [
        (date(2008, 2, 21), "class1"),  # 17 years 364 days: a child
        (date(2008, 2, 20), "none"),  # 18th birthday on the day committed: not a child
        (date(2008, 2, 19), "none"),
        (date(2012, 6, 1), "class1"),
    ],
)
def test_act_child_boundary(dob: date, expected: str) -> None:
    c = classify("ACT", "Crimes Act 1900 (ACT)", "s 51 (1)", victim(dob))
    assert c.offence_class == expected
    assert c.possible_class is None
    assert "Legislation Act 2001 (ACT) dict pt 1" in c.sections or expected == "none"


@pytest.mark.parametrize(
    ("dob", "expected"),
    [(date(2008, 2, 21), "class1"), (date(2008, 2, 20), "none")],
)
def test_nsw_less_than_18_boundary(dob: date, expected: str) -> None:
    assert classify("NSW", "Crimes Act 1900", "s 61I", victim(dob)).offence_class == expected


@pytest.mark.parametrize(
    ("committed", "expected"),
    [(date(2026, 2, 28), "class1"), (date(2026, 3, 1), "none"), (date(2024, 2, 28), "class1")],
)
def test_victim_born_29_february_turns_18_on_1_march(committed: date, expected: str) -> None:
    facts = OffenceFacts(date_committed=committed, victim_date_of_birth=date(2008, 2, 29))
    assert classify("NSW", "Crimes Act 1900", "s 61I", facts).offence_class == expected


def test_date_of_birth_decides_over_a_stated_age() -> None:
    facts = OffenceFacts(date_committed=DAY, victim_date_of_birth=date(2000, 1, 1), victim_age=12)
    assert classify("NSW", "Crimes Act 1900", "s 61I", facts).offence_class == "none"
    # Without the date committed, the stated age is used.
    facts = OffenceFacts(victim_date_of_birth=date(2000, 1, 1), victim_age=12)
    assert classify("NSW", "Crimes Act 1900", "s 61I", facts).offence_class == "class1"


@pytest.mark.parametrize(("age", "expected"), [(17, "class1"), (18, "none")])
def test_victim_age_given_as_a_number(age: int, expected: str) -> None:
    facts = OffenceFacts(victim_age=age)
    assert classify("ACT", "Crimes Act 1900", "s 58", facts).offence_class == (
        "class2" if expected == "class1" else "none"
    )


# --- NSW Sch 1B item 1: victim under 10 and offender at least 18 ------------------------------


@pytest.mark.parametrize(
    ("victim_dob", "offender_dob", "expected"),
    [
        (date(2016, 2, 21), date(2008, 2, 20), "class2"),  # 9 y 364 d; offender 18 that day
        (date(2016, 2, 20), date(2008, 2, 20), "none"),  # victim's 10th birthday that day
        (date(2016, 2, 21), date(2008, 2, 21), "none"),  # offender 17 (18 the next day)
        (date(2016, 2, 21), date(1990, 1, 1), "class2"),
    ],
)
def test_nsw_s33_victim_under_10_offender_at_least_18(
    victim_dob: date, offender_dob: date, expected: str
) -> None:
    facts = OffenceFacts(
        date_committed=DAY, victim_date_of_birth=victim_dob, offender_date_of_birth=offender_dob
    )
    assert classify("NSW", "Crimes Act 1900", "s 33 (1)", facts).offence_class == expected


def test_offender_age_missing_leaves_the_circumstance_open() -> None:
    facts = OffenceFacts(victim_age=5)
    c = classify("NSW", "Crimes Act 1900", "s 33 (1)", facts)
    assert c.offence_class == "none"
    assert c.possible_class == "class2"
    assert c.missing_facts == ("the offender's age on the day the offence was committed",)


# --- NSW Sch 1B items 32-34: offender at least 21, or under 21 with a previous finding ----------


@pytest.mark.parametrize(
    ("offender_dob", "previous", "expected"),
    [
        (date(2005, 2, 20), None, "class2"),  # 21st birthday on the day committed
        (date(2005, 2, 21), None, "none"),  # 20 y 364 d, previous finding not given
        (date(2005, 2, 21), True, "class2"),
        (date(2005, 2, 21), False, "none"),
    ],
)
def test_nsw_intimate_image_offender_21(
    offender_dob: date, previous: bool | None, expected: str
) -> None:
    flags = {} if previous is None else {"previous_intimate_image_finding": previous}
    facts = OffenceFacts(
        date_committed=DAY,
        victim_age=15,
        offender_date_of_birth=offender_dob,
        facts=flags,
    )
    c = classify("NSW", "Crimes Act 1900", "s 91Q", facts)
    assert c.offence_class == expected
    if expected == "none" and previous is None:
        assert c.possible_class == "class2"


# --- NSW Sch 1B items 22-26: exception for a prostitute under 18 ------------------------------


@pytest.mark.parametrize(
    ("offender_age", "prostitute", "expected", "possible"),
    [
        (18, None, "class2", None),  # the exception cannot apply to an adult
        (17, True, "none", None),  # the exception applies
        (17, False, "class2", None),
        (17, None, "none", "class2"),  # not shown either way: not established
    ],
)
def test_nsw_child_abuse_material_exception(
    offender_age: int, prostitute: bool | None, expected: str, possible: str | None
) -> None:
    flags = {} if prostitute is None else {"offender_prostitute": prostitute}
    facts = OffenceFacts(offender_age=offender_age, facts=flags)
    c = classify("NSW", "Crimes Act 1900", "s 91H", facts)
    assert (c.offence_class, c.possible_class) == (expected, possible)


# --- missing facts ------------------------------------------------------------------------------


def test_missing_victim_age_is_not_established_and_says_so() -> None:
    c = classify("ACT", "Crimes Act 1900 (ACT)", "s 51 (1)")
    assert c.offence_class == "none"
    assert c.possible_class == "class1"
    assert c.missing_facts == ("the victim's age on the day the offence was committed",)
    assert "not given" in c.steps[0][0]
    assert c.steps[0][1] == ("s 10 (2)", "sch 1 pt 1.1 item 3")


def test_rows_without_circumstances_need_no_facts() -> None:
    c = classify("ACT", "Crimes Act 1900 (ACT)", "s 55 (1)")
    assert c.offence_class == "class1"
    assert c.row is not None
    assert c.row.citation == "sch 1 pt 1.1 item 9"
    assert c.sections == ("s 10 (2)", "sch 1 pt 1.1 item 9")


@pytest.mark.parametrize(
    ("in_course", "expected", "possible"),
    [(True, "class1", None), (False, "none", None), (None, "none", "class1")],
)
def test_act_murder_of_child_in_course_of_class_offence(
    in_course: bool | None, expected: str, possible: str | None
) -> None:
    flags = {} if in_course is None else {"in_course_of_class_offence": in_course}
    facts = OffenceFacts(victim_age=9, facts=flags)
    c = classify("ACT", "Crimes Act 1900", "s 12 (2)", facts)
    assert (c.offence_class, c.possible_class) == (expected, possible)


def test_act_customs_tier_2_goods() -> None:
    yes = OffenceFacts(facts={"child_abuse_material": True})
    no = OffenceFacts(facts={"child_abuse_material": False})
    assert classify("ACT", "Customs Act 1901 (Cth)", "s 233BAB (5)", yes).offence_class == "class2"
    assert classify("ACT", "Customs Act 1901 (Cth)", "s 233BAB (5)", no).offence_class == "none"
    assert classify("NSW", "Customs Act 1901", "s 233BAB (5)", yes).offence_class == "class2"


# --- ACT sch 1 pt 1.1 item 1: any offence involving sexual intercourse with a child -------------


def test_any_offence_row_needs_the_intercourse_fact() -> None:
    bare = classify("ACT", "Crimes Act 1900", "s 311", OffenceFacts(victim_age=12))
    assert bare.offence_class == "none"
    assert bare.possible_class is None  # not flagged for every offence against the Crimes Act
    told = OffenceFacts(victim_age=12, facts={"sexual_intercourse": True})
    c = classify("ACT", "Crimes Act 1900", "s 311", told)
    assert c.offence_class == "class1"
    assert c.sections == ("s 10 (2)", "sch 1 pt 1.1 item 1", "Legislation Act 2001 (ACT) dict pt 1")


@pytest.mark.parametrize(("age", "expected"), [(17, "class1"), (18, "none")])
def test_act_s54_always_involves_intercourse(age: int, expected: str) -> None:
    c = classify("ACT", "Crimes Act 1900 (ACT)", "s 54 (1)", OffenceFacts(victim_age=age))
    assert c.offence_class == expected
    if expected == "class1":
        assert "every offence against s 54 (1) does" in c.steps[0][0]


def test_any_offence_row_yields_to_a_stated_fact() -> None:
    facts = OffenceFacts(victim_age=12, facts={"sexual_intercourse": False})
    assert classify("ACT", "Crimes Act 1900", "s 54", facts).offence_class == "none"


# --- underlying offences ------------------------------------------------------------------------


def test_act_family_violence_aggravation_follows_the_base_item() -> None:
    facts = OffenceFacts(victim_age=10, underlying_provision="s 51 (1)")
    c = classify("ACT", "Crimes Act 1900", "s 72AA", facts)
    assert c.offence_class == "class1"
    assert c.row is not None
    assert c.row.citation == "sch 1 pt 1.1 item 16"
    assert "sch 1 pt 1.1 item 3" in c.sections
    adult = OffenceFacts(victim_age=30, underlying_provision="s 51 (1)")
    assert classify("ACT", "Crimes Act 1900", "s 72AA", adult).offence_class == "none"
    indecency = OffenceFacts(victim_age=10, underlying_provision="s 58")
    assert classify("ACT", "Crimes Act 1900", "s 72AA", indecency).offence_class == "class2"


@pytest.mark.parametrize(
    ("underlying", "expected", "row"),
    [
        ("s 61I", "class1", "Sch 1A Pt 1 item 5"),
        ("s 61KC", "class2", "Sch 1B Pt 1 item 2"),
        ("s 117", "none", None),
    ],
)
def test_nsw_choking_with_intent_takes_the_part_of_the_other_offence(
    underlying: str, expected: str, row: str | None
) -> None:
    facts = OffenceFacts(victim_age=15, underlying_provision=underlying)
    c = classify("NSW", "Crimes Act 1900", "s 37 (2)", facts)
    assert c.offence_class == expected
    assert (c.row.citation if c.row else None) == row


def test_nsw_underlying_offence_missing_is_not_established() -> None:
    c = classify("NSW", "Crimes Act 1900", "s 37 (2)", OffenceFacts(victim_age=15))
    assert (c.offence_class, c.possible_class) == ("none", "class1")


@pytest.mark.parametrize(
    ("underlying", "expected"),
    [("s 272.8", "class1"), ("s 272.9", "class2"), ("s 474.22", "class2"), ("s 400.3", "none")],
)
def test_nsw_commonwealth_attempt(underlying: str, expected: str) -> None:
    facts = OffenceFacts(underlying_provision=underlying)
    assert classify("NSW", "Criminal Code (Cth)", "s 11.1", facts).offence_class == expected


def test_nsw_aggravated_child_sex_tourism_by_underlying_section() -> None:
    for underlying, expected in (("s 272.8", "class1"), ("s 272.9 (1)", "class2")):
        facts = OffenceFacts(underlying_provision=underlying)
        assert classify("NSW", "Criminal Code", "s 272.10", facts).offence_class == expected


# --- attempts, conspiracy, incitement -----------------------------------------------------------


def test_act_has_no_rule_for_attempts() -> None:
    c = classify("ACT", "Crimes Act 1900", "s 55 (1)", OffenceFacts(inchoate="attempt"))
    assert c.offence_class == "none"
    assert c.sections == ("s 10 (2)", "s 10 (3)", "s 15")


@pytest.mark.parametrize("kind", ["attempt", "conspiracy", "incitement"])
def test_nsw_attempt_conspiracy_incitement_take_the_class_of_the_offence(kind: str) -> None:
    facts = OffenceFacts(inchoate=kind)  # type: ignore[arg-type]
    c = classify("NSW", "Crimes Act 1900", "s 66A", facts)
    assert c.offence_class == "class1"
    assert "s 2D (1) (d)" in c.sections
    touching = OffenceFacts(inchoate=kind, victim_age=12)  # type: ignore[arg-type]
    assert "s 2D (2) (d)" in classify("NSW", "Crimes Act 1900", "s 61KC", touching).sections


def test_nsw_s344a_attempt_is_classified_by_the_offence_attempted() -> None:
    c = classify("NSW", "Crimes Act 1900", "s 344A", OffenceFacts(underlying_provision="s 66C"))
    assert c.offence_class == "class1"
    assert c.sections[:1] == ("s 2D (1) (d)",)
    assert "Sch 1A Pt 1 item 15" in c.sections


# --- offences against the law of a foreign jurisdiction ---------------------------------------


def test_act_foreign_offence_takes_the_class_of_its_act_equivalent() -> None:
    nsw = "Crimes Act 1900 (NSW)"
    one = OffenceFacts(equivalent_act="Crimes Act 1900 (ACT)", equivalent_provision="s 55 (1)")
    c = classify("ACT", nsw, "s 66A", one)
    assert c.offence_class == "class1"
    assert c.row is not None
    assert c.row.citation == "sch 1 pt 1.2 item 12"
    assert {"sch 1 pt 1.1 item 9", "sch 1 pt 1.2 item 12"} <= set(c.sections)
    two = OffenceFacts(equivalent_act="Crimes Act 1900 (ACT)", equivalent_provision="s 61 (1)")
    c = classify("ACT", nsw, "s 61KC", two)
    assert c.offence_class == "class2"
    assert c.row is not None
    assert c.row.citation == "sch 2 pt 2.2 item 40"
    unknown = classify("ACT", nsw, "s 66A")
    assert unknown.offence_class == "none"
    assert unknown.missing_facts


def test_nsw_foreign_offence_takes_the_class_of_its_nsw_equivalent() -> None:
    facts = OffenceFacts(equivalent_act="Crimes Act 1900 (NSW)", equivalent_provision="s 66A")
    c = classify("NSW", "Crimes Act 1958 (Vic)", "s 49A", facts)
    assert c.offence_class == "class1"
    assert "s 2D (1) (c)" in c.sections


def test_nsw_murder_and_manslaughter_of_a_child() -> None:
    assert classify(
        "NSW", "Crimes Act 1900", "s 19A", OffenceFacts(victim_age=4)
    ).offence_class == ("class1")
    assert classify(
        "NSW", "Crimes Act 1900", "s 19A", OffenceFacts(victim_age=40)
    ).offence_class == ("none")
    road = OffenceFacts(victim_age=4, facts={"motor_vehicle_accident": True})
    assert classify("NSW", "Crimes Act 1900", "s 24", road).offence_class == "none"
    other = OffenceFacts(victim_age=4, facts={"motor_vehicle_accident": False})
    assert classify("NSW", "Crimes Act 1900", "s 24", other).offence_class == "class2"
    s18 = classify("NSW", "Crimes Act 1900", "s 18", OffenceFacts(victim_age=4))
    assert (s18.offence_class, s18.possible_class) == ("none", "class1")
    murder = OffenceFacts(victim_age=4, facts={"murder": True})
    assert classify("NSW", "Crimes Act 1900", "s 18", murder).offence_class == "class1"


# --- every classification explains itself -------------------------------------------------------


@pytest.mark.parametrize(
    ("jurisdiction", "act", "provision"),
    [
        ("ACT", "Crimes Act 1900", "s 61 (1)"),
        ("ACT", "Crimes Act 1900", "s 51 (1)"),
        ("ACT", "Criminal Code (Cth)", "s 474.25A (1)"),
        ("NSW", "Crimes Act 1900", "s 66EB"),
        ("NSW", "Crimes Act 1900", "s 61K"),
        ("NSW", "Crimes Act 1900", "s 999"),
    ],
)
def test_every_step_cites_its_sections(jurisdiction: str, act: str, provision: str) -> None:
    c = classify(jurisdiction, act, provision, OffenceFacts(victim_age=12))
    assert c.steps
    for text, sections in c.steps:
        assert text.endswith(".")
        assert sections
    if c.row is not None:
        assert set(c.row.sections) <= set(c.sections)


def test_classify_offence_from_parsed_case_facts() -> None:
    person = Person(date(1990, 5, 1))
    offence = Offence(
        "o1",
        "Crimes Act 1900 (NSW)",
        "s 91Q",
        date_committed=DAY,
        victim_date_of_birth=date(2010, 1, 1),
        extra={"circumstances": {"previous_intimate_image_finding": False, "bogus": True}},
    )
    facts = offence_facts(offence, person)
    assert facts.offender_age_at_offence() == 35
    assert facts.victim_age_at_offence() == 16
    assert dict(facts.facts) == {"previous_intimate_image_finding": False}
    assert classify_offence("NSW", offence, person).offence_class == "class2"
