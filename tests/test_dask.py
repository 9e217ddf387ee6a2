"""ghouta_events.dask: parsing and merging on a Dask cluster gives the single-process dataset, however partitioned."""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import json
import random
import sys
import time
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

dask_bag = pytest.importorskip("dask.bag", reason='needs the dask extra: pip install "ghouta-events[dask]"')
pytest.importorskip("distributed", reason='needs the dask extra: pip install "ghouta-events[dask]"')

# After the skips: these need the extra.
import dask  # noqa: E402
from distributed import Client, LocalCluster, get_task_stream  # noqa: E402

import ghouta_events as ge  # noqa: E402
from ghouta_events._dask import _packed, _unpacked  # noqa: E402
from ghouta_events._held import without_reports  # noqa: E402
from ghouta_events._merge import merge_held  # noqa: E402
from ghouta_events.dask import merge_bag, parse_and_merge, read_reports  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SAMPLES = Path(str(resources.files("ghouta_events.samples")))

EXTRA_PLACES = (
    "name,kind,parent,country,latitude,longitude,aliases\n"
    "Zamalka,town,Eastern Ghouta,Syria,33.5261,36.3594,Zmalka\n"
)
ZMALKA = "Five buses carrying 300 people left Zmalka for Idlib on Monday, SANA said.\n"
DOUMA = "Twelve buses carrying 629 people left Douma on Monday, the Syrian Observatory for Human Rights said.\n"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """Two worker processes, as on a small cluster: reports and datasets really cross process boundaries. The
    scheduler's HTTP server takes a free port: with no address it tries 8787 and warns when another cluster on the
    machine holds it."""
    # distributed leaves these unannotated.
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0")
    client = Client(cluster)  # type: ignore[no-untyped-call]
    try:
        yield client
    finally:
        client.close()  # type: ignore[no-untyped-call]
        cluster.close()


def _computed(bag: Any) -> list[ge.Report]:
    """The reports of a bag, computed on the current scheduler."""
    reports: list[ge.Report] = bag.compute()
    return reports


def _text_files(folders: Sequence[Path]) -> list[Path]:
    return [path for folder in folders for path in sorted(folder.glob("*.txt"))]


def _single_process(files: Sequence[Path], published: dt.date | None = None,
                    gazetteer: ge.Gazetteer | None = None) -> ge.Dataset:
    """What one process gives: each file parsed with its sidecar's date, then everything merged at once."""
    reports = []
    for path in files:
        date = published
        sidecar = path.with_name(f"{path.stem}.meta.json")
        if sidecar.is_file():
            stated = json.loads(sidecar.read_text(encoding="utf-8")).get("published")
            date = dt.date.fromisoformat(stated) if stated else published
        reports.append(ge.parse(path.read_text(encoding="utf-8"), published=date, report_id=path.stem,
                                gazetteer=gazetteer))
    return ge.merge(reports, gazetteer=gazetteer)


@pytest.fixture(scope="module")
def corpus_folders() -> list[Path]:
    folders = [CORPUS / "seeds", CORPUS / "dev"]
    if not all(folder.is_dir() for folder in folders):
        pytest.skip(f"the shared annotated corpus is not present at {CORPUS}")
    return folders


@pytest.fixture(scope="module")
def corpus_expected(corpus_folders: list[Path]) -> ge.Dataset:
    return _single_process(_text_files(corpus_folders))


@pytest.fixture(scope="module")
def samples_expected() -> ge.Dataset:
    return _single_process(_text_files([SAMPLES]))


# --- Equal to the single-process result ---------------------------------------------------------------------


def test_corpus_on_the_cluster_equals_single_process(client: Client, corpus_folders: list[Path],
                                                     corpus_expected: ge.Dataset) -> None:
    bag = read_reports(corpus_folders)
    assert bag.npartitions == len(_text_files(corpus_folders))
    with get_task_stream() as stream:
        dataset = merge_bag(bag)
    workers = {task["worker"] for task in stream.data}
    assert workers  # the cluster's workers did the work
    assert workers <= set(client.scheduler_info()["workers"])
    assert dataset == without_reports(corpus_expected)
    assert dataset.reports == ()  # no report text reached this process
    assert dataset.convoys  # not trivially equal
    whole = merge_bag(bag, with_texts=True, split_every=2)
    assert whole == corpus_expected
    assert len(whole.reports) == len(_text_files(corpus_folders))


