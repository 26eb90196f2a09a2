"""The visitation service and target groups by date: a group the law does not have on the
visitation date is refused in Danish; old cases keep the label of the day they were given;
expected 2027 groups only when the municipality has switched expected rules on."""

from __future__ import annotations

from datetime import date

import pytest

from ungedesk.domain.errors import InputError
from ungedesk.domain.youth import YouthInput
from ungedesk.services import settings, target_groups, visitation, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store

TODAY = date(2026, 11, 24)


def _youth(store: Store, cpr: str, henvendelse: date, today: date = TODAY) -> int:
    # 150395-1xxx: born 15 March 1995 (digit 7 is 1: the 1900s), for the 2017 case;
    # 150300-4xxx: born 15 March 2000 (digit 7 is 4, YY 00: the 2000s), for 2024-2027.
    return youths.register(
        store,
        YouthInput(cpr, "Sofie", "Nørgaard", henvendelse, caseworker_id=1),
        today=today,
    ).youth_id


def test_a_group_the_law_no_longer_has_is_refused_in_danish(store: Store) -> None:
    yid = _youth(store, "150300-4007", date(2026, 11, 2))
    with pytest.raises(InputError) as err:
        visitation.save(store, yid, VisitationInput(date(2026, 11, 10), "lab2_2"), today=TODAY)
    assert err.value.fields["target_group"] == (
        "Målgruppen »Jobparat kontanthjælpsmodtager (LAB § 2, nr. 2)« gælder ikke den "
        "10. november 2026. Vælg en af de målgrupper, der gælder på datoen."
    )
    with pytest.raises(InputError) as err:
        visitation.save(store, yid, VisitationInput(date(2026, 11, 10), ""), today=TODAY)
    assert err.value.fields["target_group"] == "Vælg en målgruppe."
    assert visitation.get(store, yid) is None  # nothing half-written


def test_old_cases_keep_the_label_of_their_day(store: Store) -> None:
    old = _youth(store, "150300-4007", date(2024, 2, 1))
    visitation.save(store, old, VisitationInput(date(2024, 2, 5), "lab6_4"), today=TODAY)
    new = _youth(store, "150300-4015", date(2025, 7, 28))
    visitation.save(store, new, VisitationInput(date(2025, 8, 1), "lab6_4"), today=TODAY)
    old_view = visitation.get(store, old)
    new_view = visitation.get(store, new)
    assert old_view is not None and new_view is not None
    assert old_view.groups[0].code == new_view.groups[0].code == "lab6_4"  # the code is stored
    assert old_view.groups[0].label == "Uddannelsesparat uddannelseshjælpsmodtager (LAB § 6, nr. 4)"
    assert new_view.groups[0].label == (
        "Uddannelsesparat kontanthjælpsmodtager under 30 år uden uddannelse (LAB § 6, nr. 4)"
    )
    # Correcting the 2024 visitation (same date, same group) still works: judged on its day.
    visitation.save(
        store, old, VisitationInput(date(2024, 2, 5), "lab6_4", reasons="Rettet"), today=TODAY
    )


def test_a_2017_case_gets_the_groups_of_2017(store: Store) -> None:
    yid = _youth(store, "150395-1236", date(2017, 3, 1))
    with pytest.raises(InputError) as err:
        visitation.save(store, yid, VisitationInput(date(2017, 3, 6), "lab6_4"), today=TODAY)
    assert "gælder ikke den 6. marts 2017" in err.value.fields["target_group"]
    visitation.save(store, yid, VisitationInput(date(2017, 3, 6), "lab2_12"), today=TODAY)
    view = visitation.get(store, yid)
    assert view is not None
    assert view.groups[0].label == "Uddannelsesparat uddannelseshjælpsmodtager (LAB § 2, nr. 12)"


def test_change_of_group_is_judged_on_its_own_date(store: Store) -> None:
    yid = _youth(store, "150300-4007", date(2025, 5, 1))
    visitation.save(store, yid, VisitationInput(date(2025, 5, 5), "lab6_4"), today=TODAY)
    with pytest.raises(InputError) as err:
        visitation.change_target_group(
            store, yid, "lab2_13", date(2025, 9, 1), "Afklaring", today=TODAY
        )
    assert "gælder ikke den 1. september 2025" in err.value.fields["target_group"]
    visitation.change_target_group(store, yid, "lab6_5", date(2025, 9, 1), "Afklaring", today=TODAY)
    view = visitation.get(store, yid)
    assert view is not None
    assert [(g.code, g.label) for g in view.groups] == [
        ("lab6_4", "Uddannelsesparat uddannelseshjælpsmodtager (LAB § 6, nr. 4)"),
        (
            "lab6_5",
            "Aktivitetsparat kontanthjælpsmodtager under 30 år uden uddannelse (LAB § 6, nr. 5)",
        ),
    ]


def test_expected_2027_groups_need_the_municipalitys_switch(store: Store) -> None:
    later = date(2027, 1, 20)
    yid = _youth(store, "150300-4007", date(2027, 1, 4), later)
    assert not target_groups.expected_enabled(store)
    assert not visitation.tab(store, yid).expected_rules
    with pytest.raises(InputError) as err:
        visitation.save(store, yid, VisitationInput(date(2027, 1, 5), "ny27_jobparat"), today=later)
    assert err.value.fields["target_group"].startswith(
        "»Jobparat kontanthjælpsmodtager (ny hovedlov 2027, forventet)« er forventet lov"
    )
    settings.set_setting(store, settings.EXPECTED_RULES, True)
    assert visitation.tab(store, yid).expected_rules
    # With expected rules on, the old § 6 groups end on 1 January 2027 ...
    with pytest.raises(InputError):
        visitation.save(store, yid, VisitationInput(date(2027, 1, 5), "lab6_2"), today=later)
    # ... and the expected group is taken.
    visitation.save(store, yid, VisitationInput(date(2027, 1, 5), "ny27_jobparat"), today=later)
    view = visitation.get(store, yid)
    assert view is not None and view.groups[0].code == "ny27_jobparat"
    options = target_groups.options_on(date(2027, 1, 5), expected_rules=True)
    assert [o.code for o in options if o.expected] == [
        "ny27_dagpenge",
        "ny27_jobparat",
        "ny27_aktivitetsparat",
        "ny27_sygemeldt",
        "ny27_nedsat_arbejdsevne",
    ]
