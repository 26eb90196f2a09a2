"""Many SIGKILL trials against receiving a case transfer (the suite runs a few).

    python scripts/durability_transfer.py [--trials 200] [--seed 1]

Each trial copies a prepared store, imports a transfer file in a child process and kills it
at a random moment; the store must open, pass both integrity checks, and hold the person
either wholly as before or wholly imported. Prints one line per trial and a summary; exits
non-zero if any trial left a partial import or a store that does not open or is unsound.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring
from keyring.backends import fail

from tests.support.durability_transfer import prepare, run_trial
from ungedesk.store import keys

PASSPHRASE = "holdbarhed kræver mange tilfældige drab"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    keyring.set_keyring(fail.Keyring())
    # A cheap KDF for the transfer file, so most of each import is database work: that is
    # where a kill could leave half a case.
    keys.SCRYPT_N = 2**12
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        scenarios = prepare(work, PASSPHRASE)
        for s in scenarios:
            print(f"scenario {s.name}: a complete import takes {s.seconds:.3f}s")
        states: Counter[str] = Counter()
        lost = unopenable = unsound = 0
        for i in range(args.trials):
            scenario = scenarios[i % len(scenarios)]
            r = run_trial(scenario, work / f"trial-{i}", PASSPHRASE, rng)
            states[r.state] += 1
            lost += r.state == "partial"
            unopenable += not r.opened
            unsound += r.opened and not r.sound
            print(
                f"trial {i + 1} ({r.scenario}): killed after {r.killed_after:.3f}s, "
                f"{'finished' if r.finished else 'unfinished'}, person {r.state}, "
                f"integrity {'ok' if r.sound else 'FAILED'}"
            )
        print(
            f"{args.trials} trials ({states['before']} as before, {states['after']} wholly "
            f"imported), {lost} lost, {unopenable} unopenable, {unsound} integrity failures"
        )
    return 1 if lost or unopenable or unsound else 0


if __name__ == "__main__":
    raise SystemExit(main())
