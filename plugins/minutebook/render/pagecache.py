"""The page cache: finished HTML of generated pages in ``<cache_dir>/pages/``, keyed by everything
that reaches the page (its Markdown, which carries the clock's effect, its address and the site's
rendering fingerprint: theme files, configuration, nav, versions).

A page with a dependency key (render/dependencies: the site's shape and its meetings' texts) also has an
alias, ``<key>.dep``, naming the page key it had: a build whose dependency key matches takes the page
without building its Markdown; a missing or damaged alias, or one naming a missing entry, is passed by.

An entry is one file: a JSON header line (format, key, size and SHA-256 of the HTML, the anchors the
page holds and the links it makes, and the page's address, so a page from the cache is still link-checked) and the HTML. An
entry whose header, size or digest does not match — truncated, edited, from another version — is
ignored and rendered afresh, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

FORMAT = "minutebook-page-cache 2"


def page_key(fingerprint: str, src: str, markdown: str) -> str:
    digest = hashlib.sha256()
    for part in (FORMAT, fingerprint, src, markdown):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass
class Entry:
    html: bytes
    ids: list[str]
    links: list[list[str]]  # [target src, anchor, link as written]
    src: str = ""  # the page it is (an alias naming another page's entry is not trusted)


def _path(folder: Path, key: str) -> Path:
    return folder / key[:2] / key


def read(folder: Path, key: str, src: str) -> Entry | None:
    """The entry for ``key`` of page ``src``, or None when there is none or it cannot be trusted."""
    try:
        data = _path(folder, key).read_bytes()
    except OSError:
        return None
    head, sep, html = data.partition(b"\n")
    if not sep:
        return None
    try:
        header = json.loads(head)
    except ValueError:
        return None
    if (
        not isinstance(header, dict)
        or header.get("format") != FORMAT
        or header.get("key") != key
        or header.get("src") != src
        or header.get("size") != len(html)
        or header.get("sha256") != hashlib.sha256(html).hexdigest()
        or not isinstance(header.get("ids"), list)
        or not isinstance(header.get("links"), list)
    ):
        return None
    return Entry(html, header["ids"], header["links"], src)


def write(folder: Path, key: str, entry: Entry) -> bool:
    """Store ``entry``; False when the cache cannot be written (the build goes on without it)."""
    path = _path(folder, key)
    header = {
        "format": FORMAT,
        "key": key,
        "src": entry.src,
        "size": len(entry.html),
        "sha256": hashlib.sha256(entry.html).hexdigest(),
        "ids": entry.ids,
        "links": entry.links,
    }
    return _replace(path, json.dumps(header).encode("utf-8") + b"\n" + entry.html)


def _replace(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` whole or not at all (a temporary file renamed); False when it cannot be written."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return False
    return True


ALIAS = "minutebook-page-alias 1"


def alias_name(alias: str) -> str:
    """The file name of a dependency key's alias (beside the entries, so one prune keeps both)."""
    return f"{alias}.dep"


def read_alias(folder: Path, alias: str) -> str | None:
    """The page key last stored for a dependency key (render/dependencies), or None."""
    try:
        text = (folder / alias[:2] / alias_name(alias)).read_text(encoding="ascii")
    except (OSError, ValueError):
        return None
    head, _, rest = text.partition("\n")
    named, _, key = rest.partition(" ")
    if head != ALIAS or named != alias or len(key) != 64 or key.strip("0123456789abcdef"):
        return None
    return key


def write_alias(folder: Path, alias: str, key: str) -> bool:
    """Remember that the page whose dependency key is ``alias`` has the page key ``key``."""
    return _replace(folder / alias[:2] / alias_name(alias), f"{ALIAS}\n{alias} {key}".encode("ascii"))


def prune(folder: Path, keep: set[str]) -> int:
    """Delete the entries this build did not use (the cache holds one site); returns how many."""
    removed = 0
    if not folder.is_dir():
        return 0
    for sub in folder.iterdir():
        if not sub.is_dir() or sub.is_symlink():
            continue
        for path in sub.iterdir():
            if path.name not in keep and not path.name.endswith(".tmp"):  # another build's, being written
                try:
                    path.unlink(missing_ok=True)
                except OSError:  # a read-only cache: the next build that can write prunes it
                    continue
                removed += 1
    return removed
