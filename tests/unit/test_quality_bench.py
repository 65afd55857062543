"""The development corpora are well-formed, and bench/quality.py's scorer counts what it claims.

No briefing quality number is asserted here: bench/quality.py reports those.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tomllib
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import baselines  # noqa: E402
import quality  # noqa: E402

FOLDERS = sorted(p for p in (BENCH / "corpora").iterdir() if p.is_dir())


def _regexes(patterns, where: str) -> None:
    assert isinstance(patterns, list) and patterns, f"{where}: needs a non-empty list of regexes"
    for pattern in patterns:
        re.compile(pattern)  # raises re.error on a bad one


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_checklist_is_well_formed(folder: Path) -> None:
    data = tomllib.loads((folder / "checklist.toml").read_text(encoding="utf-8"))
    facts = data["facts"]
    assert facts, "a checklist needs facts"
    ids = [f["id"] for f in facts]
    assert len(ids) == len(set(ids)), "fact ids repeat"
    for fact in facts:
        assert fact["description"].strip(), fact["id"]
        _regexes(fact["any"], fact["id"])
    files = {p.name for p in folder.iterdir()}
    for disagreement in data.get("disagreements", []):
        assert disagreement["what"].strip(), disagreement["id"]
        assert len(disagreement["sides"]) >= 2, f"{disagreement['id']}: a disagreement has two sides"
        for side in disagreement["sides"]:
            assert side["claim"].strip() and side["files"], disagreement["id"]
            assert set(side["files"]) <= files, f"{disagreement['id']}: names a file not in the folder"
        if "any" in disagreement:
            _regexes(disagreement["any"], disagreement["id"])
    known = {"facts": {"id", "description", "any"}, "not_consensus": {"id", "description", "any"}}
    for table, keys in known.items():
        for entry in data.get(table, []):
            # a top-level key written after a [[table]] header silently joins that table in TOML
            assert set(entry) <= keys, f"{table} {entry.get('id')}: unknown keys {sorted(set(entry) - keys)}"
    for claim in data.get("not_consensus", []):
        assert claim["description"].strip(), claim["id"]
        _regexes(claim["any"], claim["id"])
    if "junk" in data:
        _regexes(data["junk"], "junk")


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_sources_name_every_article_with_its_licence(folder: Path) -> None:
    data = tomllib.loads((folder / "SOURCES.toml").read_text(encoding="utf-8"))
    entries = data["article"]
    listed = [e["file"] for e in entries]
    assert sorted(listed) == [p.name for p in quality.articles_of(folder)], "SOURCES must list exactly the article files"
    for entry in entries:
        where = entry["file"]
        for key in ("outlet", "licence", "language"):
            assert str(entry[key]).strip(), f"{where}: {key} is empty"
        assert re.match(r"https?://\S+$", entry["url"]), f"{where}: url"
        dt.date.fromisoformat(str(entry["published"]))
        article = folder / where
        if entry["language"] != "en":
            sidecar = article.with_name(article.stem + ".en.txt")
            assert sidecar.is_file(), f"{where}: a non-English article needs {sidecar.name}"
            assert entry.get("translation", sidecar.name) == sidecar.name
            original = [row for row in article.read_text(encoding="utf-8").splitlines() if row.strip()]
            english = [row for row in sidecar.read_text(encoding="utf-8").splitlines() if row.strip()]
            assert len(original) == len(english), f"{sidecar.name}: one line per line of the original"


# -- the scorer on hand-made input ------------------------------------------------------------

SCREEN = """\
EXECUTIVE BRIEFING · focus: none · 2 sources (en, id)
BOTTOM LINE  A 7.2 quake hit Bohol on Tuesday, killing at least 20 people and damaging
             churches. [1][2] 2 agree
KEY FACTS    The quake toppled a bell tower in Cebu. [1][2] 2 agree
             • A view of the destroyed church in Clarin, Oct. 16, 2013. [1]
             Officials said the toll had. [2]
             Rescuers worked through the night… [1]
