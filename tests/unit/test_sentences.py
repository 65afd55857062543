import pytest

from briefing.sentences import split


def texts(text, lang="en"):
    return [text[s:e] for s, e in split(text, lang)]


def test_plain_sentences():
    assert texts("One thing. Another thing! A question? Yes.") == ["One thing.", "Another thing!", "A question?", "Yes."]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "Mr. Smith met Dr. J. Doe of Acme Inc. in the U.S. capital. They talked."
    assert texts(text) == ["Mr. Smith met Dr. J. Doe of Acme Inc. in the U.S. capital.", "They talked."]


def test_german_ordinal_dates_stay_whole():
    text = "Das Treffen fand am 4. Februar 2025 statt. Es war im Jahr 2015. Danach nicht mehr."
    assert texts(text, "de") == ["Das Treffen fand am 4. Februar 2025 statt.", "Es war im Jahr 2015.", "Danach nicht mehr."]


def test_hungarian_dates_stay_whole():
    text = "A találkozó 2024. március 15. napján volt. Utána mindenki hazament."
    assert texts(text, "hu") == ["A találkozó 2024. március 15. napján volt.", "Utána mindenki hazament."]


def test_quotes_and_glued_sentences():
    text = "“We will see,” he said. “Maybe.” It roiled the industry.The rise was fast."
    assert texts(text) == ["“We will see,” he said.", "“Maybe.”", "It roiled the industry.", "The rise was fast."]


def test_a_quotation_of_several_sentences_is_one_statement():
    text = 'NORAD said, "The first stage fell into the Yellow Sea. The second stage fell near the Philippines." Debris was found.'
    assert texts(text) == [
        'NORAD said, "The first stage fell into the Yellow Sea. The second stage fell near the Philippines."',
        "Debris was found.",
    ]
    assert len(texts("「会議は終わった。合意はない。」と述べた。", "ja")) == 1


def test_a_quotation_left_open_is_split_as_prose():
    # a quoted paragraph that runs on into the next one never closes on its line
    text = "He said: “We will not stop. We will go on. " + "And on. " * 60
    assert texts(text)[:3] == ["He said: “We will not stop.", "We will go on.", "And on."]


def test_newlines_always_end_a_sentence_and_offsets_are_exact():
    text = "Heading without stop\nBody one. Body two.\n\nLast"
    spans = split(text)
    assert [text[s:e] for s, e in spans] == ["Heading without stop", "Body one.", "Body two.", "Last"]
    assert spans[1] == (21, 30)


def test_agency_tag_stays_with_its_sentence():
    assert texts("They met at the office. [YONHAP]") == ["They met at the office. [YONHAP]"]


def test_decimals_and_urls_do_not_split():
    assert texts("Shares rose 3.5 percent at example.com today. Then fell.") == [
        "Shares rose 3.5 percent at example.com today.",
        "Then fell.",
    ]


def test_cjk_full_stops():
    assert texts("会議は東京で開かれた。合意はなかった。", "ja") == ["会議は東京で開かれた。", "合意はなかった。"]


def _seconds(text, lang="en"):
    import time

    best = float("inf")
    for _ in range(3):  # the best of three, in CPU time: these machines are shared and noisy
        started = time.process_time()
        split(text, lang)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize(
    "unit",
    [
        "Mr. Smith met the U.S. envoy on Monday. The talks went well! Did they agree? Yes.The deal is done. ",
        "a.Ba",  # glued boundaries, each with a long dotted word before it
        "!" * 7 + "x",  # runs of stops
        "会議は東京で開かれた。",
    ],
)
def test_splitting_is_linear_in_the_text(unit):
    # A 100 KB paragraph took 5.6 s when every boundary sliced the rest of the text.
    small = (unit * (50_000 // len(unit) + 1))[:50_000]
    large = (unit * (200_000 // len(unit) + 1))[:200_000]
    ratio = _seconds(large, "de") / _seconds(small, "de")
    assert ratio < 8, f"4x the text took {ratio:.1f}x the time"
