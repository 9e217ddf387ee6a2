"""The public entry point for one report: :func:`parse` checks its arguments and hands the text to the rules.

The rules themselves live in ``_rules``, the text layer in ``_text``; this module is the thin layer between them
and the caller, and holds the errors and the documentation that callers see.
"""

from __future__ import annotations

import datetime as dt

from ._errors import ParseError, check_encodable
from ._gazetteer import Gazetteer, default_gazetteer
from ._model import Report, digest_of
from ._rules import read_report
from ._text._patterns import pattern_timeout

__all__ = ["parse"]


def parse(
    text: str,
    *,
    published: dt.date | None = None,
    report_id: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> Report:
    """Read one news report and return its factions, sources, places, convoys, figures and events.

    Args:
        text: the report, as served: headline, captions, boilerplate and all.
        published: the publication date; relative dates ("on Saturday") are read against it. Without it
            the report's own dateline, else the latest full date it states, is used; failing both, relative
            dates stay ``None``.
        report_id: the id of the report; record ids start with it. Defaults to the first twelve hex digits
            of the text's SHA-256 digest, so equal texts get equal ids.
        gazetteer: the names to look for; defaults to the bundled gazetteer.

    Parsing takes time linear in the length of the text. As a last guard, each scan of the text by one pattern is
    limited to 30 seconds; a scan that runs longer stops the parse with a :class:`ParseError` rather than let it
    hang.

    Text must be valid Unicode: a lone surrogate (U+D800 to U+DFFF, as ``errors="surrogateescape"`` makes from
    bytes that are not UTF-8) could not be written to any UTF-8 file, so it is refused here, at the door, with an
    :class:`InputError` naming its position, rather than fail later when the report is written.

    Raises:
        TypeError: ``text`` or ``report_id`` is not a ``str`` (or ``published`` not a date).
        InputError: ``text`` or ``report_id`` holds a lone surrogate.
        ParseError: a scan of the text ran past its time limit (never seen on any text so far).

    >>> report = parse("Twelve buses carrying 400 fighters left Douma for Idlib on Monday, SANA said.",
    ...                published=dt.date(2018, 4, 3), report_id="example")
    >>> convoy = report.convoys[0]
    >>> convoy.origin.name, convoy.destination.name, convoy.buses.value, convoy.fighters.value
    ('Douma', 'Idlib', 12, 400)
    >>> convoy.sources[0].name, convoy.date.start.isoformat()
    ('SANA', '2018-04-02')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() expects the report text as a str, got {type(text).__name__}")
    given: object = published
    if given is not None and (not isinstance(given, dt.date) or isinstance(given, dt.datetime)):
        raise TypeError(f"published must be a datetime.date or None, got {type(given).__name__}")
    if report_id is not None and not isinstance(report_id, str):
        raise TypeError(f"report_id must be a str or None, got {type(report_id).__name__}")
    check_encodable(text, "text")
    check_encodable(report_id or "", "report_id")
    rid = report_id if report_id else digest_of(text)[:12]
    try:
        return read_report(text, gazetteer or default_gazetteer(), published, rid)
    except TimeoutError as error:
        raise ParseError(f"report {rid!r}: a pattern ran past its time limit of {pattern_timeout():g} s on this "
                         f"text ({len(text):,} characters); the parse was stopped", text=text, start=0,
                         end=min(len(text), 60)) from error
