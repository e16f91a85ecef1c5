"""The MkDocs plugin: thin glue between MkDocs 1.6 and :mod:`minutebook.build`.

It reads ``meetings/`` when MkDocs collects files, adds one generated page per committee,
meeting, item, paper, person, topic and timeline (kept out of the nav, except Home, the committee
pages, Calendar, Topics and People), writes the open data, feeds, calendars and search index after
the build, and has ``mkdocs serve`` watch the meeting files.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import posixpath
from pathlib import Path
from typing import Any, cast
from urllib.parse import urljoin, urlsplit

import markdown
import mkdocs
from markupsafe import escape
from mkdocs.commands.build import get_context
from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section, _add_parent_links, _add_previous_and_next_links
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_build_date

import minutebook
from minutebook.build import Result, build, check_settings
from minutebook.export.outputs import write_all
from minutebook.load.council import law_of
from minutebook.load.filecache import code_version
from minutebook.load.loader import Scope
from minutebook.load.schema import parse_iso_date
from minutebook.model import urls
from minutebook.problems import report, summary
from minutebook.publish.sanitize import clean_html
from minutebook.render.stream import Renderer, render_pages
from minutebook.search import search_page
from minutebook.search import start as start_search
from minutebook.settings import (
    OPTIONS,
    Option,
    SettingError,
    Settings,
    cache_folder,
    from_environment,
    from_options,
    site_settings,
)

log = logging.getLogger("mkdocs.plugins.minutebook")

# Markdown extensions the generated pages rely on.
REQUIRED_EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "tables",
    "footnotes",
    "admonition",
    "toc",
    "minutebook.render.markdown_ext",
]


class DomainOption(c.BaseConfigOption[Any]):
    """One option of :data:`minutebook.settings.OPTIONS`, validated by its own parser (as MkDocs'
    ``LangOption`` validates search languages)."""

    def __init__(self, option: Option):
        super().__init__()
        self.option = option
        self.default = option.default

    def run_validation(self, value: object) -> Any:
        try:
            return self.option.parse(value, self.option.name)
        except SettingError as exc:
            raise ValidationError(str(exc)) from exc


class MinutebookConfig(Config):
    """The plugin's options: the declarations of minutebook.settings.OPTIONS, one MkDocs option each."""

    for _option in OPTIONS:
        locals()[_option.name] = DomainOption(_option)
    del _option


def watched_paths(meetings: Path, scope: Scope) -> list[tuple[Path, bool]]:
    """(path, recursive) pairs covering what a scoped preview reads (by the scope's municipal year)."""
    paths: list[tuple[Path, bool]] = [(meetings, False)]
    for name in ("people.yml", "topics.yml", "council.yml"):
        if (meetings / name).exists():
            paths.append((meetings / name, False))
    for folder in sorted(p for p in meetings.iterdir() if p.is_dir()):
        if not scope.committee(folder.name):
            if (folder / "committee.md").exists():
                paths.append((folder / "committee.md", False))
            continue
        paths.append((folder, False))  # new meeting folders, committee.md
        for child in sorted(folder.iterdir()):
            if child.is_dir() and child.name in ("programmes", "tracker"):
                paths.append((child, True))
            elif child.is_dir() and (day := parse_iso_date(child.name)):
                if scope.meeting(folder.name, day):
                    paths.append((child, True))
    return paths


def remove_stale(site_dir: Path, files: Files, static_templates) -> list[str]:
    """Delete what an earlier build left in ``site_dir`` and this one did not write.

    ``mkdocs build --dirty`` keeps the old site folder: without this, the page of a paper that has
    since become a draft (or embargoed, or private) would stay in ``site/`` and be uploaded. Runs
    before the other plugins' post-build outputs and before Minutebook's own files beside the
    pages, which are written again straight after; returns the paths removed."""
    keep = {f.dest_uri for f in files}
    keep.update(static_templates)
    keep.update(f"{name}.gz" for name in static_templates)
    removed = []
    for path in sorted(site_dir.rglob("*"), reverse=True):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif rel not in keep:
            path.unlink()
            removed.append(rel)
    if removed:
        log.info(f"minutebook: removed {len(removed)} files of an earlier build that are no longer published")
    return removed


