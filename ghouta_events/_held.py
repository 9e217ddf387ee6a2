"""What a merge holds of each report, and a dataset without its reports.

A merge uses a report's records (convoys, figures and events), its sources, dates, digest and text (copies of one
story are recognised by their texts), and nothing else. :func:`held_for_merge` keeps just that, so that a merge
over many reports (the ``merge`` command, the Dask reduction) holds and sends no mentions, vague amounts or
unplaced items. :func:`without_reports` is the form a dataset takes when its reports are not asked for: its
consolidated records keep their members (each with its spans) and the id of each member's report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from ._errors import InputError
from ._merge import Dataset
from ._model import Report

__all__ = ["held_for_merge", "held_reports", "without_reports"]


def held_for_merge(report: Report, with_texts: bool) -> Report:
    """The report itself when ``with_texts`` (it goes into the dataset whole); else a report of the same id,
    text, dates, digest, sources and records, without its mentions, places, factions, vague amounts and
    unplaced items, which the merge never reads: it merges into the same consolidated records."""
    if with_texts:
        return report
    return Report(id=report.id, text=report.text, published=report.published, anchor=report.anchor,
                  digest=report.digest, sources=report.sources, convoys=report.convoys, figures=report.figures,
                  events=report.events)


def held_reports(documents: Iterable[Report | Dataset], with_texts: bool, *, advice: str) -> Iterator[Report]:
    """What a merge holds of each report of ``documents`` (reports, and the reports of datasets).

    Raises:
        InputError: a dataset without its reports comes with records, so it cannot take in more reports; the
            message ends with ``advice`` (how to keep the reports where the caller is).
    """
    for document in documents:
        if isinstance(document, Report):
            yield held_for_merge(document, with_texts)
        elif document.reports or not (document.convoys or document.figures or document.events):
            yield from (held_for_merge(report, with_texts) for report in document.reports)
        else:
            raise InputError(f"a dataset without its reports cannot take in more reports ({advice})")


def without_reports(dataset: Dataset) -> Dataset:
    """The dataset with an empty list of reports: its consolidated records and conflicts as they are.

    Each consolidated record's ``members`` are the records of the reports named, in the same order, by its
    ``reports``, with their spans, so every record stays traceable to the words of its report; the reports
    that were copies of another's story are no longer listed."""
    return attrs.evolve(dataset, reports=())
