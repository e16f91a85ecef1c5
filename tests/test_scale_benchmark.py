"""benchmarks/scale.py runs to completion at a tiny size and prints its table, with the warm rebuild
checked identical to a cold build of the edited archive (no timing is asserted: the numbers are for
people to read)."""

from __future__ import annotations

import subprocess
import sys

from helpers import REPO, env


def test_scale_benchmark_prints_its_table(tmp_path):
    done = subprocess.run(
        [
            *(sys.executable, str(REPO / "benchmarks" / "scale.py"), "--sizes", "200"),
            *("--reuse", str(tmp_path), "--skip-pagefind", "--skip-queries"),
        ],
        cwd=REPO,
        env=env(),
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    rows = dict(
        line.strip("|").split(" | ", 1) for line in done.stdout.splitlines() if line.startswith("| ") and " | " in line
    )
    rows = {k.strip(): v.strip(" |") for k, v in rows.items()}
    assert rows["archive"].startswith("demo-2x1: ~200 items")
    assert rows["warm output vs cold build of the edited archive"] == "identical, file for file (checked)"
    assert "x;" in rows["ratio Minutebook cold / plain Material (wall; CPU)"]
    assert rows["Pagefind"] == "skipped"
    files = int(rows["site files / total size (gzipped)"].split()[0])
    search_files = int(rows["search data files / size (gzipped)"].split()[0])
    assert 0 < search_files < files
    # the edit really changed the archive: the edited sentence is on the built site
    warm = list((tmp_path / "scale-200" / "site-warm").rglob("index.html"))
    assert any("The Committee noted the benchmark" in p.read_text(encoding="utf-8") for p in warm)
    cold = list((tmp_path / "scale-200" / "site").rglob("index.html"))
    assert not any("The Committee noted the benchmark" in p.read_text(encoding="utf-8") for p in cold)
