"""SVG snapshots of each screen at 100x30 and 80x24, on the seeds, cache pre-filled.

Update after an intended change: pytest tests/app --snapshot-update
"""

from __future__ import annotations

import pytest

SIZES = {"100x30": (100, 30), "80x24": (80, 24)}

SCREENS = {  # name -> keys pressed once the analysis has landed
    "library": ["j", "j"],
    "reader": ["j", "j", "enter", "n"],
    "reader_side": ["enter", "t", "t", "j"],
    "briefing": ["b"],
    "help": ["j", "j", "enter", "question_mark"],
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCREENS)
def test_screen(snap_compare, app_factory, ready, screen, size):
    async def run_before(pilot) -> None:
        await ready(pilot)
        for key in SCREENS[screen]:
            await pilot.press(key)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.1)

    assert snap_compare(app_factory(), terminal_size=SIZES[size], run_before=run_before)
