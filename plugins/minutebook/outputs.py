"""Files written beside the HTML pages: open data, feeds, calendars. One function per output;
:func:`write_all` writes every one of them into the built site."""

from __future__ import annotations

from pathlib import Path

from .export import meetings_json
from .model import Archive


def write_text(site_dir: Path, rel: str, text: str) -> None:
    path = Path(site_dir) / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_all(archive: Archive, site_dir: Path) -> list[str]:
    """Write every non-HTML output; return the paths written, relative to the site."""
    written = []
    for rel, text in outputs(archive):
        write_text(site_dir, rel, text)
        written.append(rel)
    return written


def outputs(archive: Archive):
    yield "api/meetings.json", meetings_json(archive)
