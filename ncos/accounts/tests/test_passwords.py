"""Password rules (security.md AU-4, AU-5, AU-6; T6)."""

from __future__ import annotations

import random

import pytest
from django.contrib.auth.password_validation import (
    CommonPasswordValidator,
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError

from ncos.accounts.models import User

# Random-looking words, no context words, no composition pattern.
BASE = "tulip gravel orbit lantern cedar marble quartz violet harbor meadow " * 3


def _errors(password: str, user: User | None = None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        return list(exc.messages)
    return []


@pytest.mark.parametrize("length", [15, 16, 64, 100, 128])
def test_lengths_15_to_128_are_accepted(length):
    password = BASE[:length]
    assert len(password) == length
    assert _errors(password) == []


@pytest.mark.parametrize("length", [1, 8, 12, 14])
def test_shorter_than_15_is_rejected(length):
    errors = _errors(BASE[:length])
    assert any("at least 15 characters" in e for e in errors), errors


def test_129_characters_are_refused_with_a_message_not_truncated():
    password = (BASE * 2)[:129]
    assert _errors(password) == [
        "This password is longer than 128 characters. Choose a shorter passphrase."
    ]


def test_no_composition_rules():
    # All lower case letters and spaces, no digit or symbol: fine.
    assert _errors("correct stapler meadow kettle") == []
    # Spaces and every printable ASCII character are allowed.
    assert _errors(" ~!@#$%^&*()_+{}|:<>?`-=[]\\;',./ xyz ") == []


def test_a_sample_of_500_common_passwords_is_rejected():
    common = sorted(CommonPasswordValidator().passwords)
    assert len(common) >= 3000
    sample = random.Random(20260401).sample(common, 500)
    validator = CommonPasswordValidator()
    accepted = []
    for password in sample:
        try:
            validator.validate(password)
        except ValidationError:
            continue
        accepted.append(password)
    assert accepted == []


def test_a_long_common_password_is_rejected_even_though_it_is_long_enough():
    assert any("too common" in e for e in _errors("1234567890qwertyuiop"))


@pytest.mark.parametrize(
    "password",
    [
        "ncos ncos ncos ncos ncos",
        "NationalChildOffender2026!",
        "policepolicepolice12",
        "my registry password 1",
        "ANCOR-register-ANCOR-1",
    ],
)
def test_context_words_are_rejected(password):
    errors = _errors(password)
    assert any("tied to this service" in e for e in errors), errors


@pytest.mark.django_db
def test_the_username_is_a_context_word(make_user):
    user = make_user("jsmithers")
    errors = _errors("jsmithers jsmithers 2024", user)
    assert any("tied to this service" in e or "too similar" in e for e in errors), errors


@pytest.mark.django_db
def test_a_passphrase_that_merely_contains_a_context_word_is_fine(make_user):
    user = make_user("act.kim")
    assert _errors("the police band played quietly tonight", user) == []


def test_help_text_states_the_rules():
    text = " ".join(password_validators_help_texts())
    assert "at least 15 characters" in text
    assert "up to 128 characters" in text


def test_production_hashes_with_argon2():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
