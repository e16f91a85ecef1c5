"""The core page renderer: generated pages rendered and written as a stream, in `jobs` processes.

Framework-free. The caller gives the pages as cheap descriptors (:class:`PageRef`), the Markdown
extensions of the site, a *theme* callable that wraps a page's HTML in the site's layout, and where
to write. The build's own process and ``jobs - 1`` workers (forked, so they inherit the model and the
descriptors; one model copy fewer than ``jobs`` workers) share the pages by chunks. Each builds one page's
Markdown from the model, converts it with Python-Markdown (links between pages rewritten as the site
generator rewrites them), keeps only the HTML our templates need (:func:`clean_html`), hands it to
the theme and writes the result through :func:`urls.site_file`. Only a bounded number of pages exist
at once, whatever the archive's size, and the output does not depend on the number of workers.

Pages whose key (:func:`pagecache.page_key`) is in the page cache are copied from it instead.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import posixpath
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from minutebook.model import urls
from minutebook.publish.sanitize import clean_html
from minutebook.render import pagecache
from minutebook.render.common import Page, PageRef

# theme(page, html, toc tokens) -> the whole HTML document of the page
Theme = Callable[[Page, str, list[dict[str, Any]]], str]


@dataclass
class Renderer:
    """What the renderer needs besides the pages."""

    site_dir: Path
    theme: Theme
    extensions: list[Any]
    extension_configs: dict[str, Any] = field(default_factory=dict)
    targets: Mapping[str, str] = field(default_factory=dict)  # every other file of the site: src -> url
    doc_anchors: Mapping[str, set[str]] = field(default_factory=dict)  # anchors of the other pages
    report_anchors: set[str] = field(default_factory=set)  # generated pages whose anchors the caller wants
    fingerprint: str = ""  # every rendering input besides the page's Markdown (see pagecache)
    cache_dir: Path | None = None  # <cache_dir>/pages, or None for no cache
    prune: bool = True  # drop the cache entries this build did not use (not for part of a site)
    jobs: int = 1
    previous: Mapping[str, str] = field(default_factory=dict)  # src -> key written last time (serve --dirty)


@dataclass
class Summary:
    pages: int = 0
    rendered: int = 0
    cached: int = 0
    unchanged: int = 0  # serve --dirty: already in site_dir
    ignored: int = 0  # cache entries found but not trusted
    unwritten: int = 0  # pages the cache could not store (a read-only or full disk)
    jobs: int = 1
    seconds: float = 0.0
    keys: dict[str, str] = field(default_factory=dict)  # src -> key
    anchors: dict[str, set[str]] = field(default_factory=dict)  # of the pages in report_anchors
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (kind, message), kind as MkDocs' validation

    def line(self) -> str:
        text = (
            f"minutebook: {self.pages} generated pages in {self.seconds:.1f} s with {self.jobs} "
            f"{'process' if self.jobs == 1 else 'processes'}: {self.rendered} rendered, {self.cached} from the cache"
        )
        if self.unchanged:
            text += f", {self.unchanged} unchanged"
        if self.ignored:
            text += f" ({self.ignored} cache entries could not be trusted and were ignored)"
        if self.unwritten:
            text += f"; the cache could not store {self.unwritten} pages (is it writable?)"
        return text


def jobs_available() -> int:
    """Worker processes inherit the model by forking; where the platform cannot fork, one process."""
    return 0 if "fork" not in multiprocessing.get_all_start_methods() else os.cpu_count() or 1


# What the worker processes inherit (set before they fork).
_TASK: tuple[Sequence[PageRef], Renderer, dict[str, str]] | None = None


def render_pages(refs: Sequence[PageRef], renderer: Renderer) -> Summary:
    """Render and write every page of ``refs``; the summary counts what was done and how."""
    global _TASK, _CONVERTER
    start = time.monotonic()
    _CONVERTER = None  # a converter for this build's renderer (serve builds again in this process)
    own = {ref.src: _url(ref.src, renderer) for ref in refs}
    jobs = max(1, min(renderer.jobs, jobs_available() or 1, len(refs) or 1))
    summary = Summary(pages=len(refs), jobs=jobs)
    present: set[int] = set()
    wanted: list[tuple[str, str, str, str]] = []  # (from src, to src, anchor, link)
    chunks = [range(n, min(n + CHUNK, len(refs))) for n in range(0, len(refs), CHUNK)]
    _TASK = (refs, renderer, own)
    try:
        if jobs == 1:
            results = map(_render_chunk, chunks)
            _collect(results, summary, present, wanted)
        else:
            # The workers share the parent's memory until they write to it. Python's collector writes
            # to every object it scans, so the objects already made are frozen out of its reach first:
            # otherwise each worker soon holds a private copy of the whole model.
            gc.collect()
            gc.freeze()
            try:
                with multiprocessing.get_context("fork").Pool(jobs - 1) as pool:
                    _collect(_shared(pool, chunks, jobs), summary, present, wanted)
            finally:
                gc.unfreeze()
    finally:
        _TASK = None
    for source, target, anchor, link in wanted:
        if hash((target, anchor)) not in present:
            summary.warnings.append(
                (
                    "anchors",
                    f"Doc file '{source}' contains a link '{link}', but the doc '{target}' does not contain "
                    f"an anchor '#{anchor}'.",
                )
            )
    if renderer.cache_dir is not None and renderer.prune:
        pagecache.prune(renderer.cache_dir, set(summary.keys.values()))
    summary.seconds = time.monotonic() - start
    return summary


CHUNK = 32  # pages a worker takes at a time


def _shared(pool, chunks: list[range], jobs: int) -> Iterator[list[Done]]:
    """The chunks' results in order, this process rendering every ``jobs``-th chunk itself and the
    pool's ``jobs - 1`` workers the rest: one copy of the model fewer than a pool of ``jobs``."""
    theirs = pool.imap(_render_chunk, [chunk for n, chunk in enumerate(chunks) if n % jobs])
    for n, chunk in enumerate(chunks):
        yield _render_chunk(chunk) if n % jobs == 0 else next(theirs)


