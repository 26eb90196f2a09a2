"""Importing the coordination group's list: 5,000 rows matched against 100,000 registered
young people (issue 16). Goal: ≤ 2 s for the import, with progress.

    python benchmarks/restgruppe_import.py [--registered 100000] [--rows 5000] [--runs 3]

A real encrypted store is made in a temporary folder and filled with ``--registered``
synthetic young people by one bulk insert (the register's columns only, no case histories:
the import reads nothing else). The list is a Windows-1252, semicolon file as UU systems
send it: 80 % registered young people, 20 % not, quoted school names with separators.
Timed, each run on a month of its own:

- preview: read the file, parse it, match every row by CPR (services.restgruppe_import);
- import: the same and write the list in one transaction, with a Progress that counts the
  steps it reports (so "with progress" is shown to be true, not assumed).

Floor, in the same run: the least any program could do for the same job in Python: decode
the bytes and split them with the csv module, then look every CPR up in an in-memory set of
the 100,000 registered CPRs (no checks, no database, nothing written).

Figures go to benchmarks/results/restgruppe.json; the table is written by hand in
RESULTS.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
PASSPHRASE = "benchmark restgruppe passphrase 2026"


def cpr_of(n: int) -> str:
    """A distinct CPR-shaped number of a person born 2009-2011 (seventh digit 4-9)."""
    birth = date(2009, 1, 1) + timedelta(days=n % 1000)
    serial = 4000 + n // 1000
    return f"{birth:%d%m%y}{serial:04d}"


def build_list(registered: int, rows: int, seed: int) -> bytes:
    rng = random.Random(seed)
    on_list = rng.sample(range(registered), rows * 4 // 5)
    unregistered = range(registered, registered + rows - len(on_list))
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(("CPR-nr.", "Fornavn", "Efternavn", "Skole", "Status"))
    for n in [*on_list, *unregistered]:
        cpr = cpr_of(n)
        writer.writerow(
            (
                f"{cpr[:6]}-{cpr[6:]}",
                rng.choice(("Søren", "Åse", "Zoë", "Ali")),
                rng.choice(("Ærø", "Østergaard", "Nielsen")),
                rng.choice(("", "Skolen ved Åen; 9.b", "FGU Syd")),
                "Ikke i uddannelse",
            )
        )
    return out.getvalue().encode("cp1252")


def floor(data: bytes, registered: set[str]) -> int:
    text = data.decode("cp1252")
    found = 0
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
        if row[0].replace("-", "") in registered:
            found += 1
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--registered", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE.parent))
    import keyring
    from sqlalchemy import insert

    from tests.support.memory_keyring import MemoryKeyring
    from ungedesk.domain.profile import ProfileInput, Role
    from ungedesk.services import restgruppe_import, setup
    from ungedesk.services.progress import Progress
    from ungedesk.store.models import Youth
    from ungedesk.store.paths import StorePaths

    keyring.set_keyring(MemoryKeyring())
    result: dict[str, object] = {"registered": args.registered, "rows": args.rows}
    with tempfile.TemporaryDirectory(prefix="ungedesk-bench-") as tmp:
        paths = StorePaths(Path(tmp) / "data")
        profile = ProfileInput("Anne Bjerregaard", "ABJ", "Ungeteamet", Role.CASEWORKER)
        store = setup.create_installation(
            paths, PASSPHRASE, profile, municipality="Demo Kommune", scrypt_n=2**12
        ).opened.store
        t = time.perf_counter()
        rows = [
            {
                "cpr": cpr_of(n),
                "case_number": f"U-2026-{n:06d}",
                "first_name": "Søren",
                "last_name": "Ærø",
                "birth_date": date(2009, 1, 1),
                "legal_sex": "M",
                "henvendelse_date": date(2026, 1, 5),
                "benefit": "none",
                "education": "none",
                "status": "active",
            }
            for n in range(args.registered)
        ]
        with store.session() as s:
            s.execute(insert(Youth), rows)
        result["fill_s"] = round(time.perf_counter() - t, 1)
        registered = {r["cpr"] for r in rows}
        del rows
        listing = Path(tmp) / "liste.csv"
        previews: list[float] = []
        imports: list[float] = []
        floors: list[float] = []
        steps: list[int] = []
        for run in range(args.runs):
            data = build_list(args.registered, args.rows, seed=run)
            listing.write_bytes(data)
            month = date(2025 + run // 12, run % 12 + 1, 1)
            t = time.perf_counter()
            matched = floor(listing.read_bytes(), registered)
            floors.append(time.perf_counter() - t)
            t = time.perf_counter()
            preview = restgruppe_import.preview_file(store, listing, month)
            previews.append(time.perf_counter() - t)
            assert preview.matched == matched == args.rows * 4 // 5
            reported: list[int] = []
            progress = Progress(lambda done, _total, _label, seen=reported: seen.append(done))
            t = time.perf_counter()
            done = restgruppe_import.apply_file(
                store, listing, month, expected=preview.fingerprint, progress=progress
            )
            imports.append(time.perf_counter() - t)
            assert done.rows == args.rows
            steps.append(len(reported))
        store.close()
    median_floor = statistics.median(floors)
    result.update(
        {
            "preview_s": round(statistics.median(previews), 3),
            "import_s": round(statistics.median(imports), 3),
            "import_max_s": round(max(imports), 3),
            "floor_s": round(median_floor, 4),
            "preview_ratio": round(statistics.median(previews) / median_floor, 1),
            "import_ratio": round(statistics.median(imports) / median_floor, 1),
            "progress_steps": min(steps),
            "goal_import_s": 2.0,
        }
    )
    out = HERE / "results" / "restgruppe.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
