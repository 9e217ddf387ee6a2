"""The ``ghouta-events`` command: a thin shell over :func:`parse`, :func:`merge`, JSON and :func:`to_text`.

Exit codes (listed once, here; ``--help`` shows the same list):

* 0: everything went through.
* 1: ``parse`` only: some input files failed; the others' reports were still written, and each failure was
  named on stderr.
* 2: the command could not run: bad arguments, or an input of ``merge``, ``show`` or ``export`` could not be
  read (these write nothing rather than a dataset that lacks reports), or nothing readable was given.
* 3: the output could not be written (a missing or unwritable folder, a full disk, a closed standard output);
  the message names the file, or ``<stdout>``. Nothing is left where the file was to be written.
* 130: interrupted (SIGINT, Ctrl-C); 143: terminated (SIGTERM). Temporary files are removed first.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Final

import attrs

from . import __version__
from ._errors import GhoutaEventsError, InputError
from ._export import dump_csv, dump_geojson, dump_sqlite, to_csv_rows, to_geojson
from ._gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from ._held import held_reports
from ._io import _LINE_BREAKS, SCHEMA_NAME, SCHEMA_VERSION, _unstructure, to_json, write_atomic
from ._merge import Dataset, hold, merge, merge_held
from ._model import Report
from ._parse import parse
from ._reading import SameIds, read_reports, read_text, text_paths
from ._render import to_text
from ._samples import sample_paths

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_PARTIAL: Final = 1
EXIT_USAGE: Final = 2
EXIT_OUTPUT: Final = 3
EXIT_INTERRUPTED: Final = 128 + signal.SIGINT
EXIT_TERMINATED: Final = 128 + signal.SIGTERM
PROG: Final = "ghouta-events"
STDIN: Final = "<stdin>"
STDOUT: Final = "<stdout>"

EXIT_CODES: Final = f"""exit codes:
  {EXIT_OK}    everything went through
  {EXIT_PARTIAL}    parse: some files failed (each named on stderr); the others' reports were written
  {EXIT_USAGE}    bad arguments, or an input of merge, show or export could not be read (nothing is written)
  {EXIT_OUTPUT}    the output could not be written (the message names the file or <stdout>)
  {EXIT_INTERRUPTED}  interrupted (SIGINT); {EXIT_TERMINATED} terminated (SIGTERM); temporary files are removed
"""


class _OutputError(Exception):
    """The output could not be written: ``where`` is the file, or ``<stdout>``."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")


class _Terminated(BaseException):
    """SIGTERM arrived: unwinds like KeyboardInterrupt, so that temporary files are removed on the way out."""


class _Failures:
    """Failures of single inputs: each is named on stderr at once; the run goes on."""

    def __init__(self, quiet: bool) -> None:
        self.count = 0
        self.quiet = quiet

    def report(self, where: str, message: str) -> None:
        self.count += 1
        print(f"{PROG}: {where}: {message}", file=sys.stderr)


