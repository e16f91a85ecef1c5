"""Search in a real browser (headless Chromium): the acceptance queries on the repository's archive,
hostile queries, the address bar and back button, the keyboard, no JavaScript, the header box, a
site under a sub-path, and work-programme and tracker results in a fixture archive."""

from __future__ import annotations

import json
import shutil
from urllib.parse import quote_plus

import pytest
from browser import serve
from helpers import REPO, fixture_project, mkdocs_build

MEETINGS = REPO / "meetings" / "education-childrens-services"


def results(page):
    """(title, href, text) of each result, after the search has finished."""
    page.wait_for_selector("[data-search-done]", timeout=60_000)
    return [
        (li.query_selector("a").inner_text(), li.query_selector("a").get_attribute("href"), li.inner_text())
        for li in page.query_selector_all("[data-search-results] > li.mb-search-result")
    ]


def search(page, base, query, **facets):
    params = "&".join(f"{k}={quote_plus(v)}" for k, v in {"q": query, **facets}.items())
    page.goto(f"{base}search/?{params}")
    return results(page)


@pytest.fixture(scope="module")
def browser_page(sample_site, browser):
    site, _ = sample_site
    with serve(site) as base:
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        yield page, base
        assert errors == []


def needs(*paths):
    missing = [p for p in paths if not (MEETINGS / p).exists()]
    if missing:
        pytest.skip(f"waits on the imported seed archive: meetings/education-childrens-services/{missing[0]} is absent")


@pytest.mark.parametrize(
    "query, day, anchor",
    [
        ("Maundy", "2018-01-11", "#minute"),
        ("Trojan Horse", "2016-01-07", "#minute"),
        ("Holiday Activities and Food", "2021-06-24", "#part-c"),
    ],
)
def test_acceptance_queries_put_the_right_minutes_first(browser_page, query, day, anchor):
    needs(f"{day}/minutes.md")
    page, base = browser_page
    found = search(page, base, query)
    assert found, query
    _title, href, text = found[0]
    assert f"/{day}/" in href and href.endswith(anchor), (query, found[0])
    assert "Minutes" in text
    marks = [m.inner_text().lower() for m in page.query_selector_all("[data-search-results] li:first-child mark")]
    assert marks and all(m.split()[0][:4] in query.lower() for m in marks)
    page.click("[data-search-results] li:first-child a")
    page.wait_for_load_state("load")
    assert f"/{day}/" in page.url and page.url.endswith(anchor)
    assert page.query_selector(anchor) is not None


def test_wisteria_lodge_finds_its_2016_17_work_programme_entry(browser_page):
    needs("programmes/2016-17.md")
    page, base = browser_page
    found = search(page, base, "Wisteria Lodge")
    entries = [r for r in found if "Work programme" in r[2]]
    assert entries, found
    assert "Wisteria Lodge" in entries[0][2]
    assert search(page, base, "Wisteria Lodge", kind="programme", year="2016")[0][2] == entries[0][2]


def test_paternity_leave_finds_its_tracker_row(browser_page):
    needs("tracker/2017-04-27.md")
    page, base = browser_page
    found = search(page, base, "paternity leave")
    rows = [r for r in found if "Tracker" in r[2]]
    assert rows, found
    assert "paternity leave" in rows[0][2].lower()


def test_a_phrase_needs_its_words_in_order(browser_page):
    page, base = browser_page
    loose = search(page, base, "Scrutiny Board children")
    exact = search(page, base, '"children scrutiny board"')
    assert loose and len(exact) < len(loose)


def test_filters_and_order(browser_page):
    page, base = browser_page
    everything = search(page, base, "school")
    papers = search(page, base, "school", kind="paper")
    assert papers and len(papers) <= len(everything) and all("Paper ·" in r[2] for r in papers)
    newest = search(page, base, "school", sort="newest")
    dates = [page.evaluate("(t) => Date.parse(t)", r[2].split(" · ")[-1].split("\n")[0]) for r in newest]
    assert dates == sorted(dates, reverse=True)
    assert page.input_value("select[name=sort]") == "newest"


