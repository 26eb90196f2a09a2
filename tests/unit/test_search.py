from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from ungedesk.domain.search import (
    Query,
    RegisterIndex,
    StoredRow,
    YouthRow,
    danish_sort_key,
    fold,
    name_sort_key,
    stored_row,
)


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
    assert _ids(idx) == [7, 2, 3, 1, 4] and idx.total == 5
    assert idx.search("møller") == 0
    assert idx.search("aagaard") == 1 and idx.position_of(7) == 0
    assert idx.search("040404") == 1
    idx.search("")
    idx.sort("case_number")
    assert _ids(idx) == [4, 3, 1, 2, 7]
    assert idx.position_of(99) is None


QUERY_SAMPLES = ["", "a", "æ", "ø b", "z-", "0101", "2026-0000", "ı", "e"]
_NAME = st.text(alphabet="aAbzZæÆøØåÅéüŞıł -", min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_NAME, _NAME), min_size=0, max_size=12), st.sampled_from(QUERY_SAMPLES))
def test_stored_order_and_matches_equal_the_built_index(
    names: list[tuple[str, str]], query: str
) -> None:
    rows = [
        row(i + 1, first, last, f"0101054{i:03d}", f"U-2026-{i + 1:05d}")
        for i, (first, last) in enumerate(names)
    ]
    built = RegisterIndex(rows)
    stored = RegisterIndex.from_stored(_stored(rows))
    # The one-text key orders as the (last, first) pair of Danish keys, ties by id.
    by_pair = sorted(
        rows, key=lambda r: (danish_sort_key(r.last_name), danish_sort_key(r.first_name), r.id)
    )
    assert _ids(built) == _ids(stored) == [r.id for r in by_pair]
    assert built.search(query) == stored.search(query)
    assert _ids(built) == _ids(stored)
