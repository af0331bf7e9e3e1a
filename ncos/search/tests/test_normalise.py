"""Normal forms, phonetic and typo keys, and the re-ranking score (pure Python)."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ncos.registry.synthetic import FAMILY
from ncos.search import normalise as n
from ncos.search.ranking import MATCH_THRESHOLD, name_score, token_similarity

letters = st.text(alphabet=string.ascii_lowercase, min_size=3, max_size=12)
names = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "Zs", "Pd", "Po")), max_size=40
)


# --- folding ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Zoë", "zoe"),
        ("O'Brien", "obrien"),
        ("O’Brien", "obrien"),
        ("Smith-Jones", "smith jones"),
        ("  JOSÉ   Pérez ", "jose perez"),
        ("Nguyễn Thị", "nguyen thi"),
        ("Müller", "muller"),
        ("", ""),
    ],
)
def test_fold(raw, folded):
    assert n.fold(raw) == folded


@given(names)
def test_fold_is_idempotent_ascii_lowercase(text):
    once = n.fold(text)
    assert n.fold(once) == once
    assert all(ch in string.ascii_lowercase + string.digits + " " for ch in once)
    assert "  " not in once
    assert once == once.strip()


# --- phonetic keys ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("smith", "smyth"),
        ("john", "jon"),
        ("john", "jhon"),
        ("catherine", "kathryn"),
        ("stephen", "steven"),
        ("mohammed", "muhammad"),
        ("macdonald", "mcdonald"),
        ("sean", "shaun"),
        ("quilla", "kwilla"),
        ("bill", "william"),
        ("thomson", "tomson"),
    ],
)
def test_variants_share_a_code(a, b):
    assert n.token_codes(a) & n.token_codes(b)


@pytest.mark.parametrize(("a", "b"), [("smith", "jones"), ("john", "peter"), ("lee", "hall")])
def test_different_names_share_no_code(a, b):
    assert not n.token_codes(a) & n.token_codes(b)


def test_soundex_is_not_used_alone():
    assert any(c.startswith("s:") for c in n.token_codes("jim"))
    assert not any(c.startswith("s:") for c in n.single_token_codes("jim"))


@given(letters, letters)
def test_a_name_finds_itself_in_either_order(given_name, family):
    keys = n.name_keys(given_name, family)
    assert n.query_pair_keys([given_name, family]) & keys.pairs
    assert n.query_pair_keys([family, given_name]) & keys.pairs
    assert n.single_token_codes(family) <= keys.tokens


def _slips(word: str) -> list[str]:
    out = []
    for i in range(1, len(word) - 1):
        out.append(word[:i] + word[i + 1 :])  # dropped
        out.append(word[:i] + word[i + 1] + word[i] + word[i + 2 :])  # swapped
        out.append(word[:i] + "x" + word[i + 1 :])  # substituted
        out.append(word[:i] + "q" + word[i:])  # inserted
    return out


FAMILY_NAMES = sorted({n.fold(f).replace(" ", "") for f in FAMILY if len(n.fold(f)) >= 4})


@settings(max_examples=80)
@given(st.sampled_from(["john", "mary", "peter", "anne"]), st.sampled_from(FAMILY_NAMES))
def test_one_typing_slip_in_either_name_is_still_found(given_name, family):
    keys = n.name_keys(given_name, family)
    for typo in _slips(family):
        query = [given_name, typo]
        assert (n.query_typo_keys(query) & keys.typos) or (n.query_pair_keys(query) & keys.pairs)
    for typo in _slips(given_name):
        query = [typo, family]
        assert (n.query_typo_keys(query) & keys.typos) or (n.query_pair_keys(query) & keys.pairs)


def test_deletions_and_typo_keys():
    assert n.deletions("abc") == {"abc", "bc", "ac", "ab"}
    assert n.typo_keys("john", "sm") == frozenset()  # too short to have a useful neighbourhood
    assert "t:JN.smth" in n.typo_keys("john", "smith")


def test_name_value_and_split():
    assert n.name_value("John  Paul", "O'Brien") == "john paul|obrien"
    assert n.split_name_value("john paul|obrien") == (["john", "paul"], ["obrien"])


# --- identifiers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("abc 123", "ABC123"), ("ABC-1O2", "ABC102"), ("yoi.123", "Y01123"), ("", "")],
)
def test_registration(raw, canonical):
    assert n.registration(raw) == canonical


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("0412 345 678", "0412345678"),
        ("+61 412 345 678", "0412345678"),
        ("0061 412-345-678", "0412345678"),
        ("61412345678", "0412345678"),
        ("(02) 6123 4567", "0261234567"),
        ("0011 44 20 7946 0958", "442079460958"),
    ],
)
def test_phone(raw, canonical):
    assert n.phone(raw) == canonical
    assert n.phone_suffix(raw) == canonical[-8:]


@given(st.from_regex(r"[2-9][0-9]{8}", fullmatch=True))
def test_phone_forms_agree(nine):
    national = "0" + nine
    for form in (national, "+61" + nine, "0061 " + nine, f"({national[:2]}) {national[2:]}"):
        assert n.phone(form) == national


@given(st.text(max_size=30))
def test_identifier_normalisers_are_idempotent(text):
    for fn in (n.registration, n.passport, n.online_identity, n.address):
        once = fn(text)
        assert fn(once) == once
        assert len(once) <= n.MAX_VALUE


def test_online_identity_and_passport():
    assert n.online_identity(" @Dark_Knight 85 ") == "dark_knight85"
    assert n.online_identity("J.Smith@Example.COM") == "j.smith@example.com"
    assert n.passport("pa-123 4567") == "PA1234567"


def test_address_abbreviates_street_types():
    assert n.address("12 Smith Street, Braddon") == n.address("12 smith st braddon")
    assert n.address_query_tokens("Unit 4, 12 Wattle Road") == ["u", "4", "12", "wattle", "rd"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30/06/1985", (1985, 6, 30)),
        ("1985-6-30", (1985, 6, 30)),
        ("30.6.1985", (1985, 6, 30)),
        ("31/02/1985", None),
        ("1985", None),
        ("hello", None),
    ],
)
def test_parse_date(text, expected):
    parsed = n.parse_date(text)
    assert (parsed.timetuple()[:3] if parsed else None) == expected


# --- ranking ----------------------------------------------------------------------------------


@given(letters, letters)
def test_a_name_scores_one_against_itself_and_scores_are_bounded(a, b):
    value = n.name_value(a, b)
    assert name_score([a, b], [], [], value) == 1.0
    assert name_score([b, a], [], [], value) == 1.0
    other = name_score(["zzzz", "qqqq"], [], [], value)
    assert 0.0 <= other <= 1.0


def test_ranking_prefers_exact_then_close_then_sound_alike():
    value = "john|smith"
    exact = name_score(["john", "smith"], [], [], value)
    close = name_score(["jon", "smith"], [], [], value)
    sound = name_score(["jean", "smyth"], [], [], value)
    far = name_score(["mary", "jones"], [], [], value)
    assert exact > close > sound >= MATCH_THRESHOLD > far


def test_middle_name_missing_in_query_or_record_still_matches():
    assert name_score(["david", "jones"], [], [], "david owen|jones") == 1.0
    assert name_score(["david", "owen", "jones"], [], [], "david|jones") >= MATCH_THRESHOLD


def test_roles_from_advanced_fields_cost_when_swapped():
    straight = name_score([], ["john"], ["smith"], "john|smith")
    swapped = name_score([], ["smith"], ["john"], "john|smith")
    assert straight == 1.0
    assert MATCH_THRESHOLD <= swapped < straight


def test_token_similarity_nicknames_and_phonetics():
    assert token_similarity("bill", "william") > token_similarity("bill", "wilma")
    assert token_similarity("smyth", "smith") > 0.9
    assert token_similarity("jim", "john") < 0.8
