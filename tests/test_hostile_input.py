"""Script payloads in titles, bodies and front-matter fields never run in a real browser."""

from __future__ import annotations

import pytest
from browser import chromium, serve
from helpers import fixture_project, mkdocs_build

FLAG = "window.__pwned = 1"
PAYLOADS = {
    "people.yml": f"""\
        evil:
          name: "<img src=x onerror='{FLAG}'>Eve"
          full_name: "<script>{FLAG}</script>"
        """,
    "board/committee.md": f"""\
        ---
        name: "Board <script>{FLAG}</script>"
        short_name: "</title><script>{FLAG}</script>"
        contact: {{name: "<svg onload='{FLAG}'>", email: x@example.org}}
        ---
        <iframe src="javascript:{FLAG}"></iframe>
        <p style="display:none" onmouseover="{FLAG}">hidden</p>
        [click me](javascript:alert(1))
        <javascript:alert(2)>
        """,
    "board/2020-01-09/meeting.md": f"""\
        ---
        start: "10:00"
        place: "\\"><img src=x onerror='{FLAG}'>"
        public_access: "<a href='javascript:{FLAG}'>access</a> <b onclick='{FLAG}'>bold</b>"
        items:
          - number: 1
            title: "Budget <script>{FLAG}</script>"
            lead: "<img src=x onerror=alert(1)>"
        ---
        Notes <object data="javascript:alert(1)"></object>
        """,
    "board/2020-01-09/minutes.md": f"""\
        ---
        attendance:
          present: ["<script>{FLAG}</script> (Chair)"]
        ---

        ## 1. Budget <script>{FLAG}</script>

        Text <img src=x onerror="{FLAG}"> and <a href="  javascript:{FLAG}">a link</a>.

        <script>
        {FLAG}
        </script>

        RESOLVED that <svg><script>{FLAG}</script></svg> be noted.
        """,
    "board/2020-01-09/papers/report.md": f"""\
        ---
        item: 1
        kind: report
        title: "Report <img src=x onerror='{FLAG}'>"
        authors: [{{name: "<script>{FLAG}</script>", email: "a@example.org"}}]
        presented_by: {{name: "<img src=x onerror='{FLAG}'>Pat", role: "\\"><script>{FLAG}</script>", email: "p@example.org"}}
        ---
        1.1 <details open ontoggle="{FLAG}">x</details>

        | a | b |
        |---|---|
        | <img src=x onerror="{FLAG}"> | [x](javascript:alert(1)) |
        """,
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    config = fixture_project(root, PAYLOADS)
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_no_script_runs_on_any_generated_page(hostile_site):
    pages = sorted(
        p for p in hostile_site.rglob("index.html") if not any(part in ("assets", "search") for part in p.parts)
    )
    assert len(pages) >= 7
    with serve(hostile_site) as base, chromium() as browser:
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in pages:
            rel = path.parent.relative_to(hostile_site).as_posix()
            url = base + ("" if rel == "." else rel + "/")
            response = page.goto(url)
            assert response.ok, url
            page.wait_for_load_state("load")
            # hovering and toggling would fire leftover handlers
            for selector in ("b", "p", "details", "img"):
                for element in page.query_selector_all(f"article {selector}")[:5]:
                    try:
                        element.hover(timeout=500)
                    except Exception:
                        pass
            assert page.evaluate("window.__pwned") is None, f"script ran on {url}"
        assert dialogs == []


def test_payloads_are_shown_as_text_or_removed(hostile_site):
    html = (hostile_site / "board/2020-01-09/index.html").read_text(encoding="utf-8")
    assert "onerror" not in html and "javascript:" not in html.replace("javascript:void", "")
    assert "<script>window.__pwned" not in html
    assert "Budget" in html
    # the paper's presenter (presented_by) is printed as text, on the paper's page and in the print pack
    pages = [
        p for p in hostile_site.rglob("index.html") if "Presented at the meeting by" in p.read_text(encoding="utf-8")
    ]
    assert len(pages) >= 2, pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "onerror" not in html and "<script>window.__pwned" not in html, page
        assert "Pat" in html and "p@example.org" in html, page
