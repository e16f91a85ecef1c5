"""Links between meeting files in officers' Markdown: ``[the audit report](audit.md)`` in a paper.

An officer links a paper to another by its file, relative to the paper's own file — a sibling
``other-paper.md``, ``../minutes.md``, ``../../2017-04-06/papers/report.md`` — as an editor shows
them. The build turns each into the page's address. A link to a file that does not exist is an
error naming the paper's file and line (before: the build failed naming a generated page); a link
to a paper that exists but is not published (a draft, an embargo) is shown as its words until it is.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from minutebook.model import Archive, Paper, urls
from minutebook.problems import Problems

FILE_LINK = re.compile(
    r"(?<!!)\[(?P<label>[^\]\n]*)\]\(\s*<?(?P<target>[^()\s<>#]+\.md)(?P<anchor>#[^()\s<>]*)?>?\s*\)"
)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _targets(archive: Archive) -> dict[str, str]:
    """Each published file's source path -> the address of its page."""
    out: dict[str, str] = {}
    for meeting in archive.meetings:
        if meeting.source:
            out[meeting.source] = urls.meeting(meeting)
        if meeting.minutes and meeting.minutes.source:
            out[meeting.minutes.source] = urls.meeting(meeting) + "#minutes"
        for paper in meeting.papers:
            if paper.item is not None or paper.parent:
                out[paper.source] = urls.paper(paper)
    return out


def link_paper_files(archive: Archive, problems: Problems) -> None:
    """Resolve the file links in every paper's body (``minutebook:`` targets, made relative per page)."""
    targets = _targets(archive)
    base = problems.root.parent if problems.root is not None else None
    for meeting in archive.meetings:
        for paper in meeting.papers:
            if "](" in paper.body:
                paper.body = _resolve(paper, targets, base, problems)


def _resolve(paper: Paper, targets: dict[str, str], base: Path | None, problems: Problems) -> str:
    def replace(match: re.Match[str]) -> str:
        target = match.group("target")
        if SCHEME.match(target) or target.startswith("/"):
            return match.group(0)
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(paper.source), target))
        line = paper.body_line + paper.body.count("\n", 0, match.start())
        url = targets.get(rel)
        anchor = match.group("anchor") or ""
        if url is not None:
            if "#" in url and anchor:
                url = url.split("#", 1)[0]
            return f"[{match.group('label')}](minutebook:{url}{anchor})"
        if base is not None and (base / rel).is_file():
            problems.info(
                paper.source,
                line,
                f"the link to {target} leads to a file that is not published; shown as plain text until it is",
            )
            return match.group("label")
        problems.error(
            paper.source,
            line,
            f"the link to {target} finds no file: there is no {rel}",
            "link to another paper by its file name, relative to this paper (like other-paper.md, "
            "or ../../2017-04-06/papers/report.md), or remove the link",
        )
        return match.group("label")

    return FILE_LINK.sub(replace, paper.body)
