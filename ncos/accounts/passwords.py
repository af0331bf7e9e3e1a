"""Password rules beyond Django's: an upper bound that refuses rather than truncates, and the
service's own context words (security.md AU-4, AU-5)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

CONTEXT_WORDS = (
    "ncos",
    "ancor",
    "national child offender",
    "child offender",
    "offender",
    "registry",
    "register",
    "police",
    "afp",
    "password",
)
MIN_REMAINDER = 8


class MaximumLengthValidator:
    def validate(self, password: str, user: Any = None) -> None:
        limit = settings.NCOS_PASSWORD_MAX_LENGTH
        if len(password) > limit:
            raise ValidationError(
                f"This password is longer than {limit} characters. Choose a shorter passphrase.",
                code="password_too_long",
            )

    def get_help_text(self) -> str:
        return f"Your password can be up to {settings.NCOS_PASSWORD_MAX_LENGTH} characters."


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


class ContextWordValidator:
    """Refuse passwords built on the service's own name, agency words or the username.

    Spaces, case and punctuation are ignored ("National-Child-Offender" is caught). A password
    that contains no such word passes whatever it is made of (no composition rules); one that
    does must still have at least 8 letters or digits once those words are taken out.
    """

    def validate(self, password: str, user: Any = None) -> None:
        squashed = _squash(password)
        words = {_squash(word) for word in CONTEXT_WORDS}
        username = _squash(getattr(user, "username", "") or "") if user is not None else ""
        if len(username) >= 3:
            words.add(username)
        if not any(word in squashed for word in words):
            return
        remainder = squashed
        for word in sorted(words, key=len, reverse=True):
            remainder = remainder.replace(word, "")
        if len(remainder) < MIN_REMAINDER:
            raise ValidationError(
                "This password is built on a word tied to this service or your account. "
                "Choose a passphrase of your own.",
                code="password_context_word",
            )

    def get_help_text(self) -> str:
        return "Your password cannot be built on the service's name, agency words or your username."
