"""NSW: Child Protection (Offenders Registration) Act 2000 (NSW)."""

from __future__ import annotations

from ncos.law.jurisdictions.nsw.law import NswLaw

__all__ = ["NswLaw"]
