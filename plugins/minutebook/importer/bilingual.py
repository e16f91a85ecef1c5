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


# "(Cadeirydd / Chair)", "(Tudalennau / Pages 7 - 22)": a bracketed label read by its second half
BRACKETED = re.compile(r"\((?P<a>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\s+/\s+(?P<b>[^()/]{1,60})\)")
# "(Daeth y cyfarfod i ben am 12.15 y.p. / The meeting closed at 12.15 pm)": a sentence in two languages
WHOLE = re.compile(r"^\((?P<a>[^()]+?)\s+/\s+(?P<b>[^()/]+)\)$")


def halves(text: str) -> list[str]:
    """The line, and each language of a bracketed line printed in two: '(A / B)' → ['(A / B)', '(A)', '(B)']."""
    match = WHOLE.match(text.strip())
    return [text, f"({match.group('a')})", f"({match.group('b')})"] if match else [text]


def reduce_label(text: str) -> str:
    """The line with a bilingual label or heading read by its second half; any other line as it is."""
    if "\t" in text or " / " not in text:
        return text
    text = BRACKETED.sub(lambda m: f"({m.group('b')})", text)
    lead = len(text) - len(text.lstrip())
    body = text[lead:]
    for pattern in (LABEL, HEADING, BODY):
        match = pattern.match(body)
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
