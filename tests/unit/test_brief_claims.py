"""Claims across sources, on small hand-made corpora of several kinds of event (a theft, an
earthquake, a merger, an election): agreement needs the same figures, names and dates; a
different figure for the same quantity is a disagreement; refusals to comment are neither;
captions are furniture; shortening keeps the payload; the bottom line is a whole sentence."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from briefing.brief import build, fit_text
from briefing.brief import text as tx
from briefing.brief.furniture import is_caption
from briefing.model import Analysis, Annotation, Article, Entity, Sentence, Span
from briefing.sentences import split
from briefing.views import original_view


def corpus(articles: list[tuple[str, dt.date | None, list[str]]], entities: dict[str, str]) -> Analysis:
    """English articles (name, date, paragraphs) with entity spans found by exact names
    (`entities`: name -> label), the way the annotator would mark them."""
    built, views, annotations = [], {}, {}
    known = tuple(Entity(f"{label.lower()}:{name.lower()}", name, label) for name, label in entities.items())
    for name, date, paragraphs in articles:
        sentences: list[Sentence] = []
        offset = 0
        for p, paragraph in enumerate(paragraphs):
            for start, end in split(paragraph, "en"):
                sentences.append(Sentence(len(sentences), p, offset + start, offset + end, paragraph[start:end]))
            offset += len(paragraph) + 2
        article = Article(name, f"<t>/{name}.txt", name, "en", tuple(paragraphs), tuple(sentences), date=date)
        full = article.text
        spans = []
        for entity in known:
            for m in re.finditer(re.escape(entity.name), full):
                spans.append(Span(m.start(), m.end(), entity.label, entity.id, entity.name))
        spans.sort(key=lambda s: s.start)
        built.append(article)
        views[name] = original_view(article)
        annotations[name] = Annotation(name, tuple(spans), tuple(spans))
    return Analysis(tuple(built), views, known, annotations)


THEFT = {"Museo Civico": "ORG", "Turin": "GPE", "Marta Ricci": "PERSON"}  # made up: the Louvre theft is held out
THEFT_LEAD = "Thieves stole eight jewels from the Museo Civico in Turin on Sunday morning."


def _museum(more: list[str], other: list[str] | None = None) -> Analysis:
    """Article a: the theft's lead, then `more`; article b (same day): `other`, or the same lead."""
    day = dt.date(2030, 5, 20)
    return corpus([("a", day, [THEFT_LEAD, *more]), ("b", day, other or [THEFT_LEAD])], THEFT)


def _theft(toll_b: str = "eight", weekday_b: str = "Sunday") -> Analysis:
    return corpus(
        [
            ("a", dt.date(2030, 5, 20), ["Thieves stole eight jewels from the Museo Civico in Turin on Sunday morning.",
                                        "The raid lasted twelve minutes, prosecutor Marta Ricci said.",
                                        "The museum declined to comment on its security."]),
            ("b", dt.date(2030, 5, 20), [f"Thieves stole {toll_b} jewels from the Museo Civico in Turin on {weekday_b} morning.",
                                        "The raid lasted four minutes, prosecutor Marta Ricci said."]),
            ("c", dt.date(2030, 5, 20), ["Thieves stole eight jewels from the Museo Civico in Turin on Sunday morning.",
                                        "Police in Turin arrested two suspects on Saturday night, Marta Ricci said."]),
        ],
        THEFT,
    )


def _all_lines(b):
    return [*b.bottom_line, *b.key_facts, *b.numbers, *b.timeline, *b.differences]


def test_a_different_figure_is_a_disagreement_never_support():
    b = build(_theft(toll_b="nine"))
    for line in _all_lines(b):
        if "jewels" in line.text and line.agree > 1:
            notes = {c.note for c in line.citations[: line.agree]}
            assert 2 not in notes or "nine" in line.text, line  # [2] says nine, not eight
    differ = [line.text for line in b.differences if line.text.startswith("Figures differ")]
    assert any("8 jewels [1][3]" in t and "9 jewels [2]" in t for t in differ), [line.text for line in b.differences]


def test_agreement_counts_only_sources_with_the_same_figures():
    same = build(_theft())
    jewels = [line for line in [*same.bottom_line, *same.key_facts] if "eight jewels" in line.text]
    assert jewels and jewels[0].agree == 3, [(line.text, line.agree) for line in jewels]
    b = build(_theft(toll_b="nine"))
    assert not [line for line in [*b.bottom_line, *b.key_facts] if "jewels" in line.text and line.agree > 2]
    # a contested figure is never shown as agreed: it is a difference, with each side's sources
    assert not [line for line in [*b.bottom_line, *b.key_facts] if "jewels" in line.text]


def test_durations_that_differ_are_shown_with_each_side():
    b = build(_theft())
    differ = [line.text for line in b.differences if line.text.startswith("Figures differ")]
    assert any("12 min [1]" in t and "4 min [2]" in t for t in differ), [line.text for line in b.differences]


def test_a_weekday_that_differs_is_a_disagreement_over_the_date():
    b = build(_theft(weekday_b="Saturday"))
    differ = [line.text for line in b.differences if line.text.startswith("Dates differ")]
    assert any("19 May 2030 [1][3]" in t and "18 May 2030 [2]" in t for t in differ), [line.text for line in b.differences]


def test_a_refusal_to_comment_is_no_difference():
    b = build(_theft())
    assert not any("declined to comment" in line.text for line in b.differences), [line.text for line in b.differences]


def test_only_means_no_other_source_states_it():
    b = build(_theft())
    only = [line.text for line in b.differences if line.text.startswith("Only")]
    assert not any("jewels" in t or "raid lasted" in t for t in only), only  # every source tells it


def test_opposite_outcomes_are_found_in_general():
    merger = {"Acme": "ORG", "Beta": "ORG", "Brussels": "GPE"}
    analysis = corpus(
        [
            ("a", dt.date(2031, 3, 2), ["Regulators in Brussels approved the merger of Acme and Beta on Monday."]),
            ("b", dt.date(2031, 3, 2), ["Regulators in Brussels rejected the merger of Acme and Beta on Monday."]),
            ("c", dt.date(2031, 3, 2), ["Acme confirmed talks with Beta about the merger."]),
            ("d", dt.date(2031, 3, 2), ["Acme denied talks with Beta about the merger."]),
        ],
        merger,
    )
    differ = " ".join(line.text for line in build(analysis).differences)
    assert "approved" in differ and "rejected" in differ, differ
    assert "confirmed" in differ and "denied" in differ, differ


def test_an_outcome_said_not_to_have_happened_is_no_side_of_one():
    """ "has not officially confirmed" is no confirmation: no opposite of a denial."""
    b = build(corpus([
        ("a", dt.date(2031, 3, 2), ["The government has not officially confirmed that Acme hacked Beta."]),
        ("b", dt.date(2031, 3, 2), ["Acme denied that it hacked Beta, its lawyers in Brussels said."]),
    ], {"Acme": "ORG", "Beta": "ORG", "Brussels": "GPE"}))
    differ = [line.text for line in b.differences]
    assert not any("denied" in t and "confirmed" in t for t in differ), differ


def test_captions_and_credits_are_furniture():
    assert is_caption("Residents walk on a damaged highway at Loboc township, Bohol province, Oct. 16, 2013.")
    assert is_caption("A woman is seen outside the court in Brussels. (AP Photo/Virginia Mayo)")
    assert is_caption("Foto: dpa")
    assert is_caption("Voters queue at a polling station in Lagos, Nigeria, 25 February 2023. REUTERS/Temilade Adelaja")
    assert not is_caption("SEOUL (Reuters) - Samsung Electronics said on Tuesday it would invest $5 billion in a plant.")
    assert not is_caption("The quake struck on Oct. 15, 2013, killing 93 people across the island.")
    assert not is_caption("The result is seen as a defeat for the ruling party.")
    assert is_caption("[[File:Soldier at the border 2005.jpg|thumb|left|{{w|Army}} {{file photo}}]]")
    assert is_caption("  • 7/23 [Current Affairs Roundtable] Netizens discuss the withdrawal")  # a related-stories link
    assert not is_caption("• The quake killed 93 people, officials said.")
    from briefing.brief.features import is_furniture_line

    assert is_furniture_line("VOA's Zlatica Hoke reports.") and is_furniture_line("Watch related video report from VOA.")
    assert is_furniture_line("This is the stable version, checked on 18 December 2024.")
    assert not is_furniture_line("Xinhua reported that 93 people died in the quake.")
    assert is_furniture_line("Click HERE to SUBSCRIBE") and is_furniture_line("By JOHN SMITH, Reuters")
    quake = corpus(
        [("a", dt.date(2013, 10, 16), ["Residents walk past a collapsed church in Loboc, Bohol, Oct. 16, 2013.",
                                      "A 7.2 earthquake killed 93 people in Bohol on Tuesday."]),
         ("b", dt.date(2013, 10, 16), ["A 7.2 earthquake killed 93 people in Bohol on Tuesday, officials said."])],
        {"Bohol": "GPE", "Loboc": "GPE"},
    )
    text = " ".join(line.text for line in _all_lines(build(quake)))
    assert "Residents walk" not in text


