"""`e` in the briefing writes where the user is, whatever bytes its folder's name holds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.tui.screens.briefing import BriefingScreen

pytestmark = pytest.mark.anyio


async def test_export_into_a_folder_whose_name_is_not_utf8(app_factory, tmp_path: Path, monkeypatch, ready) -> None:
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9-\x1b[2J"))
    folder.mkdir()
    monkeypatch.chdir(folder)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("e")
        await pilot.pause()
        assert app.is_running
        written = list(folder.glob("briefing-*.md"))
        assert len(written) == 1 and written[0].read_text(encoding="utf-8").startswith("# Executive briefing")
        shown = [str(n.message) for n in app._notifications]
        assert any("caf\\xe9-\\x1b[2J" in m for m in shown) and not any("\x1b" in m for m in shown)
