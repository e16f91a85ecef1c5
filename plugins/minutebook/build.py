"""The whole pipeline in one call, independent of any site generator.

files → model (loader) → links (linker) → pages (page text) → outputs (exports). The MkDocs
plugin calls :func:`build`; so do the CLI and the tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .links import link_archive
from .loader import load_archive
from .model import Archive
from .pages import Page, build_site
from .problems import Problems


@dataclass
class Result:
    archive: Archive
    problems: Problems
    pages: list[Page]

    @property
    def ok(self) -> bool:
        return not self.problems.errors


def build(meetings_dir: Path, today: dt.date | None = None, site_name: str = "Committee papers",
          intro: str = "") -> Result:
    archive, problems = load_archive(Path(meetings_dir))
    if problems.errors:
        return Result(archive, problems, [])
    link_archive(archive, problems)
    pages = build_site(archive, today or dt.date.today(), site_name, intro)
    return Result(archive, problems, pages)