def test_shortening_keeps_figures_names_and_never_ends_on_a_fragment():
    sentence = "The company said sales rose to $5 billion last year, up 80% of the total in Europe, as demand grew."
    for width in range(30, len(sentence)):
        short = tx.compress(sentence, width)
        if short is None:
            continue
        assert tx.payload(sentence) - {"Europe"} <= tx.payload(short) or "$5 billion" in short, short
        assert "$5 billion" in short and "80%" in short, short
        assert tx.ends_whole(short.rstrip(".")), short
    assert tx.compress("Altman met Lee in Seoul, and the deal was quoted by analysts as worth $9 billion.", 40) is None
    assert tx.compress("Meta is planning to build its own general artificial intelligence systems.", 30) is None


def test_bottom_line_is_a_whole_sentence_backed_by_the_most_sources():
    election = {"Ana Silva": "PERSON", "Lisbon": "GPE", "Portugal": "GPE"}
    analysis = corpus(
        [
            ("a", dt.date(2032, 1, 10), ["Ana Silva won the presidential election in Portugal with 52% of the vote on Sunday.",
                                        "Turnout in Lisbon was higher than in the last vote, which many analysts had expected "
                                        "to be low, in a long and detailed account of how the capital's districts voted through "
                                        "the day and into the evening."]),
            ("b", dt.date(2032, 1, 10), ["Ana Silva won the presidential election in Portugal with 52% of the vote on Sunday, "
                                        "officials said."]),
            ("c", dt.date(2032, 1, 10), ["Ana Silva won Portugal's presidential election with 52% of the vote.",
                                        "She will be sworn in in Lisbon in March."]),
        ],
        election,
    )
    b = build(analysis)
    line = b.bottom_line[0]
    assert "52%" in line.text and "Ana Silva" in line.text and line.agree >= 2, line
    screen = fit_text(b, (80, 24))
    assert "…" not in screen.split("KEY FACTS")[0], screen


def test_attributed_quotes_are_found_and_exported():
    from briefing.export import markdown

    analysis = _museum(["“The thieves knew exactly what they wanted and left within minutes,” Marta Ricci said.",
                        "The Museo Civico said it was “deeply shocked”."])
    b = build(analysis)
    assert [line.text for line in b.quotes] == ["Marta Ricci: “The thieves knew exactly what they wanted and left within minutes.”"]
    assert b.quotes[0].citations[0].sentence == 1
    assert b.quotes[0] in b.key_facts  # the weightiest quote is on the screen
    md = markdown(b, analysis)
    assert "## Who said what" in md and "knew exactly what they wanted" in md.split("## Who said what")[1]


def test_a_name_inside_the_quotation_is_not_its_speaker():
    """"The Museo Civico said “Marta Ricci ...”" are the museum's words about her."""
    analysis = _museum(["The Museo Civico said “Marta Ricci found the cases broken open at dawn on Sunday”."])
    assert [line.text.split(":")[0] for line in build(analysis).quotes] == ["Museo Civico"]


def test_the_speaker_is_the_name_nearest_the_speech_verb_in_its_clause():
    named = {**THEFT, "Italy": "GPE", "Ana Cruz": "PERSON"}
    analysis = corpus([("a", dt.date(2030, 5, 20), [
        THEFT_LEAD,
        "Marta Ricci had asked Italy for help; Italy thanked her and said it “will send investigators when needed”.",
        "Ana Cruz called Marta Ricci's account 'precise' and said “the museum will stay closed until Friday”.",
        "The bulletin, headlined “Jewels of the Museo Civico Stolen in Turin”, said more.",
    ]), ("b", dt.date(2030, 5, 20), [THEFT_LEAD, "Marta Ricci spoke to reporters in Turin on Monday morning.",
                                     "“The alarm rang twice before dawn and nobody came,” said she.",
                                     "Police in Turin searched the Museo Civico for the eight jewels all day."])], named)
    quotes = {line.text.split(":")[0]: line.text for line in build(analysis).quotes}
    assert set(quotes) == {"Italy", "Ana Cruz", "Marta Ricci"}, quotes  # a headline nobody named says is nobody's quote
    assert "alarm rang" in quotes["Marta Ricci"]  # "said she": the one person of the sentence before


def test_a_breakdown_by_place_is_no_disagreement_and_one_quantity_is_one_line():
    places = {"Bohol": "GPE", "Cebu": "GPE", "Philippines": "GPE"}
    breakdown = corpus(
        [("a", None, ["The earthquake in the Philippines killed 57 people on Bohol, and 15 people in Cebu, officials said."]),
         ("b", None, ["The earthquake in the Philippines killed 15 people in Cebu, a spokesman said."])],
        places,
    )
    assert not [line.text for line in build(breakdown).differences if line.text.startswith("Figures differ")]
    toll = corpus(
        [("a", None, ["A strong earthquake hit the Philippines on Tuesday, killing at least 20 people in the region."]),
         ("b", None, ["A strong earthquake hit the Philippines on Tuesday, killing at least 93 people in the region."]),
         ("c", None, ["A strong earthquake hit the Philippines on Tuesday, killing at least 144 people in the region."]),
         ("d", None, ["A strong earthquake hit the Philippines on Tuesday, killing at least 20 people in the region."]),
         ("e", None, ["Rescuers said at least 73 people were killed as buildings collapsed."])],  # worded apart
        places,
    )
    b = build(toll)
    differ = [line.text for line in b.differences if line.text.startswith("Figures differ")]
    assert len(differ) == 1 and "20 people [1][4]" in differ[0] and "93 people [2]" in differ[0] and "144 people [3]" in differ[0], differ
    assert "73 people [5]" in differ[0], differ  # another figure for the quantity in dispute joins it
    assert "73" not in b.bottom_line[0].text


def test_copies_of_one_wire_story_count_as_one_source() -> None:
    from briefing import dedupe

    wire = ["Thieves stole eight jewels from the Museo Civico in Turin on Sunday morning, police said.",
            "The raid lasted twelve minutes and the thieves escaped on scooters, prosecutor Marta Ricci told reporters.",
            "Investigators were studying footage from cameras around the museum and appealed for witnesses to come forward."]
    analysis = corpus(
        [
            ("a", dt.date(2030, 5, 20), wire),
            ("b", dt.date(2030, 5, 20), ["Museum raid in Turin", *wire]),  # another outlet runs the same copy
            ("c", dt.date(2030, 5, 20), ["Eight jewels were stolen from the Museo Civico in Turin on Sunday morning.",
                                        "The city's mayor called the theft an attack on its heritage."]),
        ],
        THEFT,
    )
    copies = tuple(dedupe.groups([(a.id, a.text) for a in analysis.articles]))
    assert copies == (("a", "b"),)
    counted = build(Analysis(analysis.articles, analysis.views, analysis.entities, analysis.annotations, copies=copies))
    lines = [line for line in [*counted.bottom_line, *counted.key_facts] if "jewels" in line.text]
    assert lines and max(line.agree for line in lines) == 2, [(line.text, line.agree) for line in lines]
    uncounted = build(analysis)  # without the grouping the copy would be a third voice
    assert max(line.agree for line in [*uncounted.bottom_line, *uncounted.key_facts] if "jewels" in line.text) == 3


def test_a_dateline_is_not_the_date_of_the_bottom_lines_event():
    # the undated page's "Posted ..." line is when one outlet posted, not when the event was
    port = {"Port Aden": "FAC", "Harbour Authority": "ORG"}
    analysis = corpus(
        [
            ("a", None, ["Posted March 3rd, 2031 at 8:30 pm",
                         "Rebels seized Port Aden after a week of fighting, the Harbour Authority said in a statement.",
                         "Ships waiting outside Port Aden were told to stay at anchor until the fighting ends."]),
            ("b", dt.date(2031, 3, 4), ["Rebels seized Port Aden, the Harbour Authority said.",
                                        "The Harbour Authority closed the port to traffic."]),
        ],
        port,
    )
    line = build(analysis).bottom_line[0]
    assert "Rebels seized Port Aden" in line.text and "3 Mar" not in line.text, line


