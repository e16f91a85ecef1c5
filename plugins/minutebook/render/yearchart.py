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
from minutebook.link.tracker import ANSWERED, OPEN_AT_LAST_REPORT
from minutebook.model import municipal_year, municipal_year_label
from minutebook.render.templates import short_date

# status -> the shape (and colour class) of its mark: five kinds a resident tells apart at a glance
SHAPES = {
    "considered": "considered",
    "moved": "moved",
    "dropped": "dropped",
    "not found": "dropped",
    "pending": "to-come",
    "not scheduled": "to-come",
    "no papers": "unknown",
}

WIDTH = 360
PITCH = 20  # one mark's cell
HEADER = 40  # a column's date, two lines
MIN_COLUMN = 40  # columns narrower than this do not hold a two-line date at 13 units
GAP = 14  # between bands and rows
LABEL = 20  # an undated row's label line
LANE = 24  # beneath a band's marks, where its arrows run (clear of the dates above)


@dataclass
class Mark:
    x: float
    y: float
    status: str
    shape: str
    number: int  # the entry's number in the programme (its #entry-N in the time line)
    title: str


@dataclass
class Column:
    day: dt.date
    x: float
    y: float
    width: float
    height: float
    planned: bool  # False: a meeting that took a moved entry but had none planned
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
    landings: list[Mark]  # the dashed outlines where moved entries arrive
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
    days = sorted(
        {p.entry.date for p in dated} | {d for p in dated if p.status == "moved" for d in [_taken_at(p)] if d}
    )
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
        group = days[band * per_band : (band + 1) * per_band]
        cells = {d: [p for p in dated if p.entry.date == d] for d in group}
        across = max(1, int((width - 4) // PITCH))
        tallest = max(math.ceil((len(cells[d]) + len(arrivals[d])) / across) for d in group)
        lane = (
            LANE if any(arrivals[d] for d in group) or any(p.status == "moved" for d in group for p in cells[d]) else 0
        )
        height = HEADER + tallest * PITCH + 6 + lane
        lane_top = y + height - lane
        for i, d in enumerate(group):
            column = Column(d, i * width, y, width, height, d in planned_days)
            spots = _grid(len(cells[d]) + len(arrivals[d]), column.x + 2, y + HEADER, width - 4)
            for (mx, my), plan in zip(spots, cells[d], strict=False):
                column.marks.append(Mark(mx, my, plan.status, SHAPES[plan.status], number(plan), plan.entry.title))
            for (mx, my), plan in zip(spots[len(cells[d]) :], arrivals[d], strict=True):
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
        arrows.append(
            Arrow(
                landing.number,
                start.x,
                top,
                (start.x + landing.x) / 2,
                2 * deepest - (top + end) / 2,
                landing.x,
                end,
                landing_day[landing.number],
            )
        )
    rows = []
    buckets: dict[str, list] = {}
    for plan in plans:
        if not plan.entry.date:
            buckets.setdefault(plan.entry.bucket, []).append(plan)
    for bucket, group in buckets.items():
        row = Row(bucket.capitalize(), y)
        spots = _grid(len(group), 0, y + LABEL, WIDTH)
        spots = [(sx - (spots[0][0] - PITCH / 2), sy) for sx, sy in spots]  # rows read from the left
        row.marks = [
            Mark(sx, sy, p.status, SHAPES[p.status], number(p), p.entry.title)
            for (sx, sy), p in zip(spots, group, strict=True)
        ]
        rows.append(row)
        y += LABEL + math.ceil(len(group) / (WIDTH // PITCH)) * PITCH + GAP
    counts: dict[str, int] = {}
    for plan in plans:
        counts[plan.status] = counts.get(plan.status, 0) + 1
    legend = [LegendEntry(s, SHAPES[s], text, counts[s]) for s, text in STATUS_LABELS.items() if counts.get(s)]
    meetings = len(planned_days)
    parts = [f"{e.count} {e.label[0].lower() + e.label[1:]}" for e in legend]
    summary = (
        f"Work programme {label} at a glance: {len(plans)} planned "
        f"{'entry' if len(plans) == 1 else 'entries'}, {meetings} planned "
        f"{'meeting' if meetings == 1 else 'meetings'}"
        + (f" and {len(rows)} undated {'group' if len(rows) == 1 else 'groups'}" if rows else "")
        + (": " + "; ".join(parts) if parts else "")
        + "."
    )
    return Chart(WIDTH, max(y - GAP, 0), columns, rows, arrows, landings, legend, summary)


# -- a topic's history across years ----------------------------------------------------------------

LANES = ["Planned", "Heard", "Decided", "Followed up"]
LANE_LABEL = 96  # the lanes' names, at the left of each band
MIN_YEAR = 56  # a year's column holds "2016/17" at 13 units
TOPIC_KINDS = {  # kind -> what a mark of that kind says (the legend's words)
    "heard": "Heard at a meeting (an agenda item)",
    "decided": "Decided (a resolution in the minutes)",
    "answered": "Followed up: answered",
    "open": "Followed up: still open at the last report",
    "no-report": "Followed up: no later report in this archive",
}


@dataclass
class YearColumn:
    year: int
    label: str
    x: float
    y: float
    width: float
    height: float


@dataclass
class LaneLabel:
    text: str
    y: float


@dataclass
class TopicChart:
    width: int
    height: float
    columns: list[YearColumn]
    lanes: list[LaneLabel]
    marks: list[Mark]
    legend: list[LegendEntry]
    summary: str


def topic_chart(title: str, plans: list, items: list, resolutions_of, actions: list) -> TopicChart:
    """Where the marks of a topic's history go: a row per lane (planned, heard, decided, followed up),
    a column per municipal year from the first to the last. ``resolutions_of(minute)`` lists a minute's."""
    events: dict[tuple[int, int], list[tuple[str, str, str]]] = {}  # (lane, year) -> (kind, status, title)

    def add(lane: int, year: int, kind: str, status: str, text: str) -> None:
        events.setdefault((lane, year), []).append((kind, status, text))

    for plan in plans:
        year = plan.programme.year + (1 if plan.entry.bucket == "next municipal year" else 0)
        add(0, year, SHAPES[plan.status], plan.status, f"Planned: {plan.entry.title} ({STATUS_LABELS[plan.status]})")
    for item in items:
        year = municipal_year(item.meeting.date)
        add(1, year, "heard", "heard", f"Heard {short_date(item.meeting.date)}: {item.title}")
        for _ in resolutions_of(item.minute) if item.minute else []:
            add(2, year, "decided", "decided", f"Decided {short_date(item.meeting.date)}: {item.title}")
    for action in actions:
        day = action.meeting_date or (action.item.meeting.date if action.item else None)
        if day is None:
            continue
        kind = (
            "answered" if action.state == ANSWERED else "open" if action.state == OPEN_AT_LAST_REPORT else "no-report"
        )
        add(
            3,
            municipal_year(day),
            kind,
            kind,
            f"{TOPIC_KINDS[kind]}: a request of {short_date(day)} ({action.item_title})",
        )
    if not events:
        return TopicChart(WIDTH, 0, [], [], [], [], "")
    first, last = min(y for _, y in events), max(y for _, y in events)
    years = list(range(first, last + 1))
    room = WIDTH - LANE_LABEL
    bands = math.ceil(len(years) / max(1, room // MIN_YEAR))
    per_band = math.ceil(len(years) / bands)
    width = room / per_band
    across = max(1, int((width - 4) // PITCH))
    columns, lanes, marks = [], [], []
    y = 0.0
    for band in range(bands):
        group = years[band * per_band : (band + 1) * per_band]
        top = y
        y += 22  # the years' labels
        for lane, name in enumerate(LANES):
            tall = max(1, max(math.ceil(len(events.get((lane, yr), [])) / across) for yr in group))
            lanes.append(LaneLabel(name, y + (tall * PITCH) / 2 + 5))
            for i, yr in enumerate(group):
                x = LANE_LABEL + i * width
                spots = _grid(len(events.get((lane, yr), [])), x + 2, y, width - 4)
                for (mx, my), (kind, status, text) in zip(spots, events.get((lane, yr), []), strict=True):
                    marks.append(Mark(mx, my, status, kind, lane, text))  # number: the lane
            y += tall * PITCH + 4
        for i, yr in enumerate(group):
            columns.append(YearColumn(yr, municipal_year_label(yr), LANE_LABEL + i * width, top, width, y - top))
        y += GAP
    counts: dict[str, int] = {}
    for m in marks:  # a planned mark's status is the plan's; the other lanes' marks have their kind as status
        counts[m.status] = counts.get(m.status, 0) + 1
    legend = [
        LegendEntry(s, SHAPES[s], "Planned: " + text[0].lower() + text[1:], counts[s])
        for s, text in STATUS_LABELS.items()
        if counts.get(s)
    ]
    legend += [LegendEntry(k, k, text, counts[k]) for k, text in TOPIC_KINDS.items() if counts.get(k)]
    per_lane = [sum(1 for m in marks if m.number == lane) for lane in range(len(LANES))]
    nouns = [
        ("entry planned in a work programme", "entries planned in work programmes"),
        ("item heard at a meeting", "items heard at meetings"),
        ("resolution", "resolutions"),
        ("request followed up", "requests followed up"),
    ]
    said = [_count(n, one, many) for n, (one, many) in zip(per_lane, nouns, strict=True)]
    summary = (
        f"{title} across the municipal years {municipal_year_label(first)} to {municipal_year_label(last)}: "
        + ", ".join(said)
        + "."
    )
    return TopicChart(WIDTH, y - GAP, columns, lanes, marks, legend, summary)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
