"""Rows of an attendance read beyond a name and its post.

A table with a column that says whether each member came ("Member | Representing | Attendance", the
column "Present", "Apologies" or "Absent"), a substitute named in another cell ("Academy trusts
(substitute for Dr Marcus Feld)"); and entries divided by semicolons because each holds a comma
("D Farquharson, Clerk to the Board; S Keir, Depute Clerk; and T Roy, Committee Officer"), each a name and
its post.
"""

from __future__ import annotations

import re

from minutebook.importer.people import OFFICER_ROLE, ROLE_SUFFIX, parse_name, printed
from minutebook.importer.textutil import plain

# the heading of an attendance table's column that says whether each member came ("Attendance", "Attended")
STATUS_HEAD = re.compile(r"^(?:attendance|attended|status)\??$", re.I)
# what such a column says: came, sent apologies, or stayed away (in no group)
STATUS_CELL: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (re.compile(r"^(?:present|attended|yes|y|✓|✔|p)$", re.I), "present"),
    (re.compile(r"^(?:(?:sent\s+)?apolog(?:ies|y)(?:\s+(?:given|received|sent))?|ap|a)\b", re.I), "apologies"),
    (re.compile(r"^(?:absent|not\s+present|did\s+not\s+attend|no|n|x|–|-)$", re.I), None),
)
# columns headed by a group, a mark in the one that applies: "Member | Present | Apologies | Absent"
MARK_HEADS: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (re.compile(r"^(?:present|attended)$", re.I), "present"),
    (re.compile(r"^apolog(?:ies|y)(?:\s+(?:given|received))?$", re.I), "apologies"),
    (re.compile(r"^(?:absent|not\s+present)$", re.I), None),
)
MARK = re.compile(r"^(?:x|✓|✔|✗|yes|y|\*|•|●)$", re.I)
# status_columns' answer: the one column whose words say the group, and the columns marked for a group
Status = tuple[int | None, dict[int, str | None]]
# "(substitute for Dr Marcus Feld)" in a cell of the row
SUBSTITUTE_NOTE = re.compile(r"\s*\((?:as\s+)?(?:a\s+)?substitut(?:e|ing)\s+for\s+(?P<for>[^()]+)\)\s*", re.I)


# "four members of the public", "2 members of the press", "Members of the public: 3", "Press: none": people the
# minutes count but do not name
_COUNT = r"(?:\d+|no|none|nil|one|two|three|four|five|six|seven|eight|nine|ten|several|many|a number of|some)"
_PUBLIC_OR_PRESS = r"(?:public|press)(?:\s+and\s+(?:the\s+)?(?:public|press))?"
PUBLIC = re.compile(
    rf"(?:,\s*|\s+and\s+|^)(?P<what>{_COUNT}\s+members?\s+of\s+the\s+{_PUBLIC_OR_PRESS}"
    rf"|(?:(?:members?\s+of\s+)?the\s+)?{_PUBLIC_OR_PRESS}(?:\s+present)?\s*:\s*{_COUNT})\s*$",
    re.I,
)


def status_columns(heads: list[str]) -> Status:
    """The columns of an attendance table's heading row that say whether each member came: one column of
    words ("Attendance": Present / Apologies / Absent), or columns marked with a cross or a tick
    ("Present | Apologies"); (None, {}) for a table with neither."""
    marks = {n: g for n, h in enumerate(heads) if n for pattern, g in MARK_HEADS if pattern.match(h)}
    if len(marks) >= 2:
        return None, marks
    value = next((n for n, h in enumerate(heads) if n and (STATUS_HEAD.match(h) or MARK_HEADS[0][0].match(h))), None)
    return value, {}


