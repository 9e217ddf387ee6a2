"""Hostile input through the API and the command line: no report lost, no traceback, one clear line.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ghouta_events as ge
from ghouta_events import InputError, Report, from_json, parse, to_json
from ghouta_events._cli import EXIT_OK, EXIT_OUTPUT, EXIT_PARTIAL, EXIT_USAGE, main

ROOT: Final = Path(__file__).resolve().parents[1]
FIRST: Final = "Ten buses carrying 300 fighters left Douma for Idlib on Monday, the ministry said.\n"
SECOND: Final = "Twelve buses left Harasta.\u2028Eight more left Arbin on Tuesday.\u2029Nothing else moved.\x85End.\n"
THIRD: Final = "About 400 people left Zamalka on Wednesday, the monitor said.\n"
LINE_BREAKS: Final = "\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e\r"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _stdin(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


def _one_line_error(err: str) -> None:
    assert err.strip(), "an error is named"
    assert err.strip().count("\n") == 0, err
    assert "Traceback" not in err


@pytest.fixture
def three(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in (("a", FIRST), ("b", SECOND), ("c", THIRD)):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# --- (1) Line breaks other than "\n" ---------------------------------------------------------------------------


@given(st.lists(st.sampled_from([*LINE_BREAKS, "\n", "a", " ", "Douma", "5"]), max_size=40).map("".join))
@settings(max_examples=60, deadline=None)
def test_to_json_is_one_line_whatever_line_breaks_the_text_holds(text: str) -> None:
    report = parse(text, report_id="r")
    document = to_json(report)
    assert len(document.splitlines()) == 1
    assert not set(document) & set("\u2028\u2029\x85\n")
    assert from_json(document) == report


def test_a_line_break_in_one_report_loses_no_report_in_the_pipeline(three: list[Path], tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    lines = tmp_path / "reports.jsonl"
    assert run(["parse", *map(str, three), "-o", str(lines)], capsys)[0] == EXIT_OK
    code, out, err = run(["merge", "--with-texts", str(lines)], capsys)
    assert (code, err) == (EXIT_OK, "")
    dataset = from_json(out)
    assert isinstance(dataset, ge.Dataset)
    assert [r.id for r in dataset.reports] == ["a", "b", "c"]
    assert dataset.reports[1].text == SECOND


def test_json_lines_written_by_others_with_raw_separators_are_read(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    # A writer that leaves U+2028 raw inside a string still wrote valid JSON Lines: split on "\n" only.
    reports = [parse(text, report_id=name) for name, text in (("a", FIRST), ("b", SECOND), ("c", THIRD))]
    raw = "\n".join(json.dumps(json.loads(to_json(r)), ensure_ascii=False) for r in reports) + "\n"
    assert "\u2028" in raw
    path = tmp_path / "raw.jsonl"
    path.write_text(raw, encoding="utf-8")
    assert [r.id for r in ge.read_reports(path) if isinstance(r, Report)] == ["a", "b", "c"]


# --- (2) A failed merge writes nothing --------------------------------------------------------------------------


def test_a_failed_merge_writes_no_partial_dataset(three: list[Path], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    lines = tmp_path / "reports.jsonl"
    run(["parse", *map(str, three), "-o", str(lines)], capsys)
    with lines.open("a", encoding="utf-8") as handle:
        handle.write('{"schema": "ghouta-events", "broken\n')
    target = tmp_path / "out.json"
    code, out, err = run(["merge", str(lines), "-o", str(target)], capsys)
    assert code == EXIT_USAGE
    assert out == ""
    assert "line 4" in err
    _one_line_error(err)
    assert not target.exists()
    target.write_text("the old dataset\n", encoding="utf-8")
    assert run(["merge", str(lines), "-o", str(target)], capsys)[0] == EXIT_USAGE
    assert target.read_text(encoding="utf-8") == "the old dataset\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.txt", "out.json", "reports.jsonl"]


# --- (3) Hostile JSON -------------------------------------------------------------------------------------------


def _report_document(**changes: object) -> dict[str, object]:
    document = json.loads(to_json(parse(FIRST, report_id="r")))
    document["data"].update(changes)
    return dict(document)


HOSTILE: Final[dict[str, Callable[[], str | bytes]]] = {
    "deep-arrays": lambda: "[" * 100_000 + "]" * 100_000,
    "deep-objects": lambda: '{"a":' * 100_000 + "1" + "}" * 100_000,
    "huge-integer": lambda: '{"schema": "ghouta-events", "version": ' + "9" * 5000 + "}",
    "not-utf8": lambda: b'{"schema": "ghouta-events", "version": 1, "type": "report", "data": {"id": "\xff"}}',
    "nan": lambda: '{"schema": "ghouta-events", "version": 1, "type": "report", "data": NaN}',
    "float-of-400-digits": lambda: json.dumps(_with_number("latitude", "1" * 400)),
    "infinite-float": lambda: json.dumps(_with_number("longitude", "1e999")),
    "count-above-2**63": lambda: json.dumps(_with_number("value", str(2**64))),
    "span-above-2**63": lambda: json.dumps(_with_number("end", str(2**70))),
    "lone-surrogate": lambda: json.dumps(_report_document(id="r\ud800")),
}


def _with_number(field: str, number: str) -> str:
    """A report document whose first ``field`` holds ``number`` (written as it is) instead of its value."""
    text = to_json(parse(FIRST, report_id="r"))
    changed = re.sub(rf'"{field}":-?[0-9.]+', f'"{field}":{number}', text, count=1)
    assert changed != text
    return changed


@pytest.mark.parametrize("name", list(HOSTILE))
def test_from_json_refuses_hostile_documents_with_input_error(name: str) -> None:
    payload = HOSTILE[name]()
    if isinstance(payload, str) and payload.startswith('"'):
        payload = json.loads(payload)  # the hostile document, from its quoted form
    with pytest.raises(InputError):
        from_json(payload)


def test_a_count_above_64_bits_names_the_field() -> None:
    with pytest.raises(InputError, match=r"buses\.value: .* out of range"):
        from_json(_with_number("value", str(2**64)))
    with pytest.raises(InputError, match=r"latitude: .* out of range"):
        from_json(_with_number("latitude", "1" * 400))
    with pytest.raises(InputError, match=r"longitude: inf is not a finite number"):
        from_json(_with_number("longitude", "1e999"))
    # The largest 64-bit integer is in range (and then refused for what it means, not for its size).
    with pytest.raises(InputError, match=r"span.*outside its text"):
        from_json(_with_number("end", str(2**63 - 1)))


def test_load_of_a_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder") as raised:
        ge.load(tmp_path)
    assert raised.value.path == str(tmp_path)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_the_cli_names_a_hostile_input_in_one_line(name: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    payload = HOSTILE[name]()
    if isinstance(payload, str) and payload.startswith('"'):
        payload = json.loads(payload)
    path = tmp_path / "hostile.json"
    path.write_bytes(payload if isinstance(payload, bytes) else payload.encode("utf-8", "surrogatepass"))
    for command in (["merge"], ["show"], ["export", "--format", "csv"]):
        code, out, err = run([*command, str(path)], capsys)
        assert (code, out) == (EXIT_USAGE, ""), command
        _one_line_error(err)
        assert str(path) in err


@pytest.mark.parametrize("sidecar", [b"[" * 100_000, b'{"published": "2018-04-0\xff"}', b'{"published": ' + b"1" * 5000
                                     + b"}", b'{"published": 2018}', b'{"published": NaN}'])
def test_a_hostile_sidecar_fails_its_file_only(sidecar: bytes, three: list[Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    three[1].with_name("b.meta.json").write_bytes(sidecar)
    code, out, err = run(["parse", *map(str, three)], capsys)
    assert code == EXIT_PARTIAL
    assert [r.id for r in map(from_json, out.splitlines()) if isinstance(r, Report)] == ["a", "c"]
    _one_line_error(err)
    assert "b.meta.json" in err


def test_a_hostile_sidecar_is_an_input_error_on_the_dask_path(three: list[Path]) -> None:
    pytest.importorskip("dask")
    from ghouta_events import dask as ge_dask

    three[1].with_name("b.meta.json").write_bytes(b"[" * 100_000)
    with pytest.raises(InputError, match=r"b\.meta\.json"):
        ge_dask.read_reports(three, npartitions=1).compute(scheduler="sync")  # type: ignore[no-untyped-call]


def test_a_sidecar_with_a_byte_order_mark_is_read(three: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    three[0].with_name("a.meta.json").write_bytes(b"\xef\xbb\xbf" + json.dumps({"published": "2018-04-03"}).encode())
    three[1].write_bytes(b"\xef\xbb\xbf" + SECOND.encode("utf-8"))
    code, out, err = run(["parse", *map(str, three)], capsys)
    assert (code, err) == (EXIT_OK, "")
    first, second, _ = map(from_json, out.splitlines())
    assert isinstance(first, Report)
    assert isinstance(second, Report)
    assert first.published == dt.date(2018, 4, 3)
    assert second.text == SECOND


# --- (4) Standard input -----------------------------------------------------------------------------------------


def test_parse_names_stdin_and_the_offset_of_bytes_that_are_not_utf8(monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", _stdin(b"Ten buses left \xffDouma."))
    code, out, err = run(["parse"], capsys)
    assert (code, out) == (EXIT_USAGE, "")
    _one_line_error(err)
    assert "<stdin>" in err
    assert "byte 15" in err


def test_merge_names_stdin_and_the_line_of_bytes_that_are_not_utf8(monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    good = to_json(parse(FIRST, report_id="a")).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", _stdin(good + b"\n\xff\n"))
    code, out, err = run(["merge"], capsys)
    assert (code, out) == (EXIT_USAGE, "")
    _one_line_error(err)
    assert "<stdin>" in err
    assert "line 2" in err
    assert f"byte {len(good) + 1}" in err


# --- (5) Lone surrogates ----------------------------------------------------------------------------------------


@given(st.text(max_size=20), st.integers(min_value=0xD800, max_value=0xDFFF), st.text(max_size=20))
@settings(max_examples=50, deadline=None)
def test_parse_refuses_a_lone_surrogate_at_the_door(before: str, code: int, after: str) -> None:
    text = before + chr(code) + after
    if any(0xD800 <= ord(c) <= 0xDFFF for c in before):
        return  # the position named is that of the first one
    with pytest.raises(InputError, match=f"U\\+{code:04X} at character {len(before)}"):
        parse(text)
    with pytest.raises(InputError, match="report_id"):
        parse("Ten buses left Douma.", report_id=f"r{chr(code)}")


def test_from_json_refuses_an_escaped_lone_surrogate_and_names_the_field() -> None:
    document = to_json(parse(FIRST, report_id="r")).replace('"id":"r"', '"id":"r\\udc80"', 1)
    with pytest.raises(InputError, match=r"data\.id: a lone surrogate U\+DC80"):
        from_json(document)
    # A pair of escapes is one character, and fine.
    pair = to_json(parse(FIRST, report_id="r")).replace('"id":"r"', '"id":"r\\ud83d\\ude8c"', 1)
    report = from_json(pair)
    assert isinstance(report, Report)
    assert report.id == "r\U0001f68c"


# --- (6) Output errors ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["parse", "A"], ["merge", "L"], ["export", "--format", "csv", "L"],
                                     ["export", "--format", "geojson", "L"], ["export", "--format", "sqlite", "L"]])
def test_output_into_a_missing_folder_is_one_line(command: list[str], three: list[Path], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    lines = tmp_path / "reports.jsonl"
    run(["parse", str(three[0]), "-o", str(lines)], capsys)
    target = tmp_path / "missing" / "out"
    argv = [{"A": str(three[0]), "L": str(lines)}.get(word, word) for word in command]
    code, out, err = run([*argv, "-o", str(target)], capsys)
    assert (code, out) == (EXIT_OUTPUT, "")
    _one_line_error(err)
    assert f"{target}:" in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", [["demo", "-q"], ["show", "L"], ["merge", "L"], ["parse", "A"],
                                     ["export", "--format", "csv", "L"], ["export", "--format", "geojson", "L"]])
def test_stdout_on_a_full_disk_is_one_line(command: list[str], three: list[Path], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    lines = tmp_path / "reports.jsonl"
    run(["parse", str(three[0]), "-o", str(lines)], capsys)
    argv = [{"A": str(three[0]), "L": str(lines)}.get(word, word) for word in command]
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "ghouta_events", *argv], stdout=full, stderr=subprocess.PIPE,
                              text=True, check=False, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0"})
    assert done.returncode == EXIT_OUTPUT, done.stderr
    _one_line_error(done.stderr)
    assert "<stdout>:" in done.stderr
    assert "None" not in done.stderr


# --- (8), (13), (15) --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("report_id", [123, 1.5, b"r1", ["r1"], True])
def test_a_report_id_that_is_not_a_str_is_a_type_error(report_id: object) -> None:
    with pytest.raises(TypeError, match=f"report_id.*{type(report_id).__name__}"):
        parse("Ten buses left Douma.", report_id=report_id)  # type: ignore[arg-type]


@pytest.mark.parametrize("indent", ["0", "1", "4"])
def test_merge_output_with_any_indent_reads_back(indent: str, three: list[Path], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    lines, dataset_file = tmp_path / "reports.jsonl", tmp_path / "dataset.json"
    run(["parse", *map(str, three), "-o", str(lines)], capsys)
    assert run(["merge", str(lines), "--with-texts", "--indent", indent, "-o", str(dataset_file)],
               capsys)[0] == EXIT_OK
    code, out, err = run(["show", str(dataset_file)], capsys)
    assert (code, err) == (EXIT_OK, "")
    assert out.startswith("3 report(s) merged")
    assert run(["merge", str(dataset_file), str(lines)], capsys)[0] == EXIT_OK


def test_show_escapes_control_characters_of_ids_and_names(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    hostile = "x\x1b]0;owned\x07\x1b[31mred\u202eevil\nnext"
    (folder / f"{hostile.replace(chr(10), '_')}.txt").write_text(FIRST, encoding="utf-8")
    report = parse(FIRST, report_id=hostile)
    lines = tmp_path / "reports.jsonl"
    lines.write_text(to_json(report) + "\n", encoding="utf-8")
    code, out, err = run(["show", str(lines)], capsys)
    assert (code, err) == (EXIT_OK, "")
    assert not any(char in out for char in "\x1b\x07\u202e")
    assert "\\x1b]0;owned\\x07\\x1b[31mred\\u202eevil\\nnext" in out
    for line in out.splitlines():
        assert line.isprintable() or line == ""


# --- (7) Tampered datasets are refused at load, before any export sees them -------------------------------------


def _dataset_document() -> dict[str, Any]:
    reports = [parse("Ten buses carrying 300 people left Douma for Idlib on Monday.", report_id="a"),
               parse("Ten buses carrying 240 fighters and 100 civilians left Douma for Idlib on Monday, the monitor "
                     "said.", report_id="b"),
               parse(THIRD, report_id="c")]
    dataset = ge.merge(reports)
    assert dataset.conflicts
    document: dict[str, Any] = json.loads(to_json(dataset))
    # The movement told by two reports first, for the tampering below (the order of records is free).
    document["data"]["convoys"].sort(key=lambda convoy: -len(convoy["members"]))
    first = document["data"]["convoys"][0]
    assert len(first["members"]) == 2
    assert first["fighters"] is not None
    return document


def _tamper_members(data: dict[str, list[dict[str, list[object]]]]) -> None:
    data["convoys"][0]["members"].pop()


def _tamper_reports(data: dict[str, list[dict[str, list[object]]]]) -> None:
    data["convoys"][0]["reports"].append("a")


def _tamper_report_id(data: dict[str, list[dict[str, list[object]]]]) -> None:
    data["convoys"][0]["reports"][0] = "c"


def _tamper_unknown_report(data: dict[str, list[dict[str, list[object]]]]) -> None:
    data["convoys"][0]["reports"][0] = "nowhere"


def _tamper_claim(data: dict[str, list[dict[str, object]]]) -> None:
    tally = data["convoys"][0]["fighters"]
    assert isinstance(tally, dict)
    tally["claims"][0]["record"] = "c#c0"


def _tamper_conflict(data: dict[str, list[dict[str, object]]]) -> None:
    data["conflicts"][0]["record"] = "no-such-record"


def _tamper_duplicate_report(data: dict[str, list[dict[str, object]]]) -> None:
    data["reports"][2] = json.loads(to_json(parse(THIRD + " Later.", report_id="a")))["data"]


TAMPERED: Final = {f.__name__.removeprefix("_tamper_"): f for f in (
    _tamper_members, _tamper_reports, _tamper_report_id, _tamper_unknown_report, _tamper_claim, _tamper_conflict,
    _tamper_duplicate_report)}


@pytest.mark.parametrize("name", list(TAMPERED))
def test_a_tampered_dataset_is_refused_at_load(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = _dataset_document()
    assert isinstance(from_json(json.dumps(document)), ge.Dataset)
    TAMPERED[name](document["data"])
    text = json.dumps(document)
    with pytest.raises(InputError, match=r"^data\.(convoys|conflicts|reports)\[\d\]"):
        from_json(text)
    path = tmp_path / "tampered.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"tampered\.json"):
        ge.load(path)
    for fmt in ("csv", "geojson", "sqlite"):
        code, out, err = run(["export", "--format", fmt, str(path), "-o", str(tmp_path / f"out.{fmt}")], capsys)
        assert (code, out) == (EXIT_USAGE, ""), fmt
        _one_line_error(err)
        assert not (tmp_path / f"out.{fmt}").exists()


def test_a_dataset_without_its_reports_is_still_read() -> None:
    # The SQLite export keeps the consolidated records apart from the reports: that document reads.
    document = _dataset_document()
    data = document["data"]
    assert isinstance(data, dict)
    data["reports"] = []
    dataset = from_json(json.dumps(document))
    assert isinstance(dataset, ge.Dataset)
    assert dataset.convoys


# --- (10), (11), (12) Files: permissions, what is not a regular file, signals -----------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
@pytest.mark.parametrize("way", ["dump", "dump_csv", "dump_geojson", "dump_sqlite"])
def test_a_new_file_gets_the_mode_the_umask_allows(way: str, umask: int, tmp_path: Path) -> None:
    dataset = ge.merge([parse(FIRST, report_id="a")])
    target = tmp_path / "out"
    previous = os.umask(umask)
    try:
        getattr(ge, way)(dataset, target)
    finally:
        os.umask(previous)
    assert _mode(target) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize("way", ["dump", "dump_csv", "dump_geojson", "dump_sqlite"])
def test_a_replaced_file_keeps_its_mode(way: str, tmp_path: Path) -> None:
    dataset = ge.merge([parse(FIRST, report_id="a")])
    target = tmp_path / "out"
    target.write_text("old\n", encoding="utf-8")
    for mode in (0o644, 0o640, 0o600, 0o664):
        target.chmod(mode)
        getattr(ge, way)(dataset, target)
        assert _mode(target) == mode
        assert target.read_bytes() != b"old\n"


def test_a_symbolic_link_is_kept_and_its_file_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "data" / "reports.jsonl"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "latest.jsonl"
    link.symlink_to(real)
    source = tmp_path / "a.txt"
    source.write_text(FIRST, encoding="utf-8")
    assert run(["parse", str(source), "-o", str(link)], capsys)[0] == EXIT_OK
    assert link.is_symlink()
    assert [r.id for r in ge.read_reports(real) if isinstance(r, Report)] == ["a"]
    assert _mode(real) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["reports.jsonl"]


def test_output_to_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    source = tmp_path / "a.txt"
    source.write_text(FIRST, encoding="utf-8")
    command = [sys.executable, "-m", "ghouta_events", "parse", str(source), "-o", str(fifo)]
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # open before the writer, so that neither waits
    chunks: list[bytes] = []
    try:
        with subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True) as writer:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    chunk = os.read(reader, 1 << 16)
                except BlockingIOError:
                    chunk = b""
                chunks.append(chunk)
                if not chunk and writer.poll() is not None:
                    break
                time.sleep(0 if chunk else 0.01)
            _, err = writer.communicate(timeout=60)
    finally:
        os.close(reader)
    received = b"".join(chunks).decode("utf-8")
    assert writer.returncode == EXIT_OK, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [r.id for r in ge.read_reports(io.BytesIO(received.encode("utf-8")))
            if isinstance(r, Report)] == ["a"]


# The two tests below reach the device and standard output through links of their own, in a temporary folder,
# so that a writer which replaced what it writes to would replace the link, never a file of the system.


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="no /dev/null")
def test_output_to_a_device_is_written_through(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text(FIRST, encoding="utf-8")
    device = tmp_path / "device"
    device.symlink_to("/dev/null")
    assert run(["parse", str(source), "-o", str(device)], capsys)[0] == EXIT_OK
    assert device.is_symlink()
    assert device.is_char_device()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "device"]


@pytest.mark.skipif(not Path("/proc/self/fd/1").exists(), reason="no /proc/self/fd")
def test_output_to_standard_output_by_its_path_writes_to_it(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(FIRST, encoding="utf-8")
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")  # what /dev/stdout is
    done = subprocess.run([sys.executable, "-m", "ghouta_events", "parse", str(source), "-o", str(stdout)],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == EXIT_OK, done.stderr
    assert [r.id for r in ge.read_reports(io.BytesIO(done.stdout.encode("utf-8"))) if isinstance(r, Report)] == ["a"]
    assert stdout.is_symlink()


@pytest.mark.parametrize(("signum", "code", "word"), [(signal.SIGTERM, 143, "terminated"),
                                                      (signal.SIGINT, 130, "interrupted")])
def test_a_signal_while_writing_leaves_no_temporary_file(signum: int, code: int, word: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(FIRST, encoding="utf-8")
    # A long report after the first, so that the signal arrives while the output is being written.
    (folder / "b.txt").write_text(THIRD * 20_000, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    target.write_text("the old reports\n", encoding="utf-8")
    command = [sys.executable, "-m", "ghouta_events", "parse", str(folder), "-o", str(target)]
    with subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True) as process:
        deadline = time.monotonic() + 60
        while not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]:
            assert process.poll() is None, "the command ended before it was signalled"
            assert time.monotonic() < deadline, "no temporary file appeared"
            time.sleep(0.01)
        time.sleep(0.2)
        process.send_signal(signum)
        _, err = process.communicate(timeout=60)
    assert process.returncode == code
    assert err.strip() == f"ghouta-events: {word}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.jsonl"]
    assert target.read_text(encoding="utf-8") == "the old reports\n"


class _SignalsWhenDropped:
    """An object whose finaliser sends this process a signal: the handler's exception is raised inside ``__del__``,
    where the interpreter prints and drops it (as when a signal lands while the regular expression compiler frees
    its parse tree)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum

    def __del__(self) -> None:
        os.kill(os.getpid(), self.signum)
        time.sleep(0.05)  # the handler runs here, inside the finaliser


