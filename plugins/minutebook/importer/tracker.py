"""The outstanding-issues tracker: a table of recommendations and actions, with responses.

Recognised by its header: a meeting date column, a recommendations/actions column and a response or
status column ("Meeting Date | Agenda Item | Cabinet Member | Rec', Action or Info |
Recommendations/ Actions | Response/ Status"). The kind column holds R, A or I.
"""

from __future__ import annotations

from minutebook.importer.dates import find_date
from minutebook.importer.report import Report
from minutebook.importer.source import Source
from minutebook.importer.tables import Table, cell, cell_plain, column

KINDS = {
    "r": "recommendation",
    "rec": "recommendation",
    "recommendation": "recommendation",
    "a": "action",
    "action": "action",
    "i": "information",
    "info": "information",
    "information": "information",
}


def _columns(table: Table) -> dict:
    text = column(table, "recommendation", exclude=("rec'", "or info")) or column(table, "action", exclude=("or info",))
    return {
        "meeting": column(table, "meeting") if column(table, "meeting") is not None else column(table, "date"),
        "item": column(table, "item"),
        "cabinet_member": column(table, "cabinet"),
        "kind": column(table, "or info") if column(table, "or info") is not None else column(table, "type"),
        "text": text,
        "response": column(table, "response") if column(table, "response") is not None else column(table, "status"),
        "status": column(table, "status", exclude=("response",)),
    }


def is_tracker_table(table: Table) -> bool:
    cols = _columns(table)
    return cols["text"] is not None and cols["response"] is not None and cols["meeting"] is not None


def tracker_rows(table: Table, source: Source, report: Report) -> list[dict]:
    cols = _columns(table)
    if cols["status"] == cols["response"]:
        cols["status"] = None
    rows = []
    for row in table.rows:
        text = cell_plain(cell(row, cols["text"])).replace("\n", " ")
        if not text:
            continue
        entry: dict = {}
        when = cell_plain(cell(row, cols["meeting"]))
        day = find_date(when)[0] if when else None
        if when and day is None:
            report.warn(source.name, row.line, f"could not read the tracker date '{when}'", "add the meeting date")
        if day:
            entry["meeting"] = day
        for key in ("item", "cabinet_member"):
            value = cell_plain(cell(row, cols[key])).replace("\n", " ")
            if value:
                entry[key] = value
        printed = cell_plain(cell(row, cols["kind"])).strip(" .").lower()
        kind = KINDS.get(printed)
        if kind is None:
            kind = "action"
            report.warn(
                source.name,
                row.line,
                f"the tracker row's kind '{printed or '(blank)'}' is not R, A or I; recorded as an action",
                "set kind: recommendation, action or information",
            )
        entry["kind"] = kind
        entry["text"] = text
        for key in ("response", "status"):
            value = cell_plain(cell(row, cols[key])).replace("\n", " ")
            if value:
                entry[key] = value
        rows.append(entry)
    return rows
