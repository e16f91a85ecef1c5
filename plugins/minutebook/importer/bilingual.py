"""Bilingual print: Welsh councils (and others) print each label and heading in two languages.

A label printed "Dyddiad / Date:" or "YN BRESENNOL / PRESENT:", a heading printed "RHAGLEN / AGENDA"
and a leading word printed "Cynghorydd / Councillor …" or "PENDERFYNWYD / RESOLVED that …" match by
their second half, the one the rules of the importer read; the content after the label (a title, a
place, names) is kept as printed, both languages. Content lines (titles, paragraphs, table rows) are
left alone: a half of more than a few words, digits in the first half, or a tab keep a line as it is.
"""

from __future__ import annotations

import re

WORDS = r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)"
# "Dyddiad / Date: …", "ADRODDIAD I / REPORT TO: …", "Dyddiad cyhoeddi / Date of publication: …"
LABEL = re.compile(rf"^(?P<a>{WORDS}{{0,3}})\s+/\s+(?P<b>{WORDS}{{0,4}}\s*:.*)$")
# "RHAGLEN / AGENDA", "COFNODION / MINUTES", "ATODIAD A / APPENDIX A", "CADEIRYDD / CHAIR"
HEADING = re.compile(r"^(?P<a>[^\W\da-z_][^\sa-z/:]*(?:\s+[^\sa-z/:]+){0,3})\s+/\s+(?P<b>[^\Wa-z_][^a-z/:]{0,60}?):?$")
# "Cynghorydd / Councillor Eleri Prydderch", "PENDERFYNWYD / RESOLVED that …", "Cofnod Rhif / Minute No. 27"
LEADING = re.compile(rf"^(?P<a>{WORDS}{{0,1}})\s+/\s+(?P<b>[^\W\d_][\w'’.-]*\b.*)$")
# "Pwyllgor Craffu Adnoddau / Resources Scrutiny Committee", "Cyngor Sir X / X County Council"
BODY = re.compile(
    rf"^(?P<a>{WORDS}{{0,5}})\s+/\s+(?P<b>{WORDS}{{0,6}}\s+(?:committee|cabinet|council|board|panel|forum|sub-committee))$",
    re.I,
)
LEADING_LABELS = re.compile(
    r"^(?:councillors?|cllrs?\.?|resolved|minute|min\.|agreed|recommended|decision|item|page|appendix|"
    r"present|apologies|officers|chair(?:man|person)?|mayor|attendees?)\b",
    re.I,
)


# "(Tudalennau / Pages 7 - 22)", "(Eithriedig / Exempt)": a bracketed label read by its English half
BRACKETED = re.compile(r"\((?P<a>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\s+/\s+(?P<b>[^()/]{1,60})\)")
# "(Daeth y cyfarfod i ben am 12.15 y.p. / The meeting closed at 12.15 pm)": a sentence in two languages
WHOLE = re.compile(r"^\((?P<a>[^()]+?)\s+/\s+(?P<b>[^()/]+)\)$")


def halves(text: str) -> list[str]:
    """The line, and each language of a line printed in two: '(A / B)' → ['(A / B)', '(A)', '(B)'], a sentence
    'A / B' of four words or more each → ['A / B', 'A', 'B']."""
    match = WHOLE.match(text.strip())
    if match:
        return [text, f"({match.group('a')})", f"({match.group('b')})"]
    parts = text.strip().split(" / ")  # "The meeting ended at 3.40 pm / Daeth y cyfarfod i ben am 3.40 yp"
    if len(parts) == 2 and all(len(p.split()) >= 4 for p in parts):
        return [text, *parts]
    return [text]


