"""Is the store sound? SQLite's integrity_check and SQLCipher's cipher_integrity_check."""

from __future__ import annotations

from dataclasses import dataclass

from ungedesk.store.database import Store


@dataclass(frozen=True, slots=True)
class CheckResult:
    integrity: list[str]  # "ok" or problems, as SQLite reports them
    cipher: list[str]  # empty when every page's HMAC verifies

    @property
    def sound(self) -> bool:
        return self.integrity == ["ok"] and not self.cipher


def check(store: Store) -> CheckResult:
    with store.session() as s:
        integrity = [str(r[0]) for r in s.connection().exec_driver_sql("PRAGMA integrity_check")]
        cipher = [
            str(r[0]) for r in s.connection().exec_driver_sql("PRAGMA cipher_integrity_check")
        ]
    return CheckResult(integrity, cipher)
