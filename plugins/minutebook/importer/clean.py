"""Cleaning the text extracted from a PDF, line by line, keeping each line's number.

What PDF-to-text tools leave behind and what is done with it:

* page furniture — "This page is intentionally left blank", "Agenda Item 5", "Page 3" — is removed,
  but remembered as a marker (a blank page ends a document; "Agenda Item 5" says which item the
  next document belongs to);
* Markdown headings (``## …``) lose their hashes but keep a flag, horizontal rules are dropped;
* ``<sup>th</sup>`` and "21 st" become "21st"; inline ``<b> <i> <br> <p>`` tags are removed outside
  tables (tables keep them until :mod:`.tables` reads the cells);
* Markdown links to e-mail addresses and empty anchors become their text;
* agenda lines glued together by the extraction ("Public Business**1. Apologies****2. …") are
  split again;
* blanks printed to be signed or initialled ("Chairman's initials ……", "Signed …… (Chair) Date ……")
  are removed: the published copy has nothing in them;
* trailing spaces (Markdown hard breaks) and non-breaking spaces are removed, and so is a left margin
  every line has (a text export that keeps the page's margin);
* columns printed with spaces in a text copy (a "layout" copy of a PDF) become the tab-separated cells the
  PDF's text has (:func:`space_columns`);
* a label and its value printed in two columns ("Present:<TAB>Councillor A", then "<TAB>Councillor B"
  below) become a labelled line and the lines under it, not a table;
* running headers and footers are removed: a short line printed again and again that names a date
  ("Eastmarsh District Council – Cabinet – 12 July 2022"), and the short repeated lines printed
  right beside it or beside a page number ("Glanafon County Borough Council" above the footer);
  a line of its own "- 3 -" is a page number, and so is a line that ends with its page's number after
  the date ("Panel<TAB>Agenda<TAB>3 February 2025<TAB>Page 1"), printed once or on every page; a marking
  found beside a footer ("OFFICIAL") is furniture again where it heads the next page, and so is a one-word
  reference with a digit ("HT/090403") that heads every page.

Bold markers stay in the text: the readers decide (minutes lose them, papers keep inline bold).
"""

from __future__ import annotations

import re

from minutebook.importer.bilingual import english_first, reduce_label
from minutebook.importer.columns import space_columns
from minutebook.importer.source import Line, Source

# a web page's furniture, where the pack was copied from the council's website (Modern.gov's HTML views): the
# cookie banner, "Skip to main content", the breadcrumb trail, "Print this page", "Back to top", the footer's links
WEB_CHROME = re.compile(
    r"^(?:print this page|back to top|skip to (?:main )?content|search this (?:web)?site|powered by modern\.?gov|"
    r"we use cookies\b.*|(?:home|you are here:?)\s*[>›»]\s.*[>›»].*)$",
    re.I,
)
# the footer's row of links ("Contact us   Accessibility statement   Privacy notice   Cookies   Sitemap")
WEB_FOOTER = re.compile(r"^(?:[A-Z][\w’' ]{1,30}?(?: {2,}|\s\|\s)){2,}[A-Z][\w’' ]{1,30}$")
WEB_LINKS = re.compile(r"\b(?:accessibility|privacy|cookies|sitemap|contact us|terms)\b", re.I)
BLANK_PAGE = re.compile(r"^\W*this page is intentionally (?:left )?blank\W*$", re.I)
# the item stamp at the top of a paper: "Agenda Item 5", "Item 5", "Agenda Item No. 5", "Agenda Item 5.1", "… 7(a)"
AGENDA_ITEM = re.compile(r"^\W*(?:Agenda\s+)?Item(?:\s+No\.?)?\s+(\d{1,3}(?:\.\d{1,2})?(?:[a-z]|\([a-z]\))?)\W*$", re.I)
PAGE_NUMBER = re.compile(r"^\W*Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\W*$|^\s*[-–]\s*\d{1,4}\s*[-–]\s*$", re.I)
# a paper's reference stamped at the top of its first page, alone on the line: "Paper SF 02/25", "Paper B",
# "LB/25/04", "Report No. 7" (the page's furniture, like an "Agenda Item 5" stamp)
REFERENCE_STAMP = re.compile(
    r"^(?:(?i:paper|report|document)\s+(?:(?i:no)\.?\s*|(?i:ref(?:erence)?)\.?:?\s*)?(?:[A-Z]{1,4}\s?)?"
    r"(?:\d{1,3}(?:/\d{2,4})?|[A-Z]\d?)|[A-Z]{1,4}/\d{2,4}/\d{1,3})$"
)
RUNNING_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b"
    r"|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b",
    re.I,
)
STRUCTURAL = re.compile(
    r"^(?:minutes?\b|time and date|date\b|time\b|venue\b|place\b|present\b|agenda\b|"
    r"(?:public|private) business|part [a-z1-4]\b|resolved\b)",
    re.I,
)
# a blank printed to be signed or initialled: "Chairman's initials ……", "Signed …… (Chair)   Date ……"
# (read without nested repetition: the dots are taken out in one pass, then the words are looked up)
FILL = re.compile(r"[.…_](?:\s?[.…_]){4,}")
SIGNING_WORDS = {
    "signed",
    "signature",
    "initials",
    "initialled",
    "date",
    "dated",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "mayor",
    "convener",
    "president",
    "presiding",
    "member",
    "clerk",
    "proper",
    "officer",
}


