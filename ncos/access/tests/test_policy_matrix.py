"""policy.decide() against matrix.yaml over the full cartesian product (security.md T1 unit table).

Every action × every subject kind (6 roles × cleared/uncleared, anonymous, disabled) × 8 user
jurisdictions × 8 managing jurisdictions × ordinary/protected, plus "no record" (which must
answer like an ordinary record of the user's own jurisdiction: that is the role gate).
"""

from __future__ import annotations

import pytest

from ncos.access.actions import Action
from ncos.access.policy import RecordRef, decide
from ncos.access.testing import load_matrix, policy_outcome, subject_kinds
from ncos.directory.models import JurisdictionCode

JURISDICTIONS = [code.value for code in JurisdictionCode]
MATRIX = load_matrix()


def test_matrix_lists_exactly_the_actions_the_app_has():
    assert set(MATRIX.expected) == {a.value for a in Action}


def test_matrix_cells_are_consistent_with_the_vocabulary():
    # `stub` only makes sense for reads of protected records; `hide` only for other jurisdictions.
    for action, rows in MATRIX.expected.items():
        for subject, (own_ord, own_prot, other_ord, other_prot) in rows.items():
            assert "stub" not in (own_ord, other_ord), (action, subject)
            assert "hide" not in (own_ord, own_prot), (action, subject)
            if subject in ("anonymous", "disabled"):
                assert {own_ord, own_prot, other_ord, other_prot} == {"deny"}, (action, subject)


@pytest.mark.parametrize("action", list(Action), ids=lambda a: a.value)
def test_policy_agrees_with_the_matrix(action):
    mismatches: list[str] = []
    checked = 0
    for kind in subject_kinds():
        for user_j in JURISDICTIONS:
            subject = kind.subject(user_j)
            expected_none = policy_outcome(MATRIX.outcome(action, kind.key, "own", False))
            got_none = decide(subject, action, None).outcome
            checked += 1
            if got_none is not expected_none:
                mismatches.append(
                    f"{kind.key}@{user_j} no record: want {expected_none} got {got_none}"
                )
            for managing_j in JURISDICTIONS:
                relation = "own" if managing_j == user_j else "other"
                for protected in (False, True):
                    want = policy_outcome(MATRIX.outcome(action, kind.key, relation, protected))
                    record = RecordRef(managing_jurisdiction=managing_j, protected=protected)
                    got = decide(subject, action, record).outcome
                    checked += 1
                    if got is not want:
                        mismatches.append(
                            f"{kind.key}@{user_j} on {managing_j} "
                            f"{'protected' if protected else 'ordinary'}: want {want} got {got}"
                        )
    assert checked == len(subject_kinds()) * len(JURISDICTIONS) * (1 + len(JURISDICTIONS) * 2)
    assert not mismatches, f"{len(mismatches)} of {checked} cells differ:\n" + "\n".join(
        mismatches[:40]
    )


def test_multiple_roles_get_the_union_of_their_rights():
    # A registrar who is also an auditor may read persons and the trail; neither role's refusal
    # wins over the other's grant.
    from ncos.access.policy import Subject
    from ncos.access.roles import Role

    subject = Subject(1, "ACT", frozenset({Role.REGISTRAR, Role.AUDITOR}))
    assert decide(subject, Action.PERSON_VIEW, RecordRef("NSW")).allowed
    assert decide(subject, Action.AUDIT_READ).allowed
    assert not decide(subject, Action.USER_ADMIN, RecordRef("ACT", kind="user")).allowed


def test_a_subject_without_roles_gets_only_self_service():
    from ncos.access.policy import Subject

    subject = Subject(1, "ACT", frozenset())
    allowed = {a for a in Action if decide(subject, a, RecordRef("ACT")).allowed}
    assert allowed == {Action.SELF_SERVICE, Action.REFERENCE_READ}
