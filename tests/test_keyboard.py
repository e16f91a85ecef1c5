"""The public site by keyboard and on a phone, in Chromium at 390 and 1280 px: a skip link first on
every page kind, to the page's own content; the menu button opens and closes the drawer from the
keyboard; the closed drawer's links are out of the tab order; the public menu lists no officers'
guide (they are reached from the footer); table links break between words, never inside one."""

from __future__ import annotations

import re

import pytest
from test_public_site import COMMITTEE, PAGE_TYPES

MEETING = f"{COMMITTEE}/2017-04-27/"


def phone(browser, width=390):
    page = browser.new_page(viewport={"width": width, "height": 844})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return page, errors


FOCUSED = """() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  return {tag: el.tagName, text: (el.textContent || el.value || '').trim().slice(0, 60),
          id: el.id, inDrawer: !!el.closest('#mb-drawer'), left: r.left, right: r.right,
          width: r.width, height: r.height};
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_first_tab_on_every_page_kind_reaches_the_skip_link(browser, site_base, width):
    page, errors = phone(browser, width)
    missing = []
    for name, url in {**PAGE_TYPES, "not-found": "404.html"}.items():
        page.goto(site_base + url)
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["text"] != "Skip to content" or not page.is_visible(".mb-skip"):
            missing.append(f"{name}: first Tab reached {focused}")
            continue
        page.keyboard.press("Enter")
        if page.evaluate("document.activeElement.id") != "mb-main":
            missing.append(f"{name}: the skip link did not move focus to the content")
        # what follows the target is the page's heading, then its content
        first_heading = page.evaluate("""() => {
          const t = document.getElementById('mb-main');
          const h = document.querySelector('article h1');
          return h && (t.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING) ? h.textContent : null;
        }""")
        if not first_heading:
            missing.append(f"{name}: the page's heading does not follow the skip target")
    assert missing == [] and errors == []


def test_the_meeting_pages_skip_link_lands_before_date_time_and_place(browser, site_base):
    page, _ = phone(browser)
    page.goto(site_base + MEETING)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.url.endswith("#mb-main")
    assert page.evaluate("document.activeElement.id") == "mb-main"
    after = page.evaluate("""() => {
      const t = document.activeElement, seen = [];
      for (const th of document.querySelectorAll('article dt, article th')) {
        if (t.compareDocumentPosition(th) & Node.DOCUMENT_POSITION_FOLLOWING) seen.push(th.textContent.trim());
      }
      return seen;
    }""")
    assert {"Date", "Time", "Place"} <= set(after)
    # the next Tab goes to the first link of the content, not back into the header or the menu
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    assert not focused["inDrawer"]
    assert page.evaluate("!!document.activeElement.closest('article')")


@pytest.mark.parametrize("url", ["", MEETING, "people/", "guide/meeting-files/"])
def test_at_390px_tab_never_lands_on_the_closed_drawer_or_off_screen(browser, site_base, url):
    page, errors = phone(browser)
    page.goto(site_base + url)
    assert not page.is_checked("#__drawer")
    stops = []
    for _ in range(25):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        stops.append(focused)
    bad = [s for s in stops if s["inDrawer"] or s["right"] <= 0 or s["left"] >= 390]
    assert bad == [], bad
    assert errors == []


def test_the_menu_button_opens_and_closes_the_drawer_from_the_keyboard(browser, site_base):
    page, errors = phone(browser)
    page.goto(site_base + MEETING)
    for _ in range(10):  # skip link, home link, menu button: within a few Tabs
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('mb-menu-button')"):
            break
    else:
        pytest.fail("Tab never reached the menu button")
    button = page.locator(".mb-menu-button")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Menu"
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('#mb-drawer').getBoundingClientRect().left >= 0")
    assert page.is_checked("#__drawer")
    assert button.get_attribute("aria-expanded") == "true"
    focused = page.evaluate(FOCUSED)
    assert focused["inDrawer"] and focused["left"] >= 0, focused  # focus moved to the menu's first link
    # Tab walks the open menu's links, all on screen; the committees' section is a link (its index page)
    walked = []
    for _ in range(3):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["inDrawer"] and 0 <= focused["left"] < 390, focused
        walked.append(focused["text"])
    assert "Committees" in walked, walked
    page.keyboard.press("Escape")
    assert not page.is_checked("#__drawer")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('mb-menu-button')")
    # Space opens it too; a pointer closes it on the shaded page beside it
    page.keyboard.press("Space")
    assert page.is_checked("#__drawer")
    page.wait_for_function("document.querySelector('#mb-drawer').getBoundingClientRect().left >= 0")
    page.mouse.click(380, 600)
    assert not page.is_checked("#__drawer")
    assert button.get_attribute("aria-expanded") == "false"
    assert errors == []


def test_at_1280px_there_is_no_menu_button_and_the_menu_is_in_the_tab_order(browser, site_base):
    page, _ = phone(browser, 1280)
    page.goto(site_base + MEETING)
    assert not page.is_visible(".mb-menu-button")
    assert page.locator("#mb-drawer .md-nav__list a[href]").first.is_visible()
    texts = []
    for _ in range(12):
        page.keyboard.press("Tab")
        texts.append(page.evaluate(FOCUSED))
    assert any(t["inDrawer"] for t in texts)


def test_the_public_menu_lists_no_officers_guide_and_the_footer_leads_to_them(browser, site_base):
    page, _ = phone(browser, 1280)
    for url in ["", MEETING, "accessibility/"]:
        page.goto(site_base + url)
        menu = [a.strip() for a in page.locator("#mb-drawer nav.md-nav--primary a").all_inner_texts()]
        assert "Accessibility" in menu and "Committees" in menu
        assert not [
            m
            for m in menu
            if m
            in (
                "Publishing papers",
                "Meeting files",
                "Deploying",
                "Architecture",
                "Importing published packs",
                "How search works",
            )
        ], menu
        assert page.locator("footer a", has_text="For officers").count() == 1
    page.locator("footer a", has_text="For officers").click()
    assert page.url.endswith("/guide/")
    assert page.locator("article h1").inner_text().startswith("For officers")
    guides = page.locator("article table a").all_inner_texts()
    assert "Publishing papers" in guides and "Meeting files" in guides and "Architecture" in guides
    page.get_by_role("link", name="Meeting files").first.click()
    assert page.url.endswith("/guide/meeting-files/")
    trail = page.locator("nav.mb-breadcrumbs").inner_text()
    assert "For officers" in trail


SPLIT_WORDS = """() => {
  const split = [];
  for (const a of document.querySelectorAll('article table a')) {
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^\\s\\-\\u2013\\u2014\\/]+/g;
      let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) split.push(m[0] + ' in "' + a.textContent.trim().slice(0, 50) + '"');
      }
    }
  }
  return split;
}"""

TABLE_PAGES = [
    "",
    f"{COMMITTEE}/",
    MEETING,
    f"{COMMITTEE}/2017-04-06/",
    "committees/",
    "calendar/",
    "topics/",
    "topics/improvement-board/",
    "people/",
    "people/m-mutton/",
    f"{COMMITTEE}/tracker/",
    f"{COMMITTEE}/programme/2016-17/",
    "guide/",
]


@pytest.mark.parametrize("width", [390, 1280])
def test_table_links_break_between_words_never_inside_one(browser, site_base, width):
    page, _ = phone(browser, width)
    split = []
    checked = 0
    for url in TABLE_PAGES:
        page.goto(site_base + url)
        checked += page.locator("article table a").count()
        split += [f"{url or 'home'}: {s}" for s in page.evaluate(SPLIT_WORDS)]
    assert checked > 50
    assert split == []


# -- reading order: what a keyboard or screen-reader user meets first --------------------------------


def article(site, url):
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return html[html.index('id="mb-main"') :]


def test_the_meeting_page_puts_the_agenda_before_the_standing_notes(sample_site):
    site, _ = sample_site
    text = article(site, MEETING)
    assert 'id="agenda"' in text and 'id="public-access"' in text
    assert text.index('id="agenda"') < text.index('id="public-access"')
    assert text.index(">Place<") < text.index('id="agenda"')


def test_meetings_are_newest_first_within_each_year_as_the_years_are(sample_site):
    site, _ = sample_site
    text = article(site, f"{COMMITTEE}/")
    meetings = text[text.index('id="meetings"') :]
    years = re.findall(r'id="year-(\d{4})"', meetings)
    assert years == sorted(years, reverse=True) and len(years) > 2
    for chunk in re.split(r'id="year-\d{4}"', meetings)[1:]:
        dates = re.findall(r'href="(\d{4}-\d{2}-\d{2})/"', chunk.split("</table>")[0])
        assert dates == sorted(dates, reverse=True), dates
    assert re.findall(r'href="(\d{4}-\d{2}-\d{2})/"', meetings.split('id="year-2016"')[1].split("</table>")[0]) == [
        "2017-04-27",
        "2017-04-06",
    ]


def test_the_paper_trail_names_the_item_by_number_not_by_the_papers_own_title(sample_site):
    site, _ = sample_site
    html = (site / f"{MEETING}one-strategic-plan-for-school-organisation/one-strategic-plan/index.html").read_text(
        encoding="utf-8"
    )
    trail = re.sub(r"\s+", " ", html[html.index("mb-breadcrumbs") : html.index("</nav>", html.index("mb-breadcrumbs"))])
    crumbs = re.findall(r"<li[^>]*>(?:<a [^>]*>)?([^<]+)", trail)
    title = "One Strategic Plan for School Organisation"  # the item's title too
    assert crumbs[0] == "Home" and crumbs[2:] == ["27 April 2017", "Item 4", title]


@pytest.mark.parametrize("width", [320, 390])
def test_the_site_title_is_whole_on_a_phone(browser, site_base, width):
    page, _ = phone(browser, width)
    for url in ["", MEETING, "search/"]:
        page.goto(site_base + url)
        title = page.locator(".md-header__topic").first.locator(".md-ellipsis")
        assert title.inner_text().strip() == "Committee papers"
        cut = page.evaluate("""() => {
          const el = document.querySelector('.md-header__topic .md-ellipsis');
          const box = el.getBoundingClientRect(), header = document.querySelector('.md-header').getBoundingClientRect();
          return {clipped: el.scrollWidth > el.clientWidth + 1, inside: box.top >= header.top && box.bottom <= header.bottom,
                  overlaps: box.right > document.querySelector('.mb-header-search').getBoundingClientRect().left};
        }""")
        assert cut == {"clipped": False, "inside": True, "overlaps": False}, (url, cut)


def test_the_not_found_page_says_so_and_offers_the_ways_in(browser, site_base):
    page, _ = phone(browser)
    page.goto(site_base + "404.html")
    assert page.locator("article h1").inner_text() == "Page not found"
    links = dict(
        zip(
            page.locator("article li a").all_inner_texts(),
            page.locator("article li a").evaluate_all("(as) => as.map((a) => a.getAttribute('href'))"),
            strict=True,
        )
    )
    assert links == {
        "all committees": "/committees/",
        "the meetings calendar": "/calendar/",
        "topics": "/topics/",
        "search": "/search/",
    }
    for href in links.values():
        assert page.request.get(site_base + href.lstrip("/")).ok
