"""Fact recall of the one-screen briefing against a lead and a TextRank baseline.

The briefing's 100x30 text sets the character budget; the baselines get exactly as many
characters. Printed with -s; asserted: the briefing recalls more facts than both.
"""

from __future__ import annotations

import pytest

from briefing.brief import build, fit_text
from facts import FACTS, lead_baseline, recall, seed_analysis, textrank_baseline


@pytest.mark.parametrize("provided", [False, True], ids=["english-only", "provided-translations"])
def test_briefing_recalls_more_key_facts_than_baselines(provided, capsys):
    analysis = seed_analysis(provided)
    screen = fit_text(build(analysis), (100, 30))
    budget = len(screen)
    scores = {
        "briefing": recall(screen),
        "lead": recall(lead_baseline(analysis, budget)),
        "textrank": recall(textrank_baseline(analysis, budget)),
    }
    with capsys.disabled():
        print(f"\n[{'provided' if provided else 'english-only'}] budget {budget} chars, {len(FACTS)} facts")
        for name, (found, missed) in scores.items():
            print(f"  {name:9} {len(found):2}/{len(FACTS)}  missed: {', '.join(missed) or '-'}")
    ours = len(scores["briefing"][0])
    assert ours > len(scores["lead"][0]) and ours > len(scores["textrank"][0])
