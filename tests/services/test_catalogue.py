"""The offers catalogue over a real store: the starter catalogue the migration seeds, add,
edit, retire and reactivate with audit rows, and the file round trip between two stores
(all or nothing, Danish messages naming the entry and the field, update by uid)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ungedesk.domain.errors import InputError
from ungedesk.domain.offers import OfferInput
from ungedesk.services import audit, catalogue
from ungedesk.services.catalogue import CatalogueFileError
from ungedesk.store.database import Store
from ungedesk.store.models import AuditEvent, Offer

PRACTICE = OfferInput(
    name="Praktik i Ærøs Bageri",
    kind="virksomhedspraktik",
    provider="Bageriet",
    audiences=("jobparat", "uddannelsesparat"),
    min_age=18,
    max_age=29,
    weeks=4,
    contact_name="Kontaktperson",
    contact_phone="12 34 56 78",
    contact_email="praktik@bageri.example",
)


def catalogue_events(store: Store) -> list[str]:
    with store.session() as s:
        rows = s.scalars(
            select(AuditEvent).where(AuditEvent.subject == "tilbudsvifte").order_by(AuditEvent.id)
        )
        return [f"{r.action}:{r.detail}" for r in rows]


def test_a_new_store_has_the_starter_catalogue(store: Store) -> None:
    offers = catalogue.list_offers(store)
    assert 15 <= len(offers) <= 25
    assert all(o.active for o in offers)
    assert all(o.contact_phone == "" and o.contact_email == "" for o in offers)
    kinds = {o.kind for o in offers}
    assert {"oevo", "virksomhedspraktik", "loentilskud", "mentor", "fgu"} <= kinds
    # Danish order: names with Å/Ø last would sort after Z; the list is sorted by it.
    names = [o.name for o in offers]
    assert names[0].startswith("A")


def test_add_edit_retire_reactivate_are_logged(store: Store) -> None:
    added = catalogue.add_offer(store, PRACTICE)
    assert added.kind_label == "Virksomhedspraktik"
    assert added.audience_labels == "Uddannelsesparate, Jobparate"  # AUDIENCES order
    changed = catalogue.edit_offer(store, added.id, replace(PRACTICE, weeks=6))
    assert changed.weeks == 6
    assert not catalogue.set_active(store, added.id, False).active
    assert catalogue.set_active(store, added.id, True).active
    assert catalogue_events(store) == [
        f"create:Tilbud {added.id} oprettet",
        f"update:Tilbud {added.id} rettet",
        f"update:Tilbud {added.id} udgået",
        f"update:Tilbud {added.id} genaktiveret",
    ]
    assert audit.verify(store).ok


def test_bad_input_names_the_field_and_saves_nothing(store: Store) -> None:
    before = len(catalogue.list_offers(store))
    with pytest.raises(InputError) as caught:
        catalogue.add_offer(store, OfferInput(name="", kind="virksomhedspraktik", weeks=0))
    assert set(caught.value.fields) == {"name", "weeks"}
    assert len(catalogue.list_offers(store)) == before
    assert catalogue_events(store) == []


def test_active_only_leaves_retired_out(store: Store) -> None:
    first = catalogue.list_offers(store)[0]
    catalogue.set_active(store, first.id, False)
    assert first.id not in {o.id for o in catalogue.list_offers(store, active_only=True)}


def test_export_and_import_round_trip(store: Store, tmp_path: Path) -> None:
    added = catalogue.add_offer(store, PRACTICE)
    file = tmp_path / "tilbud.json"
    written = catalogue.export_catalogue(store, file)
    document = json.loads(file.read_text(encoding="utf-8"))
    assert document["format"] == "ungedesk-tilbudsvifte" and document["version"] == 1
    assert written == len(document["offers"])
    # Importing into the same store updates every offer by its uid: nothing doubles.
    result = catalogue.import_catalogue(store, file)
    assert (result.added, result.updated) == (0, written)
    # A colleague renamed the practice and added one; the import updates and adds.
    for entry in document["offers"]:
        if entry["uid"] == added.uid:
            entry["name"] = "Praktik i Ærøs Bageri og Café"
            entry["active"] = False
    document["offers"].append(
        {**document["offers"][0], "uid": "0b0f6a55-3c3e-4c8f-9a55-2f0d6f4b8a11", "name": "Nyt hold"}
    )
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = catalogue.import_catalogue(store, file)
    assert (result.added, result.updated) == (1, written)
    renamed = catalogue.get_offer(store, added.id)
    assert renamed.name == "Praktik i Ærøs Bageri og Café" and not renamed.active
    assert "Nyt hold" in {o.name for o in catalogue.list_offers(store)}
    assert any(e.startswith("export:") for e in catalogue_events(store))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["offers"][1].update(kind="kursus"),
            "Tilbud nr. 2 ({name}), feltet art: Vælg tilbuddets art.",
        ),
        (
            lambda d: d["offers"][2].update(weeks="fire"),
            "Tilbud nr. 3 ({name}), feltet varighed i uger: skal være et helt tal eller tomt.",
        ),
        (
            lambda d: d["offers"][0].update(contact_email="nej"),
            "Tilbud nr. 1 ({name}), feltet e-mail: "
            "E-mailadressen ser forkert ud (fx navn@eksempel.dk).",
        ),
        (
            lambda d: d["offers"][0].update(farve="rød"),
            "Tilbud nr. 1 ({name}), feltet farve: ukendt felt.",
        ),
        (
            lambda d: d["offers"][1].update(uid=d["offers"][0]["uid"]),
            "Tilbud nr. 2 ({name}), feltet id: samme id står to gange i filen.",
        ),
        (
            lambda d: d.update(version=2),
            "Tilbudsfilen har version 2; denne UngeDesk læser version 1. Opdatér UngeDesk, eller "
            "eksportér filen igen fra samme version.",
        ),
    ],
)
def test_a_bad_file_changes_nothing(store: Store, tmp_path: Path, change, message: str) -> None:
    file = tmp_path / "tilbud.json"
    catalogue.export_catalogue(store, file)
    document = json.loads(file.read_text(encoding="utf-8"))
    # Rename all so a half import would show.
    for entry in document["offers"]:
        entry["name"] = entry["name"] + " (ny)"
    change(document)
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with store.session() as s:
        before = s.scalar(select(func.count()).select_from(Offer))
    with pytest.raises(CatalogueFileError) as caught:
        catalogue.import_catalogue(store, file)
    number = int(message.split("nr. ")[1].split(" ")[0]) if "nr. " in message else 1
    assert caught.value.message == message.format(name=document["offers"][number - 1]["name"])
    names = {o.name for o in catalogue.list_offers(store)}
    assert not any(n.endswith("(ny)") for n in names)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Offer)) == before


def test_files_that_are_no_catalogue(store: Store, tmp_path: Path) -> None:
    missing = tmp_path / "findes-ikke.json"
    with pytest.raises(CatalogueFileError, match="findes ikke"):
        catalogue.import_catalogue(store, missing)
    garbage = tmp_path / "noget.json"
    garbage.write_bytes(b"\xff\x00 not json")
    with pytest.raises(CatalogueFileError, match="ikke en tilbudsfil"):
        catalogue.import_catalogue(store, garbage)
    other = tmp_path / "andet.json"
    other.write_text('{"format": "noget andet"}', encoding="utf-8")
    with pytest.raises(CatalogueFileError, match="ikke en tilbudsfil fra UngeDesk"):
        catalogue.import_catalogue(store, other)
