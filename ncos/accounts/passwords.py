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


class ContextWordValidator:
    """Refuse passwords built on the service's own name, agency words or the username."""

    def validate(self, password: str, user: Any = None) -> None:
        remainder = password.lower()
        words = list(CONTEXT_WORDS)
        if user is not None and len(getattr(user, "username", "")) >= 3:
            words.append(user.username.lower())
        for word in sorted(words, key=len, reverse=True):
            remainder = remainder.replace(word, "")
        # What is left once the context words are taken out must still be a password by itself.
        if len("".join(ch for ch in remainder if ch.isalnum())) < MIN_REMAINDER:
            raise ValidationError(
                "This password is built on a word tied to this service or your account. "
                "Choose a passphrase of your own.",
                code="password_context_word",
            )

    def get_help_text(self) -> str:
        return "Your password cannot be built on the service's name, agency words or your username."