PLAYERS      Sian Maynard [1][2] · Bohol [1][2]
DIFFERENCES  Figures differ: [2] 93 vs [1] 20: the toll rose during the day. [1][2]
SOURCES      [1] en original · [2] id provided
"""

CHECKLIST = quality.Checklist(
    facts=[
        quality.Fact("magnitude", "7.2", [[r"7\.2"]]),
        quality.Fact("toll", "93", [[r"\b93\b"]]),
        quality.Fact("both", "needs both", [[r"bohol", r"cebu"]]),
        quality.Fact("absent", "not there", [[r"siquijor"]]),
    ],
    disagreements=[{"id": "toll", "any": [r"93.{0,40}20"]}],
    not_consensus=[{"id": "toll-20", "any": [r"\b20 people\b"]}],
    junk=[r"Oct\. 1[56], 2013"],
)


def test_screen_is_read_into_items_with_their_marks() -> None:
    items = quality.screen_items(SCREEN)
    bottom = [i for i in items if i.section == "BOTTOM LINE"]
    assert len(bottom) == 1 and bottom[0].text.endswith("damaging churches.")
    assert bottom[0].cites == (1, 2) and bottom[0].agree == 2
    assert [i.text for i in items if i.section == "PLAYERS"] == ["Sian Maynard", "Bohol"]
    assert sum(i.section == "KEY FACTS" for i in items) == 4


def test_a_bottom_line_of_two_claims_is_read_as_two_items_with_their_own_marks() -> None:
    screen = (
        "EXECUTIVE BRIEFING\n"
        "BOTTOM LINE  Rescuers searched Bohol a day after an earthquake struck. [2][5] 2 agree Officials said\n"
        "             the toll has risen to 144 people [1]. [5]\n"
        "KEY FACTS    The quake had magnitude 7.2. [1]\n"
    )
    bottom = [i for i in quality.screen_items(screen) if i.section == "BOTTOM LINE"]
    assert [(i.text, i.cites, i.agree) for i in bottom] == [
        ("Rescuers searched Bohol a day after an earthquake struck.", (2, 5), 2),
        ("Officials said the toll has risen to 144 people [1].", (5,), 1),  # marks inside a claim end none
    ]


def test_facts_need_every_regex_of_an_alternative() -> None:
    assert quality.facts_found(SCREEN, CHECKLIST) == ["magnitude", "toll", "both"]


def test_wrong_claim_only_on_a_line_that_claims_agreement() -> None:
    items = quality.screen_items(SCREEN)
    wrong = quality.wrong_claims(items, CHECKLIST)
    assert [(i.section, why) for i, why in wrong] == [("BOTTOM LINE", "toll-20")]
    alone = [quality.Item("KEY FACTS", "At least 20 people died.", (1,), 1)]
    assert quality.wrong_claims(alone, CHECKLIST) == []


def test_a_line_dated_after_every_source_is_wrong() -> None:
    """Haiyan at 2c8112c: a gallery's navigation dated a NASA page 2015, so its "November 7"
    became "7 Nov 2014" on a screen of sources published by 18 November 2013."""
    newest = dt.date(2013, 11, 18)
    late = quality.Item("TIMELINE", "7 Nov 2014: The storm made its first landfall on November 7.", (9,), 1)
    ok = quality.Item("TIMELINE", "8 Nov 2013: The typhoon struck Leyte.", (1,), 1)
    month = quality.Item("KEY FACTS", "Jan 2012: Background of the story.", (1,), 1)
    assert [why for _, why in quality.wrong_claims([late, ok, month], CHECKLIST, newest=newest)] == [
        "dated 2014-11-07, after every source (newest 2013-11-18)"]
    assert quality.wrong_claims([late], CHECKLIST) == []  # no publication dates known: nothing to check
    assert quality.newest_published(quality.CORPORA / "07-typhoon-haiyan") == newest


def test_agreement_on_a_figure_a_cited_source_lacks_is_wrong() -> None:
    line = quality.Item("KEY FACTS", "At least 93 people were killed in 2013.", (1, 2), 2)
    sources = {1: "killing at least 93 people", 2: "menewaskan sedikitnya 20 orang"}
    assert quality.unsupported_figures(line, sources) == ["93 not in [2]"]
    assert quality.wrong_claims([line], quality.Checklist([]), sources)[0][1] == "93 not in [2]"
    sources[2] = "at least 93 dead"
    assert quality.wrong_claims([line], quality.Checklist([]), sources) == []


def test_only_n_is_wrong_when_another_source_states_it() -> None:
    line = quality.Item("DIFFERENCES", "Only [3]: Aquino met local officials in Bohol on Wednesday.", (3,), 1)
    by_source = {
        1: ["President Aquino met with local officials Wednesday in Bohol."],
        3: ["Aquino met local officials in Bohol on Wednesday."],
    }
    assert quality.wrong_claims([line], quality.Checklist([]), {}, by_source)[0][1] == "also stated by [1]"
    by_source[1] = ["The quake killed 93 people."]
    assert quality.wrong_claims([line], quality.Checklist([]), {}, by_source) == []


def test_a_refusal_to_comment_is_no_disagreement() -> None:
    line = quality.Item("DIFFERENCES", "Not confirmed: Samsung declined to comment on the talks.", (2,), 1)
    assert quality.wrong_claims([line], quality.Checklist([])) == [(line, "a refusal to comment is no disagreement")]


def test_dates_and_ordinals_are_not_figures_to_check() -> None:
    sources = {1: "the quake of Tuesday", 2: "the quake of Tuesday"}
    for text in ("On the 16th, the ship sank.", "It sank on 16 April.", "It struck on Oct. 15."):
        assert quality.unsupported_figures(quality.Item("KEY FACTS", text, (1, 2), 2), sources) == [], text


def test_junk_counts_generic_and_event_furniture() -> None:
    items = quality.screen_items(SCREEN)
    assert [i.text for i in quality.junk(items, CHECKLIST)] == ["• A view of the destroyed church in Clarin, Oct. 16, 2013."]
    assert quality.junk([quality.Item("TEXT", "Accessibility links")], quality.Checklist([]))
    assert quality.junk([quality.Item("TEXT", "XS SM MD LG")], quality.Checklist([]))


def test_fragments_are_cut_or_end_on_a_function_word() -> None:
    items = quality.screen_items(SCREEN)
    assert [i.text for i in quality.fragments(items)] == ["Officials said the toll had.", "Rescuers worked through the night…"]
    for cut in ("The deal was worth 80% of.", "He met the.", "The talks ended without a stop", "Prices rose…"):
        assert quality.is_fragment(cut), cut
    for whole in ("The quake killed 93 people.", "“We are afraid,” she said.", "Was it a tsunami?"):
        assert not quality.is_fragment(whole), whole


def test_a_line_cut_before_the_rest_of_its_clause_is_counted() -> None:
    sentences = [
        "Maynard said several historic buildings in the area were badly damaged.",
        "The quake killed 93 people.",
        "Ma Liya told Xinhua that the streets were like a battlefield.",
        "Earthquakes are common in the Philippines, which lies along the Pacific Rim of Fire.",
        "A powerful earthquake struck the central Philippines early Tuesday, killing at least 93 people.",
    ]
    items = [
        quality.Item("KEY FACTS", "Maynard said several historic buildings.", (1,), 1),
        quality.Item("KEY FACTS", "The quake killed 93 people.", (1,), 1),
        quality.Item("DIFFERENCES", "Only [2]: Ma Liya told Xinhua.", (2,), 1),
        quality.Item("PLAYERS", "Ma Liya told Xinhua", (2,), 1),  # not prose: never checked
        quality.Item("KEY FACTS", "Earthquakes are common in the Philippines.", (1,), 1),  # fair shortening
        quality.Item("KEY FACTS", "A powerful earthquake struck the central Philippines early Tuesday.", (1,), 1),
        quality.Item("KEY FACTS", "Ma Liya told Xinhua that the…", (1,), 1),  # a fragment already
    ]
    cut = quality.cut_lines(items, sentences)
    assert [(i.text, rest) for i, rest in cut] == [
        ("Maynard said several historic buildings.", "in the area were badly damaged"),
        ("Only [2]: Ma Liya told Xinhua.", "that the streets were like a battlefield"),
        ("A powerful earthquake struck the central Philippines early Tuesday.", "killing at least 93 people"),
    ]


def test_disagreement_shown_is_counted() -> None:
    assert quality.disagreements_shown(SCREEN, CHECKLIST) == (1, 1)


# -- the baselines -------------------------------------------------------------------------------

DOCS = [
    ["The quake struck Bohol island on Tuesday.", "Churches collapsed in Bohol.", "A girl was rescued."],
    ["A strong quake struck Bohol and Cebu on Tuesday.", "The quake killed 93 people in Bohol."],
]


def test_lead_takes_first_sentences_in_turn_and_never_cuts() -> None:
    text = baselines.lead(DOCS, 90)
    assert text.splitlines() == ["The quake struck Bohol island on Tuesday.", "A strong quake struck Bohol and Cebu on Tuesday."]
    assert len(text) <= 90


def test_within_skips_a_sentence_that_does_not_fit_and_takes_a_shorter_one() -> None:
    assert baselines.within(["short one.", "a much longer sentence here.", "tiny."], 17).splitlines() == ["short one.", "tiny."]


@pytest.mark.parametrize("name", ["textrank", "lexrank"])
def test_graph_baselines_rank_the_central_sentence_first(name: str) -> None:
    text = baselines.BASELINES[name](DOCS, 1000)
    lines = text.splitlines()
    assert sorted(lines) == sorted(s for doc in DOCS for s in doc)
    assert lines[0] != "A girl was rescued."  # shares no word with the rest: never the centre