class _Progress:
    """A one-line counter on stderr, shown only when stderr is a terminal and not --quiet."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.total = total
        self.done = 0
        self.active = not quiet and sys.stderr.isatty() and total > 1

    def step(self, name: str) -> None:
        self.done += 1
        if self.active:
            sys.stderr.write(f"\r{PROG}: {self.done}/{self.total} {name[:50]:<50}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.active:
            sys.stderr.write("\r" + " " * 70 + "\r")
            sys.stderr.flush()


def _date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def _text_files(paths: Sequence[str], failures: _Failures) -> list[Path]:
    """The .txt files named, or found directly inside the folders named, in order."""
    found: list[Path] = []
    for name in paths:
        try:
            found.extend(text_paths(Path(name)))
        except InputError as error:
            failures.report(name, error.message)
    return found


def _parse_files(files: Sequence[Path], published: dt.date | None, gazetteer: Gazetteer, failures: _Failures,
                 quiet: bool) -> Iterator[Report]:
    progress = _Progress(len(files), quiet)
    ids = SameIds()
    try:
        for path in files:
            progress.step(path.name)
            try:
                item = read_text(path)
                report = parse(item.text, published=item.published or published, report_id=item.id,
                               gazetteer=gazetteer)
                ids.check(report.id, report.digest, str(path))
            except GhoutaEventsError as error:
                failures.report(str(path), str(error).removeprefix(f"{path}: "))
                continue
            yield report
    finally:
        progress.close()


def _write_lines(out: IO[str], lines: Iterable[str], end: str = "\n") -> None:
    for line in lines:
        out.write(line + end)
    if end != "\n":
        out.write("\n")


def _to_stdout(text: str) -> None:
    """Write to stdout; an OS error (a full disk, a closed stream) becomes one line naming ``<stdout>``."""
    try:
        sys.stdout.write(text)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _OutputError(STDOUT, error.strerror or str(error)) from None


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _OutputError(STDOUT, error.strerror or str(error)) from None


def _emit(output: str | None, lines: Iterable[str], end: str = "\n") -> None:
    """Write lines to stdout, or atomically to a file; with ``end=""``, pieces of one line, then a line break.
    A signal that came while a line was made stops the run before the next is written (see :func:`_stop`)."""
    lines = _heeding_signals(lines)
    if output is None or output == "-":
        for line in lines:
            _to_stdout(line + end)
        if end != "\n":
            _to_stdout("\n")
        _flush_stdout()
        return
    try:
        write_atomic(output, lambda handle: _write_lines(handle, lines, end))
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _OutputError(output, error.strerror or str(error)) from None


def _read_documents(paths: Sequence[str], failures: _Failures) -> Iterator[Report | Dataset]:
    """Reports and datasets from JSON Lines files (or stdin), a whole-file JSON document also accepted."""
    for name in paths or [STDIN]:
        source = sys.stdin.buffer if name in (STDIN, "-") else name
        try:
            yield from read_reports(source)
        except InputError as error:
            where = STDIN if name in (STDIN, "-") else name
            failures.report(where, error.message)


def _gazetteer(args: argparse.Namespace) -> Gazetteer:
    extra = getattr(args, "gazetteer", None) or []
    return load_gazetteer(*extra) if extra else default_gazetteer()


# --- Commands -----------------------------------------------------------------------------------------------


def _cmd_parse(args: argparse.Namespace, failures: _Failures) -> int:
    gazetteer = _gazetteer(args)
    if not args.paths or args.paths == ["-"]:
        try:
            data = sys.stdin.buffer.read()
            text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        except UnicodeDecodeError as error:
            skipped = 3 if data.startswith(b"\xef\xbb\xbf") else 0
            raise InputError(f"not UTF-8 text (byte {error.start + skipped})", path=STDIN) from None
        except OSError as error:
            raise InputError(error.strerror or str(error), path=STDIN) from None
        report = parse(text, published=args.published, report_id=args.id, gazetteer=gazetteer)
        _emit(args.output, [to_json(report)])
        return EXIT_OK
    files = _text_files(args.paths, failures)
    if not files:
        return EXIT_USAGE
    reports = _parse_files(files, args.published, gazetteer, failures, args.quiet)
    _emit(args.output, (to_json(r) for r in reports))
    return EXIT_PARTIAL if failures.count else EXIT_OK


def _inputs(args: argparse.Namespace, failures: _Failures, nothing: str) -> list[Report | Dataset]:
    """The documents named on the command line (or stdin), or none at all when one input could not be read
    (each failure named); when none were given, say ``nothing``."""
    documents = list(_read_documents(args.inputs, failures))
    if failures.count:
        return []
    if not documents:
        failures.report("<input>", nothing)
    return documents


def _merge_stream(documents: Iterable[Report | Dataset], with_texts: bool, gazetteer: Gazetteer,
                  failures: _Failures) -> Dataset | None:
    """The dataset of the documents, read one at a time; ``None`` when one could not be read (named on stderr).

    Only what the merge needs of each report is held (see :func:`held_for_merge`; without ``with_texts``, the hashes
    of its word 5-grams in place of its text). Without ``with_texts`` the dataset
    is written without its reports: each consolidated record keeps its members (with their spans) and the id
    of each member's report, which is how a record is traced back to the report's text."""
    reports = held_reports(documents, with_texts,
                           advice="merge the reports again, or write the dataset with --with-texts")
    # Without the texts, each report is held as the hashes of its word 5-grams (by which copies are found), and
    # its text is let go as soon as it is read.
    if with_texts:
        whole = list(reports)
        count = len(whole)
    else:
        held = [hold(report) for report in reports]
        count = len(held)
    if failures.count:
        return None
    if not count:
        failures.report("<input>", "no reports to merge")
        return None
    if with_texts:
        dataset = merge(whole, gazetteer=gazetteer)
        whole.clear()
    else:
        dataset = merge_held(held, gazetteer=gazetteer, consume=True)
        held.clear()
    return dataset


def _json_chunks(dataset: Dataset) -> Iterator[str]:
    """``to_json(dataset)`` (without an indent) in pieces, one record at a time, so that the whole document
    is never held as one string."""
    def escaped(text: str) -> str:
        for char, escape in _LINE_BREAKS:
            if char in text:
                text = text.replace(char, escape)
        return text

    head = {"schema": SCHEMA_NAME, "version": SCHEMA_VERSION, "type": "dataset"}
    yield json.dumps(head, separators=(",", ":"))[:-1] + ',"data":{'
    for number, name in enumerate(f.name for f in attrs.fields(Dataset)):
        yield ("," if number else "") + json.dumps(name) + ":["
        for index, item in enumerate(getattr(dataset, name)):
            text = json.dumps(_unstructure(item), ensure_ascii=False, separators=(",", ":"))
            yield ("," if index else "") + escaped(text)
        yield "]"
    yield "}}"


def _cmd_merge(args: argparse.Namespace, failures: _Failures) -> int:
    dataset = _merge_stream(_read_documents(args.inputs, failures), args.with_texts, _gazetteer(args), failures)
    if dataset is None:
        return EXIT_USAGE
    if args.indent is not None:
        _emit(args.output, [to_json(dataset, indent=args.indent)])
    else:
        _emit(args.output, _json_chunks(dataset), end="")
    return EXIT_OK


def _dataset_of(documents: Sequence[Report | Dataset], gazetteer: Gazetteer) -> Dataset:
    if len(documents) == 1 and isinstance(documents[0], Dataset):
        return documents[0]
    return merge(documents, gazetteer=gazetteer)


def _cmd_show(args: argparse.Namespace, failures: _Failures) -> int:
    documents = _inputs(args, failures, "nothing to show")
    if not documents:
        return EXIT_USAGE
    gazetteer = _gazetteer(args)
    dataset = _dataset_of(documents, gazetteer)
    _to_stdout(to_text(dataset, since=args.since, until=args.until, place=args.place, gazetteer=gazetteer))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace, failures: _Failures) -> int:
    to_stdout = args.output is None or args.output == "-"
    if args.format == "sqlite" and to_stdout:
        print(f"{PROG}: export --format sqlite needs -o FILE (a database cannot go to stdout)", file=sys.stderr)
        return EXIT_USAGE
    documents = _inputs(args, failures, "nothing to export")
    if not documents:
        return EXIT_USAGE
    gazetteer = _gazetteer(args)
    dataset = _dataset_of(documents, gazetteer)
    hxl = not args.no_hxl
    try:
        if args.format == "sqlite":
            dump_sqlite(dataset, args.output, gazetteer=gazetteer)
        elif args.format == "csv" and not to_stdout:
            dump_csv(dataset, args.output, hxl=hxl, gazetteer=gazetteer)
        elif args.format == "csv":
            csv.writer(sys.stdout).writerows(to_csv_rows(dataset, hxl=hxl, gazetteer=gazetteer))
        elif not to_stdout:
            dump_geojson(dataset, args.output, gazetteer=gazetteer)
        else:
            json.dump(to_geojson(dataset, gazetteer=gazetteer), sys.stdout, ensure_ascii=False, allow_nan=False)
            sys.stdout.write("\n")
        _flush_stdout()
    except (BrokenPipeError, _OutputError):
        raise  # the reader went away: main() stops quietly
    except (OSError, sqlite3.Error) as error:
        where = STDOUT if to_stdout else str(args.output)
        raise _OutputError(where, getattr(error, "strerror", None) or str(error)) from None
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace, failures: _Failures) -> int:
    files = sample_paths()
    reports = list(_parse_files(files, None, default_gazetteer(), failures, args.quiet))
    _to_stdout(f"Parsed {len(reports)} bundled sample reports: "
               f"{sum(len(r.convoys) for r in reports)} convoy records, {sum(len(r.figures) for r in reports)} "
               f"figures, {sum(len(r.events) for r in reports)} events.\n\n")
    _to_stdout(to_text(merge(reports)))
    return EXIT_PARTIAL if failures.count else EXIT_OK


def _parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog=PROG,
        description="Attributed records of evacuations and deals around Damascus, from news reports.",
        epilog="Pipe the commands: ghouta-events parse FOLDER | ghouta-events merge | ghouta-events show\n\n"
               + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
        sub.add_argument("--gazetteer", action="append", metavar="CSV",
                         help="an extra gazetteer table (places, factions or sources columns); repeatable")

    p = commands.add_parser("parse", help="parse reports into JSON Lines, one report per line")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help=".txt files or folders of them (a NAME.meta.json sidecar gives the date); "
                        "none or - reads stdin")
    p.add_argument("--published", type=_date_arg, metavar="YYYY-MM-DD",
                   help="publication date for reports without a sidecar")
    p.add_argument("--id", help="report id for text read from stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout")
    common(p)
    p.set_defaults(run=_cmd_parse)

    m = commands.add_parser("merge", help="merge JSON Lines of reports (or datasets) into one dataset")
    m.add_argument("inputs", nargs="*", metavar="FILE", help="JSON Lines files; none reads stdin")
    m.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout")
    m.add_argument("--indent", type=int, default=None, help="indent the JSON output")
    m.add_argument("--with-texts", action="store_true",
                   help="keep the reports (their texts, mentions and records) in the dataset; without it, each "
                        "record names its report's id and spans, and the reports are left out")
    common(m)
    m.set_defaults(run=_cmd_merge)

    s = commands.add_parser("show", help="print a dataset (or reports, merged) as a readable listing")
    s.add_argument("inputs", nargs="*", metavar="FILE",
                   help="a dataset JSON or JSON Lines of reports; none reads stdin")
    s.add_argument("--since", type=_date_arg, metavar="YYYY-MM-DD", help="only records on or after this day")
    s.add_argument("--until", type=_date_arg, metavar="YYYY-MM-DD", help="only records on or before this day")
    s.add_argument("--place", help="only records at this place or within it, e.g. 'Eastern Ghouta'")
    common(s)
    s.set_defaults(run=_cmd_show)

    e = commands.add_parser("export", help="write a dataset (or reports, merged) as CSV, GeoJSON or SQLite")
    e.add_argument("inputs", nargs="*", metavar="FILE",
                   help="a dataset JSON or JSON Lines of reports; none reads stdin")
    e.add_argument("--format", required=True, choices=("csv", "geojson", "sqlite"),
                   help="CSV with HXL hashtags, GeoJSON, or an SQLite database")
    e.add_argument("--no-hxl", action="store_true", help="CSV without the row of HXL hashtags")
    e.add_argument("-o", "--output", metavar="FILE",
                   help="write here (atomically) instead of stdout; required for sqlite")
    common(e)
    e.set_defaults(run=_cmd_export)

    d = commands.add_parser("demo", help="parse and merge the bundled sample reports and show the result")
    d.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    d.set_defaults(run=_cmd_demo)
    return top


#: The signals that asked the run to stop, in the order they came.
_RECEIVED: list[int] = []


def _stop(signum: int, frame: FrameType | None) -> None:
    """Stop on SIGINT or SIGTERM: unwind at once, and remember the signal. An exception raised while the
    interpreter runs a finaliser (a ``__del__``, as the regular expression compiler's) is printed and dropped, so
    the signal would be lost; :func:`_heeding_signals` raises it again at the next line of output."""
    _RECEIVED.append(signum)
    _raise_received()


def _unraisable(previous: Callable[[sys.UnraisableHookArgs], object]) -> Callable[[sys.UnraisableHookArgs], None]:
    """A hook for exceptions the interpreter cannot raise: the stop of :func:`_stop` is not shown (it is raised again
    at the next line of output); anything else goes to ``previous``."""
    def hook(unraisable: sys.UnraisableHookArgs) -> None:
        if not isinstance(unraisable.exc_value, (KeyboardInterrupt, _Terminated)) or not _RECEIVED:
            previous(unraisable)
    return hook


def _raise_received() -> None:
    if _RECEIVED:
        raise KeyboardInterrupt if _RECEIVED[0] == signal.SIGINT else _Terminated


def _heeding_signals(lines: Iterable[str]) -> Iterator[str]:
    """The lines, stopping before the next one once a signal has come (see :func:`_stop`)."""
    for line in lines:
        _raise_received()
        yield line
    _raise_received()


def _quiet_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush of what could not be written
    (a closed pipe, a full disk) fails no more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is not a file descriptor (a test's capture): nothing to quiet
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module's docstring or ``--help``)."""
    args = _parser().parse_args(argv)
    failures = _Failures(getattr(args, "quiet", False))
    _RECEIVED.clear()
    previous: dict[int, object] = {}
    unraisable_hook = sys.unraisablehook
    sys.unraisablehook = _unraisable(unraisable_hook)
    try:
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, _stop)
    except ValueError:  # not the main thread: leave the signals as they are
        pass
    try:
        code: int = args.run(args, failures)
        _flush_stdout()
    except GhoutaEventsError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except _OutputError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        _quiet_stdout()
        return EXIT_OUTPUT
    except BrokenPipeError:
        # The reader went away ("| head"): stop quietly, as command line tools do.
        _quiet_stdout()
        return EXIT_PARTIAL
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except _Terminated:
        print(f"{PROG}: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    finally:
        sys.unraisablehook = unraisable_hook
        for number, handler in previous.items():
            signal.signal(number, handler if callable(handler) or isinstance(handler, int) else signal.SIG_DFL)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
