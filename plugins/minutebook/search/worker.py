"""Build the search data in a worker process while MkDocs renders the pages.

MkDocs renders on one core; the shards are built on the other. :class:`Job` takes the documents
(plain data, made from the published model in the main process), starts a fresh interpreter
("spawn": it imports only this package, never MkDocs) and returns at once; :meth:`Job.finish`
waits for it and moves the finished ``data`` folder into the site. The worker writes into a
staging folder, because ``mkdocs build`` empties the site folder after the files are collected.

With a cache folder (``<cache_dir>/search``) the finished data is kept, keyed by everything the worker
reads: the documents (their pickled bytes), the committees and Minutebook's code. A build whose
documents are unchanged (a clock move, people.yml, the theme) copies it instead of starting the
worker; an entry is its files packed into one file with a manifest (their names and sizes, the
pack's SHA-256), and one whose pack does not match its manifest is ignored. When
the documents changed, the worker still copies every shard whose own documents and weights did not
from ``<cache_dir>/search/parts/`` (:mod:`.parts`), and builds only the others.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import pickle
import shutil
import tempfile
import traceback
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from minutebook.load.filecache import code_version
from minutebook.search import shards
from minutebook.search.documents import Document

DATA = "search/data"  # where the data lives in the site


def _work(
    source: str, folder: str, committees: dict[str, str], report: str, cache: str | None = None, key: str = ""
) -> None:
    """The worker process: read the documents, write the search data (and keep a copy in the cache,
    here, off the build's own path) and a report."""
    try:
        parts = None if cache is None else Path(cache) / PARTS
        with Pickled(Path(source)) as docs:
            summary = shards.write(docs, Path(folder), committees, parts=parts).as_dict()
        os.unlink(source)
        if cache is not None:
            _write_entry(Path(cache), key, Path(folder), summary)
        Path(report).write_text(json.dumps({"ok": True, "summary": summary}), encoding="utf-8")
    except BaseException:  # the parent reports it; a worker never dies silently
        Path(report).write_text(json.dumps({"ok": False, "error": traceback.format_exc()}), encoding="utf-8")
        raise


class Pickled:
    """The documents file as :class:`shards.Documents`: read through once in order (remembering where
    each document starts), then one shard's documents at a time, so that the worker never holds the
    archive's text (at 8,000 items it was a third of the worker's memory)."""

    def __init__(self, path: Path):
        self.file = open(path, "rb")  # closed by __exit__
        self.offsets: list[int] = []
        self.sizes: list[int] = []

    def __enter__(self) -> Pickled:
        return self

    def __exit__(self, *exc) -> None:
        self.file.close()

    def __len__(self) -> int:
        return len(self.offsets)

    def __iter__(self) -> Iterator[Document]:
        self.offsets, self.sizes = [], []
        self.file.seek(0)
        offset = 0
        while True:
            try:
                doc = pickle.load(self.file)
            except EOFError:
                return
            end = self.file.tell()
            self.offsets.append(offset)
            self.sizes.append(end - offset)
            offset = end
            yield doc

    def take(self, refs: list[int]) -> list[Document]:
        out = []
        for ref in refs:
            self.file.seek(self.offsets[ref])
            out.append(pickle.load(self.file))
        return out

    def blobs(self, refs: list[int]) -> list[bytes]:
        out = []
        for ref in refs:
            self.file.seek(self.offsets[ref])
            out.append(self.file.read(self.sizes[ref]))
        return out


class SearchBuildError(RuntimeError):
    pass


FORMAT = "minutebook-search-cache 3"  # 3: the files in one pack
PARTS = "parts"  # each shard's finished output (search/parts.py), beside the whole site's entry


class Job:
    def __init__(self, docs: Iterable[Document], committees: dict[str, str], cache_dir: Path | None = None):
        self.staging = Path(tempfile.mkdtemp(prefix="minutebook-search-"))
        weakref.finalize(self, shutil.rmtree, self.staging, True)  # even when the build fails midway
        self.folder = self.staging / "data"
        self.report = self.staging / "report.json"
        self.cache_dir = cache_dir
        self.cached: dict[str, Any] | None = None  # the summary of a trusted cache entry, when used
        self.ignored = False  # an entry was there but could not be trusted
        # the documents go through a file, one at a time, so that this process never holds them all
        # (its memory stays free for MkDocs, which keeps every rendered page until the end)
        source = self.staging / "documents.pickle"
        digest = hashlib.sha256(FORMAT.encode() + b"\0" + code_version() + b"\0")
        digest.update(json.dumps(committees, sort_keys=True).encode() + b"\0")
        with open(source, "wb") as f:
            for doc in docs:
                data = pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)
                digest.update(len(data).to_bytes(8, "big") + data)
                f.write(data)
        self.key = digest.hexdigest()
        if cache_dir is not None:
            self.cached = _read_entry(cache_dir, self.key, self.folder)
            self.ignored = self.cached is None and (cache_dir / self.key).exists()
        if self.cached is not None:
            source.unlink()
            self.process = None
            return
        context = multiprocessing.get_context("spawn")
        self.process = context.Process(
            target=_work,
            name="minutebook-search",
            args=(
                str(source),
                str(self.folder),
                committees,
                str(self.report),
                None if cache_dir is None else str(cache_dir),
                self.key,
            ),
            daemon=True,
        )
        self.process.start()

    def finish(self, site_dir: Path) -> dict[str, Any]:
        """Wait for the worker; put its data into ``site_dir``; return its summary."""
        try:
            if self.process is None:  # from the cache (read into the staging folder)
                assert self.cached is not None
                self._place(site_dir)
                return self.cached
            self.process.join()
            result: dict[str, Any] = (
                json.loads(self.report.read_text(encoding="utf-8"))
                if self.report.exists()
                else {"ok": False, "error": f"the worker exited with code {self.process.exitcode}"}
            )
            if not result["ok"]:
                raise SearchBuildError("building the search index failed:\n" + result["error"])
            self._place(site_dir)
            return result["summary"]
        finally:
            self.cancel()

    def _place(self, site_dir: Path) -> None:
        target = Path(site_dir) / DATA
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(self.folder), str(target))

    def cancel(self) -> None:
        """Stop the worker if it still runs (a rebuild under `mkdocs serve` started another)."""
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join(5)
        shutil.rmtree(self.staging, ignore_errors=True)


