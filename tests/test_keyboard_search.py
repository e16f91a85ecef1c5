"""The search page as a keyboard, screen-reader or no-JavaScript user meets it, in Chromium: one search
landmark (the page's own form; the header's box is a plain form there), the header's box shows the
words the page shows results for, and without JavaScript the page says truthfully what it cannot do
and offers the ways to browse."""

from __future__ import annotations

import pytest

LANDMARKS = "() => [...document.querySelectorAll('[role=search], search')].map((e) => e.getAttribute('aria-label'))"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_search_page_has_one_search_landmark_and_other_pages_the_headers(browser, site_base, width):
    page = browser.new_page(viewport={"width": width, "height": 844})
    page.goto(site_base + "search/?q=Improvement+Board")
    page.wait_for_selector("[data-search-done]", timeout=60_000)
    assert page.evaluate(LANDMARKS) == ["Search the papers"]
    assert page.evaluate("document.querySelector('[role=search]').contains(document.getElementById('mb-q'))")
    # the accessibility tree agrees: one landmark of role search
    tree = page.accessibility.snapshot() if hasattr(page, "accessibility") else None
    if tree:

        def roles(node):
            yield node.get("role")
            for child in node.get("children", []):
                yield from roles(child)

        assert list(roles(tree)).count("search") <= 1
    page.goto(site_base + "committees/")
    assert page.evaluate(LANDMARKS) == ["Search the papers"]
    assert page.evaluate("document.querySelector('[role=search]').contains(document.getElementById('mb-header-q'))")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_header_box_shows_the_query_the_page_shows(browser, site_base, width):
    page = browser.new_page(viewport={"width": width, "height": 844})
    page.goto(site_base + "search/?q=school+places")
    page.wait_for_selector("[data-search-done]", timeout=60_000)
    assert page.input_value("#mb-q") == "school places"
    assert page.input_value("#mb-header-q") == "school places"
    assert page.is_visible("#mb-header-q")
    # a new search from the header box: the page and the box show the new words
    page.fill("#mb-header-q", "governors")
    page.press("#mb-header-q", "Enter")
    page.wait_for_url("**/search/?q=governors")
    page.wait_for_selector("[data-search-done]", timeout=60_000)
    assert page.input_value("#mb-q") == "governors"
    assert page.input_value("#mb-header-q") == "governors"


def test_without_javascript_the_search_page_says_what_it_cannot_do_and_offers_ways_to_browse(browser, site_base):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_base + "search/?q=health")
    text = page.inner_text("article")
    assert "Search needs JavaScript" in text
    assert "cannot show or look for the words you searched for" in text
    assert not page.is_visible("#mb-q")
    links = {a.inner_text(): a.get_attribute("href") for a in page.query_selector_all(".mb-search-fallback a")}
    for words, href in [
        ("all committees", "../committees/"),
        ("topics", "../topics/"),
        ("the meetings calendar", "../calendar/"),
        ("people", "../people/"),
    ]:
        assert links.get(words) == href, links
    page.click('.mb-search-fallback a[href="../calendar/"]')
    page.wait_for_load_state("load")
    assert page.url.endswith("/calendar/")
    assert page.evaluate(LANDMARKS) == ["Search the papers"]
    context.close()
