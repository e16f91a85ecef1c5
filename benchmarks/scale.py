#!/usr/bin/env python3
"""Scale benchmark (issue 15): Minutebook's cold build, warm one-edit rebuild and peak memory against
plain mkdocs-material on the same pages, Pagefind, search bytes, and the site's files, by archive size.

For each size (items; archives from `minutebook demo`, benchmarks/common.py), in one run:

* cold build: `mkdocs build` into an empty site/ with an empty cache_dir — wall, CPU (children
  included) and peak RSS (the whole process tree, workers included);
* warm rebuild: one meeting's minutes edited (a sentence added), `mkdocs build` into an empty site/
  with the warm cache; then a cold build of the edited archive with no cache, and the two sites are
  compared file for file (the script fails if they differ);
* plain mkdocs-material building the same generated Markdown (no minutebook plugin): the ratio;
* Pagefind (npm `pagefind`) on the built site: time, peak RSS, index size;
* gzipped bytes fetched for typical queries, best match of the most common word included
  (benchmarks/search_benchmark.py's browser runs);
* the site's file count and size, and the search data's file count.

Not a test and not run in CI; the machine may be shared, so read CPU beside wall time.

    python3 benchmarks/scale.py                          # 2k, 8k and 20k items
    python3 benchmarks/scale.py --sizes 100000           # by hand: ~100k items
    python3 benchmarks/scale.py --sizes 100000 --skip-warm --skip-material --skip-pagefind --skip-queries
    python3 benchmarks/scale.py --sizes 2000 --reuse /tmp/mb-scale --skip-pagefind
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "plugins"))

import search_benchmark  # noqa: E402
from common import REPO, demo_archive, human, run, sizes_of  # noqa: E402

PAGEFIND = [Path("/tmp/bench-tools/node_modules/.bin/pagefind")]
EDIT = " The Committee noted the benchmark's edit."


def plugin_options() -> set[str]:
    """The minutebook options this checkout has (jobs and cache_dir arrived with issue 15)."""
    try:
        from minutebook import settings

        return {option.name for option in settings.OPTIONS}
    except Exception:
        return set()


def write_project(project: Path, meetings: Path, cache: Path | None, options: set[str]) -> None:
    extra = f"      cache_dir: {cache}\n" if cache is not None and "cache_dir" in options else ""
    if cache is None and "cache_dir" in options:
        extra = '      cache_dir: ""\n'
    (project / "docs").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "about.md").write_text("# About\n\nThe benchmark's one static page.\n")
    (project / "mkdocs.yml").write_text(
        "site_name: Benchmark council\ndocs_dir: docs\n"
        f"theme:\n  name: material\n  custom_dir: {REPO / 'overrides'}\n"
        f"plugins:\n  - search\n  - minutebook:\n      meetings_dir: {meetings}\n      history: false\n"
        + extra
        + "markdown_extensions:\n"
        + "".join(f"  - {e}\n" for e in search_benchmark.EXTENSIONS)
    )


def edit_one_meeting(meetings: Path) -> Path:
    """Add a sentence to the first paragraph of a minute of a meeting in the middle of the archive."""
    files = sorted(meetings.glob("*/*/minutes.md"))
    target = files[len(files) // 2]
    lines = target.read_text(encoding="utf-8").split("\n")
    fences = [i for i, line in enumerate(lines) if line == "---"]
    for i in range(fences[1] + 1 if len(fences) > 1 else 0, len(lines)):
        if lines[i][:1].isalpha() and lines[i].endswith("."):
            lines[i] += EDIT
            break
    else:
        raise SystemExit(f"no paragraph to edit in {target}")
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


def same_sites(a: Path, b: Path) -> list[str]:
    """Relative paths that differ between two sites (missing on one side, or other bytes)."""
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    differ = sorted(str(p) for p in files_a ^ files_b)
    differ += sorted(str(p) for p in files_a & files_b if not filecmp.cmp(a / p, b / p, shallow=False))
    return differ


class Rows(list):
    """The table's rows, each also printed to stderr as soon as it is measured (a long run that is
    stopped still shows what it measured)."""

    def __init__(self, items: int):
        super().__init__()
        self.items = items

    def add(self, row: tuple[str, str]) -> None:
        self.append(row)
        print(f"[{self.items}] {row[0]}: {row[1]}", file=sys.stderr, flush=True)


def build(project: Path, site: Path, env: dict | None = None):
    if site.exists():
        shutil.rmtree(site)
    done = run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], project, env)
    if done.result.returncode:
        raise SystemExit(f"build in {project} failed:\n{done.result.stderr[-3000:]}")
    return done


def measure_size(work: Path, items: int, args) -> list[tuple[str, str]]:
    options = plugin_options()
    pristine = demo_archive(work, items)
    name = f"scale-{items}"
    project = work / name
    if project.exists():
        shutil.rmtree(project)
    meetings = project / "meetings"
    shutil.copytree(pristine, meetings)
    cache = project / ".cache" / "minutebook"
    env = {"SOURCE_DATE_EPOCH": "1764000000", "PYTHONPATH": str(REPO / "plugins")}
    rows = Rows(items)

    def when(r) -> str:
        return f"{r.wall:.1f} s wall, {r.cpu:.1f} s CPU"

    write_project(project, meetings, cache, options)
    cold = build(project, project / "site", env)
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    n_items = sum(1 for _ in meetings.glob("*/*/minutes.md")) * 10
    summary = re.search(r"search index of (\d+) documents in (\d+) shards", cold.result.stderr)
    rows.add(("archive", f"{pristine.name}: ~{n_items} items, {pages} pages"))
    rows.add(("options", ", ".join(f"{o}: {'yes' if o in options else 'n/a'}" for o in ("jobs", "cache_dir"))))
    rows.add(("cold build (empty site/, empty cache)", when(cold)))
    rows.add(
        (
            "cold build peak RSS (tree / largest process; tree PSS)",
            f"{human(cold.rss)} / {human(cold.max_rss)}; {human(cold.pss)}",
        )
    )

    site = project / "site"
    files, raw, gz = sizes_of(site)
    largest = max(p.stat().st_size for p in site.rglob("*") if p.is_file())
    rows.add(("site files / total size (gzipped)", f"{files} files, {human(raw)} ({human(gz)})"))
    rows.add(("largest file", human(largest)))
    s_files, s_raw, s_gz = sizes_of(site / "search" / "data")
    shards = f", {summary.group(2)} shards of {summary.group(1)} documents" if summary else ""
    rows.add(("search data files / size (gzipped)", f"{s_files} files, {human(s_raw)} ({human(s_gz)}){shards}"))

    if args.skip_warm:
        rows.add(("warm rebuild, one meeting edited", "skipped"))
    elif "cache_dir" in options:
        edited = edit_one_meeting(meetings)
        warm = build(project, project / "site-warm", env)
        write_project(project, meetings, None, options)
        fresh = build(project, project / "site-fresh", env)
        differ = same_sites(project / "site-warm", project / "site-fresh")
        rows.add(("warm rebuild, one meeting edited", f"{when(warm)} ({warm.wall / cold.wall:.0%} of cold wall)"))
        rows.add(("warm rebuild peak RSS (tree; tree PSS)", f"{human(warm.rss)}; {human(warm.pss)}"))
        rows.add(("cold build of the edited archive (no cache)", when(fresh)))
        verdict = "identical, file for file (checked)" if not differ else f"DIFFER in {len(differ)} files: {differ[:5]}"
        rows.add(("warm output vs cold build of the edited archive", verdict))
        if differ:
            print("\n".join(f"{k}: {v}" for k, v in rows))
            raise SystemExit(f"the warm build differs from a cold build after editing {edited}")
    else:
        rows.add(("warm rebuild, one meeting edited", "n/a (no cache_dir option)"))

    if not args.skip_material:
        plain = search_benchmark.plain_material(work, name, project)
        mat = run([sys.executable, "-m", "mkdocs", "build", "-d", str(plain / "site")], plain, env)
        if mat.result.returncode:
            raise SystemExit(f"plain Material build failed:\n{mat.result.stderr[-3000:]}")
        mat_pages = sum(1 for _ in (plain / "site").rglob("index.html"))
        rows.add((f"plain Material, same Markdown ({mat_pages} pages)", when(mat)))
        rows.add(("plain Material peak RSS (PSS)", f"{human(mat.rss)} ({human(mat.pss)})"))
        rows.add(
            (
                "ratio Minutebook cold / plain Material (wall; CPU)",
                f"{cold.wall / mat.wall:.2f}x; {cold.cpu / mat.cpu:.2f}x",
            )
        )
        shutil.rmtree(plain)
    else:
        rows.add(("plain Material, same Markdown", "skipped"))

    if not args.skip_queries:
        queries, _ = search_benchmark.typical_queries(project, False)
        answers = search_benchmark.attempt(search_benchmark.ours, site, queries)
        for query, params in queries.items():
            a = answers[query]
            shown = "&".join(f"{k}={v}" for k, v in params.items())
            rows.add(
                (
                    f"query bytes (gzipped): {query} `{shown}`",
                    f"{human(a['bytes'])}; {a['results']} results; {a['cold_ms']} ms cold",
                )
            )

    pagefind = next((str(p) for p in PAGEFIND if p.exists()), shutil.which("pagefind"))
    if args.skip_pagefind:
        rows.add(("Pagefind", "skipped"))
    elif not pagefind:
        rows.add(("Pagefind", "n/a (npm install pagefind into /tmp/bench-tools)"))
    else:
        pf = run([pagefind, "--site", str(site)], project)
        if pf.result.returncode:
            rows.add(("Pagefind", f"failed: {(pf.result.stderr or pf.result.stdout)[-200:]}"))
        else:
            p_files, p_raw, p_gz = sizes_of(site / "pagefind")
            rows.add(("Pagefind on the built site", f"{when(pf)}, peak RSS {human(pf.rss)}"))
            rows.add(("Pagefind index files / size (gzipped)", f"{p_files} files, {human(p_raw)} ({human(p_gz)})"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000, 20000], help="items per archive")
    parser.add_argument("--reuse", type=Path, help="make the archives here, or reuse those already there")
    parser.add_argument("--skip-material", action="store_true", help="no plain Material baseline")
    parser.add_argument("--skip-warm", action="store_true", help="no warm rebuild (and no second cold build)")
    parser.add_argument("--skip-pagefind", action="store_true", help="no Pagefind run")
    parser.add_argument("--skip-queries", action="store_true", help="no browser query measurement")
    args = parser.parse_args(argv)
    work = args.reuse or Path(tempfile.mkdtemp(prefix="mb-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    for items in args.sizes:
        rows = measure_size(work, items, args)
        print(f"\n## {items} items (cores: {os.cpu_count()})\n\n| measure | value |\n|---|---|")
        for key, value in rows:
            print(f"| {key} | {value} |")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
