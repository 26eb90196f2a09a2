"""The markdown table of run.py's figures, and where it goes in RESULTS.md.

The newest run's section sits between two markers at the top of RESULTS.md and replaces the
previous run's (that one stays in git history and its JSON in results/); hand-written
sections elsewhere in the file are left as they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

START = "<!-- dev.py bench: start (generated; replaced by the next run) -->"
END = "<!-- dev.py bench: end -->"

# Goals of issue 13.
STARTUP_GOAL_MS = {100_000: 800.0, 10_000: 600.0}
STARTUP_GOAL_RATIO = 3.0
SEARCH_GOAL_MEDIAN_MS, SEARCH_GOAL_P95_MS = 16.0, 33.0
MEMORY_GOAL_MIB = 200.0
CLI_GOAL_MS = 150.0
CLOSE_GOAL_MS = 200.0
RECORD_GOAL_MS = 100.0

WORKLOAD_LABELS = {
    "register_read": "the register read (the list's columns, 100 %)",
    "like_search": "a LIKE search on names (`'%nielsen%'`)",
    "first_page_unindexed": "first page by last, first name, no index (LIMIT 50)",
}


def _n(value: float) -> str:
    return f"{value:,.0f}"


def _s(ms: float) -> str:
    return f"{ms / 1000:.2f} s"


def _ms(ms: float) -> str:
    return f"{ms:.0f} ms" if ms >= 10 else f"{ms:.1f} ms"


def _mib(kib: float) -> str:
    return f"{kib / 1024:.0f} MiB"


def _mb(size: float) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _x(value: float) -> str:
    return f"{value:.1f}×" if value < 10 else f"{value:.0f}×"


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _stat(figure: dict[str, float], fmt: Any = _s) -> str:
    return f"{fmt(figure['median'])} ({fmt(figure['max'])})"


def startup_line(entry: dict[str, Any]) -> str:
    return (
        f"UngeDesk {_stat(entry['app_ms'])}, floor {_stat(entry['floor_ms'])}, "
        f"{_x(entry['ratio'])}; parent's wall time {_stat(entry['app_wall_ms'])}"
    )


def _header(summary: dict[str, Any]) -> list[str]:
    m = summary["machine"]
    title = (
        f"## {m['when']}: {m['system']}, {m['cores']} cores, Python {m['python']}, "
        f"PySide6 {m['pyside6']}, SQLCipher {m['sqlcipher']}"
    )
    loads = f"{summary.get('load_before')} before, {summary.get('load_after')} after"
    runs = summary["runs"]
    lines = [
        START,
        title,
        "",
        f"`python dev.py bench` on commit `{m['commit']}` ({m['cpu'] or 'CPU unknown'}; Qt "
        f"{m['qt']} {m['qt_platform']}; load average {loads}; {summary.get('bench_s', '?')} s "
        f"in all). Median (max) of {runs} fresh processes"
        + (" — a quick run, too few runs to judge by" if summary.get("quick") else "")
        + "; every UngeDesk start paired with its floor in the same loop, keyring starts.",
        "",
    ]
    return lines


def _main_table(summary: dict[str, Any]) -> list[str]:
    rows = [
        "| what | UngeDesk | floor (same run) | ratio | goal | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for size_text, entry in sorted(
        summary.get("startup", {}).items(), key=lambda item: -int(item[0])
    ):
        size = int(size_text)
        goal_ms = STARTUP_GOAL_MS.get(size)
        ok = goal_ms is None or entry["app_ms"]["median"] <= goal_ms
        goal = f"≤ {_s(goal_ms)}" if goal_ms else "–"
        if size == max(STARTUP_GOAL_MS):
            ok = ok and entry["ratio"] <= STARTUP_GOAL_RATIO
            goal += f" and ≤ {STARTUP_GOAL_RATIO:.0f}×"
        rows.append(
            f"| launch → painted register, {_n(size)} young people (`--measure-startup`) | "
            f"{_stat(entry['app_ms'])} | {_stat(entry['floor_ms'])} | {_x(entry['ratio'])} | "
            f"{goal} | {_met(ok) if goal_ms else '–'} |"
        )
        rows.append(
            f"| … the same, seen by the parent (spawn → line) | {_stat(entry['app_wall_ms'])} | "
            f"{_stat(entry['floor_wall_ms'])} | {_x(entry['wall_ratio'])} | – | – |"
        )
    search = summary.get("search")
    floor = summary.get("store", {}).get("search_floor")
    if search:
        floor_text = (
            f"{_ms(floor['median_ms'])} / {_ms(floor['p95_ms'])} / {_ms(floor['max_ms'])}"
            if floor
            else "–"
        )
        ok = search["median_ms"] <= SEARCH_GOAL_MEDIAN_MS and search["p95_ms"] <= SEARCH_GOAL_P95_MS
        times = (
            _x(search["median_ms"] / floor["median_ms"]) if floor and floor["median_ms"] else "–"
        )
        rows.append(
            f"| keystroke → filtered list repainted, index ready ({search['count']} keystrokes; "
            f"median / p95 / max) | {_ms(search['median_ms'])} / {_ms(search['p95_ms'])} / "
            f"{_ms(search['max_ms'])} | {floor_text} (substring scan of a list) | "
            f"{times} | ≤ {SEARCH_GOAL_MEDIAN_MS:.0f} ms / ≤ {SEARCH_GOAL_P95_MS:.0f} ms | "
            f"{_met(ok)} |"
        )
        pre = search.get("pre_index")
        if pre is None:
            rows.append(
                "| a keystroke before the index is ready (answered from SQL) | n/a: the first "
                "page is painted only once the whole index is built | – | – | answers | – |"
            )
        else:
            answered = pre["answered_before_index"]
            rows.append(
                f"| a keystroke (`{pre['query']}`) at the first paint, before the index is ready "
                f"| {_stat(pre['ms'], _ms)}; answered before the index in {answered} of "
                f"{pre['ms']['runs']} | – | – | answers | {_met(answered == pre['ms']['runs'])} |"
            )
        startups = summary.get("startup", {})
        floor_peak = startups[max(startups, key=int)]["floor_peak_kib"] if startups else None
        peak = search["peak_kib"]
        rows.append(
            f"| peak memory (VmHWM) after the first paint and four searches | "
            f"{_stat(peak, _mib)} | {_stat(floor_peak, _mib) if floor_peak else '–'} | "
            f"{_x(peak['median'] / floor_peak['median']) if floor_peak else '–'} | "
            f"≤ {MEMORY_GOAL_MIB:.0f} MiB | {_met(peak['max'] / 1024 <= MEMORY_GOAL_MIB)} |"
        )
    for flag, figure in summary.get("cli", {}).items():
        rows.append(
            f"| `ungedesk --{flag}` (fresh process, spawn → exit) | {_stat(figure['app_ms'])} | "
            f"{_stat(figure['floor_ms'])} (`python -c pass`) | {_x(figure['ratio'])} | "
            f"≤ {_s(CLI_GOAL_MS)} | {_met(figure['app_ms']['median'] <= CLI_GOAL_MS)} |"
        )
    closing = summary.get("close")
    if closing:
        rows.append(
            f"| close the window right after the first paint → event loop returned | "
            f"{_stat(closing['exec_ms'], _ms)} | – | – | ≤ {_ms(CLOSE_GOAL_MS)} | "
            f"{_met(closing['exec_ms']['median'] <= CLOSE_GOAL_MS)} |"
        )
        rows.append(
            f"| … → UngeDesk's shutdown done (entry point returned) | "
            f"{_stat(closing['shutdown_ms'], _ms)} | – | – | ≤ {_ms(CLOSE_GOAL_MS)} | "
            f"{_met(closing['shutdown_ms']['median'] <= CLOSE_GOAL_MS)} |"
        )
        rows.append(
            f"| … → the process gone | {_stat(closing['process_end_ms'], _ms)} | – | – | – | – |"
        )
    record = summary.get("record")
    if record:
        for key, label in (
            ("first_in_list_ms", "the first of the list, as soon as the list is searchable"),
            ("longest_history_ms", "the one with the most conversations, the worker idle"),
        ):
            rows.append(
                f"| open a record → header and first tab painted: {label} | "
                f"{_stat(record[key], _ms)} | – | – | ≤ {_ms(RECORD_GOAL_MS)} | "
                f"{_met(record[key]['median'] <= RECORD_GOAL_MS)} |"
            )
    checked = summary.get("check")
    if checked:
        rows.append(
            f"| `ungedesk check` with the passphrase, largest store | {_stat(checked['app_ms'])} |"
            f" {_stat(checked['floor_ms'])} (scrypt + both integrity checks) | "
            f"{_x(checked['ratio'])} | – | – |"
        )
    return rows


def _encryption(store: dict[str, Any]) -> list[str]:
    enc = store["encryption"]
    rows = [
        "",
        "Encryption cost at the largest size: each workload on a fresh connection (a cold page "
        "cache, as at a start; OS cache warm), the store and its plaintext copy alternating:",
        "",
        "| workload | encrypted | plaintext copy | ratio |",
        "| --- | --- | --- | --- |",
    ]
    for key, label in WORKLOAD_LABELS.items():
        figure = enc[key]
        rows.append(
            f"| {label} | {_ms(figure['encrypted_median_ms'])} | "
            f"{_ms(figure['plaintext_median_ms'])} | {_x(figure['ratio'])} |"
        )
    sec = enc["memory_security_register_read"]
    rows.append(
        f"| the register read with `cipher_memory_security` ON vs OFF | "
        f"{_ms(sec['on_median_ms'])} (ON) | {_ms(sec['off_median_ms'])} (OFF) | "
        f"{_x(sec['ratio'])} |"
    )
    return rows


def _size(store: dict[str, Any]) -> list[str]:
    size = store["size"]
    objects = size["objects"]
    total = sum(o["bytes"] for o in objects) or 1
    tables: dict[str, dict[str, float]] = {}
    for o in objects:
        entry = tables.setdefault(o["table"], {"rows": 0, "table": 0, "indexes": 0})
        if o["kind"] == "table":
            entry["rows"], entry["table"] = o.get("rows", 0), o["bytes"]
        else:
            entry["indexes"] += o["bytes"]
    ordered = sorted(tables.items(), key=lambda item: -(item[1]["table"] + item[1]["indexes"]))
    rows = [
        "",
        f"Store size at the largest size: {_mb(size['file_bytes'])} "
        f"({_n(size['pages'])} pages of {size['page_size']} bytes, {_n(size['free_pages'])} free; "
        f"WAL {_mb(size['wal_bytes'])}). Per table, from `dbstat` on the plaintext copy "
        f"({_mb(size['plaintext_copy_bytes'])}: compacted, pages without SQLCipher's reserve):",
        "",
        "| table | rows | table | its indexes | share |",
        "| --- | --- | --- | --- | --- |",
    ]
    shown = ordered[:10]
    for name, entry in shown:
        part = entry["table"] + entry["indexes"]
        rows.append(
            f"| {name} | {_n(entry['rows'])} | {_mb(entry['table'])} | {_mb(entry['indexes'])} | "
            f"{part / total:.0%} |"
        )
    rest = ordered[10:]
    if rest:
        part = sum(e["table"] + e["indexes"] for _, e in rest)
        rows.append(f"| {len(rest)} other tables | – | – | – | {part / total:.0%} ({_mb(part)}) |")
    return rows


def _imports(figure: dict[str, Any]) -> list[str]:
    packages = ", ".join(f"{name} {_s(ms)}" for name, ms in figure["heaviest_packages_ms"])
    unneeded = ", ".join(figure["not_needed_but_imported"]) or "none"
    under = figure.get("startup_ms_under_importtime")
    return [
        "",
        f"Imports, from one start at the largest size under `-X importtime` (which slows it: "
        f"{_s(under) if under else '?'} to the first paint): {_s(figure['imports_ms'])} of "
        f"imports in all; each package's own modules: {packages}. Imported although the first "
        f"window does not need them: {unneeded}.",
    ]


def render(summary: dict[str, Any]) -> str:
    lines = _header(summary) + _main_table(summary)
    if summary.get("imports"):
        lines += _imports(summary["imports"])
    store = summary.get("store")
    if store:
        lines += _encryption(store) + _size(store)
    for part, error in summary.get("errors", {}).items():
        lines += ["", f"**{part} failed:** `{error.splitlines()[0][:300]}`"]
    lines.append(END)
    return "\n".join(lines) + "\n"


def write_section(results_md: Path, section: str) -> None:
    """Put ``section`` in place of the previous generated one, or, the first time, above
    the first ``## `` section (below the file's introduction)."""
    text = (
        results_md.read_text(encoding="utf-8") if results_md.exists() else "# Benchmark results\n"
    )
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1].lstrip("\n")
        new = before + section + "\n" + after
    else:
        at = text.find("\n## ")
        if at < 0:
            new = text.rstrip("\n") + "\n\n" + section
        else:
            new = text[: at + 1] + section + "\n" + text[at + 1 :]
    tmp = results_md.with_suffix(".tmp")
    tmp.write_text(new, encoding="utf-8")
    tmp.replace(results_md)