def test_a_paragraph_printed_twice_is_an_image_caption() -> None:
    from briefing.brief.furniture import captions

    caption = "On the 16th, in the waters off Jindo, coast guard and navy search teams carry out a night search."
    paragraphs = ["Ferry sinks in South Korea", caption, caption, "A passenger ship carrying 475 people sank this morning off Jindo.",
                  "No one was hurt.", "No one was hurt."]
    assert captions(paragraphs) == {1, 2}  # the short refrain is not furniture: it may be reporting


def _rising_toll(same_day: bool = False, undated_early: bool = False) -> Analysis:
    day: list[dt.date | None] = [dt.date(2030, 3, 2), dt.date(2030, 3, 3), dt.date(2030, 3, 4)]
    if same_day:
        day = [day[0]] * 3
    undated = [("d", None, ["At least 20 people were killed when an earthquake struck Turin on Sunday, the agency said.",
                            "Schools in Turin stayed closed."])] if undated_early else []
    return corpus(
        [*undated,
            ("a", day[0], ["At least 20 people were killed when an earthquake struck Turin on Sunday, officials said.",
                           "Rescuers searched collapsed buildings in Turin through the night."]),
            ("b", day[1], ["At least 93 people were killed when an earthquake struck Turin on Sunday, officials said.",
                           "Marta Ricci, the mayor of Turin, said schools would stay closed."]),
            ("c", day[2], ["At least 144 people were killed when an earthquake struck Turin on Sunday, officials said.",
                           "Marta Ricci said the city would rebuild its old churches."]),
        ],
        THEFT,
    )


def test_a_later_report_giving_a_new_figure_is_an_update_not_a_dispute() -> None:
    b = build(_rising_toll())
    lead = [line.text for line in [*b.bottom_line, *b.key_facts] if "killed" in line.text]
    assert lead and "144" in lead[0], lead  # the latest figure leads; the earlier ones are what the story moved on from
    changed = [line.text for line in b.differences if line.text.startswith("Figures changed")]
    assert changed and re.search(r"20 people \[1\] \(2 Mar\) → 93 people \[2\] \(3 Mar\) → 144 people \[3\] \(4 Mar\)", changed[0]), changed
    same_day = build(_rising_toll(same_day=True))  # three figures on one day: the sources disagree
    assert any(line.text.startswith("Figures differ") for line in same_day.differences), [line.text for line in same_day.differences]
    assert not [line for line in [*same_day.bottom_line, *same_day.key_facts] if "killed" in line.text]


def test_undated_reports_whose_highest_figure_is_said_to_have_risen_are_a_rising_count() -> None:
    def toll(last: str) -> Analysis:
        return corpus([
            ("a", None, ["An earthquake struck Turin on Sunday, killing at least 20 people, officials said."]),
            ("b", None, ["An earthquake struck Turin on Sunday, killing at least 93 people, officials said."]),
            ("c", None, [f"Officials said Monday the quake's death toll {last} at least 144 people."]),
        ], THEFT)

    risen = build(toll("has risen to"))
    rose = [line.text for line in risen.differences]
    assert any(re.search(r"^Figures rose as reports came in: 20 people \[1\] → 93 people \[2\] → 144 people \[3\]", t) for t in rose), rose
    told = [line.text for line in [*risen.bottom_line, *risen.key_facts]]
    assert any("risen to at least 144" in t for t in told) and not any("killing at least 20" in t for t in told), told  # the latest leads
    stands = [line.text for line in build(toll("stands at")).differences]
    assert not any(t.startswith("Figures rose") for t in stands) and any(t.startswith("Figures differ") for t in stands), stands


def _searching(last: str, day: dt.date | None = None) -> Analysis:
    """Three leads on the search, none giving the toll; the toll in their second sentences."""
    lead = "Rescuers searched collapsed buildings in Turin a day after an earthquake struck the city."
    return corpus([
        ("a", day, [lead, "An earthquake struck Turin on Sunday, killing at least 20 people, officials said."]),
        ("b", day, [lead, "An earthquake struck Turin on Sunday, killing at least 93 people, officials said."]),
        ("c", day, [lead, f"Officials said Monday the quake's death toll {last} at least 144 people."]),
    ], THEFT)


def test_a_bottom_line_without_the_key_figure_is_followed_by_the_latest_figure() -> None:
    b = build(_searching("has risen to"))
    assert [line.text for line in b.bottom_line] == [
        "Rescuers searched collapsed buildings in Turin a day after an earthquake struck the city.",
        "Officials said Monday the quake's death toll has risen to at least 144 people.",
    ]
    assert [[c.note for c in line.citations] for line in b.bottom_line] == [[1, 2, 3], [3]]  # each claim cites its own sources
    assert not any("144" in line.text for line in b.key_facts)  # said once on the screen
    screen = fit_text(b, (100, 30))
    rows = [row for row in screen.splitlines() if row.startswith("BOTTOM LINE") or row.startswith(" " * 13)][:3]
    assert re.search(r"struck the city\. \[1\]\[2\]\[3\] 3 agree Officials said", " ".join(" ".join(rows).split())), screen
    assert "at least 144 people. [3]" in " ".join(screen.split())
    narrow = fit_text(b, (60, 24))  # no room for both whole: what happened alone, never cut
    bottom = narrow.split("KEY FACTS")[0]
    assert "Rescuers searched" in bottom and "…" not in bottom
    undated_dispute = build(_searching("stands at"))  # sources disagree on the toll: no side is the story's figure
    assert len(undated_dispute.bottom_line) == 1


def test_an_undated_source_giving_an_early_figure_takes_its_side_of_the_update() -> None:
    b = build(_rising_toll(undated_early=True))
    changed = [line.text for line in b.differences if line.text.startswith("Figures changed")]
    assert changed and re.search(r"20 people \[1\]\[2\] \(2 Mar\) → 93 people \[3\] \(3 Mar\) → 144 people \[4\]", changed[0]), \
        [line.text for line in b.differences]


def test_a_hedged_figure_does_not_dispute_one_within_its_rounding() -> None:
    def ferry(first: str) -> Analysis:
        return corpus(
            [("a", dt.date(2030, 4, 16), [f"A ferry carrying {first} passengers sank off Turin on Wednesday, officials said."]),
             ("b", dt.date(2030, 4, 16), ["Officials in Turin said the ferry, carrying 476 passengers, sank on Wednesday morning.",
                                          "Divers searched the wreck through the night."])],
            THEFT,
        )

    def differ(first: str) -> list[str]:
        return [line.text for line in build(ferry(first)).differences if line.text.startswith("Figures differ")]

    assert not differ("about 460"), differ("about 460")  # "about 460" is 476 rounded (exact figures agree within 2% only)
    assert not differ("more than 460")
    assert differ("460"), "an exact 460 against 476 is a disagreement"
    assert differ("about 300"), "a hedge does not stretch to 300 against 476"


def test_a_fact_opening_on_he_is_named_from_the_sentence_before() -> None:
    people = {**THEFT, "Lee Yun-keol": "PERSON"}
    analysis = corpus(
        [("a", dt.date(2030, 5, 20), ["Thieves stole eight jewels from the Museo Civico in Turin on Sunday morning.",
                                      "Lee Yun-keol is a security analyst at a private institute in Turin.",
                                      "He says the 12-minute raid shows the Museo Civico had no night guards."]),
         ("b", dt.date(2030, 5, 20), ["Thieves took eight jewels from the Museo Civico in Turin on Sunday, prosecutor Marta Ricci said."])],
        people,
    )
    texts = [line.text for line in build(analysis).key_facts]
    assert any(t.startswith("[Lee Yun-keol] says the 12-minute raid") for t in texts), texts
    assert not any(t.startswith("He says") for t in texts), texts


