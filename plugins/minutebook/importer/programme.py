"""Work programmes: a summary by meeting date, then a detail table.

The detail table has the columns Date / Title / Detail / Cabinet Member or Lead Officer, and in
some years Source / Outcomes. A date printed once covers the rows below it; a row with only a
first cell ("Progress Reports - These items will only be reported…", "Items for 2021-22",
"Next Municipal Year") starts an undated list (a *bucket*). Dates printed without a year
("25th November (tbc)") are read within the programme's municipal year (May–April).

The printed programme is also a paper of its agenda item: the summary becomes headings by date
with one bullet per title (titles run together on one line are split at the titles the detail
table gives), followed by the detail table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.importer.body import BodyReader
from minutebook.importer.dates import date_in_municipal_year
from minutebook.importer.people import split_leads
from minutebook.importer.report import Report
from minutebook.importer.source import Line, Source
from minutebook.importer.split import PROGRAMME_TITLE, Part
from minutebook.importer.tables import (
    Table,
    cell,
    cell_plain,
    column,
    is_table_line,
    read_tables,
    table_region_end,
    to_markdown,
)
from minutebook.importer.textutil import plain
from minutebook.model import MunicipalYear

BUCKETS = (
    (re.compile(r"next municipal year", re.I), "next municipal year"),
    (re.compile(r"to be (?:decided|confirmed|agreed)|^date tbc|^tbc$|^tbd$", re.I), "date to be decided"),
    (re.compile(r"performance monitoring", re.I), "performance monitoring"),
    (re.compile(r"^progress reports?\b|by exception", re.I), "progress reports by exception"),
    (re.compile(r"^items for\b|for the (?:municipal )?year|^other items|^undated", re.I), "items for the year"),
)


def bucket_of(text: str) -> str | None:
    text = plain(text)
    for pattern, bucket in BUCKETS:
        if pattern.search(text):
            return bucket
    return None


def is_programme_table(table: Table) -> bool:
    return (
        column(table, "title") is not None
        and column(table, "date") is not None
        and (column(table, "detail") is not None or column(table, "lead") is not None)
    )


@dataclass
class Programme:
    year: int
    title: str
    to: str
    entries: list[dict]
    body: str
    line: int
    tables: list[Table] = field(default_factory=list)
    hint: str = ""


def programme_entries(tables: list[Table], year: int, source: Source, report: Report) -> list[dict]:
    entries: list[dict] = []
    for table in tables:
        if not is_programme_table(table):
            continue
        cols = {
            "date": column(table, "date"),
            "title": column(table, "title"),
            "detail": column(table, "detail"),
            "leads": column(table, "lead") if column(table, "lead") is not None else column(table, "cabinet"),
            "source": column(table, "source"),
            "outcomes": column(table, "outcome"),
        }
        current: dict = {}
        for row in table.rows:
            when = cell_plain(cell(row, cols["date"])).replace("\n", " ")
            title = cell_plain(cell(row, cols["title"])).replace("\n", " ")
            extra = ""
            if when:
                bucket = bucket_of(when)
                day, match, inferred = date_in_municipal_year(when, year)
                if bucket and not (day and match.start() == 0):
                    current = {"bucket": bucket}
                elif day:
                    current = {"date": day}
                    extra = when[match.end() :].strip(" –-—")
                    if inferred:
                        report.warn(
                            source.name,
                            row.line,
                            f"the date '{when}' has no year: read as {day.isoformat()}, "
                            f"in the municipal year {MunicipalYear(year).label}",
                            "check the date",
                        )
                else:
                    report.warn(
                        source.name,
                        row.line,
                        f"could not read '{when}' as a date or a list heading; "
                        "the rows below are listed under the date before",
                        "check the entries",
                    )
            if not title:
                continue
            if title.strip() in ("-", "–", "n/a"):
                report.warn(
                    source.name,
                    row.line,
                    f"the entry '{title}' of the work programme was left out (nothing planned)",
                    "",
                )
                continue
            if not current:
                report.warn(
                    source.name,
                    row.line,
                    f"the entry '{title}' has no date above it; listed under 'date to be decided'",
                    "check the date",
                )
                current = {"bucket": "date to be decided"}
            entry = {"title": title, **current}
            detail = cell_plain(cell(row, cols["detail"]))
            if extra:
                detail = f"{detail} ({extra.strip('()')})".strip()
            if detail:
                entry["detail"] = detail
            leads, uncertain = split_leads(cell_plain(cell(row, cols["leads"])))
            for piece in uncertain:
                report.warn(
                    source.name,
                    row.line,
                    f"could not split the leads '{piece}' into names; kept as printed",
                    "split them by hand if they are several people",
                )
            if leads:
                entry["leads"] = leads
            for key in ("source", "outcomes"):
                value = cell_plain(cell(row, cols[key])).replace("\n", " ")
                if value:
                    entry[key] = value
            entries.append(entry)
    return entries


def _split_titles(text: str, titles: list[str]) -> list[str]:
    """'SCR Early Help Strategy Improvement Board - 22 June 16' → the known titles it is made of."""
    norm = [(t, " ".join(t.lower().split())) for t in sorted(set(titles), key=len, reverse=True) if t]
    text = " ".join(text.split())
    low = text.lower()
    out, pos, pending = [], 0, ""
    while pos < len(text):
        found = next(
            (t for t, n in norm if low.startswith(n, pos) and (pos + len(n) == len(low) or low[pos + len(n)] == " ")),
            None,
        )
        if found:
            if pending.strip():
                out.append(pending.strip())
            pending = ""
            out.append(text[pos : pos + len(found)])
            pos += len(found)
            while pos < len(text) and text[pos] == " ":
                pos += 1
            continue
        nxt = text.find(" ", pos)
        nxt = len(text) if nxt < 0 else nxt + 1
        pending += text[pos:nxt]
        pos = nxt
    if pending.strip():
        out.append(pending.strip())
    return out


def _summary_markdown(lines: list[Line], titles: list[str], year: int) -> str:
    blocks: list[str] = []
    bullets: list[str] = []
    seen_heading = False

    def flush() -> None:
        if bullets:
            blocks.append("\n".join(bullets))
            bullets.clear()

    for line in lines:
        text = plain(line.text)
        if not text:
            continue
        day, match, _ = date_in_municipal_year(text, year)
        bucket = bucket_of(text)
        if (day and match.start() == 0 and len(text) < 90) or (bucket and len(text) < 140 and text not in titles):
            flush()
            heading = text
            if bucket and not day and len(text) > 40:
                heading = re.split(r"\s+[-–—]\s*|\s*[-–—]\s+", text)[0]
            blocks.append(f"### {heading}")
            if heading != text:
                blocks.append(text)
            seen_heading = True
            continue
        pieces = _split_titles(text, titles)
        if (
            len(pieces) == 1
            and pieces[0] not in titles
            and (not seen_heading or (len(text) > 40 and text.endswith((".", "only"))))
        ):
            flush()
            blocks.append(text)
            continue
        bullets.extend(f"- {'–' if p in ('-', '–') else p}" for p in pieces)
    flush()
    return "\n\n".join(blocks)


def read_programme(part: Part, source: Source, report: Report) -> Programme | None:
    lines = part.lines
    found = next(((i, m) for i, m in enumerate(PROGRAMME_TITLE.search(plain(line.text)) for line in lines) if m), None)
    if found is None:
        return None
    title_at, match = found
    title = plain(lines[title_at].text)
    year = int(match.group("start"))
    to = " ".join(plain(line.text) for line in lines[:title_at] if line.text.strip())
    if not to:
        to = title[: match.start()].strip()
    rest = lines[title_at + 1 :]
    first_table = next((i for i, line in enumerate(rest) if is_table_line(line)), len(rest))
    summary_lines = [line for line in rest[:first_table] if plain(line.text) != title]
    tables: list[Table] = []
    chunks: list[str] = []
    i = first_table
    while i < len(rest):
        if is_table_line(rest[i]):
            end = table_region_end(rest, i)
            tables.extend(read_tables(rest[i:end], source, report))
            i = end
            continue
        if rest[i].text.strip() and plain(rest[i].text) != title:
            tail = [line for line in rest[i:] if not is_table_line(line)]
            if any(line.text.strip() for line in tail):
                reader = BodyReader(source, report)
                chunks.append(reader.markdown([line for line in rest[i:] if plain(line.text) != title]))
                tables.extend(reader.tables)
                break
        i += 1
    entries = programme_entries(tables, year, source, report)
    if not entries:
        report.warn(
            source.name,
            part.line,
            f"the work programme '{title}' has no detail table that could be read",
            "check the programme's table",
        )
    summary = _summary_markdown(summary_lines, [e["title"] for e in entries], year)
    body_parts = [summary] + [to_markdown(t) for t in tables if t.rows] + chunks
    body = "\n\n".join(p for p in body_parts if p)
    return Programme(
        year=year,
        title=title,
        to=to,
        entries=entries,
        body=body,
        line=lines[title_at].no,
        tables=tables,
        hint=part.hint,
    )
