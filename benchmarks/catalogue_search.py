"""The offers catalogue's search as the caseworker types, at 2,000 offers (issue 15).

    python benchmarks/catalogue_search.py [--offers 2000] [--runs 5]

Builds 2,000 synthetic offers (names, providers and kinds with æ, ø, å, accents and the
shipped kind labels) in memory and types a set of queries one keystroke at a time,
including a deleted letter, as the Tilbudsvifte's search field does: each keystroke is one
``OfferIndex.positions`` call with the default filter (active offers). The list model's
reset is not in it (the view shows the first screen of rows only). Goal: ≤ 16 ms per
keystroke (one frame at 60 Hz).

Floor, measured in the same run, keystroke for keystroke: a bare substring scan of the
same 2,000 names casefolded in advance (``[i for i, s in enumerate(names) if q in s]``),
which folds nothing, knows no æ/ø/å spelling and filters nothing: the least any search of
the catalogue could cost in Python. Also timed: building the index (at the catalogue's
load and after each change).

Figures go to benchmarks/results/catalogue.json; the table is written by hand in
RESULTS.md. Pure domain code: no store, no Qt.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from ungedesk.domain.offer_search import OfferEntry, OfferFilter, OfferIndex  # noqa: E402
from ungedesk.domain.offers import AUDIENCES, parse_offer_rules  # noqa: E402
from ungedesk.domain.search import fold  # noqa: E402
from ungedesk.resources import RESOURCES  # noqa: E402

WORDS = (
    "Afklaring",
    "Praktik",
    "Løntilskud",
    "Mentor",
    "Hold",
    "Værksted",
    "Køkken",
    "Lager",
    "Butik",
    "Pleje",
    "Børn",
    "Ældre",
    "Grøn",
    "Sundhed",
    "Motion",
    "Trivsel",
    "Dansk",
    "Matematik",
    "Ordblind",
    "Truck",
    "Svejs",
    "Café",
    "Bageri",
    "Ærø",
    "Ålholm",
    "Søndergård",
    "Brobygning",
    "Jobklar",
    "Fremmøde",
    "Uddannelse",
    "Ungdom",
    "Fritid",
    "Håndværk",
    "Økologi",
)
PROVIDERS = (
    "Kommunens Ungecenter",
    "Læringshuset Nord",
    "FGU-skolen",
    "Erhvervsskolen",
    "Voksenuddannelsescentret",
    "Mentorkorpset",
    "Søren Møller ApS",
    "Café Åen",
    "Park og Vej",
)
# Typed one keystroke at a time; "mentor" is typed, one letter deleted, then "x" added.
QUERIES = ("praktik lager", "soren", "aalholm", "lontilskud", "ko", "mentor", "mento", "fgu")


def entries(n: int, seed: int = 1) -> list[OfferEntry]:
    rng = random.Random(seed)
    rules = parse_offer_rules((RESOURCES / "rules" / "offers.toml").read_text(encoding="utf-8"))
    kinds = [k.code for k in rules.kinds]
    out = []
    for i in range(n):
        kind = rng.choice(kinds)
        name = " ".join(rng.sample(WORDS, 3)) + f" {i}"
        audiences = tuple(a for a in AUDIENCES if rng.random() < 0.4)
        out.append(
            OfferEntry(
                i,
                name,
                rng.choice(PROVIDERS),
                kind,
                rules.label(kind),
                audiences,
                rng.random() < 0.9,
            )
        )
    return out


def keystrokes() -> list[str]:
    typed: list[str] = []
    for q in QUERIES:
        typed.extend(q[: k + 1] for k in range(len(q)))
        typed.append("")  # the field cleared before the next query
    return typed


def run(n: int, runs: int) -> dict[str, object]:
    data = entries(n)
    names = [fold(e.name) for e in data]
    typed = keystrokes()
    ours: list[float] = []
    floor: list[float] = []
    builds: list[float] = []
    for _ in range(runs):
        t = time.perf_counter()
        index = OfferIndex(data)
        builds.append(time.perf_counter() - t)
        for q in typed:
            t = time.perf_counter()
            index.positions(OfferFilter(q))
            ours.append(time.perf_counter() - t)
            folded = q.casefold()
            t = time.perf_counter()
            [i for i, s in enumerate(names) if folded in s]
            floor.append(time.perf_counter() - t)

    def figures(samples: list[float]) -> dict[str, float]:
        ordered = sorted(samples)
        return {
            "median_ms": statistics.median(ordered) * 1000,
            "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1000,
            "max_ms": ordered[-1] * 1000,
        }

    return {
        "offers": n,
        "keystrokes": len(typed) * runs,
        "search": figures(ours),
        "floor": figures(floor),
        "build": figures(builds),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--offers", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    result = run(args.offers, args.runs)
    out = HERE / "results" / "catalogue.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    s, f, b = result["search"], result["floor"], result["build"]
    assert isinstance(s, dict) and isinstance(f, dict) and isinstance(b, dict)
    print(
        f"{result['offers']} offers, {result['keystrokes']} keystrokes: "
        f"search {s['median_ms']:.2f} / {s['p95_ms']:.2f} / {s['max_ms']:.2f} ms "
        f"(median / p95 / max); floor {f['median_ms']:.2f} / {f['p95_ms']:.2f} / "
        f"{f['max_ms']:.2f} ms; index build {b['median_ms']:.1f} ms (max {b['max_ms']:.1f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
