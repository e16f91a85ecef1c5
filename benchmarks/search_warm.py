"""Search worker benchmark (issue 15): the CPU the search worker spends on a cold build and on a warm
build after one edit, with the parts cache (<cache_dir>/search/parts/), on a `minutebook demo` archive.

It builds the archive's documents once, then times what the worker process does (read the pickled
documents, write the search data): a cold build into an empty parts cache; a warm build after one
minute gained a sentence; and a cold build of the edited documents with no cache, which must be the
warm build's data byte for byte (the script fails if not).

    python3 benchmarks/search_warm.py                     # 8k items
    python3 benchmarks/search_warm.py --items 20000 --reuse /tmp/mb-scale

Not a test and not run in CI; the machine may be shared, so run the before and after back to back.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import NOW, REPO, demo_archive

sys.path.insert(0, str(REPO / "plugins"))

from minutebook.build import build
from minutebook.search import documents, shards
from minutebook.search.worker import Pickled
from minutebook.settings import SiteSettings


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def timed(docs: list[documents.Document], committees: dict[str, str], out: Path, parts: Path | None):
    """The worker's CPU seconds for ``docs`` (from a pickled file, as the worker reads them)."""
    source = out.with_suffix(".pickle")
    with open(source, "wb") as f:
        for doc in docs:
            f.write(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
    start = time.process_time()
    with Pickled(source) as stream:
        summary = shards.write(stream, out, committees, parts=parts)
    return time.process_time() - start, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=8000)
    parser.add_argument("--reuse", type=Path, help="make the archive here, or reuse the one already there")
    args = parser.parse_args()
    folder = args.reuse or Path(tempfile.mkdtemp(prefix="mb-search-warm-"))
    meetings = demo_archive(folder, args.items)
    settings = SiteSettings(templates=REPO / "overrides" / "minutebook")
    result = build(meetings, dt.date.fromisoformat(NOW), history=False, settings=settings, render=False)
    docs = documents.collect(result.archive)
    committees = {c.slug: c.name for c in result.archive.committees.values()}
    work = Path(tempfile.mkdtemp(prefix="mb-search-warm-run-"))
    try:
        cold, summary = timed(docs, committees, work / "cold", work / "parts")
        print(f"{len(docs)} documents, {summary.shards} shards")
        print(f"cold build: {cold:.2f} s CPU")
        n = next(k for k, d in enumerate(docs) if d.kind == "minutes" and k > len(docs) // 2)
        anchor, text = docs[n].segments[0]
        segments = [(anchor, text + " The committee noted the update on drainage."), *docs[n].segments[1:]]
        edited = [*docs[:n], dataclasses.replace(docs[n], segments=segments), *docs[n + 1 :]]
        warm, summary = timed(edited, committees, work / "warm", work / "parts")
        print(f"warm one-edit build: {warm:.2f} s CPU, {summary.reused} of {summary.shards} shards copied")
        plain, _ = timed(edited, committees, work / "plain", None)
        print(f"the edited documents without a cache: {plain:.2f} s CPU")
        if files(work / "warm") != files(work / "plain"):
            sys.exit("the warm build's search data differs from the build without a cache")
        print("the warm build's search data is the uncached build's, byte for byte")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
