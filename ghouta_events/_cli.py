"""The ``ghouta-events`` command: a thin shell over :func:`parse`, :func:`merge`, JSON and :func:`to_text`.

Exit codes: 0 everything went through; 1 some inputs failed (the others' results were still written, and each
failure was named on stderr); 2 the command could not run at all (bad arguments, nothing readable).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Final, TextIO

from . import __version__
from ._errors import GhoutaEventsError, InputError
from ._export import dump_csv, dump_geojson, dump_sqlite, to_csv_rows, to_geojson
from ._gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from ._io import from_json, iter_json_lines, to_json, write_atomic
from ._merge import Dataset, merge
from ._model import Report
from ._parse import parse
from ._render import to_text
from ._samples import sample_paths

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_PARTIAL: Final = 1
EXIT_USAGE: Final = 2
PROG: Final = "ghouta-events"


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
        path = Path(name)
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file())
            if not inside:
                failures.report(name, "folder holds no .txt reports")
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            failures.report(name, "no such file or folder")
    return found


def _published(path: Path, default: dt.date | None) -> dt.date | None:
    """The publication date from the NAME.meta.json sidecar, else the default."""
    sidecar = path.with_name(f"{path.stem}.meta.json")
    if not sidecar.is_file():
        return default
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"unreadable sidecar ({error})", path=str(sidecar)) from None
    value = meta.get("published") if isinstance(meta, dict) else None
    if value is None:
        return default
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"'published' is not a date in the form YYYY-MM-DD: {value!r}", path=str(sidecar)) from None


def _parse_files(files: Sequence[Path], published: dt.date | None, gazetteer: Gazetteer, failures: _Failures,
                 quiet: bool) -> Iterator[Report]:
    progress = _Progress(len(files), quiet)
    try:
        for path in files:
            progress.step(path.name)
            try:
                text = path.read_text(encoding="utf-8")
                yield parse(text, published=_published(path, published), report_id=path.stem, gazetteer=gazetteer)
            except UnicodeDecodeError as error:
                failures.report(str(path), f"not UTF-8 text (byte {error.start})")
            except OSError as error:
                failures.report(str(path), error.strerror or str(error))
            except GhoutaEventsError as error:
                failures.report(str(path), str(error))
    finally:
        progress.close()


def _write_lines(out: IO[str], lines: Iterable[str]) -> None:
    for line in lines:
        out.write(line + "\n")


def _emit(output: str | None, lines: Iterable[str]) -> None:
    """Write lines to stdout, or atomically to a file."""
    if output is None or output == "-":
        _write_lines(sys.stdout, lines)
        sys.stdout.flush()
    else:
        write_atomic(output, lambda handle: _write_lines(handle, lines))


def _read_documents(paths: Sequence[str], failures: _Failures) -> Iterator[Report | Dataset]:
    """Reports and datasets from JSON Lines files (or stdin), a whole-file JSON document also accepted."""
    sources: list[tuple[str, TextIO | None]] = [(p, None) for p in paths] or [("<stdin>", sys.stdin)]
    for name, stream in sources:
        try:
            text = Path(name).read_text(encoding="utf-8") if stream is None else stream.read()
        except FileNotFoundError:
            failures.report(name, "no such file")
            continue
        except UnicodeDecodeError as error:
            failures.report(name, f"not UTF-8 text (byte {error.start})")
            continue
        except OSError as error:
            failures.report(name, error.strerror or str(error))
            continue
        try:
            if text.lstrip().startswith("{") and "\n{" not in text.strip():
                yield from_json(text)  # one document, possibly indented
            else:
                yield from iter_json_lines(text.splitlines(), name=name)
        except InputError as error:
            failures.report(name, str(error).removeprefix(f"{name}: "))


def _gazetteer(args: argparse.Namespace) -> Gazetteer:
    extra = getattr(args, "gazetteer", None) or []
    return load_gazetteer(*extra) if extra else default_gazetteer()


# --- Commands -----------------------------------------------------------------------------------------------


def _cmd_parse(args: argparse.Namespace, failures: _Failures) -> int:
    gazetteer = _gazetteer(args)
    if not args.paths or args.paths == ["-"]:
        text = sys.stdin.read()
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
    """The documents named on the command line (or stdin); when none could be read, say ``nothing`` unless a
    failure was already named."""
    documents = list(_read_documents(args.inputs, failures))
    if not documents and not failures.count:
        failures.report("<input>", nothing)
    return documents


def _cmd_merge(args: argparse.Namespace, failures: _Failures) -> int:
    documents = _inputs(args, failures, "no reports to merge")
    if not documents:
        return EXIT_USAGE
    dataset = merge(documents, gazetteer=_gazetteer(args))
    _emit(args.output, [to_json(dataset, indent=args.indent)])
    return EXIT_PARTIAL if failures.count else EXIT_OK


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
    sys.stdout.write(to_text(dataset, since=args.since, until=args.until, place=args.place, gazetteer=gazetteer))
    return EXIT_PARTIAL if failures.count else EXIT_OK


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
    except BrokenPipeError:
        raise  # the reader went away: main() stops quietly
    except (OSError, sqlite3.Error) as error:
        failures.report(str(args.output), getattr(error, "strerror", None) or str(error))
        return EXIT_USAGE
    sys.stdout.flush()
    return EXIT_PARTIAL if failures.count else EXIT_OK


def _cmd_demo(args: argparse.Namespace, failures: _Failures) -> int:
    files = sample_paths()
    reports = list(_parse_files(files, None, default_gazetteer(), failures, args.quiet))
    print(f"Parsed {len(reports)} bundled sample reports: "
          f"{sum(len(r.convoys) for r in reports)} convoy records, {sum(len(r.figures) for r in reports)} figures, "
          f"{sum(len(r.events) for r in reports)} events.\n")
    sys.stdout.write(to_text(merge(reports)))
    return EXIT_PARTIAL if failures.count else EXIT_OK


def _parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog=PROG,
        description="Attributed records of evacuations and deals around Damascus, from news reports.",
        epilog="Pipe the commands: ghouta-events parse FOLDER | ghouta-events merge | ghouta-events show",
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    failures = _Failures(getattr(args, "quiet", False))
    try:
        code: int = args.run(args, failures)
    except GhoutaEventsError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away ("| head"): stop quietly, as command line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PARTIAL
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
