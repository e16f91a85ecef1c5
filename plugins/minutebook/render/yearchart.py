"""The geometry of the work-programme picture: a municipal year at a glance, as plain numbers.

Each planned meeting is a column and each planned entry a mark in it, shaped and coloured by what
became of it (``SHAPES``); a moved entry has an arrow to the column of the meeting that took it,
ending at a dashed outline there. Undated entries ("items for the year"…) follow as labelled rows.
The template (``_yearchart.md``) draws it as SVG through autoescaping: this module only computes
where things go. The picture is 360 units wide so that, scaled to a 390 px phone, 13-unit text is
still about 12 px; columns wrap into bands when a year has more meetings than fit.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from minutebook.link.planning import STATUS_LABELS

# status -> the shape (and colour class) of its mark: five kinds a resident tells apart at a glance
SHAPES = {"considered": "considered", "moved": "moved", "dropped": "dropped", "not found": "dropped",
          "pending": "to-come", "not scheduled": "to-come", "no papers": "unknown"}

WIDTH = 360
PITCH = 20           # one mark's cell
HEADER = 40          # a column's date, two lines
MIN_COLUMN = 40      # columns narrower than this do not hold a two-line date at 13 units
GAP = 14             # between bands and rows
LABEL = 20           # an undated row's label line
LANE = 24            # beneath a band's marks, where its arrows run (clear of the dates above)


@dataclass
class Mark:
    x: float
    y: float
    status: str
    shape: str
    number: int       # the entry's number in the programme (its #entry-N in the time line)
    title: str


@dataclass
class Column:
    day: dt.date
    x: float
    y: float
    width: float
    height: float
    planned: bool     # False: a meeting that took a moved entry but had none planned
    marks: list[Mark] = field(default_factory=list)

    @property
    def centre(self) -> float:
        return self.x + self.width / 2


@dataclass
class Arrow:
    number: int
    x1: float
    y1: float
    cx: float
    cy: float
    x2: float
    y2: float
    to: dt.date


@dataclass
class Row:
    label: str
    y: float
    marks: list[Mark] = field(default_factory=list)


@dataclass
class LegendEntry:
    status: str
    shape: str
    label: str
    count: int


@dataclass
class Chart:
    width: int
    height: float
    columns: list[Column]
    rows: list[Row]
    arrows: list[Arrow]
    landings: list[Mark]   # the dashed outlines where moved entries arrive
    legend: list[LegendEntry]
    summary: str


def _grid(count: int, x: float, y: float, width: float) -> list[tuple[float, float]]:
    """Cell centres for ``count`` marks filling a box ``width`` wide from (x, y), row by row."""
    across = max(1, int(width // PITCH))
    left = x + (width - min(count, across) * PITCH) / 2
    return [(left + (i % across + 0.5) * PITCH, y + (i // across + 0.5) * PITCH) for i in range(count)]


def _taken_at(plan) -> dt.date | None:
    """The meeting that took a moved entry up (the first item not at the planned meeting)."""
    for item in plan.items:
        if item.meeting.date != plan.entry.date:
            return item.meeting.date
    return None


def year_chart(plans: list, number, label: str) -> Chart:
    """Where each mark of the year's picture goes. ``number(plan)`` is the entry's number."""
    dated = [p for p in plans if p.entry.date]
    days = sorted({p.entry.date for p in dated} | {d for p in dated if p.status == "moved"
                                                     for d in [_taken_at(p)] if d})
    planned_days = {p.entry.date for p in dated}
    arrivals = {d: [p for p in dated if p.status == "moved" and _taken_at(p) == d] for d in days}
    bands = max(1, math.ceil(len(days) / (WIDTH // MIN_COLUMN))) if days else 0
    per_band = math.ceil(len(days) / bands) if days else 1
    width = WIDTH / per_band
    columns: list[Column] = []
    landings: list[Mark] = []
    landing_day: dict[int, dt.date] = {}
    lane_of: dict[int, float] = {}  # a moved entry's number -> the top of the lane its arrow runs in
    y = 0.0
    for band in range(bands):
        group = days[band * per_band:(band + 1) * per_band]
        cells = {d: [p for p in dated if p.entry.date == d] for d in group}
        across = max(1, int((width - 4) // PITCH))
        tallest = max(math.ceil((len(cells[d]) + len(arrivals[d])) / across) for d in group)
        lane = LANE if any(arrivals[d] for d in group) or any(p.status == "moved" for d in group for p in cells[d]) else 0
        height = HEADER + tallest * PITCH + 6 + lane
        lane_top = y + height - lane
        for i, d in enumerate(group):
            column = Column(d, i * width, y, width, height, d in planned_days)
            spots = _grid(len(cells[d]) + len(arrivals[d]), column.x + 2, y + HEADER, width - 4)
            for (mx, my), plan in zip(spots, cells[d], strict=False):
                column.marks.append(Mark(mx, my, plan.status, SHAPES[plan.status], number(plan), plan.entry.title))
            for (mx, my), plan in zip(spots[len(cells[d]):], arrivals[d], strict=True):
                landings.append(Mark(mx, my, plan.status, "landing", number(plan), plan.entry.title))
                landing_day[number(plan)] = d
                lane_of[number(plan)] = lane_top
            columns.append(column)
        y += height + GAP
    arrows = []
    marks = {m.number: m for c in columns for m in c.marks}
    for landing in landings:
        start = marks[landing.number]
        # from the foot of the mark, down through the lane and up to just below where it landed
        top, end = start.y + 8, landing.y + 9
        deepest = lane_of[landing.number] + LANE * 0.6  # a quadratic curve's lowest point is halfway to its control
        arrows.append(Arrow(landing.number, start.x, top, (start.x + landing.x) / 2, 2 * deepest - (top + end) / 2,
                            landing.x, end, landing_day[landing.number]))
    rows = []
    buckets: dict[str, list] = {}
    for plan in plans:
        if not plan.entry.date:
            buckets.setdefault(plan.entry.bucket, []).append(plan)
    for bucket, group in buckets.items():
        row = Row(bucket.capitalize(), y)
        spots = _grid(len(group), 0, y + LABEL, WIDTH)
        spots = [(sx - (spots[0][0] - PITCH / 2), sy) for sx, sy in spots]  # rows read from the left
        row.marks = [Mark(sx, sy, p.status, SHAPES[p.status], number(p), p.entry.title)
                     for (sx, sy), p in zip(spots, group, strict=True)]
        rows.append(row)
        y += LABEL + math.ceil(len(group) / (WIDTH // PITCH)) * PITCH + GAP
    counts: dict[str, int] = {}
    for plan in plans:
        counts[plan.status] = counts.get(plan.status, 0) + 1
    legend = [LegendEntry(s, SHAPES[s], text, counts[s]) for s, text in STATUS_LABELS.items() if counts.get(s)]
    meetings = len(planned_days)
    parts = [f"{e.count} {e.label[0].lower() + e.label[1:]}" for e in legend]
    summary = (f"Work programme {label} at a glance: {len(plans)} planned "
               f"{'entry' if len(plans) == 1 else 'entries'}, {meetings} planned "
               f"{'meeting' if meetings == 1 else 'meetings'}"
               + (f" and {len(rows)} undated {'group' if len(rows) == 1 else 'groups'}" if rows else "")
               + (": " + "; ".join(parts) if parts else "") + ".")
    return Chart(WIDTH, max(y - GAP, 0), columns, rows, arrows, landings, legend, summary)