@pytest.mark.usefixtures("client")
def test_samples_on_the_cluster_equal_single_process(samples_expected: ge.Dataset) -> None:
    assert parse_and_merge(SAMPLES) == without_reports(samples_expected)
    dataset = parse_and_merge(SAMPLES, with_texts=True)
    assert dataset == samples_expected
    assert [r.id for r in dataset.reports] == sorted(p.stem for p in _text_files([SAMPLES]))
    assert dataset.convoys


@pytest.mark.usefixtures("client")
@pytest.mark.parametrize("extra", [0, 7], ids=["as-many-partitions-as-files", "more-partitions-than-files"])
def test_partitions_by_count(samples_expected: ge.Dataset, extra: int) -> None:
    count = len(_text_files([SAMPLES])) + extra
    bag = read_reports([SAMPLES], npartitions=count)
    assert bag.npartitions == count
    assert merge_bag(bag) == without_reports(samples_expected)
    assert merge_bag(bag, split_every=2) == without_reports(samples_expected)


@pytest.mark.usefixtures("client")
def test_one_partition(samples_expected: ge.Dataset) -> None:
    bag = read_reports(SAMPLES, npartitions=1)
    assert bag.npartitions == 1
    assert merge_bag(bag) == without_reports(samples_expected)
    assert parse_and_merge(SAMPLES, blocksize="1 GiB", with_texts=True) == samples_expected


@pytest.mark.usefixtures("client")
def test_corpus_in_one_partition_and_in_more_than_files(corpus_folders: list[Path],
                                                        corpus_expected: ge.Dataset) -> None:
    files = len(_text_files(corpus_folders))
    assert parse_and_merge(corpus_folders, npartitions=1) == without_reports(corpus_expected)
    assert parse_and_merge(corpus_folders, npartitions=files + 5) == without_reports(corpus_expected)


def test_blocksize_groups_consecutive_files_by_bytes() -> None:
    files = _text_files([SAMPLES])
    assert read_reports(SAMPLES, blocksize=1).npartitions == len(files)  # every file overflows one byte
    assert read_reports(SAMPLES, blocksize="1 GiB").npartitions == 1
    largest = max(path.stat().st_size for path in files)
    assert 1 <= read_reports(SAMPLES, blocksize=largest).npartitions <= len(files)


@pytest.mark.usefixtures("client")
def test_reports_come_in_file_order_with_sidecar_ids_and_dates() -> None:
    reports = _computed(read_reports(SAMPLES, npartitions=2))
    files = _text_files([SAMPLES])
    assert [r.id for r in reports] == [p.stem for p in files]
    assert reports == list(_single_process(files).reports)


@pytest.mark.usefixtures("client")
def test_merge_bag_takes_any_bag_of_reports_and_datasets(samples_expected: ge.Dataset) -> None:
    reports = list(samples_expected.reports)
    # Some partitions end up empty after the filter; a dataset may stand among the reports.
    bag = dask_bag.from_sequence([*reports, ge.merge(reports[:2])], npartitions=6)
    assert merge_bag(bag.filter(lambda item: isinstance(item, ge.Dataset) or item.id != reports[0].id),
                     with_texts=True) == samples_expected
    assert merge_bag(bag.filter(lambda item: False)) == ge.merge([])
    # A dataset without its reports cannot take in more.
    bare = dask_bag.from_sequence([reports[0], without_reports(ge.merge(reports[1:]))], npartitions=2)
    with pytest.raises(ge.InputError, match="without its reports"):
        merge_bag(bare)


# --- Dates and gazetteers ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("client")
def test_published_is_the_default_for_files_without_a_sidecar(tmp_path: Path) -> None:
    (tmp_path / "dated.txt").write_text(DOUMA, encoding="utf-8")
    (tmp_path / "dated.meta.json").write_text(json.dumps({"published": "2018-04-03"}), encoding="utf-8")
    (tmp_path / "undated.txt").write_text(DOUMA, encoding="utf-8")
    default = dt.date(2018, 3, 20)
    reports = _computed(read_reports(tmp_path, published=default))
    assert [(r.id, r.published) for r in reports] == [("dated", dt.date(2018, 4, 3)), ("undated", default)]
    files = _text_files([tmp_path])
    assert parse_and_merge([tmp_path], published=default, with_texts=True) \
        == _single_process(files, published=default)


