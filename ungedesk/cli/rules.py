"""``ungedesk rules``: the deadline rules in force, loading a newer rule file, expected rules.

    ungedesk rules show --date 2026-03-15 [--target-group lab6_4]
    ungedesk rules load FILE [--dry-run] [--yes] [--force]
    ungedesk rules expected on|off [--yes]

The parser is in ``ungedesk.cli.parser``; the store opening, progress bar and Ctrl+C
handling are the other commands' (``common`` and ``opening``).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ungedesk.cli.common import ProgressBar, StopRequest, ask, interactive, number, say, warn
from ungedesk.cli.opening import open_store
from ungedesk.domain.errors import InputError
from ungedesk.domain.rule_file import rules_in_force
from ungedesk.domain.rule_text import (
    dates_text,
    kind_label,
    meets_text,
    period_text,
    short_date,
    who_text,
)
from ungedesk.services import rulesets, target_groups
from ungedesk.store.paths import StorePaths


def cmd_rules(args: argparse.Namespace, paths: StorePaths) -> int:
    action: str = args.rules_action
    if action == "show":
        return _show(args, paths)
    if action == "load":
        return _load(args, paths)
    return _expected(args, paths)


# --- show ----------------------------------------------------------------------------------


def _show(args: argparse.Namespace, paths: StorePaths) -> int:
    day: date = args.date
    group: str | None = args.target_group
    opened = open_store(paths)
    try:
        found = rulesets.listing(opened.store)
    finally:
        opened.store.close()
    known = {code for code, _ in target_groups.all_codes()} | {
        g for r in found.rules for g in r.target_groups
    }
    if group is not None and group not in known:
        raise InputError(
            {
                "target_group": f"Målgruppen {group!r} kendes ikke. Brug en af: "
                + ", ".join(sorted(known))
                + "."
            }
        )
    in_force = rules_in_force(found.rules, day, group)
    switched_off = [r for r in in_force if r.expected and not found.expected_enabled]
    shown = [r for r in in_force if r not in switched_off]
    version = found.in_force.version
    origin = "indlæst regelfil" if found.in_force.loaded else "fulgte med programmet"
    for_group = f" for målgruppe {group}" if group else ""
    named = f"version {version.isoformat()}" if version else "uden versionsdato"
    say(f"Regler i kraft {short_date(day)}{for_group}: {len(shown)} (regelsæt {named}, {origin}).")
    for rule in shown:
        say()
        say(f"{rule.id} ({kind_label(rule)})")
        say(f"  {rule.description}")
        say(f"  Frist: {period_text(rule)}; opfyldes af {meets_text(rule)}")
        say(f"  For: {who_text(rule, dict(target_groups.all_codes()))}")
        say(f"  Periode: {dates_text(rule)}")
        say(f"  Kilde: {rule.source_on(day)}")
    if switched_off:
        say()
        say(
            f"{len(switched_off)} forventede regler gælder også den dag, men er slået fra "
            "(ungedesk rules expected on): " + ", ".join(r.id for r in switched_off)
        )
    return 0


# --- load ----------------------------------------------------------------------------------


def _confirm(question: str, yes: bool) -> bool:
    if yes:
        return True
    if not interactive():
        raise InputError(
            {"yes": "Der er ingen terminal at spørge i: tilføj --yes for at gå videre."}
        )
    return ask(f"{question} [j/N]").strip().lower() in ("j", "ja", "y", "yes")


def _load(args: argparse.Namespace, paths: StorePaths) -> int:
    data = rulesets.read_rule_file(Path(args.file))
    # Checked before the store is opened: a bad file is told without touching anything.
    rulesets.check_rule_file(data)
    opened = open_store(paths)
    try:
        bar = ProgressBar(sys.stderr, "Beregner")
        try:
            preview = rulesets.preview(opened.store, data, progress=bar)
        finally:
            bar.close()
        for line in rulesets.describe_preview(preview):
            say(line)
        if args.dry_run:
            say("Prøvekørsel: intet er ændret.")
            return 0
        # A refused file goes straight to apply, which says why; no question first.
        refused = preview.same or preview.shadowed or (preview.older and not args.force)
        if not refused and not _confirm(
            "Tag regelsættet i brug og genberegn alle frister?", args.yes
        ):
            say("Intet er ændret.")
            return 0
        stop = StopRequest()
        bar = ProgressBar(sys.stderr, "Genberegner frister")
        try:
            with stop.installed():
                applied = rulesets.apply(
                    opened.store, data, force=args.force, progress=bar, cancel=stop
                )
        finally:
            bar.close()
    finally:
        opened.store.close()
    r = applied.recomputed
    say(
        f"Regelsæt version {applied.version.isoformat()} er taget i brug. Fristerne er "
        f"genberegnet for {number(r.cases)} sager ({number(r.cases_changed)} ændret), "
        "og indlæsningen er skrevet i adgangsloggen."
    )
    return 0


# --- expected rules ------------------------------------------------------------------------

EXPECTED_WARNING = (
    "Forventede regler bygger på lovforslag, hvis endelige tekst ikke er bekræftet (fx den "
    "nye beskæftigelseslov, forventet 1. januar 2027). Slås de til, beregnes fristerne for "
    "alle sager også efter dem. Kontrollér dem mod den vedtagne lov."
)


def _expected(args: argparse.Namespace, paths: StorePaths) -> int:
    enabled = args.switch == "on"
    opened = open_store(paths)
    try:
        if enabled:
            warn(EXPECTED_WARNING)
            if not _confirm("Slå de forventede regler til?", args.yes):
                say("Intet er ændret.")
                return 0
        stop = StopRequest()
        bar = ProgressBar(sys.stderr, "Genberegner frister")
        try:
            with stop.installed():
                switched = rulesets.set_expected(opened.store, enabled, progress=bar, cancel=stop)
        finally:
            bar.close()
    finally:
        opened.store.close()
    state = "slået til" if enabled else "slået fra"
    if not switched.changed:
        say(f"De forventede regler er allerede {state}. Intet er ændret.")
        return 0
    r = switched.recomputed
    say(
        f"De forventede regler ({switched.expected_rules}) er {state}. Fristerne er genberegnet "
        f"for {number(r.cases)} sager ({number(r.cases_changed)} ændret)."
    )
    return 0
