"""``ungedesk catalogue export --out FILE`` and ``ungedesk catalogue import FILE`` as a user
runs them: a team's catalogue moved between two laptops' stores, and a bad file refused in
Danish with nothing changed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.e2e.conftest import INIT, assert_clean_failure, run
from ungedesk.services import catalogue, setup
from ungedesk.store.paths import StorePaths


def names(data: Path) -> set[str]:
    opened = setup.unlock(StorePaths(data), PASSPHRASE)
    try:
        return {o.name for o in catalogue.list_offers(opened.store)}
    finally:
        opened.store.close()


def test_a_catalogue_moves_between_two_stores(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for data in (first, second):
        made = run(*INIT, data_dir=data)
        assert made.returncode == 0, made.stderr
    file = tmp_path / "tilbudsvifte.json"
    exported = run("catalogue", "export", "--out", str(file), data_dir=first)
    assert exported.returncode == 0, exported.stderr
    starter = len(names(first))
    assert exported.stdout.strip() == f"{starter} tilbud skrevet til tilbudsvifte.json."
    document = json.loads(file.read_text(encoding="utf-8"))
    document["offers"].append(
        {**document["offers"][0], "uid": "6f1c0e1e-2f77-4b7e-9a59-3f1f5a0c2b10", "name": "Nyt hold"}
    )
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    imported = run("catalogue", "import", str(file), data_dir=second)
    assert imported.returncode == 0, imported.stderr
    # The starter offers share their uids on every laptop: updated, not doubled.
    assert imported.stdout.strip() == (
        f"Tilbudsviften er indlæst: 1 nye og {starter} opdaterede tilbud."
    )
    assert "Nyt hold" in names(second) and len(names(second)) == starter + 1

    document["offers"][3]["kind"] = "kursus"
    document["offers"][0]["name"] = "Skulle ikke komme med"
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    refused = run("catalogue", "import", str(file), data_dir=second)
    assert_clean_failure(refused)
    assert refused.returncode == 2
    assert "Tilbud nr. 4" in refused.stderr and "feltet art: Vælg tilbuddets art." in refused.stderr
    assert "Skulle ikke komme med" not in names(second)
