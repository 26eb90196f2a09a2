"""When a KUI contact after leaving the plan is complete (domain.kui.contact_met_days)."""

from __future__ import annotations

from datetime import date

from ungedesk.domain.kui import Reached, contact_met_days


def test_both_the_young_person_and_a_parent_must_be_reached() -> None:
    learned = [date(2026, 3, 31)]
    assert contact_met_days(learned, [(date(2026, 4, 1), Reached.YOUTH)]) == []
    assert contact_met_days(learned, [(date(2026, 4, 1), Reached.PARENTS)]) == []
    # Parents on the 1st, the young person on the 7th: complete on the 7th.
    assert contact_met_days(
        learned, [(date(2026, 4, 7), Reached.YOUTH), (date(2026, 4, 1), Reached.PARENTS)]
    ) == [date(2026, 4, 7)]
    assert contact_met_days(learned, [(date(2026, 3, 31), Reached.BOTH)]) == [date(2026, 3, 31)]


def test_contacts_belong_to_the_departure_they_follow() -> None:
    learned = [date(2026, 9, 1), date(2026, 3, 2)]  # any order
    contacts = [
        (date(2026, 2, 27), Reached.BOTH),  # before anything was known: counts for nothing
        (date(2026, 3, 3), Reached.YOUTH),  # first departure: only the young person ...
        (date(2026, 9, 2), Reached.PARENTS),  # ... and this parent call is about the second
        (date(2026, 9, 4), Reached.YOUTH),
    ]
    # The first departure never got both; the second did on 4 September.
    assert contact_met_days(learned, contacts) == [date(2026, 9, 4)]


def test_a_contact_recorded_before_the_app_asked_who_still_counts() -> None:
    assert contact_met_days([date(2025, 5, 5)], [(date(2025, 5, 6), Reached.UNKNOWN)]) == [
        date(2025, 5, 6)
    ]
    assert contact_met_days([], [(date(2025, 5, 6), Reached.BOTH)]) == []
