"""Restore killed (SIGKILL) at every file step, then recovered as the next start would:
the store opens, is sound, and is wholly the old one or wholly the restored one."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.support.restore_trials import Zygote, make_stores, trial

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork are POSIX")


@pytest.fixture(scope="module")
def zygote() -> Iterator[Zygote]:
    z = Zygote(PASSPHRASE)
    yield z
    z.close()


@pytest.mark.parametrize("foreign", [False, True], ids=["same-store", "other-store"])
def test_restore_killed_at_every_step_recovers_old_or_new(
    zygote: Zygote, tmp_path: Path, foreign: bool
) -> None:
    stores = make_stores(tmp_path, PASSPHRASE, foreign=foreign)
    data = tmp_path / "data"
    seen: dict[str, int] = {}
    step = 0
    while True:
        step += 1
        outcome = trial(zygote, stores, data, kill_at=step)
        assert outcome.result in ("old", "new"), (step, outcome)
        assert outcome.leftovers == [], (step, outcome)
        if not outcome.killed:
            assert outcome.result == "new"
            break
        seen[outcome.result] = seen.get(outcome.result, 0) + 1
        assert step < 200, "the restore never finished"
    # Every window was hit: killed before the commit point (old back) and after it (new).
    assert seen.get("old", 0) >= 8 and seen.get("new", 0) >= 1, seen
    assert step - 1 == outcome.steps


def test_a_few_random_restore_kills(zygote: Zygote, tmp_path: Path) -> None:
    """Like the durability script's --restore-trials, at random steps instead of times."""
    stores = make_stores(tmp_path, PASSPHRASE, foreign=True)
    data = tmp_path / "data"
    total = trial(zygote, stores, data).steps
    rng = random.Random(20261130)
    for _ in range(5):
        outcome = trial(zygote, stores, data, kill_at=rng.randint(1, total))
        assert outcome.killed and outcome.result in ("old", "new"), outcome
        assert outcome.leftovers == []