def test_a_source_on_two_sides_makes_no_disagreement() -> None:
    """'475 on board' and '290 missing' from one source are two quantities, never two sides of one."""
    from briefing.brief.claims import Conflict
    from briefing.brief.differences import disagreeing
    from briefing.brief.features import build_corpus
    from briefing.brief.select import Scored

    d = dt.date(2030, 4, 16)
    units = build_corpus(corpus([(name, d, [text]) for name, text in (
        ("a", "A ferry carrying 475 people sank off Turin, and 290 people are missing."),
        ("b", "The ferry sank off Turin with 462 people on board."),
        ("c", "Rescuers off Turin searched for 290 people."))], THEFT)).units
    a, b, c = units
    key = ("figure", "count", None, "people")
    on_board = Conflict(a, b, "475 people", "462 people", "figure", key)
    mixed = Conflict(a, b, "290 people", "462 people", "figure", key)  # what a loose context match may pair
    assert [[said for said, _ in sides] for sides in disagreeing([Scored(a, 1.0, (), (on_board,))])] == [["462 people", "475 people"]]
    assert disagreeing([Scored(a, 1.0, (), (on_board, mixed)), Scored(c, 0.5, (), ())]) == []


def test_many_confirmations_and_denials_of_one_party_are_one_difference() -> None:
    from briefing.brief.differences import opposite_claims
    from briefing.brief.features import build_corpus

    d: dt.date | None = dt.date(2030, 5, 20)
    says = [(f"y{i}", d, [f"The Museo Civico confirmed the theft of jewel {i} in Turin."]) for i in range(30)]
    says += [(f"n{i}", d, [f"The Museo Civico denied the theft of jewel {i} in Turin."]) for i in range(30)]
    found = opposite_claims(build_corpus(corpus(says, THEFT)))
    assert [name for name, *_ in found] == ["Museo Civico"]  # was one line per pair of articles: 900


QUAKE = {"Leyte": "GPE", "Samar": "GPE", "Tacloban": "GPE"}  # made up: no development corpus holds this event


def _differ(b) -> list[str]:
    return [line.text for line in b.differences if line.text.startswith("Figures differ")]


def test_figures_worded_apart_are_one_dispute_with_every_side() -> None:
    # no two of these sentences are alike enough for the candidates' pairwise comparison
    b = build(corpus([
        ("a", None, ["A strong earthquake hit the island of Leyte, killing at least 20 people and toppling two churches."]),
        ("b", None, ["At least 73 people were killed when the magnitude 7.0 earthquake struck before dawn."]),
        ("c", None, ["Rescue teams from Tacloban said the quake killed 93 people across the region overnight."]),
    ], QUAKE))
    differ = _differ(b)
    assert len(differ) == 1, differ
    assert all(f"{n} people [{note}]" in differ[0] for n, note in (("20", 1), ("73", 2), ("93", 3))), differ
    assert "“killing at least 20 people”" in differ[0], differ  # what the figure measures, in a source's words


def test_a_toll_of_an_earlier_year_and_a_breakdown_by_place_are_no_dispute() -> None:
    b = build(corpus([
        ("a", None, ["The earthquake killed 93 people on Tuesday, officials said."]),
        ("b", None, ["The earthquake killed 93 people, the disaster agency said.",
                     "An earthquake that struck the same area in 2012 killed 81 people."]),
        ("c", None, ["So far the quake has killed 57 people on Samar island, the governor said."]),
    ], QUAKE))
    assert not _differ(b), _differ(b)


def test_two_quantities_of_one_sentence_are_never_chained_into_one_dispute() -> None:
    b = build(corpus([
        ("a", None, ["Officials said the quake has killed at least 391 people and injured 1,800 in Leyte."]),
        ("b", None, ["The earthquake has killed 407 people, the agency said on Monday."]),
        ("c", None, ["More than 1,400 people were injured in the quake, officials said."]),
    ], QUAKE))
    differ = _differ(b)
    toll = [t for t in differ if "391" in t]
    assert toll and "407 people" in toll[0] and "1,400" not in toll[0] and "1,800" not in toll[0], differ


def test_counts_written_in_full_that_differ_by_one_are_a_dispute() -> None:
    b = build(corpus([
        ("a", None, ["The ferry sank off Leyte with 476 people on board, the coast guard said."]),
        ("b", None, ["The ferry, which went down near Samar, had 476 people on board."]),
        ("c", None, ["A total of 475 people were on board when the ferry sank."]),
        ("d", None, ["The ferry sank with about 470 people on board."]),  # a rounding of either: no side
    ], QUAKE))
    differ = _differ(b)
    assert any("476 people [1][2]" in t and "475 people [3]" in t and "470" not in t for t in differ), differ


def test_a_claim_is_backed_only_by_sources_giving_its_figure() -> None:
    b = build(corpus([
        ("a", None, ["The ferry sank off Leyte with 476 people on board, the coast guard said."]),
        ("b", None, ["The ferry sank off Leyte with 476 people on board, officials said."]),
        ("c", None, ["The ferry sank off Leyte with 475 people on board, the owner said."]),
        ("d", None, ["A total of 475 people were on board when the ferry went down."]),
    ], QUAKE))
    for line in [*b.bottom_line, *b.key_facts]:
        backers = {c.note for c in line.citations[: line.agree]}
        assert "476" not in line.text or backers <= {1, 2}, line
        assert "475" not in line.text or backers <= {3, 4}, line
    assert any("476 people [1][2]" in t and "475 people [3][4]" in t for t in _differ(b)), _differ(b)


def test_measures_are_exact_figures_and_dispute_only_within_one_event() -> None:
    b = build(corpus([
        ("a", None, ["A magnitude 7.2 earthquake struck Leyte before dawn, the agency said."]),
        ("b", None, ["The 7.2-magnitude earthquake hit Leyte and Samar, flattening homes."]),
        ("c", None, ["Seismologists in Leyte put the earthquake at magnitude 7.1, the institute said."]),
        ("d", None, ["Residents still recall how a 5.9-magnitude earthquake shook the coast years ago."]),
    ], QUAKE))
    differ = _differ(b)
    assert any("magnitude 7.2 [1][2]" in t and "magnitude 7.1 [3]" in t and "5.9" not in t for t in differ), differ


def test_a_speed_is_no_distance_and_two_speeds_of_two_things_dispute_nothing() -> None:
    """ "40 km per hour" is a speed (the storm moving), "300 km per hour" one too (its winds):
    neither is a distance in km, and what each measures differs, so no figures differ."""
    from briefing.brief.disputes import measures
    from briefing.brief.features import build_corpus

    b = build(corpus([
        ("a", None, ["The typhoon struck Leyte and is now moving northwest at a speed of 40 km per hour."]),
        ("b", None, ["The typhoon made landfall on Leyte with winds of 300 km per hour, officials said."]),
        ("c", None, ["The typhoon hit Leyte with winds of 315 km/h (195 mph), the agency said."]),
    ], QUAKE))
    units = build_corpus(corpus([("a", None, ["Winds of 300 km per hour and 195 mph hit 20 km of coast.",
                                               "The 315-kilometer-per-hour winds flattened homes."])], QUAKE)).units
    assert {v.shown for u in units for v in measures(u)} == {"300 km/h", "195 mph", "20 km", "315 km/h"}
    differ = _differ(b)
    assert not any("40 km" in t for t in differ), differ
    assert any("300 km/h [2]" in t and "315 km/h [3]" in t for t in differ), differ


def test_a_quoted_name_and_a_place_of_islands_are_no_players() -> None:
    # the model's mistakes, as spaCy makes them: a ship and an island taken for people
    named = {"Marlin": "PERSON", "Biliran": "PERSON", "Ana Cruz": "PERSON", "Leyte": "GPE"}
    b = build(corpus([
        ("a", None, ["The passenger ship 'Marlin' sank off the islands of Biliran, governor Ana Cruz said.",
                     "Rescuers reached the islands of Biliran and Leyte by noon."]),
        ("b", None, ["The ferry “Marlin” capsized near the islands of Biliran, Ana Cruz said.",
                     "Ana Cruz said the “Marlin” carried 300 people."]),
    ], named))
    players = [line.text for line in b.players]
    assert any(p.startswith("Ana Cruz") for p in players), players
    assert not any(p.startswith(("Marlin", "Biliran")) for p in players), players


def test_a_summary_the_page_prints_again_further_on_is_news_not_a_caption() -> None:
    from briefing.brief.furniture import captions

    summary = "Officials said Wednesday the death toll from the Leyte earthquake has risen to 144 people."
    caption = "Rescuers carry a survivor from a collapsed church in Leyte on Tuesday morning."
    paragraphs = ["Quake toll rises", summary, caption, caption, "Rescuers kept searching the rubble overnight.",
                  "The quake struck before dawn on Tuesday.", summary]
    assert captions(paragraphs) == {2, 3, 6}  # the caption twice in a row; the summary's second copy only
    b = build(corpus([("a", None, paragraphs[1:]), ("b", None, ["The Leyte earthquake struck before dawn on Tuesday."])], QUAKE))
    assert any("144 people" in line.text for line in [*b.bottom_line, *b.key_facts]), [line.text for line in b.key_facts]


