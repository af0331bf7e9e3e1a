"""Lenient matching of an offence's Act and provision (the contract's leniencies, both
directions, and what must not match)."""

from __future__ import annotations

import pytest

from ncos.law.catalogue import OffenceFacts, classify, find, parse_act, parse_provision
from ncos.law.catalogue.normalise import MatchKind, match_provision


def _items(jurisdiction: str, act: str, provision: str) -> set[str]:
    """The rows naming the provision (the "any offence" row, ACT sch 1 pt 1.1 item 1, aside)."""
    return {r.citation for r in find(jurisdiction, act, provision) if r.kind != "any_offence"}


def test_any_offence_row_is_found_for_every_act_crimes_act_offence() -> None:
    for provision in ("s 54", "s 311", "s 55 (1)"):
        assert "sch 1 pt 1.1 item 1" in {
            r.citation for r in find("ACT", "Crimes Act 1900", provision)
        }
    assert find("ACT", "Crimes Act 1900 (NSW)", "s 54") == ()
    assert find("ACT", "Criminal Code (Cth)", "s 54") == ()


# --- provisions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "s 55 (1)",
        "s 55(1)",
        "s55(1)",
        "S 55 (1)",
        "section 55 (1)",
        "Section 55(1)",
        "sect. 55 (1)",
        "s. 55 (1)",
        "55 (1)",
        "55(1)",
        "  s   55  ( 1 )  ",
        "s\u00a055\u00a0(1)",
    ],
)
def test_provision_spellings_all_match_the_same_row(written: str) -> None:
    assert _items("ACT", "Crimes Act 1900", written) == {"sch 1 pt 1.1 item 9"}


@pytest.mark.parametrize(
    ("a", "b"),
    [("s 61I", "s 61i"), ("section 474.27AA (1)", "s 474.27aa(1)"), ("s 66 (1) (a)", "66(1)(a)")],
)
def test_provision_normal_form_is_symmetric(a: str, b: str) -> None:
    assert parse_provision(a) == parse_provision(b)
    assert str(parse_provision(a)) == str(parse_provision(b))


@pytest.mark.parametrize(
    "written", ["any offence", "s 55 (1) or (2)", "s", "", "clause 3", "s 55 x"]
)
def test_text_that_is_not_a_provision_is_none(written: str) -> None:
    assert parse_provision(written) is None


def test_subsection_levels() -> None:
    p = parse_provision
    row_section, row_sub = p("s 61"), p("s 66 (1)")
    assert row_section is not None
    assert row_sub is not None
    # Row names a section, offence a subsection or paragraph of it: within.
    assert match_provision(row_section, p("s 61 (1)") or row_section) is MatchKind.WITHIN
    assert match_provision(row_sub, p("s 66 (1) (b)") or row_sub) is MatchKind.WITHIN
    # Row names a subsection, offence only the section: matched, recorded as an assumption.
    assert match_provision(row_sub, p("s 66") or row_sub) is MatchKind.LESS_SPECIFIC
    # Another subsection, another section, a longer section number: no match.
    assert match_provision(row_sub, p("s 66 (2)") or row_sub) is None
    assert match_provision(row_sub, p("s 66A (1)") or row_sub) is None
    assert match_provision(row_section, p("s 61A") or row_section) is None


def test_row_naming_a_section_matches_its_subsections() -> None:
    # ACT sch 2 pt 2.1 item 6 names s 63 (abduction); NSW rows name sections (s 61I).
    assert _items("ACT", "Crimes Act 1900", "s 63 (1)") == {"sch 2 pt 2.1 item 6"}
    assert _items("NSW", "Crimes Act 1900", "s 61I (1)") == {"Sch 1A Pt 1 item 9"}
    assert _items("NSW", "Crimes Act 1900", "s 66C (3)") == {"Sch 1A Pt 1 item 15"}


def test_section_cited_for_rows_naming_subsections_matches_them_all() -> None:
    assert _items("ACT", "Crimes Act 1900", "s 66") == {
        "sch 2 pt 2.1 item 11",
        "sch 2 pt 2.1 item 12",
    }
    assert _items("NSW", "Crimes Act 1900", "s 33") == {"Sch 1B Pt 1 item 1"}
    c = classify("ACT", "Crimes Act 1900 (ACT)", "s 61")
    assert c.offence_class == "class2"
    assert c.assumptions
    assert "cited without a subsection" in c.assumptions[0]
    assert any("s 61 (1) and s 61 (3)" in text for text, _ in c.steps)


def test_unlisted_subsection_does_not_match() -> None:
    assert _items("ACT", "Crimes Act 1900", "s 55 (2)") == set()
    assert _items("NSW", "Crimes Act 1900", "s 33 (2)") == set()
    assert classify("ACT", "Crimes Act 1900", "s 61 (2)").offence_class == "none"


def test_rows_listing_alternative_subsections() -> None:
    for sub in ("1", "2"):
        assert _items("ACT", "Criminal Code (Cth)", f"s 271.4 ({sub})") == {"sch 2 pt 2.2 item 2"}
    for sub in ("1", "2", "3"):
        assert _items("ACT", "Criminal Code (Cth)", f"s 474.26({sub})") == {"sch 2 pt 2.2 item 34"}
        assert _items("ACT", "Criminal Code (Cth)", f"s 474.27({sub})") == {"sch 2 pt 2.2 item 35"}
    assert _items("ACT", "Criminal Code (Cth)", "s 271.4 (3)") == set()
    assert _items("ACT", "Criminal Code (Cth)", "s 474.27 (4)") == set()


