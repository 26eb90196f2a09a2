"""What the encryption costs, what the search floor is, and where the store's bytes go.

    python benchmarks/store_figures.py DATA_DIR [--runs 5]

Run by run.py at 100,000 young people; usable by itself (prints JSON). Needs the store's
key in the benchmark keyring file (run.py fills it). Works on the store directly with
sqlcipher3, not through UngeDesk, so each figure is the database's own cost:

- encryption: the same workloads on the store and on a plaintext copy of it made once with
  ``sqlcipher_export`` (benchmarks/.cache/store-<size>-plaintext.db, remade when the store
  is newer), alternating, each on a fresh connection (a fresh page cache, as at a start),
  OS cache warm: the register read (the columns the list shows), a LIKE search on names,
  the first page by last and first name with no index to use. Also
  ``cipher_memory_security`` on vs off.
- search floor: the keystrokes of startup_probe.QUERIES as a plain substring scan over a
  Python list of one lower-cased string per young person.
- size: the file, its pages and free pages; per table and index the pages of the plaintext
  copy (SQLCipher's build has no dbstat; Python's sqlite3 has it, and the copy holds the
  same rows, compacted, in pages without SQLCipher's 80 reserved bytes).
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_keyring import entry_name, keyring_file, read_entries  # noqa: E402
from startup_probe import QUERIES, percentile  # noqa: E402

_HEX_KEY = re.compile(r"[0-9a-f]{64}")

REGISTER_COLUMNS = (
    "id, case_number, cpr, first_name, last_name, birth_date, henvendelse_date, "
    "caseworker_id, status"
)
WORKLOADS = {
    "register_read": f"SELECT {REGISTER_COLUMNS} FROM youth",
    "like_search": "SELECT id FROM youth WHERE first_name || ' ' || last_name LIKE '%nielsen%'",
    "first_page_unindexed": (
        f"SELECT {REGISTER_COLUMNS} FROM youth ORDER BY last_name, first_name LIMIT 50"
    ),
}

Connect = Callable[[], sqlcipher3.Connection]


def store_key(data_dir: Path) -> str:
    store_id = json.loads((data_dir / "ungedesk.key").read_text(encoding="utf-8"))["store_id"]
    key = read_entries(keyring_file()).get(entry_name("UngeDesk", f"store-{store_id}"), "")
    if not _HEX_KEY.fullmatch(key):
        raise SystemExit("no key for this store in the benchmark keyring (run run.py first)")
    return key


def connect_encrypted(db: Path, key: str, *, memory_security: bool = True) -> sqlcipher3.Connection:
    """Read-only, with the store's cipher settings (ungedesk.store.engine.connect_raw)."""
    conn = sqlcipher3.connect(f"file:{db}?mode=ro", uri=True)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    conn.execute(f"PRAGMA cipher_memory_security = {'ON' if memory_security else 'OFF'}")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def connect_plain(db: Path) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(f"file:{db}?mode=ro", uri=True)
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def plaintext_path(data_dir: Path) -> Path:
    """Where the plaintext copy of the store in ``data_dir`` is kept (beside it)."""
    return data_dir.parent / f"{data_dir.name}-plaintext.db"


def plaintext_copy(db: Path, key: str, target: Path) -> Path:
    """A plaintext copy of ``db`` (demo data only), made once and remade when ``db`` is
    newer; written beside and renamed, so a stopped export leaves no half copy."""
    if target.exists() and target.stat().st_mtime >= db.stat().st_mtime:
        return target
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlcipher3.connect(str(db))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key}'\"")
        conn.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(tmp),))
        conn.execute("SELECT sqlcipher_export('plaintext')")
        conn.execute("DETACH DATABASE plaintext")
    finally:
        conn.close()
    tmp.chmod(0o600)
    tmp.replace(target)
    return target


def _timed(connect: Connect, sql: str) -> float:
    conn = connect()
    try:
        t = time.perf_counter()
        conn.execute(sql).fetchall()
        return (time.perf_counter() - t) * 1000
    finally:
        conn.close()


def paired(a: Connect, b: Connect, sql: str, runs: int) -> dict[str, float]:
    """``sql`` on ``a`` and on ``b``, alternating, after one unmeasured run of each."""
    _timed(a, sql), _timed(b, sql)
    times_a, times_b = [], []
    for _ in range(runs):
        times_a.append(_timed(a, sql))
        times_b.append(_timed(b, sql))
    median_a, median_b = statistics.median(times_a), statistics.median(times_b)
    return {
        "a_median_ms": round(median_a, 1),
        "a_max_ms": round(max(times_a), 1),
        "b_median_ms": round(median_b, 1),
        "b_max_ms": round(max(times_b), 1),
        "ratio": round(median_a / median_b, 2) if median_b else 0.0,
    }