def test_an_article_dating_another_event_disputes_none_of_its_figures() -> None:
    # The third article reports an earlier quake (7 September, weeks from 3 August): its toll
    # is that event's, not a side of this one's. Without it the two tolls of 3 August differ.
    articles: list[tuple[str, dt.date | None, list[str]]] = [
        ("a", None, ["The earthquake that struck Leyte on 3 August has killed at least 391 people, officials said."]),
        ("b", None, ["The quake in Leyte has killed 407 people, the agency said.",
                     "Rescuers searched the villages of Leyte for survivors."]),
        ("c", None, ["A series of earthquakes that struck Samar on 7 September has killed at least 64 people.",
                     "Rescuers have not reached the villages of Samar hit by the earthquakes."]),
        ("d", None, ["Rescuers searched the villages of Leyte for survivors of the quake on 4 August."]),
    ]
    differ = _differ(build(corpus(articles, QUAKE)))
    assert any("391 people" in t and "407 people" in t for t in differ), differ
    assert not any("64 people" in t for t in differ), differ


def test_when_two_articles_date_days_weeks_apart_the_one_unlike_the_rest_is_the_other_event() -> None:
    from briefing.brief.disputes import other_events
    from briefing.brief.features import build_corpus

    articles: list[tuple[str, dt.date | None, list[str]]] = [
        ("a", None, ["The earthquake that struck Leyte on 3 August has killed at least 391 people in Tacloban."]),
        ("b", None, ["The Leyte quake has killed 407 people in Tacloban, and rescuers search the rubble of Tacloban."]),
        ("c", None, ["A series of earthquakes that struck Samar on 7 September has killed at least 64 people."]),
    ]
    assert other_events(build_corpus(corpus(articles, QUAKE))) == {"c"}
    # two articles alone, each dating its own day: nothing says which is the corpus's event
    assert other_events(build_corpus(corpus([articles[0], articles[2]], QUAKE))) == set()


def test_a_date_a_plan_is_set_for_dates_no_other_event() -> None:
    from briefing.brief.disputes import other_events
    from briefing.brief.features import build_corpus

    articles: list[tuple[str, dt.date | None, list[str]]] = [
        ("a", None, ["The earthquake that struck Leyte on 3 August has killed at least 391 people in Tacloban."]),
        ("b", None, ["The Leyte quake of 3 August has killed 407 people in Tacloban."]),
        ("c", None, ["Schools in Tacloban will reopen on 7 September, the mayor of Leyte said."]),
    ]
    assert other_events(build_corpus(corpus(articles, QUAKE))) == set()


def test_a_key_fact_of_another_event_is_led_by_its_month_and_weighs_less() -> None:
    articles: list[tuple[str, dt.date | None, list[str]]] = [
        ("a", dt.date(2030, 8, 4), ["The earthquake that struck Leyte on 3 August has killed at least 391 people in Tacloban."]),
        ("b", dt.date(2030, 8, 4), ["The Leyte quake of 3 August has killed 391 people in Tacloban, officials said."]),
        ("c", dt.date(2029, 1, 9), ["A quake that struck Samar on 7 January destroyed the old church of Samar and a bridge.",
                                    "Rescuers in Samar used boats to reach villages on the coast."]),
    ]
    facts = [line.text for line in build(corpus(articles, QUAKE)).key_facts]
    samar = [t for t in facts if "Samar" in t]
    assert samar and all(t.startswith(("Jan 2029: ", "7 Jan 2029: ")) for t in samar), facts
    articles[2] = ("c", None, articles[2][2])  # undated: the day it dates its event says when
    facts = [line.text for line in build(corpus(articles, QUAKE)).key_facts]
    samar = [t for t in facts if "Samar" in t]
    assert samar and all(t.startswith("7 Jan: ") for t in samar), facts


def test_a_year_opening_a_sentence_dates_it_to_that_year() -> None:
    from briefing.brief.timeline import find_dates

    (found,) = find_dates("In 2012, too, an earthquake in Yunnan killed at least 80 people.", None)
    assert (found.precision, found.date) == ("year", dt.date(2012, 1, 1))


def test_a_timeline_line_opening_on_its_date_is_not_dated_twice() -> None:
    history = [f"{month} {year}: Leyte test-fired rocket number {n} from Samar, officials in Tacloban said."
               for n, (month, year) in enumerate([("August", 1998), ("July", 2006), ("April", 2009), ("May", 2010),
                                                  ("June", 2011), ("March", 2008), ("October", 2007), ("January", 2005),
                                                  ("February", 2004), ("September", 2003)], 1)]
    b = build(corpus([
        ("a", dt.date(2012, 12, 12), ["Leyte launched a rocket on 12 December 2012, officials in Samar said.", *history]),
        ("b", dt.date(2012, 12, 12), ["Leyte launched a rocket on 12 December 2012, officials in Tacloban said."]),
    ], QUAKE))
    timeline = [line.text for line in b.timeline]
    assert any(re.match(r"[A-Z][a-z]+ \d{4}: Leyte test-fired", t) for t in timeline), timeline
    assert not any(re.search(r"\d{4}: [A-Z][a-z]+ \d{4}:", t) for t in timeline), timeline


def test_players_are_the_story_s_people_and_organisations_take_no_role() -> None:
    named = {**QUAKE, "Ana Cruz": "PERSON", "Juan Reyes": "PERSON", "Civil Defense Office": "ORG"}
    b = build(corpus([
        ("a", None, ["The earthquake that struck Leyte on 3 August has killed at least 391 people, governor Ana Cruz said.",
                     "Ana Cruz asked the Civil Defense Office to send tents to Leyte."]),
        ("b", None, ["The quake in Leyte has killed 407 people, governor Ana Cruz said.",
                     "The Civil Defense Office said it sent 300 tents to Tacloban."]),
        ("c", None, ["A series of earthquakes that struck Samar on 7 September killed at least 64 people.",
                     "President Juan Reyes called for relief work to begin, and Juan Reyes visited Samar."]),
        ("d", None, ["Rescuers searched the villages of Leyte on 4 August, the Civil Defense Office said."]),
    ], named))
    players = [line.text for line in b.players]
    assert any(p.startswith("Ana Cruz") for p in players), players
    assert not any("Juan Reyes" in p for p in players), players  # named only in the report of the other quake
    assert "Civil Defense Office" in players, players  # an organisation acts; "Office: governor" would be no role


def test_an_organisation_is_given_no_role_from_the_words_before_it() -> None:
    named = {**QUAKE, "Cabinet": "ORG", "Japan": "GPE"}
    b = build(corpus([
        ("a", None, ["Japan's Chief Cabinet Secretary said Japan would send rescuers to Leyte, and the Cabinet said it met."]),
        ("b", None, ["The Cabinet said Japan would help Leyte, and Japan's Chief Cabinet Secretary said so too."]),
    ], named))
    players = [line.text for line in b.players]
    assert not any(p.startswith("Cabinet:") for p in players), players


def test_times_of_day_are_read_with_their_half_of_the_day_and_zone() -> None:
    from briefing.brief import clock
    from briefing.brief.features import build_corpus

    text = ("NORAD tracked the launch at 7:49 p.m. US Eastern time, Leyte launched it at 9:49:52 a.m. Korea "
            "Standard Time, and as of 4 a.m. the toll was 12; the ferry left at about 9 a.m.")
    (unit,) = build_corpus(corpus([("a", None, [text])], QUAKE)).units
    read = [(v.shown, v.value, v.noun) for v in clock.times(unit)]
    assert read == [("7:49 p.m.", 19 * 60 + 49, "US Eastern time"), ("9:49:52 a.m.", 9 * 60 + 49, "Korea Standard Time"),
                    ("9 a.m.", 9 * 60, "")], read  # "as of 4 a.m." dates a count: no time of an event


def test_times_that_differ_for_one_event_are_a_dispute_and_other_clocks_are_not() -> None:
    b = build(corpus([
        ("a", None, ["Leyte launched the rocket at 9:51 a.m. local time, officials in Samar said."]),
        ("b", None, ["Leyte launched the long-range rocket at about 9:49 a.m., the agency in Tacloban said."]),
        ("c", None, ["Radars in Tacloban tracked the launch at 7:49 p.m. US Eastern time, a spokesman said."]),
        ("d", None, ["The ferry left Leyte at about 9 a.m., and sank off Samar before noon."]),
        ("e", None, ["The ferry left Leyte at 8:58 a.m., the coast guard in Samar said."]),
    ], QUAKE))
    differ = _differ(b)
    times = [t for t in b.differences if t.text.startswith("Times differ")]
    assert len(times) == 1 and "9:51 a.m." in times[0].text and "9:49 a.m." in times[0].text, differ
    assert "7:49" not in times[0].text and "8:58" not in times[0].text, times  # another clock; "about 9" is 8:58
    assert "launched the" in times[0].text, times