@pytest.mark.usefixtures("client")
def test_gazetteer_files_reach_the_workers_by_path(tmp_path: Path) -> None:
    places = tmp_path / "my_places.csv"
    places.write_text(EXTRA_PLACES, encoding="utf-8")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "zmalka.txt").write_text(ZMALKA, encoding="utf-8")
    (reports / "zmalka.meta.json").write_text(json.dumps({"published": "2018-03-27"}), encoding="utf-8")
    (reports / "douma.txt").write_text(DOUMA, encoding="utf-8")

    dataset = parse_and_merge(reports, gazetteer_files=[places], npartitions=2)
    gazetteer = ge.load_gazetteer(places)
    assert dataset == without_reports(_single_process(_text_files([reports]), gazetteer=gazetteer))
    origins = {c.origin.name for c in dataset.convoys if c.origin is not None}
    assert "Zamalka" in origins  # the extra spelling was known on the workers
    without = parse_and_merge(reports)
    assert "Zamalka" not in {c.origin.name for c in without.convoys if c.origin is not None}


# --- Errors --------------------------------------------------------------------------------------------------


def test_missing_paths_and_empty_folders_fail_at_once(tmp_path: Path) -> None:
    with pytest.raises(ge.InputError, match="no such file or folder"):
        read_reports([tmp_path / "absent"])
    with pytest.raises(ge.InputError, match=r"folder holds no \.txt reports"):
        read_reports([tmp_path])
    with pytest.raises(ge.InputError, match=r"no \.txt reports given"):
        read_reports([])


def test_partitioning_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="not both"):
        read_reports(SAMPLES, blocksize=1000, npartitions=2)
    with pytest.raises(ValueError, match="npartitions must be a positive integer"):
        read_reports(SAMPLES, npartitions=0)
    with pytest.raises(ValueError, match="blocksize must be a positive number of bytes"):
        read_reports(SAMPLES, blocksize=0)


