import random
import sys

import pytest

from tests.conftest import PASSPHRASE
from tests.support.durability import run_trial
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_acknowledged_records_survive_sigkill(store: Store, store_paths: StorePaths) -> None:
    store.close()
    rng = random.Random(20261124)
    total = 0
    for trial in range(4):
        result = run_trial(store_paths.root, PASSPHRASE, rng, start=trial * 5000)
        assert result.missing == 0, result
        assert result.sound, result
        total += result.acknowledged
    assert total > 0  # the trials really wrote something before being killed
