"""The ghouta-events command: the pipeline, sidecars, exit codes and one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from ghouta_events import (
    ConsolidatedConvoy,
    ConsolidatedEvent,
    ConsolidatedFigure,
    Convoy,
    Dataset,
    Event,
    Figure,
    Report,
    from_json,
    merge,
    to_json,
)
from ghouta_events._cli import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main

FIRST = "Twelve buses carrying 600 fighters and their families left Douma for Jarablus on Monday, SANA said.\n"
SECOND = "About 650 people left Douma on Monday, the Syrian Observatory for Human Rights said.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "one.txt").write_text(FIRST, encoding="utf-8")
    (reports / "one.meta.json").write_text(json.dumps({"published": "2018-04-03"}), encoding="utf-8")
    (reports / "two.txt").write_text(SECOND, encoding="utf-8")
    (reports / "two.meta.json").write_text(json.dumps({"published": "2018-04-03"}), encoding="utf-8")
    return reports


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_writes_one_report_per_line_with_sidecar_dates(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["parse", str(folder)], capsys)
    assert (code, err) == (EXIT_OK, "")
    reports = [from_json(line) for line in out.splitlines()]
    assert [r.id for r in reports if isinstance(r, Report)] == ["one", "two"]
    first = reports[0]
    assert isinstance(first, Report)
    assert first.published is not None
    assert first.published.isoformat() == "2018-04-03"
    assert first.convoys[0].date is not None
    assert first.convoys[0].date.start.isoformat() == "2018-04-02"


def test_pipeline_parse_merge_show(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = tmp_path / "reports.jsonl"
    dataset_file = tmp_path / "dataset.json"
    assert run(["parse", str(folder), "-o", str(lines)], capsys)[0] == EXIT_OK
    assert run(["merge", str(lines), "-o", str(dataset_file)], capsys)[0] == EXIT_OK
    dataset = from_json(dataset_file.read_text(encoding="utf-8"))
    assert isinstance(dataset, Dataset)
    assert [len(c.members) for c in dataset.convoys] == [2]
    code, out, _ = run(["show", str(dataset_file), "--place", "Eastern Ghouta"], capsys)
    assert code == EXIT_OK
    assert "Douma -> Jarablus" in out
    assert "SANA" in out
    assert "SOHR" in out


def test_show_filters_by_date(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = tmp_path / "reports.jsonl"
    run(["parse", str(folder), "-o", str(lines)], capsys)
    _, out, _ = run(["show", str(lines), "--since", "2018-05-01"], capsys)
    assert "Movements (0)" in out


def test_parse_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(FIRST))
    code, out, _ = run(["parse", "--published", "2018-04-03", "--id", "piped"], capsys)
    report = from_json(out)
    assert code == EXIT_OK
    assert isinstance(report, Report)
    assert report.id == "piped"


def test_missing_path_is_one_line_and_usage_exit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["parse", "no/such/folder"], capsys)
    assert code == EXIT_USAGE
    assert out == ""
    assert err.strip().count("\n") == 0
    assert "no/such/folder" in err
    assert "Traceback" not in err


def test_folder_without_reports_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["parse", str(tmp_path)], capsys)
    assert code == EXIT_USAGE
    assert "holds no .txt reports" in err


def test_one_bad_file_does_not_stop_the_batch(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "bad.txt").write_bytes(b"\xff\xfe not text")
    code, out, err = run(["parse", str(folder)], capsys)
    assert code == EXIT_PARTIAL
    assert len(out.splitlines()) == 2
    assert "bad.txt" in err
    assert "not UTF-8" in err


def test_bad_sidecar_is_named(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "one.meta.json").write_text('{"published": "last spring"}', encoding="utf-8")
    code, _, err = run(["parse", str(folder)], capsys)
    assert code == EXIT_PARTIAL
    assert "one.meta.json" in err


def test_merge_rejects_what_is_not_a_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.jsonl"
    junk.write_text("this is not json\n", encoding="utf-8")
    code, out, err = run(["merge", str(junk)], capsys)
    assert code == EXIT_USAGE
    assert out == ""
    assert "junk.jsonl" in err
    assert "line 1" in err


def test_output_file_is_replaced_whole(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old contents\n", encoding="utf-8")
    run(["parse", str(folder), "-o", str(target)], capsys)
    assert "old contents" not in target.read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_bad_date_argument_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["parse", "--published", "yesterday"])
    assert stop.value.code == EXIT_USAGE
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_demo_prints_the_merged_samples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["demo", "--quiet"], capsys)
    assert code == EXIT_OK
    assert out.startswith("Parsed 5 bundled sample reports")
    assert "Conflicts (" in out


def test_module_entry_point() -> None:
    done = subprocess.run([sys.executable, "-m", "ghouta_events", "--version"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0
    assert done.stdout.startswith("ghouta-events ")


def _Stdin(text: str | bytes) -> io.TextIOWrapper:
    """A stand-in for sys.stdin holding fixed bytes (text is encoded as UTF-8), read through ``.buffer``."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