def _signing_blank(text: str) -> bool:
    left = FILL.sub(" ", text)
    if left == text or re.search(r"[^\w\s():,'’]", left):
        return False
    found = [w.lower().removesuffix("'s").removesuffix("’s").rstrip("'’") for w in re.findall(r"[A-Za-z'’]+", left)]
    return bool(found) and all(w in SIGNING_WORDS for w in found) and any(len(w) >= 4 for w in found)


RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,}|(?:\* ){2,}\*)\s*$")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
SUP = re.compile(r"\s?<sup>\s*(st|nd|rd|th)\s*</sup>", re.I)
SUP_OTHER = re.compile(r"</?sup>", re.I)
SPACED_ORDINAL = re.compile(r"\b(\d{1,2}) (st|nd|rd|th)\b")
INLINE_TAGS = re.compile(r"</?(?:b|i|u|em|strong|small|span|font)(?:\s[^>]*)?>", re.I)
BREAK_TAGS = re.compile(r"<br\s*/?>|</?p(?:\s[^>]*)?>", re.I)
MAILTO = re.compile(r"\[([^\]]+)\]\(mailto:[^)]*\)")
EMPTY_LINK = re.compile(r"\[([^\]]+)\]\(#?\)")
GLUED_ITEM = re.compile(r"\*\*(?=\d{1,2}\.\s)")
GLUED_HEADING = re.compile(r"^(\W*(?:Public|Private) Business)\*\*(?=\S)", re.I)


# a footer printed once a page: "Health Scrutiny Panel<TAB>Agenda<TAB>3 February 2025<TAB>Page 1",
# "Council | Committee | 14 January 2025 | Page 6 of 36": a date, then the page's number after a separator
DATED_FOOTER = re.compile(r"^[^\d\t].{0,100}(?:\t| {3,}|\s[|•·–—-]\s)\s*Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?$", re.I)


def _dated_footer(text: str) -> bool:
    return bool(DATED_FOOTER.match(text) and RUNNING_DATE.search(text))


def clean_text(text: str) -> str:
    """Inline cleanup of one line's text (also used for table cells)."""
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    text = SUP.sub(r"\1", text)
    text = SUP_OTHER.sub("", text)
    text = SPACED_ORDINAL.sub(r"\1\2", text)
    text = MAILTO.sub(r"\1", text)
    text = EMPTY_LINK.sub(r"\1", text)
    return text


# an agenda printed in columns with spaces: "3.     Minutes of the meeting …          1 - 6":
# read as the table row it is ("3.<TAB>Minutes …<TAB>1 - 6")
SPACED_ITEM = re.compile(
    r"^\s*(?P<n>\d{1,2}[a-z]?\.?)\s{2,}(?P<title>\S.*?\S)\s{3,}(?P<pages>\d{1,4}(?:\s*[-–]\s*\d{1,4})?)\s*$"
)


def _column_row(text: str) -> str:
    if "\t" in text or "   " not in text:
        return text
    if match := SPACED_ITEM.match(text):
        return f"{match.group('n')}\t{match.group('title')}\t{match.group('pages')}"
    return text


