"""How alike two titles are, for joining items into topics and plan entries to items.

Titles are reduced to their significant words: no dates, numbers, ordinals or filler ("report",
"progress", "update", "from", "the"), light plural stemming. Two titles match by the share of the
shorter one's words that the other has (the overlap coefficient), so "Improvement Board" matches
"Improvement Board Progress Report from 6th January, 2016".
"""

from __future__ import annotations

import re
from functools import lru_cache

from minutebook.model.clock import MONTH_WORDS

FILLER = {
    "a",
    "an",
    "and",
    "the",
    "of",
    "for",
    "in",
    "on",
    "to",
    "from",
    "with",
    "by",
    "at",
    "into",
    "as",
    "its",
    "report",
    "reports",
    "progress",
    "update",
    "updates",
    "briefing",
    "note",
    "notes",
    "item",
    "items",
    "annual",
    "interim",
    "first",
    "meeting",
    "if",
    "timely",
    "available",
    "tbc",
    "picked",
    "up",
    "reported",
    "re",
    "i",
    "ii",
    "iii",
    "including",
    "review",
    "back",
    "further",
    "final",
    "draft",
    "new",
    "&",
    "s",
    "be",
    "is",
    "are",
    "was",
}
WORD = re.compile(r"[a-z][a-z'’]*")
ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,6})\)")


@lru_cache(maxsize=1 << 16)  # the same title is compared with many others
def significant_words(title: str) -> frozenset[str]:
    text = re.sub(r"<[^>]+>", " ", title.lower())
    text = re.sub(r"\b\d+(st|nd|rd|th)?\b", " ", text)
    words = set()
    for word in WORD.findall(text):
        word = word.replace("’", "'").strip("'-")
        if word.endswith("'s"):
            word = word[:-2]
        if word in FILLER or word in MONTH_WORDS or len(word) < 2:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
        words.add(word)
    return frozenset(words)


def overlap(a: frozenset[str], b: frozenset[str]) -> tuple[float, int]:
    """(share of the smaller set found in the other, number of shared words)."""
    if not a or not b:
        return 0.0, 0
    shared = len(a & b)
    return shared / min(len(a), len(b)), shared


def strength(a: frozenset[str], b: frozenset[str], common: frozenset[str] | set[str] = frozenset()) -> str:
    """'sure', 'unsure' or '' for two titles' word sets.

    ``common`` holds words too frequent to say much on their own ("children", "services" in an
    education committee): the decision rests on the other words, unless nothing else is left.
    """
    return strength_of(a, b, without(a, common), without(b, common))


def strength_of(a: frozenset[str], b: frozenset[str], a_rest: frozenset[str], b_rest: frozenset[str]) -> str:
    """:func:`strength` with each side's words ``without`` the common ones already worked out (a caller
    comparing one title with many works them out once)."""
    full_score, _ = overlap(a, b)
    a, b = a_rest, b_rest
    score, shared = overlap(a, b)
    if score >= 0.99 and (shared >= 2 or (len(a) == len(b) == 1)):
        return "sure"
    if score >= 0.99 and shared >= 1 and full_score >= 0.99:
        return "sure"  # one title's words all within the other's: "Revenue Budget", "Revenue Budget Outturn"
    if score >= 0.74 and shared >= 2:
        return "sure"
    if score >= 0.5 and shared >= 1 and max(len(a), len(b)) > 1:
        return "unsure"
    return ""


@lru_cache(maxsize=1 << 16)
def acronyms(text: str) -> frozenset[str]:
    """Acronyms a text defines or uses in brackets: "(LSCB)", "(MASH)" -> {"lscb", "mash"}."""
    return frozenset(a.lower() for a in ACRONYM.findall(text or ""))


def without(words: frozenset[str], common: frozenset[str] | set[str]) -> frozenset[str]:
    """The words that say something, unless that leaves nothing."""
    rest = words - common
    return rest if rest else words
