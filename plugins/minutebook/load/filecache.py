"""The parsed-file cache in ``<cache_dir>/model/``: each meeting file's parsed front matter, body and
problems, keyed by its bytes, its place in the archive and everything else the reading depends on.

A warm ``minutebook check`` or build reads the bytes of every file (after the symbolic-link check:
nothing is hashed that would not be read) and, when an entry for exactly those bytes exists, takes
the parsed result and replays the problems the cold read recorded, word for word, with their lines.
The key holds Minutebook's version, a hash of its own source (any change to the code reads everything
again), council.yml's bytes, the file's path in the archive and the reading's arguments. An entry is
trusted only if its checksum matches and it unpickles into the few types a parsed file is made of:
a damaged, cut-short or foreign entry is ignored (counted) and the file read again.

A minutes file's entry also holds its parsed minutes (load/reading.read_front_matter_and: the parsing's
other inputs, the municipal year, numbering and date, are in the key). :meth:`FileCache.part` gives a
cache of the same context in a subfolder for results worked out across files: ``topics/`` holds each
committee's title comparisons (link/topics.py), keyed by a digest of its titles and meetings.
:meth:`FileCache.memo` gives a :class:`TextMemo`: one pure function's results by their text's digest
(``sanitize.memo``: the sanitiser's cleaned text of every officer text), or a set of texts known to
have a property (``citations.memo``: the texts that cite nothing), checked as an entry is.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import pickle
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import minutebook

PACKAGE = Path(minutebook.__file__).resolve().parent
MAGIC = b"minutebook-model-1\n"
DIGEST = 32  # sha256 of the pickled payload, after MAGIC


@functools.cache
def code_version() -> bytes:
    """Minutebook's version and a hash of every module of the package: what reads a file, and what
    renders a page (the page cache's fingerprint). Made once a process: a running process does not
    load changed modules."""
    digest = hashlib.sha256(minutebook.__version__.encode())
    for source in sorted(PACKAGE.rglob("*.py")):
        digest.update(source.relative_to(PACKAGE).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.digest()


# what a parsed file is made of: anything else in an entry means it is not ours
ALLOWED = {
    "builtins": {"dict", "list", "tuple", "set", "frozenset", "str", "int", "float", "bool", "bytes"},
    "datetime": {"date", "datetime", "time", "timedelta", "timezone"},
    "copyreg": {"_reconstructor"},
}
ALLOWED_PREFIXES = ("minutebook.model", "minutebook.load", "minutebook.problems")


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if name in ALLOWED.get(module, ()):
            return super().find_class(module, name)
        if module.startswith(ALLOWED_PREFIXES) and not name.startswith("_"):
            found = super().find_class(module, name)
            if isinstance(found, type):  # classes only: no function of ours is called by an entry
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a parsed file")


@dataclass
class FileCache:
    """One run's view of the cache folder, with what it did (for the log and the tests)."""

    folder: Path
    context: bytes = b""  # code version and council.yml, set by :meth:`open`
    hits: int = 0  # files whose parsed result came from the cache
    read: int = 0  # files parsed from their text (and stored)
    ignored: int = 0  # entries found but not trusted
    unwritten: int = 0  # entries that could not be stored
    read_paths: list[str] = field(default_factory=list)  # the files parsed from their text

    @classmethod
    def open(cls, folder: Path, root: Path) -> FileCache:
        council = root / "council.yml"
        try:
            council_bytes = council.read_bytes() if council.is_file() and not council.is_symlink() else b""
        except OSError:
            council_bytes = b""
        context = hashlib.sha256(code_version() + hashlib.sha256(council_bytes).digest()).digest()
        return cls(Path(folder), context)

    def part(self, name: str) -> FileCache:
        """A cache for results worked out across files (topics' title comparisons), in ``<folder>/<name>``
        with the same context and its own counts (``hits`` and ``read`` here count files)."""
        return FileCache(self.folder / name, self.context)

    def memo(self, name: str, function: Callable[[str], str] | None = None, *, prune: bool = True) -> TextMemo:
        """``function`` (pure: its result depends on its text and Minutebook's code only) remembered
        across runs in ``<folder>/<name>.memo``; ``prune``: keep only the texts this run asked for."""
        return TextMemo(self, name, function, prune)

    def key(self, rel: str, data: bytes, *args: object) -> str:
        digest = hashlib.sha256(self.context)
        digest.update(repr((rel, args)).encode())
        digest.update(hashlib.sha256(data).digest())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str, valid: Callable[[object], bool]) -> Any | None:
        """The entry stored under ``key``, or None (missing, or not trusted: counted in ``ignored``).
        ``valid`` says whether a value has the shape the caller stores."""
        found = self.get_file(self._path(key), key, valid)
        if found is not None:
            self.hits += 1
        return found

    def get_file(self, path: Path, key: str, valid: Callable[[object], bool]) -> Any | None:
        """The entry in ``path``, stored under ``key`` (see :meth:`get`; a damaged one is counted in
        ``ignored``, a trusted one is the caller's to count)."""
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        payload = blob[len(MAGIC) + DIGEST :]
        if not blob.startswith(MAGIC) or blob[len(MAGIC) : len(MAGIC) + DIGEST] != hashlib.sha256(payload).digest():
            self.ignored += 1
            return None
        try:
            entry = _Unpickler(io.BytesIO(payload)).load()
        except Exception:
            self.ignored += 1
            return None
        if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == key and valid(entry[1])):
            self.ignored += 1
            return None
        return entry[1]

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key``, atomically; a folder that cannot be written is counted, not fatal."""
        if not self.put_file(self._path(key), key, value):
            self.unwritten += 1

    def put_file(self, path: Path, key: str, value: Any) -> bool:
        """Store ``value`` in ``path`` under ``key``, atomically; False when it cannot be written."""
        try:
            payload = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(MAGIC + hashlib.sha256(payload).digest() + payload)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return False
        return True

    def line(self) -> str:
        """What the cache did, for the log."""
        text = f"parsed-file cache: {self.hits} files from the cache, {self.read} read"
        if self.ignored:
            text += f", {self.ignored} entries ignored (damaged or not ours)"
        if self.unwritten:
            text += f", {self.unwritten} could not be stored"
        return text


class TextMemo:
    """A pure function of text, remembered by the text's digest (BLAKE2b, 128 bits) in one file; or,
    with no function, a set of texts known to have some property (:meth:`has`, :meth:`add`).

    Most officer texts come out of the sanitiser unchanged: those are kept as their digest alone.
    The file is trusted as an entry is (its checksum, the cache's context, the types it holds); a
    damaged one is ignored and counted, and every text worked out again. :meth:`save` writes it
    back only when this run worked out a text afresh or left some unused."""

    def __init__(self, cache: FileCache, name: str, function: Callable[[str], str] | None, prune: bool):
        self.cache, self.function, self.prune = cache, function, prune
        self.key = f"{name}.memo"
        self.known: dict[bytes, str | None] = {}
        self.used: dict[bytes, str | None] = {}
        self.computed = 0
        found = cache.get_file(cache.folder / self.key, self.key, _is_memo)  # None when there is none
        if found is not None and found[0] == cache.context:  # another version's results are not ours
            self.known = found[1]

    @staticmethod
    def digest(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def __call__(self, text: str) -> str:
        assert self.function is not None
        if not text:
            return self.function(text)
        digest = self.digest(text)
        if digest in self.known:
            value = self.known[digest]
            self.used[digest] = value
            return text if value is None else value
        result = self.function(text)
        self.computed += 1
        self.used[digest] = self.known[digest] = None if result == text else result
        return result

    def has(self, digest: bytes) -> bool:
        """Whether the text of ``digest`` is one of the set's (and so kept by :meth:`save`)."""
        if digest in self.known:
            self.used[digest] = None
            return True
        return False

    def add(self, digest: bytes) -> None:
        self.computed += 1
        self.used[digest] = self.known[digest] = None

    def save(self) -> None:
        """Keep the results (not counted among the files: a memo that cannot be written costs the next
        run the time of working them out, nothing else)."""
        if self.computed or (self.prune and len(self.used) != len(self.known)):
            kept = self.used if self.prune else self.known
            self.cache.put_file(self.cache.folder / self.key, self.key, (self.cache.context, kept))


def _is_memo(value: object) -> bool:
    if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], bytes)):
        return False
    known = value[1]
    return isinstance(known, dict) and all(
        isinstance(k, bytes) and len(k) == 16 and (v is None or isinstance(v, str)) for k, v in known.items()
    )