def _collect(results, summary: Summary, present: set[int], wanted: list) -> None:
    for chunk in results:
        for done in chunk:
            setattr(summary, done.status, getattr(summary, done.status) + 1)
            summary.ignored += done.ignored
            summary.unwritten += done.unwritten
            summary.keys[done.src] = done.key
            summary.warnings.extend(done.warnings)
            present.update(done.present)
            if done.ids is not None:
                summary.anchors[done.src] = set(done.ids)
            # a link to an anchor already seen is settled now: only the others wait for the end (at
            # 8,000 items, every page's links held until then were tens of megabytes)
            wanted.extend(link for link in done.wanted if hash((link[1], link[2])) not in present)


@dataclass
class Done:
    src: str
    key: str
    status: str  # "rendered", "cached" or "unchanged"
    ignored: int = 0
    unwritten: int = 0
    warnings: list[tuple[str, str]] = field(default_factory=list)
    present: list[int] = field(default_factory=list)  # hash((src, anchor)) of the anchors it holds
    wanted: list[tuple[str, str, str, str]] = field(default_factory=list)
    ids: list[str] | None = None  # when the caller asked for this page's anchors


_CONVERTER: Converter | None = None


def _render_chunk(indices: range) -> list[Done]:
    global _CONVERTER
    assert _TASK is not None
    refs, renderer, own = _TASK
    if _CONVERTER is None:
        _CONVERTER = Converter(renderer, own)
    return [_render_one(refs[n], renderer, _CONVERTER) for n in indices]


def _render_one(ref: PageRef, renderer: Renderer, converter: Converter) -> Done:
    page = ref.build()
    src = page.src
    key = pagecache.page_key(renderer.fingerprint, src, page.markdown())
    target = urls.site_file(renderer.site_dir, _dest(src))
    done = Done(src, key, "rendered")
    if renderer.previous.get(src) == key and target.is_file():
        done.status = "unchanged"
        return done
    entry = pagecache.read(renderer.cache_dir, key) if renderer.cache_dir is not None else None
    if entry is not None:
        done.status = "cached"
    else:
        done.ignored = int(renderer.cache_dir is not None and (renderer.cache_dir / key[:2] / key).exists())
        html, toc, ids, links = converter.convert(page)
        document = renderer.theme(page, clean_html(html), toc)
        entry = pagecache.Entry(document.encode("utf-8", errors="xmlcharrefreplace"), ids, links)
        if renderer.cache_dir is not None and entry.html.strip():
            done.unwritten = int(not pagecache.write(renderer.cache_dir, key, entry))
    if entry.html.strip():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(entry.html)
    converter.validate(src, entry.ids, entry.links, done)
    if src in renderer.report_anchors:
        done.ids = entry.ids
    return done


def _dest(src: str) -> str:
    """A generated page's file: ``x/index.md`` -> ``x/index.html``."""
    return src[: -len(".md")] + ".html"


def _url(src: str, renderer: Renderer) -> str:
    dest = _dest(src)
    url = renderer.targets.get(src)
    return url if url is not None else (posixpath.dirname(dest) + "/" if dest != "index.html" else "./")


