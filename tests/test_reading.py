"""The public readers: ``read_reports`` (JSON Lines and dataset files) and ``iter_texts`` (folders of .txt
reports with their sidecars). Every sentence here is written for these tests."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ghouta_events as ge
from ghouta_events import Dataset, InputError, Report, ReportText, dump, iter_texts, merge, parse, read_reports, to_json

TEXTS: Final = {
    "north": "Nine buses carrying 250 fighters left Douma for Idlib on Sunday, the ministry said.",
    "south": "About 700 people left Harasta on Sunday.\u2028The monitor counted 40 buses.",
    "east": "Fifteen buses left Arbin for Jarablus on Monday.",
}


def _reports() -> list[Report]:
    return [parse(text, report_id=name, published=dt.date(2018, 3, 26)) for name, text in TEXTS.items()]


def _ids(documents: Iterator[Report | Dataset]) -> list[str]:
    out = []
    for document in documents:
        out.extend([document.id] if isinstance(document, Report) else [r.id for r in document.reports])
    return out


def test_read_reports_reads_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(to_json(r) + "\n" for r in _reports()), encoding="utf-8")
    assert list(read_reports(path)) == _reports()
    assert list(read_reports(str(path))) == _reports()


def test_read_reports_reads_a_dumped_dataset_at_any_indent(tmp_path: Path) -> None:
    dataset = merge(_reports())
    for indent in (None, 0, 1, 4):
        path = tmp_path / f"dataset-{indent}.json"
        dump(dataset, path, indent=indent)
        assert list(read_reports(path)) == [dataset]


def test_read_reports_reads_datasets_and_reports_mixed_in_json_lines(tmp_path: Path) -> None:
    first, second, third = _reports()
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([to_json(merge([first, second])), "", to_json(third), ""]), encoding="utf-8")
    assert _ids(read_reports(path)) == ["north", "south", "east"]


def test_read_reports_reads_a_binary_stream_and_leaves_it_open() -> None:
    stream = io.BytesIO(b"\xef\xbb\xbf" + "\r\n".join(to_json(r) for r in _reports()).encode("utf-8"))
    assert list(read_reports(stream)) == _reports()
    assert not stream.closed


def test_read_reports_is_lazy(tmp_path: Path) -> None:
    # The reports before a bad line are yielded before the error; nothing after it is read.
    path = tmp_path / "reports.jsonl"
    lines = [to_json(r) for r in _reports()]
    path.write_text("\n".join([lines[0], lines[1], "not json", lines[2]]) + "\n", encoding="utf-8")
    reader = read_reports(path)
    assert next(reader).id == "north"  # type: ignore[union-attr]
    assert next(reader).id == "south"  # type: ignore[union-attr]
    with pytest.raises(InputError, match=r"reports\.jsonl: line 3: not JSON") as raised:
        next(reader)
    assert raised.value.path == str(path)


class _Lines(io.RawIOBase):
    """A binary stream that counts the lines read from it, to show the reader takes one line at a time."""

    def __init__(self, lines: list[bytes]) -> None:
        self.lines = lines
        self.taken = 0

    def readable(self) -> bool:
        return True

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> bytes:
        if self.taken == len(self.lines):
            raise StopIteration
        self.taken += 1
        return self.lines[self.taken - 1]


def test_read_reports_takes_one_line_per_report() -> None:
    stream = _Lines([(to_json(r) + "\n").encode("utf-8") for r in _reports()])
    reader = read_reports(stream)  # type: ignore[arg-type]
    assert stream.taken == 0
    next(reader)
    assert stream.taken == 1
    next(reader)
    assert stream.taken == 2


def test_reports_of_one_input_share_their_equal_places_sources_and_dates() -> None:
    texts = ["Twelve buses left Douma for Idlib on Sunday, SANA said.",
             "About 400 fighters left Douma for Idlib on Sunday, SANA said."]
    written = [parse(text, report_id=f"share-{n}", published=dt.date(2018, 4, 2)) for n, text in enumerate(texts)]
    lines = b"".join((to_json(r) + "\n").encode("utf-8") for r in written)
    first, second = read_reports(io.BytesIO(lines))
    assert [first, second] == written
    assert isinstance(first, Report)
    assert isinstance(second, Report)
    a, b = first.convoys[0], second.convoys[0]
    assert a.origin is not None
    assert a.origin is b.origin
    assert a.destination is b.destination
    assert a.date is b.date
    assert a.sources
    assert a.sources is b.sources
    # Each document read alone is built afresh.
    alone = [ge.from_json(line) for line in lines.decode("utf-8").splitlines()]
    assert alone == written
    assert isinstance(alone[0], Report)
    assert isinstance(alone[1], Report)
    assert alone[0].convoys[0].origin is not alone[1].convoys[0].origin


def test_read_reports_finds_an_id_used_for_two_texts(tmp_path: Path) -> None:
    first, second, _ = _reports()
    impostor = parse(TEXTS["east"], report_id="north")
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(to_json(r) for r in (first, second, first, impostor)), encoding="utf-8")
    reader = read_reports(path)
    assert [next(reader).id for _ in range(3)] == ["north", "south", "north"]  # type: ignore[union-attr]
    with pytest.raises(InputError, match=r"line 4: report id 'north' is already used by another text, at .*line 1"):
        next(reader)


def test_read_reports_finds_an_id_used_for_two_texts_inside_a_dataset(tmp_path: Path) -> None:
    impostor = parse(TEXTS["east"], report_id="south")
    path = tmp_path / "reports.jsonl"
    path.write_text(to_json(merge(_reports()[:2])) + "\n" + to_json(impostor) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="'south'"):
        list(read_reports(path))


@pytest.mark.parametrize(("content", "message"), [
    (b"\xff\n", "line 1: not UTF-8 text (byte 0)"),
    (b"[1, 2]\n", "line 1: not a ghouta-events document"),
    (b"{\n  \"schema\": \"ghouta-events\",\n", "not JSON"),
])
def test_read_reports_names_what_it_cannot_read(content: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    with pytest.raises(InputError, match=re.escape(message)):
        list(read_reports(path))


def test_read_reports_of_a_missing_file_or_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_reports(tmp_path / "missing.jsonl"))
    with pytest.raises(InputError, match="a folder"):
        list(read_reports(tmp_path))


@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=5, unique=True))
@settings(max_examples=40, deadline=None)
def test_read_reports_reads_back_what_to_json_writes_whatever_the_texts(texts: list[str]) -> None:
    texts = [t for t in texts if not any(0xD800 <= ord(c) <= 0xDFFF for c in t)]
    reports = [parse(text, report_id=f"r{i}") for i, text in enumerate(texts)]
    data = "\n".join(to_json(r) for r in reports).encode("utf-8")
    assert list(read_reports(io.BytesIO(data))) == reports


# --- iter_texts -------------------------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    (root / "march").mkdir(parents=True)
    (root / "north.txt").write_text(TEXTS["north"], encoding="utf-8")
    (root / "north.meta.json").write_text(json.dumps({"published": "2018-03-26", "outlet": "x"}), encoding="utf-8")
    (root / "south.txt").write_bytes(b"\xef\xbb\xbf" + TEXTS["south"].encode("utf-8"))
    (root / "south.meta.json").write_text(json.dumps({"published": None}), encoding="utf-8")
    (root / "march" / "east.txt").write_text(TEXTS["east"], encoding="utf-8")
    (root / "notes.md").write_text("not a report", encoding="utf-8")
    return root


def test_iter_texts_reads_a_folder_with_its_sidecars(folder: Path) -> None:
    items = list(iter_texts(folder))
    assert items == [
        ReportText(id="north", text=TEXTS["north"], published=dt.date(2018, 3, 26), path=folder / "north.txt"),
        ReportText(id="south", text=TEXTS["south"], published=None, path=folder / "south.txt"),
    ]
    reports = [parse(item.text, published=item.published, report_id=item.id) for item in items]
    assert reports[0].convoys[0].date is not None


def test_iter_texts_recursive(folder: Path) -> None:
    assert [item.id for item in iter_texts(folder, recursive=True)] == ["east", "north", "south"]


def test_iter_texts_finds_two_files_of_one_name(folder: Path) -> None:
    (folder / "march" / "north.txt").write_text(TEXTS["east"], encoding="utf-8")
    with pytest.raises(InputError, match="report id 'north' is also the name of"):
        next(iter_texts(folder, recursive=True))


def test_iter_texts_names_the_file_at_fault_when_it_is_reached(folder: Path) -> None:
    (folder / "south.meta.json").write_text('{"published": "some day"}', encoding="utf-8")
    reader = iter_texts(folder)
    assert next(reader).id == "north"
    with pytest.raises(InputError, match=r"south\.meta\.json: 'published' is not a date"):
        next(reader)


def test_iter_texts_of_a_missing_or_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        next(iter_texts(tmp_path / "missing"))
    with pytest.raises(InputError, match=r"holds no \.txt reports"):
        next(iter_texts(tmp_path))


def test_the_samples_read_through_iter_texts() -> None:
    folder = ge.sample_paths()[0].parent
    assert [parse(i.text, published=i.published, report_id=i.id) for i in iter_texts(folder)] == ge.sample_reports()


def test_the_parse_command_refuses_a_second_text_under_one_id(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from ghouta_events._cli import EXIT_PARTIAL, main

    for name, text in (("march", TEXTS["north"]), ("april", TEXTS["east"]), ("copy", TEXTS["north"])):
        (tmp_path / name).mkdir()
        (tmp_path / name / "north.txt").write_text(text, encoding="utf-8")
    code = main(["parse", str(tmp_path / "march"), str(tmp_path / "april"), str(tmp_path / "copy")])
    out, err = capsys.readouterr()
    assert code == EXIT_PARTIAL
    assert [r.id for r in read_reports(io.BytesIO(out.encode("utf-8"))) if isinstance(r, Report)] == ["north"] * 2
    assert err.count("\n") == 1
    assert str(tmp_path / "april" / "north.txt") in err
    assert "report id 'north' is already used by another text" in err


@pytest.mark.parametrize("given", [io.StringIO("{}"), 42, None])
def test_read_reports_refuses_what_is_neither_a_path_nor_a_binary_stream_at_once(given: object) -> None:
    with pytest.raises(TypeError, match="read_reports"):
        read_reports(given)  # type: ignore[arg-type]


def test_the_examples_in_the_docstrings_run() -> None:
    import doctest

    from ghouta_events import _reading

    assert doctest.testmod(_reading, raise_on_error=False).failed == 0
