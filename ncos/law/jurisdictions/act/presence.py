"""Where the person was: times outside the ACT, from the case's events.

The ACT Act turns on presence in the ACT (ss 24, 34, 39, 42–47, 54, 55). The facts come from
`left_jurisdiction` / `entered_jurisdiction` / `returned` events and from notified travel
(`travel_intent`, not cancelled before leaving): absent an event saying otherwise, he is taken to
have left on the day he said he would and to be back on the day of a `returned` event, else on the
return day he gave (interpretation ACT-11). Before his first movement he is in the ACT, unless that
movement is an `entered_jurisdiction`.
"""

from __future__ import annotations

from datetime import date

from ncos.law.facts import Event
from ncos.law.jurisdictions.act.common import Absence, ActContext


def cancellation_of(ctx: ActContext, intent: Event) -> Event | None:
    """The `travel_cancelled` event that cancels `intent`: by `key` if it names the intent's
    travel notice, else the first cancellation on or before departure that no later intent
    (notified before it) could have been meant by."""
    intents = [e for e in ctx.of("travel_intent") if e.depart is not None]
    for c in ctx.of("travel_cancelled"):
        if c.day is None:
            continue
        if c.key is not None:
            if intent.depart and c.key.startswith(f"travel_notice:{intent.depart.isoformat()}"):
                return c
            continue
        candidates = [
            i
            for i in intents
            if i.depart is not None and i.depart >= c.day and (i.day is None or i.day <= c.day)
        ]
        if candidates and min(candidates, key=lambda i: (i.depart, i.index)) is intent:
            return c
    return None


def planned_return(ctx: ActContext, intent: Event) -> date | None:
    """The return day notified, as changed by any later `travel_change` giving a new return."""
    back = intent.return_
    for c in ctx.of("travel_change"):
        late = c.day is not None and intent.depart is not None and c.day >= intent.depart
        if late and c.return_ is not None:
            back = c.return_
    return back


def _first_back(ctx: ActContext, since: date) -> Event | None:
    return next(
        (
            e
            for e in ctx.of("returned", "entered_jurisdiction")
            if e.day is not None and e.day >= since
        ),
        None,
    )


def build_absences(ctx: ActContext) -> tuple[Absence, ...]:
    out: list[Absence] = []
    as_of = ctx.as_of
    for intent in ctx.of("travel_intent"):
        if intent.depart is None or intent.depart > as_of:
            continue
        c = cancellation_of(ctx, intent)
        if c is not None and c.day is not None and c.day <= intent.depart:
            continue
        back = _first_back(ctx, intent.depart)
        if back is not None and back.day is not None:
            end: date | None = back.day
        else:
            planned = planned_return(ctx, intent)
            end = planned if planned is not None and planned <= as_of else None
        out.append(Absence(intent.depart, end, intent.destination, "travel_intent"))
    moves = ctx.of("left_jurisdiction", "entered_jurisdiction", "returned")
    for e in moves:
        if e.type != "left_jurisdiction" or e.day is None:
            continue
        back = _first_back(ctx, e.day)
        out.append(Absence(e.day, None if back is None else back.day, e.to, "left_jurisdiction"))
    if moves and moves[0].type == "entered_jurisdiction" and moves[0].day is not None:
        out.append(Absence(date.min, moves[0].day, moves[0].from_, "entered_jurisdiction"))
    return tuple(sorted(out, key=lambda a: a.start))


def absence_covering(ctx: ActContext, day: date) -> Absence | None:
    return next((a for a in ctx.absences if a.covers(day)), None)


def leaves_within(ctx: ActContext, after: date, last: date) -> date | None:
    """The day he leaves the ACT (other than in custody) after `after` and on or before `last`."""
    for a in ctx.absences:
        if after < a.start <= last:
            return a.start
    return None
