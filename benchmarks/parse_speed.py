"""How fast parse() reads text, against the floor any name-finding parser has: one regex pass of the names.

Run from the repository root (never part of the test suite)::

    python benchmarks/parse_speed.py            # about 5 MB of generated reports
    python benchmarks/parse_speed.py --mb 20

The corpus is generated at run time from the sentences of the shared corpus (``../shared/corpus``, when present)
and of the sample reports bundled with the package: sentences are shuffled across reports, numbers, places and
weekdays are varied, so no cache can remember a report. In the same run it measures

* the baseline: one pass of one compiled alternation of every gazetteer spelling, built as a prefix trie, with
  the ``regex`` module (case-insensitive);
* ``parse`` over the same reports: MB/s, reports/s, and the peak memory of the process.

Absolute times drift between machines and runs; the figure to quote is the ratio parse/baseline.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ghouta_events import default_gazetteer, parse, sample_paths
from ghouta_events._text._sentences import iter_sentences

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
RE_NUMBER = regex.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
RE_WEEKDAY = regex.compile("|".join(WEEKDAYS))


def sentences() -> list[str]:
    """Every sentence of the texts the generator draws on."""
    paths = [*sample_paths(), *(sorted(SHARED.glob("*/*.txt")) if SHARED.is_dir() else [])]
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        out.extend(text[s.start : s.end] for s in iter_sentences(text))
    return out


def generate(megabytes: float, seed: int = 11) -> list[str]:
    """Reports of 8 to 30 sentences each, about ``megabytes`` in all, with varied numbers, places and days."""
    rng = random.Random(seed)
    pool = sentences()
    gaz = default_gazetteer()
    towns = [p.name for p in gaz.places.values() if p.country == "Syria" and p.kind.value in ("town", "district")]
    town_pattern = regex.compile(r"\b(?:" + "|".join(regex.escape(t) for t in sorted(towns, key=len, reverse=True))
                                 + r")\b")
    reports, size = [], 0
    while size < megabytes * 1_000_000:
        body = []
        for _ in range(rng.randint(8, 30)):
            sentence = rng.choice(pool)
            sentence = RE_NUMBER.sub(lambda m: f"{int(m.group().replace(',', '')) * rng.randint(1, 9) // 5:,}",
                                     sentence)
            sentence = town_pattern.sub(lambda _: rng.choice(towns), sentence)
            sentence = RE_WEEKDAY.sub(lambda _: rng.choice(WEEKDAYS), sentence)
            body.append(sentence)
        paragraphs = [" ".join(body[i : i + rng.randint(1, 4)]) for i in range(0, len(body), 3)]
        report = "\n\n".join(paragraphs)
        reports.append(report)
        size += len(report)
    return reports


def trie_pattern(words: list[str]) -> str:
    """One alternation of the words as a prefix trie ("al-(?:bab|marj)..."): what a regex engine scans fastest."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [regex.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of generated reports (default 5)")
    args = parser.parse_args()
    reports = generate(args.mb)
    size = sum(len(r) for r in reports)
    gaz = default_gazetteer()
    spellings = sorted({a.alias.lower() for a in gaz.aliases})
    baseline = regex.compile(r"\b(?:" + trie_pattern(spellings) + r")\b", regex.IGNORECASE)

    start = time.perf_counter()
    hits = sum(1 for report in reports for _ in baseline.finditer(report))
    baseline_seconds = time.perf_counter() - start

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    records = 0
    for number, report in enumerate(reports):
        parsed = parse(report, report_id=f"r{number}")
        records += len(parsed.convoys) + len(parsed.figures) + len(parsed.events)
    parse_seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    mb = size / 1e6
    print(f"corpus      {len(reports):,} reports, {mb:.1f} MB")
    print(f"baseline    {mb / baseline_seconds:7.2f} MB/s   ({hits:,} name hits, one trie-alternation pass)")
    print(f"parse       {mb / parse_seconds:7.2f} MB/s   {len(reports) / parse_seconds:8.1f} reports/s   "
          f"({records:,} records)")
    print(f"peak memory {peak / 1024:7.0f} MB      (parse added {(peak - before) / 1024:.0f} MB)")
    print(f"ratio parse/baseline {baseline_seconds / parse_seconds:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
