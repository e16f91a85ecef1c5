"""The core page renderer: generated pages rendered and written as a stream, in `jobs` processes.

Framework-free. The caller gives the pages as cheap descriptors (:class:`PageRef`), the Markdown
extensions of the site, a *theme* callable that wraps a page's HTML in the site's layout, and where
to write. The build's own process builds each page's Markdown from the model, one chunk of pages at
a time; Python-Markdown converts it (links between pages rewritten as the site generator rewrites
them) and :func:`clean_html` keeps only the HTML our templates need, in one of ``jobs - 1`` worker
processes or, while they are all busy, in the build's own; the build's process then hands the HTML
to the theme and writes the page through :func:`urls.site_file`. The workers are started afresh
("spawn"), not forked: they hold Python-Markdown and the site's addresses, never the model, so each
worker adds the memory of Python-Markdown, not of the archive. Only a bounded number of pages exist
at once, whatever the archive's size, and the output does not depend on the number of processes.

Pages whose key (:func:`pagecache.page_key`) is in the page cache are copied from it instead.
"""

from __future__ import annotations

import gc
import multiprocessing
import pickle
import posixpath
import time
from collections import deque
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
from minutebook.render import brackets, dependencies, pagecache
from minutebook.render.common import Page, PageRef

# theme(page, html, toc tokens) -> the whole HTML document of the page
Theme = Callable[[Page, str, list[dict[str, Any]]], str]
# a page converted: (its cleaned HTML, toc tokens, anchors, links [target src, anchor, link])
Converted = tuple[str, list[dict[str, Any]], list[str], list[list[str]]]


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
    unbuilt: int = 0  # of those cached or unchanged: found by their dependency key, their Markdown never built
    ignored: int = 0  # cache entries found but not trusted
    unwritten: int = 0  # pages the cache could not store (a read-only or full disk)
    jobs: int = 1
    alone: str = ""  # why the pages were rendered in one process although more were asked for
    seconds: float = 0.0
    keys: dict[str, str] = field(default_factory=dict)  # src -> key
    aliases: list[str] = field(default_factory=list)  # the dependency keys of the pages that have one
    anchors: dict[str, set[str]] = field(default_factory=dict)  # of the pages in report_anchors
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (kind, message), kind as MkDocs' validation

    def line(self) -> str:
        text = (
            f"minutebook: {self.pages} generated pages in {self.seconds:.1f} s with {self.jobs} "
            f"{'process' if self.jobs == 1 else 'processes'}: {self.rendered} rendered, {self.cached} from the cache"
        )
        if self.unbuilt:
            text += f" ({self.unbuilt} found by what they depend on, without building their Markdown)"
        if self.unchanged:
            text += f", {self.unchanged} unchanged"
        if self.ignored:
            text += f" ({self.ignored} cache entries could not be trusted and were ignored)"
        if self.unwritten:
            text += f"; the cache could not store {self.unwritten} pages (is it writable?)"
        if self.alone:
            text += f"; one process only: {self.alone}"
        return text


@dataclass(frozen=True)
class Setup:
    """What a converter needs: the site's Markdown extensions and every page's address. Sent once to
    each worker process, so it must pickle (an extension given as an object must be importable)."""

    extensions: list[Any]
    extension_configs: dict[str, Any]
    own: Mapping[str, str]  # the generated pages: src -> url
    targets: Mapping[str, str]  # every other file of the site: src -> url


CHUNK = 32  # pages converted at a time, in a worker or here


def render_pages(refs: Sequence[PageRef], renderer: Renderer) -> Summary:
    """Render and write every page of ``refs``; the summary counts what was done and how."""
    start = time.monotonic()
    own = {ref.src: _url(ref.src, renderer) for ref in refs}
    others = {src: url for src, url in renderer.targets.items() if src not in own}  # each address sent once
    setup = Setup(list(renderer.extensions), dict(renderer.extension_configs), own, others)
    converter = Converter(setup)
    chunks = [range(n, min(n + CHUNK, len(refs))) for n in range(0, len(refs), CHUNK)]
    jobs = max(1, min(renderer.jobs, len(refs) or 1))
    summary = Summary(pages=len(refs), jobs=jobs)
    sent = b""  # the setup as the workers receive it: pickled once, here
    if jobs > 1:
        sent, summary.alone = _pickled(setup)
        summary.jobs = jobs if sent else 1
    present: set[int] = set()
    wanted: list[tuple[str, str, str, str]] = []  # (from src, to src, anchor, link)
    workers = _Workers(sent, summary.jobs - 1)
    # The model lives until the build ends. Frozen out of the cyclic collector's reach, it is not scanned
    # again and again, and the full collections that free the pages' own cycles (MkDocs' page and file
    # objects refer to each other) stay frequent; otherwise that garbage piles up for tens of megabytes.
    gc.collect()
    gc.freeze()
    try:
        _collect(
            _stream(refs, chunks, renderer, converter, workers, _Dependencies(refs, renderer)), summary, present, wanted
        )
    finally:
        gc.unfreeze()
        workers.close()
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
        pagecache.prune(renderer.cache_dir, {*summary.keys.values(), *map(pagecache.alias_name, summary.aliases)})
    summary.seconds = time.monotonic() - start
    return summary


