"""A front sheet's labelled fields: the meeting named by its label ("Meeting:"), the date block ("Date: / Time: /
Venue:", labels alone over their values too), a value wrapped under its column, and the committee printed
above the date block."""

from __future__ import annotations

import re

from minutebook.importer.source import Line
from minutebook.importer.textutil import ends_sentence, plain


def plain_line(line: Line) -> str:
    return plain(line.text)


def labelled_block(lines: list[Line]):
    """'Date: …' / 'Time: …' / 'Venue: …' (values on the line or the next): (date+time text, place, index after)."""
    from minutebook.importer.split import DATE_LABEL, PLACE_LABEL, TIME_LABEL

    values: dict[str, str] = {}
    first = end = None
    k = 0
    while k < len(lines) and (first is None or k - first < 8):
        text = plain_line(lines[k])
        for key, pattern in (("date", DATE_LABEL), ("time", TIME_LABEL), ("place", PLACE_LABEL)):
            match = pattern.match(text)
            if match and key not in values and len(text) <= 120:
                value = match.group("rest").strip()
                if not value and k + 1 < len(lines):
                    value = plain_line(lines[k + 1])
                    k += 1
                elif key == "place":
                    value, k = _place_wrapped(lines, k, value)
                values[key] = value
                first = k if first is None else first
                end = k + 1
                break
        else:
            if first is not None:
                break
        k += 1
    if "date" not in values:
        return None
    return f"{values.get('time', '')} on {values['date']}", values.get("place", ""), first, end


def _place_wrapped(lines: list[Line], k: int, value: str) -> tuple[str, int]:
    """ "Place:   Committee Room 2, Calderwick Civic Centre" over "Mercer Street, …" set under its value: the
    place's lines joined as one address, and the index of its last line."""
    column = lines[k].text.find(value[:12]) if value else -1
    while column > 0 and k + 1 < len(lines) and wraps_under(lines[k], lines[k + 1], column):
        value = f"{value}{' ' if value.endswith(',') else ', '}{lines[k + 1].text.strip()}"
        k += 1
    return value, k


def wraps_under(line: Line, below: Line, column: int) -> bool:
    """Whether ``below`` goes on with the value of the field on ``line``, whose value starts at ``column``: set
    under the value, or (as a PDF's text gives it, its columns lost) flush with the label on the very next line,
    short, neither a label, a heading in capitals nor a sentence's end."""
    text = below.text.strip()
    if not text or ":" in text or bare_label(text):
        return False
    indent = len(below.text) - len(below.text.lstrip())
    if indent == column:
        return True
    return (
        indent == len(line.text) - len(line.text.lstrip())
        and below.no == line.no + 1
        and len(text) <= 60
        and not text.isupper()
        # a sentence's end, unless it closes a bracket the line above opened ("… Services (Monitoring" / "Officer)")
        and (not ends_sentence(text) or line.text.count("(") > line.text.count(")"))
    )


def named_above(lines: list[Line], at: int, name: str) -> str:
    """The body's full name in a heading above a notice that calls it short: "the Joint Committee" under
    "FENWOLD AND SAXBY JOINT CREMATORIUM COMMITTEE" (every word of the short name in the heading)."""
    words = set(name.lower().split())
    for line in lines[:at]:
        heading = plain_line(line)
        if len(heading) > len(name) and not ends_sentence(heading) and words <= set(heading.lower().split()):
            return heading
    return name


# "You are invited to attend a meeting of the Schools Forum on" (the date on the next line): the body named in it
INVITATION = re.compile(
    r"^(?:notice of\s+)?(?:[\w'’,]+\s+){0,8}?(?:an?\s+)?(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?(?P<name>.+?)"
    r"(?:\s+(?:on|at|to\s+be\s+held|will\s+be\s+held|which\s+will)\b.*)?[.:]?$",
    re.I,
)


def bare_label(text: str) -> bool:
    """A label alone on its line, its value on the next ('Date and time' / 'Venue' / 'Meeting')."""
    from minutebook.importer.split import DATE_LABEL, PLACE_LABEL, TIME_LABEL

    if re.fullmatch(r"(?:name\s+of\s+)?(?:meeting|committee|body)\s*:?", text, re.I):
        return True
    return any(
        (m := p.match(text)) is not None and not m.group("rest").strip() for p in (DATE_LABEL, TIME_LABEL, PLACE_LABEL)
    )


def committee_above(lines: list[Line], before: int) -> str:
    """The committee's name: the last line above the date block that is not the council, a notice or a label."""
    from minutebook.importer.split import BOILERPLATE, ORG_LINE

    named = _meeting_label(lines[:before])
    if named:
        return named
    for k in range(before - 1, -1, -1):
        text = plain_line(lines[k])
        if bare_label(text):
            continue
        if BOILERPLATE.match(text) or (
            ORG_LINE.search(text)
            and not re.search(
                r"\b(?:committee|board|panel|cabinet|"
                r"executive|sub-committee)\b",
                text,
                re.I,
            )
        ):
            continue
        invited = INVITATION.match(text)
        return invited.group("name") if invited else text
    return plain_line(lines[0])


MEETING_LABEL = re.compile(
    r"^(?P<label>\s*(?:meeting|committee|name of (?:the )?(?:meeting|committee))\s*:\s*)(?P<name>\S.*)$", re.I
)


def _meeting_label(lines: list[Line]) -> str:
    """ "Meeting:   Children and Young People Overview and" over "Scrutiny Committee" set under its first word:
    the name the label gives, its wrapped lines joined; "" without such a label."""
    for k, line in enumerate(lines):
        found = MEETING_LABEL.match(line.text)
        if found is None:
            continue
        column, name = len(found.group("label")), [found.group("name").strip()]
        for previous, below in zip(lines[k : k + 2], lines[k + 1 : k + 3], strict=False):
            if not wraps_under(previous, below, column):
                break
            name.append(below.text.strip())
        return " ".join(name)
    return ""
