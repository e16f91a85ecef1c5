"""Papers: the header (kind, To:, Date:, Subject:), the body, the authors, and the appendices.

A paper's own text ends at its author block ("Authors:", "Author: Name, Role", a name line with
"Telephone:"/"E-mail:" lines, or a signature "Name," / role / directorate), at a blank page or at
an "Appendix N" heading. What follows, up to the next part, is its appendices: split at "Appendix N"
headings, at blank pages and at the titles the paper lists under "List of Appendices"; labelled
from those headings, from that list, or from the appendices the text mentions, in order.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from minutebook.importer.authors import (
    AUTHOR_LABEL,
    EMAIL,
    PHONE,
    author_block_start,
    author_table_end,
    is_name_line,
    presenter,
    read_authors,
    with_cover_authors,
)
from minutebook.importer.body import BodyReader
from minutebook.importer.dates import find_date, is_date_line, is_when_line
from minutebook.importer.frontfields import wraps_under
from minutebook.importer.report import Report
from minutebook.importer.source import Line, Source
from minutebook.importer.split import (
    ITEM_SHEET,
    KIND_LINE,
    ORG_LINE,
    REPORT_NUMBER,
    REPORT_OF,
    SUBJECT_LINE,
    TO_LINE,
    Part,
)
from minutebook.importer.tables import Table, is_table_line
from minutebook.importer.textutil import ends_sentence, plain

# the words papers print for an appendix: "Appendix 1", "Annex A", "Annexe B", Welsh "Atodiad 2"
APPENDIX_WORD = r"(?:appendix|annexe?|atodiad)"
APPENDIX_HEAD = re.compile(rf"^(?i:{APPENDIX_WORD})\s+(?P<label>[A-Z]|\d{{1,2}})\b\s*(?:[-–—:.]\s*(?P<title>.*))?$")
MENTION = re.compile(
    r"\b(?:Appendi(?:x|ces)|Annex(?:es|e)?|Atodiad(?:au)?)\s+"
    r"(?P<labels>(?:[A-Z]|\d{1,2})\b(?:\s*(?:,|and|&|to|a|ac)\s*(?:[A-Z]|\d{1,2})\b)*)"
)
# a bilingual heading names the appendix in each language: "Appendix 1 – Draft Policy / Atodiad 1 – Polisi
# Drafft" is the appendix 1 titled "Draft Policy / Polisi Drafft"
SECOND_NAMING = re.compile(rf"(?<=\s/\s)(?i:{APPENDIX_WORD})\s+(?P<label>[A-Z]|\d{{1,2}})\s*[-–—:.]\s*")
EMPTY_APPENDIX = "*The published pack has no text for this appendix (it may be a diagram or a picture).*"


@dataclass
class Doc:
    """A paper or an appendix as read from the pack."""

    kind: str | None
    title: str
    body: str
    line: int
    to: str = ""
    date: dt.date | None = None
    authors: list[dict] = field(default_factory=list)
    presented_by: dict | None = None  # a cover sheet's "Presented by:", when it also names the author
    label: str = ""  # appendices: "1", "A"
    appendices: list[Doc] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    hint: str = ""
    decision: dict | None = None  # a cover sheet's "Key decision: Yes" and forward plan reference


def _t(line: Line) -> str:
    return plain(line.text).strip()


def _filled(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.text.strip()]


def _heading_like(line: Line) -> bool:
    text = _t(line)
    return (
        bool(text)
        and len(text) <= 110
        and not ends_sentence(text)
        and not is_table_line(line)
        and not re.match(r"^[\d(]|^[-•]", text)
        and text[:1].isupper()
    )


COVER_LINE = re.compile(
    r"^(?P<label>report to|date of meeting|meeting date|meeting|date|report of|title of (?:the )?(?:paper|report)|title|"
    r"report title|subject|wards? affected|presented by|appendices|"
    r"wards?|key decision|classification|forward plan reference|portfolio(?: lead| holder)?|lead member|"
    r"cabinet member|report by|report author|authors?|lead officer|responsible officer|"
    r"report (?:no\.?|number|ref(?:erence)?\.?)|agenda item(?: no\.?)?|item(?: no\.?)|action(?: required)?|"
    r"decision required|status|purpose)\s*:\s*(?P<value>.*)$",
    re.I,
)
TITLE_LABELS = ("title", "subject", "report title")
AUTHOR_LABELS = ("author", "authors", "report author", "report by", "presented by")
ITEM_VALUE = re.compile(r"^(?:no\.?\s*)?(?P<n>\d{1,3}(?:\.\d{1,2})?[a-z]?)\.?$", re.I)


def _above_report_of(lines: list[Line], i: int) -> bool:
    """A short line within the three lines above a 'REPORT OF …' line."""
    text = _t(lines[i])
    if not text or len(text) > 90 or text.endswith((".", ":")) or REPORT_OF.match(text) or COVER_LINE.match(text):
        return False  # a cover sheet's field ("Subject: …" over its value's next line "Report of the …") is read as one
    filled = [j for j in range(i + 1, min(len(lines), i + 8)) if lines[j].text.strip()][:3]
    return any(REPORT_OF.match(_t(lines[j])) for j in filled)


# a report's first section heading, unnumbered ("PURPOSE OF REPORT", "Executive Summary"): never its title
FIRST_SECTION = re.compile(
    r"^(?:purpose(?:\s+of\s+(?:the\s+)?report)?|(?:executive\s+)?summary|recommendations?|introduction|"
    r"background|report\s+summary)\s*:?$",
    re.I,
)


def _titles_sections(lines: list[Line], i: int) -> bool:
    """Line i is a short title-like line (no full stop, no label) and the next filled line opens the
    report's first numbered section ("1.  Purpose of the report")."""
    text = _t(lines[i])
    if not text or len(text) > 160 or ends_sentence(text) or text.endswith(":") or re.match(r"^[\d(•-]", text):
        return False
    nxt = next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), None)
    return nxt is not None and bool(re.match(r"^1\.?\s+[A-Z]", _t(lines[nxt])))