def _unglue(text: str) -> list[str]:
    """Split 'Apologies****2. Declarations' where a new numbered agenda line was glued on."""
    pieces, start = [], 0
    for match in GLUED_ITEM.finditer(text):
        if re.search(r"[A-Za-z0-9)]", text[start : match.start()]):
            pieces.append(text[start : match.start()])
            start = match.start() + 2
    pieces.append(text[start:])
    return pieces


def _stacked_items(raw_lines: list[str]) -> set[int]:
    """The line numbers of "Item 4" lines that are entries of an agenda printed one above the other ("Item 4" /
    "Minutes of the hearing held on …" / "Pages 3 – 8", then "Item 5" a few lines on), not the stamp over a
    paper's first page: each has the item before or after it within eight lines."""
    found = {}
    for number, raw in enumerate(raw_lines, start=1):
        match = AGENDA_ITEM.match(raw.strip())
        if match and match.group(1).isdigit():
            found[number] = int(match.group(1))
    return {
        at
        for at, n in found.items()
        if any(found.get(at + d) == n + 1 or found.get(at - d) == n - 1 for d in range(2, 9))
    }


def _without_margin(text: str) -> list[str]:
    """The lines, less the spaces every printed line starts with (a text export that keeps the page's left
    margin): the columns, labels and numbers are then where the pack as typed has them."""
    lines = text.replace("\u00a0", " ").split("\n")  # a no-break space is a space: columns line up with it
    margin = min((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), default=0)
    return [line[margin:] for line in lines] if margin else lines


def clean(name: str, text: str) -> Source:
    source = Source(name=name, lines=[])
    lines = space_columns(_without_margin(text))
    first = english_first(lines)
    stacked = _stacked_items(lines)
    entry = ""  # "4." of a stacked agenda's "Item 4", put before the title on the line under it
    page_top = False  # no text yet since the last page's number
    for number, raw in enumerate(lines, start=1):
        raw = raw.rstrip(" ")
        heading = False
        match = HEADING.match(raw)
        if match and "\t" not in raw:
            raw = raw[match.end() :]
            heading = True
        raw = _column_row(raw)
        raw = reduce_label(clean_text(raw), first)
        if "\t" not in raw:
            raw = INLINE_TAGS.sub("", raw)
            raw = BREAK_TAGS.sub(" ", raw)
            raw = raw.rstrip(" ")
        stripped = raw.strip()
        if not stripped or RULE.match(raw):
            source.lines.append(Line(number, ""))
            continue
        if _signing_blank(stripped):
            source.lines.append(Line(number, ""))  # a blank to sign: the published text has nothing in it
            continue
        if WEB_CHROME.match(stripped) or (WEB_FOOTER.match(stripped) and len(WEB_LINKS.findall(stripped)) >= 2):
            source.lines.append(Line(number, ""))  # the website's furniture around a pack copied from its pages
            continue
        if BLANK_PAGE.match(stripped):
            source.markers[number] = ("blank page", "")
            source.lines.append(Line(number, ""))
            continue
        found = AGENDA_ITEM.match(stripped)
        if found and number in stacked:
            entry = f"{found.group(1)}."
            source.lines.append(Line(number, ""))
            continue
        if entry:
            raw, stripped, entry = f"{entry} {stripped}", f"{entry} {stripped}", ""
        if found:
            source.markers[number] = ("agenda item", found.group(1).replace("(", "").replace(")", ""))  # 7(a): 7a
            source.lines.append(Line(number, ""))
            continue
        if PAGE_NUMBER.match(stripped) or _dated_footer(stripped):
            source.markers[number] = ("page", "")
            source.lines.append(Line(number, ""))
            page_top = True
            continue
        if page_top and REFERENCE_STAMP.match(stripped):
            source.markers[number] = ("reference", stripped)
            source.lines.append(Line(number, ""))
            page_top = False
            continue
        page_top = False
        raw = GLUED_HEADING.sub(r"\1\n", raw)
        for piece in _unglue(raw):
            for part in piece.split("\n"):
                if part.strip():
                    source.lines.append(Line(number, part.rstrip(" "), heading))
    _remove_running_lines(source)
    _label_columns(source)
    _unfold_minutes_tables(source)
    return source