def encryption_cost(db: Path, plain: Path, key: str, runs: int) -> dict[str, Any]:
    def encrypted() -> sqlcipher3.Connection:
        return connect_encrypted(db, key)

    def plaintext() -> sqlcipher3.Connection:
        return connect_plain(plain)

    def security_off() -> sqlcipher3.Connection:
        return connect_encrypted(db, key, memory_security=False)

    figures: dict[str, Any] = {}
    for name, sql in WORKLOADS.items():
        pair = paired(encrypted, plaintext, sql, runs)
        figures[name] = {
            "encrypted_median_ms": pair["a_median_ms"],
            "encrypted_max_ms": pair["a_max_ms"],
            "plaintext_median_ms": pair["b_median_ms"],
            "plaintext_max_ms": pair["b_max_ms"],
            "ratio": pair["ratio"],
        }
    pair = paired(encrypted, security_off, WORKLOADS["register_read"], runs)
    figures["memory_security_register_read"] = {
        "on_median_ms": pair["a_median_ms"],
        "off_median_ms": pair["b_median_ms"],
        "ratio": pair["ratio"],
    }
    return figures


def keystroke_sequence() -> list[str]:
    """What the search field holds after each keystroke of the probe (Esc clears)."""
    sequence: list[str] = []
    for query in QUERIES:
        sequence += [query[: i + 1] for i in range(len(query))]
        sequence.append("")
    return sequence


def search_floor(db: Path, key: str, runs: int) -> dict[str, Any]:
    """The probe's keystrokes as a bare substring scan over a list of strings."""
    conn = connect_encrypted(db, key)
    try:
        rows = conn.execute("SELECT first_name, last_name, cpr, case_number FROM youth").fetchall()
    finally:
        conn.close()
    haystacks = [
        f"{first} {last} {cpr[:6]}-{cpr[6:]} {cpr} {case}".lower()
        for first, last, cpr, case in rows
    ]
    timings: list[float] = []
    for _ in range(runs):
        for text in keystroke_sequence():
            t = time.perf_counter()
            if text:
                hits = [i for i, h in enumerate(haystacks) if text in h]
            else:
                hits = list(range(len(haystacks)))
            timings.append((time.perf_counter() - t) * 1000)
            del hits
    ordered = sorted(timings)
    return {
        "youths": len(haystacks),
        "count": len(ordered),
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(percentile(ordered, 0.95), 1),
        "max_ms": round(ordered[-1], 1),
    }


def store_size(db: Path, plain: Path, key: str) -> dict[str, Any]:
    conn = connect_encrypted(db, key)
    try:
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        page_count = int(conn.execute("PRAGMA page_count").fetchone()[0])
        free_pages = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    finally:
        conn.close()
    wal = db.with_name(db.name + "-wal")
    plain_conn = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
    try:
        owners = dict(
            plain_conn.execute(
                "SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')"
            ).fetchall()
        )
        objects = []
        for name, pages, size in plain_conn.execute(
            "SELECT name, count(*), sum(pgsize) FROM dbstat GROUP BY name ORDER BY 3 DESC"
        ):
            table = owners.get(name, name)
            entry: dict[str, Any] = {
                "name": name,
                "table": table,
                "kind": "table" if table == name else "index",
                "pages": int(pages),
                "bytes": int(size),
            }
            if entry["kind"] == "table":
                count = plain_conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                entry["rows"] = int(count)
            objects.append(entry)
        plain_pages = int(plain_conn.execute("PRAGMA page_count").fetchone()[0])
    finally:
        plain_conn.close()
    return {
        "file_bytes": db.stat().st_size,
        "wal_bytes": wal.stat().st_size if wal.exists() else 0,
        "page_size": page_size,
        "pages": page_count,
        "free_pages": free_pages,
        "plaintext_copy_bytes": plain.stat().st_size,
        "plaintext_copy_pages": plain_pages,
        "objects": objects,
    }


def figures(data_dir: Path, runs: int) -> dict[str, Any]:
    key = store_key(data_dir)
    db = data_dir / "ungedesk.db"
    plain = plaintext_path(data_dir)
    t = time.perf_counter()
    plaintext_copy(db, key, plain)
    made = time.perf_counter() - t
    return {
        "plaintext_copy_s": round(made, 1),
        "encryption": encryption_cost(db, plain, key, runs),
        "search_floor": search_floor(db, key, max(1, runs // 2)),
        "size": store_size(db, plain, key),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(figures(args.data_dir, args.runs), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
