"""Parse and merge reports on a Dask cluster: a bag of reports, parsed and held per partition, merged once.

A :class:`~ghouta_events.Dataset` is a function of the set of reports it holds (see :func:`ghouta_events.merge`),
so merging what the partitions hold of their reports gives exactly the dataset that one process would build from
all the reports.

Nothing large travels in the task graph: partitions carry file paths, and each worker reads and parses its own
files, and keeps of each report what the merge needs (records, sources, dates, and the hashes of its word
5-grams, by which copies of one story are found), without its text unless ``with_texts`` asks for it. A
dataset depends on the whole set of reports (a movement may take in records from any partition), so a partial
dataset would have to be rebuilt at the next step: the held reports are only gathered, and merged once.

On a ``distributed`` cluster, each partition pickles its held reports into one string of bytes, which the
cluster sends as it is; this process takes each partition's in as soon as it is done, while the others are
still parsed (or, with ``split_every``, all at once from a tree of gathering steps on the workers), and
unpickles them with the cyclic garbage collector paused. When all are in, this process finds the copies of each
story, and consolidates the movements while one worker, which has gathered the held reports meanwhile,
consolidates the figures and events of the same reports and sends them back. The dataset is made here, where it
is wanted, and never sent whole. Without a ``distributed`` client (Dask's threads, or no parallelism), the held
reports are merged here as they are.

The gazetteer is never sent (it cannot be pickled): each worker process loads the bundled one, or builds one
from the extra CSV files it is given by path, once per process (again if a file changes).
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import os
import pickle
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeAlias, TypeVar

import dask.bag as db
from dask.base import compute, get_scheduler
from dask.utils import parse_bytes

from ._errors import GhoutaEventsError, InputError
from ._gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from ._held import held_reports
from ._merge import (
    Conflict,
    ConsolidatedEvent,
    ConsolidatedFigure,
    Dataset,
    Held,
    _assembled,
    _Builder,
    _held_canonical,
    _tellings,
    hold,
    merge_held,
)
from ._model import Report
from ._parse import parse
from ._reading import read_text, text_paths

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["merge_bag", "parse_and_merge", "read_reports"]

_T = TypeVar("_T")

#: A file or folder name, as :func:`read_reports` takes them.
PathLike: TypeAlias = str | os.PathLike[str]

#: With neither ``blocksize`` nor ``npartitions``, files are spread over at most this many partitions (as
#: :func:`dask.bag.from_sequence` does with a sequence).
DEFAULT_MAX_PARTITIONS: Final = 100


# --- On the client: list and partition the files ------------------------------------------------------------


def _as_list(paths: PathLike | Iterable[PathLike]) -> list[PathLike]:
    if isinstance(paths, str | os.PathLike):
        return [paths]
    return list(paths)


def _text_files(paths: Iterable[PathLike]) -> list[Path]:
    """The .txt files named, or found directly inside the folders named, in order, each once, absolute."""
    found: dict[Path, None] = {}
    for name in paths:
        try:
            found.update(dict.fromkeys(text_paths(Path(name).absolute())))
        except InputError as error:
            raise InputError(error.message, path=os.fspath(name)) from None
    return list(found)


def _gazetteer_files(files: PathLike | Iterable[PathLike]) -> tuple[str, ...]:
    """The extra gazetteer files as absolute paths, checked by loading them once here (fails early and clearly)."""
    absolute = tuple(os.fspath(Path(f).absolute()) for f in _as_list(files))
    if absolute:
        load_gazetteer(*absolute)  # raises GazetteerError naming the file, line and field
    return absolute


def _by_count(files: Sequence[Path], npartitions: int) -> list[list[Path]]:
    """``npartitions`` runs of consecutive files, their lengths differing by one at most (trailing ones empty
    when there are more partitions than files)."""
    size, extra = divmod(len(files), npartitions)
    chunks: list[list[Path]] = []
    start = 0
    for index in range(npartitions):
        end = start + size + (1 if index < extra else 0)
        chunks.append(list(files[start:end]))
        start = end
    return chunks


def _by_size(files: Sequence[Path], blocksize: int) -> list[list[Path]]:
    """Runs of consecutive files of at most ``blocksize`` bytes in all (a larger file has a run of its own)."""
    chunks: list[list[Path]] = []
    current: list[Path] = []
    filled = 0
    for path in files:
        size = path.stat().st_size
        if current and filled + size > blocksize:
            chunks.append(current)
            current, filled = [], 0
        current.append(path)
        filled += size
    if current:
        chunks.append(current)
    return chunks


def _partitions(files: Sequence[Path], blocksize: int | str | None, npartitions: int | None) -> list[list[Path]]:
    if blocksize is not None and npartitions is not None:
        raise ValueError("give blocksize or npartitions, not both")
    if npartitions is not None:
        if npartitions < 1:
            raise ValueError(f"npartitions must be a positive integer, got {npartitions!r}")
        return _by_count(files, npartitions)
    if blocksize is not None:
        size = parse_bytes(blocksize) if isinstance(blocksize, str) else blocksize
        if size < 1:
            raise ValueError(f"blocksize must be a positive number of bytes, got {blocksize!r}")
        return _by_size(files, size)
    return _by_count(files, min(len(files), DEFAULT_MAX_PARTITIONS))


# --- On the workers: parse and merge ------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _cached_gazetteer(files: tuple[tuple[str, int, int], ...]) -> Gazetteer:
    return load_gazetteer(*(path for path, _, _ in files))


def _gazetteer(files: tuple[str, ...]) -> Gazetteer:
    """The bundled gazetteer, or one with the extra files: built once per process, again when a file changes."""
    if not files:
        return default_gazetteer()
    identity = []
    for path in files:
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            raise InputError("no such gazetteer file on this worker", path=path) from None
        identity.append((path, stat.st_mtime_ns, stat.st_size))
    return _cached_gazetteer(tuple(identity))


def _parse_file(path: Path, published: dt.date | None, gazetteer: Gazetteer) -> Report:
    """One report, as the command line parses it: id from the file name, date from the sidecar or the default."""
    try:
        item = read_text(path)
    except InputError as error:
        if not path.exists():
            raise InputError("no such file on this worker", path=str(path)) from None
        raise error from None
    try:
        return parse(item.text, published=item.published or published, report_id=item.id, gazetteer=gazetteer)
    except GhoutaEventsError as error:
        error.add_note(f"while parsing {path}")
        raise


def _parse_partition(chunks: Iterable[Sequence[str]], *, published: dt.date | None,
                     gazetteer_files: tuple[str, ...]) -> list[Report]:
    paths = [Path(path) for chunk in chunks for path in chunk]
    if not paths:
        return []
    gazetteer = _gazetteer(gazetteer_files)
    return [_parse_file(path, published, gazetteer) for path in paths]


def _hold_partition(items: Iterable[Report | Dataset], *, with_texts: bool) -> list[Held]:
    """What the merge needs of a partition's reports (see :func:`~._merge.hold`): records, sources, dates and
    the hashes of their word 5-grams, worked out here; the texts only ``with_texts``."""
    held = held_reports(items, with_texts, advice="merge the reports, or keep them with with_texts=True")
    return [hold(report, with_text=with_texts) for report in held]


def _packed(items: Iterable[Report | Dataset], *, with_texts: bool) -> list[bytes]:
    """A partition's held reports pickled into one string of bytes, here on the worker: the cluster sends bytes
    as they are, and this process unpickles them with the cyclic collector paused (see :func:`_unpacked`), where
    the deep graph of records, sent as objects, would be unpickled with the collector running, five times
    slower."""
    held = _hold_partition(items, with_texts=with_texts)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return [pickle.dumps(held, protocol=pickle.HIGHEST_PROTOCOL)]
    finally:
        if collecting:
            gc.enable()


def _unpacked(blob: bytes) -> list[Held]:
    """The held reports that :func:`_packed` pickled. The records make no reference cycles, so the cyclic
    collector, which would scan the growing graph again and again, is paused meanwhile."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        held: list[Held] = pickle.loads(blob)
        return held
    finally:
        if collecting:
            gc.enable()


