"""How merge() scales: consolidate generated convoy records at several sizes; report time, memory, growth.

Run from the repository root (never part of the test suite)::

    python benchmarks/merge_scale.py                 # 10^4, 10^5 and 10^6 records
    python benchmarks/merge_scale.py --sizes 10000 100000

Each size runs in a fresh process, so its peak memory is its own: "peak MB" is the process's peak resident
memory (``ru_maxrss``), generation included; "merge MB" is what merging added to it. The generated archive
keeps a realistic density as it grows: about four reports tell each movement (with counts that disagree by a
few percent, some undated, some without a destination), there are a few dozen origins, and the span of days
grows with the number of records, as a longer archive covers more days. The figure to quote is the growth
factor between sizes: near-linear merging grows about tenfold for ten times the records. The merge's CPU time
is given beside its wall-clock time: on a shared machine it is the steadier of the two.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

import attrs

if os.environ.get("GHOUTA_EVENTS_BENCH_INSTALLED") != "1":  # else measure the installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ghouta_events import (
    Convoy,
    DateBasis,
    DateRange,
    Event,
    EventKind,
    Figure,
    FigureKind,
    Precision,
    Qualifier,
    Quantity,
    Report,
    default_gazetteer,
    merge,
)

_R = TypeVar("_R", Convoy, Figure, Event)

RECORDS_PER_MOVEMENT = 4
CONVOYS_PER_REPORT = 10
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
RECORDS_PER_AREA_DAY = 12
ORIGINS = 36


def generate(n_records: int, seed: int = 7) -> list[Report]:
    """Reports holding about ``n_records`` convoy records, with figures (tolls, some undated, some for a whole
    month) and events (each movement's evacuation told two to four times, a few air strikes) among them."""
    rng = random.Random(seed)
    gaz = default_gazetteer()
    towns = sorted((p for p in gaz.places.values()
                    if p.country == "Syria" and p.kind.value in ("town", "district") and p.latitude is not None),
                   key=lambda p: p.name)
    # A fixed few dozen origins, whatever the size of the gazetteer, so the density per origin and day is the
    # same at every size.
    origins = rng.sample(towns, min(ORIGINS, len(towns)))
    destinations = [gaz.place(n) for n in ("Idlib", "Jarablus", "Al-Bab", "Qalaat al-Madiq", "Azaz")]
    sources = list(gaz.sources.values())
    groups = [gaz.faction(n) for n in ("Jaish al-Islam", "Faylaq al-Rahman", "Ahrar al-Sham", "Hayat Tahrir al-Sham")]
    days = max(30, n_records // (len(origins) * RECORDS_PER_AREA_DAY // RECORDS_PER_MOVEMENT or 1))
    start = dt.date(2016, 1, 1)
    records: list[Convoy | Figure | Event] = []
    days_of: dict[str, dt.date] = {}
    movement = 0
    convoys_made = 0
    while convoys_made < n_records:
        movement += 1
        origin = rng.choice(origins)
        day = start + dt.timedelta(days=rng.randrange(days))
        days_of[f"m{movement}"] = days_of[f"f{movement}"] = day
        people = rng.randint(200, 6000)
        buses = max(1, people // rng.randint(40, 60))
        destination = rng.choice(destinations)
        group = rng.choice(groups)
        for _ in range(rng.randint(2, 2 * RECORDS_PER_MOVEMENT - 2)):
            convoys_made += 1
            drift = rng.uniform(0.95, 1.05)
            date = None if rng.random() < 0.1 else DateRange.day(
                day + dt.timedelta(days=rng.choice((0, 0, 0, 1))), basis=DateBasis.PUBLISHED)
            records.append(Convoy(
                id=f"m{movement}-{len(records)}",
                origin=origin,
                destination=destination if rng.random() < 0.7 else None,
                buses=Quantity(value=buses) if rng.random() < 0.5 else None,
                people=Quantity(value=max(1, int(people * drift)),
                                qualifier=rng.choice((Qualifier.EXACT, Qualifier.ABOUT, Qualifier.MORE_THAN))),
                factions=(group,) if rng.random() < 0.6 else (),
                sources=(rng.choice(sources),),
                date=date,
            ))
        days_of[f"e{movement}"] = day
        if rng.random() < 0.4:
            toll = rng.randint(1, 200)
            for _ in range(rng.randint(1, 3)):
                when = rng.random()
                date = (None if when < 0.2 else DateRange(start=day.replace(day=1), end=day.replace(day=28),
                                                          precision=Precision.MONTH) if when < 0.3
                        else DateRange.day(day))
                records.append(Figure(id=f"f{movement}-{len(records)}", kind=FigureKind.KILLED,
                                      quantity=Quantity(value=max(1, int(toll * rng.uniform(0.9, 1.1))),
                                                        qualifier=rng.choice((Qualifier.EXACT, Qualifier.AT_LEAST))),
                                      place=origin, sources=(rng.choice(sources),), date=date))
        for _ in range(rng.randint(2, 4)):
            records.append(Event(id=f"e{movement}-{len(records)}", kind=EventKind.EVACUATION, place=origin,
                                 factions=(group,) if rng.random() < 0.5 else (), sources=(rng.choice(sources),),
                                 date=None if rng.random() < 0.1 else DateRange.day(day)))
        if rng.random() < 0.2:
            records.append(Event(id=f"e{movement}-{len(records)}", kind=EventKind.AIR_STRIKE, place=origin,
                                 date=DateRange.day(day)))
    # A report tells of movements of the days before it is published: records are dealt to reports in order of
    # their movement's day (shuffled within a day), and each report is dated the day after its latest one.
    rng.shuffle(records)
    records.sort(key=lambda r: days_of[r.id.split("-")[0]])
    reports: list[Report] = []
    for index in range(0, len(records), CONVOYS_PER_REPORT):
        chunk = records[index : index + CONVOYS_PER_REPORT]
        rid = f"r{index // CONVOYS_PER_REPORT}"
        published = max(days_of[r.id.split("-")[0]] for r in chunk) + dt.timedelta(days=1)
        convoys = [attrs_evolve_id(c, f"{rid}#{k}") for k, c in enumerate(chunk) if isinstance(c, Convoy)]
        figures = [attrs_evolve_id(f, f"{rid}#{k}") for k, f in enumerate(chunk) if isinstance(f, Figure)]
        events = [attrs_evolve_id(e, f"{rid}#{k}") for k, e in enumerate(chunk) if isinstance(e, Event)]
        reports.append(Report(id=rid, text="", published=published, convoys=convoys, figures=figures,
                              events=events))
    return reports


def attrs_evolve_id(record: _R, new_id: str) -> _R:

    return attrs.evolve(record, id=new_id)


def run_one(size: int) -> dict[str, float]:
    """Generate about ``size`` records and merge them in this process: seconds and ``ru_maxrss`` (whole / merge)."""
    reports = generate(size)
    n = sum(len(r.convoys) for r in reports)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    dataset = merge(reports)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"records": n, "seconds": seconds, "cpu_seconds": cpu, "peak_mb": peak / 1024,
            "merge_mb": (peak - before) / 1024,
            "movements": len(dataset.convoys), "figures": len(dataset.figures), "events": len(dataset.events),
            "figure_records": sum(len(r.figures) for r in reports),
            "event_records": sum(len(r.events) for r in reports)}


def run_sizes(sizes: Sequence[int], *, progress: bool = False) -> list[dict[str, float]]:
    """:func:`run_one` for each size, each in a fresh interpreter, with the growth factor from the size before."""
    results: list[dict[str, float]] = []
    for size in sizes:
        if progress:
            print(f"merge: {size:,} records ...", file=sys.stderr, flush=True)
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], check=True, capture_output=True,
                             text=True)
        result: dict[str, float] = json.loads(out.stdout)
        if results:
            result["growth"] = result["seconds"] / results[-1]["seconds"]
            result["cpu_growth"] = result["cpu_seconds"] / results[-1]["cpu_seconds"]
            result["size_growth"] = result["records"] / results[-1]["records"]
        results.append(result)
    return results


def format_table(results: Sequence[dict[str, float]]) -> str:
    """The results as a plain-text table."""
    lines = [f"{'convoys':>10} {'figures':>9} {'events':>9} {'seconds':>9} {'CPU s':>9} {'peak MB':>9} "
             f"{'merge MB':>9} {'movements':>10} {'growth':>7} {'CPU gr.':>7}"]
    for r in results:
        growth = f"{r['growth']:.1f}x" if "growth" in r else ""
        cpu_growth = f"{r['cpu_growth']:.1f}x" if "cpu_growth" in r else ""
        lines.append(f"{r['records']:>10,} {r.get('figure_records', 0):>9,} {r.get('event_records', 0):>9,} "
                     f"{r['seconds']:>9.2f} {r.get('cpu_seconds', 0.0):>9.2f} {r['peak_mb']:>9.0f} "
                     f"{r['merge_mb']:>9.0f} {r['movements']:>10,} {growth:>7} {cpu_growth:>7}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return 0
    print(format_table(run_sizes(args.sizes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
