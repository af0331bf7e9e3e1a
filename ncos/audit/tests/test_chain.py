"""Tamper evidence: the five tamper classes on the real database, the management command's exit
status, and a property test over random chains and random tampering (security.md LG-5; T8)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ncos.audit import chain
from ncos.audit.models import AuditEvent
from ncos.audit.services import checkpoint_create, verify_chain

from .helpers import sql, tampering, write_events

pytestmark = pytest.mark.django_db


def _run_verify() -> tuple[int, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("verify_audit", stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), err.getvalue()
    return 0, out.getvalue()


def test_an_untouched_chain_verifies():
    write_events(20)
    checkpoint_create()
    write_events(5)
    result = verify_chain()
    assert result.ok
    assert result.checked == 25
    code, text = _run_verify()
    assert code == 0
    assert text.startswith("audit chain OK: 25 events verified")


def test_edit_a_field_is_caught_at_that_row():
    write_events(10)
    with tampering():
        sql("UPDATE audit_auditevent SET reason = %s WHERE seq = 6", ["nothing to see"])
    result = verify_chain()
    assert (result.ok, result.first_bad_seq) == (False, 6)
    assert "does not match its hash" in result.problem
    code, text = _run_verify()
    assert code == 1
    assert "BROKEN at seq 6" in text


def test_edit_and_rehash_without_the_key_is_caught():
    write_events(5)
    row = AuditEvent.objects.values(*chain.HASHED_FIELDS).get(seq=3)
    row["actor_username"] = "someone else"
    import hashlib

    forged = hashlib.sha256(chain.canonical(row)).hexdigest()  # no key: plain SHA-256
    with tampering():
        sql(
            "UPDATE audit_auditevent SET actor_username = %s, hash = %s WHERE seq = 3",
            ["someone else", forged],
        )
    assert verify_chain().first_bad_seq == 3


def test_delete_a_middle_row_is_caught_at_the_gap():
    write_events(10)
    with tampering():
        sql("DELETE FROM audit_auditevent WHERE seq = 4")
    result = verify_chain()
    assert (result.ok, result.first_bad_seq) == (False, 4)
    assert "gap" in result.problem
    code, text = _run_verify()
    assert code == 1
    assert "BROKEN at seq 4" in text


def test_delete_the_tail_is_caught_by_the_signed_checkpoint_and_the_head():
    write_events(10)
    checkpoint_create()
    with tampering():
        sql("DELETE FROM audit_auditevent WHERE seq >= 8")
    result = verify_chain()
    assert (result.ok, result.first_bad_seq) == (False, 8)
    assert "checkpoint" in result.problem
    code, text = _run_verify()
    assert (code, "BROKEN at seq 8" in text) == (1, True)


def test_delete_the_tail_after_the_last_checkpoint_is_caught_by_the_head():
    write_events(5)
    checkpoint_create()
    write_events(5)
    with tampering():
        sql("DELETE FROM audit_auditevent WHERE seq >= 9")
    result = verify_chain()
    assert (result.ok, result.first_bad_seq) == (False, 9)
    assert "head says 10" in result.problem


def test_insert_a_forged_row_is_caught():
    write_events(6)
    last = AuditEvent.objects.values(*chain.HASHED_FIELDS, "hash").get(seq=6)
    forged = dict(last)
    forged.update(seq=7, prev_hash=last["hash"], action="auth.sign_in", details={"forged": True})
    import hashlib
    import uuid

    forged["event_id"] = uuid.uuid4()
    forged["hash"] = hashlib.sha256(chain.canonical(forged)).hexdigest()
    AuditEvent.objects.create(**forged)  # inserts are allowed; forging a valid hash is not
    result = verify_chain()
    assert (result.ok, result.first_bad_seq) == (False, 7)


def test_reorder_is_caught():
    write_events(8)
    with tampering():
        sql("UPDATE audit_auditevent SET seq = -3 WHERE seq = 3")
        sql("UPDATE audit_auditevent SET seq = 3 WHERE seq = 5")
        sql("UPDATE audit_auditevent SET seq = 5 WHERE seq = -3")
    result = verify_chain()
    assert (result.ok, result.first_bad_seq) == (False, 3)


def test_a_forged_checkpoint_is_caught():
    write_events(4)
    checkpoint = checkpoint_create()
    assert checkpoint is not None
    from ncos.audit.models import AuditCheckpoint

    AuditCheckpoint.objects.filter(pk=checkpoint.pk).update(signature="0" * 64)
    result = verify_chain()
    assert not result.ok
    assert "signature" in result.problem


# --- the same, as a property over random chains (pure, no database) -------------------------


def _chain(n: int) -> list[dict]:
    rows, prev = [], chain.GENESIS_HASH
    for i in range(1, n + 1):
        row = dict.fromkeys(chain.HASHED_FIELDS, "")
        row.update(
            seq=i,
            event_id=f"e{i}",
            at=f"2026-01-01T00:00:{i % 60:02d}",
            protected=False,
            actor_id=i % 7,
            details={"i": i},
            action="person.view",
            prev_hash=prev,
        )
        row["hash"] = chain.row_hash(row)
        prev = row["hash"]
        rows.append(row)
    return rows


TAMPER = st.sampled_from(["edit", "delete_middle", "delete_tail", "insert", "reorder"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(min_value=3, max_value=300), kind=TAMPER, data=st.data())
def test_every_tamper_class_is_found_at_the_right_row(n, kind, data):
    rows = _chain(n)
    head = (n, rows[-1]["hash"])
    if kind == "edit":
        i = data.draw(st.integers(0, n - 1))
        rows[i] = dict(rows[i], reason="edited")
        want = i + 1
    elif kind == "delete_middle":
        i = data.draw(st.integers(0, n - 2))
        del rows[i]
        want = i + 1
    elif kind == "delete_tail":
        k = data.draw(st.integers(1, n - 1))
        rows = rows[: n - k]
        want = n - k + 1
    elif kind == "insert":
        i = data.draw(st.integers(0, n - 1))
        fake = dict(rows[i], details={"forged": True})
        rows.insert(i + 1, fake)
        want = i + 2  # the forged row sits where seq i+2 should be
    else:
        i = data.draw(st.integers(0, n - 2))
        rows[i], rows[i + 1] = rows[i + 1], rows[i]
        want = i + 1
    result = chain.verify_rows(rows, head=head)
    assert not result.ok
    assert result.first_bad_seq == want, result


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=0, max_value=300))
def test_no_false_positives(n):
    rows = _chain(n)
    head = (n, rows[-1]["hash"]) if rows else (0, chain.GENESIS_HASH)
    assert chain.verify_rows(rows, head=head).ok