# --- Acts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "act",
    [
        "Crimes Act 1900",
        "Crimes Act 1900 (ACT)",
        "crimes act 1900 (act)",
        "CRIMES ACT 1900",
        "Crimes  Act  1900",
        "Crimes Act 1900 (A.C.T.)",
        "Crimes Act 1900 (Australian Capital Territory)",
        "Crimes Act 1900,",
        "Crimes Act 1900 A1900-40",
    ],
)
def test_act_spellings_match_the_act_crimes_act(act: str) -> None:
    assert _items("ACT", act, "s 55 (1)") == {"sch 1 pt 1.1 item 9"}


@pytest.mark.parametrize(
    "act",
    [
        "Crimes Act 1900",
        "Crimes Act 1900 (NSW)",
        "crimes act 1900 (new south wales)",
        "Crimes Act 1900 No 40",
    ],
)
def test_act_spellings_match_the_nsw_crimes_act(act: str) -> None:
    assert _items("NSW", act, "s 66A") == {"Sch 1A Pt 1 item 13"}


def test_same_short_title_in_another_jurisdiction_does_not_match() -> None:
    assert _items("ACT", "Crimes Act 1900 (NSW)", "s 55 (1)") == set()
    assert _items("NSW", "Crimes Act 1900 (ACT)", "s 66A") == set()
    assert _items("ACT", "Crimes Act 1958 (Vic)", "s 55 (1)") == set()


@pytest.mark.parametrize(
    "act",
    [
        "Criminal Code",
        "Criminal Code (Cth)",
        "Criminal Code (Cwlth)",
        "Criminal Code (Commonwealth)",
        "Commonwealth Criminal Code",
        "Criminal Code Act 1995 (Cth)",
        "Criminal Code Act 1995",
        "Criminal Code of the Commonwealth",
    ],
)
def test_commonwealth_criminal_code_spellings(act: str) -> None:
    assert _items("ACT", act, "s 474.22 (1)") == {"sch 2 pt 2.2 item 26"}
    assert _items("NSW", act, "s 474.22") == {"Sch 1B Pt 2 item 33"}


@pytest.mark.parametrize(
    "act", ["Criminal Code 2002 (ACT)", "Criminal Code 2002", "Criminal Code (ACT)"]
)
def test_act_criminal_code_is_not_the_commonwealth_code(act: str) -> None:
    assert _items("ACT", act, "s 474.22 (1)") == set()
    assert classify("ACT", act, "s 474.22 (1)").offence_class == "none"


def test_customs_act_and_sex_work_act() -> None:
    for act in (
        "Customs Act 1901",
        "Customs Act 1901 (Cth)",
        "Customs Act 1901 of the Commonwealth",
    ):
        assert _items("ACT", act, "s 233BAB (5)") == {"sch 2 pt 2.2 item 38"}
        assert _items("NSW", act, "s 233BAB (5)") == {"Sch 1B Pt 3 item 1"}
    assert _items("ACT", "Customs Act 1901 (NSW)", "s 233BAB (5)") == set()
    for act in ("Sex Work Act 1992", "Sex Work Act 1992 (ACT)", "Prostitution Act 1992 (ACT)"):
        assert _items("ACT", act, "s 20 (1)") == {"sch 2 pt 2.1 item 14"}
    assert _items("ACT", "Sex Work Act 1992 (NSW)", "s 20 (1)") == set()


def test_act_name_normal_form() -> None:
    assert parse_act("Crimes Act 1900 (ACT)") == parse_act("  crimes act 1900  (act) ")
    assert parse_act("Crimes Act 1900 (ACT)").matches(parse_act("Crimes Act 1900"))
    assert parse_act("Crimes Act 1900").matches(parse_act("Crimes Act 1900 (NSW)"))
    assert not parse_act("Crimes Act 1900 (ACT)").matches(parse_act("Crimes Act 1900 (NSW)"))
    assert not parse_act("Crimes Act 1900").matches(parse_act("Crimes Act 1914"))


def test_unbracketed_act_is_read_as_the_law_of_the_jurisdiction_of_conviction() -> None:
    facts = OffenceFacts(jurisdiction_of_conviction="NSW")
    c = classify("ACT", "Crimes Act 1900", "s 55 (1)", facts)
    assert c.offence_class == "none"
    assert "foreign jurisdiction (NSW)" in c.steps[0][0]
    # A Commonwealth offence tried in another State still matches.
    c = classify("ACT", "Criminal Code", "s 474.22 (1)", facts)
    assert c.offence_class == "class2"


# --- unknown offences -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jurisdiction", "act", "provision"),
    [
        ("ACT", "Crimes Act 1900 (ACT)", "s 311"),
        ("ACT", "Road Transport (Safety and Traffic Management) Act 1999", "s 5"),
        ("ACT", "Crimes Act 1900", "not a provision"),
        ("ACT", "", ""),
        ("NSW", "Crimes Act 1900", "s 117"),
        ("NSW", "Crimes Act 1914 (Cth)", "s 50BA"),
        ("NSW", "Summary Offences Act 1988", "s 4"),
    ],
)
def test_unknown_offence_is_none_with_a_cited_step(
    jurisdiction: str, act: str, provision: str
) -> None:
    c = classify(jurisdiction, act, provision)
    assert c.offence_class == "none"
    assert c.row is None
    assert c.steps
    assert all(sections for _, sections in c.steps)


def test_unknown_jurisdiction_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="no offence catalogue"):
        find("VIC", "Crimes Act 1958", "s 38")
