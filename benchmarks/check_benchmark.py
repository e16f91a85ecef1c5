"""Check benchmark: CPU seconds of `minutebook check` per stage, and the scoped preview, by archive size.

Makes (or reuses) synthetic archives with `minutebook demo` of about 2,000, 8,000 and 20,000 items
(benchmarks/common.py: 10 items a meeting, 10 meetings a year), runs `minutebook check` on each in this process with every
stage of `build.build` wrapped in a timer, and prints CPU time (time.process_time: the machine may
be shared, so wall time would measure the other jobs), then the scoped preview: `mkdocs serve`
with MINUTEBOOK_ONLY=<committee>/<YYYY-YY>, through benchmarks/preview.py. Not a test: run it by hand.

    python3 benchmarks/check_benchmark.py                      # 2k, 8k and 20k items
    python3 benchmarks/check_benchmark.py --sizes 2000 --no-preview
    python3 benchmarks/check_benchmark.py --reuse /tmp/mb-check  # keep the archives between runs
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))
sys.path.insert(0, str(REPO / "benchmarks"))

from common import demo_archive  # noqa: E402

from minutebook import build as pipeline  # noqa: E402
from minutebook import cli  # noqa: E402

# the stages build.build calls, by the names it imports them under
STAGES = [
    "load_archive",
    "withheld_sources",
    "sanitize_archive",
    "publish",
    "attach_history",
    "infer_approvals",
    "link_archive",
    "check_archive",
    "assign_topics",
    "link_programmes",
    "build_tracker",
    "build_site",
    "archive_urls",
    "check_redirects",
]


def timed_check(meetings: Path) -> tuple[dict[str, float], float, str]:
    """CPU seconds of each stage and of the whole `minutebook check`, and its summary line."""
    spent: dict[str, float] = {}
    originals = {name: getattr(pipeline, name) for name in STAGES if hasattr(pipeline, name)}

    def timer(name, function):
        def wrapped(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - start

        return wrapped

    for name, function in originals.items():
        setattr(pipeline, name, timer(name, function))
    out = io.StringIO()
    start = time.process_time()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            cli.main(["check", str(meetings)])
    finally:
        for name, function in originals.items():
            setattr(pipeline, name, function)
    total = time.process_time() - start
    lines = out.getvalue().strip().splitlines()
    return spent, total, lines[-1] if lines else ""


def preview(meetings: Path) -> str:
    """benchmarks/preview.py's table for this archive (its scoped serve times), or why not."""
    run = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "preview.py"), "--archive", str(meetings), "--edits", "3"],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO / "plugins")),
    )
    return run.stdout.strip() or run.stderr.strip()[-500:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000, 20000], help="items per archive")
    parser.add_argument("--reuse", type=Path, help="make the archives here, or reuse those already there")
    parser.add_argument("--no-preview", action="store_true", help="time only `minutebook check`")
    args = parser.parse_args()
    folder = args.reuse or Path(tempfile.mkdtemp(prefix="mb-check-"))
    folder.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        meetings = demo_archive(folder, size)
        spent, total, summary = timed_check(meetings)
        print(f"\n## {meetings}\n{summary}\n")
        print("| stage | CPU s |\n|---|---:|")
        for name in STAGES:
            if name in spent:
                print(f"| {name} | {spent[name]:.2f} |")
        print(f"| **minutebook check** | **{total:.2f}** |")
        if not args.no_preview:
            print(f"\nscoped preview (benchmarks/preview.py):\n{preview(meetings)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
