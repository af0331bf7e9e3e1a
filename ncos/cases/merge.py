"""Case records follow a person's merge (registered in `ncos.registry.services.MERGE_HOOKS`).

Called inside the register's merge transaction with both persons locked and authorised: moves
this app's rows of the merged record to the survivor and returns counts (the register adds them
to `PersonMerge.moved` and to its audit rows; only the kinds that moved are named). A task
whose `source_key` the survivor already uses is re-keyed, so there is still one task per key.
"""

from __future__ import annotations

from ncos.cases.models import AccessRequest, BreachReferral, CaseNote, Task, Visit
from ncos.registry.models import Person


def move_case_records(survivor: Person, other: Person) -> dict[str, int]:
    taken = set(
        Task.objects.filter(person=survivor)
        .exclude(source_key="")
        .values_list("source_key", flat=True)
    )
    for task in Task.objects.filter(person=other, source_key__in=taken):
        task.source_key = f"{task.source_key}~merged:{other.national_id}"[:160]
        task.save(update_fields=["source_key"])
    moved = {
        "case_tasks": Task.objects.filter(person=other).update(person=survivor),
        "case_notes": CaseNote.objects.filter(person=other).update(person=survivor),
        "case_visits": Visit.objects.filter(person=other).update(person=survivor),
        "breach_referrals": BreachReferral.objects.filter(person=other).update(person=survivor),
        "access_requests": AccessRequest.objects.filter(person=other).update(person=survivor),
    }
    return {name: count for name, count in moved.items() if count}  # only what moved
