"""The author block of a paper: who wrote it and how to reach them ("Author: Name, Role", "Contact officer:
G. Lindqvist, Manager, telephone …", a name line over "Telephone:" / "E-mail:" lines, a cover sheet's
"Report author:" and "Presented by:"), read into name, role, directorate, telephone and e-mail.
"""

from __future__ import annotations

import re

from minutebook.importer.people import ROLE_WORDS
from minutebook.importer.source import Line
from minutebook.importer.textutil import plain

AUTHOR_LABEL = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})?\s+)?(?:report\s+)?(?:authors?|contact officers?|contact details|"
    r"contact)\s*:\s*",
    re.I,
)
# "(Ext. 4410)", "ext 4410": a telephone extension of the council's switchboard
EXTENSION = re.compile(r"\(?\b(?:ext(?:ension)?\.?)\s*(\d{3,5})\b\)?", re.I)
EMAIL = re.compile(r"[\w.'’-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\(?\b0\d{2,4}\)?\s?\d{3,4}\s?\d{3,4}\b|\b\d{4}\s\d{4}\b")
# "Tobias Wren", "Mary-Jane O'Neill"; with initials "G. Lindqvist", "Dr A.K. Patel", "Mr N Forsyth"
NAME_LINE = re.compile(
    r"^(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-zA-Z'’-]+){1,2}"
    r"|(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z]\.(?:\s?[A-Z]\.){0,2}\s?[A-Z][a-z][a-zA-Z'’-]+"
    r"|(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z](?:\s[A-Z]){0,2}\s[A-Z][a-z][a-zA-Z'’-]+)"
    r"\s*(?:,\s*(?P<role>.*))?$"
)
ROLE_HINT = re.compile(
    r"\b(?:director|manager|officer|co-?ordinator|head|lead|worker|executive|directorate|"
    r"chief|principal|adviser|advisor|analyst|commissioner|clerk)\b",
    re.I,
)
LABEL_PREFIX = re.compile(r"^(?:tel(?:ephone)?|phone|e-?mail|contact details|directorate|date)\s*[:.]?\s*", re.I)


def _t(line: Line) -> str:
    return plain(line.text).strip()


def is_name_line(text: str) -> bool:
    match = NAME_LINE.match(text)
    if not match:
        return False
    if re.match(r"^[IVX]\.\s?[A-Z][a-z]", match.group("name")):  # "I. Introduction", "V. Conclusions": headings
        return False
    return not any(w.lower() in ROLE_WORDS for w in re.split(r"[ ]", match.group("name")))


def _signed_above(lines: list[Line], i: int, start: int) -> int:
    """The report's signatory, name over post, printed just above its "Contact:" line ("Niall Cairncross" /
    "Executive Director of Place"): the author block starts there; else at line i."""
    filled = [j for j in range(max(start, i - 6), i) if lines[j].text.strip()][-2:]
    if (
        len(filled) == 2
        and is_name_line(_t(lines[filled[0]]))
        and ROLE_HINT.search(_t(lines[filled[1]]))
        and len(_t(lines[filled[1]])) <= 60
        and not re.search(r"\t", lines[filled[0]].text)
    ):
        return filled[0]
    return i


# "Author(s)" over a table "Name | Designation | Contact Details" (each author a row)
AUTHOR_TABLE = re.compile(r"^(?:report\s+)?(?:authors?|contact\s+officers?)(?:\s*\(s\))?$", re.I)
# the sign-off table under it ("Approved" / "Name | Designation | Date"): part of the block, no author
SIGN_OFF = re.compile(r"^(?:approved|approved by|signed off by|authorised by|cleared by)$", re.I)
NAME_HEAD = re.compile(r"^name(?:\s{2,}|\t)\s*\S", re.I)


