"""One screen as a coverage of the corpus: nothing said twice, the latest development kept,
players who act in the event (not outlets, not places), on small hand-made corpora."""

from __future__ import annotations

import datetime as dt

from briefing.brief import build, fit_text
from briefing.brief.coverage import Record, concepts, weights
from briefing.brief.features import build_corpus
from briefing.model import Analysis
from test_brief_claims import corpus

QUAKE = {"Bohol": "GPE", "Cebu": "GPE", "Philippines": "GPE", "Xinhua": "ORG", "Red Cross": "ORG", "Maria Santos": "PERSON",
         "Juan Cruz": "PERSON"}


def _story() -> Analysis:
    return corpus(
        [
            ("a", dt.date(2013, 10, 15), [
                "A magnitude 7.2 earthquake struck Bohol in the Philippines on Tuesday, killing 93 people.",
                "Red Cross official Maria Santos said rescuers were searching collapsed churches in Bohol.",
                "The quake was felt in Cebu, where 15 people died, Xinhua reported.",
            ]),
            ("b", dt.date(2013, 10, 15), [
                "A magnitude 7.2 earthquake struck Bohol in the Philippines on Tuesday, killing 93 people, Xinhua reported.",
                "Maria Santos of the Red Cross said aftershocks kept residents outside their homes.",
            ]),
            ("c", dt.date(2013, 10, 19), [
                "Four days after the earthquake, police in Bohol arrested two looters on Saturday, Maria Santos said.",
                "Shopkeeper Juan Cruz told Xinhua the looters had taken rice.",
            ]),
        ],
        QUAKE,
    )


def _screen_lines(b) -> list[str]:
    return [line.text for line in (*b.bottom_line, *b.key_facts, *b.numbers, *b.timeline, *b.differences)]


def test_nothing_is_said_twice_on_the_screen():
    b = build(_story())
    screen = fit_text(b, (100, 30))
    assert screen.count("killing 93 people") == 1, screen
    texts = _screen_lines(b)
    assert len(texts) == len(set(texts))


def test_concepts_weigh_as_many_sources_as_state_them():
    c = build_corpus(_story())
    w = weights(c)
    assert w["@gpe:bohol"] == 3 and w["#93"] == 2 and w["@person:maria santos"] == 3
    assert "@gpe:cebu" not in w and "@person:juan cruz" not in w  # a name said once is a detail of its line
    assert w["#15"] == 1  # a figure said once may be the story's: it counts
    record = Record(c)
    lead = next(u for u in c.units if u.text.startswith("A magnitude 7.2") and u.article.id == "a")
    record.add([lead])
    assert concepts(lead) <= record.covered and record.gain(lead) == 0


def test_the_latest_development_is_never_lost():
    b = build(_story())
    assert any("arrested two looters" in text for text in _screen_lines(b)), _screen_lines(b)
    assert "19 Oct 2013" in " ".join(line.text for line in b.timeline) or any("looters" in line.text for line in b.key_facts)


def test_players_are_actors_not_outlets_or_places():
    names = [line.text.split(":")[0] for line in build(_story()).players]
    assert "Maria Santos" in names
    assert "Xinhua" not in names  # "Xinhua reported", "told Xinhua": an outlet
    assert "Bohol" not in names and "Cebu" not in names


def test_rows_left_go_to_the_section_whose_next_line_says_something_new():
    from briefing.brief.fit import fit
    from briefing.model import Briefing, Citation, Line, Provenance, Source

    def line(text: str, note: int = 1) -> Line:
        return Line(text, (Citation("a", note, 1),), 1)

    towns = ["Arles", "Bergamo", "Cadiz", "Dresden", "Evora", "Fulda", "Girona", "Hanau", "Imola", "Jena", "Kassel", "Lucca",
             "Mainz", "Nantes"]  # more facts than the screen holds
    facts = tuple(line(f"Floods closed {t} station after {i + 2},000 people left {t} on Monday, officials in {t} said.", i)
                  for i, t in enumerate(towns))
    # players named by the first three facts (always shown) already: a second row of them says nothing new
    players = tuple(line(f"{t} {what}") for t in towns[:3] for what in ("officials", "station", "people"))
    b = Briefing(focus=(), bottom_line=(line("Floods hit ten towns on Monday, officials said."),), key_facts=facts,
                 players=players, numbers=(), timeline=(), differences=(), coverage=(),
                 sources=(Source(1, "a", "t", "x", "en", Provenance.ORIGINAL, None),), quotes=())
    rows = fit(b, (100, 30))
    sections = [r.section for r in rows]
    assert sections.count("players") == 1  # its minimum only
    assert sections.count("facts") >= 20, sections