def _gather(parts: Iterable[list[_T]]) -> list[_T]:
    """The held reports (or their packed bytes) of several partitions together (a step of the tree reduction)."""
    return [held for part in parts for held in part]


def _merge_held(held: list[Held], *, gazetteer_files: tuple[str, ...]) -> Dataset:
    """The dataset of every held report: without its reports unless they were held with their texts."""
    return merge_held(held, gazetteer=_gazetteer(gazetteer_files))


# --- The public helpers -------------------------------------------------------------------------------------


def _read_reports(paths: PathLike | Iterable[PathLike], published: dt.date | None, gazetteer_files: tuple[str, ...],
                  blocksize: int | str | None, npartitions: int | None) -> db.Bag:
    files = _text_files(_as_list(paths))
    if not files:
        raise InputError("no .txt reports given")
    chunks = _partitions(files, blocksize, npartitions)
    # One element per partition: the list of that partition's files, as strings (small, and plain data).
    listing = [[str(path) for path in chunk] for chunk in chunks]
    bag: db.Bag = db.from_sequence(listing, partition_size=1)  # type: ignore[no-untyped-call]  # dask: unannotated
    parse_partition = functools.partial(_parse_partition, published=published, gazetteer_files=gazetteer_files)
    reports: db.Bag = bag.map_partitions(parse_partition)  # type: ignore[no-untyped-call]  # dask: unannotated
    return reports