def _flush_wrap(lines: list[Line], at: int, i: int) -> bool:
    """ "Subject: Call-in of … Home to School" over "Transport Policy 2026/27" flush with it (a PDF's text, its
    columns lost), with a blank line or the next field under it: the field's value, wrapped."""
    after = _t(lines[i + 1]) if i + 1 < len(lines) else ""
    return wraps_under(lines[at], lines[i], -1) and (not after or bool(COVER_LINE.match(after)))


def _dated_title(lines: list[Line], i: int) -> int | None:
    """The line of the title under the meeting's date at line i: a short line, neither a sentence, a field
    nor a numbered section; None when there is none."""
    title = next((j for j in range(i + 1, min(len(lines), i + 4)) if lines[j].text.strip()), None)
    if title is None:
        return None
    text = _t(lines[title])
    if len(text) > 160 or ends_sentence(text) or COVER_LINE.match(text) or re.match(r"^[\d(•-]", text):
        return None
    return title


def _wrapped_title(title: str, below: str) -> bool:
    """``below``, printed right under a title, goes on with it: short, in the title's case, not a sentence's
    end nor a row of fields ("Executive/routine   Executive" is set in columns)."""
    return (
        bool(below)
        and len(title) >= 40
        and len(below) <= 80
        and not ends_sentence(below)
        and "\t" not in below
        and "  " not in below
        and not COVER_LINE.match(below)
        and below[:1].isupper()
    )


