"""The reference linker tests cheap conditions before its patterns (link/references.py): that must never
change what it links or reports. Each text is linked twice, by the linker as it is and by the same
linker running every pattern on every text (as it did before the conditions), and the results compared:
the texts of the fixture archives, and generated texts made of the words the patterns look for."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import hostile
from helpers import site_settings
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from minutebook.build import build
from minutebook.link import references
from minutebook.link.references import DECISION_OF, ITEM_RELATIVE, NUMBERED, OF_MEETING, RELATIVE, Linker
from minutebook.load.filecache import FileCache
from minutebook.problems import Problems

REPO = Path(__file__).resolve().parent.parent


class EveryPattern(Linker):
    """The linker without the cheap tests: every pattern on every text that names a citation word."""

    def _link_plain(self, text, meeting, source, refs):
        if not text or not references.re.search(
            r"[Mm]inute|MINUTE|Min\.|held\s+on|[Ii]tem|decision|resolution|recommendation", text
        ):
            return text
        scheme = self._scheme(meeting)
        if scheme is not None:
            text = scheme.sub(lambda m: self._schemed(m, meeting, source, refs), text)
        text = NUMBERED.sub(lambda m: self._numbered(m, meeting, source, refs), text)
        text = RELATIVE.sub(lambda m: self._relative(m, meeting, source, refs), text)
        text = OF_MEETING.sub(lambda m: self._of_meeting(m, meeting, source, refs), text)
        text = ITEM_RELATIVE.sub(lambda m: self._item_relative(m, meeting, source), text)
        text = self._protected(DECISION_OF, text, lambda m: self._decision_of(m, meeting, source))
        return self._dated(text, meeting, source)


def loaded(tmp_path: Path):
    """The sample archive, loaded and linked once (so its indexes are set), and its texts as loaded."""
    meetings = tmp_path / "meetings"
    shutil.copytree(REPO / "meetings", meetings)
    result = build(meetings, dt.datetime(2026, 1, 15), settings=site_settings(), history=False, render=False)
    return result.archive


REMEMBERED: list[int] = []


def both(archive, text: str, meeting):
    """The text linked by the linker, and by every pattern. The linker's result is also checked against
    a run remembering the texts that cite nothing (the citations memo, FileCache.memo) and a second
    run answered from what the first remembered: both must give what the linker gives."""
    fast_problems, slow_problems = Problems(), Problems()
    fast_refs: list[str] = []
    slow_refs: list[str] = []
    fast = Linker(archive, fast_problems).link(text, meeting, "x.md", fast_refs)
    slow = EveryPattern(archive, slow_problems).link(text, meeting, "x.md", slow_refs)
    quiet = FileCache(Path("/nonexistent-minutebook-cache"), b"test").memo("citations")
    for _ in range(2):
        problems, refs = Problems(), []
        remembered = Linker(archive, problems, quiet).link(text, meeting, "x.md", refs)
        assert (remembered, refs, problems.items) == (fast, fast_refs, fast_problems.items)
    REMEMBERED.append(len(quiet.used))  # texts the second run took from the memo
    return (fast, fast_refs, fast_problems.items), (slow, slow_refs, slow_problems.items)


def test_the_archives_texts_are_linked_as_by_every_pattern(tmp_path):
    archive = loaded(tmp_path)
    files, _ = hostile.archive("attribute")
    texts = list(files.values())  # the files as written (the loaded texts are linked already)
    texts += [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "meetings").rglob("*.md"))]
    assert len(texts) > 50
    linked = 0
    for meeting in archive.meetings[:6]:
        for text in texts:
            fast, slow = both(archive, text, meeting)
            assert fast == slow
            linked += fast[0] != text
    assert linked > 0  # some texts cite what the archive holds
    assert sum(REMEMBERED) > 100  # and many cite nothing: the memo answered for those


WORDS = [
    "minute",
    "Minute",
    "minutes",
    "MINUTE",
    "Min. No.",
    "MİNUTE",
    "mınute",
    "Min No",
    "item",
    "Item",
    "above",
    "below",
    "held on",
    "HELD ON",
    "Held on",
    "of the meeting held on",
    "decision",
    "resolution",
    "recommendation",
    "of the Cabinet on",
    "of the Executive of",
    "the",
    "and",
    ",",
    " & ",
    ".",
    "/",
    "16",
    "28/16",
    "73/16",
    "3",
    "9",
    "2016",
    "2017",
    "16th",
    "7th",
    "March",
    "December",
    "January",
    "CAB/22/017",
    "PC.41/22",
    "2023/044",
    "[x](y)",
    "`code`",
    "<b>",
    "https://a.example/minute 3",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from([" ", "  ", "\n", ""]))
@example(["Min. No.", "28/16"], " ")
@example(["MİNUTE", "3", "above"], " ")
@example(["HELD ON", "16th", "December", "2016"], " ")
@example(["the", "decision", "of the Cabinet on", "7th", "March", "2017"], " ")
@example(["item", "3", "below"], " ")
def test_generated_texts_are_linked_as_by_every_pattern(tmp_path_factory, words, joiner):
    archive = ARCHIVE.get("sample") or ARCHIVE.setdefault("sample", loaded(tmp_path_factory.mktemp("sample")))
    text = joiner.join(words)
    for meeting in archive.meetings[:: max(1, len(archive.meetings) // 4)]:
        fast, slow = both(archive, text, meeting)
        assert fast == slow


ARCHIVE: dict = {}
