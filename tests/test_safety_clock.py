"""Issue 11, item 1: embargoes follow UK time (Europe/London, BST aware), whatever the machine's zone."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest
from helpers import env, fixture_project

UK = ZoneInfo("Europe/London")
LATER = "CANARY-EMBARGO-LATER-4e1"
EARLIER = "CANARY-EMBARGO-EARLIER-9b2"


def _archive(now_uk: dt.datetime) -> dict[str, str]:
    later = (now_uk + dt.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M")
    earlier = (now_uk - dt.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M")
    return {
        "board/committee.md": "---\nname: Board\n---\n",
        "board/2020-01-09/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n---\n',
        "board/2020-01-09/papers/later.md": f"---\nitem: 1\nkind: report\ntitle: {LATER}\n"
        f'publish_from: "{later}"\n---\n{LATER} text.\n',
        "board/2020-01-09/papers/earlier.md": f"---\nitem: 1\nkind: report\ntitle: {EARLIER}\n"
        f'publish_from: "{earlier}"\n---\n{EARLIER} text.\n',
    }


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati", "UTC"])
def test_embargo_uses_uk_time_whatever_the_machines_zone(tmp_path, zone):
    """Three hours ahead of UK time stays embargoed, three hours ago is published: in Tokyo (UK+9)
    local time is past the embargo, in Los Angeles (UK-8) it has not reached the earlier one."""
    config = fixture_project(tmp_path, _archive(dt.datetime.now(UK).replace(tzinfo=None)))
    e = env()
    e.pop("MINUTEBOOK_TODAY", None)  # a scheduled rebuild: the clock decides
    e.pop("MINUTEBOOK_NOW", None)
    e["TZ"] = zone
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)],
        cwd=tmp_path,
        env=e,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    text = "\n".join(p.read_bytes().decode("utf-8", "replace") for p in site.rglob("*") if p.is_file())
    assert LATER not in text, f"with TZ={zone} a paper embargoed for three more hours (UK time) is published"
    assert EARLIER in text, f"with TZ={zone} a paper whose embargo ended three hours ago (UK time) is missing"


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles", "Europe/London"])
def test_uk_clock_is_london_time(zone):
    code = (
        "import datetime as dt, zoneinfo; from minutebook.model.clock import uk_now, uk_today; "
        "uk = dt.datetime.now(zoneinfo.ZoneInfo('Europe/London')).replace(tzinfo=None); "
        "print(abs((uk_now() - uk).total_seconds()) < 60, uk_today() == uk.date())"
    )
    e = env()
    e["TZ"] = zone
    out = subprocess.run([sys.executable, "-c", code], env=e, capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["True", "True"], out.stderr
