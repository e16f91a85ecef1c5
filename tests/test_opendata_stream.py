"""api/meetings.json is written one meeting at a time (issue 15: bounded memory). The pieces must
make exactly the text that json.dumps of the whole document gives, for the sample archive, for an
archive with no meetings, and for text that could break a line-based re-indentation."""

from __future__ import annotations

import datetime as dt
import json

from helpers import REPO, site_settings, write_tree

from minutebook.build import build
from minutebook.export.opendata import meeting_record, meetings_head, meetings_json_parts
from minutebook.export.outputs import write_all


def whole(archive, settings) -> str:
    """The document built whole, as it was before it was streamed."""
    data = meetings_head(archive, settings) | {"meetings": [meeting_record(m) for m in archive.meetings]}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def test_the_sample_archive_streamed_is_the_whole_document(tmp_path):
    settings = site_settings()
    result = build(REPO / "meetings", dt.date(2026, 1, 1), settings=settings)
    assert result.ok
    pieces = list(meetings_json_parts(result.archive, settings))
    assert len(pieces) == len(result.archive.meetings) + 2 > 3  # one piece a meeting
    assert "".join(pieces) == whole(result.archive, settings)
    written = write_all(result.archive, tmp_path / "site", settings)
    assert "api/meetings.json" in written
    text = (tmp_path / "site" / "api" / "meetings.json").read_text(encoding="utf-8")
    assert text == whole(result.archive, settings)
    assert len(json.loads(text)["meetings"]) == len(result.archive.meetings)


def test_an_archive_with_no_meetings_gives_an_empty_list(tmp_path):
    write_tree(tmp_path, {"board/committee.md": "---\nname: Board\n---\n"})
    settings = site_settings()
    result = build(tmp_path, dt.date(2026, 1, 1), settings=settings)
    assert result.ok and not result.archive.meetings
    text = "".join(meetings_json_parts(result.archive, settings))
    assert text == whole(result.archive, settings)
    assert json.loads(text)["meetings"] == []


def test_quotes_backslashes_and_the_documents_own_ending_in_the_text_change_nothing(tmp_path):
    """Text that looks like the document's ending or holds what JSON escapes, in a title and in a
    resolution (line and paragraph separators do not reach the open data: the sanitiser drops them)."""
    title = 'Roads "and" paths \\\\ {"meetings": []} ]\n}'
    write_tree(
        tmp_path,
        {
            "board/committee.md": "---\nname: Board\n---\n",
            "board/2020-01-09/meeting.md": (
                '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: ' + json.dumps(title) + "\n---\n"
            ),
            "board/2020-01-09/minutes.md": (
                "---\napproved: true\n---\n\n## 1. Roads {item=1}\n\nLine one\u2028 two.\n\n"
                'RESOLVED that the "plan" \\\\ be {noted}.\n'
            ),
        },
    )
    settings = site_settings()
    result = build(tmp_path, dt.date(2026, 1, 1), settings=settings)
    assert result.ok, [str(p) for p in result.problems.errors]
    text = "".join(meetings_json_parts(result.archive, settings))
    assert text == whole(result.archive, settings)
    item = json.loads(text)["meetings"][0]["items"][0]
    assert item["title"].startswith('Roads "and" paths')
    assert item["resolutions"] == ['RESOLVED that the "plan" \\\\ be {noted}.']
    assert "\u2028" not in text