def test_an_organisation_that_does_nothing_and_a_name_that_says_place_are_no_players():
    analysis = corpus(
        [("a", dt.date(2030, 5, 20), ["Thieves stole eight jewels from the Museo Civico in Turin on Sunday morning.",
                                      "The Carabinieri said they had arrested two men near Jeju Island.",
                                      "The Unha Rocket Works lies near the museum, and the Carabinieri sealed the Unha Rocket Works."]),
         ("b", dt.date(2030, 5, 20), ["Prosecutor Marta Ricci said the Carabinieri found the jewels near Jeju Island.",
                                      "The Unha Rocket Works was closed on Sunday."])],
        {"Museo Civico": "ORG", "Turin": "GPE", "Marta Ricci": "PERSON", "Carabinieri": "ORG", "Unha Rocket Works": "ORG",
         "Jeju Island": "PERSON"},
    )
    names = [line.text.split(":")[0] for line in build(analysis).players]
    assert "Carabinieri" in names  # "the Carabinieri said": an actor
    assert "Unha Rocket Works" not in names  # named twice by two sources, but only things happen to it
    assert "Jeju Island" not in names  # a place by its own name, whatever the model's label


def test_a_role_is_read_from_x_is_title_of_y():
    from briefing.brief.players import _role_from_text

    text = "Lee Yun-keol is president of the Strategic Information Service Center, a private institute."
    units = build_corpus(corpus([("a", dt.date(2030, 5, 20), [text])], {"Lee Yun-keol": "PERSON"})).units
    assert _role_from_text("Lee Yun-keol", units) == "president of the Strategic Information Service Center"


def _flood_briefing(spread: dict[str, int], towns: int = 12):
    from briefing.model import Briefing, Citation, Line, Provenance, Source

    def line(text: str, note: int = 1) -> Line:
        return Line(text, (Citation("a", note, 1),), 1)

    places = [("Arles", "Bergamo", "Cadiz"), ("Dresden", "Evora", "Fulda"), ("Girona", "Hanau", "Imola"),
              ("Jena", "Kassel", "Lucca"), ("Mainz", "Nantes", "Orvieto"), ("Parma", "Quimper", "Rouen"),
              ("Siena", "Trier", "Ulm"), ("Vienne", "Worms", "Xanten"), ("Ypres", "Zamora", "Avila"),
              ("Bruges", "Colmar", "Dijon"), ("Erfurt", "Faro", "Genk"), ("Hamelin", "Ibiza", "Jaen")]
    facts = tuple(line(f"Floods shut {a}, {b} and {c}.") for a, b, c in places[:towns])
    first = line("$2B: The government said it would spend $2 billion on new river defences along the Rhone, the Loire "
                 "and the Garonne, with engineers from Veolia and Vinci working on the levees through the winter.")
    second = line("$300M: Insurers put the damage to homes and roads across the flooded region at $300 million.")
    return Briefing(focus=(), bottom_line=(line("Floods hit the country on Monday, officials said."),), key_facts=facts,
                    players=(), numbers=(first, second), timeline=(), differences=(), coverage=(),
                    sources=(Source(1, "a", "t", "x", "en", Provenance.ORIGINAL, None),), quotes=(), spread=spread)


def test_a_figure_sentence_takes_three_rows_rather_than_be_cut_or_lost():
    text = fit_text(_flood_briefing({}, towns=3), (100, 30))
    numbers = text.split("NUMBERS", 1)[1].splitlines()[:3] if "NUMBERS" in text else []
    assert numbers and numbers[-1].rstrip().endswith("winter. [1]"), text


def test_rows_weigh_their_words_by_the_sources_stating_them():
    """A line saying what every source says outranks lines of names one source gives."""
    text = fit_text(_flood_briefing({}), (100, 16))
    assert "Insurers" not in text, text  # each key fact names three new towns
    weighed = fit_text(_flood_briefing({w: 6 for w in ("insurers", "damage", "homes", "roads", "flooded", "region")}), (100, 16))
    assert "Insurers put the damage" in weighed, weighed


def test_a_storm_is_no_player_and_an_outlet_that_is_told_is_no_focus():
    """The model labels a storm a person or an organisation: it is what happens to the
    places, not an actor. "Maria Santos tells VOA" names an outlet, as "told" does."""
    day = dt.date(2030, 11, 8)
    analysis = corpus([
        ("a", day, ["Typhoon Haiyan struck Leyte on Friday, Governor Maria Santos said.",
                    "Typhoon Haiyan killed 300 people in Leyte, Maria Santos tells VOA."]),
        ("b", day, ["Typhoon Haiyan said to have killed 300 people in Leyte, Maria Santos tells VOA."]),
        ("c", day, ["Typhoon Haiyan hit Leyte with winds of 300 km/h, Maria Santos said."]),
    ], {"Typhoon Haiyan": "PERSON", "Leyte": "GPE", "Maria Santos": "PERSON", "VOA": "ORG"})
    b = build(analysis)
    names = [line.text.split(":")[0] for line in b.players]
    assert "Maria Santos" in names and "Typhoon Haiyan" not in names, names
    assert "VOA" not in b.focus, b.focus
