"""The MkDocs plugin: thin glue between MkDocs 1.6 and :mod:`minutebook.build`.

It reads ``meetings/`` when MkDocs collects files, adds one generated page per committee,
meeting, item, paper, person, topic and timeline (kept out of the nav, except Home, the committee
pages, Calendar, Topics and People), writes the open data, feeds, calendars and search index after
the build, and has ``mkdocs serve`` watch the meeting files.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section, _add_parent_links, _add_previous_and_next_links

from minutebook.model import urls
from minutebook.build import Result, build
from minutebook.load.loader import Scope
from minutebook.model import Contact, municipal_year
from minutebook.link.checks import CheckSettings
from minutebook.export.outputs import write_all
from minutebook.problems import report
from minutebook.publish.sanitize import clean_html, plain
from minutebook.load.schema import parse_datetime, parse_iso_date
from minutebook.search import search_page, start as start_search
from minutebook.settings import OGL, SiteSettings

log = logging.getLogger("mkdocs.plugins.minutebook")

# Markdown extensions the generated pages rely on.
REQUIRED_EXTENSIONS = ["attr_list", "md_in_html", "tables", "footnotes", "admonition", "toc", "minutebook.render.markdown_ext"]


class MinutebookConfig(Config):
    meetings_dir = c.Type(str, default="meetings")
    """The folder of meeting files, relative to mkdocs.yml."""
    now = c.Optional(c.Type(str))
    """The moment the build treats as now ("YYYY-MM-DD" or "YYYY-MM-DD HH:MM", UK time): decides
    embargoes and what is upcoming. The environment variable MINUTEBOOK_NOW (or MINUTEBOOK_TODAY)
    does the same; scheduled rebuilds leave it unset."""
    preview = c.Type(bool, default=False)
    """Officers' preview: show drafts and embargoed papers with a banner. Only with `mkdocs serve`;
    the environment variable MINUTEBOOK_PREVIEW=1 does the same."""
    intro = c.Type(str, default="")
    """Text shown at the top of the home page."""
    notice_days = c.Type(int, default=5)
    """Clear working days between publishing an agenda and the meeting (England: 5)."""
    holidays_region = c.Choice(("ENG", "WLS", "SCT", "NIR"), default="ENG")
    """Whose bank holidays are not working days."""
    extra_holidays = c.ListOfItems(c.Type(str), default=[])
    """Other days the council is closed (YYYY-MM-DD)."""
    licence_name = c.Type(str, default=OGL[0])
    """The licence of the open data, feeds and calendars."""
    licence_url = c.Type(str, default=OGL[1])
    only = c.ListOfItems(c.Type(str), default=[])
    """Preview only: read just these committees or years ("<committee>" or "<committee>/<YYYY-YY>"),
    so that `mkdocs serve` on a large archive shows an edit within seconds. The environment
    variable MINUTEBOOK_ONLY (comma-separated) does the same. Refused for `mkdocs build`."""
    contact_name = c.Type(str, default="")
    """Whom the public tells about a mistake on pages no committee contact covers (home, people,
    topics, calendar, and committees without a contact e-mail or telephone)."""
    contact_email = c.Type(str, default="")
    contact_phone = c.Type(str, default="")
    history = c.Type(bool, default=True)
    """Read publication dates and changes from git (the files' own dates win)."""


def watched_paths(meetings: Path, scope: Scope) -> list[tuple[Path, bool]]:
    """(path, recursive) pairs covering what a scoped preview reads."""
    paths: list[tuple[Path, bool]] = [(meetings, False)]
    if (meetings / "people.yml").exists():
        paths.append((meetings / "people.yml", False))
    for folder in sorted(p for p in meetings.iterdir() if p.is_dir()):
        if not scope.committee(folder.name):
            if (folder / "committee.md").exists():
                paths.append((folder / "committee.md", False))
            continue
        paths.append((folder, False))  # new meeting folders, committee.md
        for child in sorted(folder.iterdir()):
            if child.is_dir() and child.name in ("programmes", "tracker"):
                paths.append((child, True))
            elif child.is_dir() and parse_iso_date(child.name):
                if scope.year(folder.name, municipal_year(parse_iso_date(child.name))):
                    paths.append((child, True))
    return paths


class GeneratedPage(File):
    """A generated page that knows whether its Markdown changed since the last `serve --dirty` build."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged


class MinutebookPlugin(BasePlugin[MinutebookConfig]):
    def __init__(self):
        self.result: Result | None = None
        self.search_job = None  # the search index, built in a worker process while MkDocs renders
        self.meetings_dir: Path | None = None
        self.command = "build"
        self.dirty = False
        self.rendered: dict[str, int] = {}  # src_uri -> hash of the Markdown last rendered (serve --dirty)

    def on_startup(self, *, command, dirty):
        # Defining on_startup keeps this instance across `mkdocs serve` rebuilds.
        self.command = command
        self.dirty = dirty

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
        config.extra["minutebook"] = {"licence_name": self.config.licence_name,
                                      "licence_url": self.config.licence_url}
        return config

    def _now(self) -> dt.datetime:
        text = os.environ.get("MINUTEBOOK_NOW") or os.environ.get("MINUTEBOOK_TODAY") or self.config.now
        if not text:
            return dt.datetime.now()
        now = parse_datetime(text)
        if now is None:
            raise PluginError(f"minutebook: 'now' is '{text}'; write YYYY-MM-DD or \"YYYY-MM-DD HH:MM\"")
        return now

    def _preview(self) -> bool:
        wanted = self.config.preview or os.environ.get("MINUTEBOOK_PREVIEW", "") not in ("", "0")
        if wanted and self.command != "serve":
            raise PluginError("minutebook: preview shows drafts and embargoed papers, so it works only with "
                              "`mkdocs serve`; a build for publishing never includes them. Unset 'preview' "
                              "(or MINUTEBOOK_PREVIEW) for `mkdocs build`.")
        return wanted

    def _only(self) -> list[str]:
        env = [x for x in os.environ.get("MINUTEBOOK_ONLY", "").split(",") if x.strip()]
        only = env or list(self.config.only)
        if only and self.command != "serve":
            raise PluginError("minutebook: 'only' (MINUTEBOOK_ONLY) builds part of the archive, for a fast preview "
                              "with `mkdocs serve`; a build for publishing is always complete. Unset it for "
                              "`mkdocs build`.")
        return only

    def _checks(self) -> CheckSettings:
        extra = []
        for text in self.config.extra_holidays:
            day = parse_iso_date(text)
            if day is None:
                raise PluginError(f"minutebook: extra_holidays has '{text}', which is not a date YYYY-MM-DD")
            extra.append(day)
        return CheckSettings(self.config.notice_days, self.config.holidays_region, extra)

    def _contact(self) -> Contact | None:
        contact = Contact(name=plain(self.config.contact_name), email=plain(self.config.contact_email),
                          phone=plain(self.config.contact_phone))
        return contact if contact.email or contact.phone else None

    def _templates(self, config) -> Path:
        """The page templates: minutebook/ in the theme's custom_dir (overrides/minutebook in the sample)."""
        custom = config.theme.custom_dir
        folder = Path(custom) / "minutebook" if custom else None
        if folder is None or not (folder / "_macros.md").is_file():
            raise PluginError("minutebook: the page templates are missing: the theme's custom_dir must hold the "
                              "folder minutebook/ of Minutebook's templates (copy overrides/minutebook into "
                              f"{custom or 'a custom_dir'} and set theme.custom_dir in mkdocs.yml)")
        return folder

    def on_files(self, files: Files, config):
        settings = SiteSettings(site_name=config.site_name, site_url=config.site_url or "",
                                licence_name=self.config.licence_name, licence_url=self.config.licence_url,
                                repo_url=config.repo_url or "", templates=self._templates(config),
                                contact=self._contact())
        result = build(self.meetings_dir, self._now(), preview=self._preview(), settings=settings,
                       intro=self.config.intro, checks=self._checks(), history=self.config.history,
                       only=self._only())
        for problem in result.problems.infos:
            log.info(str(problem))
        for problem in result.problems.warnings:
            log.warning(str(problem))
        if not result.ok:
            raise PluginError(report(result.problems.errors))
        self.result = result
        for name in ("accessibility", "open-data"):  # the footer links to these guides where the site has them
            config.extra["minutebook"][name.replace("-", "_")] = files.get_file_from_path(f"{name}.md") is not None
        rendered = {}
        # the nav lists the committees: when it changes, every page in the nav must be rebuilt
        nav_signature = hash(tuple((c.slug, c.label, c.hidden) for c in result.archive.committees.values()))
        nav_changed = nav_signature != self.rendered.get("<nav>")
        rendered["<nav>"] = nav_signature
        for page in result.pages:
            existing = files.get_file_from_path(page.src)
            if existing is not None:
                raise PluginError(f"docs/{page.src} is in the way of the generated page for '{page.title}': "
                                  f"rename or remove docs/{page.src}")
            markdown = page.markdown()
            file = GeneratedPage.generated(config, page.src, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV)
            rendered[page.src] = hash(markdown)
            # `mkdocs serve --dirty`: a page whose Markdown is unchanged since the last build keeps its HTML;
            # pages in the nav are rebuilt when the nav changes (their neighbours in it change).
            file.unchanged = (self.dirty and not (page.in_nav and nav_changed)
                              and self.rendered.get(page.src) == rendered[page.src])
            files.append(file)
        self.pending_render = rendered
        result.pages = []  # MkDocs holds each page's Markdown now; a 20-year archive needs the memory
        src, markdown = search_page(result.archive)
        files.append(File.generated(config, src, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
        if self.search_job:
            self.search_job.cancel()
        self.search_job = start_search(result.archive)
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
        singles = [page(urls.HOME), page(urls.CALENDAR), page(urls.TOPICS), page(urls.PEOPLE)]
        front = [singles[0], section, *singles[1:]]
        ours = {id(p) for p in [*singles, *section.children]}
        items = front + [i for i in nav.items if id(i) not in ours]
        pages = [singles[0], *section.children, *singles[1:]] + [p for p in nav.pages if id(p) not in ours]
        for p in pages:
            p.previous_page = p.next_page = None
        _add_previous_and_next_links(pages)
        for item in items:
            item.parent = None
        _add_parent_links(items)
        return Navigation(items, pages)

    def on_page_markdown(self, markdown, page, config, files):
        """The theme prints a page's title and description unescaped (in <title>, the header, the <h1>,
        the nav and <meta name="description">): hand it generated pages' values escaped, as Markup."""
        if page.file.generated_by and "minutebook" in page.file.generated_by:
            for key in ("title", "description"):
                if isinstance(page.meta.get(key), str):
                    page.meta[key] = escape(page.meta[key])
        return markdown

    def on_page_content(self, html, page, config, files):
        """Last line of defence: generated pages keep only the HTML our templates need."""
        if page.file.generated_by and "minutebook" in page.file.generated_by:
            return clean_html(html)
        return html

    def on_post_build(self, config):
        if self.result is None:
            return
        self.rendered = getattr(self, "pending_render", {})
        if self.search_job:
            job, self.search_job = self.search_job, None
            summary = job.finish(Path(config.site_dir))
            log.info(f"minutebook: search index of {summary['documents']} documents in {summary['shards']} shards")
        write_all(self.result.archive, Path(config.site_dir), self.result.settings, self.result.redirects)

    def on_serve(self, server, config, builder):
        only = self._only()
        if not only:
            server.watch(str(self.meetings_dir))
            return server
        # A scoped preview watches only its part of a large archive: polling every file of a
        # 20-year archive takes longer than the rebuild itself.
        for path in watched_paths(self.meetings_dir, Scope(only)):
            server.watch(str(path[0]), recursive=path[1])
        return server
