import random
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.support.durability_transfer import prepare, run_trial


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_an_import_killed_at_random_leaves_the_person_whole(tmp_path: Path) -> None:
    scenarios = prepare(tmp_path, PASSPHRASE, rows=15)
    rng = random.Random(20261130)
    states = []
    for trial in range(5):
        scenario = scenarios[trial % len(scenarios)]
        result = run_trial(scenario, tmp_path / f"trial-{trial}", PASSPHRASE, rng)
        assert result.opened and result.sound, result
        assert result.state in ("before", "after"), result
        states.append(result.state)
    # The trials really killed imports that had started (a complete import is "after").
    assert "before" in states