def test_a_bad_gazetteer_file_fails_at_once(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text("name,kind\nSomewhere,nowhere\n", encoding="utf-8")
    with pytest.raises(ge.GazetteerError, match=r"broken\.csv"):
        read_reports(SAMPLES, gazetteer_files=[broken])
    with pytest.raises(ge.GazetteerError, match=r"absent\.csv"):
        parse_and_merge(SAMPLES, gazetteer_files=[tmp_path / "absent.csv"])


@pytest.mark.usefixtures("client")
def test_a_file_that_is_not_utf8_fails_on_the_worker_naming_it(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(DOUMA, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Douma, 3 avril: 600 personnes évacuées.\n".encode("latin-1"))
    with pytest.raises(ge.InputError, match=r"latin1\.txt: not UTF-8 text \(byte \d+\)"):
        parse_and_merge(tmp_path)


@pytest.mark.usefixtures("client")
def test_a_broken_sidecar_fails_on_the_worker_naming_it(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(DOUMA, encoding="utf-8")
    (tmp_path / "report.meta.json").write_text('{"published": "3 April"}', encoding="utf-8")
    with pytest.raises(ge.InputError, match=r"report\.meta\.json: 'published' is not a date"):
        parse_and_merge(tmp_path)


@pytest.mark.usefixtures("client")
def test_two_texts_with_one_id_are_refused(tmp_path: Path) -> None:
    for folder, text in (("a", DOUMA), ("b", ZMALKA)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(text, encoding="utf-8")
    with pytest.raises(ge.MergeError, match="share the id 'same'"):
        parse_and_merge([tmp_path / "a", tmp_path / "b"], npartitions=2)


def test_without_dask_the_import_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [name for name in sys.modules if name == "dask" or name.startswith("dask.")]:
        monkeypatch.setitem(sys.modules, name, None)  # None in sys.modules makes the import fail
    monkeypatch.delitem(sys.modules, "ghouta_events.dask")
    with pytest.raises(ImportError, match=r'pip install "ghouta-events\[dask\]"'):
        importlib.import_module("ghouta_events.dask")


# --- A generated corpus ----------------------------------------------------------------------------------------

SHAPES = (
    "{n} buses carrying {p} people left {a} for {b} on {day}, {src} said.",
    "About {p} people left {a} on {day}, according to {src}.",
    "The {src} said {k} people were killed in {a} on {day}.",
    "A convoy of {n} buses reached {b} from {a} on {day}.",
)
TOWNS = ("Douma", "Harasta", "Arbin", "Zamalka", "Saqba", "Kafr Batna")
ENDS = ("Idlib", "Jarablus", "Qalaat al-Madiq")
SOURCES = ("SANA", "the Syrian Observatory for Human Rights", "the Red Crescent")
DAYS = ("Monday", "Tuesday", "Saturday", "Sunday")


def _generated(folder: Path, count: int) -> list[Path]:
    """``count`` short reports of invented sentences, some the same story under two ids, with sidecar dates."""
    chance = random.Random(18)
    folder.mkdir()
    for number in range(count):
        lines = [chance.choice(SHAPES).format(n=chance.randint(3, 40), p=chance.randint(50, 2000),
                                              k=chance.randint(2, 90), a=chance.choice(TOWNS),
                                              b=chance.choice(ENDS), day=chance.choice(DAYS),
                                              src=chance.choice(SOURCES))
                 for _ in range(chance.randint(1, 4))]
        text = " ".join(lines) + "\n"
        day = f"2018-03-{chance.randint(10, 28):02d}"
        for name in (f"r{number:03d}", f"r{number:03d}copy") if number % 7 == 0 else (f"r{number:03d}",):
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
            (folder / f"{name}.meta.json").write_text(json.dumps({"published": day}), encoding="utf-8")
    return _text_files([folder])


def test_a_generated_corpus_on_two_worker_processes_equals_the_sequential_merge(client: Client,
                                                                                tmp_path: Path) -> None:
    files = _generated(tmp_path / "generated", 60)
    sequential = _single_process(files)
    assert sequential.copies()  # the copies are there to be counted once
    assert len(client.scheduler_info()["workers"]) == 2
    for npartitions, split_every in ((1, None), (2, None), (3, None), (7, 2), (len(files), None), (len(files), 3)):
        dataset = parse_and_merge(tmp_path / "generated", npartitions=npartitions, split_every=split_every)
        assert dataset == without_reports(sequential)
    assert parse_and_merge(tmp_path / "generated", npartitions=5, split_every=2, with_texts=True) == sequential
    with pytest.raises(ValueError, match="split_every"):
        parse_and_merge(tmp_path / "generated", split_every=1)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ge.Dataset]:
    folder = tmp_path_factory.mktemp("generated") / "reports"
    return folder, _single_process(_generated(folder, 40))


@pytest.mark.usefixtures("client")
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(npartitions=st.integers(min_value=1, max_value=60), split_every=st.none() | st.integers(2, 5),
       with_texts=st.booleans())
def test_any_partitioning_on_the_cluster_gives_the_sequential_merge(generated: tuple[Path, ge.Dataset],
                                                                    npartitions: int, split_every: int | None,
                                                                    with_texts: bool) -> None:
    folder, sequential = generated
    dataset = parse_and_merge(folder, npartitions=npartitions, split_every=split_every, with_texts=with_texts)
    assert dataset == (sequential if with_texts else without_reports(sequential))


@pytest.mark.usefixtures("client")
def test_without_a_cluster_the_default_scheduler_gives_the_same(generated: tuple[Path, ge.Dataset]) -> None:
    folder, sequential = generated
    with dask.config.set(scheduler="sync"):  # in this process, though a client is active
        with get_task_stream() as stream:
            assert parse_and_merge(folder, npartitions=3) == without_reports(sequential)
            assert parse_and_merge(folder, npartitions=5, split_every=2, with_texts=True) == sequential
        assert not stream.data  # the cluster did nothing


def test_a_partition_travels_as_one_string_of_bytes(samples_expected: ge.Dataset) -> None:
    reports = list(samples_expected.reports)
    for with_texts in (False, True):
        blobs = _packed(iter(reports), with_texts=with_texts)
        assert len(blobs) == 1
        assert isinstance(blobs[0], bytes)
        held = _unpacked(blobs[0])
        assert [h.id for h in held] == [r.id for r in reports]
        assert all((h.report is not None) is with_texts for h in held)
        merged = merge_held(held)
        assert merged == (samples_expected if with_texts else without_reports(samples_expected))
    assert gc.isenabled()  # the collector is on again
    gc.disable()
    try:
        _unpacked(_packed(reports, with_texts=False)[0])
        assert not gc.isenabled()  # and stays off when it was off
    finally:
        gc.enable()


def test_a_failed_partition_stops_the_others(client: Client, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    files = _generated(folder, 30)
    sidecar = folder / "r000.meta.json"
    good = sidecar.read_text(encoding="utf-8")
    sidecar.write_text('{"published": "someday"}', encoding="utf-8")
    with pytest.raises(ge.InputError, match=r"r000\.meta\.json"):
        parse_and_merge(folder, npartitions=12)

    def tasks(dask_scheduler: Any) -> int:
        return len(dask_scheduler.tasks)

    waited = 0.0
    while client.run_on_scheduler(tasks) and waited < 10:  # type: ignore[no-untyped-call]  # released as the cancellation reaches the scheduler
        time.sleep(0.1)
        waited += 0.1
    assert client.run_on_scheduler(tasks) == 0  # type: ignore[no-untyped-call]
    sidecar.write_text(good, encoding="utf-8")
    assert parse_and_merge(folder, npartitions=12) == without_reports(_single_process(files))
