"""The whole pipeline in one call, independent of any site generator.

files → model (loader) → links (linker) → pages (page text) → outputs (exports). The MkDocs
plugin calls :func:`build`; so do the CLI and the tests.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from minutebook.link.approval import infer_approvals, note_stale_approvals
from minutebook.link.checks import CheckSettings, check_archive
from minutebook.link.paperlinks import link_paper_files
from minutebook.link.planning import link_programmes
from minutebook.link.redirects import archive_urls, check_redirects
from minutebook.link.references import link_archive
from minutebook.link.topics import assign_topics
from minutebook.link.tracker import build_tracker
from minutebook.load.filecache import FileCache
from minutebook.load.loader import Scope, load_archive
from minutebook.model import Archive, urls
from minutebook.model.clock import uk_now
from minutebook.problems import Problems
from minutebook.publish.history import attach_history
from minutebook.publish.sanitize import clean_markdown, sanitize_archive
from minutebook.publish.withhold import Withheld, publish, withheld_sources
from minutebook.render import PageRef, build_site
from minutebook.settings import Settings, SiteSettings


@dataclass
class Result:
    archive: Archive
    problems: Problems
    pages: list[PageRef]
    withheld: Withheld | None = None
    settings: SiteSettings | None = None
    redirects: list[tuple[str, str]] = field(default_factory=list)
    checks: CheckSettings | None = None  # the notice and holiday rules as resolved against council.yml
    cache: FileCache | None = None  # the parsed-file cache, with what it did

    @property
    def ok(self) -> bool:
        return not self.problems.errors


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic collector off while the model is built, as it was before afterwards. The model is
    millions of objects, all alive until the build ends; each full collection scans every one of them and
    frees nothing (at 20,000 items: eight such passes, a tenth of `minutebook check`'s time, none freeing
    a byte). Objects in cycles made meanwhile are collected when it is on again."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@collector_paused()
def build(
    meetings_dir: Path,
    now: dt.datetime | dt.date | None = None,
    *,
    preview: bool = False,
    settings: SiteSettings | None = None,
    intro: str = "",
    checks: CheckSettings | None = None,
    history: bool = True,
    only: list[str] | None = None,
    render: bool = True,
    cache_dir: Path | None = None,
) -> Result:
    """Load, publish, link, check and render. ``now`` decides embargoes (UK local time). ``cache_dir``:
    the parsed-file cache's folder (``<cache_dir>/model``, settings.cache_folder), or None for none."""
    settings = settings or SiteSettings()
    if now is None:
        now = uk_now()
    elif not isinstance(now, dt.datetime):
        now = dt.datetime(now.year, now.month, now.day)
    cache = FileCache.open(cache_dir, Path(meetings_dir)) if cache_dir is not None else None
    archive, problems = load_archive(Path(meetings_dir), Scope(only), urls.reserved(settings.doc_paths), cache)
    # what the loader said about files the public may not see is logged without their values
    not_public = withheld_sources(archive, now, preview) | (set() if preview else problems.withheld)
    if problems.errors:
        problems.withhold(not_public)
        return Result(archive, problems, [], cache=cache)
    memo = cache.memo("sanitize", clean_markdown, prune=not only) if cache is not None else None
    sanitize_archive(archive, memo)
    if memo is not None:
        memo.save()
    withheld = publish(archive, now, preview)
    problems.withhold(not_public)
    if history and not only:  # a scoped preview skips the git history to stay fast
        attach_history(archive, Path(meetings_dir))
    infer_approvals(archive)  # before linking: reads the minutes' own words
    note_stale_approvals(archive, now.date(), problems)
    link_paper_files(archive, problems)
    quiet = cache.memo("citations", prune=not only) if cache is not None else None
    link_archive(archive, problems, quiet)
    if quiet is not None:
        quiet.save()
    resolved = check_archive(archive, problems, checks)
    archive.topics = assign_topics(
        archive,
        archive.topics_config,
        problems,
        scope=Scope(only, archive.council.year_starts) if only else None,
        cache=cache,
    )
    archive.plan_links = link_programmes(archive, now.date(), problems)
    for plan in archive.plan_links:
        _attach_plan(plan)
    archive.actions = build_tracker(archive, problems)
    pages = build_site(archive, now.date(), settings, intro) if render else []
    moved = check_redirects(archive, {p.url for p in pages} if render else archive_urls(archive), problems)
    return Result(archive, problems, pages, withheld, settings, moved, resolved, cache)


def check_settings(settings: Settings) -> CheckSettings:
    """The notice check's settings from the site's options (unset ones follow council.yml's nation)."""
    return CheckSettings(settings.notice_days, settings.holidays_region, list(settings.extra_holidays))


def _attach_plan(plan) -> None:
    """A plan entry belongs to the topic of the items that took it up (or of its own topic key)."""
    topics = []
    for item in plan.items:
        if item.topic_ref is not None and item.topic_ref not in topics:
            topics.append(item.topic_ref)
    for topic in topics:
        topic.entries.append(plan)
