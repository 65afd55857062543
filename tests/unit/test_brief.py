"""The briefing: structure, citations, selection rules, one-screen fitting, dates."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from rich.cells import cell_len

from briefing.brief import UNREAD_SOURCES, _most_facts, build, fit_text
from briefing.brief.timeline import find_dates
from facts import seed_analysis


@pytest.fixture(scope="session")
def english_only():
    return seed_analysis(provided=False)


@pytest.fixture(scope="session")
def provided():
    return seed_analysis(provided=True)


def _lines(b):
    return [*b.bottom_line, *b.key_facts, *b.players, *b.numbers, *b.timeline, *b.differences]


@pytest.mark.parametrize("which", ["english_only", "provided"])
def test_every_line_cites_existing_english_sentences(which, request):
    analysis = request.getfixturevalue(which)
    b = build(analysis)
    notes = {s.article_id: s.note for s in b.sources}
    assert [s.note for s in b.sources] == list(range(1, len(analysis.articles) + 1))
    most = _most_facts((100, 30)) + 2  # as many as the screen could hold, a quote, the latest development
    assert 3 <= len(b.key_facts) <= most and len(b.bottom_line) in (1, 2)
    for line in _lines(b):
        assert line.citations, line.text
        assert 1 <= line.agree <= len({c.article_id for c in line.citations})
        for c in line.citations:
            assert 0 <= c.sentence < len(analysis.views[c.article_id].sentences)
            assert c.note == notes[c.article_id]


def test_build_is_deterministic(provided):
    assert build(provided) == build(provided)


def test_default_focus_is_the_talks_organisations(provided):
    focus = build(provided).focus
    assert {"OpenAI", "SoftBank"} <= set(focus) and any(f.startswith("Samsung") for f in focus)


def test_focus_override_changes_the_selection(provided):
    b = build(provided, focus=["Kakao"])
    assert b.focus == ("Kakao",)
    assert "Kakao" in b.key_facts[0].text
    assert "Kakao" not in build(provided).key_facts[0].text  # the focus, not the corpus, led to it


def test_off_topic_tail_and_boilerplate_never_selected(english_only, provided):
    for analysis in (english_only, provided):
        text = " ".join(line.text for line in _lines(build(analysis)))
        assert "Woolf" not in text and "Flickering" not in text
        assert "Advertisement" not in text and "lee.jaelim@" not in text
        assert "[YOMHAP]" not in text


def test_key_facts_are_not_the_first_sentences(provided):
    b = build(provided)
    firsts = {(a.id, 0) for a in provided.articles} | {(a.id, 1) for a in provided.articles}
    picked = {(line.citations[0].article_id, line.citations[0].sentence) for line in b.key_facts}
    assert picked - firsts, "selection should reach beyond the lead sentences"


def test_sources_differ_on_the_verdict_only_with_translations(english_only, provided):
    def verdicts(b):
        return [line for line in b.differences if "guilty" in line.text and "acquitted" in line.text]

    assert verdicts(build(provided)), [line.text for line in build(provided).differences]
    assert len(verdicts(build(provided))[0].citations) == 2
    assert not verdicts(build(english_only))  # the Hungarian and Vietnamese are unread


def test_untranslated_articles_still_count(english_only):
    b = build(english_only)
    untranslated = {s.note for s in b.sources if s.provenance.value == "untranslated"}
    assert len(untranslated) == 3
    assert "3 untranslated" in b.coverage[0].text
    cited = {c.note for line in [*b.players, *b.numbers] for c in line.citations}
    assert cited & untranslated, "entities and figures of untranslated articles are language-independent"


def test_numbers_are_normalised_and_grouped(provided):
    text = "\n".join(line.text for line in build(provided).numbers)
    assert "$500B" in text and "$15-20B" in text and "$175B, $340B" in text
    stargate = next(line for line in build(provided).numbers if line.text.startswith("$500B"))
    assert stargate.agree >= 2


def test_timeline_resolves_relative_dates_across_articles(provided):
    timeline = build(provided).timeline
    labels = [line.text.split(":")[0] for line in timeline]
    facts = [line.text.split(":")[0] for line in build(provided).key_facts]
    assert "25 Jan 2024" in labels + facts  # "last Thursday" in a story dated 31 Jan 2024
    feb4 = next(line for line in timeline if line.text.startswith("4 Feb 2025"))
    assert len({c.article_id for c in feb4.citations}) >= 2  # "February 4" without a year joins the dated story


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (120, 40), (60, 16), (40, 10)])
def test_fit_text_never_overflows(provided, size):
    cols, rows = size
    text = fit_text(build(provided), size)
    lines = text.split("\n")
    assert len(lines) <= rows
    assert max(cell_len(line) for line in lines) <= cols


def test_fit_text_keeps_the_essentials_at_80x24(provided, english_only):
    for analysis in (provided, english_only):
        text = fit_text(build(analysis), (80, 24))
        assert "BOTTOM LINE" in text and "KEY FACTS" in text and "SOURCES" in text
        assert text.count("\n") >= 20  # the screen is used (a few rows may stay free: lines are whole)
        body = text.split("KEY FACTS", 1)[1].split("PLAYERS", 1)[0]
        assert body.count("[") >= 3  # at least three cited facts


def test_fit_text_uses_the_screen_at_100x30(provided):
    text = fit_text(build(provided), (100, 30))
    for label in ("PLAYERS", "NUMBERS", "TIMELINE", "DIFFERENCES"):
        assert label in text


def test_fit_text_strips_control_characters(provided):
    from dataclasses import replace

    from briefing.model import Line

    b = build(provided)
    evil = replace(b, key_facts=(Line("Bad \x1b[31mred\x1b[0m \u202eevil", b.key_facts[0].citations),) + b.key_facts[1:])
    text = fit_text(evil, (100, 30))
    assert "\x1b" not in text and "\u202e" not in text


def test_dates_resolve_against_the_article_date():
    wednesday = dt.date(2024, 1, 31)
    found = {d.text: d for d in find_dates("He came last Thursday, last week, on Friday and last month, in 2015.", wednesday)}
    assert found["last Thursday"].date == dt.date(2024, 1, 25)
    assert found["last week"].key == "2024-01-22/week"
    assert found["on Friday"].date == dt.date(2024, 1, 26)
    assert found["last month"].key == "2023-12"
    assert found["in 2015"].key == "2015"
    tuesday = dt.date(2025, 2, 4)
    found = {d.text: d for d in find_dates("on Tuesday afternoon; February 4; the day before; last June", tuesday)}
    assert found["on Tuesday afternoon"].date == tuesday
    assert found["February 4"].date == tuesday
    assert found["the day before"].date == dt.date(2025, 2, 3)
    assert found["last June"].key == "2024-06"


def test_relative_dates_without_an_article_date_stay_unresolved():
    found = find_dates("on Friday, on 4 February", None)
    assert [d.key for d in found] == [None, "--02-04"]
    assert [d.key for d in find_dates("The trial was held on the 12th.", None)] == [None]


def test_a_day_or_a_month_alone_is_the_latest_such_one_of_the_article():
    """ "on the 12th", as news translated from Korean, Japanese or Chinese dates events, and "in April"."""
    friday = dt.date(2013, 12, 13)
    text = "A military trial was held on the 12th and the agency reported it on the 13th; the morning of the 4th."
    assert [(d.text, d.key) for d in find_dates(text, friday)] == [
        ("on the 12th", "2013-12-12"), ("on the 13th", "2013-12-13"), ("of the 4th", "2013-12-04")]
    assert find_dates("Officials said on the 30th, before the vote.", dt.date(2014, 5, 2))[0].key == "2014-04-30"
    assert find_dates("It happened on the 31st.", dt.date(2014, 5, 2))[0].key is None  # April has none: not guessed
    found = find_dates("In April, a launch failed; none since March. Talks in may cases failed.", dt.date(2012, 12, 12))
    assert [(d.text, d.key) for d in found] == [("In April", "2012-04"), ("since March", "2012-03")]
    assert find_dates("In December, a launch.", dt.date(2012, 11, 2))[0].key == "2011-12"  # not a month to come
    for ordinal in ("a church built in the 16th century", "a deputy to the 11th Supreme People's Assembly",
                    "an office on the 5th floor", "on the 60th anniversary of the war"):
        assert find_dates(ordinal, friday) == [], ordinal


# -- timeline: background years, untranslated originals, one line per event ---------------


def test_timeline_leaves_out_bare_years_when_finer_events_exist(english_only, provided):
    import re

    for analysis in (english_only, provided):
        labels = [line.text.split(":")[0] for line in build(analysis).timeline]
        assert labels
        assert not [x for x in labels if re.fullmatch(r"\d{4}", x)], labels  # "2025: For its collaboration ..."


def test_timeline_is_chronological_with_one_line_per_date(english_only, provided):
    for analysis in (english_only, provided):
        timeline = build(analysis).timeline
        labels = [line.text.split(":")[0] for line in timeline]
        assert len(labels) == len(set(labels))
        days = [dt.datetime.strptime(x, "%d %b %Y").date() for x in labels if re.fullmatch(r"\d{1,2} \w{3} \d{4}", x)]
        assert days == sorted(days) and len(days) >= 1, labels


def test_timeline_reads_dates_in_untranslated_originals(english_only):
    """ "ngày 4 tháng 2" in the undated Vietnamese original joins 4 Feb 2025 of the dated English story."""
    b = build(english_only)
    vi = next(s.note for s in b.sources if s.lang == "vi")
    feb4 = next(line for line in b.timeline if line.text.startswith("4 Feb 2025"))
    assert vi in {c.note for c in feb4.citations} and len(feb4.citations) >= 2


def _two_article_analysis(long_dated: str = ""):
    """An English story dated 2025-02-04 without a dated event (or with one only in the too
    long `long_dated` sentence after it), and an undated Vietnamese original that dates its
    meeting ("ngày 4 tháng 2"): only the original can place the event on the screen."""
    from briefing.model import Analysis, Annotation, Article, Entity, Provenance, Sentence, Span
    from briefing.views import original_view

    en_text = "Samsung Electronics and OpenAI leaders discussed chips and data centres in Seoul."
    first = Sentence(0, 0, 0, len(en_text), en_text)
    more = (Sentence(1, 1, len(en_text) + 2, len(en_text) + 2 + len(long_dated), long_dated),) if long_dated else ()
    en = Article("en1", "<t>/en.txt", "Chip talks", "en", (en_text, *([long_dated] if long_dated else [])), (first, *more),
                 date=dt.date(2025, 2, 4))
    vi_text = "Sam Altman, CEO của OpenAI, sẽ gặp Chủ tịch Samsung Electronics vào ngày 4 tháng 2 tại Seoul."
    vi = Article("vi1", "<t>/vi.txt", "Gặp gỡ", "vi", (vi_text,), (Sentence(0, 0, 0, len(vi_text), vi_text),))

    def span(text, label, eid, surface):
        at = text.index(surface)
        return Span(at, at + len(surface), label, eid, surface)

    en_spans = (span(en_text, "ORG", "org:samsung electronics", "Samsung Electronics"), span(en_text, "ORG", "org:openai", "OpenAI"),
                span(en_text, "GPE", "gpe:seoul", "Seoul"))
    vi_spans = (span(vi_text, "PERSON", "person:sam altman", "Sam Altman"), span(vi_text, "ORG", "org:openai", "OpenAI"),
                span(vi_text, "ORG", "org:samsung electronics", "Samsung Electronics"),
                span(vi_text, "DATE", "", "ngày 4 tháng 2"), span(vi_text, "GPE", "gpe:seoul", "Seoul"))
    entities = (Entity("org:samsung electronics", "Samsung Electronics", "ORG"), Entity("org:openai", "OpenAI", "ORG"),
                Entity("person:sam altman", "Sam Altman", "PERSON"), Entity("gpe:seoul", "Seoul", "GPE"))
    views = {"en1": original_view(en), "vi1": original_view(vi, Provenance.UNTRANSLATED)}
    annotations = {"en1": Annotation("en1", en_spans, en_spans), "vi1": Annotation("vi1", vi_spans, vi_spans)}
    return Analysis((en, vi), views, entities, annotations)


def test_untranslated_event_is_shown_by_what_it_names():
    b = build(_two_article_analysis())
    assert [line.text for line in b.timeline] == [
        "4 Feb 2025: OpenAI, Samsung Electronics, Sam Altman — Seoul (vi, untranslated)."
    ]
    assert [c.note for c in b.timeline[0].citations] == [2]
    # an English sentence of that day too long to show whole: the day is told by the original's names
    topics = ", ".join(f"then talked about topic number {i} at length" for i in range(12))
    long_dated = f"On 4 February the leaders met in Seoul, {topics}."
    told = [line.text for line in build(_two_article_analysis(long_dated)).timeline]
    assert told and told[0].startswith("4 Feb 2025: OpenAI, Samsung Electronics, Sam Altman"), told


def test_what_an_untranslated_source_counts_is_listed_with_the_source():
    """Nobody can read the Korean report, but "589 people" is there to see, with its source and
    date; a bare number ("12", no counter) says nothing and is left out."""
    from briefing.model import Analysis, Article, Provenance, Sentence
    from briefing.views import original_view

    en_text = "A strong earthquake struck Yunnan province on Sunday, killing at least 357 people, officials said."
    en = Article("en1", "<t>/en.txt", "Quake", "en", (en_text,), (Sentence(0, 0, 0, len(en_text), en_text),),
                 date=dt.date(2014, 8, 4))
    paragraphs = ("중국 윈난성에서 발생한 강진으로 인한 사망자가 589명으로 늘었습니다.", "피해 현장에는 군인 1만 8천 명이 투입됐습니다.",
                  "당국은 12일 동안 수색을 계속한다고 밝혔습니다.")
    sentences, at = [], 0
    for i, text in enumerate(paragraphs):
        sentences.append(Sentence(i, i, at, at + len(text), text))
        at += len(text) + 2
    ko = Article("ko1", "<t>/ko.txt", "지진", "ko", paragraphs, tuple(sentences), date=dt.date(2014, 8, 6))
    b = build(Analysis((en, ko), {"en1": original_view(en), "ko1": original_view(ko, Provenance.UNTRANSLATED)}))
    unread = [line for line in b.numbers if "untranslated ko source" in line.text]
    assert [line.text for line in unread] == ["589 people, 18,000 people: untranslated ko source, 6 Aug 2014."]
    assert [c.sentence for c in unread[0].citations] == [0, 1] and unread[0].citations[0].note == 2
    tolls = [f"사망자가 {100 + i}명으로 늘었습니다." for i in range(9)]
    many = [Article(f"ko{i}", f"<t>/ko{i}.txt", "지진", "ko", (toll,), (Sentence(0, 0, 0, len(toll), toll),),
                    date=dt.date(2014, 8, 1 + i)) for i, toll in enumerate(tolls)]
    views = {"en1": original_view(en), **{a.id: original_view(a, Provenance.UNTRANSLATED) for a in many}}
    listed = [line.text for line in build(Analysis((en, *many), views)).numbers if "untranslated ko source" in line.text]
    assert listed[0] == "108 people: untranslated ko source, 9 Aug 2014." and len(listed) == UNREAD_SOURCES  # the newest


def test_relative_date_in_an_undated_original_is_not_guessed():
    from briefing.brief.timeline import original_date

    assert original_date("am Freitag", "de", None) is None
    monthday = original_date("ngày 4 tháng 2", "vi", None)
    assert monthday is not None and monthday.precision == "monthday"
    friday = original_date("am Freitag", "de", dt.date(2025, 2, 4))
    assert friday is not None and friday.date == dt.date(2025, 1, 31)


# -- one screen: whole sentences before truncation; the bottom line whole ----------------


LONG_EVENT = "4 Feb 2025: Acme held talks with Beta in Paris last Thursday and the deal was signed quickly after a long night."


def _screen_briefing(fact: str, timeline: str = LONG_EVENT):
    from briefing.model import Briefing, Citation, Line

    cite = (Citation("a", 0, 1),)
    return Briefing(("Acme",), (Line("Acme met Beta in Paris.", cite),), (Line(fact, cite),) * 3, (), (),
                    (Line(timeline, cite),), (), ())


def test_fit_text_drops_an_attribution_rather_than_cutting_the_sentence():
    fact = "Acme Corp agreed to buy a stake in Beta Industries for its chip plants, according to people familiar with the matter."
    text = fit_text(_screen_briefing(fact), (100, 30))
    row = next(r for r in text.split("\n") if r.startswith("KEY FACTS"))
    assert row.endswith("Acme Corp agreed to buy a stake in Beta Industries for its chip plants. [1]"), row
    assert "…" not in text


def test_a_nameless_attribution_inside_a_sentence_goes_before_the_sentence_is_lost():
    from briefing.brief.text import compress

    long = ("Investigators allege the 69-year-old captain failed to carry out his duty to protect passengers when, "
            "according to witnesses, he was one of the first to leave the sinking ship.")
    assert compress(long, 160) == long.replace(", according to witnesses,", "")
    named = "The captain, according to Yonhap, was one of the first to leave the sinking ship after it listed badly."
    assert compress(named, 90) is None  # a named source is a name of the claim: it stays


def test_a_lead_in_and_a_nameless_circumstance_go_before_the_sentence_is_lost():
    from briefing.brief.text import compress

    long = ("What investigators know for certain is that early last month, after nearly a year of careful planning, "
            "someone sent 35 fraudulent transfer instructions to the Federal Reserve Bank of New York to steal $1 billion.")
    assert compress(long, 150) == ("Early last month someone sent 35 fraudulent transfer instructions to the Federal "
                                   "Reserve Bank of New York to steal $1 billion.")
    named = "The bank, after a meeting with Governor Atiur Rahman, sent 35 transfer instructions to the Federal Reserve."
    assert compress(named, 80) is None  # a circumstance naming someone says who: it stays


def test_fit_text_wraps_a_long_sentence_whole_rather_than_cutting_it():
    text = fit_text(_screen_briefing("Acme met Beta."), (100, 30))
    rows = text.split("\n")
    at = next(i for i, r in enumerate(rows) if r.startswith("TIMELINE"))
    shown = " ".join(r[13:].strip() for r in rows[at : at + 2])
    assert shown == LONG_EVENT + " [1]", shown


def test_fit_text_never_keeps_a_fragment_of_a_leading_clause():
    fact = ("After Acme announced its plans to build chips on its own, the chief of Acme made a secret visit to "
            "Paris to hold discussions with chipmakers about collaborating on new plants.")
    row = next(r for r in fit_text(_screen_briefing(fact), (100, 30)).split("\n") if r.startswith("KEY FACTS"))
    assert "After Acme announced its plans to build chips on its own. " not in row, row


def test_seed_screen_keeps_facts_whole(english_only, provided):
    for analysis in (english_only, provided):
        text = fit_text(build(analysis), (100, 30))
        body = text.split("KEY FACTS", 1)[1].split("PLAYERS", 1)[0] + text.split("TIMELINE", 1)[1].split("DIFFERENCES", 1)[0]
        assert "…" not in body, body  # whole sentences, or another sentence


def test_markdown_keeps_the_full_sentences(english_only):
    from briefing.export import markdown

    md = markdown(build(english_only), english_only)
    assert "from the previously planned 6 hours" in md


@pytest.mark.parametrize("which", ["english_only", "provided"])
def test_bottom_line_says_who_what_where_when(which, request):
    analysis = request.getfixturevalue(which)
    line = build(analysis).bottom_line[0]
    players = [e.name for e in analysis.entities if e.label in ("PERSON", "ORG") and e.name in line.text]
    assert len(players) >= 2, line.text
    assert "Seoul" in line.text and re.search(r"4 Feb 2025|February 4", line.text), line.text
    if which == "provided":
        assert line.agree >= 2, line  # the translations back it


@pytest.mark.parametrize("which", ["english_only", "provided"])
def test_bottom_line_stays_whole_at_80x24(which, request):
    analysis = request.getfixturevalue(which)
    b = build(analysis)
    text = fit_text(b, (80, 24))
    rows = text.split("\n")
    start = next(i for i, r in enumerate(rows) if r.startswith("BOTTOM LINE"))
    end = next(i for i, r in enumerate(rows) if r.startswith("KEY FACTS"))
    shown = " ".join(r[13:].strip() for r in rows[start:end])
    assert shown.startswith(" ".join(b.bottom_line[0].text.split())), shown


def test_people_leading_the_focus_organisations_come_first(english_only):
    names = [line.text.split(":")[0] for line in build(english_only).players]
    assert set(names[:3]) == {"Sam Altman", "Lee Jae-yong", "Masayoshi Son"}  # named in the weightiest claims
    softbank = [line.text.split(":")[0] for line in build(english_only, focus=["SoftBank"]).players]
    assert softbank.index("Masayoshi Son") < softbank.index("Chey Tae-won")  # CEO of SoftBank Group
    focused = [line.text.split(":")[0] for line in build(english_only, focus=["SK Group"]).players]
    assert focused.index("Chey Tae-won") < focused.index("Masayoshi Son")  # Chairman of SK Group



def test_roles_read_as_headlines():
    from briefing.brief.players import headline_role

    assert headline_role("CEO of SoftBank Group") == "SoftBank Group CEO"
    assert headline_role("Executive Chair of Samsung Electronics") == "Samsung Electronics Executive Chair"
    assert headline_role("head of the board of directors") == "head of the board of directors"  # not one "X of Org"
    assert headline_role("spokesperson") == "spokesperson"


def test_no_line_is_a_bare_list_of_names_or_a_figure_of_an_unreadable_sentence(english_only, provided):
    for analysis in (english_only, provided):
        b = build(analysis)
        for line in b.timeline:  # "Jan 2024: Meta, Mark Zuckerberg, Sam Altman." tells no event
            body = line.text.split(": ", 1)[1]
            assert re.search(r"\b[a-z]{3,}\b", body) or "untranslated" in body, line.text
        for line in b.numbers:
            assert "untranslated" not in line.text or " naming " in line.text, line.text


def test_a_line_whose_citations_miss_its_last_row_keeps_its_last_word_with_them() -> None:
    from briefing.brief.fit import _whole_rows

    width = 70
    text = "The ministry counted 1,200 damaged houses in the northern province."
    assert len(text) <= width < len(text) + len(" [1][2]")  # one row, but not with its citations
    rows = _whole_rows(text, "[1][2]", width)
    assert rows and " ".join(rows) == text + " [1][2]", rows
    assert all(cell_len(r) <= width for r in rows) and rows[-1] != "[1][2]", rows


def test_source_notes_are_grouped_by_provenance_and_language_and_none_is_lost() -> None:
    import datetime as dt

    from briefing.brief.fit import _sources
    from briefing.model import Provenance, Source

    langs = ["en", "de", "fr", "es", "ja", "zh", "ko"]
    sources = [Source(n, f"a{n}", f"t{n}", f"s{n}", langs[(n - 1) % 7],
                      Provenance.ORIGINAL if langs[(n - 1) % 7] == "en" else Provenance.UNTRANSLATED,
                      dt.date(2025, 10, 19) if n == 8 else None) for n in range(1, 15)]
    rows = _sources(sources, 87, 4)  # 100 columns less the label column
    assert len(rows) == 2, rows
    text = " ".join(row for row, _ in rows)
    assert text.startswith("original: en [1] [8] 2025-10-19 · untranslated: de [2][9] · fr [3][10]"), text
    assert rows[1][0].startswith("untranslated: "), rows  # a row continuing a provenance names it again
    cited = [c.note for _, lines in rows for line in lines for c in line.citations]
    assert sorted(cited) == list(range(1, 15))
    # a group wider than a row goes on in the next, its label repeated; nothing is cut
    many = [Source(n, f"b{n}", "t", "s", "en", Provenance.ORIGINAL, dt.date(2025, 10, 19)) for n in range(1, 13)]
    rows = _sources(many, 87, 6)
    assert len(rows) > 1 and all(row.startswith("original: en [") and len(row) <= 87 for row, _ in rows), rows
    assert sorted(c.note for _, lines in rows for line in lines for c in line.citations) == list(range(1, 13))


def test_hundreds_of_sources_are_counted_not_listed_on_the_screen():
    """200 source notes would take half the screen: past SOURCE_ROWS rows they are counted by
    provenance and language, and every note is still cited by its row."""
    from briefing.brief.fit import SOURCE_ROWS, fit
    from briefing.model import Briefing, Citation, Line, Provenance, Source

    langs = ["en", "vi", "hu", "de"]
    sources = tuple(Source(i + 1, f"a{i}", f"T{i}", f"<t>/{i}.txt", langs[i % 4],
                           Provenance.ORIGINAL if i % 4 == 0 else Provenance.UNTRANSLATED) for i in range(200))
    line = Line("Thieves stole eight jewels from the museum on Sunday.", (Citation("a0", 0, 1),))
    b = Briefing((), (line,), (), (), (), (), (), (), sources)
    rows = [r for r in fit(b, (100, 30)) if r.section == "sources"]
    assert len(rows) <= SOURCE_ROWS
    assert rows[0].text.split("SOURCES", 1)[1].strip() == "original: en ×50 · untranslated: vi ×50 · hu ×50 · de ×50"
    assert sorted(c.note for r in rows for line in r.lines for c in line.citations) == list(range(1, 201))
    few = [r for r in fit(Briefing((), (line,), (), (), (), (), (), (), sources[:8]), (100, 30)) if r.section == "sources"]
    assert "[1]" in few[0].text  # a few sources keep their notes
