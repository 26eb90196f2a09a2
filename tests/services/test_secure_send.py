"""The municipality's secure route for sending a plan: a mail address or an instruction,
checked before it is stored and saved with the other settings in one transaction."""

from __future__ import annotations

import pytest

from ungedesk.domain.errors import InputError
from ungedesk.services import preferences, secure_send, settings
from ungedesk.services.secure_send import SecureRoute
from ungedesk.store.database import Store


def test_an_address_or_an_instruction() -> None:
    assert secure_send.parse("sikkerpost@kommune.example") == SecureRoute(
        address="sikkerpost@kommune.example"
    )
    assert secure_send.parse("  Send den med   Digital Post fra ESDH ") == SecureRoute(
        instruction="Send den med Digital Post fra ESDH"
    )
    assert not secure_send.parse("").is_set


@pytest.mark.parametrize("bad", ["sikkerpost@", "a@b", "x" * 301])
def test_a_broken_address_or_too_long_text_is_refused_in_danish(bad: str) -> None:
    with pytest.raises(InputError) as caught:
        secure_send.clean(bad)
    assert set(caught.value.fields) == {"secure_send"}
    assert (
        "Højst 300 tegn." in caught.value.fields["secure_send"]
        or "mailadresse" in (caught.value.fields["secure_send"])
    )


def test_saved_with_the_other_settings_and_read_as_the_route(store: Store) -> None:
    assert secure_send.route(store) == SecureRoute()
    values = preferences.load_settings(store)
    assert values.secure_send == ""
    changed = preferences.TrustSettings(
        values.reminder_days,
        values.audit_months,
        values.case_years,
        values.uu_hours,
        values.closed_days,
        " sikkerpost@kommune.example ",
    )
    saved = preferences.save_settings(store, changed)
    assert saved.secure_send == "sikkerpost@kommune.example"
    assert preferences.load_settings(store) == saved
    assert secure_send.route(store).address == "sikkerpost@kommune.example"


def test_a_refused_route_saves_no_other_setting(store: Store) -> None:
    before = preferences.load_settings(store)
    changed = preferences.TrustSettings(30, 24, 9, before.uu_hours, before.closed_days, "x@")
    with pytest.raises(InputError):
        preferences.save_settings(store, changed)
    assert preferences.load_settings(store) == before
    assert settings.get_setting(store, settings.SECURE_SEND) == ""