HOSTILE = [
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror="window.__pwned=1">',
    'it\'s "quoted" & <b>bold</b>',
    "javascript:window.__pwned=1",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_a_hostile_query_is_shown_as_text_and_runs_nothing(browser_page, query):
    page, base = browser_page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    search(page, base, query)
    status = page.inner_text("[data-search-status]")
    assert query in status
    assert page.input_value("#mb-q") == query
    assert page.evaluate("window.__pwned") is None and dialogs == []
    assert page.query_selector("[data-search-results] img, [data-search-results] script, .mb-search b") is None


def test_address_and_back_button(browser_page):
    page, base = browser_page
    first = search(page, base, "health")
    page.fill("#mb-q", "governors")
    page.evaluate("document.querySelector('[data-mb-search]').removeAttribute('data-search-done')")
    page.press("#mb-q", "Enter")
    second = results(page)
    assert "q=governors" in page.url and second != first
    page.evaluate("document.querySelector('[data-mb-search]').removeAttribute('data-search-done')")
    page.go_back()
    assert results(page) == first
    assert page.input_value("#mb-q") == "health" and "q=health" in page.url


def test_keyboard_alone(browser_page):
    page, base = browser_page
    page.goto(base + "search/")
    page.focus("#mb-q")
    page.keyboard.type("improvement board")
    page.keyboard.press("Enter")
    assert results(page)
    for _ in range(12):  # through the facets and past the status to the first result
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('[data-search-results]') !== null"):
            break
    assert page.evaluate("document.activeElement.tagName") == "A"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/" not in page.url


def test_header_box_opens_the_search_page(browser_page):
    page, base = browser_page
    page.goto(base + "committees/")
    page.fill("#mb-header-q", "governors")
    page.press("#mb-header-q", "Enter")
    assert results(page)
    assert page.url.startswith(base + "search/?q=governors")


def test_without_javascript_it_says_so_and_links_to_committees(sample_site, browser):
    site, _ = sample_site
    with serve(site) as base:
        page = browser.new_context(java_script_enabled=False).new_page()
        page.goto(base + "search/?q=health")
        text = page.inner_text("article")
        assert "Search needs JavaScript" in text
        assert not page.is_visible("#mb-q")
        page.click(".mb-search-fallback a")
        assert page.url.rstrip("/").endswith("education-childrens-services")


def test_works_under_a_sub_path(sample_site, browser, tmp_path):
    site, _ = sample_site
    shutil.copytree(site, tmp_path / "council" / "papers")
    with serve(tmp_path) as base:
        page = browser.new_page()
        found = search(page, base + "council/papers/", "health")
        assert found and all(href.startswith("../") for _, href, _ in found)
        page.click("[data-search-results] li:first-child a")
        page.wait_for_load_state("load")
        assert page.url.startswith(base + "council/papers/education-childrens-services/")


FIXTURE = {
    "board/committee.md": "---\nname: Parks Board\n---\n",
    "board/2020-01-09/meeting.md": """\
        ---
        start: "10:00"
        items:
          - number: 1
            title: Work Programme
        ---
        """,
    "board/2020-01-09/papers/programme.md": """\
        ---
        item: 1
        kind: briefing note
        title: Work Programme 2019/20
        ---
        1.1 The Board's plan for the year is attached.
        """,
    "board/programmes/2019-20.md": """\
        ---
        year: "2019/20"
        published_in: 2020-01-09/programme
        entries:
          - date: 2020-03-05
            title: Bandstand restoration
            detail: Members asked for a report on the Zephyrine Gardens bandstand.
            leads: [Jo Example]
        ---
        """,
    "board/tracker/2020-01-09.md": """\
        ---
        published_in: 2020-01-09/programme
        rows:
          - meeting: 2019-12-05
            item: Playgrounds
            kind: action
            text: Officers to inspect the Quillworth playground
            response: Inspection booked
        ---
        """,
}


def test_work_programme_entries_and_tracker_rows_are_found(browser, tmp_path):
    config = fixture_project(tmp_path, FIXTURE)
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    with serve(tmp_path / "site") as base:
        page = browser.new_page()
        entry = search(page, base, "Zephyrine bandstand")
        assert [r[0] for r in entry] == ["Bandstand restoration (planned for 5 March 2020)"]
        assert "Work programme · Parks Board · 9 January 2020" in entry[0][2]  # printed then: a plan, not a meeting
        assert entry[0][1] == "../board/programme/2019-20/#entry-1"  # the entry on its time line
        row = search(page, base, "Quillworth")
        assert [r[0] for r in row] == ["Playgrounds"] and "Tracker" in row[0][2]
        assert search(page, base, "Quillworth", kind="programme") == []


def test_the_public_static_pages_are_listed_after_the_papers_and_officers_guides_never(sample_site, browser_page):
    page, base = browser_page
    search(page, base, "screen reader")
    page.wait_for_selector(".mb-search-guides a", timeout=30_000)
    listed = [a.inner_text() for a in page.query_selector_all(".mb-search-guides a")]
    assert "Accessibility statement" in listed
    # the officers' guides (front matter `search: exclude: true`) are not in the index the page fetches
    site, _ = sample_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "accessibility/" in locations
    assert not [loc for loc in locations if loc.startswith("guide/") or loc == "architecture/"]


# -- best match from the postings, phrases, joined words ---------------------------------------------


def every_result(page, base, query, **facets):
    """(url|title, score) of every result, paging on with "More results" until there are no more."""
    search(page, base, query, **facets)
    while page.is_visible("[data-search-more]"):
        page.evaluate("document.querySelector('[data-mb-search]').removeAttribute('data-search-done')")
        page.click("[data-search-more]")
        page.wait_for_selector("[data-search-done]", timeout=60_000)
    return [
        (
            li.get_attribute("data-url") + "|" + li.query_selector("a").inner_text(),
            float(li.get_attribute("data-score")),
        )
        for li in page.query_selector_all("[data-search-results] > li.mb-search-result[data-url]")
    ]


@pytest.fixture(scope="module", params=["blocks", "shards"])
def small_blocks(sample_site, tmp_path_factory, request):
    """The sample site with its search data rewritten in postings blocks of 2, 3, 12, … entries, so
    that best match reads several blocks; and the documents it was made of. With "shards", a posting
    entry costs so much that best match searches the shards of the documents in doubt instead."""
    from minutebook.build import build
    from minutebook.search import documents, postings, shards

    site, _ = sample_site
    copy = tmp_path_factory.mktemp(request.param) / "site"
    shutil.copytree(site, copy)
    result = build(REPO / "meetings", history=False, render=False)
    docs = documents.collect(result.archive)
    shutil.rmtree(copy / "search" / "data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(postings, "FIRST_BLOCK", 2)
        patch.setattr(postings, "NEXT_BLOCK", 3)
        patch.setattr(postings, "ENTRY_BYTES", 4 if request.param == "blocks" else 10**6)
        shards.write(docs, copy / "search" / "data", {c.slug: c.name for c in result.archive.committees.values()})
    return copy, docs


@pytest.mark.parametrize("query", ["health", "children services", "school places", "board report", "social"])
def test_best_match_ranks_as_one_index_of_the_whole_archive(browser, small_blocks, query):
    from test_search_shards import one_index_scores

    site, docs = small_blocks
    with serve(site) as base:
        page = browser.new_page()
        fetched = []
        page.on("request", lambda r: fetched.append(r.url))
        expected = one_index_scores(docs, " ".join("+" + w for w in query.split()))
        if query == "health":  # one word: the first page already counts every result (its list's length)
            search(page, base, query, sort="relevance")
            assert page.inner_text("[data-search-status]").startswith(f"{len(expected)} results for")
        found = every_result(page, base, query, sort="relevance")
        assert found and sorted(found) == expected
        assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)
        read = {kind: any(f"/search/data/{kind}/" in u for u in fetched) for kind in "ps"}
        if query == "health":  # a word in most of the archive: ranked from its postings, not the shards
            assert read == {"p": True, "s": False}
        if query == "children services" and "shards" in site.parent.name:  # the documents in doubt from shards
            assert read["s"]
        page.close()


def phrase_holders(docs, phrase):
    """Brute force: url|title of every document whose words hold the phrase's, in order."""
    from minutebook.search import text

    want = text.terms(phrase)
    out = []
    for doc in docs:
        seq = text.terms(doc.title + "\n" + doc.text)
        if any(seq[i : i + len(want)] == want for i in range(len(seq) - len(want) + 1)):
            out.append(doc.url + "|" + doc.title)
    return sorted(out)


@pytest.mark.parametrize(
    "query, phrase",
    [
        ('"health visiting"', "health visiting"),
        ('"looked after children"', "looked after children"),
        ("\u201cchildren's services scrutiny board\u201d", "children's services scrutiny board"),
        ('"improvement board progress report"', "improvement board progress report"),
        ('"task and finish group"', "task and finish group"),
        ('"Holiday Activities and Food"', "Holiday Activities and Food"),
        ("2015/16", "2015 16"),  # a joined form typed is the phrase of its parts
        ("users/carers", "users carers"),
    ],
)
def test_a_phrase_finds_exactly_the_documents_that_hold_it(browser, small_blocks, query, phrase):
    site, docs = small_blocks
    expected = phrase_holders(docs, phrase)
    assert len(expected) >= 1
    with serve(site) as base:
        page = browser.new_page()
        for order in ("relevance", "newest"):
            found = every_result(page, base, query, sort=order)
            assert sorted(u for u, _ in found) == expected, order
        page.close()


@pytest.mark.parametrize("query", ["carers", "users carers", "users/carers", "user/carer"])
def test_a_slash_joined_word_is_found_by_its_halves(browser_page, query):
    needs("2018-01-11/minutes.md")
    page, base = browser_page
    found = search(page, base, query)
    assert any("/2018-01-11/" in href and "Minutes" in text for _, href, text in found), found
