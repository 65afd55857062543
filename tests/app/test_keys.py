"""No key ever ends in a traceback: every key bound on every screen and modal is pressed.

The keys come from what Textual has bound at that moment (the screen's, the focused
widget's and the app's bindings), plus a few that users press anywhere, so a binding
added later is swept without editing this test.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

pytestmark = pytest.mark.anyio

QUIT_KEYS = {"q", "ctrl+q", "ctrl+c"}  # swept last, on their own (tests below)
ALWAYS = ("escape", "enter", "tab", "shift+tab", "up", "down", "left", "right", "space", "x", "1")


async def _home(pilot: Pilot) -> None:
    """Back to the library with nothing open, whatever is on the screen."""
    app = pilot.app
    for _ in range(10):
        if len(app.screen_stack) == 1:
            break
        app.pop_screen()
        await pilot.pause()
    library = app.screen
    library.action_clear()  # type: ignore[attr-defined]
    await pilot.pause()


def _state(pilot: Pilot) -> tuple[object, ...]:
    app = pilot.app
    focused = app.focused
    screen = app.screen
    return (type(screen).__name__, len(app.screen_stack), getattr(screen, "view_mode", None), focused.id if focused else None)


STATES: dict[str, tuple[str, ...]] = {  # name -> keys from the library that reach it
    "library": (),
    "library-filter": ("slash",),
    "library-preview": ("tab",),
    "picker": ("e",),
    "reader-english": ("j", "j", "enter"),
    "reader-original": ("enter", "t"),
    "reader-side": ("enter", "t", "t"),
    "entity-panel": ("j", "j", "enter", "tab"),
    "briefing": ("b",),
    "models": ("m",),
    "help": ("question_mark",),
    "reader-help": ("enter", "f1"),
    "palette": ("ctrl+p",),
}


async def _reach(pilot: Pilot, keys: tuple[str, ...]) -> None:
    await _home(pilot)
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _keys_bound(pilot: Pilot) -> list[str]:
    keys = [key for key in pilot.app.screen.active_bindings]
    return [k for k in dict.fromkeys([*keys, *ALWAYS]) if k not in QUIT_KEYS]


def _alive(pilot: Pilot, where: str, key: str) -> None:
    app = pilot.app
    assert app._exception is None, f"{where}: {key} raised {app._exception!r}"
    assert app.is_running and app.return_code is None, f"{where}: {key} ended the app"


async def _sweep(pilot: Pilot, name: str, keys: tuple[str, ...], settle: Callable[[], Awaitable[None]]) -> int:
    await _reach(pilot, keys)
    expected = _state(pilot)
    pressed = 0
    for key in _keys_bound(pilot):
        await pilot.press(key)
        await settle()
        _alive(pilot, name, key)
        pressed += 1
        if _state(pilot) != expected:  # popping screens runs their removal: a crash there counts too
            await _reach(pilot, keys)
            _alive(pilot, name, f"{key} (then back)")
    return pressed


@pytest.mark.parametrize("name", STATES)
async def test_no_key_ends_in_a_traceback(app_factory, ready, tmp_path, name):
    app = app_factory(f'export_dir = "{tmp_path / "exports"}"\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)

        async def settle() -> None:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()

        pressed = await _sweep(pilot, name, STATES[name], settle)
        assert pressed >= len(ALWAYS)


@pytest.mark.parametrize("name", STATES)
async def test_q_quits_from_every_screen_and_modal(app_factory, ready, tmp_path, name):
    app = app_factory(f'export_dir = "{tmp_path / "exports"}"\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await _reach(pilot, STATES[name])
        if name in ("library-filter", "picker", "palette"):  # q is typed into the field: esc first
            await pilot.press("escape")
        for _ in range(2):  # a modal closes on q, then q quits (as the help says)
            if not app.is_running:
                break
            await pilot.press("q")
            await pilot.pause()
        assert app._exception is None
        assert not app.is_running and app.return_code == 0, f"q did not quit from {name}"


# -- esc typed just before a key: the bytes a terminal sends, through the app's parser -------


def _parsed(data: str) -> list:
    """Key events as the terminal driver makes them from `data` read in one go."""
    import time

    from briefing.tui.keys import EscapeParser

    parser = EscapeParser()
    events = list(parser.feed(data))
    time.sleep(0.15)  # the driver's tick after ESCDELAY (100 ms)
    return events + list(parser.tick())


@pytest.mark.parametrize(
    ("data", "keys"),
    [
        ("\x1b?", ["escape", "question_mark"]),
        ("\x1b ", ["escape", "space"]),
        ("\x1b\r", ["escape", "enter"]),
        ("b\x1b?x", ["b", "escape", "question_mark", "x"]),
        ("\x1bq", ["alt+q"]),  # split by the app (split_escape), as before
        ("\x1b", ["escape"]),
        ("\x1b[A", ["up"]),  # an escape sequence is still one key
        ("?", ["question_mark"]),
    ],
)
def test_the_parser_keeps_an_esc_typed_just_before_a_key(data, keys):
    assert [event.key for event in _parsed(data)] == keys


def test_the_app_makes_the_terminal_drivers_use_that_parser(app_factory):
    from textual.drivers import linux_driver

    from briefing.tui.keys import EscapeParser

    app_factory()
    assert linux_driver.XTermParser is EscapeParser


async def _typed_at_launch(app, pilot, data: str) -> None:
    for _ in range(300):  # the list is there; the analysis may still be running
        if app.state.articles:
            break
        await pilot.pause(0.02)
    for event in _parsed(data):
        app.post_message(event)
    for _ in range(10):
        await pilot.pause(0.02)


async def test_esc_then_question_mark_at_launch(app_factory):
    from briefing.tui.screens.help import HelpScreen

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await _typed_at_launch(app, pilot, "b\x1b?")  # the briefing, esc back, then help
        assert isinstance(app.screen, HelpScreen)
        assert [type(s).__name__ for s in app.screen_stack] == ["LibraryScreen", "HelpScreen"]


async def test_esc_then_enter_at_launch(app_factory):
    from briefing.tui.screens.reader import ReaderScreen

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await _typed_at_launch(app, pilot, "b\x1b\r")  # the briefing, esc back, enter opens the article
        assert isinstance(app.screen, ReaderScreen)
        assert len(app.screen_stack) == 2


async def test_esc_then_space_at_launch(app_factory):
    from briefing.tui.screens.library import LibraryScreen

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await _typed_at_launch(app, pilot, "b\x1b ")  # the briefing, esc back, space (nothing in the list)
        assert isinstance(app.screen, LibraryScreen) and len(app.screen_stack) == 1
