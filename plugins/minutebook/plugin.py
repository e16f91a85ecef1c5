"""The MkDocs plugin: thin glue between MkDocs 1.6 and :mod:`minutebook.build`.

It reads ``meetings/`` when MkDocs collects files, adds one generated page per committee,
meeting, item, paper and person (kept out of the nav, except the committee pages), writes the
open data after the build, and has ``mkdocs serve`` watch the meeting files.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section, _add_parent_links, _add_previous_and_next_links

from . import urls
from .build import Result, build
from .export import meetings_json
from .problems import report
from .schema import parse_iso_date

log = logging.getLogger("mkdocs.plugins.minutebook")

# Markdown extensions the generated pages rely on.
REQUIRED_EXTENSIONS = ["attr_list", "md_in_html", "tables", "footnotes", "admonition", "toc", "minutebook.markdown_ext"]


class MinutebookConfig(Config):
    meetings_dir = c.Type(str, default="meetings")
    """The folder of meeting files, relative to mkdocs.yml."""
    today = c.Optional(c.Type(str))
    """The date the build treats as today (YYYY-MM-DD), for tests and reproducible builds.
    The environment variable MINUTEBOOK_TODAY does the same."""
    intro = c.Type(str, default="")
    """Text shown at the top of the home page."""


class MinutebookPlugin(BasePlugin[MinutebookConfig]):
    def __init__(self):
        self.result: Result | None = None
        self.meetings_dir: Path | None = None

    def on_config(self, config):
        base = Path(config.config_file_path or ".").resolve().parent
        self.meetings_dir = (base / self.config.meetings_dir).resolve()
        site_dir = Path(config.site_dir).resolve()
        if site_dir == self.meetings_dir or self.meetings_dir in site_dir.parents:
            raise PluginError(f"site_dir ({site_dir}) is inside the meetings folder: the build would write "
                              "into the meeting files. Choose another site_dir.")
        for name in REQUIRED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        return config

    def _today(self) -> dt.date:
        text = os.environ.get("MINUTEBOOK_TODAY") or self.config.today
        if not text:
            return dt.date.today()
        day = parse_iso_date(text)
        if day is None:
            raise PluginError(f"minutebook: 'today' is '{text}', which is not a date written YYYY-MM-DD")
        return day

    def on_files(self, files: Files, config):
        result = build(self.meetings_dir, self._today(), config.site_name, self.config.intro)
        for problem in result.problems.infos:
            log.info(str(problem))
        for problem in result.problems.warnings:
            log.warning(str(problem))
        if not result.ok:
            raise PluginError(report(result.problems.errors))
        self.result = result
        for page in result.pages:
            existing = files.get_file_from_path(page.src)
            if existing is not None:
                raise PluginError(f"docs/{page.src} is in the way of the generated page for '{page.title}': "
                                  f"rename or remove docs/{page.src}")
            files.append(File.generated(config, page.src, content=page.markdown(),
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_nav(self, nav: Navigation, config, files: Files):
        """Put Home, the committees and People at the front of the nav; nothing else generated."""

        def page(url):
            file = files.get_file_from_path(urls.src(url))
            return file.page if file else None

        archive = self.result.archive
        committees = [page(urls.committee(c)) for c in sorted(archive.committees.values(), key=lambda c: c.name.lower())
                      if not c.hidden]
        section = Section("Committees", [page(urls.COMMITTEES), *committees])
        front = [page(urls.HOME), section, page(urls.PEOPLE)]
        ours = {id(p) for p in [front[0], front[2], *section.children]}
        items = front + [i for i in nav.items if id(i) not in ours]
        pages = [front[0], *section.children, front[2]] + [p for p in nav.pages if id(p) not in ours]
        for p in pages:
            p.previous_page = p.next_page = None
        _add_previous_and_next_links(pages)
        for item in items:
            item.parent = None
        _add_parent_links(items)
        return Navigation(items, pages)

    def on_post_build(self, config):
        if self.result is None:
            return
        api = Path(config.site_dir) / "api"
        api.mkdir(parents=True, exist_ok=True)
        (api / "meetings.json").write_text(meetings_json(self.result.archive), encoding="utf-8")

    def on_serve(self, server, config, builder):
        server.watch(str(self.meetings_dir))
        return server
