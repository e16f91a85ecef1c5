"""The shortcuts that make `minutebook check` fast at 20,000 items give exactly what the longer way gave:
each is compared here with the longer way on many inputs (no timings: see benchmarks/check_benchmark.py)."""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

from minutebook import problems
from minutebook.link import references
from minutebook.load.reading import link_leaving

# the pattern as it was written first: the look-behind before each quote
FIRST_QUOTED = re.compile(r"""(?<!\w)'.*?'(?!\w)|(?<!\w)".*?"(?!\w)|`[^`]*`""", re.S)


def test_the_quoted_values_are_the_ones_the_first_pattern_found():
    rng = random.Random(15)
    alphabet = "ab '\"`\n.-_é1O’"
    texts = ["", "'", "Sean O'Brien's 'motion'", "unsure whether 'A' (2016-01-06) and 'B's' are one topic"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(50_000)]
    for text in texts:
        mark = lambda m: "<" + m[0] + ">"  # noqa: E731
        assert problems.QUOTED.sub(mark, text) == FIRST_QUOTED.sub(mark, text), repr(text)
    long = "the title '" + "x" * 300 + "' is long"
    assert problems._short(long) == FIRST_QUOTED.sub(lambda m: m[0][:120] + "…" + m[0][-1], long)


def test_decision_words_are_in_every_decision_the_pattern_finds():
    """DECISION_WORDS is the cheap test before DECISION_OF: a text it passes over has no decision cited."""
    rng = random.Random(6)
    pieces = [
        "the ", "decision", "resolution", "recommendation", "s", " of the ", " of  the\n", "Cabinet", " held on ",
        " at its meeting ", "3 March 2016", " of ", "Board", "\t", " ", "x",
    ]  # fmt: skip
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(30_000)]
    found = 0
    for text in texts:
        if references.DECISION_OF.search(text):
            found += 1
            assert references.DECISION_WORDS.search(text), repr(text)
    assert found >= 10  # some of the texts do cite decisions


def test_remembered_folders_find_the_same_links_out_of_the_archive(tmp_path):
    root = tmp_path / "meetings"
    outside = tmp_path / "outside"
    (outside / "papers").mkdir(parents=True)
    (outside / "papers" / "a.md").write_text("x")
    (root / "board" / "2020-01-09" / "papers").mkdir(parents=True)
    (root / "board" / "2020-01-09" / "papers" / "a.md").write_text("x")
    os.symlink(outside, root / "board" / "2020-02-13")  # a meeting folder that leaves the archive
    os.symlink(root / "board" / "2020-01-09", root / "board" / "2020-03-12")  # one that stays inside
    os.symlink(outside / "papers" / "a.md", root / "board" / "2020-01-09" / "papers" / "b.md")  # a file out
    paths = [
        root / "board" / day / "papers" / name
        for day in ("2020-01-09", "2020-02-13", "2020-03-12")
        for name in ("a.md", "b.md")
    ] * 2
    folders: dict[str, Path | None] = {}
    remembered = [link_leaving(p, root, folders) for p in paths]
    assert remembered == [link_leaving(p, root) for p in paths]
    assert {str(r) for r in remembered if r} == {
        str(root / "board" / "2020-02-13"),
        str(root / "board" / "2020-01-09" / "papers" / "b.md"),
        str(root / "board" / "2020-03-12" / "papers" / "b.md"),  # through the link that stays inside
    }
    assert folders  # the folders were remembered


# the cheap test before the citation patterns, as it was first written: one pattern
FIRST_MAY_CITE = re.compile(r"[Mm]inute|MINUTE|Min\.|held\s+on|[Ii]tem|decision|resolution|recommendation")


def test_the_citation_words_are_looked_for_as_the_first_pattern_did(tmp_path):
    rng = random.Random(28)
    pieces = ["M", "m", "inute", "INUTE", "in.", "I", "i", "tem", "held", " ", "\n", "on", "decision", "resolution"]
    pieces += ["recommendation", "Min", ".", "x", "İ", "ı", "held\t on", "held on"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(50_000)]
    for text in texts:
        words = any(w in text for w in references.CITE_WORDS)
        held = "held" in text and references.HELD_ON_WORDS.search(text) is not None
        assert (words or held) == bool(FIRST_MAY_CITE.search(text)), repr(text)


def test_a_text_without_the_protected_marks_has_nothing_protected():
    """Linker.link skips PROTECTED where none of the characters its branches start with is in the text."""
    rng = random.Random(55)
    pieces = ["`", "[", "]", "(", ")", "<", ">", "sup", "/", "http", "https://", "h", "ttp", "x", " ", "\n", "s:"]
    for _ in range(50_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        if references.PROTECTED.search(text):
            assert "`" in text or "[" in text or "<" in text or "http" in text, repr(text)