def test_a_sentence_saying_only_who_a_person_is_is_the_player_s_role_not_a_fact() -> None:
    named = {**QUAKE, "Ana Cruz": "PERSON"}
    b = build(corpus([
        ("a", None, ["Rescuers in Leyte will send three cranes to lift the sunken ferry, Ana Cruz said.",
                     "Ana Cruz is Minister of Disaster Relief.",
                     "Ana Cruz is expected to visit Tacloban on Friday."]),
        ("b", None, ["The ferry sank off Leyte with 300 people on board, Ana Cruz said."]),
    ], named))
    facts = [line.text for line in [*b.key_facts, *b.differences]]
    assert not any("is Minister of Disaster Relief" in t for t in facts), facts
    assert any(t.startswith("Ana Cruz is expected") for t in facts), facts  # a verb after "is": a fact
    assert any(p.startswith("Ana Cruz: ") and "Minister" in p for p in (line.text for line in b.players)), b.players


def test_an_organisation_named_only_in_page_furniture_is_no_focus() -> None:
    from briefing.brief.features import build_corpus
    from briefing.brief.select import default_focus

    named = {**QUAKE, "Radio Samar": "ORG", "Red Cross": "ORG"}
    analysis = corpus([
        ("a", None, ["The Red Cross sent tents to Leyte after the quake.", "Watch related video report from Radio Samar's Ana Cruz.",
                     "Radio Samar's Ana Cruz reports."]),
        ("b", None, ["The Red Cross said the quake in Leyte destroyed 300 homes.", "Radio Samar's Ana Cruz reports."]),
    ], named)
    built = build_corpus(analysis)
    assert not any(u.usable for u in built.units if "Radio Samar" in u.text), [u.text for u in built.units if u.usable]
    assert [built.name(e) for e in default_focus(built)] == ["Red Cross"]


def test_a_leap_day_without_a_year_is_compared_with_any_year() -> None:
    from briefing.brief.disputes import other_events
    from briefing.brief.features import build_corpus

    articles: list[tuple[str, dt.date | None, list[str]]] = [
        ("a", None, ["The quake struck Leyte on 29 February, killing 20 people."]),
        ("b", None, ["The quake that struck Leyte on 1 March 2014 killed 20 people."]),  # 2014 has no 29 February
        ("c", None, ["The quake that struck Leyte on 28 February 2014 killed 20 people in Tacloban."]),
    ]
    assert other_events(build_corpus(corpus(articles, QUAKE))) == set()


def test_an_outcome_is_said_of_the_party_named_nearest_to_it() -> None:
    named = {"Ana Silva": "PERSON", "Rui Costa": "PERSON", "Portugal": "GPE"}
    b = build(corpus([
        ("a", None, ["Ana Silva gave a formal victory speech in Portugal, Rui Costa's party said."]),
        ("b", None, ["Her rival, Rui Costa, conceded the race shortly after officials said Ana Silva was the winner."]),
    ], named))
    assert not any(line.text.startswith(("Ana Silva:", "Rui Costa:")) for line in b.differences), b.differences


def test_a_form_of_address_is_no_role() -> None:
    from briefing.entities.roles import roles
    from briefing.model import Span

    text = "Casting her ballot in Seoul, Ms. Park told reporters, and Prime Minister Kim spoke."
    spans = (Span(text.index("Park"), text.index("Park") + 4, "PERSON", "person:park", "Park"),
             Span(text.index("Kim"), text.index("Kim") + 3, "PERSON", "person:kim", "Kim"))
    assert roles(text, spans) == {"person:kim": ["Prime Minister"]}


def test_a_headline_ending_on_a_title_gives_the_next_paragraph_s_name_no_role() -> None:
    from briefing.entities.roles import roles
    from briefing.model import Span

    text = "South Korea Elects First Female President\n\nPark Geun-hye of the Saenuri Party won."
    at = text.index("Park")
    assert roles(text, (Span(at, at + 13, "PERSON", "person:park", "Park Geun-hye"),)) == {}


def test_a_title_in_the_past_stays_in_the_role() -> None:
    from briefing.entities.roles import roles
    from briefing.model import Span

    text = "It came near the anniversary of the death of former leader Kim Jong-il."
    spans = (Span(text.index("Kim"), len(text) - 1, "PERSON", "person:kim", "Kim Jong-il"),)
    assert roles(text, spans) == {"person:kim": ["former leader"]}


def test_a_state_s_formal_name_and_a_former_leader_named_once_are_no_players() -> None:
    import dataclasses

    named = {"Republic of Korea": "ORG", "Kim Jong-il": "PERSON", "Ana Cruz": "PERSON"}
    analysis = corpus([
        ("a", None, ["The Republic of Korea said the launch broke U.N. resolutions, Ana Cruz said.",
                     "It came near the anniversary of the death of former leader Kim Jong-il."]),
        ("b", None, ["Ana Cruz said the launch was a provocation."]),
    ], named)
    entities = tuple(dataclasses.replace(e, roles=("former leader",)) if e.name == "Kim Jong-il" else e for e in analysis.entities)
    players = [line.text for line in build(dataclasses.replace(analysis, entities=entities)).players]
    assert any(p.startswith("Ana Cruz") for p in players), players
    assert not any(p.startswith(("Republic of Korea", "Kim Jong-il")) for p in players), players


def test_an_outcome_of_an_earlier_year_is_no_opposite_of_the_story_s() -> None:
    named = {"Ana Silva": "PERSON", "Rui Costa": "PERSON", "Portugal": "GPE"}
    b = build(corpus([
        ("a", None, ["Ana Silva has won Wednesday's presidential election in Portugal, officials said."]),
        ("b", None, ["In 2007 Rui Costa narrowly defeated Ana Silva in the party primary in Portugal."]),
    ], named))
    assert not any(line.text.startswith(("Ana Silva:", "Rui Costa:")) for line in b.differences), b.differences


def test_a_reporter_s_sign_off_is_furniture() -> None:
    assert is_caption("This is Baik Sung-won, VOA News.") and is_caption("I'm Ana Cruz, VOA News, Manila.")
    assert not is_caption("This is the worst quake in decades, officials said.")
    assert not is_caption("This is Samsung, not Apple.") and not is_caption("I am Sam Altman, and I run OpenAI.")


def test_a_place_the_model_took_for_a_person_is_judged_by_the_story_not_the_captions() -> None:
    named = {"Bohol": "PERSON", "Cebu": "GPE", "Ana Cruz": "PERSON"}
    captions = [f"Residents walk past a collapsed church in {town}, Bohol, Oct. 16, 2013." for town in ("Loboc", "Loon", "Clarin")]
    b = build(corpus([
        ("a", dt.date(2013, 10, 16), [captions[0], "In Bohol, the quake destroyed 300 homes, governor Ana Cruz said.",
                                      "Ana Cruz said rescuers reached 20 villages."]),
        ("b", dt.date(2013, 10, 16), [captions[1], captions[2], "A state of calamity was declared in both Bohol and Cebu, Ana Cruz said."]),
    ], named))
    players = [line.text for line in b.players]
    assert any(p.startswith("Ana Cruz") for p in players) and not any(p.startswith("Bohol") for p in players), players


def test_a_lost_dateline_s_dash_does_not_open_a_line() -> None:
    b = build(corpus([("a", None, ["— Divers in Leyte resumed searching on Thursday for 282 people, officials said."])], QUAKE))
    assert [line.text for line in b.bottom_line] == ["Divers in Leyte resumed searching on Thursday for 282 people, officials said."]


def test_a_toll_that_has_risen_is_the_same_quantity_as_those_killed() -> None:
    b = build(corpus([
        ("a", None, ["A strong earthquake hit the island of Leyte, killing at least 20 people and toppling two churches."]),
        ("b", None, ["Officials in Tacloban said the quake's death toll has risen to at least 144 people."]),
        ("c", None, ["The number of people who died in Samar climbed to 31, the governor said."]),  # another place
    ], QUAKE))
    rose = [line.text for line in b.differences if line.text.startswith("Figures rose")]  # it rose: one count, reported later
    assert any("20 people" in t and "144 people" in t for t in rose), [line.text for line in b.differences]


