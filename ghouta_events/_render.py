"""A dataset as readable text: consolidated movements with the claims behind each count, figures, events and
conflicts, optionally filtered by date and place."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Final

from ._gazetteer import Gazetteer, default_gazetteer
from ._merge import Claim, ConsolidatedConvoy, ConsolidatedEvent, ConsolidatedFigure, Dataset, Tally
from ._model import DateRange, Place, Qualifier

__all__ = ["to_text"]

#: Characters a listing shows as escapes: C0 and C1 controls (ESC starts a terminal's escape sequences), DEL,
#: the line and paragraph separators, and the bidirectional controls that reorder what a terminal shows.
_UNPRINTABLE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _printable(line: str) -> str:
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), line)

_HEDGES = {
    Qualifier.EXACT: "",
    Qualifier.MORE_THAN: "more than ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.ABOUT: "about ",
    Qualifier.UP_TO: "up to ",
    Qualifier.LESS_THAN: "less than ",
}


def _date(date: DateRange | None) -> str:
    if date is None:
        return "undated   "
    if date.start == date.end:
        return date.start.isoformat()
    return f"{date.start.isoformat()}..{date.end.isoformat()}"


def _place(place: Place | None) -> str:
    return place.name if place is not None else "?"


def _claim(claim: Claim) -> str:
    chain = " < ".join(s.name for s in claim.sources) or "(the outlet's own)"
    amount = f"{_HEDGES[claim.quantity.qualifier]}{claim.quantity.value:,}"
    return f"      {amount:<18} {chain:<44} {claim.report}"


def _tally(name: str, tally: Tally | None) -> list[str]:
    if tally is None:
        return []
    e = tally.estimate
    lines = [f"    {name:<10} best {e.best:,}  (low {e.low:,}, high {e.high:,}, conservative {e.conservative:,})"]
    lines.extend(_claim(c) for c in tally.claims)
    return lines


def _convoy(c: ConsolidatedConvoy) -> list[str]:
    groups = ", ".join(f.name for f in c.factions) or "group not named"
    head = (f"  {_date(c.date)}  {_place(c.origin)} -> {_place(c.destination)}   {groups}   "
            f"{len(set(c.reports))} report(s), {len(c.members)} record(s)")
    body = [line for slot in ("buses", "people", "fighters", "civilians") for line in _tally(slot, getattr(c, slot))]
    if not body:
        sources = ", ".join(s.name for s in c.sources) or "the outlets' own reporting"
        body = [f"    no counts; told by {sources}"]
    return [head, *body]


def _figure(f: ConsolidatedFigure) -> list[str]:
    head = f"  {_date(f.date)}  {f.kind.value:<11} {_place(f.place)}"
    return [head, *_tally("count", f.quantity)]


def _event(e: ConsolidatedEvent) -> list[str]:
    groups = ", ".join(f.name for f in e.factions)
    return [f"  {_date(e.date)}  {e.kind.value:<15} {_place(e.place):<18} {groups}".rstrip()]


def _in_window(date: DateRange | None, since: dt.date | None, until: dt.date | None) -> bool:
    if since is None and until is None:
        return True
    if date is None:
        return False
    return (since is None or date.end >= since) and (until is None or date.start <= until)


def _at(places: Iterable[Place | None], wanted: str | None, gazetteer: Gazetteer) -> bool:
    if wanted is None:
        return True
    targets = {t.name for t in gazetteer.resolve(wanted)} | {wanted}
    return any(p is not None and any(gazetteer.encloses(t, p.name) or t == p.name for t in targets)
               for p in places)


def to_text(
    dataset: Dataset,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    place: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> str:
    """The dataset as a readable listing: each consolidated convoy with its estimates and the claims and sources
    behind them, then figures, events and conflicts.

    Args:
        since: keep records that end on or after this day (undated records are left out when filtering).
        until: keep records that start on or before this day.
        place: keep records at this place or within it ("Eastern Ghouta" keeps Douma); any known spelling.

    Control characters in ids and names (a line break, an escape that a terminal would act on, a bidirectional
    control) are shown as Python escapes such as ``\\x1b``, so that every record stays on its lines and the
    listing is safe to print.
    """
    gaz = gazetteer or default_gazetteer()
    convoys = [c for c in dataset.convoys if _in_window(c.date, since, until)
               and _at((c.origin, c.destination), place, gaz)]
    figures = [f for f in dataset.figures if _in_window(f.date, since, until) and _at((f.place,), place, gaz)]
    events = [e for e in dataset.events if _in_window(e.date, since, until) and _at((e.place,), place, gaz)]
    shown = {c.id for c in convoys} | {f.id for f in figures}
    conflicts = [k for k in dataset.conflicts if k.record in shown]
    # A dataset written without its reports still names them in its records (their copies aside).
    named = (*(c.reports for c in dataset.convoys), *(f.reports for f in dataset.figures),
             *(e.reports for e in dataset.events))
    told = len(dataset.reports) if dataset.reports else len({r for ids in named for r in ids})
    lines = [f"{told} report(s) merged into {len(dataset.convoys)} movement(s), "
             f"{len(dataset.figures)} figure(s), {len(dataset.events)} event(s), {len(dataset.conflicts)} conflict(s)."]
    lines += ["", f"Movements ({len(convoys)})"]
    for convoy in convoys:
        lines += _convoy(convoy)
    lines += ["", f"Figures ({len(figures)})"]
    for figure in figures:
        lines += _figure(figure)
    lines += ["", f"Events ({len(events)})"]
    for event in events:
        lines += _event(event)
    lines += ["", f"Conflicts ({len(conflicts)})"]
    titles = {c.id: f"{_date(c.date)} {_place(c.origin)} -> {_place(c.destination)}" for c in convoys}
    titles.update({f.id: f"{_date(f.date)} {f.kind.value} {_place(f.place)}" for f in figures})
    for conflict in conflicts:
        lines.append(f"  {titles.get(conflict.record, conflict.record)}: {conflict.message}")
    return "\n".join(_printable(line) for line in lines) + "\n"