def _distributed_client() -> Client | None:
    """The :class:`distributed.Client` whose cluster Dask computes on now, if any."""
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - the dask extra brings distributed
        return None
    owner = getattr(get_scheduler(), "__self__", None)  # type: ignore[no-untyped-call]  # dask: unannotated
    return owner if isinstance(owner, Client) else None


def _loaded(*parts: list[bytes]) -> list[Held]:
    """On a worker: the held reports of every partition, unpickled, to stay there for :func:`_figures_and_events`."""
    return [one for part in parts for blob in part for one in _unpacked(blob)]


def _figures_and_events(loaded: list[Held], tellings: list[str], *, gazetteer_files: tuple[str, ...]) -> bytes:
    """On a worker, while the calling process consolidates the movements: the consolidated figures and events of
    the tellings named (and the conflicts found among them), pickled."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        by_id = {held.id: held for held in loaded}
        builder = _Builder([by_id[name] for name in tellings], _gazetteer(gazetteer_files))
        made = (builder.figures(), builder.events(), builder.conflicts)
        return pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        if collecting:
            gc.enable()


def _on_the_cluster(client: Client, parts: list[Any], gazetteer_files: tuple[str, ...]) -> Dataset:
    """The dataset of the packed held reports that ``parts`` compute to, on ``client``'s cluster.

    Each part is taken in as soon as it is done, while the others are still being parsed. When the last is in,
    one worker gathers and unpickles them all too while this process finds the copies of each story; then this
    process consolidates the movements and that worker, told which reports speak for their stories, the figures
    and events, at the same time (they are made apart from the movements, of the same reports)."""
    from distributed import as_completed

    futures = client.compute(parts)  # type: ignore[no-untyped-call]  # distributed: unannotated
    started = list(futures)
    try:
        held: list[Held] = []
        for _, part in as_completed(futures, with_results=True):  # type: ignore[no-untyped-call]
            for blob in part:
                held.extend(_unpacked(blob))
        collecting = gc.isenabled()
        gc.disable()  # as in merge_held: the merge makes many objects and no reference cycles
        try:
            canonical, reports = _held_canonical(held)  # raises MergeError before any more work is sent
            loaded = client.submit(_loaded, *futures, pure=False)
            started.append(loaded)
            tellings = _tellings(canonical)
            remote = client.submit(
                _figures_and_events, loaded, [told.id for told in tellings], gazetteer_files=gazetteer_files,
                pure=False)
            started.append(remote)
            builder = _Builder(tellings, _gazetteer(gazetteer_files))
            convoys = builder.convoys()
            made: tuple[list[ConsolidatedFigure], list[ConsolidatedEvent], list[Conflict]] = pickle.loads(
                remote.result())
            figures, events, conflicts = made
            return _assembled(reports, convoys, figures, events, [*builder.conflicts, *conflicts])
        finally:
            if collecting:
                gc.enable()
    except BaseException:
        client.cancel(started)  # type: ignore[no-untyped-call]  # distributed: unannotated
        raise


def _merge_bag(bag: db.Bag, gazetteer_files: tuple[str, ...], with_texts: bool, split_every: int | None) -> Dataset:
    if split_every is not None and split_every < 2:
        raise ValueError(f"split_every must be an integer of 2 or more, got {split_every!r}")
    client = _distributed_client()
    if client is None:
        # In this process (Dask's threads, or no parallelism at all): the held reports are passed as they are,
        # and merged here, once.
        per_partition = functools.partial(_hold_partition, with_texts=with_texts)
        if split_every is None:
            parts = compute(*bag.map_partitions(per_partition).to_delayed())  # type: ignore[no-untyped-call]
        else:
            gathered = bag.reduction(per_partition, _gather,  # type: ignore[no-untyped-call]
                                     split_every=split_every, name="ghouta-events-hold")
            parts = (gathered.compute(),)
        return _merge_held(_gather(parts), gazetteer_files=gazetteer_files)
    # On a cluster: each partition's held reports come as one string of bytes, straight here (a step on a worker
    # would only pass them on), or gathered in a tree on the workers. The dataset is made here, where it is
    # wanted, and never sent.
    packed = functools.partial(_packed, with_texts=with_texts)
    if split_every is None:
        delayed = bag.map_partitions(packed).to_delayed()  # type: ignore[no-untyped-call]  # dask: unannotated
    else:
        delayed = [bag.reduction(packed, _gather,  # type: ignore[no-untyped-call]  # dask: unannotated
                                 split_every=split_every, name="ghouta-events-hold")]
    return _on_the_cluster(client, delayed, gazetteer_files)


def read_reports(paths: PathLike | Iterable[PathLike], *, published: dt.date | None = None,
                 gazetteer_files: PathLike | Iterable[PathLike] = (), blocksize: int | str | None = None,
                 npartitions: int | None = None) -> db.Bag:
    """A Dask bag of the reports in .txt files, parsed on the workers when the bag is computed.

    Files and folders are listed here, as the ``ghouta-events parse`` command lists them: a folder gives the
    ``.txt`` files directly inside it, in name order; each report's id is its file name without ``.txt``, and its
    publication date comes from the ``NAME.meta.json`` sidecar, else ``published``. The workers must see the
    files at the same (absolute) paths, as on one machine or a shared file system.

    Args:
        paths: a ``.txt`` file or folder, or several.
        published: the publication date of the reports without a sidecar (or whose sidecar gives none).
        gazetteer_files: extra gazetteer CSV files (see :func:`ghouta_events.load_gazetteer`); each worker
            process builds the gazetteer from them once, rather than receiving it. Pass the same files to
            :func:`merge_bag`.
        blocksize: partition the files into runs of about this many bytes of text (an integer, or a string such
            as ``"4 MiB"``).
        npartitions: partition the files into exactly this many runs of equal length (within one); with more
            partitions than files, the last ones are empty. Give ``blocksize`` or ``npartitions``, not both;
            with neither, the files are spread over at most 100 partitions.

    Returns:
        A :class:`dask.bag.Bag` of :class:`~ghouta_events.Report`, in file order.

    Raises:
        InputError: a path does not exist, or a folder holds no ``.txt`` file (at once); a file is not UTF-8 or a
            sidecar is broken (when the bag is computed).
        GazetteerError: a gazetteer file is missing or malformed (at once).
        ValueError: ``blocksize`` and ``npartitions`` were both given, or one is not positive.

    Example:
        Parse two folders on the current cluster and count the convoy records::

            bag = read_reports(["reports/march", "reports/april"], blocksize="1 MiB")
            bag.map(lambda report: len(report.convoys)).sum().compute()
    """
    files = _gazetteer_files(gazetteer_files)
    return _read_reports(paths, published, files, blocksize, npartitions)


def merge_bag(bag: db.Bag, *, gazetteer_files: PathLike | Iterable[PathLike] = (), with_texts: bool = False,
              split_every: int | None = None) -> Dataset:
    """Merge a bag of reports (or datasets) into one dataset, computed on the current Dask scheduler.

    Each partition's worker keeps of each report what the merge needs (its records, sources, dates and the
    hashes of its word 5-grams, by which copies are found; not its text, unless ``with_texts``); these come to
    this process (straight, each partition's as soon as it is done, or gathered in a tree on the workers first,
    ``split_every`` partitions at a time) and are merged once, so the dataset is made where it is wanted and
    never sent whole (with a :class:`distributed.Client` active, one worker consolidates the figures and
    events while this process consolidates the movements). Since a dataset depends only on the set of reports
    it holds, the result's records equal those of ``merge(bag.compute())``, however the bag is partitioned. The
    dataset returned holds no report unless ``with_texts`` (see ``ghouta-events merge``): its consolidated
    records keep their members, with their spans, and their report ids. With a :class:`distributed.Client`
    active, the parsing runs on its cluster; otherwise on Dask's default scheduler.

    Args:
        bag: a :class:`dask.bag.Bag` of :class:`~ghouta_events.Report` or :class:`~ghouta_events.Dataset`
            items, such as :func:`read_reports` returns.
        gazetteer_files: extra gazetteer CSV files, the same as the reports were parsed with: the merge places
            records by the gazetteer's places.
        with_texts: keep the reports, whole, in the dataset: then it equals ``merge(bag.compute())``, and the
            reports travel between the workers and to this process.
        split_every: gather the partitions' held reports in a tree on the workers, this many at each step (2
            or more), before they come here; ``None``, the default: each partition's come here straight.

    Returns:
        The dataset of every report in the bag (without the reports, unless ``with_texts``).

    Raises:
        MergeError: two different reports share an id.
        GazetteerError: a gazetteer file is missing or malformed.
        InputError: a dataset of the bag has no reports (it was made without ``with_texts``).
        ValueError: ``split_every`` is below 2.

    Example:
        Merge the reports of one folder, on a local cluster::

            from distributed import Client
            with Client():
                dataset = merge_bag(read_reports("reports/"))
    """
    return _merge_bag(bag, _gazetteer_files(gazetteer_files), with_texts, split_every)


def parse_and_merge(paths: PathLike | Iterable[PathLike], *, published: dt.date | None = None,
                    gazetteer_files: PathLike | Iterable[PathLike] = (), blocksize: int | str | None = None,
                    npartitions: int | None = None, with_texts: bool = False,
                    split_every: int | None = None) -> Dataset:
    """Parse the .txt reports in files and folders on the current Dask scheduler, and merge them into one dataset.

    The same as ``merge_bag(read_reports(paths, ...), gazetteer_files=..., with_texts=..., split_every=...)``,
    with the gazetteer files checked once; the arguments are those of :func:`read_reports` and
    :func:`merge_bag`. Each partition's reports are parsed and held in one task, on one worker.

    Returns:
        The dataset of every report found: equal to parsing and merging them all in one process (without the
        reports, unless ``with_texts``).

    Example:
        On a cluster::

            from distributed import Client
            client = Client("tcp://scheduler:8786")
            dataset = parse_and_merge(["/data/reports/2018"], gazetteer_files=["/data/my_places.csv"])
    """
    files = _gazetteer_files(gazetteer_files)
    return _merge_bag(_read_reports(paths, published, files, blocksize, npartitions), files, with_texts, split_every)
