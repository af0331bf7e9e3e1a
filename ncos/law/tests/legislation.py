"""Where the tests find the Acts: the copies kept in the repository under docs/legislation/."""

from pathlib import Path

LEGISLATION = Path(__file__).resolve().parents[3] / "docs" / "legislation"
ACT_ACT = LEGISLATION / "act-crimes-child-sex-offenders-act-2005.md"
ACT_ACT_JSON = LEGISLATION / "act-crimes-child-sex-offenders-act-2005.json"
NSW_ACT = LEGISLATION / "nsw-child-protection-offenders-registration-act-2000.txt"
ACT_NOTICE = LEGISLATION / "act-notice-of-reporting-obligations.txt"