def _pickled(setup: Setup) -> tuple[bytes, str]:
    """``setup`` as bytes for the workers, or b"" and why it cannot go to another process."""
    try:
        return pickle.dumps(setup, protocol=pickle.HIGHEST_PROTOCOL), ""
    except Exception as e:
        return b"", f"a Markdown extension cannot be sent to another process ({type(e).__name__}: {e})"


class _Workers:
    """``count`` converter processes, started when the first page needs one (a build whose pages all
    come from the cache starts none)."""

    def __init__(self, setup: bytes, count: int):
        self.setup, self.count = setup, count  # the pickled Setup
        self.pool: Any = None

    def submit(self, texts: list[tuple[str, str]]):
        if self.pool is None:
            context = multiprocessing.get_context("spawn")
            self.pool = context.Pool(self.count, initializer=_start_worker, initargs=(self.setup,))
        return self.pool.apply_async(_convert_all, (texts,))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


class _Dependencies:
    """The pages' dependency keys (render/dependencies): the site's shape once, each meeting's texts once."""

    def __init__(self, refs: Sequence[PageRef], renderer: Renderer):
        self.site: str | None = None
        self.texts: dict[int, str] = {}
        if renderer.cache_dir is not None and refs:
            ctx = refs[0].view.ctx
            self.site = dependencies.site_digest(ctx.archive, ctx.today, ctx.settings, renderer.fingerprint)

    def key(self, ref: PageRef) -> str | None:
        meetings = ref.view.body_meetings() if self.site is not None else None
        if meetings is None or self.site is None:
            return None
        texts = []
        for meeting in meetings:
            text = self.texts.get(id(meeting))
            if text is None:
                text = self.texts[id(meeting)] = dependencies.texts_digest(meeting)
            texts.append(text)
        return dependencies.page_key(self.site, ref.src, texts)


def _stream(
    refs: Sequence[PageRef],
    chunks: list[range],
    renderer: Renderer,
    converter: Converter,
    workers: _Workers,
    keys: _Dependencies,
) -> Iterator[list[Done]]:
    """Each chunk's results, in order. A chunk's Markdown is built here; it is converted by a worker
    when fewer than two chunks a worker are waiting for one, otherwise here at once, so every process
    stays busy and no more than ``2 * workers`` chunks' texts wait at any time."""
    window = 2 * workers.count
    slots: deque[_Slot] = deque()
    for chunk in chunks:
        slot = _Slot([_prepare(refs[n], renderer, keys.key(refs[n])) for n in chunk])
        texts = [job.text() for job in slot.jobs if job.convert]
        if texts and sum(s.done is None for s in slots) < window:
            slot.pending = workers.submit(texts)
        else:
            slot.finish(renderer, converter, None)
        slots.append(slot)
        for waiting in slots:
            if waiting.done is None and waiting.pending.ready():
                waiting.finish(renderer, converter, waiting.pending.get())
        while slots and (ready := slots[0].done) is not None:
            slots.popleft()
            yield ready
    for slot in slots:
        if slot.done is None:
            slot.finish(renderer, converter, slot.pending.get())
        assert slot.done is not None
        yield slot.done


def _collect(results, summary: Summary, present: set[int], wanted: list) -> None:
    for chunk in results:
        for done in chunk:
            setattr(summary, done.status, getattr(summary, done.status) + 1)
            summary.ignored += done.ignored
            summary.unwritten += done.unwritten
            summary.keys[done.src] = done.key
            summary.unbuilt += done.unbuilt
            if done.alias:
                summary.aliases.append(done.alias)
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
    alias: str = ""  # its dependency key, where it has one
    unbuilt: bool = False  # found by its dependency key: its Markdown was not built
    ignored: int = 0
    unwritten: int = 0
    warnings: list[tuple[str, str]] = field(default_factory=list)
    present: list[int] = field(default_factory=list)  # hash((src, anchor)) of the anchors it holds
    wanted: list[tuple[str, str, str, str]] = field(default_factory=list)
    ids: list[str] | None = None  # when the caller asked for this page's anchors


@dataclass
class _Job:
    """One page on its way: built, keyed, looked up in the cache; converted unless found."""

    page: Page | None  # None: taken from the cache by its dependency key, never built
    target: Path
    done: Done
    entry: pagecache.Entry | None = None

    @property
    def convert(self) -> bool:
        return self.done.status == "rendered"

    def text(self) -> tuple[str, str]:
        """(src, Markdown) of a page to convert."""
        assert self.page is not None
        return self.page.src, self.page.text()


