import sqlite3
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ungedesk.domain.search import (
    Query,
    RegisterIndex,
    StoredRow,
    YouthRow,
    danish_sort_key,
    digits_haystack,
    fold,
    name_haystack,
    name_sort_key,
    stored_row,
)
from ungedesk.services import register_page


def row(i: int, first: str, last: str, cpr: str, case: str, cw: str = "AB") -> YouthRow:
    return YouthRow(
        i, case, cpr, first, last, date(2003, 2, 1), date(2026, 1, i % 28 + 1), cw, "active"
    )


ROWS = [
    row(1, "Şükrü", "Yılmaz", "0102034563", "U-2026-00001"),
    row(2, "Łukasz", "Kowalski", "1505051234", "U-2026-00002", "CD"),
    row(3, "Thi Lan", "Nguyễn", "2211999876", "U-2025-00017"),
    row(4, "Søren", "Åberg", "0303031111", "U-2024-00100"),
]


def test_fold_removes_accents_and_case() -> None:
    assert fold("Şükrü") == "sukru"
    assert fold("NGUYỄN") == "nguyen"
    assert fold("Søren") == "søren"


def test_search_by_name_any_order_and_accents() -> None:
    idx = RegisterIndex(ROWS)
    assert idx.search("sukru") == 1 and idx.row(0).id == 1
    assert idx.search("kowalski łuk") == 1 and idx.row(0).id == 2
    assert idx.search("nguyen") == 1 and idx.row(0).id == 3
    assert idx.search("") == 4


def test_search_by_cpr_with_or_without_dash_and_case_number() -> None:
    idx = RegisterIndex(ROWS)
    assert idx.search("010203-4563") == 1 and idx.row(0).id == 1
    assert idx.search("0102034563") == 1
    assert idx.search("150505") == 1 and idx.row(0).id == 2
    assert idx.search("U-2025") == 1 and idx.row(0).id == 3
    assert idx.search("2025-00017") == 1 and idx.row(0).id == 3


def test_narrowing_and_widening_give_same_result_as_fresh() -> None:
    idx = RegisterIndex(ROWS)
    for text in ["s", "sø", "sør", "sø", "", "k", "ko"]:
        fresh = RegisterIndex(ROWS)
        assert idx.search(text) == fresh.search(text)
        assert [idx.row(i).id for i in range(len(idx))] == [
            fresh.row(i).id for i in range(len(fresh))
        ]


def test_query_narrows() -> None:
    assert Query.parse("sør").narrows(Query.parse("sø"))
    assert not Query.parse("sø").narrows(Query.parse("sør"))
    assert Query.parse("0102").narrows(Query.parse("010"))
    assert not Query.parse("ab").narrows(Query.parse("01"))


def test_sort_by_columns_and_keep_filter() -> None:
    idx = RegisterIndex(ROWS)
    idx.sort("name")
    assert [idx.row(i).last_name for i in range(4)] == ["Kowalski", "Nguyễn", "Yılmaz", "Åberg"]
    idx.sort("case_number", descending=True)
    assert idx.row(0).case_number == "U-2026-00002"
    idx.search("u-2026")
    idx.sort("caseworker", descending=True)
    assert [idx.row(i).id for i in range(len(idx))] == [2, 1]


def test_add_new_and_replace_row() -> None:
    idx = RegisterIndex(ROWS)
    idx.search("hansen")
    assert len(idx) == 0
    idx.add(row(9, "Mads", "Hansen", "0404041234", "U-2026-00003"))
    assert len(idx) == 1 and idx.total == 5
    idx.add(row(9, "Mads", "Hansen-Berg", "0404041234", "U-2026-00003"))
    assert idx.total == 5 and idx.row(0).last_name == "Hansen-Berg"
    assert idx.position_of(9) == 0


def test_a_cpr_typed_in_fullwidth_or_arabic_indic_digits_finds_the_person() -> None:
    # Issue 10: a search for "０１０１０５" looked for the fullwidth digits themselves.
    from ungedesk.domain.search import Query

    assert Query.parse("\uff10\uff11\uff10\uff11\uff10\uff15").digits == "010105"
    assert Query.parse("\u0660\u0661\u0660\u0661\u0660\u0665-\u0664").digits == "0101054"


def _ids(idx: RegisterIndex) -> list[int]:
    return [idx.row(i).id for i in range(len(idx))]


