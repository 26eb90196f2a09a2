"""Handover with kædeansvar (seed 003): responsibility passes only when the receiver has
accepted. Until the sender's UngeDesk has read the receiver's receipt, the sender keeps the
case and its deadlines; the case shows "Overdraget — afventer kvittering"."""

from __future__ import annotations

from enum import StrEnum


class HandoverStatus(StrEnum):
    PENDING = "pending"  # sent, the receipt not yet read
    RECEIPTED = "receipted"  # the receipt read: the sender's side is closed
    RECEIVED = "received"  # this installation received the case (the receiver's side)


HANDOVER_STATUS_LABELS: dict[HandoverStatus, str] = {
    HandoverStatus.PENDING: "Overdraget — afventer kvittering",
    HandoverStatus.RECEIPTED: "Overdraget — kvittering modtaget",
    HandoverStatus.RECEIVED: "Modtaget fra en anden enhed",
}


class HolderHow(StrEnum):
    """How a period of holding the case began."""

    REGISTERED = "registered"  # the case was created here (before any handover)
    RECEIVED = "received"  # this holder imported the case
    HANDED_OVER = "handed_over"  # the previous holder read this holder's receipt


HOLDER_HOW_LABELS: dict[HolderHow, str] = {
    HolderHow.REGISTERED: "Oprettet her",
    HolderHow.RECEIVED: "Modtaget ved overførsel",
    HolderHow.HANDED_OVER: "Overtog sagen (kvittering læst)",
}
