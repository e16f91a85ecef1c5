#!/usr/bin/env python3
"""Search and build at archive scale: Minutebook against plain mkdocs-material and Pagefind.

For the sample archive and synthetic archives (``minutebook demo``) of about 2,000, 8,000 and
20,000 items, it measures and prints as a table:

* build time and peak RSS (the whole process tree, worker processes included) of the Minutebook
  site, and of a plain mkdocs-material site with the same pages as plain Markdown (Material's own
  search on);
* search data, raw and gzipped: Minutebook's shards, Material's search_index.json, Pagefind's
  bundle (Pagefind run on the Minutebook site, its time and peak RSS too);
* for five typical queries (a rare name, a common word newest first, best match of the archive's
  most common word, a phrase, a filtered query), in headless Chromium: bytes fetched (gzipped, as a web server would send them) before the first page of
  results, and the time from query to results — cold (data fetched) and warm (once loaded).

Not a test and not timed in CI (the full run takes tens of minutes; run it in the background):

    nohup python3 benchmarks/search_benchmark.py > benchmark.txt 2>&1 &

``--quick`` (CI, tests/test_search_benchmark.py) runs one small synthetic archive.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import NOW, REPO, demo_archive, measure, sizes_of

sys.path.insert(0, str(REPO / "tests"))

SIZES = {"sample": None, "2k": 2000, "8k": 8000, "20k": 20000}  # items: benchmarks/common.py's shapes
QUICK = {"quick": 200}
EXTENSIONS = ["attr_list", "md_in_html", "tables", "footnotes", "admonition", "toc", "minutebook.render.markdown_ext"]


# -- the sites ----------------------------------------------------------------------------------------


def archive(work: Path, name: str, shape) -> Path:
    project = work / name
    meetings = project / "meetings"
    if shape is None:
        if meetings.exists():
            shutil.rmtree(meetings)
        shutil.copytree(REPO / "meetings", meetings)
    elif not (project / ".generated").exists():
        if meetings.exists():
            shutil.rmtree(meetings)
        shutil.copytree(demo_archive(work / "archives", shape), meetings)
        (project / ".generated").write_text(json.dumps(shape))
    (project / "docs").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "about.md").write_text("# About\n\nThe benchmark's one static page.\n")
    (project / "mkdocs.yml").write_text(
        "site_name: Benchmark council\ndocs_dir: docs\n"
        f"theme:\n  name: material\n  custom_dir: {REPO / 'overrides'}\n"
        "plugins:\n  - search\n  - minutebook:\n      meetings_dir: meetings\n      history: false\n"
        "markdown_extensions:\n" + "".join(f"  - {e}\n" for e in EXTENSIONS)
    )
    return project


def plain_material(work: Path, name: str, project: Path) -> Path:
    """The same pages as plain Markdown files in a plain mkdocs-material project."""
    from minutebook.build import build

    plain = work / f"{name}-material"
    if plain.exists():
        shutil.rmtree(plain)
    docs = plain / "docs"
    result = build(
        project / "meetings",
        now=__import__("datetime").date.fromisoformat(NOW),
        history=False,
        settings=__import__("minutebook.settings").settings.SiteSettings(templates=REPO / "overrides" / "minutebook"),
    )
    for page in result.pages:
        path = docs / page.src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {page.title}\n\n{page.body}\n", encoding="utf-8")
    # a small nav, as a real site has (Minutebook's pages are out of the nav too): with every page in
    # the nav, each page would render a menu of thousands of links and the build would be quadratic
    (plain / "mkdocs.yml").write_text(
        "site_name: Benchmark council\ndocs_dir: docs\ntheme:\n  name: material\nplugins:\n  - search\n"
        "nav:\n  - Home: index.md\n  - Committees: committees/index.md\nnot_in_nav: |\n  /**\n"
        "markdown_extensions:\n" + "".join(f"  - {e}\n" for e in EXTENSIONS)
    )
    return plain


# -- queries --------------------------------------------------------------------------------------------


def most_common_word(archive) -> str:
    """The word (as printed most often) of the term that most documents of the search index hold."""
    from minutebook.search import documents, text

    held, spelt = Counter(), {}
    for doc in documents.iter_documents(archive):
        words = {}
        for token in text.tokens(doc.title + "\n" + doc.text):
            term = text.term(token)
            if term:
                words.setdefault(term, text.JS_TRIM.sub("", token))
        held.update(words.keys())
        for term, word in words.items():
            spelt.setdefault(term, Counter())[word] += 1
    term = held.most_common(1)[0][0]
    return spelt[term].most_common(1)[0][0]


def typical_queries(project: Path, sample: bool) -> tuple[dict[str, dict], int]:
    """A rare name, a common word (newest first, and best match of the archive's most common word), a
    phrase and a filtered query for this archive; its item count."""
    from minutebook.build import build

    result = build(
        project / "meetings",
        now=__import__("datetime").date.fromisoformat(NOW),
        history=False,
        settings=__import__("minutebook.settings").settings.SiteSettings(templates=REPO / "overrides" / "minutebook"),
    )
    archive = result.archive
    best = {"q": most_common_word(archive), "sort": "relevance"}
    latest = archive.meetings[-1]
    filtered = {"q": "school", "committee": latest.committee, "year": str(latest.year)}
    items = sum(len(m.items) for m in archive.meetings)
    if sample:
        words = Counter()
        for m in archive.meetings:
            for i in m.items:
                if i.minute:
                    words.update(re.findall(r"\b[A-Z][a-z]{4,}\b", i.minute.body))
        rare = sorted(w for w, n in words.items() if n == 1)[0]
        return {
            "rare name": {"q": rare},
            "common word": {"q": "children", "sort": "newest"},
            "best match": best,
            "phrase": {"q": '"health visiting"'},
            "filtered": filtered,
        }, items
    places, topics = Counter(), Counter()
    for m in archive.meetings:
        for i in m.items:
            topics[i.title] += 1
            if i.minute:
                places.update(re.findall(r"arrangements at ([A-Z][a-z]+) ", i.minute.body))
    rare = sorted(w for w, n in places.items() if n == 1)[len(places) // 3]
    named = [
        t
        for t, n in topics.most_common()
        if re.match(
            r"^[A-Z][a-z]+ .+ (Review|Proposals|Consultation|"
            r"Inspection|Programme)$",
            t,
        )
        and n >= 3
    ]
    phrase = named[len(named) // 2] if named else "Health Visiting"
    return {
        "rare name": {"q": rare},
        "common word": {"q": "children", "sort": "newest"},
        "best match": best,
        "phrase": {"q": f'"{phrase}"'},
        "filtered": filtered,
    }, items


class Traffic:
    """Bytes a page fetched, each body gzipped as a web server would send it."""

    def __init__(self, page, prefix: str):
        self.items: list[tuple[str, int]] = []
        self.prefix = prefix
        page.on("response", self.seen)

    def seen(self, response):
        url = response.url
        if not url.startswith(self.prefix):
            return
        try:
            body = response.body()
        except Exception:
            return
        self.items.append((url, min(len(body), len(gzip.compress(body, 6)))))

    def total(self, needle: str = "") -> int:
        return sum(n for url, n in self.items if needle in url)


def ours(site: Path, queries: dict) -> dict:
    from urllib.parse import urlencode

    from browser import chromium, serve

    out = {}
    with serve(site) as base, chromium() as browser:
        for name, params in queries.items():
            context = browser.new_context()
            page = context.new_page()
            traffic = Traffic(page, base)
            page.goto(base + "search/?" + urlencode(params))
            page.wait_for_selector("[data-search-done]", timeout=600_000)
            cold = int(page.get_attribute("[data-mb-search]", "data-search-ms"))
            count = len(page.query_selector_all("[data-search-results] > li"))
            data = traffic.total("/search/data/")
            code = traffic.total("/assets/minutebook/")
            page.evaluate("document.querySelector('[data-mb-search]').removeAttribute('data-search-done')")
            page.evaluate("document.querySelector('.mb-search-form').requestSubmit()")
            page.wait_for_selector("[data-search-done]", timeout=600_000)
            warm = int(page.get_attribute("[data-mb-search]", "data-search-ms"))
            out[name] = {"bytes": data, "code": code, "cold_ms": cold, "warm_ms": warm, "results": count}
            context.close()
    return out


def material(site: Path, queries: dict) -> dict:
    """Material's search dialog: it downloads search_index.json and builds lunr in a web worker."""
    from browser import chromium, serve

    out = {}
    with serve(site) as base, chromium() as browser:
        context = browser.new_context()
        page = context.new_page()
        traffic = Traffic(page, base)
        start = time.perf_counter()
        page.goto(base)
        page.fill("input[data-md-component=search-query]", "zzzz")
        page.wait_for_function(
            "document.querySelector('.md-search-result__meta') && "
            "!/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)",
            timeout=1_800_000,
        )
        ready = (time.perf_counter() - start) * 1000
        fetched = traffic.total("search")
        for name, params in queries.items():
            text = params["q"].replace('"', "")
            page.fill("input[data-md-component=search-query]", "")
            page.press("input[data-md-component=search-query]", "End")
            page.wait_for_function(
                "!/matching/i.test(document.querySelector('.md-search-result__meta').textContent)", timeout=600_000
            )
            t = time.perf_counter()
            page.fill("input[data-md-component=search-query]", text)
            page.press("input[data-md-component=search-query]", "End")  # Material listens to keyup
            page.wait_for_function(
                "/matching/i.test(document.querySelector('.md-search-result__meta').textContent)", timeout=600_000
            )
            warm = (time.perf_counter() - t) * 1000
            out[name] = {
                "bytes": fetched,
                "cold_ms": round(ready + warm),
                "warm_ms": round(warm),
                "results": page.inner_text(".md-search-result__meta"),
            }
        context.close()
    return out


PAGEFIND_PAGE = """<!doctype html><meta charset="utf-8"><title>pagefind</title><script type="module">
const pagefind = await import("./pagefind.js");
window.run = async (q) => { const t = performance.now(); const r = await pagefind.search(q);
  const first = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
  return {ms: performance.now() - t, count: r.results.length, first: first.length}; };
window.ready = true;
</script>"""


def pagefind(site: Path, queries: dict) -> dict:
    from browser import chromium, serve

    (site / "pagefind" / "bench.html").write_text(PAGEFIND_PAGE)
    out = {}
    with serve(site) as base, chromium() as browser:
        for name, params in queries.items():
            context = browser.new_context()
            page = context.new_page()
            traffic = Traffic(page, base + "pagefind/")
            page.goto(base + "pagefind/bench.html")
            page.wait_for_function("window.ready === true", timeout=60_000)
            before = traffic.total()
            cold = page.evaluate("(q) => run(q)", params["q"])
            fetched = traffic.total() - before
            warm = page.evaluate("(q) => run(q)", params["q"])
            out[name] = {
                "bytes": fetched + before,
                "cold_ms": round(cold["ms"]),
                "warm_ms": round(warm["ms"]),
                "results": cold["count"],
            }
            context.close()
    return out


# -- one archive ------------------------------------------------------------------------------------------


def attempt(engine, site: Path, queries: dict) -> dict:
    """An engine's query results; a crash (Material's tab runs out of memory at 20,000 pages) is a result."""
    try:
        return engine(site, queries)
    except Exception as error:
        reason = str(error).splitlines()[0][:80]
        return {name: {"bytes": 0, "cold_ms": "failed", "warm_ms": reason, "results": 0} for name in queries}


def run_size(work: Path, name: str, shape, skip: set[str]) -> dict:
    row: dict = {"name": name}
    project = archive(work, name, shape)
    site = project / "site"
    seconds, rss, result = measure([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], project)
    if result.returncode:
        raise SystemExit(f"Minutebook build of {name} failed:\n{result.stderr[-3000:]}")
    row["pages"] = sum(1 for _ in site.rglob("index.html"))
    summary = re.search(r"search index of (\d+) documents in (\d+) shards", result.stderr)
    row["documents"], row["shards"] = (int(summary.group(1)), int(summary.group(2))) if summary else (0, 0)
    row["mb_build_s"], row["mb_rss"] = seconds, rss
    row["mb_index"] = sizes_of(site / "search" / "data")
    queries, row["items"] = typical_queries(project, shape is None)
    row["queries"] = queries
    if "material" not in skip:
        plain = plain_material(work, name, project)
        seconds, rss, result = measure([sys.executable, "-m", "mkdocs", "build", "-d", str(plain / "site")], plain)
        if result.returncode:
            raise SystemExit(f"plain Material build of {name} failed:\n{result.stderr[-3000:]}")
        row["mat_pages"] = sum(1 for _ in (plain / "site").rglob("index.html"))
        row["mat_build_s"], row["mat_rss"] = seconds, rss
        row["mat_index"] = sizes_of(plain / "site" / "search", "search_index.json")
    if "browser" not in skip:
        row["ours"] = ours(site, queries)
        if "material" not in skip:
            row["material"] = attempt(material, plain / "site", queries)
    if "pagefind" not in skip:
        seconds, rss, result = measure([sys.executable, "-m", "pagefind", "--site", str(site)], project)
        if result.returncode == 0:
            row["pf_s"], row["pf_rss"] = seconds, rss
            row["pf_index"] = sizes_of(site / "pagefind")
            if "browser" not in skip:
                row["pagefind"] = attempt(pagefind, site, queries)
        else:
            row["pf_error"] = (result.stderr or result.stdout)[-500:]
    return row


def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def table(rows: list[dict]) -> str:
    out = [
        "## Build",
        "",
        "| archive | items | pages | search docs | shards | Minutebook build | peak RSS | Material build (same pages) | "
        "peak RSS | ratio | Pagefind index | Pagefind RSS |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ratio = f"{r['mb_build_s'] / r['mat_build_s']:.2f}x" if r.get("mat_build_s") else "n/a"
        out.append(
            f"| {r['name']} | {r.get('items', '')} | {r['pages']} | {r['documents']} | {r['shards']} | {r['mb_build_s']:.0f} s | "
            f"{mb(r['mb_rss'])} | {r.get('mat_build_s', 0):.0f} s ({r.get('mat_pages', '-')} pages) | "
            f"{mb(r.get('mat_rss', 0))} | {ratio} | "
            + (f"{r['pf_s']:.0f} s | {mb(r['pf_rss'])} |" if "pf_s" in r else "n/a | n/a |")
        )
    out += [
        "",
        "## Search data (raw / gzipped)",
        "",
        "| archive | Minutebook (files) | Material search_index.json | Pagefind (files) |",
        "|---|---|---|---|",
    ]
    for r in rows:
        m = r["mb_index"]
        mat = r.get("mat_index", (0, 0, 0))
        pf = r.get("pf_index")
        out.append(
            f"| {r['name']} | {mb(m[1])} / {mb(m[2])} ({m[0]}) | {mb(mat[1])} / {mb(mat[2])} | "
            + (f"{mb(pf[1])} / {mb(pf[2])} ({pf[0]}) |" if pf else "n/a |")
        )
    out += [
        "",
        "## Queries: gzipped bytes fetched before the first page of results; time to results cold / warm",
        "",
        "| archive | query | Minutebook | Material search | Pagefind |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        for name, params in r["queries"].items():
            cells = []
            for engine in ("ours", "material", "pagefind"):
                q = r.get(engine, {}).get(name)
                if not q:
                    cells.append("n/a")
                    continue
                extra = f" + {mb(q['code'])} code" if "code" in q else ""
                cells.append(f"{mb(q['bytes'])}{extra}; {q['cold_ms']} / {q['warm_ms']} ms; {q['results']} results")
            out.append(
                f"| {r['name']} | {name}: `{'&'.join(f'{k}={v}' for k, v in params.items())}` | "
                + " | ".join(cells)
                + " |"
            )
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one small archive (CI)")
    parser.add_argument("--sizes", default=",".join(SIZES), help=f"some of {','.join(SIZES)}")
    parser.add_argument("--work", type=Path, default=Path("/tmp/minutebook-benchmark"))
    parser.add_argument("--skip", default="", help="comma-separated: material, pagefind, browser")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    if shutil.which("pagefind") is None and not _has_pagefind():
        skip.add("pagefind")
    shapes = QUICK if args.quick else {k: SIZES[k] for k in args.sizes.split(",")}
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, shape in shapes.items():
        print(f"… {name}", file=sys.stderr, flush=True)
        rows.append(run_size(args.work, name, shape, skip))
        (args.work / "results.json").write_text(json.dumps(rows, indent=1, default=str))
        print(table(rows[-1:]), file=sys.stderr, flush=True)
    print(table(rows))
    return 0


def _has_pagefind() -> bool:
    import importlib.util

    return importlib.util.find_spec("pagefind") is not None


if __name__ == "__main__":
    sys.exit(main())
