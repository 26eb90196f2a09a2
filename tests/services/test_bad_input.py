"""Bad input anywhere: a clear Danish message, no crash, nothing half-written."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE, TODAY
from ungedesk.domain.errors import InputError
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.youth import Benefit, Education, ExitReason, YouthInput
from ungedesk.services import audit, caseworkers, retention, setup, youths
from ungedesk.store.database import Store
from ungedesk.store.errors import ReadOnlyStoreError, StoreError
from ungedesk.store.paths import StorePaths

texts = st.text(max_size=60)
dates = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
SLOW = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def state(store: Store) -> tuple[int, int, bool]:
    check = audit.verify(store)
    return youths.count(store), check.checked, check.ok


def danish(message: str) -> bool:
    return bool(message) and message[0].isupper() and "Traceback" not in message


@SLOW
@given(
    texts,
    texts,
    texts,
    dates,
    texts,
    texts,
    texts,
    texts,
    st.sampled_from(list(Benefit)),
    st.sampled_from(list(Education)),
    st.none() | st.integers(-5, 5),
)
def test_register_form(
    store: Store,
    cpr: str,
    first: str,
    last: str,
    henv: date | None,
    address: str,
    postal: str,
    phone: str,
    email: str,
    benefit: Benefit,
    education: Education,
    caseworker: int | None,
) -> None:
    before = state(store)
    data = YouthInput(
        cpr=cpr,
        first_name=first,
        last_name=last,
        henvendelse_date=henv,
        address=address,
        postal_code=postal,
        phone=phone,
        email=email,
        benefit=benefit,
        education=education,
        caseworker_id=caseworker,
    )
    try:
        outcome = youths.register(store, data, today=TODAY)
    except InputError as exc:
        assert exc.fields and all(danish(m) for m in exc.fields.values())
        assert state(store) == before  # nothing written, not even a log line
    else:
        count, _events, ok = state(store)
        assert ok
        assert count == before[0] + (1 if outcome.created else 0)


@SLOW
@given(texts, texts, texts, st.sampled_from(list(Role)), texts)
def test_colleague_form(
    store: Store, name: str, initials: str, unit: str, role: Role, email: str
) -> None:
    before = len(caseworkers.list_caseworkers(store, active_only=False))
    try:
        caseworkers.add_caseworker(store, ProfileInput(name, initials, unit, role, email))
    except InputError as exc:
        assert all(danish(m) for m in exc.fields.values())
        assert len(caseworkers.list_caseworkers(store, active_only=False)) == before


@SLOW
@given(
    st.sampled_from(list(ExitReason)),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
)
def test_close_case_dates(store: Store, reason: ExitReason, closed_on: date) -> None:
    yid = youths.find_by_cpr(store, "010203-4562")
    if yid is None:
        yid = youths.register(
            store,
            YouthInput(
                cpr="010203-4562",
                first_name="Luk",
                last_name="Sag",
                henvendelse_date=date(2026, 1, 5),
                caseworker_id=1,
            ),
            today=TODAY,
        ).youth_id
    try:
        retention.close_case(store, yid, reason, closed_on, today=TODAY)
    except InputError as exc:
        assert all(danish(m) for m in exc.fields.values())
        assert not (date(2026, 1, 5) <= closed_on <= TODAY)
    else:
        assert date(2026, 1, 5) <= closed_on <= TODAY


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_read_only_data_directory_gives_danish_message_and_changes_nothing(
    store: Store, store_paths: StorePaths, tmp_path: Path
) -> None:
    youths.register(
        store,
        YouthInput(
            cpr="010203-4562",
            first_name="Læs",
            last_name="Kun",
            henvendelse_date=date(2026, 1, 5),
            caseworker_id=1,
        ),
        today=TODAY,
    )
    store.close()
    before = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in store_paths.root.iterdir()
        if p.is_file()
    }
    if os.geteuid() == 0:
        # root ignores permission bits; the immutable attribute binds root too.
        if shutil.which("chattr") is None:
            pytest.skip("needs chattr to make a folder read-only for root")
        lock = ["chattr", "+i", str(store_paths.root)]
        unlock = ["chattr", "-i", str(store_paths.root)]
        if subprocess.run(lock, capture_output=True).returncode != 0:
            pytest.skip("file system without the immutable attribute")
    else:
        store_paths.root.chmod(0o500)
        lock, unlock = [], []
    try:
        with pytest.raises(StoreError) as info:
            opened = setup.unlock(store_paths, PASSPHRASE)
            try:
                youths.register(
                    opened.store,
                    YouthInput(
                        cpr="020304-4561",
                        first_name="Ny",
                        last_name="Person",
                        henvendelse_date=date(2026, 1, 5),
                        caseworker_id=1,
                    ),
                    today=TODAY,
                )
            finally:
                opened.store.close()
        assert isinstance(info.value, ReadOnlyStoreError), type(info.value)
        assert "rettighederne" in info.value.message
    finally:
        if unlock:
            subprocess.run(unlock, check=True)
        else:
            store_paths.root.chmod(0o700)
    after = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in store_paths.root.iterdir()
        if p.is_file()
    }
    assert after == before
