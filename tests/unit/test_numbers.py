from __future__ import annotations

import pytest

from briefing.numbers import find_money, find_values, format_amount, parse_number


@pytest.mark.parametrize(
    "text, lang, surface, normalised, value",
    [
        ("a combined investment of $500 billion by SoftBank.", "en", "$500 billion", "$500B", 5e11),
        ("akár 15-20 milliárd dollárt is invesztálhat", "hu", "15-20 milliárd dollárt", "$15-20B", 15e9),
        ("giá trị công ty từ 175 tỷ USD lên 340 tỷ USD.", "vi", "175 tỷ USD", "$175B", 175e9),
        ("rund 4,5 Mrd. Euro investiert", "de", "4,5 Mrd. Euro", "€4.5B", 4.5e9),
        ("12 Millionen Dollar", "de", "12 Millionen Dollar", "$12M", 12e6),
        ("3 Billionen Euro", "de", "3 Billionen Euro", "€3T", 3e12),
        ("két 300 millió forintos", "hu", "300 millió forintos", "300M HUF", 3e8),
        ("£300 million.", "en", "£300 million", "£300M", 3e8),
    ],
)
def test_money_is_found_and_normalised(text, lang, surface, normalised, value):
    money = find_money(text, lang)
    assert money, text
    first = money[0]
    assert first.text == surface and text[first.start : first.end] == surface
    assert first.normalised == normalised and first.value == value


def test_range_keeps_both_ends():
    (v,) = find_money("15-20 milliárd dollár", "hu")
    assert (v.value, v.high, v.currency) == (15e9, 20e9, "USD")


def test_counts_durations_and_years():
    values = find_values("about 350,000 H100 GPUs in 2024 and 19 hours", "en")
    assert [(v.text, v.kind, v.shown) for v in values] == [("350,000", "count", "350,000 H100 GPUs"), ("19 hours", "duration", "19 h")]


@pytest.mark.parametrize(
    "text, lang",
    [("a portrait painted in 1661, then sold", "en"), ("im Jahr 1661 gemalt", "de"), ("since 2019 the firm", "en"),
     ("As 2024 begins, firms", "en")],
)
def test_a_year_is_never_a_quantity(text, lang):
    assert find_values(text, lang) == []


def test_a_count_keeps_its_noun():
    (v,) = find_values("The thieves took 1,354 diamonds.", "en")
    assert (v.kind, v.shown) == ("count", "1,354 diamonds")
    (v,) = find_values("Police arrested eight people on Sunday.", "en")
    assert (v.kind, v.value, v.noun) == ("count", 8, "people")
    assert find_values("On February 4 the two met, 3 of them smiling.", "en") == []  # no noun counted


@pytest.mark.parametrize(("text", "shown"), [
    ("At least 20 people killed in the quake.", "20 people"),  # not "20 people killed"
    ("Police arrested two men Saturday.", "2 men"),  # not "2 men Saturday"
    ("Three men stole the jewels.", "3 men"),
    ("Four police officers were hurt.", "4 police officers"),  # a second word that is the plural head
    ("The firm bought 20,000 H100 GPUs.", "20,000 H100 GPUs"),
])
def test_a_count_s_noun_ends_at_its_plural_head(text, shown):
    (v,) = find_values(text, "en")
    assert v.shown == shown


@pytest.mark.parametrize(
    "text, lang",
    [("Der Raub dauerte 7 Minuten.", "de"), ("El robo duró 7 minutos.", "es"), ("It took seven minutes.", "en"), ("わずか7分間で", "ja")],
)
def test_durations_in_any_language(text, lang):
    (v,) = find_values(text, lang)
    assert (v.kind, v.value, v.normalised) == ("duration", 420, "7 min")


@pytest.mark.parametrize(
    "text, lang",
    [("gegen 9:30 Uhr", "de"), ("午前９時３０分ごろ", "ja"), ("at 9:30 a.m.", "en"), ("um 10 Uhr", "de"), ("ngày 4 tháng 2", "vi")],
)
def test_times_of_day_and_dates_are_no_figures(text, lang):
    assert find_values(text, lang) == []


@pytest.mark.parametrize(
    "raw, lang, expected",
    [("4,5", "de", 4.5), ("350.000", "de", 350000), ("350,000", "en", 350000), ("1.234.567,8", "de", 1234567.8), ("1,500", None, 1500)],
)
def test_parse_number_by_language(raw, lang, expected):
    assert parse_number(raw, lang) == expected