def test_key_facts_too_long_for_one_row_are_still_weighed_without_error() -> None:
    # every sentence is longer than a key fact's rows and cannot be shortened whole: the
    # fallback takes the longer ones, weighing them by the text they are shown in
    names = ", ".join(f"{n} people in {place}" for n, place in zip(range(11, 30), ["Leyte", "Samar", "Tacloban"] * 7, strict=False))
    long = [f"Officials said the quake killed {names}, and that rescuers were still searching." for _ in range(3)]
    b = build(corpus([(name, None, [text]) for name, text in zip("abc", long, strict=True)], QUAKE))
    assert b.key_facts or b.bottom_line


def _closing(tail: str) -> Analysis:
    """A report whose last paragraph names no one, and a second source of the same event."""
    return corpus(
        [
            ("a", dt.date(2030, 5, 20), [
                "Thieves stole eight jewels from the Museo Civico in Turin on Sunday morning.",
                "Marta Ricci, the director of the Museo Civico, said the alarm failed at dawn.",
                "Police in Turin closed the roads around the Museo Civico for the day.",
                tail,
            ]),
            ("b", dt.date(2030, 5, 20), [
                "Eight jewels were stolen from the Museo Civico in Turin, police said.",
                "Guards found the display cases broken and the jewels gone before the doors opened.",
            ]),
        ],
        THEFT,
    )


def test_a_closing_paragraph_another_source_reports_is_on_topic() -> None:
    """The end of a report naming no one ("the display cases were broken") is not a teaser for
    another story when another article says it too; a teaser for another story still is."""
    from briefing.brief.features import build_corpus

    said_elsewhere = build_corpus(_closing("The display cases were broken and the jewels gone before the guards came."))
    assert not any(u.off_topic for u in said_elsewhere.units)
    teaser = build_corpus(_closing("Autumn recipes: bake a pumpkin loaf with cinnamon and walnuts tonight."))
    assert [u.text[:12] for u in teaser.units if u.off_topic] == ["Autumn recip"]


def test_the_before_a_name_is_no_part_of_it() -> None:
    """"the U.S. Navy" and "U.S. Navy" are one organisation; "the Philippines" keeps its "the"."""
    from briefing.entities.mentions import clean

    text = "Later the U.S. Navy sent a ship to the Philippines."
    navy = text.index("the U.S. Navy")
    assert [m.text for m in clean(text, navy, navy + len("the U.S. Navy"), "ORG")] == ["U.S. Navy"]
    where = text.index("the Philippines")
    assert [m.text for m in clean(text, where, where + len("the Philippines"), "GPE")] == ["the Philippines"]


def test_an_item_of_a_list_is_no_key_fact() -> None:
    """"• May 2012: Opens a wing in Turin." is a line of a page's chronology box, its subject
    the box's heading: background for the timeline, never a key fact."""
    analysis = _museum(["Key dates of the Museo Civico:", "• May 2012: Opens a new wing for jewels from Turin and Milan."],
                       ["Eight jewels were stolen from the Museo Civico in Turin, Marta Ricci said."])
    assert not [line.text for line in build(analysis).key_facts if "new wing" in line.text]


def test_he_after_he_is_the_first_speaker_not_the_man_he_spoke_of() -> None:
    """"Marta Ricci said ... He says ... Paolo Conte ... He says ...": both are Ricci's words
    (the second "He" follows a sentence naming Conte, but that sentence is Ricci's too)."""
    people = {**THEFT, "Paolo Conte": "PERSON"}
    analysis = corpus(
        [("a", dt.date(2030, 5, 20), ["Thieves stole eight jewels from the Museo Civico in Turin on Sunday morning.",
                                     "An expert on museum security, Marta Ricci, spoke to reporters in Turin.",
                                     "She says the theft shows the guard Paolo Conte was not at his post that night.",
                                     "She says no gallery in Turin has ever lost so many precious objects in a single robbery."])],
        people,
    )
    told = [line.text for line in build(analysis).key_facts if "no gallery" in line.text]
    assert told == ["[Marta Ricci] says no gallery in Turin has ever lost so many precious objects in a single robbery."]


def test_rows_no_concept_asks_for_get_the_best_claims_that_still_say_something_new() -> None:
    """One English source: no word is shared, so coverage asks for nothing after a few lines;
    the screen shows the next best claims adding words rather than empty rows."""
    lines = [f"Police in Turin said {w} had been seen near the {p} {t}."
             for w, p, t in [("a white van", "river", "before dawn"), ("two tall men", "bridge", "at midnight"),
                             ("a long ladder", "garden", "on Saturday"), ("a small drone", "tower", "after sunset"),
                             ("a young courier", "station", "that evening"), ("a fishing boat", "harbour", "at noon")]]
    analysis = corpus([("a", dt.date(2030, 5, 20), ["Thieves stole eight jewels from the Museo Civico in Turin.", *lines])],
                      THEFT)
    b = build(analysis)
    assert len(b.key_facts) >= 5


def test_how_sure_a_figure_is_does_not_say_what_it_counts() -> None:
    """"28 people have been confirmed dead" and "six people are dead" count the same dead
    ("confirmed", "feared", "reported" say how sure the figure is)."""
    from briefing.brief.claims import context
    from briefing.brief.features import build_corpus

    built = build_corpus(corpus([("a", None, ["Twenty-eight people have been confirmed dead so far in Turin.",
                                              "At least six people are dead in Turin.",
                                              "Some 300 people are feared dead in Turin."])], THEFT))
    measured = [context(u, v) for u in built.units for v in u.values]
    assert measured == [{"kill"}, {"kill"}, {"kill"}]


def test_a_sentence_pointing_back_to_the_one_before_is_not_self_contained() -> None:
    from briefing.brief import self_contained

    assert not self_contained("Marie Harf made a comment to the same effect the same day.")
    assert not self_contained("It called Jang “human scum.”")
    assert self_contained("Marie Harf said the State Department had no reason to doubt the report.")
    assert not self_contained("Then, at 9:52:28, the first stage separated 45 km from Dongchang-ri.")  # after what?
    assert self_contained("The first stage separated at 9:52:28, and then the second.")


def test_the_main_event_is_what_the_leads_share_not_what_the_bodies_repeat() -> None:
    from briefing.brief import build_corpus
    from briefing.brief.coverage import lead_weights

    detail = "Guards and volunteers searched the cellars of the Museo Civico overnight, the police said."
    reopened, unhurt = "The museum reopened to the public on Monday afternoon.", "Nobody was hurt in the raid, officials said."
    analysis = corpus([
        ("a", None, [THEFT_LEAD, reopened, unhurt, detail]),
        ("b", None, ["Eight jewels were stolen from the Museo Civico in Turin on Sunday.", "The thieves fled.", unhurt, detail]),
        ("c", None, ["Marta Ricci opened the doors at nine on Sunday morning.", reopened, unhurt, detail]),
    ], THEFT)
    told = lead_weights(build_corpus(analysis))
    assert told["@gpe:turin"] == 2.0 and told["w:jewels"] == 1.0  # two leads; a word weighs half a name
    assert "w:cellars" not in told and "@person:marta ricci" not in told  # the bodies' words; one lead's name


def test_a_relative_date_leads_a_key_fact_only_when_it_dates_the_sentence_itself() -> None:
    from briefing.brief import _dated
    from briefing.brief.features import build_corpus

    day = dt.date(2030, 4, 19)  # a Friday
    told = {u.text: _dated(u, u.text) for u in build_corpus(corpus([("a", day, [
        "Police in Turin arrested the captain on Wednesday.",
        "One hundred seventy-four others have been rescued, but none since Wednesday.",
        "Police arrested the captain of a ferry that sank Wednesday.",
    ])], THEFT)).units}
    assert told["Police in Turin arrested the captain on Wednesday."].startswith("17 Apr 2030: ")
    assert not told["One hundred seventy-four others have been rescued, but none since Wednesday."][0].isdigit()  # since when, not when
    assert not told["Police arrested the captain of a ferry that sank Wednesday."][0].isdigit()  # the sinking's day, not the arrest's


