"""Old addresses keep working: a moved meeting, a renamed item or paper leaves a redirect page.

People link to papers from e-mails and newspapers. When a meeting folder moves to a new date
(``moved_from``), an item gets a new slug (``previous_slugs``, or ``{was=…}`` on a minute heading)
or a paper file is renamed (``previous_names``), each old URL gets a small page that sends the
browser on to the new one (meta refresh and a plain link; relative, so it works under a sub-path).
"""

from __future__ import annotations

import html
import posixpath

from minutebook.model import Archive, urls
from minutebook.problems import Problems


def redirects(archive: Archive) -> list[tuple[str, str]]:
    """(old URL, new URL) pairs."""
    pairs: list[tuple[str, str]] = []
    for meeting in archive.meetings:
        new_meeting = urls.meeting(meeting)
        old_meetings = [f"{meeting.committee}/{day.isoformat()}/" for day in meeting.moved_from]
        for old in old_meetings:
            pairs.append((old, new_meeting))
        for item in meeting.items:
            new_item = urls.item(item)
            old_items = [f"{new_meeting}{slug}/" for slug in item.previous_slugs]
            old_items += [f"{old}{slug}/" for old in old_meetings for slug in [item.slug, *item.previous_slugs]]
            pairs += [(old, new_item) for old in old_items]
            for paper in item.all_papers:
                new_paper = urls.paper(paper)
                for base in [new_item, *old_items]:
                    for name in [paper.slug, *paper.previous_names]:
                        old = f"{base}{name}/"
                        if old != new_paper:
                            pairs.append((old, new_paper))
    return pairs


def archive_urls(archive: Archive) -> set[str]:
    """The addresses of every meeting, item and paper page (without rendering them)."""
    out = set()
    for meeting in archive.meetings:
        out.add(urls.meeting(meeting))
        for item in meeting.items:
            out.add(urls.item(item))
            out.update(urls.paper(p) for p in item.all_papers)
    return out


def check_redirects(archive: Archive, page_urls: set[str], problems: Problems) -> list[tuple[str, str]]:
    """Drop (with an error) redirects that would hide a real page or point two ways."""
    seen: dict[str, str] = {}
    kept = []
    for old, new in redirects(archive):
        if old in page_urls:
            problems.error(
                "meetings",
                None,
                f"the old address {old} is also the address of a page, so it cannot redirect to {new}",
                "remove it from previous_slugs / previous_names / moved_from",
            )
            continue
        if seen.get(old, new) != new:
            problems.error(
                "meetings",
                None,
                f"the old address {old} would redirect both to {seen[old]} and to {new}",
                "keep it in one place only",
            )
            continue
        if old not in seen:
            seen[old] = new
            kept.append((old, new))
    return kept


def redirect_page(old: str, new: str, site_name: str) -> str:
    target = posixpath.relpath(new, old) + "/"
    target = html.escape(target, quote=True)
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Moved — {html.escape(site_name)}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<link rel="canonical" href="{target}">\n<meta name="robots" content="noindex">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n</head>\n<body>\n'
        f'<main><h1>This page has moved</h1><p><a href="{target}">Go to its new address</a>.</p></main>\n'
        "</body>\n</html>\n"
    )
