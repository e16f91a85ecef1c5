"""`minutebook check` skips rendering to stay fast; it must still report every problem a build reports."""

from __future__ import annotations

import re
import sys

from helpers import fixture_project, minutebook, mkdocs_build, run
from test_error_report import BAD_ARCHIVE

COMMITTEE = """\
    ---
    name: Test Scrutiny Board
    ---
    """

# an archive that builds, with warnings and notes of many kinds
WARNED_ARCHIVE = {
    "scrutiny/committee.md": COMMITTEE,
    "topics.yml": """\
        budget:
          title: Budget
          merge: [no-such-topic]
        """,
    # the agenda published one day before: short notice
    "scrutiny/2017-04-06/meeting.md": """\
        ---
        start: "14:00"
        agenda_published: 2017-04-05
        items:
          - number: 1
            title: Revenue Budget Monitoring
          - number: 2
            title: Youth Justice Partnership Plan
        ---
        """,
    # a minute cited that is not in the archive, a relative reference to a minute not in these minutes,
    # a meeting cited that is not in the archive
    "scrutiny/2017-04-06/minutes.md": """\
        ---
        closed: "16:00"
        ---

        ## 1. Revenue Budget Monitoring

        Further to minute 40/15 and the meeting held on 3 March 2016, see minute 9 above.

        ## 2. Youth Justice Partnership Plan

        Noted.
        """,
    "scrutiny/2017-06-08/meeting.md": """\
        ---
        start: "14:00"
        items:
          - number: 1
            title: Revenue Budget Monitoring Outturn
          - number: 2
            title: Youth Offending Partnership Review
        ---
        """,
}


def problem_lines(output: str) -> set[str]:
    """The problems an output names, without the tool's prefix: `warning: ` from check, `WARNING -  `
    from MkDocs, the indented lines of an error report."""
    found = set()
    for line in output.splitlines():
        match = re.match(r"^(?:(?:info|warning): |(?:INFO|WARNING)\s+-\s+| {2})(meetings/.*)$", line)
        if match:
            found.add(match.group(1))
    return found


def test_check_reports_the_errors_a_build_reports(tmp_path):
    config = fixture_project(tmp_path, BAD_ARCHIVE)
    check = minutebook("check", "meetings", cwd=tmp_path)
    build = mkdocs_build(config, tmp_path / "site", strict=False)
    assert check.returncode == 1 and build.returncode == 1
    built = problem_lines(build.stdout + build.stderr)
    assert len(built) >= 7, build.stderr
    assert problem_lines(check.stdout + check.stderr) == built


def test_check_reports_the_warnings_and_notes_a_build_reports(tmp_path):
    config = fixture_project(tmp_path, WARNED_ARCHIVE)
    check = minutebook("check", "-v", "meetings", cwd=tmp_path)
    # --verbose: a build lists every note (otherwise it counts them by kind)
    build = run(
        [sys.executable, "-m", "mkdocs", "build", "--verbose", "-f", str(config), "-d", str(tmp_path / "site")],
        tmp_path,
    )
    assert check.returncode == 0, check.stderr
    assert build.returncode == 0, build.stderr
    built = problem_lines(build.stdout + build.stderr)
    for expected in (
        "merges 'no-such-topic', which is not a topic",
        "clear working day",
        "minute 40/15 is not in the archive",
        "the meeting of 2016-03-03 is not in the archive",
        "'minute 9 above' refers to minute 9",
        "unsure whether",
    ):
        assert any(expected in line for line in built), f"the fixture no longer causes {expected!r}:\n{built}"
    assert problem_lines(check.stdout + check.stderr) == built


def test_check_and_the_site_are_the_same_with_a_cold_a_warm_and_a_damaged_cache(tmp_path):
    """The parsed-file cache (front matter, minutes bodies, topics' title comparisons) changes nothing
    `minutebook check` prints nor any byte of the built site, whether it is empty, full, or damaged."""
    import shutil
    import subprocess
    from pathlib import Path

    from helpers import digest, env

    repo = Path(__file__).resolve().parent.parent
    config = fixture_project(tmp_path, {})
    shutil.copytree(repo / "meetings", tmp_path / "meetings", dirs_exist_ok=True)
    uncached_config = tmp_path / "mkdocs-uncached.yml"  # the same site with the cache switched off
    text = config.read_text(encoding="utf-8")
    uncached_config.write_text(
        text.replace("meetings_dir: meetings\n", 'meetings_dir: meetings\n      cache_dir: ""\n')
    )
    assert uncached_config.read_text() != text
    cache = tmp_path / "build-cache"

    def command(*args: str, config_file: Path = config) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "-m", *args, "-f", str(config_file)],
            cwd=tmp_path,
            env=dict(env(), MINUTEBOOK_CACHE_DIR=str(cache)) if config_file == config else env(),
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr
        return done

    def check_output(config_file: Path = config) -> list[str]:
        done = command("minutebook.cli", "check", "-v", "meetings", config_file=config_file)
        lines = (done.stdout + done.stderr).splitlines()
        return [line for line in lines if not line.startswith(("info: parsed-file cache:", "info: the site's options"))]

    def site(name: str) -> str:
        command("mkdocs", "build", "-d", str(tmp_path / name))
        return digest(tmp_path / name)

    uncached = check_output(uncached_config)
    assert not cache.exists()
    assert any("unsure whether" in line for line in uncached)  # the topics' comparisons are in the output
    assert check_output() == uncached  # cold: every file read, and stored
    entries = [p for p in (cache / "model").rglob("*") if p.is_file()]
    assert any("topics" in p.relative_to(cache / "model").parts for p in entries)
    assert check_output() == uncached  # warm: every file from the cache
    cold_site = site("site-cold")
    assert site("site-warm") == cold_site
    for entry in entries:  # every entry damaged: each is ignored and worked out again
        damaged = bytearray(entry.read_bytes())
        damaged[-2] ^= 0xFF
        entry.write_bytes(bytes(damaged))
    assert check_output() == uncached
    for entry in (cache / "model").rglob("*"):
        if entry.is_file():
            data = entry.read_bytes()
            entry.write_bytes(data[: len(data) // 2])  # cut short
    assert site("site-damaged") == cold_site
