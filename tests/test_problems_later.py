"""Notes made later (Problems.later): the same notes as if made at once, withheld alike, never an error."""

from __future__ import annotations

import pytest

from minutebook.problems import INFO, WARNING, Problems


def _notes(problems: Problems, path: str):
    def make():
        yield problems.make(path, 3, "unsure whether 'Secret plan' and 'Budget' are one topic", "", INFO)

    return make


def test_notes_made_later_are_listed_with_the_others_and_withheld_alike():
    eager, lazy = Problems(), Problems()
    for problems in (eager, lazy):
        problems.info("meetings/board/2024-01-09/meeting.md", 4, "found 'x'")
    eager.info("meetings/board/2024-02-01/meeting.md", 3, "unsure whether 'Secret plan' and 'Budget' are one topic")
    eager.info("meetings/topics.yml", 3, "unsure whether 'Secret plan' and 'Budget' are one topic")
    lazy.later(_notes(lazy, "meetings/board/2024-02-01/meeting.md"))
    lazy.later(_notes(lazy, "meetings/topics.yml"))
    assert lazy.infos == eager.infos and len(lazy.items) == 3
    assert len(lazy.found) == 1  # the later notes are not kept
    for problems in (eager, lazy):
        problems.withhold({"meetings/board/2024-02-01/"})
    assert lazy.infos == eager.infos
    hidden = [p for p in lazy.infos if p.path.startswith("meetings/board/2024-02-01")]
    assert hidden and all("Secret plan" not in str(p) for p in hidden)
    assert any("Secret plan" in str(p) for p in lazy.infos if p.path == "meetings/topics.yml")


def test_only_notes_can_be_made_later():
    problems = Problems()

    def warning():
        yield problems.make("meetings/topics.yml", 1, "a warning", "", WARNING)

    problems.later(warning)
    assert problems.warnings == []  # a warning made later would not be seen where warnings are read
    with pytest.raises(ValueError, match="only notes"):
        _ = problems.infos