def test_format_amount():
    assert format_amount(5e11, "USD") == "$500B"
    assert format_amount(1.5e6) == "1.5M"


@pytest.mark.parametrize(
    ("text", "lang", "shown"),
    [
        ("사망자가 589명으로 늘었다.", "ko", "589 people"),
        ("구조대원 1만 8천 명이 투입됐다.", "ko", "18,000 people"),
        ("이재민 23만명이 발생했다.", "ko", "230,000 people"),
        ("地震造成407人死亡", "zh", "407 people"),
        ("22.97万人受灾", "zh", "229,700 people"),
        ("８万户房屋受损", "zh", "80,000 households"),
        ("２０人が死亡した", "ja", "20 people"),
        ("1명이 숨졌다", "ko", "1 person"),  # not "1 people"
        ("1艘船沉没", "zh", "1 vessel"),
    ],
)
def test_cjk_counts_read_their_scale_and_counter(text, lang, shown):
    (value,) = find_values(text, lang)
    assert (value.kind, value.shown) == ("count", shown) and text[value.start : value.end] == value.text


@pytest.mark.parametrize("text", ["2014年8月3日16时30分", "下午4点30分", "8월 4일 오후 4시 30분"])
def test_cjk_times_of_day_are_no_count_and_no_duration(text):
    assert find_values(text, "zh" if "时" in text or "点" in text else "ko") == []


@pytest.mark.parametrize(
    "text, shown",
    [
        ("One hundred seventy-four others have been rescued.", ["174 others"]),
        ("Twenty-eight people have been confirmed dead.", ["28 people"]),
        ("The toll rose to thirty-six people on Saturday.", ["36 people"]),
        ("A hundred people were hurt.", ["100 people"]),
        ("One hundred and twenty people were evacuated.", ["120 people"]),
        ("Two thousand five hundred soldiers arrived.", ["2,500 soldiers"]),
        ("one of the twenty-one students", ["21 students"]),
        ("Divers searched for twenty-four hours.", ["24 h"]),  # once "four hours"
        ("Ninety-nine years ago the church burned.", []),  # says when, not how long
    ],
)
def test_numbers_written_in_words_are_read_whole(text, shown):
    assert [v.shown for v in find_values(text, "en")] == shown


def test_a_duration_in_words_is_plural_after_any_number_but_one():
    shown = [v.shown for t in ("five years in office", "one month", "for three days", "19 hours") for v in find_values(t, "en")]
    assert shown == ["5 years", "1 month", "3 days", "19 h"]


@pytest.mark.parametrize(("text", "lang", "shown"), [
    ("berusaha mencuri total $1 miliar, tapi gagal", "id", ["$1B"]),  # not "$1"
    ("menjatuhkan denda US$21 juta kepada sebuah bank", "id", ["$21M"]),
    ("un butin estimé à 88 millions d'euros", "fr", ["€88M"]),
    ("un botín de 88 millones de euros", "es", ["€88M"]),
    ("robó 5 mil millones de dólares", "es", ["$5B"]),
    ("gioielli per 88 milioni di euro", "it", ["€88M"]),
    ("похитили 81 млн долларов", "ru", ["$81M"]),
    ("he made 5 mil last year", "en", []),  # "mil" is a thousand in Spanish and Portuguese only
    ("해킹으로 약 8천100만 달러가 유출됐습니다", "ko", ["$81M"]),  # (8 x 1,000 + 100) x 10,000
    ("2천만 달러가량을 되찾았다", "ko", ["$20M"]),
    ("損失は500億円にのぼる", "ja", ["¥50B"]),
    ("损失3.5亿美元", "zh", ["$350M"]),
    ("사망자가 4백 명에 육박", "ko", ["400 people"]),
])
def test_scale_words_and_currencies_of_other_languages(text, lang, shown):
    assert [v.shown for v in find_values(text, lang)] == shown


@pytest.mark.parametrize("text", [
    "The sanctions were taken pursuant to Executive Order (E.O.) 13722 of 2016.",
    "The council passed Resolution 2270 on Wednesday.",
    "Regulation No. 1500 applies.",
    "행정명령 제13722호에 따라 제재했다.",
    "安理会第2270号决议",
])
def test_a_number_that_names_a_thing_is_no_count(text):
    assert find_values(text, "ko" if "제" in text else "zh" if "号" in text else "en") == []
    assert [v.shown for v in find_values("The theft cost 13722 people their savings.", "en")] == ["13,722 people"]