PACK = "pack"  # an entry's files, one after another (its manifest gives their names and sizes)
_BLOCK = 1 << 20


def _read_entry(cache_dir: Path, key: str, into: Path) -> dict[str, Any] | None:
    """Unpack the entry ``key`` into ``into`` and return its summary, or None when there is none or it
    cannot be trusted (its manifest does not match the pack's size and SHA-256, or names a file
    outside the folder)."""
    entry = cache_dir / key
    try:
        header = json.loads((entry / "manifest.json").read_text(encoding="utf-8"))
        if not (
            isinstance(header, dict)
            and header.get("format") == FORMAT
            and header.get("key") == key
            and isinstance(header.get("summary"), dict)
            and isinstance(header.get("files"), list)
            and isinstance(header.get("sha256"), str)
        ):
            return None
        files = header["files"]
        if not all(_well_formed(item) for item in files):
            return None
        digest = hashlib.sha256()
        with open(entry / PACK, "rb") as pack:
            if os.fstat(pack.fileno()).st_size != sum(size for _, size in files):
                return None
            into.mkdir(parents=True)
            for name, size in files:
                target = into / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "xb") as out:
                    left = size
                    while left:
                        block = pack.read(min(left, _BLOCK))
                        if not block:
                            raise ValueError("the pack is shorter than its manifest")
                        digest.update(block)
                        out.write(block)
                        left -= len(block)
        if digest.hexdigest() != header["sha256"]:
            raise ValueError("the pack's digest does not match its manifest")
    except (OSError, ValueError):
        shutil.rmtree(into, ignore_errors=True)
        return None
    return header["summary"]


def _well_formed(item: Any) -> bool:
    """A manifest's [name, size]: a relative path that stays in the data folder, and a size."""
    if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str) and type(item[1]) is int):
        return False
    name, size = item
    parts = name.split("/")
    return size >= 0 and all(part not in ("", ".", "..") and "\\" not in part for part in parts)


def _write_entry(cache_dir: Path, key: str, folder: Path, summary: dict[str, Any]) -> bool:
    """Keep the data as the entry ``key`` (the only one: the cache holds one site): its files packed
    one after another into one file, so that keeping and reading it creates two files, not one per
    file of the data (thousands, each costly to create); False when the cache cannot be written
    (the build goes on without it)."""
    temporary = cache_dir / f"{key}.{os.getpid()}.tmp"
    try:
        temporary.mkdir(parents=True)
        digest = hashlib.sha256()
        files: list[list[Any]] = []
        with open(temporary / PACK, "wb") as pack:
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    data = path.read_bytes()
                    digest.update(data)
                    pack.write(data)
                    files.append([path.relative_to(folder).as_posix(), len(data)])
        header = {"format": FORMAT, "key": key, "summary": summary, "files": files, "sha256": digest.hexdigest()}
        (temporary / "manifest.json").write_text(json.dumps(header), encoding="utf-8")
        entry = cache_dir / key
        if entry.exists():
            shutil.rmtree(entry)
        os.replace(temporary, entry)
        for other in cache_dir.iterdir():
            if (
                other.name not in (key, PARTS)
                and not other.name.endswith(".tmp")
                and other.is_dir()
                and not other.is_symlink()
            ):
                shutil.rmtree(other, ignore_errors=True)
    except OSError:
        with contextlib.suppress(OSError):
            shutil.rmtree(temporary, ignore_errors=True)
        return False
    return True
