"""The text of a paper or a minute → Markdown.

One rule per thing PDF text does:

* each printed line is a paragraph, unless it is a heading ("3 Information/Background", or a line
  the extraction marked as a heading), a list entry ("- text", "- 1) text", "• text"), a numbered
  paragraph ("- 1.1 text" → "1.1 text", which the site anchors as #para-1-1) or a table row;
* a paragraph broken by a page ("…which provided an update on" / "the Health Visiting Service…")
  is joined again: the first part is prose that does not end a sentence, and the second part is
  prose (or starts in lower case);
* a block of lines where every line after the first starts with one space lost its bullets: it is
  a list;
* "- 2) Make any…" printed indented after "- 1) Note…" stays in the same list; "(a)" entries and
  deeper-indented entries under a list entry are nested under it;
* footnote markers ("visits¹" and a line "¹ Regulation 44…") become Markdown footnotes;
* tables go through :mod:`.tables`.

In minutes mode bold is dropped, lettered part headings "(a) Title" become ``### (a) Title`` and
a RESOLVED sentence followed by a list ends with a colon (the format's rule for decisions).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from minutebook.importer import tables as tab
from minutebook.importer.dates import MONTHS, is_date_line
from minutebook.importer.report import Report
from minutebook.importer.source import Line, Source
from minutebook.importer.textutil import CONNECTIVES, ends_sentence, last_word, plain, strip_bold
from minutebook.load.minutes_text import AGREED, MOVED

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FOOTNOTE_DEF = re.compile(rf"^([{SUPERSCRIPTS[1:]}][{SUPERSCRIPTS}]*)\s+(\S.*)$")
FOOTNOTE_REF = re.compile(rf"(?<=[\w.,)])([{SUPERSCRIPTS[1:]}][{SUPERSCRIPTS}]*)")
SECTION = re.compile(r"^(?P<number>\d{1,2})\.?\s+(?P<title>[A-Z][^\t]{1,110})$")
NUMBERED_PARA = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+\S")
BULLET = re.compile(r"^(?P<indent>\s*)(?:[-–•*·▪]|\uf0b7)\s+(?P<text>.*)$")
ORDERED = re.compile(r"^(?P<indent>\s*)\(?(?P<number>\d{1,2})[.)]\s+(?P<text>\S.*)$")
CAPS_SECTION = re.compile(r"^\d{1,2}\.?\s+[A-Z][A-Z0-9 ,:;'’&()/–-]{3,90}$")
LETTERED = re.compile(r"^\(?[a-z][.)]\s+\S|^\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)\s+\S")
PART = re.compile(r"^\((?P<letter>[a-z])\)\s+(?P<title>\S.{0,118})$")
RESOLVED = re.compile(
    rf"^\W*(?:\d{{1,4}}(?:\.\d{{1,3}})+\.?\s+)?{MOVED}(?:(?:It\s+was\s+(?:[a-z]+\s+)?)?RESOLVED\b|(?-i:RECOMMENDED)\b|(?:Decisions?|Decided|Agreed)\s*:)",
    re.I,
)
# a decision printed after other sentences of its paragraph: "Apologies were received from … It was RESOLVED to …"
# ("… to the December meeting. It was proposed by Cllr A, seconded by Cllr B and RESOLVED that …")
# ("… 14 Orchard Close. Resolved: that the Town Council has no objection.": in any case before a colon or "that")
RESOLVED_SENTENCE = re.compile(
    rf"(?<=[.!?])\s+(?={MOVED}(?:It\s+was\s+(?:[a-z]+\s+)?)?(?:RESOLVED\b|(?i:resolved)(?:\s*:|\s+that\b)))"
)
# "… 2 against, and it was RESOLVED that …" as one line (a PDF's line joined to the one above it): the
# decision in capitals after "it was" mid-sentence starts its own paragraph, as when printed on a line of its own
RESOLVED_JOINED = re.compile(r"(?<=\sit was)\s+(?=RESOLVED\b)")
# a date broken by the line's end: "… to 30th September" / "2024 and the forecast …"
BROKEN_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{'|'.join(MONTHS)})\n\d{{4}}\b")
# a numbered paragraph's number and the spaces after it: its text column ("3.1  ", "12.   ")
HANGING = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|\(?[a-z]{1,4}\)|\(\d{1,3}\)|[•·▪])\s{2,}(?=\S)")
LABELLED = re.compile(r"^[A-Z][\w &/'’-]{0,40}:\s")
SPECIAL_START = re.compile(r"^(?:#|>|\+\s|=|\||-\s*$|\d+[.)]\s)")


LIST_OPENING = re.compile(r"\b(?:resolved|agreed|decided)(?:\s+(?:that|to))?$|\b(?:that|to)$", re.I)
INLINE_MARKER = re.compile(r"(?:(?<=\s)|(?<=:))\((?P<marker>\d{1,2}|[a-z])\)\s+(?=\S)")


def _inline_parts(text: str) -> tuple[str, list[tuple[str, str]], bool] | None:
    """ "RESOLVED: (1) That … (2) That …" → ("RESOLVED:", [("1", "That …"), ("2", "That …")], numbered),
    or None unless the markers run in order from 1 (or a) and there are at least two."""
    found = list(INLINE_MARKER.finditer(text))
    if len(found) < 2:
        return None
    numbered = found[0].group("marker").isdigit()
    expected = [str(n) for n in range(1, len(found) + 1)] if numbered else [chr(97 + n) for n in range(len(found))]
    if [m.group("marker") for m in found] != expected:
        return None
    head = text[: found[0].start()].rstrip()
    # the parts follow the decision's opening ("RESOLVED:", "RESOLVED that", "It was RESOLVED to –"), not a
    # mention of parts inside it ("RESOLVED that paragraphs (a) and (b) be approved")
    if not head or not (head.endswith((":", "–", "—", "-")) or LIST_OPENING.search(head)):
        return None
    entries = [
        (m.group("marker"), text[m.end() : found[k + 1].start() if k + 1 < len(found) else len(text)].strip())
        for k, m in enumerate(found)
    ]
    if any(len(t.split()) < 3 for _, t in entries):  # each part a clause of its own
        return None
    return head, entries, numbered


# a list entry or numbered paragraph whose number is printed in a column of its own: "1.<TAB>That …",
# "2.1<TAB>Attendances rose …", "(a)<TAB>…" (one tab: a row of a table has a cell after the text)
# "1.<TAB>That …", "a)<TAB>note …", "•<TAB>to endorse …": a number, letter or bullet in a column of its own
NUMBER_COLUMN = re.compile(
    r"^\s*(?P<number>\(?\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-z][.)]|[•·▪]|\uf0b7)\t+(?P<text>[^\t]*\S)$"
)


def _list_entry(text: str) -> bool:
    """'(a) noted …', 'a) note …', '(1) to refuse …', '(i) to …': a lettered or numbered part of a list."""
    return bool(LETTERED.match(plain(text)) or re.match(r"^\(\d{1,2}\)\s", plain(text)))


# the words of a title printed before a name ("County Councillor", "Mr"): a line ending in one is broken mid-name
TITLE_WORDS = frozenset({"councillor", "councillors", "cllr", "county", "mr", "mrs", "ms", "miss", "dr", "alderman"})


def _name_begun(text: str) -> bool:
    """The line ends with a title and a forename ("… seconded by Councillor Amara")."""
    words = text.split()
    return (
        len(words) >= 2 and words[-2].lower().strip(".") in TITLE_WORDS and words[-1].isalpha() and words[-1].istitle()
    )


@dataclass
class El:
    kind: str  # para, heading, item, table
    text: str
    line: int
    level: int = 0  # heading level, or list nesting
    ordered: bool = False
    number: int = 0
    blank_before: bool = True
    indent: int = -1  # a bullet's column in the text (-1: not known)


def _superscript_number(text: str) -> str:
    return "".join(str(SUPERSCRIPTS.index(ch)) for ch in text)


def _inline(text: str, minutes: bool) -> str:
    if minutes:  # no bold in minutes; a printed asterisk stays escaped
        return plain(text.replace("\\*", "\x00")).replace("\x00", "\\*")
    return strip_bold(" ".join(text.split()))


class BodyReader:
    def __init__(self, source: Source, report: Report, minutes: bool = False):
        self.source = source
        self.report = report
        self.minutes = minutes
        self.tables: list[tab.Table] = []
        self.footnotes: list[tuple[str, str]] = []

    # -- lines → elements ----------------------------------------------------------------------
    @staticmethod
    def _in_table(lines: list[Line], i: int) -> bool:
        """Whether line i is next to a table's other rows (a row "1<TAB>Action" of a table is not a
        numbered line): a line beside it with a tab that is not itself a numbered line."""
        near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines) and lines[j].text.strip()]
        return any(tab.is_table_line(line) and not NUMBER_COLUMN.match(line.text) for line in near)

    def elements(self, lines: list[Line]) -> list[El]:
        out: list[El] = []
        i, blank = 0, True
        while i < len(lines):
            line = lines[i]
            text = line.text
            if not text.strip():
                blank = True
                i += 1
                continue
            hanging = HANGING.match(text)
            hang = len(hanging.group(0)) if hanging else 0  # the text column of a numbered paragraph's first line
            following = i + 1
            while (
                hang
                and following < len(lines)
                and lines[following].text.strip()
                and "\t" not in lines[following].text
                and len(lines[following].text) - len(lines[following].text.lstrip(" ")) == hang
            ):
                # "3.1  There were 1,184 cremations …" / "     Income from cremation fees …", "(a)  That progress …
                # be" / "     noted.": the lines printed under the text of a numbered paragraph or entry (a hanging
                # indent) are its next lines, read as one line before it is classified (cut short, its first line
                # could pass for a heading)
                text = f"{text.rstrip()} {lines[following].text.strip()}"
                following += 1
            if following > i + 1:
                line, i = Line(line.no, text, line.heading), following - 1
            numbered = NUMBER_COLUMN.match(text) if not self._in_table(lines, i) else None
            if numbered:
                # "1.<TAB>That the report be received.": a numbered line with its number in a column of its own
                line = Line(line.no, f"{numbered.group('number')} {numbered.group('text')}", line.heading)
                text = line.text
            elif tab.is_table_line(line):
                end = tab.table_region_end(lines, i)
                title = out[-1].text if out and out[-1].kind in ("heading", "para") and len(out[-1].text) < 120 else ""
                for table in tab.read_tables(lines[i:end], self.source, self.report, title):
                    self.tables.append(table)
                    markdown = tab.to_markdown(table)
                    if table.caption:
                        out.append(El("para", f"**{table.caption}**", table.line))
                    out.append(El("table", markdown, table.line))
                i, blank = end, True
                continue
            if not self.minutes:
                footnote = FOOTNOTE_DEF.match(text.strip())
                if footnote:
                    self.footnotes.append((_superscript_number(footnote.group(1)), footnote.group(2)))
                    i += 1
                    continue
                text = FOOTNOTE_REF.sub(lambda m: f"[^{_superscript_number(m.group(1))}]", text)
            element = self._classify(line, text, out, blank)
            # a block whose following lines start with one space lost its bullets (not a block in a pack whose
            # every line starts with one space: its left margin)
            if (
                element.kind == "para"
                and not re.match(r"^ \S", line.text)
                and i + 1 < len(lines)
                and re.match(r"^ \S", lines[i + 1].text)
                and not tab.is_table_line(lines[i + 1])
                and not BULLET.match(lines[i + 1].text)
            ):
                element = El("item", element.text, line.no, blank_before=blank)
                out.append(element)
                i += 1
                while (
                    i < len(lines)
                    and re.match(r"^ \S", lines[i].text)
                    and not BULLET.match(lines[i].text)
                    and not tab.is_table_line(lines[i])
                ):
                    out.append(El("item", _inline(lines[i].text, self.minutes), lines[i].no, blank_before=False))
                    i += 1
                blank = False
                continue
            element.blank_before = blank
            out.append(element)
            blank = False
            i += 1
        return out

    def _classify(self, line: Line, text: str, out: list[El], blank: bool) -> El:
        stripped = text.strip()
        clean = _inline(stripped, self.minutes)
        indent = len(text) - len(text.lstrip(" "))
        if self.minutes:
            part = PART.match(plain(stripped))
            if (
                part
                and not plain(stripped).endswith((".", ";", ",", " and", " or"))
                and not (
                    plain(stripped).endswith(":") and len(stripped.split()) > 6
                )  # "(a) The schedule … had been circulated:"
                and blank
                and not part.group("title").strip(" *")[:1].islower()
                # "(a) That progress against the Plan … be" / "noted.": a decision's part wrapped, not a heading
                and not re.match(r"(?i)that\b", part.group("title").strip(" *"))
                and last_word(plain(stripped)) not in CONNECTIVES
            ):
                return El("heading", f"({part.group('letter')}) {part.group('title').strip()}", line.no, level=3)
        if line.heading and not BULLET.match(stripped):
            clean_heading = plain(stripped)
            return El("heading", clean_heading, line.no, level=2 if re.match(r"^\d", clean_heading) else 3)
        if not self.minutes and CAPS_SECTION.match(plain(stripped)):
            return El("heading", plain(stripped), line.no, level=2)  # "1. PURPOSE OF THE REPORT"
        if not self.minutes:
            section = SECTION.match(plain(stripped))
            if (
                section
                and not ends_sentence(section.group("title"))
                and not is_date_line(plain(stripped))
                # "31 March 2025 and up to the date of …": a date that opens a sentence's next line, no section
                and not re.match(rf"^\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{'|'.join(MONTHS)})\b", plain(stripped), re.I)
                and len(section.group("title").split()) <= 16
                and "." not in plain(stripped)[:3].strip(".")
                and not re.match(r"^\d+\.\s", plain(stripped))
            ):
                return El("heading", plain(stripped), line.no, level=2)
        bullet = BULLET.match(text)
        if bullet:
            content = bullet.group("text").strip()
            if NUMBERED_PARA.match(plain(content)) and not self.minutes:
                return El("para", _inline(content, self.minutes), line.no)
            ordered = ORDERED.match(content)
            level = 1 if indent >= 2 else 0
            if ordered:
                return self._ordered(int(ordered.group("number")), ordered.group("text"), line.no, level, out)
            level = self._nest(level, content, out, indent)
            return El("item", _inline(content, self.minutes), line.no, level=level, indent=indent)
        ordered = ORDERED.match(text)
        if ordered and not NUMBERED_PARA.match(stripped):
            return self._ordered(
                int(ordered.group("number")), ordered.group("text"), line.no, 1 if indent >= 2 else 0, out
            )
        return El("para", clean, line.no)

    def _ordered(self, number: int, text: str, line: int, level: int, out: list[El]) -> El:
        previous = next((e for e in reversed(out) if e.kind == "item" and e.ordered), None)
        if previous and previous.number == number - 1 and out and out[-1].kind == "item":
            level = previous.level
        elif level and not (out and out[-1].kind == "item"):
            level = 0
        return El("item", _inline(text, self.minutes), line, level=level, ordered=True, number=number)

    @staticmethod
    def _nest(level: int, content: str, out: list[El], indent: int = 0) -> int:
        previous = out[-1] if out else None
        if previous is None or previous.kind != "item":
            return 0
        if not previous.ordered and previous.level == 0 and previous.indent == indent > 0:
            return previous.level  # a bullet in the column of the one above: the next entry of its list
        if LETTERED.match(plain(content)) and previous.ordered and not LETTERED.match(previous.text):
            return previous.level + 1
        if indent >= 1 and previous.ordered and previous.level == 0:
            return 1
        if not previous.ordered and previous.level > 0 and indent <= previous.level * 3:
            return previous.level  # a page break lost the indentation of a nested list
        if level and previous.level == 0:
            return 1
        return min(level, previous.level + 1)

    # -- joining paragraphs broken by a page -----------------------------------------------------------
    def join_broken(self, elements: list[El]) -> list[El]:
        out: list[El] = []
        for el in elements:
            prev = out[-1] if out else None
            if prev and el.kind == "para" and prev.kind in ("para", "item") and self._broken(prev, el):
                prev.text = f"{prev.text} {el.text}"
                continue
            out.append(el)
        return out

    def _broken(self, prev: El, el: El) -> bool:
        first = plain(el.text)[:1]
        if first.islower() and re.search(r"(?:\b\w\.){2,}$", prev.text) and not LETTERED.match(plain(el.text)):
            return True  # "… a proposed 20 m.p.h." / "zone in the streets …": an abbreviation, not a sentence's end
        if (
            first.islower()
            and not el.blank_before
            and prev.text.endswith(")")
            and not ends_sentence(prev.text[:-1])
            and not LETTERED.match(plain(el.text))
        ):
            return True  # "… on-call (retained)" / "fire engines …": a closing bracket ends no sentence
        clock = re.match(r"^\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\b|noon\b)", plain(el.text), re.I)  # "5.00 pm. …"
        if not first or (NUMBERED_PARA.match(plain(el.text)) and not clock) or ends_sentence(prev.text):
            return False
        if re.match(r"^RESOLVED\b", plain(el.text)):
            return False  # "… 1 abstention, and it was" / "RESOLVED that …": the decision, in capitals on its own line
        if prev.kind == "para" and RESOLVED.match(prev.text) and _list_entry(el.text):
            return False  # "Decision: The Forum" / "(a) noted the results …;": the first of the decision's parts
        if prev.kind == "para" and RESOLVED.match(prev.text):
            # a RESOLVED stands alone, unless its sentence was hard-wrapped ("… be made with the" /
            # "waiting restriction limited to …"): the next line starts in lower case after a connecting word
            # or the next line is printed right under it in the same paragraph (no blank line between)
            return not prev.text.rstrip().endswith((":", "-", "–", "—")) and (
                (first.islower() and last_word(prev.text) in CONNECTIVES) or not el.blank_before
            )
        if (
            LABELLED.match(plain(el.text))
            or LETTERED.match(plain(el.text))
            or re.match(r"^\(\d{1,2}\)\s", plain(el.text))
        ):
            return False  # "(c) the carry-forward…" after "(b) …; and" is the next entry of a list
        if (
            prev.kind == "item"
            and prev.ordered
            and not el.blank_before
            and (len(prev.text) >= 60 or (len(prev.text) >= 45 and len(prev.text.split()) >= 6))
        ):
            # "1. That the forecast … as at" / "31 December 2024, be noted.": a numbered entry's sentence wrapped
            # onto the next line (its hanging indent lost, and with it a few characters of the line), not a
            # paragraph of its own
            return True
        if not el.blank_before and prev.kind == "para" and re.match(r"^\((?:\d+|[a-z]+)\s+[a-z]", plain(el.text)):
            return True  # "… the highest scored risk" / "(20 out of 25). The …": an aside wrapped onto the line
        if first.islower() or BROKEN_DATE.search(f"{prev.text}\n{el.text}"):
            return True
        if not el.blank_before and first.isupper() and last_word(prev.text) in TITLE_WORDS:
            return True  # "… seconded by County" / "Councillor Dobbs that …": a name's title ends no sentence
        if (
            not el.blank_before
            and re.search(r"\b(?:minutes?|items?|paragraphs?|appendix|pages?|section)$", prev.text, re.I)
            and re.match(r"^[A-Z]{0,4}[/.]?\d", plain(el.text))
        ):
            return True  # "… an interest in Minute" / "PH/22/25 (Planning …": a citation wrapped before its number
        prose = len(prev.text) >= 60 and " " in prev.text and not prev.text.startswith("**")
        if not prose or prev.kind != "para" or el.text.startswith("**"):
            return False
        following = el.text.split()
        if not el.blank_before and first.isupper() and prev.text.endswith(","):
            return True  # "… Ghosh, Haldane," / "Hetherington, …": a list of names wrapped after a comma
        if not el.blank_before and _name_begun(prev.text) and len(following) > 1 and following[1][:1].islower():
            return True  # "… seconded by Councillor Amara" / "Beckford that:": a name wrapped between its words
        if last_word(prev.text) in CONNECTIVES or el.text.split(" ")[0].endswith("."):
            return True
        if not el.blank_before and len(el.text) > 40 and not ends_sentence(prev.text):
            return True  # "… of the Kestbridge Riverside" / "Regeneration Scheme. The scheme …": a sentence wrapped
        if not el.blank_before and first.isdigit() and not ORDERED.match(el.text) and len(following) > 1:
            return True  # "… in the academic year" / "2023/24 and the work …": a figure wrapped onto the line
        # "…the Coventry Children's" / "Services to put children…": a name broken by the page
        words = re.findall(r"[A-Za-z'’]+", prev.text)
        following = el.text.split()
        return (
            bool(words)
            and words[-1][:1].isupper()
            and len(words[-1]) > 1
            and len(el.text) > 40
            and len(following) > 1
            and following[1][:1].islower()
        )

    # -- elements → Markdown ----------------------------------------------------------------------
    @staticmethod
    def short_lists(elements: list[El]) -> list[El]:
        """Three or more short lines printed one under the other are a list (a title above is a heading)."""
        out: list[El] = []
        i = 0
        while i < len(elements):
            j = i
            while (
                j < len(elements)
                and elements[j].kind == "para"
                and len(elements[j].text) <= 40
                and not ends_sentence(elements[j].text)
                and (j == i or not elements[j].blank_before)
            ):
                j += 1
            if j - i >= 3:
                run: list[El] = []
                for el in elements[i:j]:
                    if run and (
                        el.text[:1].islower()
                        or run[-1].text.endswith("-")
                        or last_word(run[-1].text) in CONNECTIVES
                        or run[-1].text.endswith("&")
                    ):
                        joiner = "" if run[-1].text.endswith("-") else " "
                        run[-1].text = run[-1].text.rstrip("-") + joiner + el.text
                        continue
                    run.append(El("item", el.text, el.line, blank_before=el.blank_before))
                previous = out[-1] if out else None
                if (
                    previous
                    and previous.kind == "para"
                    and len(previous.text) <= 60
                    and not ends_sentence(previous.text.rstrip(":"))
                    and elements[i].blank_before
                ):
                    out[-1] = El("heading", previous.text.rstrip(":"), previous.line, level=3)
                out.extend(run)
                i = j
                continue
            out.append(elements[i])
            i += 1
        return out

    def markdown(self, lines: list[Line]) -> str:
        elements = self.join_broken(self.short_lists(self.elements(lines)))
        if self.minutes:
            elements = self._resolved_lists(self._resolved_paragraphs(elements))
            _decision_labels(elements)
            self._resolved_colons(elements)
        chunks: list[str] = []
        previous: El | None = None
        for el in elements:
            if el.kind == "item":
                marker = f"{el.number}." if el.ordered else "-"
                text = f"{'   ' * el.level}{marker} {el.text}"
                same_list = (
                    previous is not None
                    and previous.kind == "item"
                    and (el.level > 0 or previous.ordered == el.ordered)
                )
                chunks.append(("\n" if same_list else "\n\n") + text)
            elif el.kind == "heading":
                chunks.append("\n\n" + "#" * el.level + " " + el.text)
            elif el.kind == "table":
                chunks.append("\n\n" + el.text)
            else:
                text = el.text
                if SPECIAL_START.match(text) and not NUMBERED_PARA.match(text):
                    text = "\\" + text
                chunks.append("\n\n" + text)
            previous = el
        body = "".join(chunks).strip()
        if self.footnotes:
            body += "\n\n" + "\n".join(f"[^{n}]: {text}" for n, text in self.footnotes)
        return body

    @staticmethod
    def _resolved_paragraphs(elements: list[El]) -> list[El]:
        """A decision that follows other sentences of its paragraph starts a paragraph of its own (the
        format reads a decision from the start of a paragraph); the words stay as printed."""
        out: list[El] = []
        for el in elements:
            if el.kind != "para" or not (RESOLVED_SENTENCE.search(el.text) or RESOLVED_JOINED.search(el.text)):
                out.append(el)
                continue
            parts = [p for piece in RESOLVED_SENTENCE.split(el.text) for p in RESOLVED_JOINED.split(piece)]
            for n, part in enumerate(parts):
                out.append(El("para", part, el.line, blank_before=el.blank_before if n == 0 else True))
        return out

    @staticmethod
    def _resolved_lists(elements: list[El]) -> list[El]:
        """A decision whose parts are printed in its own paragraph ("RESOLVED: (1) That … (2) That …", as
        a table cell prints them) becomes the decision followed by a list of its parts, numbers (or
        letters) in order from the first; the words stay as printed."""
        out: list[El] = []
        for el in elements:
            parts = _inline_parts(el.text) if el.kind == "para" and RESOLVED.match(el.text) else None
            if parts is None:
                out.append(el)
                continue
            head, entries, numbered = parts
            out.append(El("para", head, el.line, blank_before=el.blank_before))
            for n, (marker, text) in enumerate(entries, start=1):
                if numbered:
                    out.append(El("item", text, el.line, ordered=True, number=n))
                else:  # "(a) that …" as a paragraph of its own, as lettered parts printed one a line are written
                    out.append(El("para", f"({marker}) {text}", el.line, blank_before=True))
        return out

    @staticmethod
    def _resolved_colons(elements: list[El]) -> None:
        for i, el in enumerate(elements[:-1]):
            if (
                el.kind == "para"
                and RESOLVED.match(el.text)
                and elements[i + 1].kind == "item"
                and not el.text.rstrip().endswith(":")
            ):
                el.text = el.text.rstrip(" .;,") + ":"


DECISION_WORD = re.compile(r"^\W*(?:decisions?|decided)\W*$", re.I)


def _decision_labels(elements: list[El]) -> None:
    """ "Decision" on a line of its own over the decision's words ("To note the Work Programme.") or over its
    numbered parts is the label of the decision ("Decision:", as the format reads it); over a RESOLVED (or
    "The Board agreed …") it stays a heading."""
    for el, after in itertools.pairwise(elements):
        if (
            el.kind in ("para", "heading")
            and DECISION_WORD.match(plain(el.text))
            and after.kind in ("para", "item")
            and not RESOLVED.match(after.text)
            and not AGREED.match(after.text)  # "The Board agreed:-" is the decision's own opening
        ):
            el.kind, el.text = "para", f"{plain(el.text).strip(' *:')}:"
