"""Small text helpers shared by the importer's readers: plain text, word overlap, slugs."""

from __future__ import annotations

import re

from minutebook.model.clock import MONTH_WORDS
from minutebook.model.names import slugify

# "paragraph 3" of the exempt-information schedule, as agendas and minutes cite it (1-18: every nation)
# "paragraph 3", and Welsh print's "paragraff 13" with its mutations ("dan baragraff 13", "ym mharagraff 14")
EXEMPT_PARAGRAPH = re.compile(r"\b(?:paragraphs?|(?:p|b|ph|mh)aragraff(?:au)?)\s+(1[0-8]|[1-9])\b", re.I)

STOP_WORDS = {"a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "from", "by", "at", "as", "or", "its"}
CONNECTIVES = STOP_WORDS | {
    "that",
    "which",
    "their",
    "his",
    "her",
    "our",
    "is",
    "are",
    "was",
    "were",
    "be",
    "including",
    "into",
    "about",
    "between",
    "will",
    "would",
    "not",
    "has",
    "have",
    "this",
    "these",
    "those",
    "such",
    "than",
    "who",
    "whose",
    "where",
    "when",
    "under",
    "over",
}
TERMINAL = tuple(".:;?!)\"'”’]*")
COMMITTEE_TYPE_WORDS = {
    "committee",
    "sub-committee",
    "board",
    "panel",
    "scrutiny",
    "forum",
    "commission",
    "group",
    "meeting",
}
_ORDINAL_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?"
    r"(?:\s+\d{2,4})?",
    re.I,
)


def plain(text: str) -> str:
    """Text without bold markers, Markdown escapes or doubled spaces."""
    text = text.replace("**", "").replace("__", "").replace("\\*", "*")
    text = re.sub(r"(?<!\w)\*(?!\s)([^*]+?)(?<!\s)\*(?!\w)", r"\1", text)  # *italic*
    return " ".join(text.split())


def strip_bold(text: str) -> str:
    """Remove bold markers that wrap a whole line or are left unpaired by PDF extraction."""
    stripped = text.strip()
    count = stripped.count("**")
    if count == 0:
        return stripped
    if count % 2:
        return stripped.replace("**", "").strip()
    if stripped.startswith("**") and stripped.endswith("**") and count == 2:
        return stripped[2:-2].strip()
    if re.fullmatch(r"(\*\*[^*]*\*\*\s*)+", stripped):  # several bold runs and nothing else
        return " ".join(stripped.replace("**", " ").split())
    return stripped


def _stem(word: str) -> str:
    for suffix, repl in (("ies", "y"), ("ing", ""), ("es", ""), ("s", "")):
        if len(word) > 4 and word.endswith(suffix):
            return word[: -len(suffix)] + repl
    return word


def words(text: str) -> list[str]:
    """Significant words, lightly stemmed; small words, numbers and dates left out."""
    text = plain(text).lower().replace("'", "").replace("’", "")
    return [
        _stem(w)
        for w in re.findall(r"[a-z0-9]+", text)
        if w not in STOP_WORDS and w not in MONTH_WORDS and not re.fullmatch(r"\d+(?:st|nd|rd|th)?", w)
    ]


def similarity(a: str, b: str) -> float:
    """Share of the shorter title's significant words found in the other (0 to 1)."""
    wa, wb = set(words(a)), set(words(b))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def short_slug(title: str, max_words: int = 3) -> str:
    """A short file name for a paper: significant words of the title, dates left out."""
    text = _ORDINAL_DATE.sub(" ", plain(title))
    slug_words = [w for w in slugify(text).split("-") if w not in STOP_WORDS and not w.isdigit()]
    return "-".join(slug_words[:max_words]) or slugify(title)


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(TERMINAL)


def last_word(text: str) -> str:
    """The last word, lower case ("" when the text ends in a number or a symbol)."""
    tokens = text.split()
    word = tokens[-1].strip("\"'“”‘’()*") if tokens else ""
    return word.lower() if word.isalpha() else ""


