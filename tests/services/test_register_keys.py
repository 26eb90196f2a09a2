"""The register's stored texts (sort key and search haystacks): every writer keeps them
right, the migration fills them, a new folding version recomputes them, and the first page,
the SQL search and the index read from them give what RegisterIndex gives."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import PASSPHRASE, PROFILE, TEST_SCRYPT_N, TODAY
from ungedesk.domain.search import (
    REGISTER_KEYS_VERSION,
    RegisterIndex,
    digits_haystack,
    name_haystack,
    name_sort_key,
)
from ungedesk.domain.youth import YouthInput
from ungedesk.services import access, backup, demo, register, restore, setup, transfer, youths
from ungedesk.store import migrate, register_keys
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths

PERSON = YouthInput(
    cpr="010203-4562",
    first_name="Søren",
    last_name="Ærø",
    henvendelse_date=date(2026, 11, 2),
    caseworker_id=1,
)

# (first name, last name, CPR): æ, ø, å after z; accents as their base letter; two people
# with the very same name (ties go by id); a last name that is a prefix of another.
PEOPLE = [
    ("Åse", "Åberg", "0101054006"),
    ("Zoe", "Zink", "0202054005"),
    ("Øjvind", "Ørsted", "0303054004"),
    ("Émile", "Ebbesen", "0404054003"),
    ("Anna", "Andersen", "0505054002"),
    ("Anna", "Andersen", "0606054001"),
    ("Bo", "Ærø", "0707054000"),
    ("Şükrü", "Yılmaz", "0808054999"),
    ("Thi Lan", "Nguyễn", "0909054998"),
    ("Ida", "Hansen", "1010054997"),
    ("Ida", "Hansen-Berg", "1111054996"),
    ("Carl", "Aagaard", "1212054995"),
    ("anna", "andersen", "1301054994"),
]


def _register_people(store: Store) -> list[int]:
    return [
        youths.register(
            store, replace(PERSON, first_name=f, last_name=last, cpr=cpr), today=TODAY
        ).youth_id
        for f, last, cpr in PEOPLE
    ]


def _stored_vs_expected(store: Store) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, first_name, last_name, case_number, cpr, register_sort, "
                "register_text, register_digits FROM youth ORDER BY id"
            )
        ).all()
    stored = [(r[0], r[5], r[6], r[7]) for r in rows]
    expected = [
        (
            r[0],
            name_sort_key(r[1], r[2]),
            name_haystack(r[1], r[2], r[3]),
            digits_haystack(r[4], r[3]),
        )
        for r in rows
    ]
    return stored, expected


def _assert_keys_right(store: Store, at_least: int = 1) -> None:
    stored, expected = _stored_vs_expected(store)
    assert len(stored) >= at_least
    assert stored == expected


def _index_ids(index: RegisterIndex) -> list[int]:
    return [index.row(i).id for i in range(len(index))]


# --- every writer keeps the texts right ---------------------------------------------------


def test_register_and_edit_keep_the_texts(store: Store) -> None:
    ids = _register_people(store)
    _assert_keys_right(store, len(PEOPLE))
    youths.update(store, ids[0], replace(PERSON, first_name="Aase", last_name="Zacho"), today=TODAY)
    _assert_keys_right(store, len(PEOPLE))
    with store.engine.connect() as conn:
        sort, hay = conn.execute(
            text("SELECT register_sort, register_text FROM youth WHERE id = :i"), {"i": ids[0]}
        ).one()
    assert hay == "aase zacho\x00u-2026-00001"
    assert sort == "zacho\x00}se"  # an initial "Aa" sorts as Å ("}", after z)


def test_demo_data_core_inserts_get_the_texts(store: Store) -> None:
    assert demo.generate(store, 30, seed=7, today=TODAY, talks_per_case=1) == 30
    _assert_keys_right(store, 30)


def test_a_transferred_case_gets_the_texts_new_and_updated(store: Store, tmp_path: Path) -> None:
    receiver = setup.create_installation(
        StorePaths(tmp_path / "modtager"),
        PASSPHRASE,
        replace(PROFILE, name="Jens Modtager", initials="JM"),
        scrypt_n=TEST_SCRYPT_N,
    ).opened.store
    try:
        yid = youths.register(store, PERSON, today=TODAY).youth_id
        case_pass = "overførsel mellem to kontorer i Ribe"
        path = transfer.export_case(store, yid, tmp_path / "ud", case_pass)
        got = transfer.import_case(receiver, path, case_pass, today=TODAY)
        _assert_keys_right(receiver)
        youths.update(store, yid, replace(PERSON, last_name="Åby"), today=TODAY)
        newer = transfer.export_case(store, yid, tmp_path / "ud2", case_pass)
        again = transfer.import_case(receiver, newer, case_pass, today=TODAY, replace=True)
        assert again.youth_id == got.youth_id
        _assert_keys_right(receiver)
        index = register.load_index(receiver)
        assert index.search("åby") == 1
    finally:
        receiver.close()


def test_exports_leave_the_derived_texts_out(store: Store, tmp_path: Path) -> None:
    yid = youths.register(store, PERSON, today=TODAY).youth_id
    with store.session() as s:
        person = access.collect_in(s, yid)["youth"][0]
    assert person["first_name"] == "Søren" and person["cpr"] == "0102034562"
    assert not {"register_sort", "register_text", "register_digits"} & set(person)


def test_a_restored_backup_with_an_older_folding_is_recomputed(
    store: Store, store_paths: StorePaths, tmp_path: Path
) -> None:
    _register_people(store)
    # The backup was taken by a program whose folding had another version: its texts are
    # not what this program would compute.
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE youth SET register_sort = 'x', register_text = 'x'"))
        conn.execute(
            text("UPDATE setting SET value = '0' WHERE key = :k"), {"k": register_keys.SETTING}
        )
    target = tmp_path / "kopi.udbackup"
    backup.backup(store, target)
    opened = restore.restore(store_paths, target, replacing=store)
    try:
        _assert_keys_right(opened.store, len(PEOPLE))
        with opened.store.engine.connect() as conn:
            assert register_keys.stored_version(conn) == str(REGISTER_KEYS_VERSION)
    finally:
        opened.store.close()


# --- the version: recomputed once when it differs, untouched when equal --------------------


def test_opening_recomputes_only_when_the_version_differs(
    store: Store, store_paths: StorePaths
) -> None:
    _register_people(store)
    with store.engine.begin() as conn:
        # A stale text with the current version stays: an equal version means no work.
        conn.execute(text("UPDATE youth SET register_text = 'stale' WHERE id = 1"))
    store.close()
    opened = setup.unlock(store_paths)
    with opened.store.engine.connect() as conn:
        assert conn.execute(text("SELECT register_text FROM youth WHERE id = 1")).scalar() == (
            "stale"
        )
    with opened.store.engine.begin() as conn:
        conn.execute(
            text("UPDATE setting SET value = '0' WHERE key = :k"), {"k": register_keys.SETTING}
        )
    opened.store.close()
    again = setup.unlock(store_paths)
    try:
        _assert_keys_right(again.store, len(PEOPLE))
        assert not register_keys.refresh_if_stale(again.store.engine)
    finally:
        again.store.close()


# --- the migration ------------------------------------------------------------------------


def test_migration_fills_existing_rows_and_goes_back_down(store: Store) -> None:
    from alembic import command

    ids = _register_people(store)
    cfg = migrate._config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0009_rulesets")
    with store.engine.connect() as conn:
        columns = {r[1] for r in conn.execute(text("PRAGMA table_info(youth)"))}
        indexes = {r[1] for r in conn.execute(text("PRAGMA index_list(youth)"))}
        assert register_keys.stored_version(conn) is None
    assert not {"register_sort", "register_text", "register_digits"} & columns
    assert "ix_youth_register" not in indexes
    # A row written by the older program, without the texts.
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO youth (cpr, case_number, first_name, last_name, birth_date, "
                "legal_sex, address, postal_code, city, phone, email, henvendelse_date, "
                "benefit, education, status, exit_reason) VALUES ('1402054001', "
                "'U-2025-00099', 'Øsa', 'Ågård', '2005-02-14', 'K', '', '', '', '', '', "
                "'2025-03-01', 'none', 'unknown', 'active', '')"
            )
        )
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    _assert_keys_right(store, len(ids) + 1)
    with store.engine.connect() as conn:
        assert register_keys.stored_version(conn) == str(REGISTER_KEYS_VERSION)
        hay, digits = conn.execute(
            text("SELECT register_text, register_digits FROM youth WHERE cpr = '1402054001'")
        ).one()
        plan = conn.execute(
            text("EXPLAIN QUERY PLAN SELECT id FROM youth ORDER BY register_sort, id LIMIT 5")
        ).all()
    # The name as written with å as aa, then spelled long (ø as oe), then short (ø as o,
    # å as a): today's folding.
    assert hay == "øsa aagaard oesa aagaard osa agard\x00u-2025-00099"
    assert digits == "1402054001\x00202500099"
    assert "ix_youth_register" in str(plan)


def test_the_head_constant_is_alembics_head() -> None:
    assert migrate.head_revision() == migrate.HEAD_REVISION


def test_opening_a_store_imports_neither_alembic_nor_the_models(
    store: Store, store_paths: StorePaths
) -> None:
    """A start on an up-to-date store reads one row for the revision: Alembic (and the ORM
    models) stay unimported on the way to the first page."""
    _register_people(store)
    store.close()
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from ungedesk.store import database\n"
        "from ungedesk.store.paths import StorePaths\n"
        "from ungedesk.services import register\n"
        "opened = database.open_store(StorePaths(Path(sys.argv[1])))\n"
        "page = register.first_page(opened.store, 3)\n"
        "opened.store.close()\n"
        "print(page.total, 'alembic' in sys.modules, 'ungedesk.store.models' in sys.modules)\n"
    )
    env = dict(os.environ, UNGEDESK_PASSPHRASE=PASSPHRASE)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    done = subprocess.run(
        [sys.executable, "-c", script, str(store_paths.root)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == [str(len(PEOPLE)), "False", "False"]


# --- the first page and the SQL search equal the index ------------------------------------


def test_first_page_is_the_index_order_with_danish_letters_and_ties(store: Store) -> None:
    _register_people(store)
    index = register.load_index(store)
    reference = RegisterIndex(youths.register_rows(store))
    assert _index_ids(index) == _index_ids(reference)
    page = register.first_page(store)
    assert [r.id for r in page.rows] == _index_ids(reference)
    assert page.rows == [reference.row(i) for i in range(len(reference))]
    assert page.total == page.matched == len(PEOPLE)
    names = [f"{r.last_name}, {r.first_name}" for r in page.rows]
    # By hand: the three Anna Andersens tie on the folded key and keep their id order;
    # Ebbesen for Émile; Ærø, Ørsted, Åberg last (æ, ø, å after z), and Aagaard as Ågaard
    # after Åberg (b before g).
    assert names == [
        "Andersen, Anna",
        "Andersen, Anna",
        "andersen, anna",
        "Ebbesen, Émile",
        "Hansen, Ida",
        "Hansen-Berg, Ida",
        "Nguyễn, Thi Lan",
        "Yılmaz, Şükrü",
        "Zink, Zoe",
        "Ærø, Bo",
        "Ørsted, Øjvind",
        "Åberg, Åse",
        "Aagaard, Carl",
    ]
    assert [r.id for r in register.first_page(store, 4).rows] == _index_ids(reference)[:4]


def test_first_page_of_an_empty_store(store: Store) -> None:
    page = register.first_page(store)
    assert page == register.RegisterPage([], 0, 0)
    assert register.load_index(store).total == 0
    assert register.search_page(store, "a") == register.RegisterPage([], 0, 0)


QUERIES = [
    "",
    "a",
    "an",
    "anna",
    "ANDERSEN anna",
    "sukru",
    "şük",
    "nguyen thi",
    "ø",
    "å",
    "ae",
    "hansen-",
    "u-2026",
    "2026-0000",
    "0101",
    "010105-4006",
    "０１０１",
    "0000",
    "zz",
    "n a",
    # Issue 14: Danish spellings both ways, accents, masked CPR numbers.
    "aagaard",
    "ågård",
    "aberg",
    "aaberg",
    "oersted",
    "orsted",
    "aero",
    "emile",
    "010105-xxxx",
    "121205XXXX",
    "0101054006-",
]


@pytest.mark.parametrize("limit", [3, 200])
def test_search_page_matches_the_index(store: Store, limit: int) -> None:
    _register_people(store)
    youths.update(store, 2, replace(PERSON, first_name="Zoë", last_name="Zink"), today=TODAY)
    for query in QUERIES:
        index = register.load_index(store)
        matched = index.search(query)
        page = register.search_page(store, query, limit)
        assert page.matched == matched, query
        assert page.total == len(PEOPLE)
        assert [r.id for r in page.rows] == _index_ids(index)[:limit], query
        assert page.rows == [index.row(i) for i in range(min(limit, len(index)))], query


def test_load_index_equals_the_index_built_from_rows(store: Store) -> None:
    demo.generate(store, 60, seed=3, today=TODAY, talks_per_case=1)
    _register_people(store)
    stored = register.load_index(store)
    built = RegisterIndex(youths.register_rows(store))
    assert stored.total == built.total == 60 + len(PEOPLE)
    for column in ("name", "first_name", "cpr", "case_number", "age", "caseworker", "status"):
        for descending in (False, True):
            stored.sort(column, descending)
            built.sort(column, descending)
            for query in ("", "an", "0"):
                assert stored.search(query) == built.search(query)
                assert [stored.row(i) for i in range(len(stored))] == [
                    built.row(i) for i in range(len(built))
                ], (column, descending, query)
