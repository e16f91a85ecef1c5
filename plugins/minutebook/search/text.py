"""Words into index terms, exactly as lunr.js 2.3.9 turns a query into terms.

The index is written in Python and read by lunr.js, so a term in the index must be the term lunr.js
makes of the same word typed as a query. lunr.py's own pipeline departs from lunr.js in three places,
all fixed here and proved by tests/test_search_parity.py (node runs the vendored lunr.js):

* separators: lunr.js splits on ``lunr.tokenizer.separator`` (every Unicode space and the hyphen;
  search.js adds the joiners of printed papers, below); lunr.py only on ASCII whitespace, NBSP and
  hyphen;
* the trimmer: lunr.js strips ``\\W`` (ASCII) from both ends; lunr.py's regular expression gives
  up on a word with punctuation inside ("children's." stays as it is) and is Unicode-aware;
* the stemmer: lunr.py's Porter stemmer turns a final y to i after any vowel ("holiday" →
  "holidai"), lunr.js only after a consonant ("holiday" → "holiday", "try" → "tri").

Everything else is lunr.py's: its stop-word list and its Porter stemmer (with lunr.js's step 1c).
Each distinct word is trimmed, filtered and stemmed once per process (:func:`term`'s cache).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from lunr.stemmer import PorterStemmer
from lunr.stop_word_filter import WORDS as STOP_WORDS

# JavaScript's \s (ECMAScript WhiteSpace and LineTerminator) plus the hyphen.
JS_SPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
# Words printed joined are found by each part: "users/carers", "chair/IRO", "health-and-care",
# "2019–20", "care—and". search.js sets lunr.tokenizer.separator to the same characters (its line
# ``var SEPARATOR = …``, which tests/test_search_parity.py reads). A joined form typed as a query
# ("28/16", "2016/17") is searched as the phrase of its parts, so it still finds what prints it.
JOINERS = "/\u2010\u2011\u2012\u2013\u2014\u2015"  # slash; hyphen, non-breaking hyphen, figure, en and em dash, bar
SEPARATOR = re.compile(f"[{re.escape(JS_SPACE)}\\-{re.escape(JOINERS)}]+")
TOKEN = re.compile(f"[^{re.escape(JS_SPACE)}\\-{re.escape(JOINERS)}]+")
JS_TRIM = re.compile(r"^[^A-Za-z0-9_]+|[^A-Za-z0-9_]+$")


class JsPorterStemmer(PorterStemmer):
    """lunr.py's Porter stemmer with lunr.js's rule for a final y (step 1c)."""

    b: str  # the word being stemmed (lunr.py's PorterStemmer sets it)

    def step1c(self) -> None:
        # lunr.js: /^(.+?[^aeiou])y$/ → y becomes i after a non-vowel that is not the first letter
        if self.ends("y") and self.k - 1 > self.k0 and self.b[self.k - 1] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1 :]

    def stem(self, p, metadata=None):
        if p in ("eed", "eeds"):  # lunr.js reads these as "e" + "ed"
            return "e"
        return super().stem(p)


_STEMMER = JsPorterStemmer()


def tokens(text: str) -> list[str]:
    """lunr.tokenizer with search.js's separator: lower case, split on whitespace, hyphens and joiners."""
    return TOKEN.findall(text.lower())


@lru_cache(maxsize=500_000)
def term(token: str) -> str | None:
    """lunr.js's trimmer, stop-word filter and stemmer for one token: None for a stop word, "" for
    punctuation alone (lunr counts it in the field's length, and no query can find it)."""
    trimmed = JS_TRIM.sub("", token)
    if trimmed in STOP_WORDS:
        return None
    return _STEMMER.stem(trimmed) if trimmed else ""


def term_counts(text: str) -> tuple[dict[str, int], int]:
    """{term: frequency} in first-seen order (as lunr's builder meets them) and the field length."""
    counts: dict[str, int] = {}
    length = 0
    for token, n in Counter(tokens(text)).items():
        t = term(token)
        if t is None:
            continue
        length += n
        if t:
            counts[t] = counts.get(t, 0) + n
    return counts, length


def terms(text: str) -> list[str]:
    """Every term of a text, in order (for tests and for phrase checks)."""
    return [t for t in map(term, tokens(text)) if t]