WHOLE_COUNCIL = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){1,4}?(?P<tier>(?:town|parish|community|city|county|district|borough|county borough|"
    r"metropolitan borough)\s+council)$",
    re.I,
)
# a council named by its place alone ("Strathmuir Council", "STRATHMUIR COUNCIL"): its full council; not a
# body of the council named for what it does ("Youth Council", "Schools Forum Council")
PLACE_COUNCIL = re.compile(
    r"^(?!(?:youth|schools?|health|pensions?|safety|sports?|arts|faith|tenants|full|town|parish|community|city|county|"
    r"district|borough)\b)[A-Z][\w'’.-]*\s+council$",
    re.I,
)


def committee_slug(name: str) -> str:
    """'Education and Children's Services Scrutiny Board (2)' → 'education-childrens-services'.

    The printed name without its number in brackets, without the kind of body at the end
    (Scrutiny Board, Committee, Panel…) and without small words.
    """
    base = re.sub(r"\s*\([^()]*\)\s*$", "", plain(name)).strip()
    # a council meeting as a whole, named with its place ("Kelsworth Town Council"): the body is the Town Council
    whole = WHOLE_COUNCIL.sub(r"\g<tier>", base)
    base = "Council" if whole == base and PLACE_COUNCIL.match(base) else whole
    tokens = base.split()
    while len(tokens) > 1 and tokens[-1].lower().strip(",.") in COMMITTEE_TYPE_WORDS:
        tokens.pop()
    slug_words = [w for w in slugify(" ".join(tokens)).split("-") if w not in STOP_WORDS]
    return "-".join(slug_words) or slugify(name)


def committee_short_name(name: str) -> str:
    """'… Scrutiny Board (2)' → 'Scrutiny Board 2'; '' when the name has no number in brackets."""
    match = re.match(r"^(?P<base>.*?)\s*\((?P<number>\d+)\)\s*$", plain(name))
    if not match:
        return ""
    tokens = match.group("base").split()
    kind: list[str] = []
    while tokens and tokens[-1].lower() in COMMITTEE_TYPE_WORDS:
        kind.insert(0, tokens.pop())
    return f"{' '.join(kind)} {match.group('number')}".strip() if kind else ""


def normalise_committee_name(name: str) -> str:
    name = plain(name).strip(" .:")
    return re.sub(r"^the\s+", "", from_capitals(name), flags=re.I)


SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "at", "to", "a", "an", "by", "with"}


def from_capitals(text: str) -> str:
    """A name printed in capitals ("COUNCIL CHAMBER, CIVIC CENTRE") for display ("Council Chamber, Civic
    Centre"); text not wholly in capitals is left as printed. Short words stay lower case but the first."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return text
    words = re.split(r"(\s+)", text.lower())
    out = []
    for n, word in enumerate(words):
        if word.strip() and (n == 0 or word not in SMALL_WORDS):
            word = re.sub(r"^([^\w]*)(\w)", lambda m: m.group(1) + m.group(2).upper(), word)
            word = re.sub(r"(?<=[-'’])(\w)", lambda m: m.group(1).upper(), word) if "-" in word else word
        out.append(word)
    return "".join(out)


def committee_kind(name: str) -> str | None:
    """The kind a committee's printed name says: a cabinet or executive, a planning committee."""
    if re.search(r"\b(?:cabinet|executive)\b", name, re.I) and not re.search(r"\bscrutiny\b", name, re.I):
        return "executive"
    if re.search(r"\bplanning\b|\bdevelopment (?:control|management)\b", name, re.I):
        return "planning"
    if re.search(r"\bcouncil$", name.strip(), re.I) and not re.search(
        r"\b(?:committee|board|panel|cabinet|sub-committee|forum|group)\b", name, re.I
    ):
        return "council"  # "Council", "Full Council", "County Council": the full council
    return None