# the common words of English labels and headings, to tell which half of "A / B" a pack prints first
ENGLISH_LABEL_WORDS = {
    "date",
    "time",
    "venue",
    "place",
    "location",
    "present",
    "apologies",
    "officers",
    "officer",
    "agenda",
    "minutes",
    "published",
    "publication",
    "pages",
    "page",
    "chair",
    "chairman",
    "chairperson",
    "vice-chair",
    "members",
    "membership",
    "councillor",
    "councillors",
    "subject",
    "report",
    "to",
    "of",
    "by",
    "author",
    "appendix",
    "annex",
    "item",
    "contact",
    "in",
    "attendance",
    "also",
    "meeting",
    "notice",
}


def _english(half: str) -> bool:
    found = re.findall(r"[^\W\d_][\w'’-]*", half.lower())
    return bool(found) and all(w in ENGLISH_LABEL_WORDS for w in found)


def english_first(lines: list[str]) -> bool:
    """Whether a pack prints its bilingual labels English first ("Date / Dyddiad:"), not second."""
    first = second = 0
    for line in lines:
        match = LABEL.match(line.strip()) if " / " in line and "\t" not in line else None
        if match:
            first += _english(match.group("a"))
            second += _english(match.group("b").partition(":")[0])
    return first > second


def _bracketed_first(match: re.Match) -> str:
    """'(Pages / Tudalennau 7 - 22)' → '(Pages 7 - 22)': the first half and what follows the other's words."""
    tail = re.sub(r"^[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)*", "", match.group("b"))
    return f"({match.group('a')}{tail})"


# "(Cadeirydd / Chair)", "(Vice-Chair / Is-Gadeirydd)": a person's office after their name, kept as printed, both
# languages (a label's half is what the rules read; a role is content)
ROLE = re.compile(
    r"^(?:(?:vice|deputy)[- ]?)?(?:chair(?:man|woman|person)?|mayor|leader|convener|provost|clerk|presiding member)$",
    re.I,
)


def _bracketed(match: re.Match, first: bool) -> str:
    a, b = match.group("a").strip(), match.group("b").strip()
    if ROLE.match(a) or ROLE.match(b):
        return match.group(0)
    return _bracketed_first(match) if first else f"({b})"


def reduce_label(text: str, first: bool = False) -> str:
    """The line with a bilingual label or heading read by its English half (the second, or the first where
    the pack prints English first); any other line as it is."""
    if "\t" in text or " / " not in text:
        return text
    text = BRACKETED.sub(lambda m: _bracketed(m, first), text)
    lead = len(text) - len(text.lstrip())
    body = text[lead:]
    for pattern in (LABEL, HEADING, BODY):
        match = pattern.match(body)
        if match and first and pattern is not BODY:
            _, colon, rest = match.group("b").partition(":")
            return text[:lead] + match.group("a") + (":" + rest if colon or rest else "")
        if match:
            label, _, rest = match.group("b").partition(":")
            if rest.strip() and (leading := LEADING.match(rest.strip())) and LEADING_LABELS.match(leading.group("b")):
                rest = " " + leading.group("b")  # "Membership: Cynghorwyr / Councillors …"
            return text[:lead] + label + (":" + rest if _ or rest else "")
    match = LEADING.match(body)
    if match and LEADING_LABELS.match(match.group("b")):
        return text[:lead] + match.group("b")
    label, colon, rest = body.partition(":")  # "Membership: Cynghorwyr / Councillors …"
    match = LEADING.match(rest.strip()) if colon and len(label) <= 40 else None
    if match and LEADING_LABELS.match(match.group("b")):
        return f"{text[:lead]}{label}: {match.group('b')}"
    return text


BODY_WORD = re.compile(r"\b(?:committee|cabinet|council|board|panel|forum|sub-committee|authority)\b", re.I)


def english_half(name: str) -> str:
    """A body's name printed in two languages ("LICENSING COMMITTEE / PWYLLGOR TRWYDDEDU"): the half that
    names the kind of body in English, which the committee's slug is made from; any other name as it is."""
    parts = [p.strip() for p in name.split(" / ")]
    if len(parts) != 2:
        return name
    english = [p for p in parts if BODY_WORD.search(p)]
    return english[0] if len(english) == 1 else name
