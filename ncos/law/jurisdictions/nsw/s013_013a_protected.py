"""Part 3 Division 5: protected witnesses (ss 13, 13A) — and the one place every NSW obligation
is recorded (`oblige`), so that the Division 5 modification and the suspension of s 15 (1) are
applied to each the same way.

> It is sufficient compliance with the requirements of this Part— (a) if a person to whom this
> section applies provides information required by the Commissioner of Police, at the times and
> in the manner authorised by the Commissioner of Police for the purposes of this section, and

`person.protected: true` is read as "a registrable person to whom section 13 applies". The
statutory last days are still shown (the Commissioner's authorisation is not in the facts); each
obligation cites s 13 (2) and its manner is "in person or another way the Commissioner permits".
Obligations of a person to whom Division 5 applies are not suspended while he is outside NSW
(s 15 (1) (b)); s 13A reads "New South Wales" in ss 11–11D as the jurisdiction where he generally
resides, which the engine takes to be NSW unless the facts say otherwise (NSW-W1).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from ncos.law.answer import Manner, Obligation, Status
from ncos.law.explain import Citation
from ncos.law.jurisdictions.nsw.common import NswContext, s
from ncos.law.jurisdictions.nsw.s015_016b_suspension_extension import suspension_reason

IN_PERSON = (Manner.IN_PERSON,)
ANY_WAY = (Manner.IN_PERSON_OR_OTHER,)


def oblige(
    ctx: NswContext,
    kind: str,
    *,
    key: str,
    trigger: date | datetime | None,
    due: date | datetime | None,
    citations: Sequence[Citation],
    explanation: str,
    manner: Iterable[Manner],
    status: Status | None = None,
    opens: date | None = None,
    suspendable: bool = True,
) -> Obligation:
    """Record an obligation, suspended if its last day falls while obligations are suspended
    (s 15 (1); NSW-S1) and modified for a protected witness (s 13 (2))."""
    cites = list(citations)
    text = explanation
    manners = tuple(manner)
    if status is None and suspendable and due is not None:
        day = due.date() if isinstance(due, datetime) else due
        reason = suspension_reason(ctx, day)
        if reason is not None:
            cite, why = reason
            status = Status.SUSPENDED
            cites.append(cite)
            text += f" It is suspended: {why}, the day it would have fallen due."
    if ctx.protected:
        cites.append(s("s 13 (2)"))
        manners = ANY_WAY
        text += (
            " As a person to whom s 13 applies, he complies by providing the information at "
            "the times and in the manner the Commissioner of Police authorises."
        )
    # Two events with the same trigger (two children met at the same moment) are two
    # obligations; the second and later get a counter, in case order, so keys stay stable.
    unique, n = key, 2
    while ctx.builder.has(unique):
        unique, n = f"{key}:{n}", n + 1
    return ctx.builder.obligation(
        kind,
        key=unique,
        trigger=trigger,
        due=due,
        citations=tuple(dict.fromkeys(cites)),
        explanation=text,
        manner=manners,
        status=status,
        opens=opens,
    )