# --- merge: read line by line, reports kept in the dataset only when asked -------------------------------------

THIRD = ("The Red Crescent said 14 buses took 700 civilians from Douma to Jarablus on Monday.\n"
         "A second convoy of 9 buses left Harasta for Idlib on Tuesday, according to the monitor.\n")


def _parsed(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, list[Report]]:
    (folder / "three.txt").write_text(THIRD, encoding="utf-8")
    (folder / "three.meta.json").write_text(json.dumps({"published": "2018-04-04"}), encoding="utf-8")
    # A copy of the first report under another id: counted once, whatever the output keeps.
    (folder / "zcopy.txt").write_text(FIRST, encoding="utf-8")
    lines = tmp_path / "reports.jsonl"
    assert run(["parse", str(folder), "-o", str(lines)], capsys)[0] == EXIT_OK
    reports = [r for r in (from_json(line) for line in lines.read_text(encoding="utf-8").splitlines())
               if isinstance(r, Report)]
    return lines, reports


def test_merge_without_texts_keeps_the_records_traceable(folder: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    lines, reports = _parsed(folder, tmp_path, capsys)
    code, out, err = run(["merge", str(lines)], capsys)
    assert (code, err) == (EXIT_OK, "")
    dataset = from_json(out)
    assert isinstance(dataset, Dataset)
    assert dataset.reports == ()
    whole = merge(reports)
    assert out == to_json(attrs.evolve(whole, reports=())) + "\n"
    assert (dataset.convoys, dataset.figures, dataset.events, dataset.conflicts) == (
        whole.convoys, whole.figures, whole.events, whole.conflicts)
    by_id = {report.id: report for report in reports}
    traced = 0
    records: list[ConsolidatedConvoy | ConsolidatedFigure | ConsolidatedEvent] = [
        *dataset.convoys, *dataset.figures, *dataset.events]
    for record in records:
        members: tuple[Convoy | Figure | Event, ...] = record.members
        for member, report_id in zip(members, record.reports, strict=True):
            report = by_id[report_id]
            assert member in (*report.convoys, *report.figures, *report.events)
            assert all(report.excerpt(span) for span in member.spans)
            traced += 1
    assert traced >= 3


def test_merge_with_texts_writes_what_merge_gives(folder: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    lines, reports = _parsed(folder, tmp_path, capsys)
    code, out, err = run(["merge", "--with-texts", str(lines)], capsys)
    assert (code, err) == (EXIT_OK, "")
    assert out == to_json(merge(reports)) + "\n"
    dataset = from_json(out)
    assert isinstance(dataset, Dataset)
    assert dataset.copies() == (("one", "zcopy"),)


def test_a_dataset_without_texts_takes_in_no_more_reports(folder: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    lines, _ = _parsed(folder, tmp_path, capsys)
    bare, full = tmp_path / "bare.json", tmp_path / "full.json"
    assert run(["merge", str(lines), "-o", str(bare)], capsys)[0] == EXIT_OK
    assert run(["merge", str(lines), "--with-texts", "-o", str(full)], capsys)[0] == EXIT_OK
    code, out, err = run(["merge", str(bare), str(lines)], capsys)
    assert (code, out) == (EXIT_USAGE, "")
    assert "--with-texts" in err
    code, out, err = run(["merge", "--with-texts", str(full), str(lines)], capsys)
    assert (code, err) == (EXIT_OK, "")
    assert out == full.read_text(encoding="utf-8")


def test_show_counts_the_reports_a_dataset_without_texts_names(folder: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    lines, reports = _parsed(folder, tmp_path, capsys)
    bare = tmp_path / "bare.json"
    assert run(["merge", str(lines), "-o", str(bare)], capsys)[0] == EXIT_OK
    code, out, err = run(["show", str(bare)], capsys)
    assert (code, err) == (EXIT_OK, "")
    # The copy of the first report is counted once, through the telling.
    told = {r.id for r in reports if r.convoys or r.figures or r.events} - {"zcopy"}
    assert out.startswith(f"{len(told)} report(s) merged into")


def test_sqlite_needs_the_reports_of_a_dataset(folder: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    lines, _ = _parsed(folder, tmp_path, capsys)
    bare, database = tmp_path / "bare.json", tmp_path / "out.db"
    assert run(["merge", str(lines), "-o", str(bare)], capsys)[0] == EXIT_OK
    code, out, err = run(["export", "--format", "sqlite", str(bare), "-o", str(database)], capsys)
    assert (code, out) == (EXIT_USAGE, "")
    assert "--with-texts" in err
    assert not database.exists()
    assert run(["export", "--format", "csv", str(bare), "-o", str(tmp_path / "out.csv")], capsys)[0] == EXIT_OK
    assert run(["export", "--format", "sqlite", str(lines), "-o", str(database)], capsys)[0] == EXIT_OK
