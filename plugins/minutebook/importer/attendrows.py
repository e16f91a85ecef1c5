"""Rows of an attendance read beyond a name and its post.

A table with a column that says whether each member came ("Member | Representing | Attendance", the
column "Present", "Apologies" or "Absent"), a substitute named in another cell ("Academy trusts
(substitute for Dr Marcus Feld)"); and entries divided by semicolons because each holds a comma
("D Farquharson, Clerk to the Board; S Keir, Depute Clerk; and T Roy, Committee Officer").
"""

from __future__ import annotations

import re

from minutebook.importer.people import ROLE_SUFFIX, parse_name, printed

# the heading of an attendance table's column that says whether each member came ("Attendance", "Attended")
STATUS_HEAD = re.compile(r"^(?:attendance|attended|present|status)\??$", re.I)
# what such a column says: came, sent apologies, or stayed away (in no group)
STATUS_CELL: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (re.compile(r"^(?:present|attended|yes|y|✓|✔|p)$", re.I), "present"),
    (re.compile(r"^(?:(?:sent\s+)?apolog(?:ies|y)(?:\s+(?:given|received|sent))?|ap|a)\b", re.I), "apologies"),
    (re.compile(r"^(?:absent|not\s+present|did\s+not\s+attend|no|n|x|–|-)$", re.I), None),
)
# "(substitute for Dr Marcus Feld)" in a cell of the row
SUBSTITUTE_NOTE = re.compile(r"\s*\((?:as\s+)?(?:a\s+)?substitut(?:e|ing)\s+for\s+(?P<for>[^()]+)\)\s*", re.I)


def status_entry(cells: list[str], column: int | None, bodies: bool) -> tuple[str | None, dict | None, str] | None:
    """(group, entry, name as printed) of a row whose ``column`` says whether the member came; group and entry
    None for a member absent (in no group); None when the row is not such a row (no status in that column,
    no name in the first). ``bodies``: the second column names the body the member is there for, not a post."""
    if column is None or len(cells) <= column:
        return None
    status = cells[column]
    found = [g for pattern, g in STATUS_CELL if pattern.match(status)]
    bracketed = ROLE_SUFFIX.match(cells[0])
    name_cell = bracketed.group("name") if bracketed else cells[0]
    if not found or not parse_name(name_cell, allow_bare=True):
        return None
    group = found[0]
    if group is None:
        return None, None, name_cell
    others = [c for n, c in enumerate(cells) if n not in (0, column)]
    entry: dict = {"name": printed(name_cell)}
    instead = next((m for c in others if (m := SUBSTITUTE_NOTE.search(c))), None)
    if group == "present" and instead and parse_name(instead.group("for").strip(), allow_bare=True):
        group, entry["for"] = "substitutions", printed(instead.group("for").strip())
    if bracketed:
        entry["role"] = bracketed.group("role").strip()
    body = SUBSTITUTE_NOTE.sub(" ", others[0]).strip() if others else ""
    if body:
        entry["organisation" if bodies else "role"] = body if bodies or not bracketed else f"{entry['role']}, {body}"
    return group, entry, name_cell


def semicolon_entries(text: str) -> list[str] | None:
    """'D Farquharson, Clerk to the Board; S Keir, Depute Clerk; and T Roy, Committee Officer': entries
    divided by semicolons because each holds a comma (a name and its post); None for any other text."""
    if ";" not in text:
        return None
    pieces = [re.sub(r"^and\s+", "", p.strip(), flags=re.I) for p in text.strip().strip(" .").split(";")]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2 or not all("," in p for p in pieces):
        return None
    return pieces


# the heading row of the minutes' table printed under the attendance ("Item No. | Title"): not a person
NUMBER_HEAD = re.compile(r"^(?:agenda\s+)?(?:item|minute|min\.?)(?:\s+(?:no\.?|number|ref\.?))?$|^no\.?$", re.I)


def numbers_head(cells: list[str]) -> bool:
    """A row headed like a table of minutes or items ('Item No.', 'Minute', 'No.'), not an attendance row."""
    return bool(cells) and bool(NUMBER_HEAD.match(cells[0]))
