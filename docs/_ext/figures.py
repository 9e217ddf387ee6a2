"""Figures drawn from the bundled sample reports when the documentation is built.

The extension parses the sample reports that ship with the package (``ghouta_events/samples``, each ``NAME.txt``
with a ``NAME.meta.json`` sidecar giving its publication date) with :func:`ghouta_events.parse`, merges them with
:func:`ghouta_events.merge`, and writes two SVG files into ``_generated/`` next to the pages:

* ``timeline.svg``: one row per consolidated movement, a bar over its days, the best estimate of the people who
  left, and a marker for each parsed record the movement was built from;
* ``map.svg``: origins and destinations on an equirectangular projection, with arrows whose width follows the
  best estimate of the people who left.

The SVG is written as plain text: two simple charts do not need a plotting library. A file is only rewritten
when its content changes, so an unchanged build stays incremental.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from sphinx.application import Sphinx
from sphinx.util import logging

import ghouta_events
from ghouta_events import ConsolidatedConvoy, Dataset, Place, Report

logger = logging.getLogger(__name__)

OUTPUT_FOLDER = "_generated"

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2328"  # text and axes
MUTED = "#59636e"  # secondary text
GRID = "#d8dee4"
BAR = "#2f6f9f"  # consolidated movements
ORIGIN = "#b3261e"
DESTINATION = "#1b5e8c"
FLOW = "#2f6f9f"
BACKGROUND = "#ffffff"

EARTH_KM_PER_DEGREE = 6371.0088 * math.pi / 180  # mean Earth radius: kilometres per degree of latitude


# --- Data ------------------------------------------------------------------------------------------------------


def sample_reports() -> list[Report]:
    """Parse the bundled sample reports, each with the publication date of its sidecar, in name order."""
    folder = ghouta_events.sample_paths()[0].parent
    return [ghouta_events.parse(item.text, published=item.published, report_id=item.id)
            for item in ghouta_events.iter_texts(folder)]


def sample_dataset() -> Dataset:
    """The bundled sample reports, parsed and merged."""
    return ghouta_events.merge(sample_reports())


def _name(place: Place | None) -> str:
    return place.name if place is not None else "?"


def movement_label(convoy: ConsolidatedConvoy) -> str:
    """``"Origin -> Destination"``, with ``?`` for a place no member states."""
    return f"{_name(convoy.origin)} -> {_name(convoy.destination)}"


def best_people(convoy: ConsolidatedConvoy) -> int | None:
    return convoy.people.estimate.best if convoy.people is not None else None


def _people_text(convoy: ConsolidatedConvoy) -> str:
    best = best_people(convoy)
    return f"{best:,} people" if best is not None else "people not counted"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _records_text(convoy: ConsolidatedConvoy) -> str:
    """How many parsed records, from how many reports, a movement was built from."""
    return f"{_plural(len(convoy.members), 'record')} from {_plural(len(set(convoy.reports)), 'report')}"


def _day_text(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _when_text(convoy: ConsolidatedConvoy) -> str:
    if convoy.date is None:
        return "undated"
    if convoy.date.start == convoy.date.end:
        return f"on {_day_text(convoy.date.start)}"
    return f"from {_day_text(convoy.date.start)} to {_day_text(convoy.date.end)}"


# --- SVG helpers -----------------------------------------------------------------------------------------------


def _n(value: float) -> str:
    """A coordinate, short."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _attrs(attributes: dict[str, Any]) -> str:
    parts = []
    for key, value in attributes.items():
        if value is None:
            continue
        if isinstance(value, float):
            value = _n(value)
        parts.append(f"{key.rstrip('_').replace('_', '-')}={quoteattr(str(value))}")
    return " ".join(parts)


def _el(tag: str, content: str | None = None, **attributes: Any) -> str:
    attrs = _attrs(attributes)
    head = f"<{tag} {attrs}" if attrs else f"<{tag}"
    return f"{head}/>" if content is None else f"{head}>{content}</{tag}>"


def _text(x: float, y: float, content: str, *, size: float = 13, **attributes: Any) -> str:
    return _el("text", escape(content), x=x, y=y, font_size=size, **attributes)


