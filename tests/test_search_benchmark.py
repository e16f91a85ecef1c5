"""The big-archive benchmark runs to completion in its quick mode and prints its table (no timing is
asserted: the numbers are for people to read)."""

from __future__ import annotations

import subprocess
import sys

from browser import require_browser
from helpers import REPO, env


def test_quick_benchmark_prints_its_table(tmp_path):
    require_browser()
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "search_benchmark.py"), "--quick", "--work", str(tmp_path)],
        cwd=REPO,
        env=env(),
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    table = done.stdout
    for heading in ("## Build", "## Search data", "## Queries"):
        assert heading in table
    rows = [line for line in table.splitlines() if line.startswith("| quick |")]
    assert len(rows) == 2 + 5  # build, search data, and the five typical queries
    assert any("best match" in row and "sort=relevance" in row for row in rows)
    assert all("n/a" not in row.split("|")[3] for row in rows[2:])  # Minutebook answered every query