def _stored(rows: list[YouthRow]) -> list[StoredRow]:
    """The rows as the store hands them over: in name order, with their stored texts."""
    ordered = sorted(rows, key=lambda r: (name_sort_key(r.first_name, r.last_name), r.id))
    return [stored_row(r) for r in ordered]


def test_danish_letters_sort_after_z() -> None:
    rows = [
        row(1, "Bo", "Ærø", "0101054001", "U-2026-00001"),
        row(2, "Zoe", "Zink", "0101054002", "U-2026-00002"),
        row(3, "Åse", "Åberg", "0101054003", "U-2026-00003"),
        row(4, "Øjvind", "Ørsted", "0101054004", "U-2026-00004"),
        row(5, "Ole", "Zacho", "0101054005", "U-2026-00005"),
    ]
    assert _ids(RegisterIndex(rows)) == [5, 2, 1, 4, 3]  # Zacho, Zink, Ærø, Ørsted, Åberg


def test_an_index_from_stored_rows_equals_one_built_from_rows() -> None:
    rows = [*ROWS, row(5, "Anna", "Hansen", "0101054001", "U-2026-00005")]
    rows.append(row(6, "Anna", "Hansen", "0101054002", "U-2026-00006"))
    built = RegisterIndex(reversed(rows))
    stored = RegisterIndex.from_stored(_stored(rows))
    # Hansen, Hansen (a tie: by id), Kowalski, Nguyễn, Yılmaz, Åberg.
    assert _ids(built) == _ids(stored) == [5, 6, 2, 3, 1, 4]
    assert [built.row(i) for i in range(6)] == [stored.row(i) for i in range(6)]
    assert stored.row(2) == rows[1]  # the CPR and dates come back whole
    for query in ("anna", "0101", "u-2026", "sø"):
        assert built.search(query) == stored.search(query)
        assert _ids(built) == _ids(stored)
    stored.search("")
    stored.sort("name", descending=True)
    assert _ids(stored) == [4, 1, 3, 2, 6, 5]


def test_add_keeps_name_order_and_haystacks() -> None:
    idx = RegisterIndex.from_stored(_stored(ROWS))
    assert _ids(idx) == [2, 3, 1, 4]  # Kowalski, Nguyễn, Yılmaz, Åberg
    idx.add(row(7, "Mads", "Møller", "0404041234", "U-2026-00007"))
    assert _ids(idx) == [2, 7, 3, 1, 4]
    # Renamed: the row moves to its new place, and the old name no longer finds it.
    idx.add(row(7, "Mads", "Aagaard", "0404041234", "U-2026-00007"))
    # Aagaard sorts as Ågaard: after Åberg (b before g), last.
    assert _ids(idx) == [2, 3, 1, 4, 7] and idx.total == 5
    assert idx.search("møller") == 0
    assert idx.search("aagaard") == 1 and idx.position_of(7) == 0
    assert idx.search("040404") == 1
    idx.search("")
    idx.sort("case_number")
    assert _ids(idx) == [4, 3, 1, 2, 7]
    assert idx.position_of(99) is None


# Queries for the property tests: Danish letters both ways, aa/å, accents, masked CPR
# numbers (the app's "181099-xxxx"), emoji, digits, case numbers.
QUERY_SAMPLES = [
    "",
    "a",
    "æ",
    "ø b",
    "z-",
    "0101",
    "2026-0000",
    "ı",
    "e",
    "aa",
    "å",
    "ae",
    "oe",
    "o",
    "soren",
    "søren",
    "aero",
    "aeroe",
    "é",
    "🎓",
    "010105-xxxx",
    "010105XXXX",
    "010105-x",
    "aaa ø",
]
_NAME = st.text(alphabet="aAbzZæÆøØåÅéüŞıł -oesr🎓", min_size=1, max_size=6)
# A very long name (about 90 characters, as a caseworker once typed) now and then.
_LONG_NAME = st.text(alphabet="aåøeé -", min_size=80, max_size=95)
_NAMES = st.lists(st.tuples(st.one_of(_NAME, _LONG_NAME), _NAME), min_size=0, max_size=12)


def _rows_for(names: list[tuple[str, str]]) -> list[YouthRow]:
    return [
        row(i + 1, first, last, f"0101054{i:03d}", f"U-2026-{i + 1:05d}")
        for i, (first, last) in enumerate(names)
    ]


