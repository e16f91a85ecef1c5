"""The work programme's year at a glance (issue 14 item 14): an SVG of the planned meetings as
columns, each entry a mark shaped and coloured by what became of it, moved entries with an arrow to
the meeting that took them, and the table beneath as its text equivalent.

One real build of a copy of the sample archive, with two changes so that every status is drawn:
the 2021/22 "Library provision" entry (planned for 25 November 2021) records that it was taken up
on 16 September 2021 (so it is *moved*, with an arrow going back in time), and the build runs on
1 October 2021, so the autumn's planned meetings are still to come.
"""

from __future__ import annotations

import html
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from browser import chromium, serve
from helpers import REPO, mkdocs_build
from test_public_site import WCAG, axe_source

from minutebook.link.planning import STATUS_LABELS
from minutebook.render.yearchart import SHAPES

SVG = "{http://www.w3.org/2000/svg}"
COMMITTEE = "education-childrens-services"
YEARS = ["2015-16", "2016-17", "2021-22"]
SHAPE_TAGS = {
    "considered": "circle",
    "moved": "polygon",
    "dropped": "path",
    "to-come": "circle",
    "unknown": "path",
    "landing": "polygon",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory, monkeypatch_module):
    root = tmp_path_factory.mktemp("timeline")
    for name in ("docs", "meetings", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    programme = root / "meetings" / COMMITTEE / "programmes" / "2021-22.md"
    text = programme.read_text(encoding="utf-8")
    planned = "    title: Library provision\n"
    assert planned in text
    programme.write_text(
        text.replace(
            planned,
            planned + "    considered_at:\n"
            "      - 2021-09-16/childrens-services-ofsted-visit-outcome-and-action-plan-progress\n",
        ),
        encoding="utf-8",
    )
    monkeypatch_module.setenv("MINUTEBOOK_TODAY", "2021-10-01")
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def page(site, year: str) -> str:
    return (site / COMMITTEE / "programme" / year / "index.html").read_text(encoding="utf-8")


def chart(source: str) -> ET.Element:
    found = re.findall(r'<svg class="mb-yc".*?</svg>', source, re.S)
    assert len(found) == 1, "one picture of the year on the page"
    return ET.fromstring(found[0].replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def table_statuses(source: str) -> list[str]:
    """The 'What happened' cell of each row of the page's table, as statuses."""
    by_label = {label: status for status, label in STATUS_LABELS.items()}
    table = source[source.index('<table class="mb-table') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table[table.index("<tbody>") :], re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in rows]
    return [by_label[html.unescape(re.sub(r"<[^>]+>", "", c[2])).strip()] for c in cells]


def marks(svg: ET.Element) -> list[ET.Element]:
    return [g for g in svg.iter(SVG + "g") if "mb-yc-mark" in g.get("class", "") and g.get("data-status") != "landing"]


def columns(svg: ET.Element) -> dict[str, tuple[float, float, float, float]]:
    """Each column's day -> its box (x, y, width, height)."""
    out = {}
    for g in svg.iter(SVG + "g"):
        if g.get("class") == "mb-yc-column":
            xs, ys = corners(g.find(SVG + "path"))
            out[g.get("data-day")] = (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
    return out


def corners(shape: ET.Element) -> tuple[list[float], list[float]]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", shape.get("points") or shape.get("d"))]
    return numbers[0::2], numbers[1::2]


def inside(point, box) -> bool:
    x, y = point
    bx, by, bw, bh = box
    return bx <= x <= bx + bw and by <= y <= by + bh


def centre(mark: ET.Element) -> tuple[float, float]:
    shape = next(iter(mark[1:]))
    if shape.tag == SVG + "circle":
        return float(shape.get("cx")), float(shape.get("cy"))
    xs, ys = corners(shape)
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


@pytest.mark.parametrize("year", YEARS)
def test_marks_are_the_tables_entries_by_status(site, year):
    source = page(site, year)
    svg = chart(source)
    drawn = marks(svg)
    rows = table_statuses(source)
    assert Counter(m.get("data-status") for m in drawn) == Counter(rows)
    assert sorted(int(m.get("data-entry")) for m in drawn) == list(range(1, len(rows) + 1))
    for m in drawn:  # the shape says the status, not the colour alone
        kind = SHAPES[m.get("data-status")]
        shape = m[1]
        assert shape.tag == SVG + SHAPE_TAGS[kind] and shape.get("class") == f"mb-yc-{kind}"
        assert STATUS_LABELS[m.get("data-status")] in m.find(SVG + "title").text


def test_every_kind_of_mark_is_drawn_and_each_legend_counts_it(site):
    kinds = set()
    for year in YEARS:
        source = page(site, year)
        statuses = Counter(m.get("data-status") for m in marks(chart(source)))
        kinds |= {SHAPES[s] for s in statuses}
        legend = source[source.index('<ul class="mb-yc-legend">') :]
        legend = legend[: legend.index("</ul>")]
        assert legend.count("<li>") == len(statuses)
        for status, count in statuses.items():
            assert f"<strong>{html.escape(STATUS_LABELS[status], quote=False)}</strong>: {count}" in legend
        swatches = re.findall(r'<(?:circle|polygon|path) class="mb-yc-([a-z-]+)"', legend)
        assert [SHAPES[s] for s in STATUS_LABELS if s in statuses] == swatches
        assert ("the arrow points to the meeting that took it" in legend) == ("moved" in statuses)
    assert kinds == {"considered", "moved", "dropped", "to-come", "unknown"}


def test_moved_entry_has_an_arrow_to_the_meeting_that_took_it(site):
    svg = chart(page(site, "2021-22"))
    boxes = columns(svg)
    moved = [m for m in marks(svg) if m.get("data-status") == "moved"]
    assert len(moved) == 1 and "Library provision" in moved[0].find(SVG + "title").text
    assert inside(centre(moved[0]), boxes["2021-11-25"])  # drawn where it was planned
    arrows = [p for p in svg.iter(SVG + "path") if p.get("class") == "mb-yc-arrow"]
    assert len(arrows) == 1
    arrow = arrows[0]
    assert arrow.get("data-entry") == moved[0].get("data-entry") and arrow.get("data-to") == "2021-09-16"
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", arrow.get("d"))]
    start, end = (numbers[0], numbers[1]), (numbers[-2], numbers[-1])
    mx, my = centre(moved[0])
    assert abs(start[0] - mx) < 1 and my < start[1] < my + 12  # from the foot of the moved mark
    assert inside(end, boxes["2021-09-16"]) and not inside(end, boxes["2021-11-25"])
    assert arrow.get("marker-end") == "url(#yearchart-arrowhead)"
    landing = [g for g in svg.iter(SVG + "g") if g.get("data-status") == "landing"]
    assert len(landing) == 1 and inside(centre(landing[0]), boxes["2021-09-16"])
    assert 0 < end[1] - centre(landing[0])[1] < 12  # the arrow stops just below the outline it lands on


def test_picture_has_an_accessible_name_and_points_to_the_table(site):
    source = page(site, "2016-17")
    svg = chart(source)
    assert svg.get("role") == "img"
    title = svg.find(SVG + "title")
    assert svg.get("aria-labelledby") == title.get("id")
    rows = Counter(table_statuses(source))
    summary = title.text
    assert f"{sum(rows.values())} planned entries" in summary
    for status, count in rows.items():
        assert f"{count} {STATUS_LABELS[status][0].lower()}{STATUS_LABELS[status][1:]}" in summary
    note = re.search(rf'<p id="{svg.get("aria-describedby")}">(.*?)</p>', source, re.S)
    assert note and 'href="#table"' in note.group(1) and "list every entry in words" in note.group(1)
    assert source.index('class="mb-yc"') < source.index('id="timeline"') < source.index('<table class="mb-table')


@pytest.mark.parametrize("width", [390, 1280])
def test_picture_fits_the_screen_is_legible_and_passes_axe(site, width):
    source = axe_source()
    with serve(site) as base, chromium() as browser:
        tab = browser.new_page(viewport={"width": width, "height": 900})
        for year in ("2016-17", "2021-22", *TOPICS):
            tab.goto(f"{base}topics/{year}/" if year in TOPICS else f"{base}{COMMITTEE}/programme/{year}/")
            tab.wait_for_load_state("load")
            sideways = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert sideways <= 0, f"{year} @{width}px scrolls sideways by {sideways}px"
            geometry = tab.evaluate("""() => {
                const svg = document.querySelector('svg.mb-yc');
                const box = svg.getBoundingClientRect();
                const scale = box.width / svg.viewBox.baseVal.width;
                const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
                return {left: box.left, right: box.right, height: box.height, smallest: Math.min(...sizes),
                        viewport: document.documentElement.clientWidth};
            }""")
            assert 0 <= geometry["left"] and geometry["right"] <= geometry["viewport"]
            assert geometry["height"] > 100
            assert geometry["smallest"] >= 12, f"{year} @{width}px: text of {geometry['smallest']:.1f}px"
            tab.add_script_tag(content=source)
            result = tab.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
            assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
            tab.locator("figure.mb-yearchart").scroll_into_view_if_needed()
            tab.screenshot(path=f"/tmp/timeline-{year}-{width}.png")
            tab.locator("figure.mb-yearchart").screenshot(path=f"/tmp/timeline-{year}-{width}-figure.png")


TOPICS = ["improvement-board", "quality-assurance-audit"]


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_picture_has_the_storys_plans_items_resolutions_and_follow_ups(site, topic):
    source = (site / "topics" / topic / "index.html").read_text(encoding="utf-8")
    svg = chart(source)
    story = source[source.index('<ol class="mb-story"') :]
    story = story[: story.index("</ol>")]
    planned = story.count("<strong>Work programme ")
    entries = len(re.findall(r"^<li>\s*<p><strong>", story, re.M))
    resolutions = sum(block.count("<li>") for block in re.findall(r"<ul>(.*?)</ul>", story, re.S))
    followed = story.count("/tracker/")
    lanes = Counter(m.get("data-entry") for m in svg.iter(SVG + "g") if m.get("class") == "mb-yc-mark")
    assert (lanes["0"], lanes["1"], lanes["2"], lanes["3"]) == (planned, entries - planned, resolutions, followed)
    assert planned and entries - planned  # each sample topic was planned and heard
    years = [g.get("data-day") for g in svg.iter(SVG + "g") if g.get("class") == "mb-yc-column"]
    assert [int(y) for y in years] == list(range(int(years[0]), int(years[-1]) + 1))  # every year, gaps shown
    labels = [t.text for t in svg.iter(SVG + "text") if t.get("class") == "mb-yc-label"]
    assert labels[:4] == ["Planned", "Heard", "Decided", "Followed up"]
    title = svg.find(SVG + "title").text
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == svg.find(SVG + "title").get("id")
    assert (
        f"{entries - planned} item{' heard at a meeting' if entries - planned == 1 else 's heard at meetings'}" in title
    )
    note = re.search(rf'<p id="{svg.get("aria-describedby")}">(.*?)</p>', source, re.S)
    assert note and 'href="#story"' in note.group(1)
    for m in svg.iter(SVG + "g"):  # each mark is inside its year's column
        if m.get("class") == "mb-yc-mark":
            assert any(inside(centre(m), box) for box in columns(svg).values())