def read_header(lines: list[Line]) -> tuple[dict, int]:
    """The header fields and the index of the first body line.

    A cover sheet ("Report to: Cabinet", "Date of meeting:", "Report of:", "Title:", "Wards affected:",
    "Key decision:") gives the same fields: its title is the subject."""
    header: dict = {}
    i, seen, fields = 0, 0, 0
    # the last field's line and whether it is the title: its value's next lines are printed indented under it
    field_at, titled = -2, False
    while i < len(lines) and seen < 14:
        line = lines[i]
        text = _t(line)
        head, tab, value = line.text.strip().partition("\t")
        if tab and COVER_LINE.match(f"{plain(head)}:"):
            text = f"{plain(head)}: {plain(value)}"  # "Report title<TAB>Winter Pressures …": a field in two columns
        if not text:
            i += 1
            continue
        if field_at == i - 1 and (line.text.startswith("    ") or _flush_wrap(lines, field_at, i)):
            # "Report of:<TAB>Head of … (Monitoring" / "<TAB>Officer)": the field's value goes on; the title's
            # ("Title:<TAB>Holme Lane Area, … Proposed Waiting" / "<TAB>Restrictions: …") is kept
            if titled:
                header["subject"] = f"{header['subject']} {text}"
            field_at, i = i, i + 1
            continue
        seen += 1
        if seen == 1 and is_when_line(text) and (title := _dated_title(lines, i)) is not None:
            # "10.00 am, Thursday, 20 November 2025" over the title (the committee's name over them taken off as
            # the pages' running header): the title, and the rows of fields under it left to the body
            subject, end = _t(lines[title]), title + 1
            if end < len(lines) and _wrapped_title(subject, _t(lines[end])):
                subject, end = f"{subject} {_t(lines[end])}", end + 1  # the title wrapped onto a second line
            header.update(kind="report", date=find_date(text)[0], subject=subject)
            return header, end
        if seen == 1 and (sheet := ITEM_SHEET.match(text)):  # "Item 5a: Schedule of Payments": its item and title
            header.update(item=sheet.group("n"), subject=sheet.group("title"))
            return header, i + 1
        if REPORT_OF.match(text) and not text.endswith(".") and "subject" not in header:
            # "REPORT OF THE TREASURER" with the title on the next line
            nxt = next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), None)
            above = [j for j in range(i) if lines[j].text.strip()]
            titled = bool(above) and not (ORG_LINE.search(_t(lines[above[-1]])) or is_date_line(_t(lines[above[-1]])))
            sections = nxt is not None and FIRST_SECTION.match(_t(lines[nxt]))
            if sections and above and not is_date_line(_t(lines[above[-1]])) and not _t(lines[above[-1]]).isupper():
                titled = True  # "… Council and Committee Meetings 2026" over "Report by …" / "PURPOSE OF REPORT"
            if nxt is not None and (re.match(r"^\d", _t(lines[nxt])) or sections) and titled:
                # the title above "Report by the Town Clerk", the report's first section ("1. Purpose") under it
                header.update(kind="report", subject=_t(lines[above[-1]]))
                return header, i + 1
            if nxt is not None and not COVER_LINE.match(_t(lines[nxt])):
                header.setdefault("kind", "report")
                header["subject"] = _t(lines[nxt])
                return header, nxt + 1
            if (
                nxt is not None
                and titled
                and _heading_like(lines[above[-1]])
                and not KIND_LINE.match(_t(lines[above[-1]]))
            ):
                # "Report to Cabinet" / the title / "Report of the Executive Director …" over the cover sheet's
                # fields ("Date of meeting: …"): the title is the line above, and the fields are read on
                header.setdefault("kind", "report")
                header["subject"] = _t(lines[above[-1]])
                i += 1
                continue
        if not header.get("subject") and _above_report_of(lines, i):
            if is_date_line(text):
                header.setdefault("date", find_date(text)[0])
            i += 1  # the body's name, the committee and the date above "REPORT OF …"
            continue
        cover = COVER_LINE.match(text)
        if cover:
            fields += 1
            label, value = cover.group("label").lower(), cover.group("value").strip()
            # a field's value wrapped under its column goes with it; an author's next lines (telephone, e-mail)
            # are read with the author's entry
            field_at, titled = (
                (-2 if label in AUTHOR_LABELS else i),
                label in TITLE_LABELS or label.startswith("title of"),
            )
            if label.startswith("report to") or (label == "meeting" and "to" not in header):
                header["to"] = value
                header.setdefault("kind", "report")
            elif label.startswith("date"):
                header.setdefault("date", find_date(value)[0])
            elif titled:
                header["subject"] = value
            elif label in AUTHOR_LABELS and value:
                # "Author: Tobias Wren, Consultant in Public Health" on the cover sheet: the paper's author
                header.setdefault("cover_authors", []).append((label, Line(line.no, value, line.heading)))
            elif label.startswith(("agenda item", "item")) and (item := ITEM_VALUE.match(value)):
                header["item"] = item.group("n")  # "Agenda item: 7": the item the paper belongs to
            elif label == "key decision" and re.match(r"^(?:yes|no)\b", value, re.I):
                header.setdefault("decision", {})["key_decision"] = value[:1].lower() == "y"
            elif label == "forward plan reference" and value and value.lower() not in ("n/a", "none", "-"):
                header.setdefault("decision", {})["forward_plan"] = value
            i += 1
            continue
        if TO_LINE.match(text):
            value = re.sub(r"^to:\s*", "", text, flags=re.I)
            day, match = find_date(value)
            if day and not value[match.end() :].strip(" .,"):
                header.setdefault("date", day)
                value = value[: match.start()].strip(" ,")
            header["to"] = value
        elif re.match(r"^date:", text, re.I):
            header.setdefault("date", find_date(text)[0])
        elif SUBJECT_LINE.match(text):
            value = re.sub(r"^subject:\s*", "", text, flags=re.I)
            if not value:
                nxt = next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), None)
                if nxt is not None:
                    value, i = _t(lines[nxt]), nxt
            header["subject"] = value
            return header, i + 1
        elif KIND_LINE.match(text) and "kind" not in header:
            header["kind"] = "briefing note" if text.lower().startswith("briefing") else "report"
        elif is_date_line(text) and "to" in header:
            header.setdefault("date", find_date(text)[0])
        elif ORG_LINE.search(text) and len(text) < 60 and "to" not in header:
            pass
        elif REPORT_NUMBER.match(text) and not fields:
            pass  # "Paper APC/25/01" over the cover sheet's fields: the paper's reference
        elif (
            seen == 1
            and text.isupper()
            and len(text) < 80
            and (nxt := next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), None)) is not None
            and COVER_LINE.match(_t(lines[nxt]))
        ):
            pass  # the body's name in capitals above the cover sheet's fields
        elif (
            not fields
            and find_date(text)[0] is not None
            and len(text) < 80
            and (nxt := next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), None)) is not None
            and COVER_LINE.match(_t(lines[nxt]))
        ):
            pass  # the meeting above the fields: "LICENSING SUB-COMMITTEE – 10 MARCH 2025" over "Report of: …"
        elif (
            not fields
            and "subject" not in header
            and len(text) < 160
            and not ends_sentence(text)
            and not text.endswith(":")
            and (nxt := next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), None)) is not None
            and COVER_LINE.match(_t(lines[nxt]))
        ):
            header["subject"] = text  # the title over the cover sheet's fields ("Report of: …", "Report author: …")
        elif (
            fields
            and COVER_LINE.match(_t(lines[i - 1]) if i else "")
            and len(text) < 60
            and not ends_sentence(text)
            and (nxt := next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), None)) is not None
            and re.match(r"^[A-Z][A-Za-z ]{2,30}:\s*\S", _t(lines[nxt]))
        ):
            pass  # "Cabinet member: Cllr Rajesh Kothari, … for Finance and" / "Resources": the field's value wrapped
        elif fields and "subject" not in header and re.match(r"^[A-Z][A-Za-z ]{2,30}:\s*\S", text):
            pass  # a further field of the cover sheet ("Application reference: LA03/PREM/2025/0014")
        elif fields and "subject" not in header and text.isupper() and len(text) < 160 and not ends_sentence(text):
            header["subject"] = text  # the title in capitals under the cover sheet's fields
            return header, i + 1
        elif fields >= 2 and "subject" not in header and _titles_sections(lines, i):
            header["subject"] = text  # the title on a line of its own under the fields, over "1. Purpose"
            return header, i + 1
        else:
            return header, i
        i += 1
    return header, i


