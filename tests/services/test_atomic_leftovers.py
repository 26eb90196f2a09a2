"""Temp files of atomic writes killed half-way are cleaned from the data directory."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

from ungedesk.services import restore
from ungedesk.store.database import Store


def test_stale_atomic_write_temps_go_fresh_ones_and_other_files_stay(store: Store) -> None:
    root = store.paths.root
    names = [".ungedesk.lock.info.6j8gl7_m.tmp", ".ungedesk.key.ab12cd34.tmp"]
    for name in names:
        (root / name).write_bytes(b"{")
    keep = root / "notes.tmp"  # not ours: no leading dot and random part
    keep.write_bytes(b"x")
    (root / ".ikke-en-fil.abcdefgh.tmp").mkdir()
    now = datetime.now(UTC)
    assert restore.clean_leftovers(store.paths, now=now) == 0  # too fresh: maybe in use
    assert all((root / n).exists() for n in names)
    old = (now - timedelta(hours=3)).timestamp()
    for name in names:
        os.utime(root / name, (old, old))
    assert restore.clean_leftovers(store.paths, now=now) == 2
    assert not any((root / n).exists() for n in names)
    assert keep.exists() and (root / ".ikke-en-fil.abcdefgh.tmp").is_dir()
    assert store.paths.db.exists() and store.paths.key_file.exists()
