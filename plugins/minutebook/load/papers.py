"""Reading a meeting's ``papers/`` folder into :class:`~minutebook.model.Paper` objects and giving them their slugs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from minutebook.load import formats
from minutebook.load.fields import IGNORED, SLUG, natural_key, read_corrections
from minutebook.load.reading import read_front_matter
from minutebook.load.schema import Record
from minutebook.model import (
    Contact,
    Meeting,
    Paper,
)
from minutebook.model.names import slugify

if TYPE_CHECKING:
    from minutebook.load.loader import ArchiveLoader


def load_papers(loader: ArchiveLoader, meeting: Meeting, folder: Path) -> None:
    by_slug: dict[str, Paper] = {}
    records: dict[str, Record] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name in IGNORED:
            continue
        if path.suffix != ".md" or not SLUG.match(path.stem):
            loader.problems.error(
                path,
                None,
                "is not a paper file",
                "papers are .md files named with lower-case letters, digits and hyphens",
            )
            continue
        data, body, body_line = read_front_matter(path, loader.problems, formats.PAPER, "the paper", cache=loader.cache)
        if data is None:
            continue
        paper = Paper(
            slug=path.stem,
            kind=data["kind"],
            title=data["title"],
            item_number=data.get("item"),
            to=data.get("to", ""),
            date=data.get("date"),
            subject=data.get("subject", ""),
            authors=[Contact(**a) for a in data.get("authors", [])],
            presented_by=Contact(**data["presented_by"]) if data.get("presented_by") else None,
            body=body.strip(),
            parent=data.get("parent"),
            appendix=data.get("appendix"),
            pdf=data.get("pdf", ""),
            source=loader.problems.rel(path),
            published=data.get("published"),
            draft=data.get("draft", False),
            publish_from=data.get("publish_from"),
            withdrawn=data.get("withdrawn"),
            withdrawn_reason=data.get("withdrawn_reason", ""),
            previous_names=data.get("previous_names", []),
            corrections=read_corrections(data),
        )
        if paper.withdrawn_reason and not paper.withdrawn:
            loader.problems.error(
                path,
                data.line_of("withdrawn_reason"),
                "'withdrawn_reason' without 'withdrawn'",
                "add 'withdrawn: YYYY-MM-DD', the date it was withdrawn",
            )
        paper.line = data.line or 2
        paper.body_line = body_line + body[: len(body) - len(body.lstrip())].count("\n")
        records[paper.slug] = data
        by_slug[paper.slug] = paper
        meeting.papers.append(paper)
    items = {item.number: item for item in meeting.items if item.number}
    for item in meeting.items:  # an item without a number is named by its slug
        items.setdefault(item.slug or slugify(item.title), item)
    for paper in meeting.papers:
        path = loader.root.parent / paper.source
        data = records[paper.slug]
        if paper.parent:
            parent = by_slug.get(paper.parent)
            if parent is None or parent is paper:
                loader.problems.error(
                    path,
                    data.line_of("parent"),
                    f"the parent paper '{paper.parent}' is not in this meeting's papers",
                    f"write the file name (without .md) of one of: {', '.join(sorted(by_slug))}",
                )
                continue
            if parent.parent:
                loader.problems.error(
                    path,
                    data.line_of("parent"),
                    "an appendix cannot hang off another appendix",
                    f"set parent to '{parent.parent}'",
                )
                continue
            if paper.kind == "appendix" and not paper.appendix:
                loader.problems.error(
                    path,
                    data.line,
                    "an appendix needs its label",
                    "add 'appendix: 1' (the number or letter printed)",
                )
            parent.appendices.append(paper)
            continue
        if paper.kind == "appendix":
            loader.problems.error(
                path,
                data.line_of("kind"),
                "an appendix needs the paper it belongs to",
                "add 'parent: <file name of the main paper>'",
            )
            continue
        if not paper.item_number:
            loader.problems.error(
                path,
                data.line,
                "the paper does not say which agenda item it belongs to",
                "add 'item: N' with the agenda number",
            )
            continue
        main_item = items.get(paper.item_number)
        if main_item is None:
            loader.problems.error(
                path,
                data.line_of("item"),
                f"agenda item {paper.item_number} is not on this meeting's agenda",
                "check the number, or add the item to meeting.md",
            )
            continue
        main_item.papers.append(paper)
    for paper in meeting.papers:
        paper.appendices.sort(key=lambda p: natural_key(p.appendix or p.title))


def assign_slugs(loader: ArchiveLoader, meeting: Meeting) -> None:
    used: set[str] = set()
    for item in meeting.items:
        if item.slug:
            if item.slug in used:
                loader.problems.error(
                    loader.root.parent / meeting.source,
                    item.line,
                    f"two items of this meeting have the address '{item.slug}'",
                    "give one of them another 'slug'",
                )
            used.add(item.slug)
    for item in meeting.items:
        if not item.slug:
            base = f"private-item-{slugify(item.number or 'x')}" if item.withhold_title else slugify(item.title)
            slug, n = base, 2
            while slug in used:
                slug = f"{base}-{n}"
                n += 1
            item.slug = slug
            used.add(slug)
