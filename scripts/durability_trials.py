"""Many SIGKILL durability trials against a real store (the suite runs a few).

    python scripts/durability_trials.py [--trials 200] [--seed 1]

Prints one line per trial and a summary; exits non-zero if any acknowledged record was lost
or an integrity check failed.
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
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.services.setup import create_installation
from ungedesk.store.paths import StorePaths

PASSPHRASE = "holdbarhed kræver mange tilfældige drab"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    keyring.set_keyring(fail.Keyring())
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        paths = StorePaths(Path(tmp) / "data")
        profile = ProfileInput("Test Holdbar", "TH", "Test", Role.CASEWORKER)
        create_installation(paths, PASSPHRASE, profile, scrypt_n=2**12).opened.store.close()
        acked = lost = unsound = 0
        for i in range(args.trials):
            r = run_trial(paths.root, PASSPHRASE, rng, start=i * 1000 % 10_000_000)
            acked += r.acknowledged
            lost += r.missing
            unsound += not r.sound
            print(
                f"trial {i + 1}: killed after {r.killed_after:.3f}s, {r.acknowledged} "
                f"acknowledged, {r.missing} missing, integrity {'ok' if r.sound else 'FAILED'}"
            )
        print(
            f"{args.trials} trials, {acked} acknowledged records, {lost} lost, "
            f"{unsound} integrity failures"
        )
    return 1 if lost or unsound else 0


if __name__ == "__main__":
    raise SystemExit(main())
