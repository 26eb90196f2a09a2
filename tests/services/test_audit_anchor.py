"""The access log's head kept outside the database: each attack reproduced, then caught.

The threat model includes a caseworker who holds the key (docs/audit-threat-model.md): with
the key one can rewrite the log and its head in the database; without it one can copy an
older database file back. Both must be reported at the next start and by `verify`.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import PASSPHRASE
from tests.support.memory_keyring import MemoryKeyring
from ungedesk.services import audit, setup, youths
from ungedesk.services.audit import Action
from ungedesk.store import anchor
from ungedesk.store.database import Store
from ungedesk.store.models import AuditEvent
from ungedesk.store.paths import StorePaths


def _search(store: Store, *criteria: str) -> None:
    for c in criteria:
        youths.log_search(store, c, 0)


def _with_key(store: Store, *sql: str) -> None:
    """What someone holding the key can do by hand: drop the guard and edit freely."""
    with store.session() as s:
        for name in audit.GUARD_TRIGGERS:
            s.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        for statement in sql:
            s.execute(text(statement))


def _rechain(store: Store) -> None:
    """Recompute every hash and the head, as a careful forger would."""
    with store.session() as s:
        prev = s.execute(text("SELECT anchor_hash FROM audit_head")).scalar_one()
        events = list(s.query(AuditEvent).order_by(AuditEvent.id))
        for e in events:
            e.prev_hash = prev
            e.hash = audit._digest(prev, e)
            prev = e.hash
        s.execute(
            text("UPDATE audit_head SET last_id = :i, last_hash = :h"),
            {"i": events[-1].id, "h": prev},
        )


def _reopen(store: Store) -> Store:
    paths = store.paths
    store.close()
    return setup.unlock(paths).store


def test_every_commit_that_logs_moves_the_file_mark(store: Store) -> None:
    _search(store, "a", "b")
    mark = anchor.read_file(store.paths, store.store_id)
    assert mark is not None
    assert mark.seq == audit.head(store).seq and mark.hash == audit.head(store).hash
    # A transaction that is rolled back moves nothing.
    with pytest.raises(RuntimeError), store.session() as s:
        audit.record(s, Action.SEARCH, criterion="rolled back")
        raise RuntimeError
    assert anchor.read_file(store.paths, store.store_id) == mark


def test_truncation_with_the_key_is_caught_at_start_and_by_verify(store: Store) -> None:
    _search(store, "a", "b", "c")
    last = audit.head(store)
    _with_key(
        store,
        f"DELETE FROM audit_event WHERE id >= {last.seq - 1}",
        f"UPDATE audit_head SET last_id = {last.seq - 2}, last_hash = "
        f"(SELECT hash FROM audit_event WHERE id = {last.seq - 2})",
    )
    with store.session() as s:  # a careful forger puts the guard back
        for sql in audit.GUARD_TRIGGERS.values():
            s.execute(text(sql))
    result = audit.verify(store)
    assert not result.ok
    assert any("rullet tilbage eller afkortet" in p and "2 hændelser" in p for p in result.problems)
    store = _reopen(store)
    try:
        assert store.alerts and "rullet tilbage" in store.alerts[0]
        tamper = [e for e in audit.recent_for_actor(store, 1) if e.action is Action.TAMPER]
        assert tamper and f"nr. {last.seq - 1}-{last.seq}" in tamper[0].detail
        # Found once, kept in the log: verify keeps saying so; the next start is quiet.
        assert any("Fundet" in p for p in audit.verify(store).problems)
        again = _reopen(store)
        store = again
        assert store.alerts == []
    finally:
        store.close()


def test_a_rewritten_chain_with_a_new_head_is_caught(store: Store) -> None:
    _search(store, "a", "b", "c")
    _with_key(store, "UPDATE audit_event SET criterion = 'forfalsket' WHERE criterion = 'b'")
    _rechain(store)
    problems = audit.verify(store).problems
    assert any("skrevet om" in p for p in problems), problems
    assert not any("kæden er brudt" in p for p in problems)  # the chain itself looks whole


def test_inserted_event_with_recomputed_chain_is_caught(store: Store) -> None:
    _search(store, "a", "b")
    head = audit.head(store)
    _with_key(
        store,
        "INSERT INTO audit_event (id, at, actor_id, actor, action, youth_id, subject, "
        "criterion, purpose, special, detail, prev_hash, hash) VALUES "
        f"({head.seq + 1}, '2026-11-30T10:00:00.000000Z', 1, 'x', 'search', NULL, '', "
        "'indsat', '', 0, '', '', '')",
    )
    _rechain(store)
    # The inserted row sits after the mark: only the guard and the next start tell.
    problems = audit.verify(store).problems
    assert any("spærring" in p for p in problems)


def test_dropped_guard_is_reported_and_rearmed_at_start(store: Store) -> None:
    _search(store, "a")
    _with_key(store)
    assert any("spærring" in p for p in audit.verify(store).problems)
    store = _reopen(store)
    try:
        assert any("spærring" in a for a in store.alerts)
        with pytest.raises(Exception, match="append-only"), store.session() as s:
            s.execute(text("UPDATE audit_event SET criterion = 'y'"))
    finally:
        store.close()


def _copy_store(paths: StorePaths, to: Path, *, with_mark: bool) -> None:
    to.mkdir()
    names = ["ungedesk.db", "ungedesk.key"] + ([anchor.FILE_NAME] if with_mark else [])
    for name in names:
        shutil.copy2(paths.root / name, to / name)


def _put_back(saved: Path, paths: StorePaths) -> None:
    for suffix in ("-wal", "-shm"):
        (paths.root / f"ungedesk.db{suffix}").unlink(missing_ok=True)
    for f in saved.iterdir():
        shutil.copy2(f, paths.root / f.name)


def test_an_older_database_file_copied_back_is_caught(store: Store, tmp_path: Path) -> None:
    """Without the key: close, keep a copy, work on, copy the old file back."""
    paths = store.paths
    _search(store, "før")
    store.close()
    _copy_store(paths, tmp_path / "old", with_mark=False)
    store = setup.unlock(paths).store
    _search(store, "efter 1", "efter 2")
    store.close()
    _put_back(tmp_path / "old", paths)
    store = setup.unlock(paths).store
    try:
        assert any("rullet tilbage" in a for a in store.alerts), store.alerts
    finally:
        store.close()


def test_older_database_and_its_mark_copied_back_are_caught_by_the_keyring(
    store: Store, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    paths = store.paths
    _search(store, "før")
    store.close()
    _copy_store(paths, tmp_path / "old", with_mark=True)
    store = setup.unlock(paths).store
    _search(store, "efter")
    store.close()  # closing copies the mark to the keyring
    _put_back(tmp_path / "old", paths)
    store = setup.unlock(paths).store
    try:
        assert any("nøglering" in a and "rullet tilbage" in a for a in store.alerts)
    finally:
        store.close()


def test_a_damaged_or_deleted_mark_file_is_a_finding(store: Store) -> None:
    paths = store.paths
    _search(store, "a")
    store = _reopen(store)  # anchored from here on
    anchor.file_path(paths).write_text('{"format": "noget andet"}')
    assert any("ændret eller ulæseligt" in p for p in audit.verify(store).problems)
    anchor.file_path(paths).unlink()
    assert any("Ankerfilen" in p and "mangler" in p for p in audit.verify(store).problems)
    store.close()


def test_purge_does_not_follow_a_clock_that_jumped_forward(store: Store) -> None:
    now = datetime.now(UTC)
    with store.session() as s:
        for days in (300, 100, 1):
            audit.record(s, Action.SEARCH, criterion=f"{days}", at=now - timedelta(days=days))
    # A clock 200 days ahead would take the 100-day event too (and everything of today).
    assert audit.purge_expired(store, now=now + timedelta(days=200)) == 1
    kept = {e.criterion for e in audit.recent_for_actor(store, 1) if e.action is Action.SEARCH}
    assert kept == {"100", "1"}
    purge = next(e for e in audit.recent_for_actor(store, 1) if e.action is Action.PURGE)
    assert "1 hændelser" in purge.detail and "nr. 1-" in purge.detail
    assert "opbevaringstid 6 måneder" in purge.detail
    assert audit.verify(store).ok


def test_changing_the_retention_is_logged_with_old_and_new_value(store: Store) -> None:
    audit.set_retention_months(store, 3)
    audit.set_retention_months(store, 3)  # no change, no event
    events = [e for e in audit.recent_for_actor(store, 1) if e.action is Action.SETTING]
    assert len(events) == 1 and "fra 6 til 3 måneder" in events[0].detail
    assert audit.retention_months(store) == 3
    with pytest.raises(ValueError):
        audit.set_retention_months(store, 0)


def test_a_witness_held_elsewhere_detects_a_rollback(store: Store) -> None:
    _search(store, "a", "b")
    witness = audit.head(store)
    assert audit.check_witness(store, witness) == []
    _search(store, "c")
    assert audit.check_witness(store, witness) == []  # a later log still contains it
    _with_key(store, f"DELETE FROM audit_event WHERE id >= {witness.seq}")
    problems = audit.check_witness(store, witness)
    assert problems and "vidnet" in problems[0]
    doc = witness.to_doc(store.store_id)
    assert anchor.parse(json.dumps(doc), store.store_id).seq == witness.seq


def test_verify_on_a_fresh_store_is_whole(store: Store) -> None:
    assert audit.verify(store).ok
    reopened = setup.unlock(store.paths, PASSPHRASE)
    store.close()
    assert reopened.store.alerts == []
    assert audit.verify(reopened.store).ok
    reopened.store.close()


def test_restoring_an_older_backup_is_recorded_not_reported_as_tampering(
    store: Store, tmp_path: Path
) -> None:
    from ungedesk.services import backup, restore

    _search(store, "før kopien")
    before = audit.head(store)
    made = backup.backup(store, tmp_path / "kopi.udbackup")
    # The manifest carries the head the copy holds (its own BACKUP event comes after it).
    assert (made.audit_seq, made.audit_hash) == (before.seq, before.hash)
    _search(store, "efter 1", "efter 2")
    lost_from, lost_to = made.audit_seq + 1, audit.head(store).seq
    paths = store.paths
    store.close()
    opened = restore.restore(paths, tmp_path / "kopi.udbackup", PASSPHRASE)
    try:
        event = next(
            e for e in audit.recent_for_actor(opened.store, 1) if e.action is Action.RESTORE
        )
        assert f"nr. {lost_from}-{lost_to}" in event.detail
        mark = anchor.read_file(paths, opened.store.store_id)
        assert mark is not None and mark.seq == audit.head(opened.store).seq
    finally:
        opened.store.close()
    again = setup.unlock(paths)
    try:
        assert again.store.alerts == []
        assert audit.verify(again.store).ok
    finally:
        again.store.close()
