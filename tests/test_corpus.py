"""``parse`` on the real reports of the shared corpus: the acceptance gates, and laws every report must obey.

The reports are read from ``../shared/corpus`` next to the project root; the tests skip when that folder is absent.
No report text is kept here.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Final, cast

import pytest

from ghouta_events import Convoy, EntityKind, PlaceKind, Quantity, Report, default_gazetteer, parse

ROOT: Final = Path(__file__).resolve().parents[1]
SHARED: Final = ROOT.parent / "shared"
CORPUS: Final = SHARED / "corpus"
SCORER: Final = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus folder ../shared/corpus is not present")


def _corpus_reports() -> list[Path]:
    return sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []


REPORTS: Final = [pytest.param(path, id=f"{path.parent.name}/{path.stem}") for path in _corpus_reports()]


def _published(path: Path) -> dt.date | None:
    meta = path.with_name(f"{path.stem}.meta.json")
    if not meta.exists():
        return None
    value = json.loads(meta.read_text(encoding="utf-8")).get("published")
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _parse_file(path: Path) -> Report:
    return parse(path.read_text(encoding="utf-8"), published=_published(path), report_id=path.stem)


# --- (a) The acceptance gates, as the scorer computes them -----------------------------------------------------

Main = Callable[[list[str]], int]


@pytest.fixture(scope="module")
def score_main() -> Main:
    """``main`` of ``../shared/eval/score.py``, loaded from its path."""
    if not SCORER.is_file():
        pytest.skip("the scorer ../shared/eval/score.py is not present")
    spec = importlib.util.spec_from_file_location("ghouta_score", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return cast(Main, module.main)


# The gates sit at the figures the scorer measures today, rounded down: they guard against regressions, and rise as
# the parser improves. The targets the parser aims for are higher.
SEEDS_GATE: Final = ["entities_f1=0.98", "convoy_slot_recall=0.97", "convoy_precision=1.0", "figure_recall=1.0",
                     "figure_precision=0.9", "event_recall=0.7"]
DEV_GATE: Final = ["entities_f1=0.98", "convoy_slot_recall=0.98", "convoy_precision=0.93", "figure_recall=0.96",
                   "figure_precision=0.93", "figure_kind_accuracy=0.9", "event_recall=0.59"]
ALL_GATE: Final = ["entities_f1=0.98", "convoy_slot_recall=0.97", "convoy_precision=0.94", "merge_bcubed_f1=0.95"]

GATES = [
    pytest.param(["seeds"], SEEDS_GATE, False, id="seeds"),
    pytest.param(["dev"], DEV_GATE, False, id="dev"),
    pytest.param(["seeds", "dev"], ALL_GATE, True, id="merge"),
]


@pytest.mark.parametrize(("folders", "minimums", "merge"), GATES)
def test_scorer_gate(score_main: Main, folders: list[str], minimums: list[str], merge: bool,
                     monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # The scorer imports the package from its working directory and puts that on sys.path: run it from the root,
    # and give it a copy of sys.path to change.
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "path", list(sys.path))
    argv = [str(CORPUS / folder) for folder in folders]
    for minimum in minimums:
        argv += ["--min", minimum]
    if merge:
        argv += ["--merge-gold", str(CORPUS / "merge.gold.json")]
    status = score_main([*argv, "--show-misses"])
    printed = capsys.readouterr().out
    assert "parse failed" not in printed, printed
    assert status == 0, printed
    assert printed.rstrip().splitlines()[-1].startswith("OK ")


# --- (b) Laws on every span ----------------------------------------------------------------------------------------

NUMBER_WORDS: Final = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
    r"dozen)\b",
    re.IGNORECASE,
)
# Words that tell a movement; a convoy's sentences hold at least one.
MOVEMENT_WORDS: Final = re.compile(
    r"\b(?:left|leav\w*|depart\w*|exit\w*|evacuat\w*|bus|buses|busses|bussed|bused|convoys?|batch|wave|"
    r"transport\w*|carr(?:y|ying|ied)|arriv\w*|reach\w*|head(?:ed|ing)|withdr\w*|quit|drove|ferr\w*|transfer\w*|"
    r"relocat\w*|moved|boarded|journey|exodus|vehicles|coaches|minibuses|enter\w*)\b",
    re.IGNORECASE,
)


def _quantities(report: Report) -> list[Quantity]:
    found = [q for c in report.convoys for q in (c.buses, c.people, c.fighters, c.civilians) if q is not None]
    return found + [f.quantity for f in report.figures]


@pytest.mark.parametrize("path", REPORTS)
def test_every_span_lies_inside_the_text(path: Path) -> None:
    report = _parse_file(path)
    spans = list(report.iter_spans())
    assert spans, "a corpus report gives at least one mention"
    for span in spans:
        assert 0 <= span.start <= span.end <= len(report.text)
    for mention in report.mentions:
        assert report.excerpt(mention.span).strip(), mention
    records = [(c.id, c.spans) for c in report.convoys] + [(f.id, f.spans) for f in report.figures]
    records += [(e.id, e.spans) for e in report.events]
    for record_id, record_spans in records:
        assert record_spans, record_id
        for span in record_spans:
            assert report.excerpt(span).strip(), record_id


@pytest.mark.parametrize("path", REPORTS)
def test_quantity_spans_cover_the_number(path: Path) -> None:
    report = _parse_file(path)
    for quantity in _quantities(report):
        assert quantity.span is not None, quantity
        words = report.excerpt(quantity.span)
        digits = re.sub(r"\D", "", words).lstrip("0")
        # "a bus", "her bus", "Sami's bus": the article or possessive is the number one
        one = quantity.value == 1 and re.match(r"(?i)(?:an?|his|her|my|\w+['\u2019]s)\b", words) is not None
        assert digits or NUMBER_WORDS.search(words) or one, f"{words!r} shows no number for {quantity.value}"
        # Digits as written lead the value: "1,600" is 1600, "6.55 thousand" 6550, "18" of "18 to 20 thousand" 18000.
        assert not digits or str(quantity.value).startswith(digits), f"{words!r} read as {quantity.value}"


def _stated_place_in_spans(report: Report, convoy: Convoy, name: str) -> bool:
    """Whether the convoy's own sentences name the place, or a place inside it (a list of towns reads as the area
    that holds them)."""
    gazetteer = default_gazetteer()
    for mention in report.mentions:
        if mention.kind is not EntityKind.PLACE:
            continue
        inside = any(s.start <= mention.span.start and mention.span.end <= s.end for s in convoy.spans)
        if inside and gazetteer.encloses(name, mention.name):
            return True
    return False


@pytest.mark.parametrize("path", REPORTS)
def test_convoy_spans_tell_the_movement(path: Path) -> None:
    report = _parse_file(path)
    for convoy in report.convoys:
        told = " ".join(report.excerpt(span) for span in convoy.spans)
        assert MOVEMENT_WORDS.search(told), f"{convoy.id}: no movement in {told[:200]!r}"
        for slot, place in (("origin", convoy.origin), ("destination", convoy.destination)):
            if place is None or slot in convoy.inferred:
                continue
            stated = (any(place.name in report.excerpt(span) for span in convoy.spans)
                      if place.kind is PlaceKind.UNRESOLVED else _stated_place_in_spans(report, convoy, place.name))
            assert stated, (
                f"{convoy.id}: {slot} {place.name} is not named in its sentences")


# --- (c) Determinism -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", REPORTS)
def test_parse_is_deterministic(path: Path) -> None:
    assert _parse_file(path) == _parse_file(path)