def _tooltip(content: str) -> str:
    return _el("title", escape(content))


def _document(width: float, height: float, title: str, description: str, body: Iterable[str],
              defs: str = "") -> str:
    """A standalone SVG document with an accessible name and description."""
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}" height="{_n(height)}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" role="img" aria-labelledby="title desc" '
        f'font-family={quoteattr(FONT)} fill="{INK}">\n'
        f'<title id="title">{escape(title)}</title>\n'
        f'<desc id="desc">{escape(description)}</desc>\n'
    )
    parts = [head]
    if defs:
        parts.append(f"<defs>{defs}</defs>\n")
    parts.append(_el("rect", x=0, y=0, width=width, height=height, fill=BACKGROUND) + "\n")
    parts.extend(line + "\n" for line in body)
    parts.append("</svg>\n")
    return "".join(parts)


# --- Timeline --------------------------------------------------------------------------------------------------


def timeline_svg(dataset: Dataset) -> str:
    """One row per consolidated movement: a bar over its days, the best people estimate, a marker per record."""
    convoys = sorted(dataset.convoys, key=lambda c: (c.date is None, c.date.start if c.date else dt.date.min,
                                                     movement_label(c), c.id))
    dated = [c for c in convoys if c.date is not None]
    member_days = [m.date.start for c in convoys for m in c.members if m.date is not None]
    days = [d for c in dated for d in (c.date.start, c.date.end)] + member_days  # type: ignore[union-attr]
    first = min(days, default=dt.date(2018, 1, 1)) - dt.timedelta(days=1)
    last = max(days, default=dt.date(2018, 1, 1)) + dt.timedelta(days=1)
    n_days = (last - first).days + 1

    left = 180.0  # room for the labels of the rows
    day_width = max(26.0, min(56.0, 520 / n_days))
    plot_width = day_width * n_days
    right_pad = 120.0
    width = left + plot_width + right_pad
    top = 96.0
    row_height = 52.0
    plot_height = row_height * max(1, len(convoys))
    height = top + plot_height + 160

    def x_of(day: dt.date) -> float:
        return left + (day - first).days * day_width

    body: list[str] = []
    title = "Timeline of the consolidated movements in the bundled sample reports"
    body.append(_text(20, 30, title, size=17, font_weight="bold"))
    body.append(_text(20, 52, f"{_plural(len(dataset.reports), 'sample report')} merged into "
                              f"{_plural(len(convoys), 'movement')}; one row per movement, earliest first", size=13,
                      fill=MUTED))

    # Day grid and ticks.
    axis_y = top + plot_height
    for index in range(n_days + 1):
        x = left + index * day_width
        body.append(_el("line", x1=x, y1=top, x2=x, y2=axis_y, stroke=GRID, stroke_width=1))
    body.append(_el("line", x1=left, y1=axis_y, x2=left + plot_width, y2=axis_y, stroke=INK, stroke_width=1.2))
    previous_month = None
    for index in range(n_days):
        day = first + dt.timedelta(days=index)
        centre = left + (index + 0.5) * day_width
        body.append(_el("line", x1=centre, y1=axis_y, x2=centre, y2=axis_y + 5, stroke=INK, stroke_width=1))
        body.append(_text(centre, axis_y + 19, str(day.day), size=12, text_anchor="middle"))
        if (day.year, day.month) != previous_month:
            body.append(_text(left + index * day_width + 2, axis_y + 36, f"{day:%B %Y}", size=12, fill=MUTED))
            previous_month = (day.year, day.month)
    body.append(_text(left + plot_width / 2, axis_y + 60, "Date of the movement (one tick per day)", size=13,
                      text_anchor="middle", font_weight="bold"))
    body.append(_text(20, top - 10, "Movement (origin -> destination)", size=13, font_weight="bold"))

    # Rows.
    for row, convoy in enumerate(convoys):
        y0 = top + row * row_height
        mid = y0 + row_height / 2 - 6
        if row % 2 == 1:
            body.append(_el("rect", x=20, y=y0, width=width - 40, height=row_height, fill="#f6f8fa",
                            fill_opacity=0.7))
        body.append(_text(left - 12, mid + 5, movement_label(convoy), size=13, text_anchor="end"))
        body.append(_text(left - 12, mid + 21, _records_text(convoy), size=11, fill=MUTED, text_anchor="end"))
        tooltip = f"{movement_label(convoy)} {_when_text(convoy)}: best estimate {_people_text(convoy)}, " \
                  f"{_records_text(convoy)}"
        if convoy.date is not None:
            x0 = x_of(convoy.date.start) + 3
            x1 = x_of(convoy.date.end) + day_width - 3
            body.append(_el("rect", _tooltip(tooltip), x=x0, y=mid - 8, width=x1 - x0, height=16, rx=3, fill=BAR))
            text_x = x1 + 8
        else:
            body.append(_text(left + 6, mid + 5, "undated", size=12, fill=MUTED, font_style="italic"))
            text_x = left + 70
        body.append(_text(text_x, mid + 5, _people_text(convoy), size=13, font_weight="bold"))


        # A marker for each member record, on its own day; records of one day side by side.
        by_day: dict[dt.date | None, list[Any]] = {}
        for member in convoy.members:
            day = member.date.start if member.date is not None else (convoy.date.start if convoy.date else None)
            by_day.setdefault(day, []).append(member)
        for day, members in sorted(by_day.items(), key=lambda item: (item[0] is None, item[0] or dt.date.min)):
            if day is None:
                continue
            centre = x_of(day) + day_width / 2
            spacing = min(11.0, (day_width - 8) / max(1, len(members)))
            for index, member in enumerate(members):
                cx = centre + (index - (len(members) - 1) / 2) * spacing
                stated = member.date is not None and "date" not in member.inferred
                who = member.originator.name if member.originator is not None else "the outlet itself"
                people = f"{member.people.value:,} people" if member.people is not None else "no people count"
                when = _day_text(member.date.start) if member.date is not None else "no date of its own"
                how = "date stated" if stated else "date taken from context"
                body.append(_el(
                    "circle", _tooltip(f"{member.id}: {who}, {people}, {when} ({how})"),
                    cx=cx, cy=mid + 15, r=4.2, fill=INK if stated else BACKGROUND, stroke=INK, stroke_width=1.5,
                ))

    # Legend.
    ly = axis_y + 88
    lx = 40.0
    body.append(_el("rect", x=lx, y=ly - 7, width=28, height=14, rx=3, fill=BAR))
    body.append(_text(lx + 36, ly + 5, "the days of one consolidated movement, with its best estimate of the people "
                                       "who left", size=12))
    body.append(_el("circle", cx=lx + 8, cy=ly + 24, r=4.2, fill=INK, stroke=INK, stroke_width=1.5))
    body.append(_el("circle", cx=lx + 20, cy=ly + 24, r=4.2, fill=BACKGROUND, stroke=INK, stroke_width=1.5))
    body.append(_text(lx + 36, ly + 28, "one parsed record (one report, one source) on its own day: filled when the "
                                        "report states the date,", size=12))
    body.append(_text(lx + 36, ly + 44, "hollow when the date was taken from context; hover for the source and "
                                        "its count", size=12))

    description = "; ".join(
        f"{movement_label(c)} {_when_text(c)}, best estimate {_people_text(c)}, {_records_text(c)}"
        for c in convoys
    ) or "No movements."
    return _document(width, height, title, f"{_plural(len(convoys), 'movement')}. {description}.", body)


