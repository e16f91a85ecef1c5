"""The labels of an attendance list ("Present:", "Sederunt:", "Apologies for absence") and the joining of its
hard-wrapped lines, for the attendance reader (attendance.py) and the minutes' headings (minutehead.py)."""

from __future__ import annotations

import re

from minutebook.importer.source import Line
from minutebook.importer.textutil import plain

GROUPS = (
    (re.compile(r"^co-?opted(?: members?)?$", re.I), "co_opted"),
    (re.compile(r"^(?:deputy )?cabinet members?(?: and deputy cabinet members?)?$", re.I), "cabinet_members"),
    (re.compile(r"^other members?(?: present)?$", re.I), "other_members"),
    (
        # the members of the body, however the list is divided: "Voting Members", "Non-Voting Members",
        # "Board Members", "Elected Members", "Members present", "Members of the Sub-Committee"
        re.compile(
            r"^(?:(?:(?:non-?\s?)?voting|board|elected|appointed|committee|council|panel|authority)\s+)?"
            r"(?:members?|councillors|cllrs\.?)(?:\s+present)?$|^(?:present|sederunt)$"
            # a table headed "Schedule of Attendance" (or "Record of attendance"), its rows marked present or not
            r"|^(?:(?:schedule|record|register)\s+of\s+)?attendance(?:\s+(?:record|register))?$"
            # "Members of the Sub-Committee"
            r"|^members\s+of\s+the\s+(?:sub-?\s?committee|committee|board|panel|cabinet|authority)$",
            re.I,
        ),
        "present",
    ),
    # "In the Chair: Alderman M Corrigan": present, in the chair
    (re.compile(r"^(?:in the chair|chair(?:man|woman|person)?|presiding)$", re.I), "chair"),
    (
        re.compile(
            r"^(?:[a-z]+\s+)?(?:employees|officers|staff)(?: in attendance)?(?: \(by directorate\))?(?: present)?$",
            re.I,
        ),
        "officers",
    ),
    (
        re.compile(r"^(?:others? invited|invited|in attendance|also in attendance|also present|guests?)$", re.I),
        "invited",
    ),
    (re.compile(r"^apologies(?: for absence)?(?: received)?$", re.I), "apologies"),
    (re.compile(r"^(?:substitutes?|substitutions?|substitute members?)$", re.I), "substitutions"),
)
LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z ()/&-]{1,60}?)\s*:\s*(?P<rest>.*)$")
# a line that cannot end an entry: it ends with a comma, a joining word, a title or an initial
# ("… seconded by County" / "Councillor R. G." / "… D. W. Ormerod and")
OPEN_END = re.compile(
    r"(?:,|\b(?:and|or|for|of|as|at|by|the|to|with|from|County|District|Borough|City|Councillors?|Cllrs?|"
    r"Mr|Mrs|Ms|Miss|Dr)\.?|\b[A-Z]\.)$"
)


def unwrap(lines: list[Line]) -> list[Line]:
    """The lines of a hard-wrapped attendance paragraph joined: a line that cannot end an entry (OPEN_END), or
    a next line in lower case or opening with its bracketed post ("(Head of Highways), …"), continues it —
    only within a paragraph (the next line printed right under it) and never onto a label ("Officers:")."""
    out: list[Line] = []
    last = -1  # the number of the last line joined into out[-1]
    for line in lines:
        prev = out[-1] if out else None
        text = plain(line.text).strip()
        if (
            prev is not None
            and line.no == last + 1
            and "\t" not in prev.text + line.text
            and not LABEL.match(text)
            and not group_of(text.rstrip(" :"))
            and (
                OPEN_END.search(plain(prev.text).strip())
                or text[:1].islower()
                or text.startswith("(")
                or prev.text.count("(") > prev.text.count(")")  # "… E. Stott (Democratic" / "Services Officer)"
                or _wrapped_entry(plain(prev.text).strip(), text)
            )
        ):
            out[-1] = Line(prev.no, f"{plain(prev.text).strip()} {text}", prev.heading)
            last = line.no
            continue
        out.append(line)
        last = line.no
    return out


PRESIDING = re.compile(r"^[A-Z][^,:]{3,60},?\s+presiding\.?$", re.I)  # (no label: "PRESENT: X in the Chair" is read)


def _wrapped_entry(prev: str, text: str) -> bool:
    """A list of names wrapped inside an entry: "…, Douglas Balfour, Kirsty" / "Bannerman, Andrew Birrell, …" (a line
    of a comma list that ends with no comma, over a line that goes on with the list)."""
    return (
        "," in prev
        and re.search(r",\s*[A-Z][\w'’-]*$", prev) is not None
        and re.match(r"^[A-Z][\w'’-]*(?:,|\s+and\s|\.$)", text) is not None
    )


def group_of(label: str) -> str | None:
    label = " ".join(label.split())
    for pattern, group in GROUPS:
        if pattern.match(label):
            return group
    return None
