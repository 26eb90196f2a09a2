"""Loading a newer rule file and switching the expected rules, on real stores."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import TODAY
from ungedesk.domain.rule_file import ChangeKind
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, deadlines, demo, rule_store, rulesets, visitation, youths
from ungedesk.services.bulk_facts import facts_between
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store
from ungedesk.store.models import AuditEvent, DeadlineRow, RuleSetRow, Youth

HENV = date(2026, 11, 2)  # a Monday

FIRST = """
[[rule]]
id = "lab-31-5-foerste-jobsamtale"
description = "Første jobsamtale senest 2 uger efter henvendelsen"
start_event = "henvendelse"
once = true
period = { weeks = 2 }
meets = ["jobsamtale"]
target_groups = ["lab6_2", "lab6_3", "lab6_4", "lab6_5"]
valid_from = 2020-01-01
source = "LAB § 31, stk. 5"
"""

NEW_RULE = """
[[rule]]
id = "ny-kontakt-3-dage"
description = "Kontakt senest 3 dage efter henvendelsen"
start_event = "henvendelse"
once = true
period = { days = 3 }
meets = ["jobsamtale"]
target_groups = ["lab6_4"]
valid_from = 2026-01-01
source = "Ny lov (eksempel)"
"""

EXPECTED_RULE = """
[[rule]]
id = "forventet-samtale-10-dage"
description = "Samtale senest 10 dage efter henvendelsen (forventet lov)"
start_event = "henvendelse"
once = true
period = { days = 10 }
meets = ["jobsamtale"]
target_groups = ["lab6_4"]
valid_from = 2026-01-01
source = "Forventet ny beskæftigelseslov"
expected = true
"""


def rule_file(version: str, *bodies: str) -> bytes:
    return (f'version = "{version}"\n' + "".join(bodies)).encode("utf-8")


@pytest.fixture
def youth_id(store: Store) -> int:
    yid = youths.register(
        store,
        YouthInput(
            cpr="010203-4562",
            first_name="Sara",
            last_name="Nielsen",
            henvendelse_date=HENV,
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id
    visitation.save(
        store,
        yid,
        VisitationInput(visited_on=HENV, target_group="lab6_4", uu_present=True),
        today=TODAY,
    )
    return yid


@pytest.fixture
def busy_store(store: Store) -> Store:
    """60 demo cases (asked for before ``youth_id``: demo data goes into an empty store)."""
    demo.generate(store, 60, seed=11, today=TODAY)
    return store


def dues(store: Store, youth_id: int) -> dict[str, date]:
    with store.session() as s:
        rows = s.execute(
            select(DeadlineRow.rule_id, DeadlineRow.due).where(DeadlineRow.youth_id == youth_id)
        ).all()
    return dict(rows)


def snapshot(store: Store) -> tuple[list[tuple[Any, ...]], int, int]:
    with store.session() as s:
        rows = [
            tuple(r)
            for r in s.execute(
                select(
                    DeadlineRow.id,
                    DeadlineRow.youth_id,
                    DeadlineRow.rule_id,
                    DeadlineRow.start,
                    DeadlineRow.due,
                    DeadlineRow.met,
                    DeadlineRow.met_on,
                    DeadlineRow.done,
                ).order_by(DeadlineRow.id)
            )
        ]
        events = int(s.scalar(select(func.count(AuditEvent.id))) or 0)
        sets = int(s.scalar(select(func.count(RuleSetRow.id))) or 0)
    return rows, events, sets


def per_case(store: Store) -> dict[int, list[tuple[Any, ...]]]:
    """Every case recomputed one by one through deadlines.facts_for (the reference)."""
    out: dict[int, list[tuple[Any, ...]]] = {}
    with store.session() as s:
        rule_set = deadlines.rules(s)
        for yid in s.scalars(select(Youth.id)):
            facts = deadlines.facts_for(s, yid)
            assert facts is not None
            out[yid] = sorted(
                (r["rule_id"], r["start"], r["due"], r["met"], r["met_on"], r["done"])
                for r in deadlines.deadline_rows(yid, facts, rule_set)
            )
    return out


def stored(store: Store) -> dict[int, list[tuple[Any, ...]]]:
    out: dict[int, list[tuple[Any, ...]]] = {}
    with store.session() as s:
        for yid in s.scalars(select(Youth.id)):
            out[yid] = []
        for row in s.execute(
            select(
                DeadlineRow.youth_id,
                DeadlineRow.rule_id,
                DeadlineRow.start,
                DeadlineRow.due,
                DeadlineRow.met,
                DeadlineRow.met_on,
                DeadlineRow.done,
            )
        ):
            out[row[0]].append(tuple(row[1:]))
    return {k: sorted(v) for k, v in out.items()}


def test_bulk_facts_say_what_facts_for_says(busy_store: Store, youth_id: int) -> None:
    # If this fails, deadlines.facts_for learnt a new event: add it to bulk_facts too.
    with busy_store.session() as s:
        ids = list(s.scalars(select(Youth.id).order_by(Youth.id)))
        bulk = facts_between(s, ids[0], ids[-1])
        assert len(bulk) == len(ids) == 61
        for yid in ids:
            one = deadlines.facts_for(s, yid)
            assert one is not None
            got = bulk[yid]
            assert (got.birth_date, got.target_group, got.group_changes) == (
                one.birth_date,
                one.target_group,
                one.group_changes,
            )
            key = lambda e: (e.on, e.kind)  # noqa: E731
            assert sorted(got.events, key=key) == sorted(one.events, key=key)


def test_preview_changes_nothing_and_apply_recomputes_logs_and_is_used(
    busy_store: Store, youth_id: int
) -> None:
    # Shipped: the first jobsamtale within 1 week of Monday 2 November -> 9 November.
    assert dues(busy_store, youth_id)["lab-31-5-foerste-jobsamtale"] == date(2026, 11, 9)
    before = snapshot(busy_store)
    data = rule_file("2099-01-01", FIRST, NEW_RULE)
    seen: list[tuple[int, int]] = []
    preview = rulesets.preview(busy_store, data, progress=lambda d, t: seen.append((d, t)))
    assert snapshot(busy_store) == before  # rolled back: same rows, no audit, no stored set
    assert seen[0] == (0, 61) and seen[-1] == (61, 61)
    assert preview.version == date(2099, 1, 1) and not preview.older and not preview.same
    kinds = {c.rule.id: c for c in preview.changes}
    first = kinds["lab-31-5-foerste-jobsamtale"]
    assert first.kind is ChangeKind.CHANGED
    period = next(f for f in first.fields if f.field == "period")
    assert (period.old, period.new) == ("1 uge", "2 uger")
    assert kinds["ny-kontakt-3-dage"].kind is ChangeKind.ADDED
    removed = {c.rule.id for c in preview.changes if c.kind is ChangeKind.REMOVED}
    assert removed == {r.id for r in deadlines.legal_rules()} - {"lab-31-5-foerste-jobsamtale"}
    assert preview.recomputed.cases == 61
    assert preview.recomputed.cases_changed >= 1

    applied = rulesets.apply(busy_store, data, now=None)
    assert applied.recomputed.cases_changed == preview.recomputed.cases_changed
    # 2 weeks after Monday 2 November: Monday 16 November; 3 days after: 5 November.
    assert dues(busy_store, youth_id) == {
        "lab-31-5-foerste-jobsamtale": date(2026, 11, 16),
        "ny-kontakt-3-dage": date(2026, 11, 5),
    }
    assert stored(busy_store) == per_case(busy_store)
    with busy_store.session() as s:
        assert [r.id for r in deadlines.legal_rules_in_force(s)] == [
            "lab-31-5-foerste-jobsamtale",
            "ny-kontakt-3-dage",
        ]
        assert rule_store.in_force(s).version == date(2099, 1, 1)
    with busy_store.session() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
        assert last.subject == "Regelsæt"
        assert "version 2099-01-01" in last.detail
    assert audit.verify(busy_store).ok
    # The overview reads the loaded set's descriptions.
    views = deadlines.for_youth(busy_store, youth_id, TODAY)
    assert {v.description for v in views} == {
        "Første jobsamtale senest 2 uger efter henvendelsen",
        "Kontakt senest 3 dage efter henvendelsen",
    }


def test_cancel_rolls_back_everything(
    busy_store: Store, youth_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(busy_store)
    monkeypatch.setattr(rulesets, "CHUNK", 20)  # 61 cases: four chunks
    calls = iter([False, True])  # the second chunk's question says stop
    seen: list[int] = []
    with pytest.raises(rulesets.RulesCancelledError):
        rulesets.apply(
            busy_store,
            rule_file("2099-01-01", FIRST),
            progress=lambda done, _total: seen.append(done),
            cancel=lambda: next(calls, True),
        )
    assert seen == [0, 20]  # the first chunk was rewritten, then rolled back with the rest
    assert snapshot(busy_store) == before


def test_a_failure_half_way_rolls_back(busy_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(busy_store)
    real = deadlines.deadline_rows
    count = {"n": 0}

    def failing(*args: Any, **kwargs: Any) -> Any:
        count["n"] += 1
        if count["n"] == 40:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(deadlines, "deadline_rows", failing)
    with pytest.raises(OSError):
        rulesets.apply(busy_store, rule_file("2099-01-01", FIRST))
    assert snapshot(busy_store) == before


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b'version = "2099-01-01"\n[[rule]\nid = "x"\n', ("ikke gyldig TOML",)),
        (rule_file("2099-01-01", FIRST.replace("once = true", "onse = true")), ("onse",)),
        (
            rule_file("2099-01-01", FIRST.replace("period = { weeks = 2 }", 'period = "2 uger"')),
            ("lab-31-5-foerste-jobsamtale", "period"),
        ),
        (rule_file("2099-01-01", FIRST, FIRST), ("lab-31-5-foerste-jobsamtale", "id")),
        (
            rule_file(
                "2099-01-01", FIRST.replace("valid_from = 2020-01-01", 'valid_from = "2020-13-01"')
            ),
            ("lab-31-5-foerste-jobsamtale", "valid_from"),
        ),
        (b'version = "2099-01-01"\n' + b"# " + b"x" * (1024 * 1024) + b"\n", ("for stor",)),
        (b'version = "2099-01-01"\n# \xff\xfe\n' + FIRST.encode(), ("UTF-8",)),
    ],
)
def test_a_malformed_file_changes_nothing(
    store: Store, youth_id: int, data: bytes, words: tuple[str, ...]
) -> None:
    busy_store = store
    before = snapshot(busy_store)
    with pytest.raises(rulesets.RuleFileError) as caught:
        rulesets.apply(busy_store, data)
    for word in words:
        assert word in caught.value.message
    with pytest.raises(rulesets.RuleFileError):
        rulesets.preview(busy_store, data)
    assert snapshot(busy_store) == before


def test_an_older_version_is_refused_unless_forced(store: Store, youth_id: int) -> None:
    rulesets.apply(store, rule_file("2099-06-01", FIRST))
    before = snapshot(store)
    older = rule_file("2099-01-01", FIRST, NEW_RULE)
    assert rulesets.preview(store, older).older
    with pytest.raises(rulesets.OlderRuleSetError) as caught:
        rulesets.apply(store, older)
    assert "2099-01-01" in caught.value.message and "2099-06-01" in caught.value.message
    assert snapshot(store) == before
    forced = rulesets.apply(store, older, force=True)
    assert forced.older
    assert "ny-kontakt-3-dage" in dues(store, youth_id)
    # The same file again: nothing to do.
    with pytest.raises(rulesets.RuleFileError, match="allerede i brug"):
        rulesets.apply(store, older, force=True)


def test_a_file_not_newer_than_the_shipped_one_is_refused(
    store: Store, youth_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rule_store, "shipped_version", lambda: date(2099, 1, 1))
    before = snapshot(store)
    with pytest.raises(rulesets.RuleFileError, match="aldrig blive brugt"):
        rulesets.apply(store, rule_file("2098-12-31", FIRST), force=True)
    assert snapshot(store) == before


def test_a_newer_shipped_file_wins_over_a_loaded_one(
    store: Store, youth_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rulesets.apply(store, rule_file("2099-01-01", FIRST))
    with store.session() as s:
        assert rule_store.in_force(s).loaded
    # A program update ships a file of a later version: it is used, the loaded one not.
    monkeypatch.setattr(rule_store, "shipped_version", lambda: date(2099, 2, 1))
    with store.session() as s:
        assert not rule_store.in_force(s).loaded
        assert deadlines.legal_rules_in_force(s) == deadlines.legal_rules()


def test_expected_rules_only_when_switched_on(store: Store, youth_id: int) -> None:
    rulesets.apply(store, rule_file("2099-01-01", FIRST, EXPECTED_RULE))
    assert "forventet-samtale-10-dage" not in dues(store, youth_id)
    events_before = snapshot(store)[1]
    switched = rulesets.set_expected(store, True)
    assert switched.changed and switched.expected_rules == 1
    # 10 days after 2 November: 12 November.
    assert dues(store, youth_id)["forventet-samtale-10-dage"] == date(2026, 11, 12)
    assert snapshot(store)[1] == events_before + 1
    with store.session() as s:
        assert deadlines.expected_rules_enabled(s)
    assert not rulesets.set_expected(store, True).changed  # already on: nothing done
    rulesets.set_expected(store, False)
    assert "forventet-samtale-10-dage" not in dues(store, youth_id)
    assert audit.verify(store).ok


def test_cancelled_switch_leaves_it_off(store: Store, youth_id: int) -> None:
    rulesets.apply(store, rule_file("2099-01-01", FIRST, EXPECTED_RULE))
    before = snapshot(store)
    with pytest.raises(rulesets.RulesCancelledError):
        rulesets.set_expected(store, True, cancel=lambda: True)
    assert snapshot(store) == before
    with store.session() as s:
        assert not deadlines.expected_rules_enabled(s)


def test_read_rule_file_refuses_missing_and_huge_files(tmp_path: Path) -> None:
    with pytest.raises(rulesets.RuleFileError, match="findes ikke"):
        rulesets.read_rule_file(tmp_path / "nope.toml")
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (2 * 1024 * 1024))
    with pytest.raises(rulesets.RuleFileError, match="for stor"):
        rulesets.read_rule_file(big)


def test_listing_marks_expected_and_local(store: Store) -> None:
    rulesets.apply(store, rule_file("2099-01-01", FIRST, EXPECTED_RULE))
    found = rulesets.listing(store)
    assert [r.id for r in found.rules] == [
        "lab-31-5-foerste-jobsamtale",
        "forventet-samtale-10-dage",
    ]
    assert not found.expected_enabled
    assert found.in_force.version == date(2099, 1, 1) and found.in_force.loaded


def test_the_shipped_file_passes_the_schema_of_a_loaded_one() -> None:
    # A newer file is the shipped one edited: what ships must pass the loader's checks.
    text = rule_store.shipped_text()
    if rule_store.shipped_version() is None:  # the version key may not be there yet
        text = 'version = "2026-12-01"\n' + text
    parsed = rulesets.check_rule_file(text.encode("utf-8"))
    assert [r.id for r in parsed.rules] == [r.id for r in deadlines.legal_rules()]


def test_a_program_update_with_newer_rules_makes_the_deadlines_stale(
    store: Store, youth_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rulesets.apply(store, rule_file("2099-01-01", FIRST))
    assert not rulesets.stale(store)
    assert rulesets.recompute_if_stale(store) is None
    # 2 weeks after Monday 2 November: 16 November (the loaded rule).
    assert dues(store, youth_id)["lab-31-5-foerste-jobsamtale"] == date(2026, 11, 16)
    # An update ships rules newer than the loaded file: they win, the stored rows are stale.
    monkeypatch.setattr(rule_store, "shipped_version", lambda: date(2099, 2, 1))
    assert rulesets.stale(store)
    events = snapshot(store)[1]
    done = rulesets.recompute_if_stale(store)
    assert done is not None and done.cases_changed == 1
    # The shipped rule again: 1 week after 2 November, 9 November.
    assert dues(store, youth_id)["lab-31-5-foerste-jobsamtale"] == date(2026, 11, 9)
    assert snapshot(store)[1] == events + 1
    assert not rulesets.stale(store)
