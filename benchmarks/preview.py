"""Preview benchmark: how soon after an officer saves a meeting file does `mkdocs serve` show it?

Generates (or reuses) a synthetic archive with `minutebook demo`, starts `mkdocs serve --livereload`
--dirty with the preview scope MINUTEBOOK_ONLY=<committee>/<year>, edits one meeting file several times,
and polls the meeting's page until the edit shows. Also times `minutebook check` on the whole
archive. Prints a table. Not a test: run it by hand.

    python3 benchmarks/preview.py --committees 10 --years 20      # about 20,000 items
    python3 benchmarks/preview.py --quick                         # a small archive, a minute
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, generate_demo, shape


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except Exception:
        return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--committees", type=int, default=10)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--items", type=int, help="about this many items (benchmarks/common.py's shapes)")
    parser.add_argument("--archive", type=Path, help="reuse this generated meetings folder")
    parser.add_argument("--quick", action="store_true", help="2 committees x 2 years, 3 edits")
    args = parser.parse_args()
    if args.quick:
        args.committees, args.years, args.edits = 2, 2, 3
    if args.items:
        args.committees, args.years = shape(args.items)
    work = Path(tempfile.mkdtemp(prefix="mb-preview-"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    meetings = args.archive or work / "meetings"
    if not args.archive:
        generate_demo(meetings, args.committees, args.years)
    items = sum(1 for _ in meetings.rglob("meeting.md"))
    start = time.monotonic()
    check = subprocess.run(
        [sys.executable, "-m", "minutebook.cli", "check", str(meetings)], env=env, capture_output=True, text=True
    )
    check_seconds = time.monotonic() - start
    summary = check.stdout.strip().splitlines()[-1] if check.stdout.strip() else check.stderr[-300:]

    committee = sorted(p.parent.name for p in meetings.glob("*/committee.md"))[0]
    meeting_dirs = sorted(p for p in (meetings / committee).iterdir() if re.match(r"\d{4}-\d{2}-\d{2}$", p.name))
    target = meeting_dirs[-1]
    year = int(target.name[:4]) if int(target.name[5:7]) >= 5 else int(target.name[:4]) - 1
    scope = f"{committee}/{year}-{(year + 1) % 100:02d}"
    (work / "docs").mkdir(exist_ok=True)
    (work / "docs" / "about.md").write_text("# About\n")
    config = work / "mkdocs.yml"
    config.write_text(
        f"site_name: Preview benchmark\ndocs_dir: docs\ntheme:\n  name: material\n"
        f"  custom_dir: {REPO / 'overrides'}\nplugins:\n  - minutebook:\n"
        f"      meetings_dir: {meetings}\nnav:\n  - About: about.md\n"
    )
    port = free_port()
    serve_env = dict(env, MINUTEBOOK_ONLY=scope)
    started = time.monotonic()
    log = (work / "serve.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--livereload",
            "--dirty",
            "-f",
            str(config),
            "-a",
            f"127.0.0.1:{port}",
        ],
        env=serve_env,
        stdout=subprocess.DEVNULL,
        stderr=log,
        text=True,
    )
    page = f"http://127.0.0.1:{port}/{committee}/{target.name}/"
    timings = []
    try:
        while "Preview benchmark" not in fetch(page):
            if server.poll() is not None:
                print((work / "serve.log").read_text()[-2000:])
                return 1
            if time.monotonic() - started > 600:
                raise TimeoutError("mkdocs serve did not start within 10 minutes")
            time.sleep(0.2)
        first_build = time.monotonic() - started
        meeting_file = target / "meeting.md"
        original = meeting_file.read_text(encoding="utf-8")
        for n in range(args.edits):
            time.sleep(1.5)  # let the watcher settle between edits
            token = f"Committee Room {1000 + n} (edited)"
            text = re.sub(r"^place:.*$", f"place: {token}", original, count=1, flags=re.M)
            if text == original:
                text = original.replace("---\n", f"---\nplace: {token}\n", 1)
            saved = time.monotonic()
            meeting_file.write_text(text, encoding="utf-8")
            while token not in fetch(page):
                if time.monotonic() - saved > 120:
                    raise TimeoutError("the edit did not show within 2 minutes")
                time.sleep(0.05)
            timings.append(time.monotonic() - saved)
        meeting_file.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)
    timings.sort()
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| archive | {summary} |")
    print(f"| meetings in the archive | {items} |")
    print(f"| `minutebook check` on the whole archive | {check_seconds:.1f} s |")
    print(f"| preview scope (MINUTEBOOK_ONLY) | {scope} |")
    print(f"| `mkdocs serve` first build, scoped | {first_build:.1f} s |")
    print(f"| save → page current, median of {len(timings)} edits | {timings[len(timings) // 2]:.2f} s |")
    print(f"| save → page current, worst | {timings[-1]:.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
