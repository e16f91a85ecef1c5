"""The search page at ``search/``: its front matter picks the template overrides/search-page.html,
which holds the form and the result list; the Markdown here is what shows without JavaScript."""

from __future__ import annotations

import json

from minutebook.model import Archive, urls
from minutebook.render.common import link

SEARCH_URL = "search/"


def search_page(archive: Archive) -> tuple[str, str]:
    """(source path, Markdown) of the search page."""
    meta = {
        "title": "Search",
        "template": "search-page.html",
        "search": {"exclude": True},
        "description": "Search the agendas, minutes, papers, work programmes and trackers",
        "minutebook": {"kind": "search", "breadcrumbs": []},
    }
    committees = sorted((c for c in archive.committees.values() if not c.hidden), key=lambda c: c.name.lower())
    links = "\n".join(f"- {link(c.name, SEARCH_URL, urls.committee(c))}" for c in committees)
    body = (
        '<div class="mb-search-nojs" markdown="1">\n\n'
        "Search needs JavaScript, which is switched off or not available in this browser. "
        "Every paper can still be found from its committee's page:\n\n"
        f"{links or '- ' + link('Committees', SEARCH_URL, urls.COMMITTEES)}\n\n</div>\n"
    )
    return urls.src(SEARCH_URL), f"---\n{json.dumps(meta, ensure_ascii=False)}\n---\n\n{body}"
