"""The settings registry, the settings dialog's one-transaction save and the one answer to
"who is the current caseworker"."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from tests.conftest import TODAY
from ungedesk.domain.calendar import ClosingDay
from ungedesk.domain.errors import InputError, StoppedError
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, current_user, preferences, settings, youths
from ungedesk.services.preferences import TrustSettings
from ungedesk.services.progress import Progress
from ungedesk.store.database import Store
from ungedesk.store.models import AuditEvent, Setting


def _raw(store: Store, key: str, value: str) -> None:
    """Write a row the way an older version of UngeDesk did, bypassing the registry."""
    with store.session() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value


def _events(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count(AuditEvent.id))) or 0)


def test_every_key_is_declared_once() -> None:
    names = [str(key) for key in settings.ALL]
    assert len(names) == len(set(names))
    assert "municipality_name" in names and "rules.expected_enabled" in names


def test_registry_reads_what_older_versions_stored(store: Store) -> None:
    _raw(store, "backup_reminder_days", "14")
    _raw(store, "closing_days", '["juleaftensdag"]')
    _raw(store, "unlock_with_keyring", "false")
    _raw(store, "rules.expected_enabled", "1")  # written bare by the rules screen
    assert settings.get_setting(store, settings.MUNICIPALITY) == "Demo Kommune"
    assert settings.get_setting(store, settings.BACKUP_REMINDER_DAYS) == 14
    assert settings.get_setting(store, settings.CLOSING_DAYS) == ("juleaftensdag",)
    assert settings.get_setting(store, settings.UNLOCK_WITH_KEYRING) is False
    assert settings.get_setting(store, settings.EXPECTED_RULES) is True
    # A JSON-quoted switch (written through the old JSON helper) means the same.
    _raw(store, "rules.expected_enabled", '"1"')
    assert settings.get_setting(store, settings.EXPECTED_RULES) is True


def test_registry_writes_each_key_in_its_stored_form(store: Store) -> None:
    settings.set_setting(store, settings.EXPECTED_RULES, True)
    settings.set_setting(store, settings.CASE_RETENTION_YEARS, 3)
    settings.set_setting(store, settings.CLOSING_DAYS, ("nytaarsaftensdag", "grundlovsdag"))
    with store.session() as s:
        stored = {k: s.get(Setting, k) for k in ("rules.expected_enabled", "case_retention_years")}
        assert {k: row.value for k, row in stored.items() if row} == {
            "rules.expected_enabled": "1",
            "case_retention_years": "3",
        }
        closing = s.get(Setting, "closing_days")
        assert closing is not None and closing.value == '["grundlovsdag", "nytaarsaftensdag"]'


def test_unreadable_values_read_as_the_default(store: Store) -> None:
    _raw(store, "backup_reminder_days", '"fjorten"')
    _raw(store, "auto_lock_minutes", "{not json")
    _raw(store, "case_retention_years", "true")
    assert settings.get_setting(store, settings.BACKUP_REMINDER_DAYS) == 7
    assert settings.get_setting(store, settings.AUTO_LOCK_MINUTES) == 5
    assert settings.get_setting(store, settings.CASE_RETENTION_YEARS) == 5
    assert settings.get_setting(store, settings.PROGRESSION_DESCRIPTORS) is None


def _a_case(store: Store) -> None:
    youths.register(
        store,
        YouthInput(
            cpr="010203-4562",
            first_name="Indstilling",
            last_name="Testesen",
            henvendelse_date=date(2026, 6, 1),
            caseworker_id=1,
            address="Prøvevej 1",
        ),
        today=TODAY,
    )


CHANGED = TrustSettings(
    reminder_days=21,
    audit_months=12,
    case_years=8,
    uu_hours="man 10-14",
    closed_days=frozenset({ClosingDay.JULEAFTEN}),
    restgruppe_months=36,
    restgruppe_step="Sagen  tages op\ttil møde med familieafdelingen",
    figures_threshold=3,
)


def test_save_writes_every_value_in_one_go(store: Store) -> None:
    _a_case(store)
    before = _events(store)
    saved = preferences.save_settings(store, CHANGED)
    assert saved.uu_hours == "man 10.00-14.00"
    assert saved.restgruppe_step == "Sagen tages op til møde med familieafdelingen"
    assert saved.restgruppe_months == 36
    assert saved.figures_threshold == 3
    assert settings.get_setting(store, settings.FIGURES_THRESHOLD) == 3
    assert preferences.load_settings(store) == saved
    # Two logged setting changes: the log's retention and the closing days.
    assert _events(store) == before + 2


def test_a_stop_during_the_recompute_leaves_every_setting_unchanged(store: Store) -> None:
    _a_case(store)
    before = preferences.load_settings(store)
    events = _events(store)
    progress = Progress()
    progress.stop()  # Stop pressed: the recompute of the closing days stops at its first step
    with pytest.raises(StoppedError):
        preferences.save_settings(store, CHANGED, progress=progress)
    # The reminder, the retentions and the hours were written before the recompute in the
    # same transaction: all of them rolled back with it.
    assert preferences.load_settings(store) == before
    assert before.reminder_days == 7 and before.audit_months == 6
    assert _events(store) == events


def test_bad_hours_save_nothing(store: Store) -> None:
    before = preferences.load_settings(store)
    with pytest.raises(InputError) as caught:
        preferences.save_settings(store, TrustSettings(30, 24, 9, "hver dag", frozenset()))
    assert "uu_hours" in caught.value.fields
    assert preferences.load_settings(store) == before


@pytest.mark.parametrize(
    ("months", "step", "field"),
    [(12, "", "restgruppe_months"), (24, "x" * 501, "restgruppe_step")],
)
def test_the_coordination_groups_settings_are_checked(
    store: Store, months: int, step: str, field: str
) -> None:
    before = preferences.load_settings(store)
    bad = TrustSettings(7, 6, 5, "", frozenset(), "", months, step)
    with pytest.raises(InputError) as caught:
        preferences.save_settings(store, bad)
    assert set(caught.value.fields) == {field}
    assert preferences.load_settings(store) == before


@pytest.mark.parametrize("threshold", [0, 51, -5])
def test_the_figures_threshold_is_checked(store: Store, threshold: int) -> None:
    before = preferences.load_settings(store)
    assert before.figures_threshold == 5  # the default
    bad = TrustSettings(7, 6, 5, "", frozenset(), "", 24, "", threshold)
    with pytest.raises(InputError) as caught:
        preferences.save_settings(store, bad)
    assert caught.value.fields == {"figures_threshold": "Vælg en grænse mellem 1 og 50."}
    assert preferences.load_settings(store) == before


def test_current_caseworker_is_the_profile_until_the_setting_names_nobody(store: Store) -> None:
    with store.session() as s:
        me = current_user.current_caseworker(s)
        assert me is not None and current_user.label(me) == "Anne Bjerregaard (ABJ)"
        assert audit.current_actor(s) == (me.id, "Anne Bjerregaard (ABJ)")
    settings.set_setting(store, settings.CURRENT_CASEWORKER, 999)
    with store.session() as s:
        assert current_user.current_caseworker(s) is None
        assert audit.current_actor(s) == (None, "UngeDesk")