@settings(max_examples=80, deadline=None)
@given(_NAMES, st.sampled_from(QUERY_SAMPLES))
def test_stored_order_and_matches_equal_the_built_index(
    names: list[tuple[str, str]], query: str
) -> None:
    rows = _rows_for(names)
    built = RegisterIndex(rows)
    stored = RegisterIndex.from_stored(_stored(rows))
    # The one-text key orders as the (last, first) pair of Danish keys, ties by id.
    by_pair = sorted(
        rows, key=lambda r: (danish_sort_key(r.last_name), danish_sort_key(r.first_name), r.id)
    )
    assert _ids(built) == _ids(stored) == [r.id for r in by_pair]
    assert built.search(query) == stored.search(query)
    assert _ids(built) == _ids(stored)


def _sql_register(rows: list[YouthRow]) -> sqlite3.Connection:
    """The register's table and stored texts as the store keeps them (the columns
    register_page reads), in a plain in-memory SQLite: the same SQL and the same instr and
    substr as in the SQLCipher store, at hypothesis' speed. tests/services checks a real
    store against the index too."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE caseworker (id INTEGER PRIMARY KEY, initials TEXT)")
    conn.execute(
        "CREATE TABLE youth (id INTEGER PRIMARY KEY, case_number TEXT, cpr TEXT, "
        "first_name TEXT, last_name TEXT, birth_date TEXT, henvendelse_date TEXT, "
        "caseworker_id INTEGER, status TEXT, register_sort TEXT, register_text TEXT, "
        "register_digits TEXT)"
    )
    conn.execute("INSERT INTO caseworker VALUES (1, 'AB'), (2, 'CD')")
    conn.executemany(
        "INSERT INTO youth VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.id,
                r.case_number,
                r.cpr,
                r.first_name,
                r.last_name,
                r.birth_date.isoformat(),
                r.henvendelse_date.isoformat(),
                1 if r.caseworker == "AB" else 2,
                r.status,
                name_sort_key(r.first_name, r.last_name),
                name_haystack(r.first_name, r.last_name, r.case_number),
                digits_haystack(r.cpr, r.case_number),
            )
            for r in rows
        ],
    )
    return conn


@settings(max_examples=80, deadline=None)
@given(_NAMES, st.sampled_from(QUERY_SAMPLES), st.sampled_from([1, 3, 200]))
def test_the_sql_search_matches_the_index_on_hostile_names(
    names: list[tuple[str, str]], query: str, limit: int
) -> None:
    rows = _rows_for(names)
    index = RegisterIndex(rows)
    conn = _sql_register(rows)
    try:
        page = register_page.search_page(conn, query, limit)
    finally:
        conn.close()
    matched = index.search(query)
    assert page.matched == matched
    assert page.total == len(rows)
    assert [r.id for r in page.rows] == _ids(index)[:limit]
    assert page.rows == [index.row(i) for i in range(min(limit, matched))]


# --- Danish spellings, masked CPR numbers, Danish order, "did you mean" --------------------

SPELLINGS = [
    row(1, "Søren", "Ærø", "1810991234", "U-2026-00001"),
    row(2, "Carl", "Aagaard", "0101054001", "U-2026-00002"),
    row(3, "Åse", "Åberg", "0202054002", "U-2026-00003"),
    row(4, "Mads", "Ågård", "0303054003", "U-2026-00004"),
    row(5, "Émile", "Müller", "0404054004", "U-2026-00005"),
    row(6, "Peña", "Zobel", "0505054005", "U-2026-00006"),
    row(7, "Abdallah", "Hansen", "0118109912", "U-2026-00007"),
]


def _found(idx: RegisterIndex, query: str) -> set[int]:
    idx.search(query)
    return set(_ids(idx))


def test_a_name_with_danish_letters_is_found_spelled_without_them() -> None:
    idx = RegisterIndex(SPELLINGS)
    for query in ("Soren", "soeren", "SØREN", "Aero", "Aeroe", "ærø", "søren aero"):
        assert _found(idx, query) == {1}, query
    assert _found(idx, "aberg") == {3}  # å typed as a
    assert _found(idx, "Aaberg") == {3}  # å typed as aa


def test_aa_and_å_find_each_other_both_ways() -> None:
    idx = RegisterIndex(SPELLINGS)
    assert _found(idx, "aagaard") == {2, 4}  # Aagaard, and Ågård spelled with aa
    assert _found(idx, "Ågård") == {2, 4}  # Ågård, and Aagaard spelled with å
    assert _found(idx, "å") == {2, 3, 4}  # every å and every aa


def test_accents_fold_to_their_letter() -> None:
    idx = RegisterIndex(SPELLINGS)
    assert _found(idx, "emile") == {5}
    assert _found(idx, "muller") == {5}
    assert _found(idx, "pena") == {6}
    assert fold("Émile Müller Peña") == "emile muller pena"
    # A name stored decomposed (a Mac's "A" + combining ring) is the same Å.
    assert fold("A\u030aberg") == fold("Åberg") == "aaberg"


@pytest.mark.parametrize("masked", ["181099-xxxx", "181099-XXXX", "181099xxxx", " 181099-xx "])
def test_a_masked_cpr_as_the_app_shows_it_finds_the_birth_date(masked: str) -> None:
    query = Query.parse(masked)
    assert query == Query((), "181099", birth=True)
    idx = RegisterIndex(SPELLINGS)
    # Only the CPR that begins with 181099: Abdallah's 0118109912 holds the same digits
    # further in, and the masked number is a birth date.
    assert _found(idx, masked) == {1}
    assert _found(idx, "181099") == {1, 7}  # typed as digits: anywhere, as before


def test_a_masked_query_narrows_only_its_own_birth_date() -> None:
    assert Query.parse("181099-x").narrows(Query.parse("1810"))
    assert Query.parse("181099-xxxx").narrows(Query.parse("181099-x"))
    assert not Query.parse("1810991").narrows(Query.parse("181099-x"))
    idx = RegisterIndex(SPELLINGS)
    for text in ["1", "18", "181099", "181099-x", "181099-xxxx", "181099-", "1810991"]:
        fresh = RegisterIndex(SPELLINGS)
        assert idx.search(text) == fresh.search(text), text
        assert _ids(idx) == _ids(fresh), text


def test_initial_aa_sorts_as_å_after_z() -> None:
    rows = [
        row(1, "Ib", "Zobel", "0101054001", "U-2026-00001"),
        row(2, "Carl", "Aagaard", "0101054002", "U-2026-00002"),
        row(3, "Åse", "Åberg", "0101054003", "U-2026-00003"),
        row(4, "Isaac", "Andersen", "0101054004", "U-2026-00004"),
        row(5, "Bo", "Ørsted", "0101054005", "U-2026-00005"),
        row(6, "Aase", "Hansen-Aabo", "0101054006", "U-2026-00006"),
    ]
    # Andersen, Hansen-Aabo, Zobel, Ørsted, then Å: Åberg, Aagaard (b before g).
    assert _ids(RegisterIndex(rows)) == [4, 6, 1, 5, 3, 2]
    assert danish_sort_key("Aagaard") == "}gaard"
    assert danish_sort_key("Isaac") == "isaac"  # aa inside a word stays two a's
    assert danish_sort_key("Hansen-Aabo") == "hansen-}bo"


def test_a_typo_suggests_the_closest_name() -> None:
    idx = RegisterIndex(SPELLINGS)
    assert idx.search("Abdalah") == 0
    assert idx.suggest("Abdalah") == "Abdallah"  # a letter missing
    assert idx.suggest("Abdallahh") == "Abdallah"  # a letter too many
    assert idx.suggest("Abdullah") == "Abdallah"  # a wrong letter
    assert idx.suggest("Abdlalah") == "Abdallah"  # two letters swapped
    assert idx.suggest("Sorem") == "Søren"  # found by its short spelling, shown as written
    assert idx.suggest("abdalah hansen") == "Abdallah hansen"  # the word that matches stays


def test_no_suggestion_when_nothing_is_close_or_something_matches() -> None:
    idx = RegisterIndex(SPELLINGS)
    assert idx.suggest("Abdallah") is None  # matches already
    assert idx.suggest("Xyzzyq") is None  # two or more edits from every name
    assert idx.suggest("Abdalah Ærø") is None  # corrected, it still finds nobody
    assert idx.suggest("181098") is None  # digits: no name to suggest
    assert idx.suggest("Ab") is None  # too short to guess at


def test_the_commonest_close_name_wins_and_an_added_name_counts() -> None:
    rows = [
        row(1, "Mia", "Jensen", "0101054001", "U-2026-00001"),
        row(2, "Mia", "Jensen", "0101054002", "U-2026-00002"),
        row(3, "Ida", "Jonsen", "0101054003", "U-2026-00003"),
    ]
    idx = RegisterIndex(rows)
    idx.prepare_suggestions()
    assert idx.suggest("Jansen") == "Jensen"  # two Jensens, one Jonsen
    idx.add(row(4, "Bo", "Kowalczyk", "0101054004", "U-2026-00004"))
    assert idx.suggest("Kowalcyk") == "Kowalczyk"  # the words are collected anew