def _author_end(lines: list[Line], start: int, source: Source) -> int:
    i, gap = start + 1, False
    while i < len(lines):
        line = lines[i]
        text = _t(line)
        if (marker := source.marker(line)) and marker[0] == "blank page":
            break
        if not text:
            i, gap = i + 1, True
            continue
        if gap and not (EMAIL.search(text) or PHONE.search(text) or AUTHOR_LABEL.match(text) or is_name_line(text)):
            break  # after a blank line, only the author's contact details and the next author go on
        gap = False
        if (
            len(text) > 120
            or is_table_line(line)
            or (line.heading and not AUTHOR_LABEL.match(text))
            or APPENDIX_HEAD.match(text)
            or REPORT_NUMBER.match(text)  # the next report's number, printed above its cover sheet
            or (re.match(r"^\d+(?:\.\d+)*\.?\s+\S", text) and not PHONE.match(text))
        ):
            break
        i += 1
    while i > start and not lines[i - 1].text.strip():
        i -= 1
    return i


def _listed_appendices(lines: list[Line]) -> list[tuple[str, str]]:
    listed = []
    for i, line in enumerate(lines):
        match = APPENDIX_HEAD.match(_t(line))
        if match and match.group("title") and _in_list(lines, i):
            listed.append((match.group("label"), match.group("title").strip()))
    return listed