# a label and its value in two columns ("Present:<TAB>Councillor A", "Venue:<TAB>The Forum"), the value's
# further lines in the second column ("<TAB>Councillor B"): one labelled line, and lines under it (indented)
LABEL_COLUMN = re.compile(r"^(?P<label>[A-Z][\w ()/'’&,.-]{0,40}:)\t+(?P<value>[^\t]*\S)$")
VALUE_COLUMN = re.compile(r"^\t+(?P<value>[^\t]*\S)$")


def _label_columns(source: Source) -> None:
    labelled = False
    for n, line in enumerate(source.lines):
        if match := LABEL_COLUMN.match(line.text):
            source.lines[n] = Line(line.no, f"{match.group('label')} {match.group('value')}", line.heading)
            labelled = True
        elif labelled and (match := VALUE_COLUMN.match(line.text)):
            # indented, as printed under the value: a reader may take it as the value's next line
            source.lines[n] = Line(line.no, f"    {match.group('value')}", line.heading)
        else:
            labelled = False


# the head of a table of minutes: its first column the minute's number, then its title, then the rest
MINUTES_TABLE_HEAD = re.compile(
    r"^(?:minute|min\.?)(?:\s+(?:no\.?|number|ref\.?|reference))?\s*\t+\s*(?:subject|title|item|business|heading)\b",
    re.I,
)
MINUTE_CELL = re.compile(r"^[A-Z]{0,4}[./ ]?\d{1,4}(?:[./]\d{1,4})*\.?$")


def _unfold_minutes_tables(source: Source) -> None:
    """Minutes printed as a table ("Minute No. | Subject | Action/Decision"): each row is a minute, read
    as the heading "21/24 TITLE" followed by its other cells as paragraphs, the words as printed."""
    out: list[Line] = []
    in_table = False
    for line in source.lines:
        text = line.text.strip()
        if MINUTES_TABLE_HEAD.match(text):
            in_table = True
            out.append(Line(line.no, ""))
            continue
        cells = [c.strip() for c in text.split("\t")] if "\t" in text else []
        if in_table and len(cells) >= 2 and MINUTE_CELL.match(cells[0]) and cells[1]:
            out.append(Line(line.no, f"{cells[0]} {cells[1]}"))
            for cell in cells[2:]:
                if cell:
                    out.extend([Line(line.no, ""), Line(line.no, cell)])
            out.append(Line(line.no, ""))
            continue
        if text and "\t" not in text:
            in_table = in_table and False
        out.append(line)
    source.lines[:] = out


def _running_key(text: str) -> str:
    """A footer's page number does not make it another line: "… | Page 3" and "… | Page 4" are one (and a
    tab before the page number is a space)."""
    return re.sub(
        r"\b(?:[^\W\d_]+\s*/\s*)?(page)(?:\s*/\s*[^\W\d_]+)?\s+\d{1,4}(?:\s+of\s+\d{1,4})?\b",
        r"\1 #",
        text.replace("\t", " "),
        flags=re.I,
    )  # bilingual "… – Page / Tudalen 3" too


def _furniture_candidate(text: str) -> bool:
    return (
        len(text) <= 120
        and ("\t" not in text or bool(re.search(r"\tpage\s+\d{1,4}(?:\s+of\s+\d{1,4})?$", text, re.I)))
        and not text.endswith((".", ":", ";"))
        and not STRUCTURAL.match(text)
        and not re.match(r"^\(?\d", text)
    )