# --- Map -------------------------------------------------------------------------------------------------------


class _Projection:
    """Equirectangular: x proportional to longitude times the cosine of the middle latitude, y to latitude.

    The places' bounding box fills the inner rectangle ``(left, top, width, height)`` less the padding in pixels
    on each side; the frame is the whole rectangle, padding included.
    """

    def __init__(self, places: Sequence[Place], *, left: float, top: float, max_width: float, max_height: float,
                 pad: tuple[float, float, float, float]) -> None:
        lats = [p.latitude for p in places if p.latitude is not None]
        lons = [p.longitude for p in places if p.longitude is not None]
        south, north, west, east = min(lats), max(lats), min(lons), max(lons)
        self.cos = math.cos(math.radians((south + north) / 2))
        pad_top, pad_right, pad_bottom, pad_left = pad
        span_x = max((east - west) * self.cos, 1e-6)
        span_y = max(north - south, 1e-6)
        self.scale = min(max_width / span_x, max_height / span_y)  # pixels per degree of latitude
        self.west, self.north = west, north
        self.origin_x, self.origin_y = left + pad_left, top + pad_top
        self.left, self.top = left, top
        self.width = span_x * self.scale + pad_left + pad_right
        self.height = span_y * self.scale + pad_top + pad_bottom

    def __call__(self, latitude: float, longitude: float) -> tuple[float, float]:
        return (self.origin_x + (longitude - self.west) * self.cos * self.scale,
                self.origin_y + (self.north - latitude) * self.scale)

    def inverse(self, x: float, y: float) -> tuple[float, float]:
        return (self.north - (y - self.origin_y) / self.scale,
                self.west + (x - self.origin_x) / (self.cos * self.scale))

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def km_per_pixel(self) -> float:
        return EARTH_KM_PER_DEGREE / self.scale


