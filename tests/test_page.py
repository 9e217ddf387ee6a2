"""The zones of a page (headline, caption, body, boilerplate), on invented pages.

Each row is a page and the zone of each of its sentences, in order; the id names the furniture it shows.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ghouta_events import parse
from ghouta_events._text._chunks import tokenize
from ghouta_events._text._page import Zone, dateline_end, mark_after, page_zones, zone_at
from ghouta_events._text._sentences import iter_sentences
from ghouta_events._text._words import Words

MONDAY = dt.date(2019, 6, 3)
H, C, B, X = Zone.HEADLINE, Zone.CAPTION, Zone.BODY, Zone.BOILERPLATE


def _zones(page: str) -> list[Zone]:
    return page_zones(tokenize(Words(page)), list(iter_sentences(page)))


PAGES = [
    pytest.param("Buses leave Kafr Qamar for Ain Sufra\n\nForty buses left the town on Monday. More followed.",
                 [H, B, B], id="a headline, then the body"),
    pytest.param("Contact Us\n\nBuses leave Kafr Qamar\n\nForty buses left the town on Monday.",
                 [X, H, B], id="furniture before the headline"),
    pytest.param("Buses leave Kafr Qamar\n\nSubscribe\n\nForty buses left the town on Monday.",
                 [H, X, B], id="a subscription prompt"),
    pytest.param("Forty buses left the town on Monday.\n\nRead more\n\nShare this article",
                 [B, X, X], id="read more and share links"),
    pytest.param("Forty buses left the town on Monday.\n\nCopyright 2019 Example Press. All rights reserved.",
                 [B, X, X], id="a copyright line"),
    pytest.param("Forty buses left the town on Monday.\n\n\u00a9 Example Press 2019",
                 [B, X], id="a copyright sign"),
    pytest.param("Home Latest Stories Opinion Sports Weather Newsletters\n\nForty buses left the town on Monday.",
                 [X, B], id="a menu line"),
    pytest.param("Buses leave Kafr Qamar\n\nBuses wait at the edge of the town. (Jane DOE / AFP)\n\n"
                 "Forty buses left the town on Monday.", [H, C, C, B], id="a caption with a credit"),
    pytest.param("Buses leave Kafr Qamar\n\nGunmen board buses in the town on Monday [Example]\n\n"
                 "Forty buses left the town on Monday.", [H, C, B], id="a credit in square brackets"),
    pytest.param("This photo released on Monday shows buses in Kafr Qamar.\n\nForty buses left the town.",
                 [C, B], id="a caption that opens with its photo"),
    pytest.param("Forty buses left the town on Monday.\n\nRelated article: Ninety buses leave Ain Sufra",
                 [B, B], id="a related story's headline is no furniture"),
    pytest.param("Forty buses left the town on Monday.", [B], id="a single paragraph is the body"),
]


@pytest.mark.parametrize(("page", "zones"), PAGES)
def test_page_zones(page: str, zones: list[Zone]) -> None:
    assert _zones(page) == zones


def test_every_position_knows_its_zone() -> None:
    page = "Buses leave Kafr Qamar\n\nForty buses left the town on Monday.\n\nRead more"
    sentences = list(iter_sentences(page))
    zones = page_zones(tokenize(Words(page)), sentences)
    assert [zone_at(zones, sentences, page.index(word)) for word in ("leave", "Forty", "town", "more")] == [
        H, B, B, X]


def test_boilerplate_yields_no_records() -> None:
    page = ("Forty buses carrying 900 fighters left Kafr Qamar for Ain Sufra on Monday.\n\n"
            "Subscribe for 300 fighters left\n\nRead more: 200 killed")
    report = parse(page, published=MONDAY, report_id="furniture")
    assert [c.fighters.value for c in report.convoys if c.fighters] == [900]
    assert report.figures == ()


@given(st.lists(st.sampled_from(["Subscribe", "Forty buses left.", "Buses leave town", "(Jane DOE / AFP)",
                                 "Copyright 2019", "Read more", "\u00a9 2019", "Home Latest Stories Weather"]),
                max_size=8))
def test_every_sentence_has_one_zone_and_at_most_one_headline(lines: list[str]) -> None:
    page = "\n\n".join(lines)
    zones = _zones(page)
    assert len(zones) == len(list(iter_sentences(page)))
    assert zones.count(Zone.HEADLINE) <= 1


# (the opening of a paragraph, where its body starts after the dateline, or None)
DATELINES = [
    pytest.param("KAFR QAMAR, June 3, 2019 - Forty buses left.", "Forty", id="place, date and a dash"),
    pytest.param("KAFR QAMAR, Syria (Example) - Forty buses left.", "Forty", id="place, country and an agency"),
    pytest.param("Kafr Qamar: Forty buses left.", "Forty", id="a colon"),
    pytest.param("AIN SUFRA \u2014 Forty buses left.", "Forty", id="an em dash"),
    pytest.param("KAFR QAMAR, June 3. /Example/. Forty buses left.", "Forty", id="an agency's tag after the date"),
    pytest.param("AIN SUFRA /Daily Courier/ Forty buses left.", "Forty", id="a tag of two words after the place"),
    pytest.param("KAFR QAMAR, Syria, June 3. /Example/ - Forty buses left.", "Forty",
                 id="a tag after two segments closes the dateline"),
    pytest.param("KAFR QAMAR, 3/6/2019 - Forty buses left.", "Forty", id="slashes of a date are no tag"),
    pytest.param("Forty buses left 3 towns - all in the hills.", None, id="a number is no part of a place"),
    pytest.param("Sufra\u2019s buses: forty left.", None, id="a possessive is no place"),
    pytest.param("Forty buses left.", None, id="no dash"),
    pytest.param("KAFR QAMAR -Forty buses left.", None, id="no white space after the dash"),
]


@pytest.mark.parametrize(("text", "body"), DATELINES)
def test_datelines(text: str, body: str | None) -> None:
    tokens = tokenize(Words(text))
    end = dateline_end(tokens, 0, len(tokens))
    assert end == (None if body is None else text.index(body))


def test_the_mark_after_a_name() -> None:
    text = "SANA- buses left; Example-Press reported, (Agency) said"
    tokens = tokenize(Words(text))
    assert mark_after(tokens, text.index("- ")) == "-"
    assert mark_after(tokens, text.index("-Press")) == "-"
    assert mark_after(tokens, text.index(", (")) == ","
    assert mark_after(tokens, text.index("buses") - 1) is None
