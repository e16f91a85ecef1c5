"""Full-text search of the published archive: prebuilt lunr indexes, answered by lunr.js.

At build time (:func:`start`): the published model → documents (:mod:`.documents`) → terms
(:mod:`.text`) → lunr 2.3.9 shards with archive-wide weights (:mod:`.lunr_index`), a routing index
and a snippet store (:mod:`.shards`), built in a worker process (:mod:`.worker`) while MkDocs
renders. In the browser, ``overrides/assets/minutebook/search.js`` fetches only the routing buckets
of the query's words, the shards that hold them all, and the text of the results it shows.
docs/search.md explains it for IT and for the public.
"""

from __future__ import annotations

from pathlib import Path

from minutebook.model import Archive
from minutebook.search.documents import KINDS, Document, collect, iter_documents
from minutebook.search.page import SEARCH_URL, search_page
from minutebook.search.worker import DATA, Job

__all__ = ["DATA", "KINDS", "SEARCH_URL", "Document", "Job", "collect", "iter_documents", "search_page", "start"]


def start(archive: Archive, cache_dir: Path | None = None) -> Job:
    """Begin building the search data of the published ``archive``; ``Job.finish(site_dir)`` ends it.
    ``cache_dir``: where finished data is kept (``<cache_dir>/search``), or None for no cache."""
    committees = {c.slug: c.name for c in archive.committees.values()}
    return Job(iter_documents(archive), committees, cache_dir)
