"""Parse one report and show what was found, with the text behind each record.

    python examples/parse_one_report.py [REPORT.txt] [--published YYYY-MM-DD]

Without a file, the first sample report bundled with the package is used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from importlib import resources
from pathlib import Path

from ghouta_events import Quantity, parse


def hedged(quantity: Quantity | None) -> str:
    if quantity is None:
        return "-"
    hedge = "" if quantity.qualifier.value == "exact" else f"{quantity.qualifier.value.replace('_', ' ')} "
    return f"{hedge}{quantity.value:,}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", type=Path)
    parser.add_argument("--published", type=dt.date.fromisoformat)
    args = parser.parse_args()
    if args.report is None:
        samples = resources.files("ghouta_events.samples")
        text = samples.joinpath("harasta_wire.txt").read_text(encoding="utf-8")
        meta = json.loads(samples.joinpath("harasta_wire.meta.json").read_text(encoding="utf-8"))
        published, name = dt.date.fromisoformat(meta["published"]), "harasta_wire"
    else:
        text, published, name = args.report.read_text(encoding="utf-8"), args.published, args.report.stem

    report = parse(text, published=published, report_id=name)
    print(f"Report {report.id}: dates read against {report.anchor.start if report.anchor else 'nothing'}")
    print("Factions:", ", ".join(f.name for f in report.factions) or "-")
    print("Sources: ", ", ".join(s.name for s in report.sources) or "-")
    print("Places:  ", ", ".join(p.name for p in report.places) or "-")
    for convoy in report.convoys:
        chain = " citing ".join(s.name for s in reversed(convoy.sources)) or "the outlet itself"
        print(f"\nConvoy {convoy.id}: {convoy.origin.name if convoy.origin else '?'} -> "
              f"{convoy.destination.name if convoy.destination else '?'} on "
              f"{convoy.date.start if convoy.date else 'an unknown day'}, according to {chain}")
        print(f"  buses {hedged(convoy.buses)}, people {hedged(convoy.people)}, "
              f"fighters {hedged(convoy.fighters)}, civilians {hedged(convoy.civilians)}")
        if convoy.inferred:
            print(f"  taken from context: {', '.join(convoy.inferred)}")
        for span in convoy.spans:
            print(f"  | {report.excerpt(span)}")
    for figure in report.figures:
        print(f"\nFigure {figure.kind.value}: {hedged(figure.quantity)} "
              f"({', '.join(s.name for s in figure.sources) or 'the outlet itself'})")
    for item in report.unplaced:
        print(f"\nUnplaced {item.kind.value} {item.text!r}: {item.reason}")


if __name__ == "__main__":
    main()