def _table_head(lines: list[Line], i: int) -> int | None:
    """The line of the table's header row ("Name   Designation   Contact Details") under an "Author(s)"
    heading at line i, or None."""
    if not (AUTHOR_TABLE.match(_t(lines[i])) or SIGN_OFF.match(_t(lines[i]))):
        return None
    below = [j for j in range(i + 1, min(len(lines), i + 4)) if lines[j].text.strip()][:1]
    return below[0] if below and NAME_HEAD.match(lines[below[0]].text.strip()) else None


def author_table_end(lines: list[Line], start: int) -> int | None:
    """Where an author table that starts at ``start`` ends: the first blank line after its rows."""
    head = _table_head(lines, start)
    if head is None:
        return None
    end = head + 1
    while end < len(lines) and lines[end].text.strip():
        end += 1
    following = [j for j in range(end, min(len(lines), end + 3)) if lines[j].text.strip()][:1]
    if following and SIGN_OFF.match(_t(lines[following[0]])) and (after := author_table_end(lines, following[0])):
        return after
    return end


def _table_rows(lines: list[Line]) -> list[Line]:
    """An author table's rows as author lines: "Fiona Jardine, Chief Accountant 01764 483512"."""
    head = _table_head(lines, 0)
    if head is None or SIGN_OFF.match(_t(lines[0])):
        return lines
    rows = []
    for line in lines[head + 1 :]:
        if not line.text.strip():
            break  # the sign-off table below names who approved it, not an author
        cells = re.split(r"\s{2,}|\t", line.text.strip())
        if line.text[:1].isspace() or len(cells) < 2:
            rows.append(line)  # a cell carried on under the row (its e-mail address)
        else:
            rows.append(Line(line.no, f"{cells[0]}, {cells[1]} {' '.join(cells[2:])}".strip(), line.heading))
    return rows


def author_block_start(lines: list[Line], start: int) -> int | None:
    for i in range(start, len(lines)):
        if AUTHOR_LABEL.match(_t(lines[i])):
            return _signed_above(lines, i, start)
        if AUTHOR_TABLE.match(_t(lines[i])) and _table_head(lines, i) is not None:
            return i
    for i in range(start, len(lines)):
        text = _t(lines[i])
        if (EMAIL.search(text) or re.match(r"^tel(?:ephone)?\b", text, re.I)) and len(text) <= 120:
            j, seen = i - 1, 0
            while j >= start and seen < 4:
                if lines[j].text.strip():
                    seen += 1
                    if is_name_line(_t(lines[j])):
                        return j
                j -= 1
            return i
    for i in range(start, len(lines) - 1):
        text = _t(lines[i])
        if is_name_line(text.rstrip(",")) and len(text) < 60 and not re.search(r"\t", lines[i].text):
            following = [line for line in lines[i + 1 : i + 4] if line.text.strip()]
            if following and ROLE_HINT.search(_t(following[0])) and len(_t(following[0])) <= 60:
                return i
    return None


def with_cover_authors(cover: list[tuple[str, Line]], block: list[Line]) -> list[dict]:
    """The authors a cover sheet names ("Author:", "Report Author:"; "Presented by:" when it names no author),
    then those of the paper's author block (``block``), each person once; an e-mail or telephone number
    goes to the author it belongs to."""
    named = [line for label, line in cover if label != "presented by"] or [line for _, line in cover]
    # the cover sheet's other fields printed under its "Contact:" line ("Appendices: …") are not the author's
    block = [
        line
        for line in block
        if AUTHOR_LABEL.match(_t(line)) or LABEL_PREFIX.match(_t(line)) or not re.match(r"^[A-Z][\w ]{2,40}:", _t(line))
    ]
    authors: list[dict] = []
    for author in read_authors(named + block):
        same = next((a for a in authors if a["name"] == author["name"]), None)
        if same is None:
            authors.append(author)
        else:
            same.update({k: v for k, v in author.items() if k not in same})
    return authors


