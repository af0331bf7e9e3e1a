"""Small shared pieces of the sharing models."""

from __future__ import annotations

import secrets

# Crockford's base32 without I, L, O, U (as the register's national ids): easy to read out.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference(prefix: str) -> str:
    """A random, readable reference such as ``TR-7Q4K-2M9X`` (40 bits; unique per table)."""
    body = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"{prefix}-{body[:4]}-{body[4:]}"
