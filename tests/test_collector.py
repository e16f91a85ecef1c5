"""build.build pauses Python's cyclic collector while it makes the model (build.collector_paused) and
leaves it as it found it, whatever happens inside."""

from __future__ import annotations

import datetime as dt
import gc
import shutil
from pathlib import Path

import pytest
from helpers import site_settings

from minutebook import build as pipeline

REPO = Path(__file__).resolve().parent.parent


def test_the_collector_is_off_while_the_model_is_made_and_as_it_was_afterwards(tmp_path, monkeypatch):
    meetings = tmp_path / "meetings"
    shutil.copytree(REPO / "meetings", meetings)
    seen = []
    original = pipeline.link_archive

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(pipeline, "link_archive", spy)
    for before in (True, False):
        gc.enable() if before else gc.disable()
        try:
            result = pipeline.build(meetings, dt.datetime(2026, 1, 15), settings=site_settings(), history=False)
            assert result.ok and result.pages
            assert gc.isenabled() is before
        finally:
            gc.enable()
    assert seen == [False, False]


def test_the_collector_is_on_again_when_the_build_fails(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a stage failed")

    monkeypatch.setattr(pipeline, "link_archive", broken)
    meetings = tmp_path / "meetings"
    shutil.copytree(REPO / "meetings", meetings)
    gc.enable()
    with pytest.raises(RuntimeError):
        pipeline.build(meetings, dt.datetime(2026, 1, 15), settings=site_settings(), history=False)
    assert gc.isenabled()
