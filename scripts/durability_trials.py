"""Many SIGKILL durability trials against a real store (the suite runs a few).

    python scripts/durability_trials.py [--trials 200] [--restore-trials 200] [--seed 1]

Kill trials: a child registers young people and is killed at a random moment; every
acknowledged record must be there afterwards. Restore trials: a child restores a backup over
a store that changed since (half of them a backup of another store, with its own key) and is
killed at a random moment; the recovery a real start runs must leave a store that opens, is
sound and is wholly the old one or wholly the restored one.

Prints one line per trial and a summary per kind; exits non-zero if any acknowledged record
was lost, an integrity check failed, or a restore left a store lost or unopenable.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring
from keyring.backends import fail

from tests.support.durability import run_trial
from tests.support.restore_trials import Stores, Zygote, make_stores, trial
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.services.setup import create_installation
from ungedesk.store.paths import StorePaths

PASSPHRASE = "holdbarhed kræver mange tilfældige drab"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--restore-trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    keyring.set_keyring(fail.Keyring())
    rng = random.Random(args.seed)
    failed = kill_trials(args.trials, rng) if args.trials > 0 else False
    if args.restore_trials > 0:
        failed = restore_trials(args.restore_trials, rng) or failed
    return 1 if failed else 0


def kill_trials(trials: int, rng: random.Random) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        paths = StorePaths(Path(tmp) / "data")
        profile = ProfileInput("Test Holdbar", "TH", "Test", Role.CASEWORKER)
        create_installation(paths, PASSPHRASE, profile, scrypt_n=2**12).opened.store.close()
        acked = lost = unsound = 0
        for i in range(trials):
            r = run_trial(paths.root, PASSPHRASE, rng, start=i * 1000 % 10_000_000)
            acked += r.acknowledged
            lost += r.missing
            unsound += not r.sound
            print(
                f"trial {i + 1}: killed after {r.killed_after:.3f}s, {r.acknowledged} "
                f"acknowledged, {r.missing} missing, integrity {'ok' if r.sound else 'FAILED'}"
            )
        print(
            f"{trials} trials, {acked} acknowledged records, {lost} lost, "
            f"{unsound} integrity failures"
        )
    return bool(lost or unsound)


def restore_trials(trials: int, rng: random.Random) -> bool:
    """Restores killed at random moments: a delay between 0 and a little more than an
    undisturbed restore takes (measured first); every other trial draws from the second half
    only, where the swap happens, since unpacking and checking take most of the time."""
    counts = {"old": 0, "new": 0, "lost": 0, "unopenable": 0}
    finished = with_leftovers = 0
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        kinds: list[tuple[str, Stores]] = [
            ("same store", make_stores(base / "same", PASSPHRASE, foreign=False)),
            ("other store", make_stores(base / "other", PASSPHRASE, foreign=True)),
        ]
        zygote = Zygote(PASSPHRASE)
        try:
            spans = []
            for _, stores in kinds:
                runs = [trial(zygote, stores, base / "data", delay=0) for _ in range(3)]
                spans.append(max(r.seconds for r in runs) * 1.1)
            for i in range(trials):
                kind, stores = kinds[i % 2]
                span = spans[i % 2]
                delay = rng.uniform(0.0 if i // 2 % 2 == 0 else span / 2, span)
                outcome = trial(zygote, stores, base / "data", delay=delay)
                counts[outcome.result] += 1
                finished += not outcome.killed
                with_leftovers += bool(outcome.leftovers)
                print(
                    f"restore trial {i + 1} ({kind}): killed after {delay:.3f}s"
                    f"{'' if outcome.killed else ' (restore had finished)'}, store is "
                    f"{outcome.result}, {'no ' if not outcome.leftovers else ''}leftovers"
                )
        finally:
            zygote.close()
    lost, unopenable = counts["lost"], counts["unopenable"]
    print(
        f"{trials} restore trials, {lost} lost, {unopenable} unopenable "
        f"({counts['old']} old store kept, {counts['new']} restored, {finished} finished "
        f"before the kill, {with_leftovers} with leftovers)"
    )
    return bool(lost or unopenable or with_leftovers)


if __name__ == "__main__":
    raise SystemExit(main())