def _status_group(cells: list[str], columns: Status) -> tuple[bool, str | None, set[int]]:
    """(found, group, the status columns) of a row: the group of its word, or of its one marked column."""
    value, marks = columns
    if value is not None:
        found = [g for pattern, g in STATUS_CELL if value < len(cells) and pattern.match(cells[value])]
        return bool(found), found[0] if found else None, {value}
    marked = [g for n, g in marks.items() if n < len(cells) and MARK.match(cells[n])]
    return len(marked) <= 1, marked[0] if marked else None, set(marks)  # no mark at all: not there


def status_entry(row: str, columns: Status, bodies: bool) -> tuple[str | None, dict | None, str] | None:
    """(group, entry, name as printed) of a row of a table whose ``columns`` (:func:`status_columns`) say
    whether the member came (``row``: its text, cells divided by tabs); group and entry None for a member
    absent (in no group) and for a table of minutes' heading row; None when the row says nothing there or has
    no name first. ``bodies``: the
    second column names the body the member is there for, not a post."""
    cells = [plain(c).strip() for c in row.split("\t")]
    if numbers_head([c for c in cells if c]):
        return None, None, ""  # the heading row of the minutes' table printed under the attendance: no one
    if columns == (None, {}) or not cells:
        return None
    found, group, used = _status_group(cells, columns)
    bracketed = ROLE_SUFFIX.match(cells[0])
    name_cell = bracketed.group("name") if bracketed else cells[0]
    if not found or not parse_name(name_cell, allow_bare=True):
        return None
    if group is None:
        return None, None, name_cell
    others = [c for n, c in enumerate(cells) if n and n not in used and c]
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


def posts_held(text: str, group: str | None) -> list[tuple[str, str, str]] | None:
    """'D Farquharson, Clerk to the Board; S Keir, Depute Clerk; and T Roy, Committee Officer': entries divided
    by semicolons because each holds a comma, a name and its post: (group, name, post) each, an officer's post
    under "In attendance" putting its holder with the officers; None for any other text."""
    if ";" not in text:
        return None
    pieces = [re.sub(r"^and\s+", "", p.strip(), flags=re.I) for p in text.strip().strip(" .").split(";")]
    held = [(name.strip(), post.strip()) for name, _, post in (p.partition(",") for p in pieces if p)]
    if len(held) < 2 or not all(post and parse_name(name) for name, post in held):
        return None
    return [
        ("officers" if group == "invited" and OFFICER_ROLE.search(post) else group or "present", name, post)
        for name, post in held
    ]


# the heading row of the minutes' table printed under the attendance ("Item No. | Title"): not a person
NUMBER_HEAD = re.compile(r"^(?:agenda\s+)?(?:item|minute|min\.?)(?:\s+(?:no\.?|number|ref\.?))?$|^no\.?$", re.I)


def numbers_head(cells: list[str]) -> bool:
    """A row headed like a table of minutes or items ('Item No.', 'Minute', 'No.'), not an attendance row."""
    return bool(cells) and bool(NUMBER_HEAD.match(cells[0]))


# "Cllr P Ashworth (Chairman)   Cllr H Kaur": names printed in two columns, each with its title. The
# title keeps the word naming its council ("District Cllr T Bell", "Town Councillor A Shah"): a split
# before the title alone left "District" as a name and lost the line
NEXT_TITLE = re.compile(
    r"\s+(?=(?:(?:County|District|Borough|City|Town|Parish|Community|Deputy|Former)\s+)?(?:Councillor|Cllr)\.?\s+[A-Z])"
)
JOINING_WORD = re.compile(
    r"(?:^|\s)\(?(?:for|and|from|by|with|to|of|the|as|county|district|borough|city|town|parish|community|deputy|"
    r"former|&|,)$",
    re.I,
)


def columns(text: str) -> str:
    """Names printed side by side without a comma between them are separated by one; a title that follows
    "for", "and" or a comma ("substitute for Cllr J Doyle") is left as printed."""
    pieces = NEXT_TITLE.split(text)
    out = pieces[0]
    for piece in pieces[1:]:
        out += (" " if JOINING_WORD.search(out) or not out.strip() else ", ") + piece
    return out
