"""Build the search data in a worker process while MkDocs renders the pages.

MkDocs renders on one core; the shards are built on the other. :class:`Job` takes the documents
(plain data, made from the published model in the main process), starts a fresh interpreter
("spawn": it imports only this package, never MkDocs) and returns at once; :meth:`Job.finish`
waits for it and moves the finished ``data`` folder into the site. The worker writes into a
staging folder, because ``mkdocs build`` empties the site folder after the files are collected.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import shutil
import tempfile
import traceback
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from minutebook.search import shards
from minutebook.search.documents import Document

DATA = "search/data"  # where the data lives in the site


def _work(source: str, folder: str, committees: dict[str, str], report: str) -> None:
    """The worker process: read the documents, write the search data and a report."""
    try:
        docs = []
        with open(source, "rb") as f:
            while True:
                try:
                    docs.append(pickle.load(f))
                except EOFError:
                    break
        os.unlink(source)
        summary = shards.write(docs, Path(folder), committees).as_dict()
        Path(report).write_text(json.dumps({"ok": True, "summary": summary}), encoding="utf-8")
    except BaseException:  # the parent reports it; a worker never dies silently
        Path(report).write_text(json.dumps({"ok": False, "error": traceback.format_exc()}), encoding="utf-8")
        raise


class SearchBuildError(RuntimeError):
    pass


class Job:
    def __init__(self, docs: Iterable[Document], committees: dict[str, str]):
        self.staging = Path(tempfile.mkdtemp(prefix="minutebook-search-"))
        weakref.finalize(self, shutil.rmtree, self.staging, True)  # even when the build fails midway
        self.folder = self.staging / "data"
        self.report = self.staging / "report.json"
        # the documents go through a file, one at a time, so that this process never holds them all
        # (its memory stays free for MkDocs, which keeps every rendered page until the end)
        source = self.staging / "documents.pickle"
        with open(source, "wb") as f:
            for doc in docs:
                pickle.dump(doc, f, protocol=pickle.HIGHEST_PROTOCOL)
        context = multiprocessing.get_context("spawn")
        self.process = context.Process(
            target=_work,
            name="minutebook-search",
            args=(str(source), str(self.folder), committees, str(self.report)),
            daemon=True,
        )
        self.process.start()

    def finish(self, site_dir: Path) -> dict[str, Any]:
        """Wait for the worker; put its data into ``site_dir``; return its summary."""
        try:
            self.process.join()
            result: dict[str, Any] = (
                json.loads(self.report.read_text(encoding="utf-8"))
                if self.report.exists()
                else {"ok": False, "error": f"the worker exited with code {self.process.exitcode}"}
            )
            if not result["ok"]:
                raise SearchBuildError("building the search index failed:\n" + result["error"])
            target = Path(site_dir) / DATA
            if target.exists():
                shutil.rmtree(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(self.folder), str(target))
            return result["summary"]
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop the worker if it still runs (a rebuild under `mkdocs serve` started another)."""
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(5)
        shutil.rmtree(self.staging, ignore_errors=True)