@dataclass
class _Slot:
    """A chunk's pages, its conversion while a worker has it, and its results once written."""

    jobs: list[_Job]
    pending: Any = None  # the worker's AsyncResult
    done: list[Done] | None = None

    def finish(self, renderer: Renderer, converter: Converter, converted: list[Converted] | None) -> None:
        if converted is None:
            converted = [converter.convert(*job.text()) for job in self.jobs if job.convert]
        results = iter(converted)
        self.done = [_finish(job, next(results) if job.convert else None, renderer, converter) for job in self.jobs]
        self.jobs, self.pending = [], None


def _prepare(ref: PageRef, renderer: Renderer, alias: str | None) -> _Job:
    """A page's job: found by its dependency key without building it, or built and found by its Markdown."""
    src = ref.src
    target = urls.site_file(renderer.site_dir, _dest(src))
    if alias is not None and renderer.cache_dir is not None:
        known = pagecache.read_alias(renderer.cache_dir, alias)
        if known is not None:
            if renderer.previous.get(src) == known and target.is_file():
                return _Job(None, target, Done(src, known, "unchanged", alias, True))
            entry = pagecache.read(renderer.cache_dir, known, src)
            if entry is not None:
                return _Job(None, target, Done(src, known, "cached", alias, True), entry)
    page = ref.build()
    key = pagecache.page_key(renderer.fingerprint, src, page.markdown())
    job = _Job(page, target, Done(src, key, "rendered", alias or ""))
    if alias is not None and renderer.cache_dir is not None:
        pagecache.write_alias(renderer.cache_dir, alias, key)
    if renderer.previous.get(src) == key and job.target.is_file():
        job.done.status = "unchanged"
    elif renderer.cache_dir is not None:
        job.entry = pagecache.read(renderer.cache_dir, key, src)
        if job.entry is not None:
            job.done.status = "cached"
        else:
            job.done.ignored = int((renderer.cache_dir / key[:2] / key).exists())
    return job


def _finish(job: _Job, converted: Converted | None, renderer: Renderer, converter: Converter) -> Done:
    """Wrap a converted page in the theme (or take it from the cache), write it and check its links."""
    done = job.done
    if done.status == "unchanged":
        return done
    entry = job.entry
    if entry is None:
        assert converted is not None
        html, toc, ids, links = converted
        assert job.page is not None
        document = renderer.theme(job.page, html, toc)
        entry = pagecache.Entry(document.encode("utf-8", errors="xmlcharrefreplace"), ids, links, done.src)
        if renderer.cache_dir is not None and entry.html.strip():
            done.unwritten = int(not pagecache.write(renderer.cache_dir, done.key, entry))
    if entry.html.strip():
        job.target.parent.mkdir(parents=True, exist_ok=True)
        job.target.write_bytes(entry.html)
    converter.validate(done.src, entry.ids, entry.links, done, renderer.doc_anchors)
    if done.src in renderer.report_anchors:
        done.ids = entry.ids
    return done


# In a worker process: its converter, made once from the Setup it was started with.
_WORKER: Converter | None = None


def _start_worker(setup: bytes) -> None:
    global _WORKER
    _WORKER = Converter(pickle.loads(setup))


def _convert_all(texts: list[tuple[str, str]]) -> list[Converted]:
    assert _WORKER is not None
    return [_WORKER.convert(src, text) for src, text in texts]


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

    def __init__(self, setup: Setup):
        self.setup = setup
        self.md = markdown.Markdown(extensions=setup.extensions, extension_configs=setup.extension_configs)
        brackets.install(self.md)  # the same HTML, sooner
        self.raw_ids = _RawIds(self.md)
        self.md.preprocessors.register(self.raw_ids, "minutebook_raw_ids", 21)
        self.ids = _Ids(self.md)
        self.md.treeprocessors.register(self.ids, "minutebook_ids", 5)
        self.links = _Links(self.md, self)
        self.md.treeprocessors.register(self.links, "minutebook_links", 0)

    def url_of(self, src: str) -> str | None:
        url = self.setup.own.get(src)
        return url if url is not None else self.setup.targets.get(src)

    def convert(self, src: str, text: str) -> Converted:
        """A page's Markdown (after its front matter) as cleaned HTML, with its toc, anchors and links."""
        self.md.reset()
        self.raw_ids.found, self.ids.found, self.links.found = set(), set(), []
        self.links.src, self.links.url = src, self.setup.own[src]
        html = self.md.convert(text)
        toc = getattr(self.md, "toc_tokens", [])
        return clean_html(html), toc, sorted(self.ids.found | self.raw_ids.found), self.links.found

    def validate(
        self, src: str, ids: list[str], links: list[list[str]], done: Done, doc_anchors: Mapping[str, set[str]]
    ) -> None:
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
            elif target in self.setup.own:
                done.wanted.append((src, target, anchor, link))
            elif target in doc_anchors and anchor not in doc_anchors[target]:
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


@lru_cache(maxsize=4096)
def _parts(path: str) -> tuple[str, ...]:
    return tuple(part for part in posixpath.normpath(path).split("/") if part)