class Converter:
    """Python-Markdown with the site's extensions, plus what the site generator adds: links to other
    pages' Markdown files rewritten to their addresses, and the anchors each page holds."""

    def __init__(self, renderer: Renderer, own: Mapping[str, str]):
        self.renderer = renderer
        self.own = own
        self.md = markdown.Markdown(extensions=renderer.extensions, extension_configs=renderer.extension_configs)
        self.raw_ids = _RawIds(self.md)
        self.md.preprocessors.register(self.raw_ids, "minutebook_raw_ids", 21)
        self.ids = _Ids(self.md)
        self.md.treeprocessors.register(self.ids, "minutebook_ids", 5)
        self.links = _Links(self.md, self)
        self.md.treeprocessors.register(self.links, "minutebook_links", 0)

    def url_of(self, src: str) -> str | None:
        url = self.own.get(src)
        return url if url is not None else self.renderer.targets.get(src)

    def convert(self, page: Page) -> tuple[str, list[dict[str, Any]], list[str], list[list[str]]]:
        self.md.reset()
        self.raw_ids.found, self.ids.found, self.links.found = set(), set(), []
        self.links.src, self.links.url = page.src, self.own[page.src]
        html = self.md.convert(page.text())
        toc = getattr(self.md, "toc_tokens", [])
        return html, toc, sorted(self.ids.found | self.raw_ids.found), self.links.found

    def validate(self, src: str, ids: list[str], links: list[list[str]], done: Done) -> None:
        """The checks MkDocs makes of a page's links, made again for a page from the cache."""
        done.present = [hash((src, anchor)) for anchor in ids]
        mine = set(ids)
        for target, anchor, link in links:
            if self.url_of(target) is None:
                kind = "unrecognized_links" if not posixpath.splitext(target)[1] else "not_found"
                if kind == "unrecognized_links":
                    message = f"Doc file '{src}' contains an unrecognized relative link '{link}', it was left as is."
                else:
                    message = (
                        f"Doc file '{src}' contains a link '{link}', but the target '{target}' is not found "
                        "among documentation files."
                    )
                done.warnings.append((kind, message))
            elif not anchor:
                continue
            elif target == src:
                if anchor not in mine:
                    done.warnings.append(
                        (
                            "anchors",
                            f"Doc file '{src}' contains a link '{link}', but there is no such anchor on this page.",
                        )
                    )
            elif target in self.own:
                done.wanted.append((src, target, anchor, link))
            elif target in self.renderer.doc_anchors and anchor not in self.renderer.doc_anchors[target]:
                done.warnings.append(
                    (
                        "anchors",
                        f"Doc file '{src}' contains a link '{link}', but the doc '{target}' does not contain an "
                        f"anchor '#{anchor}'.",
                    )
                )


class _Ids(Treeprocessor):
    found: set[str]

    def run(self, root):
        for element in root.iter():
            if anchor := element.get("id"):
                self.found.add(anchor)
            if element.tag == "a" and (anchor := element.get("name")):
                self.found.add(anchor)


class _RawIdParser(HTMLParser):
    def __init__(self, found: set[str]):
        super().__init__()
        self.found = found

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.found.add(value)


class _RawIds(Preprocessor):
    found: set[str]

    def run(self, lines):
        parser = _RawIdParser(self.found)
        parser.feed("\n".join(lines))
        parser.close()
        return lines


class _Links(Treeprocessor):
    """Links to ``.md`` files become links to their pages, relative to this page (as MkDocs does)."""

    found: list[list[str]]
    src: str = ""
    url: str = ""

    def __init__(self, md, converter: Converter):
        super().__init__(md)
        self.converter = converter

    def run(self, root):
        for element in root.iter():
            key = "href" if element.tag == "a" else "src" if element.tag == "img" else None
            if key is None:
                continue
            value = element.get(key)
            if value is not None:
                element.set(key, self.rewrite(value))
        return root

    def rewrite(self, link: str) -> str:
        scheme, netloc, path, query, anchor = urlsplit(link)
        if scheme or netloc or link.startswith(("/", "\\")) or AMP_SUBSTITUTE in link:
            return link
        if not path:
            if anchor:
                self.found.append([self.src, anchor, link])
            return link
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.src), unquote(path)).lstrip("/"))
        self.found.append([target, anchor, link])
        url = self.converter.url_of(target)
        if url is None:
            return link
        return urlunsplit(("", "", relative_url(url, self.url), query, anchor))


def relative_url(url: str, other: str) -> str:
    """``url`` relative to the page at ``other``: mkdocs.utils.get_relative_url's string (posixpath.relpath
    of the two as absolute paths), from the normalised folders of each, made once."""
    if other != ".":
        head, tail = posixpath.split(other)
        other = head if "." in tail else other
    start = _parts("/" + posixpath.dirname(other))
    path = _parts("/" + url)
    common = 0
    for a, b in zip(start, path, strict=False):
        if a != b:
            break
        common += 1
    rel = "/".join(("..",) * (len(start) - common) + path[common:]) or "."
    return rel + "/" if url.endswith("/") else rel


@lru_cache(maxsize=65536)
def _parts(path: str) -> tuple[str, ...]:
    return tuple(part for part in posixpath.normpath(path).split("/") if part)
