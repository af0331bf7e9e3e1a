"""The ACT: Crimes (Child Sex Offenders) Act 2005 (ACT), chapters 2 and 3.

One module per part or division, named by its sections:

- `s007_013_registrable` — who is a registrable offender (ss 7–13), registration orders (pt 2.2),
  prescribed corresponding offenders (s 11); `s009_single_offence` — the s 9 "single offence"
  exceptions; `same_incident` — the dictionary's "same incident" and s 90.
- `s083_094_reporting_period` — the reporting period (pt 3.5); `s095_102_suspension` — suspension
  orders (pt 3.6); `s103_107_notices` — notice of a changed period (s 107).
- `s022_036_initial_report` — initial reports and contact on entering the ACT (pt 3.2);
  `s037_041_annual_report` (div 3.3.1); `s042_053_travel` (div 3.3.2); `s054_058_changes`
  (div 3.3.3).
- `common` — citations, parameters, counting; `presence` — where he was; `law` — `ActLaw`.
"""

from __future__ import annotations

from ncos.law.jurisdictions.act.law import ActLaw

__all__ = ["ActLaw"]