def _nice_km(limit: float) -> float:
    """The longest round distance not above ``limit`` kilometres."""
    best = 0.1
    for exponent in range(-1, 5):
        for step in (1, 2, 5):
            value = step * 10.0**exponent
            if value <= limit:
                best = value
    return best


def _spread(wanted: list[float], gap: float) -> list[float]:
    """Positions as near the wanted ones as possible, in the same order, at least ``gap`` apart."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    placed = [wanted[i] for i in order]
    for _ in range(100):
        moved = False
        for k in range(1, len(placed)):
            overlap = gap - (placed[k] - placed[k - 1])
            if overlap > 0.01:
                placed[k - 1] -= overlap / 2
                placed[k] += overlap / 2
                moved = True
        if not moved:
            break
    result = [0.0] * len(wanted)
    for rank, index in enumerate(order):
        result[index] = placed[rank]
    return result


def _scale_bar(x: float, y: float, km_per_pixel: float, max_pixels: float) -> list[str]:
    """A bar of a round number of kilometres, at most ``max_pixels`` long, half filled."""
    km = _nice_km(max_pixels * km_per_pixel)
    length = km / km_per_pixel
    half = length / 2
    return [
        _el("rect", x=x, y=y, width=half, height=5, fill=INK),
        _el("rect", x=x, y=y, width=length, height=5, fill="none", stroke=INK, stroke_width=1),
        _text(x, y + 18, "0", size=11, text_anchor="middle"),
        _text(x + length, y + 18, f"{km:g} km", size=11, text_anchor="middle"),
    ]


def _north_arrow(x: float, y: float) -> list[str]:
    return [
        _el("path", d=f"M {_n(x)} {_n(y)} L {_n(x + 8)} {_n(y + 24)} L {_n(x)} {_n(y + 18)} "
                      f"L {_n(x - 8)} {_n(y + 24)} z", fill=INK),
        _text(x, y + 40, "N", size=13, font_weight="bold", text_anchor="middle"),
    ]


def _point(role: str, x: float, y: float, tooltip: str | None, r: float = 5.5) -> str:
    content = _tooltip(tooltip) if tooltip else None
    if role == "origin":
        return _el("circle", content, cx=x, cy=y, r=r, fill=ORIGIN, stroke=BACKGROUND, stroke_width=1.5)
    return _el("rect", content, x=x - r, y=y - r, width=2 * r, height=2 * r, fill=DESTINATION,
               stroke=BACKGROUND, stroke_width=1.5)


def _halo_text(x: float, y: float, content: str, *, size: float = 13, **attributes: Any) -> str:
    return _text(x, y, content, size=size, stroke=BACKGROUND, stroke_width=3.5, stroke_linejoin="round",
                 paint_order="stroke", **attributes)


def _located(place: Place | None) -> bool:
    return place is not None and place.latitude is not None and place.longitude is not None


def _where(place: Place) -> str:
    return f"{place.latitude:.4f}°N, {place.longitude:.4f}°E"


def _role(roles: set[str]) -> str:
    return "origin" if "origin" in roles else "destination"


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _quadratic(curve: tuple[float, ...], t: float) -> tuple[float, float]:
    x0, y0, cx, cy, ex, ey = curve
    return ((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * ex,
            (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * ey)


def _arrow_labels(curves: Sequence[tuple[ConsolidatedConvoy, tuple[float, ...], float]], frame: _Projection,
                  obstacles: Sequence[tuple[float, float, float, float]]) -> list[str]:
    """A label for each arrow (its day and best estimate), beside it where it covers the fewest other things.

    Candidate spots lie on both sides of the arrow along its middle part, next to it or further out with a leader
    line; each is scored by the arrows, labels and places it would cover, the arrows its leader line would cross,
    and its distance from the arrow's middle. Labels are placed one by one, the longest arrow first.
    """
    tracks = [[_quadratic(curve, i / 200) for i in range(201)] for _, curve, _ in curves]
    placed: list[tuple[float, float, float, float]] = list(obstacles)
    labels: list[str] = []
    order = sorted(range(len(curves)), key=lambda i: -math.dist(curves[i][1][:2], curves[i][1][4:]))
    for index in order:
        convoy, curve, stroke = curves[index]
        others = [point for k, track in enumerate(tracks) if k != index for point in track]
        people = best_people(convoy)
        day = f"{convoy.date.start.day} {convoy.date.start:%b}" if convoy.date is not None else "undated"
        lines = [day, f"{people:,}"] if people is not None else [day]
        width, height = 7.4 * max(len(line) for line in lines), 15.0 * len(lines)
        best: tuple[float, float, float, float, float, str, float] | None = None
        for step in range(13):
            t = 0.2 + 0.05 * step
            px, py = _quadratic(curve, t)
            qx, qy = _quadratic(curve, t + 0.01)
            length = math.hypot(qx - px, qy - py) or 1.0
            nx, ny = -(qy - py) / length, (qx - px) / length
            for side in (1.0, -1.0):
                for distance in (6.0, 30.0, 60.0, 90.0):
                    ex, ey = px + side * nx * stroke / 2, py + side * ny * stroke / 2  # the arrow's edge
                    ax, ay = ex + side * nx * distance, ey + side * ny * distance
                    anchor = "start" if side * nx >= 0 else "end"
                    left = ax if anchor == "start" else ax - width
                    box = (left - 2, ay - height / 2 - 2, left + width + 2, ay + height / 2 + 2)
                    covered = sum(box[0] <= sx <= box[2] and box[1] <= sy <= box[3] for sx, sy in others)
                    own = sum(box[0] <= sx <= box[2] and box[1] <= sy <= box[3] for sx, sy in tracks[index])
                    clashes = sum(not (box[2] < b[0] or b[2] < box[0] or box[3] < b[1] or b[3] < box[1])
                                  for b in placed)
                    outside = not (frame.left <= box[0] and box[2] <= frame.right and frame.top <= box[1]
                                   and box[3] <= frame.bottom)
                    crossed = sum(_near_segment(point, (ex, ey), (ax, ay), 2.5) for point in others)
                    score = (3 * covered + 3 * own + crossed + 100 * (clashes + outside) + 4 * abs(t - 0.5)
                             + 0.03 * distance)
                    if best is None or score < best[0]:
                        best = (score, ex, ey, ax, ay, anchor, distance)
        assert best is not None
        _, ex, ey, ax, ay, anchor, distance = best
        left = ax if anchor == "start" else ax - width
        placed.append((left - 2, ay - height / 2 - 2, left + width + 2, ay + height / 2 + 2))
        if distance > 6:
            labels.append(_el("line", x1=ex, y1=ey, x2=ax, y2=ay, stroke=FLOW, stroke_width=1))
        for number, line in enumerate(lines):
            baseline = ay - height / 2 + 11 + 15 * number
            labels.append(_halo_text(ax, baseline, line, size=12, fill=FLOW, font_weight="bold", text_anchor=anchor))
    return labels


def _near_segment(point: tuple[float, float], a: tuple[float, float], b: tuple[float, float], within: float) -> bool:
    """Whether ``point`` lies within ``within`` pixels of the segment from ``a`` to ``b``."""
    (px, py), (ax, ay), (bx, by) = point, a, b
    dx, dy = bx - ax, by - ay
    span = dx * dx + dy * dy
    t = 0.0 if span == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / span))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy)) <= within


def map_svg(dataset: Dataset) -> str:
    """Origins and destinations of the consolidated movements, with arrows scaled by the best people estimate."""
    title = "Map of the movements in the bundled sample reports"
    flows = [c for c in dataset.convoys if _located(c.origin) and _located(c.destination)]
    flows.sort(key=lambda c: (c.date.start if c.date else dt.date.max, movement_label(c), c.id))
    if not flows:
        return _document(520, 80, title, "No movement has both its places located.",
                         [_text(20, 40, "No movement has both its places located.")])
    places: dict[str, tuple[Place, set[str]]] = {}
    for convoy in flows:
        for place, role in ((convoy.origin, "origin"), (convoy.destination, "destination")):
            assert place is not None
            places.setdefault(place.name, (place, set()))[1].add(role)
    named = sorted(places.values(), key=lambda item: item[0].name)

    frame_left, frame_top = 70.0, 84.0
    project = _Projection([p for p, _ in named], left=frame_left, top=frame_top, max_width=400, max_height=500,
                          pad=(44, 110, 44, 110))
    column = project.right + 36  # the legend column
    width = max(780.0, column + 250)
    body: list[str] = []
    body.append(_text(20, 30, title, size=17, font_weight="bold"))
    body.append(_text(20, 52, "Arrow width follows the best estimate of the people who left; north is up", size=13,
                      fill=MUTED))

    # Frame and graticule.
    body.append(_el("rect", x=project.left, y=project.top, width=project.width, height=project.height,
                    fill="#f4f7f9", stroke=MUTED, stroke_width=1))
    north, west = project.inverse(project.left, project.top)
    south, east = project.inverse(project.right, project.bottom)
    step = 0.5 if max(north - south, east - west) <= 5 else 1.0
    latitude = math.ceil(south / step) * step
    while latitude < north:
        _, y = project(latitude, west)
        body.append(_el("line", x1=project.left, y1=y, x2=project.right, y2=y, stroke=GRID, stroke_width=1))
        body.append(_text(project.left - 6, y + 4, f"{latitude:g}°N", size=11, fill=MUTED, text_anchor="end"))
        latitude += step
    longitude = math.ceil(west / step) * step
    while longitude < east:
        x, _ = project(south, longitude)
        body.append(_el("line", x1=x, y1=project.top, x2=x, y2=project.bottom, stroke=GRID, stroke_width=1))
        body.append(_text(x, project.bottom + 15, f"{longitude:g}°E", size=11, fill=MUTED, text_anchor="middle"))
        longitude += step

    # Arrows: the movements to one destination fan out so that none hides another; each is labelled with its
    # day and best estimate, the labels staggered along the arrows.
    counts = [best_people(c) for c in flows]
    largest = max((c for c in counts if c is not None), default=1)

    def stroke_width(people: int | None) -> float:
        return 1.5 if people is None else 1.5 + 6.5 * math.sqrt(people / largest)

    by_destination: dict[str, list[ConsolidatedConvoy]] = {}
    for convoy in flows:
        assert convoy.destination is not None
        by_destination.setdefault(convoy.destination.name, []).append(convoy)
    arrows: list[str] = []
    curves: list[tuple[ConsolidatedConvoy, tuple[float, ...], float]] = []
    for group in by_destination.values():
        for index, convoy in enumerate(group):
            assert convoy.origin is not None
            assert convoy.destination is not None
            x0, y0 = project(convoy.origin.latitude, convoy.origin.longitude)  # type: ignore[arg-type]
            x2, y2 = project(convoy.destination.latitude, convoy.destination.longitude)  # type: ignore[arg-type]
            length = math.hypot(x2 - x0, y2 - y0) or 1.0
            bend = (index - (len(group) - 1) / 2) * 0.28 if len(group) > 1 else 0.08
            nx, ny = -(y2 - y0) / length, (x2 - x0) / length
            cx, cy = (x0 + x2) / 2 + nx * bend * length, (y0 + y2) / 2 + ny * bend * length
            # Stop short of the destination's symbol, along the curve's last tangent.
            tx, ty = x2 - cx, y2 - cy
            tangent = math.hypot(tx, ty) or 1.0
            ex, ey = x2 - tx / tangent * 8, y2 - ty / tangent * 8
            people = best_people(convoy)
            tooltip = f"{movement_label(convoy)} {_when_text(convoy)}: best estimate {_people_text(convoy)}"
            arrows.append(_el(
                "path", _tooltip(tooltip),
                d=f"M {_n(x0)} {_n(y0)} Q {_n(cx)} {_n(cy)} {_n(ex)} {_n(ey)}",
                fill="none", stroke=FLOW, stroke_width=stroke_width(people), stroke_opacity=0.8,
                stroke_linecap="round", stroke_dasharray=None if people is not None else "5 4",
                marker_end="url(#arrow)",
            ))
            curves.append((convoy, (x0, y0, cx, cy, ex, ey), stroke_width(people)))
    body.append(_el("g", "".join(arrows)))

    # Places. Origins are labelled to the left in one stack with leader lines (they are often a few kilometres
    # apart), destinations to the right.
    points = [(place, roles, *project(place.latitude, place.longitude))  # type: ignore[arg-type]
              for place, roles in named]
    for place, roles, x, y in points:
        body.append(_point(_role(roles), x, y, f"{place.name} ({' and '.join(sorted(roles))}): {_where(place)}"))
    obstacles = [(x - 8, y - 8, x + 8, y + 8) for _, _, x, y in points]
    for role in ("origin", "destination"):
        stack = [(p, x, y) for p, roles, x, y in points if _role(roles) == role]
        if not stack:
            continue
        ys = _spread([y for _, _, y in stack], gap=17)
        stack_x = min(x for _, x, _ in stack) - 30
        for (place, x, y), label_y in zip(stack, ys, strict=True):
            if role == "origin":
                body.append(_el("polyline", points=f"{_n(x - 6)},{_n(y)} {_n(stack_x + 3)},{_n(label_y)}",
                                fill="none", stroke=MUTED, stroke_width=1))
                body.append(_halo_text(stack_x, label_y + 4, place.name, font_weight="bold", text_anchor="end"))
                obstacles.append((stack_x - 8 * len(place.name), label_y - 9, stack_x, label_y + 9))
            else:
                body.append(_halo_text(x + 10, label_y + 4, place.name, font_weight="bold"))
                obstacles.append((x + 10, label_y - 9, x + 10 + 8 * len(place.name), label_y + 9))
    body.extend(_arrow_labels(curves, project, obstacles))

    # Legend column: symbols, widths, north arrow, scale bar.
    y = project.top + 8
    body.append(_text(column, y, "Legend", size=14, font_weight="bold"))
    body.append(_point("origin", column + 8, y + 22, None))
    body.append(_text(column + 22, y + 26, "origin", size=12))
    body.append(_point("destination", column + 8, y + 44, None))
    body.append(_text(column + 22, y + 48, "destination", size=12))
    y += 78
    body.append(_text(column, y, "People who left (best estimate)", size=12, font_weight="bold"))
    for value in sorted({largest, _round_down(largest / 2), _round_down(largest / 8)}, reverse=True):
        if value <= 0:
            continue
        y += 22
        body.append(_el("line", x1=column, y1=y, x2=column + 44, y2=y, stroke=FLOW, stroke_width=stroke_width(value),
                        stroke_opacity=0.8, stroke_linecap="round"))
        body.append(_text(column + 56, y + 4, f"{value:,}", size=12))
    y += 26
    for line in ("Arrow labels: the day of the", "movement and its best estimate", "of the people who left"):
        body.append(_text(column, y, line, size=12, fill=MUTED))
        y += 16
    y += 10
    body.extend(_north_arrow(column + 10, y))
    body.append(_text(column + 28, y + 22, "north up", size=12))
    y += 62
    body.extend(_scale_bar(column + 4, y, project.km_per_pixel, max_pixels=150))
    y += 40

    # Detail of the origins when they lie too close together to tell apart on the map.
    origins = [(p, x, yy) for p, roles, x, yy in points if _role(roles) == "origin"]
    xs, ys_ = [x for _, x, _ in origins], [yy for _, _, yy in origins]
    if len(origins) > 1 and max(max(xs) - min(xs), max(ys_) - min(ys_)) < 40:
        box = (min(xs) - 8, min(ys_) - 8, max(xs) - min(xs) + 16, max(ys_) - min(ys_) + 16)
        body.append(_el("rect", x=box[0], y=box[1], width=box[2], height=box[3], fill="none", stroke=INK,
                        stroke_width=1, stroke_dasharray="3 2"))
        parents = {p.parent for p, _, _ in origins}
        area = parents.pop() if len(parents) == 1 and None not in parents else "the origins"
        body.append(_text(column, y, "Detail of the dashed box:", size=12, font_weight="bold"))
        body.append(_text(column, y + 16, f"origins in {area}" if area != "the origins" else "the origins",
                          size=12, font_weight="bold"))
        detail = _Projection([p for p, _, _ in origins], left=column, top=y + 26, max_width=110, max_height=110,
                             pad=(22, 84, 50, 22))
        body.append(_el("rect", x=detail.left, y=detail.top, width=detail.width, height=detail.height,
                        fill="#f4f7f9", stroke=MUTED, stroke_width=1))
        spots = [(p, *detail(p.latitude, p.longitude)) for p, _, _ in origins]  # type: ignore[arg-type]
        label_ys = _spread([sy for _, _, sy in spots], gap=16)
        for (place, sx, sy), label_y in zip(spots, label_ys, strict=True):
            body.append(_point("origin", sx, sy, f"{place.name}: {_where(place)}"))
            body.append(_halo_text(sx + 10, label_y + 4, place.name, size=12, font_weight="bold"))
        body.extend(_scale_bar(detail.left + 10, detail.bottom - 24, detail.km_per_pixel, max_pixels=70))
        y = detail.bottom + 20

    note = ("Equirectangular projection, north up; no background map. Coordinates come from the bundled gazetteer "
            "(ghouta_events/data/places.csv): WGS84 settlement centres, a governorate drawn at its main city.")
    note_y = max(project.bottom + 40, y + 10)
    for line in _wrap(note, 110):
        body.append(_text(20, note_y, line, size=12, fill=MUTED))
        note_y += 16
    height = note_y + 10

    defs = (f'<marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="2.6" markerHeight="2.6" '
            f'orient="auto" markerUnits="strokeWidth"><path d="M 0 0 L 10 5 L 0 10 z" fill="{FLOW}"/></marker>')
    description = (
        f"{_plural(len(flows), 'movement')} between {_plural(len(places), 'place')}. "
        + "; ".join(f"{movement_label(c)} {_when_text(c)}, best estimate {_people_text(c)}" for c in flows)
        + ". Places: "
        + "; ".join(f"{p.name} ({' and '.join(sorted(r))}) at {_where(p)}" for p, r in named)
        + ". Coordinates from the bundled gazetteer."
    )
    return _document(width, height, title, description, body, defs=defs)


def _round_down(value: float) -> int:
    """``value`` rounded down to one or two significant digits."""
    if value < 1:
        return 0
    magnitude = 10 ** max(0, int(math.log10(value)) - 1)
    return int(value // magnitude * magnitude)


# --- Sphinx ----------------------------------------------------------------------------------------------------


def _write_if_changed(path: Path, content: str) -> None:
    if path.is_file() and path.read_text(encoding="utf-8") == content:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(content, encoding="utf-8")
    temporary.replace(path)


def write_figures(folder: Path) -> list[Path]:
    """Write ``timeline.svg`` and ``map.svg`` for the bundled samples into ``folder``; return their paths."""
    dataset = sample_dataset()
    written = []
    for name, content in (("timeline.svg", timeline_svg(dataset)), ("map.svg", map_svg(dataset))):
        path = folder / name
        _write_if_changed(path, content)
        written.append(path)
    return written


def _on_builder_inited(app: Sphinx) -> None:
    paths = write_figures(Path(app.srcdir) / OUTPUT_FOLDER)
    logger.info("figures: wrote %s", ", ".join(p.name for p in paths))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _on_builder_inited)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