class GeneratedPage(File):
    """A generated page that knows whether its Markdown changed since the last `serve --dirty` build."""

    unchanged = False
    title = ""

    def is_modified(self) -> bool:
        return not self.unchanged


class StreamedPage(File):
    """A generated page the core renderer writes (render/stream.py), not MkDocs: a file of the site
    that links resolve to and the sitemap lists, but not one of MkDocs' documentation pages."""

    generated_by = "minutebook"

    def __init__(self, config, src: str):
        super().__init__(
            src,
            src_dir=None,
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        self.dest_uri = self._get_dest_path()  # computed as a documentation page's
        self.url = self._get_url()
        self.page = SitemapEntry(self.url, config.site_url)  # type: ignore[assignment]

    def _get_dest_path(self, use_directory_urls: bool | None = None) -> str:
        return posixpath.join(posixpath.dirname(self.src_uri), "index.html")

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False

    def is_media_file(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        pass  # written by the core renderer in on_env


class SitemapEntry:
    """What sitemap.xml (and MkDocs' anchor check) reads of a streamed page."""

    __slots__ = ("abs_url", "canonical_url", "present_anchor_ids", "update_date", "url")
    is_link = False

    def __init__(self, url: str, site_url: str | None):
        self.url = "" if url in (".", "./") else url
        self.canonical_url = self.abs_url = None
        if site_url:
            self.canonical_url = urljoin(site_url if site_url.endswith("/") else site_url + "/", self.url)
            self.abs_url = urlsplit(self.canonical_url).path
        self.update_date = get_build_date()
        self.present_anchor_ids: set[str] | None = None  # set after rendering when docs/ pages link to them


class MinutebookPlugin(BasePlugin[MinutebookConfig]):
    def __init__(self):
        self.result: Result | None = None
        self.search_job = None  # the search index, built in a worker process while MkDocs renders
        self.meetings_dir: Path | None = None
        self.command = "build"
        self.dirty = False
        self.rendered: dict[str, int] = {}  # src_uri -> hash of the Markdown last rendered (serve --dirty)
        self.streamed: list = []  # the generated pages the core renderer writes
        self.streamed_keys: dict[str, str] = {}  # src_uri -> their keys last written (serve --dirty)
        self.nav: Navigation | None = None

    def on_startup(self, *, command, dirty):
        # Defining on_startup keeps this instance across `mkdocs serve` rebuilds.
        self.command = command
        self.dirty = dirty

    def on_config(self, config):
        options = self._settings()
        base = Path(config.config_file_path or ".").resolve().parent
        self.meetings_dir = (base / options.meetings_dir).resolve()
        site_dir = Path(config.site_dir).resolve()
        if site_dir == self.meetings_dir or self.meetings_dir in site_dir.parents:
            raise PluginError(
                f"site_dir ({site_dir}) is inside the meetings folder: the build would write "
                "into the meeting files. Choose another site_dir."
            )
        cache = cache_folder(options, _config_file(config), "")
        if cache is not None and (
            cache == site_dir
            or site_dir in cache.parents
            or cache == self.meetings_dir
            or self.meetings_dir in cache.parents
        ):
            # the cache holds every parsed meeting file, drafts and embargoed papers included: in site/
            # it would be published, in meetings/ it would be read as meeting files
            where = "site_dir" if cache == site_dir or site_dir in cache.parents else "the meetings folder"
            raise PluginError(
                f"minutebook: cache_dir ({cache}) is inside {where}; the cache holds unpublished files. "
                "Choose a cache_dir outside site_dir and meetings_dir (the default is .cache/minutebook)."
            )
        for name in REQUIRED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        config.extra["minutebook"] = {
            "licence_name": options.licence_name,
            "licence_url": options.licence_url,
            # the site's pages (guides, accessibility) say whom to tell of a mistake
            "contact": {"name": options.contact_name, "email": options.contact_email, "phone": options.contact_phone},
        }
        return config

    def _settings(self) -> Settings:
        """The options of mkdocs.yml with the MINUTEBOOK_* variables applied (settings.py)."""
        try:
            settings = from_environment(from_options(self.config), os.environ)
        except SettingError as exc:
            raise PluginError(f"minutebook: {exc}") from exc
        if settings.preview and self.command != "serve":
            raise PluginError(
                "minutebook: preview shows drafts and embargoed papers, so it works only with "
                "`mkdocs serve`; a build for publishing never includes them. Unset 'preview' "
                "(or MINUTEBOOK_PREVIEW) for `mkdocs build`."
            )
        if settings.only and self.command != "serve":
            raise PluginError(
                "minutebook: 'only' (MINUTEBOOK_ONLY) builds part of the archive, for a fast preview "
                "with `mkdocs serve`; a build for publishing is always complete. Unset it for "
                "`mkdocs build`."
            )
        return settings

    def _site(self, config, options: Settings):
        site = site_settings(config, options, Path(config.docs_dir))
        self._templates(site.templates)
        return site

    @staticmethod
    def _templates(folder: Path | None) -> None:
        """The page templates must be in minutebook/ of the theme's custom_dir (overrides/minutebook here)."""
        if folder is None or not (folder / "_macros.md").is_file():
            raise PluginError(
                "minutebook: the page templates are missing: the theme's custom_dir must hold the "
                "folder minutebook/ of Minutebook's templates (copy overrides/minutebook into "
                f"{folder.parent if folder else 'a custom_dir'} and set theme.custom_dir in mkdocs.yml)"
            )

    def on_files(self, files: Files, config):
        options = self._settings()
        assert self.meetings_dir is not None  # set by on_config
        result = build(
            self.meetings_dir,
            options.now,
            preview=options.preview,
            settings=self._site(config, options),
            intro=options.intro,
            checks=check_settings(options),
            history=options.history,
            only=options.only,
            cache_dir=cache_folder(options, _config_file(config), "model"),
        )
        if result.cache is not None:
            # what the parsed-file cache did: with --verbose, or whenever an entry was not trusted or stored
            unusual = result.cache.ignored or result.cache.unwritten
            log.log(logging.INFO if unusual else logging.DEBUG, f"minutebook: {result.cache.line()}")
        # notes: what needs no action before publishing, and what `minutebook check` asks an officer
        # to review although the site is right as it stands (an exempt paragraph not stated)
        infos = sorted(result.problems.infos + result.problems.reviews, key=lambda p: (p.path, p.line or 0, p.message))
        if log.isEnabledFor(logging.DEBUG):  # mkdocs build --verbose: every note
            for problem in infos:
                log.info(str(problem))
        elif infos:  # otherwise counted by kind: notes need no action before publishing
            log.info(
                f"minutebook: {len(infos)} notes (run with --verbose to list them):\n  " + "\n  ".join(summary(infos))
            )
        if options.notice_days is not None or options.holidays_region:  # the site overrides the nation's law
            log.info(f"minutebook: {check_settings(options).describe(law_of(result.archive))}")
        for problem in result.problems.warnings:
            log.warning(str(problem))
        if not result.ok:
            raise PluginError(report(result.problems.errors))
        self.result = result
        # the footer links to these pages where the site has them ("For officers": the guides' index)
        for name, path in (
            ("accessibility", "accessibility.md"),
            ("open_data", "open-data.md"),
            ("officers", "guide/index.md"),
        ):
            config.extra["minutebook"][name] = files.get_file_from_path(path) is not None
        rendered = {}
        # the nav lists the committees: when it changes, every page in the nav must be rebuilt
        nav_signature = hash(tuple((c.slug, c.label, c.hidden) for c in result.archive.committees.values()))
        nav_changed = nav_signature != self.rendered.get("<nav>")
        rendered["<nav>"] = nav_signature
        self.streamed = []
        for page in result.pages:
            existing = files.get_file_from_path(page.src)
            if existing is not None:
                raise PluginError(
                    f"docs/{page.src} is in the way of the generated page for '{page.title}': "
                    f"rename or remove docs/{page.src}"
                )
            if not page.in_nav:  # rendered and written by the core renderer (on_env), in workers
                files.append(StreamedPage(config, page.src))
                self.streamed.append(page)
                continue
            markdown = page.markdown()
            file = cast(
                GeneratedPage,
                GeneratedPage.generated(config, page.src, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV),
            )
            rendered[page.src] = hash(markdown)
            # `mkdocs serve --dirty`: a page whose Markdown is unchanged since the last build keeps its HTML;
            # pages in the nav are rebuilt when the nav changes (their neighbours in it change).
            file.unchanged = (
                self.dirty and not (page.in_nav and nav_changed) and self.rendered.get(page.src) == rendered[page.src]
            )
            file.title = page.title
            files.append(file)
        self.pending_render = rendered
        result.pages = []
        src, markdown = search_page(result.archive)
        files.append(File.generated(config, src, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
        if self.search_job:
            self.search_job.cancel()
        # the search data of unchanged documents comes from the cache (not in a preview, as the pages;
        # nor for part of the archive, whose entry would take the whole site's place)
        search_cache = None if options.only else cache_folder(options, _config_file(config), "search")
        self.search_job = start_search(result.archive, search_cache)
        return files

    def on_nav(self, nav: Navigation, config, files: Files):
        """Put Home, the committees and People at the front of the nav; nothing else generated."""

        def page(url):
            file = files.get_file_from_path(urls.src(url))
            return file.page if file else None

        assert self.result is not None  # on_files ran
        archive = self.result.archive
        committees = [
            page(urls.committee(c))
            for c in sorted(archive.committees.values(), key=lambda c: c.name.lower())
            if not c.hidden
        ]
        section = Section("Committees", [page(urls.COMMITTEES), *committees])
        singles = [page(urls.HOME), page(urls.CALENDAR), page(urls.TOPICS), page(urls.PEOPLE)]
        front = [singles[0], section, *singles[1:]]
        ours = {id(p) for p in [*singles, *section.children]}
        items = front + [i for i in nav.items if id(i) not in ours]
        pages = [singles[0], *section.children, *singles[1:]] + [p for p in nav.pages if id(p) not in ours]
        for p in pages:
            p.previous_page = p.next_page = None
            if isinstance(p.file, GeneratedPage) and p.file.unchanged:
                # serve --dirty does not read an unchanged page again: the nav still needs its title
                p.title = escape(p.file.title)
        _add_previous_and_next_links(pages)
        for item in items:
            item.parent = None
        _add_parent_links(items)
        self.nav = Navigation(items, pages)
        return self.nav

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

    def on_env(self, env, config, files):
        self.files = files  # every file MkDocs writes (or, with --dirty, keeps) in site_dir
        if self.result is not None:
            self._render_streamed(env, config, files)
        return env

    def on_template_context(self, context, template_name, config):
        """sitemap.xml lists every page: MkDocs' documentation pages and the streamed ones, in order."""
        if template_name == "sitemap.xml" and self.result is not None:
            context["pages"] = [
                f
                for f in self.files
                if (f.is_documentation_page() or isinstance(f, StreamedPage)) and f.inclusion.is_included()
            ]
        return context

    def _render_streamed(self, env, config, files) -> None:
        """The generated pages outside the nav: rendered and written by the core renderer."""
        options = self._settings()
        nav = self.nav
        doc_files = files.documentation_pages()
        wanted = set()  # streamed pages that docs/ pages link to with an anchor: MkDocs checks those
        for file in doc_files:
            for target in (file.page.links_to_anchors or {}) if file.page else ():
                if isinstance(target, StreamedPage):
                    wanted.add(target.src_uri)

        def theme(page, html, toc):
            return theme_page(page, html, toc, config=config, env=env, nav=nav, doc_files=doc_files)

        cache = cache_folder(options, _config_file(config), "pages")  # None in a preview: drafts never go to disk
        renderer = Renderer(
            site_dir=Path(config.site_dir),
            theme=theme,
            extensions=list(config.markdown_extensions),
            extension_configs=dict(config.mdx_configs or {}),
            targets={f.src_uri: f.url for f in files},
            doc_anchors={
                f.src_uri: f.page.present_anchor_ids for f in doc_files if f.page and f.page.present_anchor_ids
            },
            report_anchors=wanted,
            fingerprint=fingerprint(config, nav),
            cache_dir=cache,
            prune=not options.only,
            jobs=options.jobs,
            previous=self.streamed_keys if self.dirty else {},
        )
        done = render_pages(self.streamed, renderer)
        self.streamed_keys = done.keys
        log.info(done.line())
        levels = config.validation.links
        for kind, message in done.warnings:
            log.log(getattr(levels, kind), message)
        for src, anchors in done.anchors.items():
            file = files.get_file_from_path(src)
            if file is not None and isinstance(file.page, SitemapEntry):
                file.page.present_anchor_ids = anchors

    @event_priority(100)  # before other plugins' post-build outputs, which they rewrite each build
    def on_post_build(self, config):
        if self.result is None:
            return
        if self.dirty:
            remove_stale(Path(config.site_dir), self.files, config.theme.static_templates)
        self.rendered = getattr(self, "pending_render", {})
        if self.search_job:
            job, self.search_job = self.search_job, None
            summary = job.finish(Path(config.site_dir))
            how = " (from the cache)" if job.cached is not None else ""
            if job.cached is None and summary.get("reused"):
                how = f" ({summary['reused']} of them copied from the cache)"
            if job.ignored:
                how = " (its cache entry could not be trusted and was ignored)"
            log.info(f"minutebook: search index of {summary['documents']} documents in {summary['shards']} shards{how}")
        write_all(self.result.archive, Path(config.site_dir), self.result.settings, self.result.redirects)

    def on_serve(self, server, config, builder):
        only = self._settings().only
        if not only:
            server.watch(str(self.meetings_dir))
            return server
        # A scoped preview watches only its part of a large archive: polling every file of a
        # 20-year archive takes longer than the rebuild itself.
        assert self.meetings_dir is not None  # on_config ran
        council = self.result.archive.council if self.result is not None else None
        starts = council.year_starts if council is not None else 5
        for path in watched_paths(self.meetings_dir, Scope(only, starts)):
            server.watch(str(path[0]), recursive=path[1])
        return server


def theme_page(page, html: str, toc: list, *, config, env, nav, doc_files) -> str:
    """The theme callable of the core renderer: a generated page in mkdocs-material's main.html, with
    the context MkDocs itself gives a page (and its page-context and post-page events)."""
    file = File(page.src, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
    file.generated_by = "minutebook"
    file.inclusion = InclusionLevel.NOT_IN_NAV
    mk_page = MkDocsPage(None, file, config)
    mk_page.markdown = page.text()
    meta = page.meta()
    for key in ("title", "description"):  # printed unescaped by the theme (see on_page_markdown)
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key])
    mk_page.meta = meta
    mk_page.content = html
    mk_page.toc = get_toc(toc)
    mk_page.active = True
    try:
        context = get_context(nav, doc_files, config, mk_page)
        template = env.get_template(meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=mk_page, config=config, nav=nav)
        output = template.render(context)
        return config.plugins.on_post_page(output, page=mk_page, config=config)
    finally:
        mk_page.active = False


def fingerprint(config, nav) -> str:
    """Every input of a generated page's HTML besides its Markdown: versions, the theme's files and
    options, the configuration that reaches the templates, and the nav (titles and addresses)."""
    skip = {"plugins", "site_dir", "docs_dir", "config_file_path", "watch", "dev_addr", "strict", "theme"}
    skip.update({"hooks", "validation", "exclude_docs", "draft_docs", "not_in_nav"})
    parts: dict[str, Any] = {
        "versions": [minutebook.__version__, mkdocs.__version__, _version("mkdocs-material"), markdown.__version__],
        "config": {k: config[k] for k in sorted(config) if k not in skip},
        # the theme's options; its files are the theme's version and custom_dir's contents (below),
        # so a checkout in another folder (a CI runner's) keeps its cache
        "theme": {k: config.theme[k] for k in sorted(config.theme) if k != "custom_dir"},
        "plugins": [name for name in config.plugins if "minutebook" not in name],
    }
    custom = config.theme.custom_dir
    if custom and Path(custom).is_dir():
        parts["custom_dir"] = _folder_digest(Path(custom), "*")
    # Minutebook's own code, not just its version number: a changed sanitiser or renderer must not
    # be served pages rendered by the old one (the same digest as the parsed-file cache's)
    parts["code"] = code_version().hex()

    def walk(items):
        return [
            [type(i).__name__, str(i.title), getattr(i, "url", None), walk(i.children) if i.children else None]
            for i in items
        ]

    parts["nav"] = walk(nav.items) if nav else None
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr).encode()).hexdigest()


def _config_file(config) -> Path | None:
    return Path(config.config_file_path) if config.config_file_path else None


def _folder_digest(folder: Path, pattern: str) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob(pattern)):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return ""