def presenter(cover: list[tuple[str, Line]], authors: list[dict]) -> tuple[dict | None, Line | None]:
    """Who presents the paper, where its cover sheet names them under "Presented by:" besides its author
    ("Presented by: Dr Ngozi Abara, Director of Public Health" over "Author: Tobias Wren, …"), and the
    "Presented by:" line when it names no one ("Director of Public Health"). (None, None) when the
    presenter is an author, or the only person the cover sheet names (then they are its author)."""
    said = [line for label, line in cover if label == "presented by"][:1]
    if not said:
        return None, None
    found = read_authors(said)
    alone = all(label == "presented by" for label, _ in cover)
    if found and not alone and not any(a["name"] == found[0]["name"] for a in authors):
        return found[0], None
    if any(a["name"] in _t(said[0]) for a in authors):
        return None, None
    return None, said[0]


def read_authors(lines: list[Line]) -> list[dict]:
    authors: list[dict] = []
    emails: list[tuple[str, int | None]] = []  # (email, author index on the same line)
    phones: list[tuple[str, int | None, str | None]] = []  # (phone, author index, email on the same line)
    current = None
    for line in _table_rows(lines):
        text = AUTHOR_LABEL.sub("", _t(line))
        found_emails = EMAIL.findall(text)
        found_phones = [p.strip() for p in PHONE.findall(EMAIL.sub(" ", text))]
        found_phones += [f"Ext. {number}" for number in EXTENSION.findall(text)]
        rest = EXTENSION.sub(" ", PHONE.sub(" ", EMAIL.sub(" ", text)))
        rest = re.sub(r"\b(?:tel(?:ephone)?|phone|e-?mail)\s*[:.]?", " ", rest, flags=re.I)
        rest = " ".join(rest.split()).strip(" ,;:")
        owner = None
        if re.match(r"^directorate\s*:", _t(line), re.I) and authors:
            authors[-1]["directorate"] = re.sub(r"^directorate\s*:\s*", "", _t(line), flags=re.I)
            continue
        if re.match(r"^date\s*:", _t(line), re.I):
            continue
        name_match = NAME_LINE.match(rest) if rest else None
        if name_match and is_name_line(rest):
            current = {"name": name_match.group("name")}
            role = (name_match.group("role") or "").strip(" ,")
            if role:
                current["role"] = role
            authors.append(current)
            owner = len(authors) - 1
        elif rest and current is not None:
            if re.search(r"\bdirectorate\b", rest, re.I) and "directorate" not in current:
                current["directorate"] = rest
            else:
                role = current.get("role", "")
                current["role"] = f"{role}, {rest}" if role else rest
        for email in found_emails:
            emails.append((email, owner))
        for phone in found_phones:
            phones.append((phone, owner, found_emails[0] if found_emails else None))
    _attach(authors, emails, phones)
    return authors


def _email_owner(authors: list[dict], email: str) -> int | None:
    local = email.split("@")[0].lower()
    for k, author in enumerate(authors):
        parts = [p.lower() for p in re.split(r"[ ]", author["name"]) if len(p) > 1]
        if parts and parts[-1].lower() in local and (len(parts) == 1 or parts[0][0] in local):
            return k
    return None


def _attach(authors: list[dict], emails, phones) -> None:
    if not authors:
        return
    order: list[int] = []
    by_email: dict[str, int] = {}
    for email, owner in emails:
        k = owner if owner is not None else _email_owner(authors, email)
        if k is None:
            k = next((n for n, a in enumerate(authors) if "email" not in a), None)
        if k is not None and "email" not in authors[k]:
            authors[k]["email"] = email
            by_email[email] = k
            order.append(k)
    order += [k for k in range(len(authors)) if k not in order]
    loose = []
    for phone, owner, email in phones:
        k = owner if owner is not None else by_email.get(email) if email else None
        if k is not None and "phone" not in authors[k]:
            authors[k]["phone"] = phone
        else:
            loose.append(phone)
    for phone in loose:
        k = next((n for n in order if "phone" not in authors[n]), None)
        if k is not None:
            authors[k]["phone"] = phone