def _remove_running_lines(source: Source) -> None:
    """Running headers and footers: repeated short lines with a date, and the repeated lines beside them."""
    counts: dict[str, int] = {}
    for line in source.lines:
        text = _running_key(line.text.strip())
        if text and _furniture_candidate(text):
            counts[text] = counts.get(text, 0) + 1
    running = {t for t, n in counts.items() if n >= 2 and (RUNNING_DATE.search(t) or "page #" in t.lower())}
    if not running and not any(kind == "page" for kind, _ in source.markers.values()):
        return
    lines = source.lines
    furniture = {i for i, line in enumerate(lines) if _running_key(line.text.strip()) in running}
    pages = {line.no for line in lines}
    page_lines = {no for no, (kind, _) in source.markers.items() if kind == "page"}
    index_of = {line.no: i for i, line in enumerate(lines)}
    anchors = set(furniture) | {index_of[n] for n in page_lines if n in index_of}
    changed = True
    while changed:  # lines printed right above or below a running line, again and again, belong to it
        changed = False
        for i in sorted(anchors):
            for j in (i - 1, i + 1):
                if (
                    0 <= j < len(lines)
                    and j not in anchors
                    and lines[j].text.strip()
                    and counts.get(_running_key(lines[j].text.strip()), 0) >= 2
                    and abs(lines[j].no - lines[i].no) == 1
                    and _furniture_candidate(lines[j].text.strip())
                ):
                    anchors.add(j)
                    furniture.add(j)
                    changed = True
    del pages
    # a protective marking or title printed at the foot of a page and again at the head of the next
    # ("OFFICIAL" below the page number, then above the next page's text): a copy of a line found beside
    # a footer is furniture too where it opens a page (only blank lines between it and the footer)
    keys = {_running_key(lines[i].text.strip()) for i in furniture} - running
    tops_again: list[int] = []
    for i in sorted(furniture):
        j = i + 1
        while j < len(lines) and not lines[j].text.strip():
            j += 1
        if j < len(lines) and j - i > 1 and j not in furniture and _running_key(lines[j].text.strip()) in keys:
            furniture.add(j)
            tops_again.append(j)
    _under_page_tops(lines, tops_again, furniture)
    # a document reference printed at the head of every page ("HT/090403": one word with a digit), the
    # first text after each page number or footer, and at the top of the first page
    tops: dict[str, list[int]] = {}
    for i in sorted(anchors):
        j = i + 1
        while j < len(lines) and not lines[j].text.strip():
            j += 1
        key = _running_key(lines[j].text.strip()) if j < len(lines) else ""
        if key and " " not in key and len(key) <= 30 and re.search(r"\d", key) and _furniture_candidate(key):
            tops.setdefault(key, []).append(j)
    for key, found in tops.items():
        if len(found) >= 2 and counts.get(key, 0) <= len(found) + 1:
            furniture.update(i for i, line in enumerate(lines) if _running_key(line.text.strip()) == key)
    _page_titles(lines, sorted(anchors), furniture, source.markers, counts)
    for i in furniture:
        source.markers.setdefault(lines[i].no, ("page", ""))
        lines[i] = Line(lines[i].no, "")


def _page_titles(
    lines: list[Line],
    anchors: list[int],
    furniture: set[int],
    markers: dict[int, tuple[str, str]],
    counts: dict[str, int],
) -> None:
    """The body's running title ("Aldermoor and Fenby Joint Waste Partnership"): the same short line, the
    first text after a page's footer (no stamp between) on three or more pages and on at least half of them,
    printed nowhere else (``counts``: how often each short line is printed). A line that only two pages open
    with may be a paper's own heading, so it stays."""
    opening: dict[str, list[int]] = {}
    tops: set[int] = set()
    for i in anchors:
        j = i + 1
        while j < len(lines) and not lines[j].text.strip() and markers.get(lines[j].no, ("page",))[0] == "page":
            j += 1  # a page that opens with a stamp ("Agenda Item 4", "Paper B") opens with the paper, not a title
        if j < len(lines) and j not in tops and j not in furniture and lines[j].text.strip():
            tops.add(j)
            key = _running_key(lines[j].text.strip())
            if _furniture_candidate(key):
                opening.setdefault(key, []).append(j)
    for key, found in opening.items():
        if len(found) >= 3 and 2 * len(found) >= len(tops) and counts.get(key, 0) == len(found):
            furniture.update(found)


def _under_page_tops(lines: list[Line], tops: list[int], furniture: set[int]) -> None:
    """The line printed right under a page's repeated marking ("OFFICIAL" / "Corriebrook and Wendle Fire and
    Rescue Authority"), the same on two or more pages: the second line of the running header."""
    below: dict[str, list[int]] = {}
    for i in tops:
        j = i + 1
        if j < len(lines) and j not in furniture and lines[j].text.strip() and lines[j].no == lines[i].no + 1:
            key = _running_key(lines[j].text.strip())
            if _furniture_candidate(key):
                below.setdefault(key, []).append(j)
    for found in below.values():
        if len(found) >= 2:
            furniture.update(found)