@pytest.mark.parametrize(("signum", "code", "word"), [(signal.SIGTERM, 143, "terminated"),
                                                      (signal.SIGINT, 130, "interrupted")])
def test_a_signal_inside_a_finaliser_still_stops_the_run(signum: int, code: int, word: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(FIRST, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    target.write_text("the old reports\n", encoding="utf-8")

    def parse_then_drop(*args: Any, **kwargs: Any) -> Report:
        report = parse(*args, **kwargs)
        _SignalsWhenDropped(signum)  # dropped at once: its finaliser runs here
        return report

    monkeypatch.setattr("ghouta_events._cli.parse", parse_then_drop)
    assert main(["parse", str(folder), "-o", str(target), "-q"]) == code
    assert capsys.readouterr().err == f"ghouta-events: {word}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.jsonl"]
    assert target.read_text(encoding="utf-8") == "the old reports\n"


def test_a_gazetteer_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    header = "name,kind,parent,country,latitude,longitude,aliases"
    path.write_bytes(b"\xef\xbb\xbf" + f"{header}\nQalbat Zeitun,town,Syria,Syria,33.9,36.6,Qalbat Zaytun\n".encode())
    gazetteer = ge.load_gazetteer(path)
    assert "Qalbat Zeitun" in gazetteer.places
    report = parse("Eleven buses left Qalbat Zaytun on Friday.", gazetteer=gazetteer)
    assert report.convoys[0].origin is not None
    assert report.convoys[0].origin.name == "Qalbat Zeitun"


# --- What holds: identical bytes across runs and hash seeds -----------------------------------------------------


def _pipeline_bytes(seed: str, folder: Path) -> dict[str, bytes]:
    """Every file the command writes for the bundled samples, run in a fresh interpreter with a hash seed."""
    folder.mkdir()
    samples = ge.sample_paths()[0].parent
    env = {**os.environ, "PYTHONHASHSEED": seed}
    steps = [
        ["parse", str(samples), "-o", str(folder / "reports.jsonl")],
        ["merge", "--with-texts", str(folder / "reports.jsonl"), "-o", str(folder / "dataset.json")],
        ["export", "--format", "csv", str(folder / "dataset.json"), "-o", str(folder / "out.csv")],
        ["export", "--format", "geojson", str(folder / "dataset.json"), "-o", str(folder / "out.geojson")],
        ["export", "--format", "sqlite", str(folder / "dataset.json"), "-o", str(folder / "out.db")],
    ]
    for step in steps:
        done = subprocess.run([sys.executable, "-m", "ghouta_events", *step], capture_output=True, text=True,
                              check=False, cwd=ROOT, env=env)
        assert done.returncode == EXIT_OK, done.stderr
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_the_command_writes_identical_bytes_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    first = _pipeline_bytes("0", tmp_path / "first")
    assert sorted(first) == ["dataset.json", "out.csv", "out.db", "out.geojson", "reports.jsonl"]
    assert _pipeline_bytes("12345", tmp_path / "second") == first
