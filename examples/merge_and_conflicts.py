"""Merge a folder of reports and print every conflict with the claims and sources behind it.

    python examples/merge_and_conflicts.py [FOLDER]

Each NAME.txt may have a NAME.meta.json sidecar with {"published": "YYYY-MM-DD"}. Without a folder, the
sample reports bundled with the package are used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from importlib import resources
from pathlib import Path

from ghouta_events import Report, merge, parse


def read_folder(folder: Path) -> list[Report]:
    reports = []
    for path in sorted(folder.glob("*.txt")):
        sidecar = path.with_name(f"{path.stem}.meta.json")
        published = None
        if sidecar.exists():
            value = json.loads(sidecar.read_text(encoding="utf-8")).get("published")
            published = dt.date.fromisoformat(value) if value else None
        reports.append(parse(path.read_text(encoding="utf-8"), published=published, report_id=path.stem))
    return reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path)
    args = parser.parse_args()
    folder = args.folder or Path(str(resources.files("ghouta_events.samples")))
    dataset = merge(read_folder(folder))
    print(f"{len(dataset.reports)} reports, {len(dataset.convoys)} movements, {len(dataset.conflicts)} conflicts")
    records = {c.id: c for c in dataset.convoys}
    for conflict in dataset.conflicts:
        convoy = records.get(conflict.record)
        where = f"{convoy.origin.name if convoy and convoy.origin else '?'}" if convoy else conflict.record
        print(f"\n{where} [{conflict.kind.value}] {conflict.message}")
        for claim in conflict.claims:
            chain = " < ".join(s.name for s in claim.sources) or "the outlet itself"
            print(f"   {claim.quantity.qualifier.value:>9} {claim.quantity.value:>7,}  {chain}  ({claim.report})")


if __name__ == "__main__":
    main()
