"""What the benchmarks share: the synthetic archives (`minutebook demo`) by item count, and measuring
a command's wall time, CPU time and peak memory with its worker processes included."""

from __future__ import annotations

import gzip
import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOW = "2026-11-22"  # every benchmark builds as if on this day, so runs compare


def shape(items: int) -> tuple[int, int]:
    """(committees, municipal years) of a demo archive of about ``items`` items: the demo writes 10
    items a meeting and 10 meetings a year, so 100 items a committee-year; 20 committees at most."""
    committees = 20 if items >= 20_000 else max(2, items // 1000)
    years = max(1, round(items / committees / 100))
    return committees, years


def generate_demo(into: Path, committees: int, years: int) -> Path:
    """Write a demo archive (`minutebook demo`, seed 1, from the sample archive) into ``into``."""
    subprocess.run(
        [
            *(sys.executable, "-m", "minutebook.cli", "demo", "--into", str(into)),
            *("--committees", str(committees), "--years", str(years), "--from", str(REPO / "meetings")),
        ],
        check=True,
        env=dict(os.environ, PYTHONPATH=str(REPO / "plugins")),
        stdout=subprocess.DEVNULL,
    )
    return into


def demo_archive(folder: Path, items: int) -> Path:
    """The demo archive of about ``items`` items under ``folder``, generated once and reused."""
    committees, years = shape(items)
    meetings = Path(folder) / f"demo-{committees}x{years}"
    done = Path(folder) / f"demo-{committees}x{years}.done"
    if not done.exists():
        generate_demo(meetings, committees, years)
        done.write_text(f"{committees} {years}\n")
    return meetings


# -- measuring a process tree -------------------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                tree.setdefault(ppid, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return tree


def _tree_sum(pid: int, file: str, field: str) -> int:
    tree, total, todo = _children(), 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/{file}").read_text().splitlines():
                if line.startswith(field):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
        todo.extend(tree.get(p, []))
    return total


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants now. A page that forked workers share with
    their parent is counted once in each of them."""
    return _tree_sum(pid, "status", "VmRSS:")


def tree_pss(pid: int) -> int:
    """Proportional set size of a process and its descendants now: each shared page divided among the
    processes that share it, so the sum is the memory the tree really holds (what a CI runner's limit
    counts)."""
    return _tree_sum(pid, "smaps_rollup", "Pss:")


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the command and every descendant it waited for
    rss: int  # peak bytes of the whole process tree at once (sampled every 0.2 s)
    pss: int  # the same, shared pages counted once (proportional set size)
    max_rss: int  # peak bytes of its largest single process (getrusage RUSAGE_CHILDREN)
    result: subprocess.CompletedProcess


def run(args: list[str], cwd: Path, env: dict | None = None) -> Run:
    """Run a command and measure it. getrusage(RUSAGE_CHILDREN) counts only processes that have ended
    and been waited for, so the caller runs one command at a time."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MINUTEBOOK_TODAY": NOW, **(env or {})}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0, 0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            peak[1] = max(peak[1], tree_pss(proc.pid))
            time.sleep(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    thread.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(
        wall,
        cpu,
        peak[0],
        peak[1],
        after.ru_maxrss * 1024,
        subprocess.CompletedProcess(args, proc.returncode, out, err),
    )


def measure(args: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int, subprocess.CompletedProcess]:
    """(seconds, peak RSS of the process tree in bytes, result) of a command."""
    done = run(args, cwd, env)
    return done.wall, done.rss, done.result


def sizes_of(folder: Path, pattern: str = "*") -> tuple[int, int, int]:
    """(files, raw bytes, gzipped bytes) of the files below a folder."""
    files = [p for p in Path(folder).rglob(pattern) if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    gz = sum(len(gzip.compress(p.read_bytes(), 6)) for p in files)
    return len(files), raw, gz


def human(n: float) -> str:
    return f"{n / 1e9:.2f} GB" if n >= 1e9 else f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"