LISTING = r"^(?:attached|enclosed|enclosures?|attachments?|appendices|background papers)\s*:"


def _in_list(lines: list[Line], i: int) -> bool:
    here = APPENDIX_HEAD.match(_t(lines[i]))
    label = here.group("label").upper() if here else ""
    for line in lines[max(0, i - 8) : i]:
        # a list names each appendix once: "APPENDIX 1" under the list that named it is that appendix's heading
        if (named := APPENDIX_HEAD.match(_t(line))) and named.group("label").upper() == label:
            return False
    near = [line for line in lines[max(0, i - 3) : i] + lines[i + 1 : i + 2] if line.text.strip()]
    # a list of the appendices: under "Appendices", or a cover's "Enclosures: Appendix A – …" field
    return any(
        APPENDIX_HEAD.match(_t(line)) or re.search(r"appendices|^(?:enclosures?|attachments?)\s*:", _t(line), re.I)
        for line in near
    )


def _mentions(text: str) -> list[str]:
    labels: list[str] = []
    for match in MENTION.finditer(text):
        for label in re.findall(r"\b(?:[A-Z]|\d{1,2})\b", match.group("labels")):
            if label not in labels:
                labels.append(label)
    return labels


def _letterhead(text: str) -> bool:
    return bool(ORG_LINE.search(text)) and len(text) < 60 and text.isupper()


def read_paper(part: Part, source: Source, report: Report) -> Doc:
    lines = part.lines
    header, body_start = read_header(lines)
    first = next((k for k, line in enumerate(lines) if line.text.strip() and not _letterhead(_t(line))), None)
    if not header.get("subject") and "title_at" in part.extra and body_start <= part.extra["title_at"]:
        # a page with the body's letterhead and a title over a table (titled.titled_pages): that title
        header["subject"], body_start = _t(lines[part.extra["title_at"]]), part.extra["title_at"] + 1
    if not header.get("subject") and part.hint and first is not None and body_start <= first:
        # "Agenda Item 5" stamped over the paper's title and no cover sheet: the title is its first line
        header["subject"], body_start = _t(lines[first]), first + 1
        nxt = next((j for j in range(body_start, len(lines)) if lines[j].text.strip()), len(lines))
        by = COVER_LINE.match(_t(lines[nxt])) if nxt < len(lines) else None
        if (
            by
            and by.group("label").lower() in ("author", "authors", "report author", "report by")
            and by.group("value")
        ):
            # "Report by: Declan Fairweather, Clerk & RFO" right under that title: the paper's author
            header["cover_authors"], body_start = (
                [("report by", Line(lines[nxt].no, by.group("value").strip()))],
                nxt + 1,
            )
    core_end = len(lines)
    for i in range(body_start, len(lines)):
        marker = source.marker(lines[i])
        text = _t(lines[i])
        if (marker and marker[0] == "blank page") or (
            APPENDIX_HEAD.match(text) and not _in_list(lines, i) and not _runs_on(lines, i)
        ):
            core_end = i
            break
    author_start = author_block_start(lines[:core_end], body_start)
    authors, rest_start, author_end = [], core_end, core_end
    if author_start is not None:
        author_end = author_table_end(lines[:core_end], author_start) or _author_end(
            lines[:core_end], author_start, source
        )
        authors = read_authors(lines[author_start:author_end])
        if not authors and not header.get("cover_authors"):
            # a contact line that names no one ("Tel 01632 961300" under a cover sheet's table) stays in the body
            author_start, author_end = None, core_end
    if author_start is not None:
        body_lines = lines[body_start:author_start]
        tail = lines[author_end:core_end]
        if _filled(tail):
            body_text = " ".join(_t(line) for line in body_lines)
            listing = all(re.match(LISTING, _t(line), re.I) for line in tail if line.text.strip())
            if _mentions(body_text) and not listing:  # ("Attached: Appendix 1 – …" under the signature: a list)
                rest_start = author_end
            else:
                body_lines = body_lines + tail
    else:
        body_lines = lines[body_start:core_end]
    if header.get("cover_authors"):
        block = lines[author_start:author_end] if author_start is not None else []
        authors = with_cover_authors(header["cover_authors"], block)
        header["presented_by"], unnamed = presenter(header["cover_authors"], authors)
        if unnamed is not None:  # "Presented by: Director of Adult Social Care": a post, no name to record
            report.warn(
                source.name,
                unnamed.no,
                f"'Presented by: {_t(unnamed)[:60]}' names no one; not recorded",
                "add presented_by: with the presenter's name to the paper's file if it is known",
            )
    reader = BodyReader(source, report)
    doc = Doc(
        kind=header.get("kind"),
        title=header.get("subject", ""),
        body=reader.markdown(body_lines),
        line=part.line,
        to=header.get("to", ""),
        date=header.get("date"),
        decision=header.get("decision"),
        authors=authors,
        presented_by=header.get("presented_by"),
        hint=part.hint or header.get("item", ""),
    )
    doc.tables = reader.tables
    body_text = " ".join(_t(line) for line in body_lines)
    doc.appendices = read_appendices(
        lines[rest_start:], _listed_appendices(body_lines), _mentions(body_text), source, report
    )
    return doc


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[–—-]", "-", text.lower()).split())


