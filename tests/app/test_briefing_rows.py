"""The briefing screen's rows carry their lines: every citation shown can be opened, and the
three principals of the sample corpus stay on the screen."""

from __future__ import annotations

import re

import pytest
from textual.widgets import OptionList

from briefing.brief.fit import fit, fit_text
from briefing.model import Briefing, Citation, Line, Provenance, Source
from briefing.tui.screens.reader import ReaderScreen

pytestmark = pytest.mark.anyio

PRINCIPALS = ("Lee Jae-yong", "Sam Altman", "Masayoshi Son")
_NOTE = re.compile(r"\[(\d+)\]")


def _briefing(fact: str) -> Briefing:
    source = Source(1, "a1", "A title", "a.txt", "en", Provenance.ORIGINAL)
    line = Line(fact, (Citation("a1", 3, 1),))
    bottom = Line("Acme met Beta in Seoul on Tuesday to talk about chips.", (Citation("a1", 0, 1),))
    return Briefing(("Acme",), (bottom,), (line,), (), (), (), (), (), (source,))


def test_every_row_of_a_line_carries_it():
    """A row that starts mid-sentence (a wrapped or front-shortened line) still knows its line."""
    fact = "Moreover, according to people familiar with the matter, Acme Corp agreed to buy a stake in Beta Industries for its chip plants."
    briefing = _briefing(fact)
    rows = fit(briefing, (100, 30))
    facts = [r for r in rows if r.section == "facts"]
    assert facts and all(r.lines == briefing.key_facts for r in facts)
    assert all(r.citations == (Citation("a1", 3, 1),) for r in facts)
    assert [r.section for r in rows][:2] == ["title", "bottom"] and rows[-1].section == "sources"
    assert rows[-1].citations == (Citation("a1", 0, 1),)  # a source note opens its article
    assert fit_text(briefing, (100, 30)) == "\n".join(r.text for r in rows)


def _shown_notes(text: str) -> set[int]:
    return {int(n) for n in _NOTE.findall(text)}


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_every_citation_shown_opens_its_source(app_factory, ready, briefing_open, size):
    app = app_factory()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        screen = await briefing_open(pilot)
        text = "\n".join(r.text for r in screen.rows)
        for name in PRINCIPALS:
            assert name in text, f"{name} lost at {size}"
        options = screen.query_one(OptionList)
        cited = [i for i, r in enumerate(screen.rows) if _shown_notes(r.text)]
        assert cited
        for index in cited:
            row = screen.rows[index]
            notes = {c.note for c in row.citations}
            assert row.citations and not options.get_option_at_index(index).disabled, row.text
            if row.section != "differences":  # "Only [2]:" names a source inside the text too
                assert _shown_notes(row.text) <= notes, row.text
        index = cited[-1]
        options.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article_id == screen.rows[index].citations[0].article_id


async def test_rows_fitted_before_the_lines_had_their_size_are_fitted_again(app_factory, ready, briefing_open):
    """Shown after the wait, the rows' list gets its size only at a later layout; a fit
    that ran first (a loaded machine) saw no room and must not stay twenty columns wide."""
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        screen = await briefing_open(pilot)
        lines = screen.query_one(OptionList)
        lines.display = False
        await pilot.pause()
        screen._fit()  # what the fit asked for on showing the rows finds before their layout
        assert screen.rows[0].text == "EXECUTIVE BRIEFING…", screen.rows[0].text
        lines.display = True
        await pilot.pause(0.1)
        assert screen.rows[0].text.startswith("EXECUTIVE BRIEFING · focus:"), screen.rows[0].text
        assert max(len(r.text) for r in screen.rows) > 80
