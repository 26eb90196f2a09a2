"""The plan leaving the store: handing out a version, the young person's PDF on screen, as a
file and on paper, and many plans at once.

Each function is one user action and owns one transaction, so the plan screen runs each as
one operation and the access log holds exactly one row per action:

- ``hand_out``: unsaved edits saved and the version frozen together (a change row and a
  hand-out row), returning the new draft so nothing reads the plan again;
- ``preview``: the PDF in memory (a logged read; it never touches the disk, where it would
  lie unencrypted);
- ``write_plan_pdf``: the PDF written to a file, the export logged in the same transaction
  (a file that could not be written is not logged as exported);
- ``log_print``: paper leaves the store as surely as a file does;
- ``make_batch``: every version handed out in a period as PDFs in one folder, stoppable;
  a stopped or failed batch leaves no file and no log row behind.

Which version a PDF shows is decided once, by ``plan.shown_version``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.plan import PlanContent
from ungedesk.services import audit, plan
from ungedesk.services.audit import Action
from ungedesk.services.plan import PlanDraft, VersionSummary
from ungedesk.services.progress import Progress, silent
from ungedesk.services.youths import require_youth
from ungedesk.store.database import Store
from ungedesk.store.errors import translate_os_error
from ungedesk.store.models import PlanVersion, Youth
from ungedesk.store.paths import (
    fsync_dir,
    make_private_dirs,
    refuse_non_regular,
    write_private_atomic,
)

HANDOUT_PURPOSE = "Uddannelsesplan til den unge"
ARCHIVE_PURPOSE = "Uddannelsesplan til kommunens arkiv"


# --- handing out ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HandedOut:
    number: int
    draft: PlanDraft


def hand_out(
    store: Store,
    youth_id: int,
    content: PlanContent | None = None,
    *,
    today: date,
    now: datetime,
) -> HandedOut:
    """Freeze the plan as the next version; with ``content`` (the form's unsaved edits)
    save it first in the same transaction, so the frozen version is what the form shows
    and a refused save hands nothing out. Returns the number and the draft as it now is."""
    if content is not None:
        content = plan.normalise(content)
    with store.session() as s:
        youth = require_youth(s, youth_id)
        if content is not None:
            plan.save_in(s, youth, content, today=today)
        number = plan.hand_out_in(s, youth, today=today, now=now)
        return HandedOut(number, plan.draft_in(s, youth, now))


# --- one PDF -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlanPdf:
    data: bytes
    version: int | None  # the version shown; None: the draft


def shown_version(versions: Iterable[VersionSummary], asked: int | None) -> int | None:
    """The version a PDF of a plan with these handed-out ``versions`` will show (for the
    file name offered before it is written)."""
    return plan.shown_version([v.number for v in versions], asked)


def suggested_file_name(case_number: str, version: int | None, archive: bool) -> str:
    """plan-<case>-v3.pdf, plan-<case>-kladde.pdf, ...-arkiv.pdf: never a name or a CPR."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in case_number)
    part = f"v{version}" if version is not None else "kladde"
    suffix = "-arkiv" if archive else ""
    return f"plan-{safe}-{part}{suffix}.pdf"


def preview(
    store: Store, youth_id: int, *, version: int | None = None, today: date, now: datetime
) -> PlanPdf:
    """The PDF in memory for the screen or the printer; the read is logged."""
    from ungedesk.services.plan_pdf import render_handout

    handout = plan.handout(store, youth_id, version=version, today=today, now=now)
    return PlanPdf(render_handout(handout), handout.version)


def _what(version: int | None) -> str:
    return (
        f"Uddannelsesplan, version {version}" if version is not None else "Uddannelsesplan, kladde"
    )


def _export_in(
    s: Session,
    youth: Youth,
    *,
    archive: bool,
    version: int | None,
    today: date,
    now: datetime,
) -> tuple[int | None, bytes]:
    """(version shown, PDF bytes), the export logged in the caller's transaction."""
    from ungedesk.services.plan_pdf import render_handout

    handout = plan.handout_in(s, youth, version=version, today=today, now=now)
    audit.record(
        s,
        Action.EXPORT,
        youth_id=youth.id,
        subject=youth.case_number,
        purpose=ARCHIVE_PURPOSE if archive else HANDOUT_PURPOSE,
        detail=f"{_what(handout.version)} som {'PDF/A' if archive else 'PDF'}",
        at=now,
    )
    return handout.version, render_handout(handout, archive=archive)


def write_plan_pdf(
    store: Store,
    youth_id: int,
    out: Path,
    *,
    archive: bool = False,
    version: int | None = None,
    today: date,
    now: datetime,
) -> Path:
    """Write the plan (the latest handed-out version, or the draft) to ``out``.

    The file is written before the transaction that logs the export commits: a file that
    could not be written rolls the log row back with it."""
    with store.session() as s:
        youth = require_youth(s, youth_id)
        _shown, data = _export_in(s, youth, archive=archive, version=version, today=today, now=now)
        try:
            make_private_dirs(out.parent)  # owner-only whatever the umask
            write_private_atomic(out, data)
        except OSError as exc:
            raise translate_os_error(exc) from exc
    return out


def log_print(store: Store, youth_id: int, *, version: int | None = None, now: datetime) -> None:
    """Log that the PDF (``version``, else the one the PDF shows) went to the printer."""
    with store.session() as s:
        youth = require_youth(s, youth_id)
        numbers = s.scalars(select(PlanVersion.number).where(PlanVersion.youth_id == youth_id))
        shown = plan.shown_version(list(numbers), version)
        what = f"version {shown}" if shown is not None else "kladde"
        audit.record(
            s,
            Action.PRINT,
            youth_id=youth_id,
            subject=youth.case_number,
            purpose=HANDOUT_PURPOSE,
            detail=f"Uddannelsesplan, {what}, udskrevet",
            at=now,
        )


# --- many PDFs -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchResult:
    written: tuple[Path, ...]
    total: int


def _stage(out_dir: Path, name: str, data: bytes) -> Path:
    """``data`` in a hidden owner-only temp file beside its final name (mkstemp: created
    exclusively, 0600), synced; it gets its name only when the whole batch is made."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
    staged = Path(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return staged


def _batch_in(
    s: Session,
    items: list[tuple[int, int]],
    out_dir: Path,
    staged: list[tuple[Path, Path]],
    *,
    archive: bool,
    today: date,
    now: datetime,
    progress: Progress,
) -> None:
    """Render each PDF into a staged temp file (appended to ``staged`` as (temp, final))
    with its export logged; stops at a file boundary when asked."""
    total = len(items)
    progress.step(0, total, "Laver planer som PDF")
    for done, (youth_id, version) in enumerate(items, start=1):
        youth = require_youth(s, youth_id)
        shown, data = _export_in(s, youth, archive=archive, version=version, today=today, now=now)
        final = out_dir / suggested_file_name(youth.case_number, shown, archive)
        staged.append((_stage(out_dir, final.name, data), final))
        progress.step(done, total, f"Plan {done} af {total}")


def _run_batch(
    store: Store,
    out_dir: Path,
    choose: Callable[[Session], list[tuple[int, int]]],
    *,
    archive: bool,
    today: date,
    now: datetime,
    progress: Progress,
) -> BatchResult:
    """All or nothing: the PDFs are made into hidden temp files first, with every export
    logged in one transaction, and get their names only after that has committed. Stopped
    (``StoppedError``) or failed, the temp files are removed and nothing is logged; files
    already in the folder stay as they were."""
    staged: list[tuple[Path, Path]] = []
    try:
        make_private_dirs(out_dir)  # owner-only whatever the umask
        with store.session() as s:
            items = choose(s)
            _batch_in(
                s, items, out_dir, staged, archive=archive, today=today, now=now, progress=progress
            )
        for temp, final in staged:
            refuse_non_regular(final)
            os.replace(temp, final)
        if staged:
            fsync_dir(out_dir)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    finally:
        for temp, _final in staged:
            temp.unlink(missing_ok=True)
    return BatchResult(tuple(final for _temp, final in staged), len(items))


def write_batch(
    store: Store,
    items: Iterable[tuple[int, int]],
    out_dir: Path,
    *,
    archive: bool,
    today: date,
    now: datetime,
    progress: Progress | None = None,
) -> list[Path]:
    """One PDF per (youth_id, version) into ``out_dir``, named by ``suggested_file_name``
    (see ``_run_batch``: all or nothing)."""
    work = list(items)
    result = _run_batch(
        store,
        out_dir,
        lambda _s: work,
        archive=archive,
        today=today,
        now=now,
        progress=progress or silent(),
    )
    return list(result.written)


def make_batch(
    store: Store,
    start: date,
    end: date,
    out_dir: Path,
    *,
    archive: bool,
    today: date,
    now: datetime,
    progress: Progress | None = None,
) -> BatchResult:
    """Every version handed out from ``start`` to ``end`` (both included) as PDFs in
    ``out_dir``; the list is read in the same transaction as the exports."""
    return _run_batch(
        store,
        out_dir,
        partial(plan.handed_out_in, start=start, end=end),
        archive=archive,
        today=today,
        now=now,
        progress=progress or silent(),
    )