def _runs_on(lines: list[Line], i: int) -> bool:
    """Line i goes on with the sentence of the line right above it ("… this report and Appendix 1 and" /
    "Appendix 2."): a mention, not an appendix's heading."""
    above = _t(lines[i - 1]) if i > 0 else ""
    return bool(above) and not ends_sentence(above) and not above.endswith(":") and _t(lines[i]).endswith(".")


def _segments(lines: list[Line], listed: list[tuple[str, str]], source: Source):
    """(explicit label or '', explicit title or '', lines) for each appendix."""
    segments: list[list] = []
    current: list | None = None
    titles = [t for _, t in listed]
    for line in lines:
        text = _t(line)
        marker = source.marker(line)
        head = APPENDIX_HEAD.match(text)
        if head:
            title = (head.group("title") or "").strip()
            again = SECOND_NAMING.search(title)
            if again and again.group("label") == head.group("label"):
                title = title[: again.start()] + title[again.end() :]
            current = [head.group("label"), title, []]
            segments.append(current)
            continue
        if marker and marker[0] == "blank page":
            current = None
            continue
        starts_listed = bool(text) and any(_norm(text).startswith(_norm(t)) for t in titles)
        if current is None or (starts_listed and _filled(current[2])):
            current = ["", "", []]
            segments.append(current)
        current[2].append(line)
    return [s for s in segments if s[0] or _filled(s[2])]


def read_appendices(lines: list[Line], listed, mentioned: list[str], source: Source, report: Report) -> list[Doc]:
    segments = _segments(lines, listed, source)
    if not segments:
        return []
    implicit = [s for s in segments if not s[0]]
    labels = [label for label, _ in listed] or mentioned
    used = {s[0] for s in segments if s[0]}
    free = [label for label in labels if label not in used]
    first_line = _filled(implicit[0][2])[0].no if implicit and _filled(implicit[0][2]) else None
    if implicit and len(free) != len(implicit):
        numbers = [str(n) for n in range(1, 100) if str(n) not in used]
        what = ", ".join(f"Appendix {label}" for label in labels) or "no appendix"
        report.warn(
            source.name,
            first_line,
            f"the paper mentions {what}; {len(implicit)} appendix part(s) found "
            f"after it, labelled {', '.join(numbers[: len(implicit)])} in order",
            "check the appendix labels and titles",
        )
        free = numbers
    docs = []
    titles = dict(listed)
    for label, title, seg_lines in segments:
        if not label:
            label = free.pop(0)
        filled = _filled(seg_lines)
        if not title and filled and _heading_like(filled[0]):
            title = _t(filled[0])
            seg_lines = seg_lines[seg_lines.index(filled[0]) + 1 :]
        if not title:
            title = titles.get(label, "")
        if not title:
            title = f"Appendix {label}"
            report.warn(
                source.name,
                filled[0].no if filled else None,
                f"appendix {label} has no title in the pack; called it '{title}'",
                "give it a title",
            )
        reader = BodyReader(source, report)
        body = reader.markdown(seg_lines)
        if not body:
            body = EMPTY_APPENDIX
            report.warn(
                source.name,
                filled[0].no if filled else None,
                f"appendix {label} ('{title}') has no text in the pack (a diagram or picture?)",
                "add a description or a link to the original",
            )
        doc = Doc(kind="appendix", title=title, body=body, line=filled[0].no if filled else 0, label=label)
        doc.tables = reader.tables
        docs.append(doc)
    return docs
