"""Contact details (phone, e-mail) as people type them, and their Danish messages.

A phone number is a Danish one: eight digits, optionally after +45 (or 0045), with spaces
anywhere, because the plan PDF and the record header must give the young person a number
they can ring. Foreign numbers are rare enough in a municipal team that a wrong digit count
is the likelier mistake. Stored as typed, spaces collapsed, so "+45 12 34 56 78" stays
readable.
"""

from __future__ import annotations

import re

MAX_EMAIL = 254
MAX_PHONE = 30
MAX_TITLE = 100

_PHONE_RE = re.compile(r"^(?:\+45|0045)?(\d{8})$")
# Deliberately plain: one @, something before it, a dotted domain after it, no spaces. The
# full grammar of RFC 5322 accepts addresses no municipal mail system hands out.
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")

PHONE_MESSAGE = "Telefonnummeret skal have 8 cifre, evt. med +45 foran (fx +45 12 34 56 78)."
EMAIL_MESSAGE = "E-mailadressen ser forkert ud (fx navn@kommune.dk)."


def clean_phone(text: str) -> str:
    """Spaces collapsed to one, ends trimmed."""
    return " ".join(text.split())


def phone_problem(text: str) -> str | None:
    """Danish message when ``text`` (non-empty) is not a Danish phone number."""
    compact = "".join(text.split())
    if not compact:
        return None
    if len(text.strip()) > MAX_PHONE or not _PHONE_RE.match(compact):
        return PHONE_MESSAGE
    return None


def email_problem(text: str) -> str | None:
    """Danish message when ``text`` (non-empty) does not look like an e-mail address."""
    email = text.strip()
    if not email:
        return None
    if len(email) > MAX_EMAIL or not _EMAIL_RE.match(email):
        return EMAIL_MESSAGE
    return None


def contact_problems(phone: str, email: str) -> dict[str, str]:
    """Messages keyed ``phone`` and ``email``; empty when both can be saved."""
    errors: dict[str, str] = {}
    if (problem := phone_problem(phone)) is not None:
        errors["phone"] = problem
    if (problem := email_problem(email)) is not None:
        errors["email"] = problem
    return errors