def test_one_source_giving_two_figures_for_one_count_is_said_once() -> None:
    day = dt.date(2030, 4, 19)
    b = build(corpus([
        ("a", day, ["A ferry sank off Turin on Wednesday with 476 people on board, officials said.",
                    "Twenty-eight people have been confirmed dead so far, and divers searched the wreck overnight.",
                    "Thirty-six people are confirmed dead, and Marta Ricci said the search would go on."]),
        ("b", day, ["A ferry sank off Turin on Wednesday with 476 people on board, officials said.",
                    "Marta Ricci, the mayor of Turin, said the city would mourn the dead."]),
    ], THEFT))
    told = [line.text for line in [*b.bottom_line, *b.key_facts, *b.numbers]]
    assert sum(("Twenty-eight" in t) + ("Thirty-six" in t) for t in told) == 1, told  # the page's summary and its text


def test_a_source_giving_several_times_tells_a_sequence_not_a_dispute_with_itself() -> None:
    from briefing.brief.disputes import figure_files, rivals
    from briefing.brief.features import build_corpus

    day = dt.date(2030, 4, 19)
    c = build_corpus(corpus([
        ("a", day, ["The rocket was launched from Turin at 9:49 a.m., officials said.",
                    "Radar in Turin tracked the rocket from 9:51 a.m. until it left the region."]),
        ("b", day, ["The rocket was launched from Turin at 9:49 a.m., officials said."]),
    ], THEFT))
    assert not rivals(figure_files(c), c)


def test_a_date_that_bounds_a_period_is_no_event_of_the_timeline() -> None:
    day = dt.date(2030, 4, 19)  # a Friday
    b = build(corpus([
        ("a", day, ["A ferry sank off Turin with 476 people on board, officials said.",
                    "Nobody has been rescued since Wednesday, the coast guard said."]),
        ("b", day, ["A ferry sank off Turin with 476 people on board, officials said.",
                    "Marta Ricci said divers in Turin searched the wreck on Thursday."]),
    ], THEFT))
    told = [line.text for line in [*b.key_facts, *b.timeline]]
    assert any(t.startswith("18 Apr 2030: ") for t in told), told
    assert not any(t.startswith("17 Apr 2030: ") for t in told), told  # nobody rescued since then: nothing happened then


def test_a_date_that_bounds_a_period_dates_no_other_event() -> None:
    from briefing.brief.disputes import other_events
    from briefing.brief.features import build_corpus

    quake = "An earthquake struck Turin on 3 August 2030, killing 20 people, officials said."
    c = build_corpus(corpus([
        ("a", dt.date(2030, 8, 3), [quake]),
        ("b", dt.date(2030, 8, 4), [quake]),
        ("c", dt.date(2030, 9, 13), ["Nobody has been found alive in Turin since Wednesday, Marta Ricci said."]),
    ], THEFT))
    assert other_events(c) == set()  # found alive since 11 September: no event that day, so no other event


def test_a_sentence_naming_the_same_people_backs_a_claim_only_when_it_says_the_same():
    """Same names, another claim ("Ricci said the museum reopened") is no support of the
    theft; the same claim in other words ("robbed ... overnight") is."""
    _assert_backers(["Thieves robbed the Museo Civico in Turin, prosecutor Marta Ricci said.",
                     "Visitors returned to the Museo Civico in Turin, prosecutor Marta Ricci said.",
                     "Thieves robbed the Museo Civico in Turin overnight, prosecutor Marta Ricci told reporters."],
                    "robbed", {1, 3})


def _assert_backers(sentences: list[str], word: str, backers: set[int]) -> None:
    """One sentence per source of one day; the bottom line or key facts saying `word` are
    backed by exactly `backers` (notes 1, 2, ...)."""
    day = dt.date(2030, 5, 20)
    analysis = corpus([(chr(ord("a") + i), day, [text]) for i, text in enumerate(sentences)], THEFT)
    # the annotator finds "prosecutor" as Marta Ricci's title: a word of who, not of what
    people = tuple(replace(e, roles=("prosecutor",)) if e.label == "PERSON" else e for e in analysis.entities)
    b = build(replace(analysis, entities=people))
    lines = [line for line in [*b.bottom_line, *b.key_facts] if word in line.text]
    assert lines, _all_lines(b)
    for line in lines:
        assert {c.note for c in line.citations[: line.agree]} == backers, line


def test_a_claim_in_another_form_of_its_verb_is_support():
    """"Thieves stole" and "were stolen", "met" and "a meeting": one claim, in irregular and
    derived forms Snowball alone leaves apart."""
    _assert_backers(["Thieves stole paintings from the Museo Civico in Turin, prosecutor Marta Ricci said.",
                     "Artworks were stolen from the Museo Civico in Turin, prosecutor Marta Ricci told reporters.",
                     "Visitors returned to the Museo Civico in Turin, prosecutor Marta Ricci said."],
                    "stole", {1, 2})
    assert tx.stem("met") == tx.stem("meeting") and tx.stem("stole") == tx.stem("steals")
    assert tx.stem("left") != tx.stem("leave")  # a direction as often as a verb: left out


def test_a_count_of_items_disputes_a_count_of_the_things_they_are():
    """ "Nine items were stolen" and "stole eight jewels": one count said two ways, a
    disagreement; "two paintings" are another count and dispute neither."""
    day = dt.date(2030, 5, 20)
    b = build(corpus([
        ("a", day, ["Thieves stole eight jewels from the Museo Civico in Turin on Sunday, Marta Ricci said."]),
        ("b", day, ["Nine items were stolen from the Museo Civico in Turin on Sunday, police said."]),
        ("c", day, ["The thieves stole eight jewels from the Museo Civico in Turin, officials said.",
                    "They also stole two paintings from the Museo Civico, officials said."]),
    ], THEFT))
    differ = _differ(b)
    assert any("8 jewels [1][3]" in t and "9 items [2]" in t for t in differ), differ
    assert not any("2 paintings" in t for t in differ), differ


def test_how_long_it_took_and_how_long_it_lasted_are_one_duration():
    day = dt.date(2030, 5, 20)
    b = build(corpus([
        ("a", day, ["Thieves stole eight jewels from the Museo Civico in Turin on Sunday, Marta Ricci said."]),
        ("b", day, ["The theft at the Museo Civico in Turin took four minutes, police said."]),
        ("c", day, ["The heist at the Museo Civico in Turin lasted seven minutes, officials said."]),
    ], THEFT))
    differ = _differ(b)
    assert any("4 min [2]" in t and "7 min [3]" in t for t in differ), differ


def test_a_report_saying_it_is_the_latest_replaces_other_undated_figures():
    """Undated pages: "three people were killed" (the first day's count) against "in its latest
    report ... killed at least 3,974": the latest leads the key facts, the first count is no
    fact or number of the screen; a count that only may rise says it did not."""
    b = build(corpus([
        ("a", None, ["A typhoon struck Leyte on Friday, killing three people, Governor Maria Santos said.",
                     "Officials said three people were killed, though the toll seemed certain to rise."]),
        ("b", None, ["The typhoon flattened towns across Leyte, Governor Maria Santos said.",
                     "Rescuers reached the towns of Leyte on Saturday, Maria Santos said.",
                     "In its latest report, the government said the typhoon killed at least 3,974 people."]),
        ("c", None, ["A typhoon hit Leyte on Friday, flattening towns, officials said."]),
    ], {"Leyte": "GPE", "Maria Santos": "PERSON"}))
    facts = [line.text for line in b.key_facts]
    assert any("3,974" in t for t in facts[:2]), facts
    shown = [line.text for line in [*b.bottom_line, *b.key_facts, *b.numbers]]
    assert not any("three people" in t for t in shown), shown
    from briefing.brief.claims import says_risen
    from briefing.brief.features import build_corpus

    units = build_corpus(corpus([("a", None, ["The toll has risen to 144, officials said.",
                                              "The toll seemed certain to rise, officials said."])], {})).units
    assert [says_risen(u) for u in units] == [True, False]


def test_the_same_sum_said_in_other_words_backs_a_claim():
    """Sentences too unlike for the similarity search ("stole $81 million from the Museo
    Civico" against a long sentence about the search for "the $81 million stolen from the
    Museo Civico") still back each other when they give the same sum, names and deed."""
    _assert_backers(["Thieves stole $81 million from the Museo Civico in Turin, prosecutor Marta Ricci said.",
                     "Insurers, lawyers, auditors and bankers from Geneva to Singapore argued for weeks over who should "
                     "repay depositors and pensioners, while the $81 million stolen from the Museo Civico in Turin stayed "
                     "missing.",
                     "Visitors returned to the Museo Civico in Turin, prosecutor Marta Ricci said."],
                    "$81 million", {1, 2})
