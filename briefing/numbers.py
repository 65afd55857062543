"""Money and counts in any of the corpus languages, normalised for the briefing.

Public API (pure functions, no model, no I/O):

    find_values(text, lang=None) -> list[Value]   every money amount and large count, in order
    find_money(text, lang=None)  -> list[Value]   only kind == "money"
    parse_number(raw, lang=None) -> float          "4,5" (de) -> 4.5, "350,000" (en) -> 350000.0

A `Value` carries character offsets into `text` (so `text[v.start:v.end] == v.text`), its
kind ("money" or "count"), the numeric value (`value`, and `high` for a range, both in
units: "$500 billion" -> 5e11), the ISO currency code when it is money, and `normalised`,
the short form the briefing prints:

    "$500 billion"          -> "$500B"
    "15-20 milliárd dollár" -> "$15-20B"      (hu)
    "175 tỷ USD"            -> "$175B"        (vi)
    "4,5 Mrd. Euro"         -> "€4.5B"        (de)
    "350,000"               -> "350K"         (a count)

`lang` (ISO 639-1) decides the decimal separator and the few scale words whose meaning
differs by language (German "Billion" is 10^12). Without it, a separator followed by
exactly three digits is read as a thousands separator.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Value", "find_money", "find_values", "format_amount", "parse_number"]


@dataclass(frozen=True)
class Value:
    start: int
    end: int
    text: str
    kind: str  # "money" or "count"
    value: float  # the amount (the low end of a range), in units
    high: float | None = None  # the high end of a range
    currency: str | None = None  # ISO 4217 code, e.g. "USD"
    normalised: str = ""
    noun: str = ""  # what a count counts ("diamonds"), or a duration's unit ("minutes")

    @property
    def shown(self) -> str:
        """The normalised figure with what it counts: "1,354 diamonds", "$500B", "7 min"."""
        return f"{self.normalised} {self.noun}" if self.kind == "count" and self.noun else self.normalised


# Scale words, lower-cased, with the trailing dot removed. German and Hungarian "billion"
# words are long-scale (10^12); English "billion" is 10^9.
_SCALES = {
    "thousand": 1e3, "k": 1e3, "tausend": 1e3, "tsd": 1e3, "ezer": 1e3, "nghìn": 1e3, "ngàn": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "m": 1e6, "mio": 1e6, "millionen": 1e6,
    "millió": 1e6, "triệu": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "milliarde": 1e9, "milliarden": 1e9,
    "mrd": 1e9, "milliárd": 1e9, "tỷ": 1e9, "tỉ": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "billionen": 1e12, "billió": 1e12,
    "nghìn tỷ": 1e12, "ngàn tỷ": 1e12,
    # French, Spanish, Italian, Portuguese, Dutch, Nordic, Polish, Russian, Turkish, Indonesian
    "millón": 1e6, "millones": 1e6, "milione": 1e6, "milioni": 1e6, "milhão": 1e6, "milhões": 1e6,
    "miljoen": 1e6, "miljon": 1e6, "miljoner": 1e6, "millioner": 1e6, "mln": 1e6, "milion": 1e6, "milionów": 1e6,
    "miliony": 1e6, "млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "milyon": 1e6, "juta": 1e6,
    "milliard": 1e9, "milliards": 1e9, "mil millones": 1e9, "miliardo": 1e9, "miliardi": 1e9, "bilhão": 1e9,
    "bilhões": 1e9, "mil milhões": 1e9, "miljard": 1e9, "miljarder": 1e9, "milliarder": 1e9, "mld": 1e9,
    "miliard": 1e9, "miliardów": 1e9, "miliardy": 1e9, "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9,
    "миллиардов": 1e9, "milyar": 1e9, "miliar": 1e9, "milyard": 1e9,
    "billón": 1e12, "billones": 1e12, "bilião": 1e12, "biliões": 1e12, "trilhão": 1e12, "trilhões": 1e12,
    "triliun": 1e12, "trilyon": 1e12,
    "ribu": 1e3, "duizend": 1e3, "tusen": 1e3, "tusind": 1e3, "tys": 1e3, "тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3,
    "mil": 1e3, "mille": 1e3, "mila": 1e3, "bin": 1e3,  # in their own language only (_OWN_SCALE)
}
_LONG_SCALE = {"de": {"billion": 1e12}, "hu": {"billion": 1e12}}
# Scale words that are words of other languages too ("mil" is a million in English slang,
# "bin" a box): a scale only in their own language.
_OWN_SCALE = {"mil": ("es", "pt"), "mille": ("fr", "it"), "mila": ("it",), "bin": ("tr",)}

_SYMBOLS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW"}
_SHOWN = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "KRW": "₩"}
# Currency words after the number; Hungarian adds case endings ("dollárt", "dolláros").
_WORDS = [
    (r"usd|us-dollars?|us dollars?|dollars?|dollár\w*|đô la(?: mỹ)?|đô|dolar(?:es)?|dólar(?:es)?|dollari|dollaro|"
     r"доллар(?:ов|а)?", "USD"),
    (r"eur|euros?|euró\w*|евро", "EUR"),
    (r"gbp|pounds?(?: sterling)?|font\w*", "GBP"),
    (r"jpy|yen|jen\w*|yên", "JPY"),
    (r"krw|won\w*", "KRW"),
    (r"huf|forint\w*|ft", "HUF"),
    (r"vnd|đồng", "VND"),
    (r"idr|rupiah", "IDR"),
    (r"bdt|taka", "BDT"),
    (r"cny|rmb|yuan", "CNY"),
    (r"rub|rubles?|roubles?|рубл(?:ей|я|ь)", "RUB"),
]
_CURRENCY_WORD = {re.compile(rf"(?:{pattern})$", re.I): code for pattern, code in _WORDS}

_COMMA_DECIMAL = {"de", "hu", "vi", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "ro", "ru", "tr", "sv", "da", "fi", "nb", "id"}

_NUM = r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE_RE = "|".join(sorted((re.escape(w) for w in _SCALES), key=len, reverse=True))
_WORD_RE = "|".join(pattern for pattern, _ in _WORDS)
_PATTERN = re.compile(
    rf"(?<![\w.,])(?P<pre>US\$|[$€£¥₩])?\s?"
    rf"(?P<low>{_NUM})(?:\s?(?:-|–|—|to|bis|đến)\s?(?P<pre2>US\$|[$€£¥₩])?(?P<high>{_NUM}))?"
    rf"(?:\s?(?P<scale>{_SCALE_RE})(?P<dot>\.)?(?![\w]))?"
    rf"(?:\s?(?:(?:de|di|d['’])\s?)?(?P<cur>{_WORD_RE})(?![\w]))?",  # "88 millions d'euros", "milioni di dollari"
    re.I,
)


# Times of day in any script: "9:30", "9.30 Uhr", "9h30", "9 a.m.", "午前9時30分", "9 giờ".
TIME_OF_DAY = re.compile(
    r"(?:午前|午後|上午|下午)?\s*[0-9０-９]{1,2}\s*[時时点點](?:\s*[0-9０-９]{1,2}\s*分)?|"
    r"\b\d{1,2}\s*[:：]\s*\d{2}(?:\s*(?:Uhr|h|a\.\s?m\.|p\.\s?m\.|am|pm|óra|giờ)\b\.?)?|"
    r"\b\d{1,2}[.h]\d{2}\s*(?:Uhr|h|a\.\s?m\.|p\.\s?m\.|óra|giờ)|\b\d{1,2}h\d{2}\b|"
    r"\b\d{1,2}\s*(?:Uhr\b|a\.\s?m\.|p\.\s?m\.|am\b|pm\b|o'clock\b|giờ\b|órakor\b)",
    re.I,
)
NUMBER_WORDS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12}
# Duration units by language (the name shown, seconds). Vietnamese and Hungarian words that
# are also other words ("hét" is seven, "nap" a word in English) are left out.
_UNITS = [
    (r"seconds?|secs?|segundos?|secondi|sekunden?|másodperc\w*|giây|秒間?", "s", 1),
    (r"minutes?|mins?|minutos?|minuti|minuten?|perc(?:ig|es|en)?|phút|分間?|минут\w*", "min", 60),
    (r"hours?|hrs?|horas?|ore|stunden?|ór(?:a|ás|án|ára|áig)|giờ|時間|час\w*", "h", 3600),
    (r"days?|días?|giorni|tagen?|tage|napig|napos|日間", "day", 86400),
    (r"weeks?|semanas?|settimane|wochen?|tuần|週間", "week", 604800),
    (r"months?|meses|mesi|monaten?|monate|hónap\w*|か月|ヶ月", "month", 2629800),
    (r"years?|años|anni|jahren?|jahre|év(?:e|ig|es|nyi)?|năm", "year", 31557600),
]
_WORD_UNITS = frozenset(("day", "week", "month", "year"))  # written as words, so plural after any number but one
_UNIT_RES = [(re.compile(p, re.I), name, sec) for p, name, sec in _UNITS]
_NUMBER_WORD_RE = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# Numbers written out in English words, as news style spells them at a sentence's start
# ("Twenty-eight people", "One hundred seventy-four others", "two thousand five hundred").
_ONES = "|".join(w for w, n in NUMBER_WORDS.items() if 1 <= n <= 9)
_TEENS = "|".join(w for w, n in NUMBER_WORDS.items() if 10 <= n <= 19 and w != "dozen")
_TENS = "|".join(w for w, n in NUMBER_WORDS.items() if 20 <= n <= 90 and n % 10 == 0)
_BELOW_100 = rf"(?:(?:{_TENS})(?:[- ](?:{_ONES})(?![\w-]))?|{_TEENS}|{_ONES})"
_BELOW_1000 = rf"(?:(?:{_ONES}|a)\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?|{_BELOW_100})"
_SPELLED = rf"(?:{_BELOW_1000}\s+thousand(?:\s+(?:and\s+)?{_BELOW_1000})?|{_BELOW_1000}|zero|hundred|dozen)"
_UNIT_RE = "|".join(p for p, _, _ in _UNITS)
_DURATION = re.compile(
    rf"(?<![A-Za-zÀ-ɏ\d.,:])(?P<n>\d+(?:[.,]\d+)?|{_SPELLED})(?:[\s\u00a0-])?(?P<unit>{_UNIT_RE})(?![a-zA-ZÀ-ɏ])",
    re.I,
)
_SMALL_COUNT = re.compile(rf"(?<![\w.,:$€£¥₩-])(?P<n>\d{{1,3}}|(?:{_SPELLED})(?![\w-]))(?![\w.,:%-])", re.I)
_MONTHS = set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_FUNCTION = set(
    "a an the and or but of to in on at by for from with as is are was were be been has have had it its this that "
    "than then when while who which after before since until during over under about into per percent "
    "across along among amid around aboard against besides between beyond inside outside near through throughout toward "
    "towards upon via within without".split()
)
_PLURALS = set("people children men women police staff personnel troops cattle".split())
# Words after a number that make it no count: a rank, a measure, a share, a time.
_NOT_COUNTED = set(
    "percent per cent pc st nd rd th times time years year months month weeks week days day hours hour minutes minute "
    "seconds second km kilometres kilometers miles mile metres meters m kg tonnes tons degrees of a.m p.m am pm".split()
) | _FUNCTION


# Counts and sums in Chinese, Japanese and Korean: digits, a myriad scale ("23만", "22.97万",
# "1만 8천"), then a counter word or a currency ("8천100만 달러", "500億円"). A counter is the
# grammar's way of saying what is counted (명/人/名 people, 户/가구 households, 채/间
# buildings, 척/艘 vessels, 대/辆 vehicles). Their text has no spaces to separate words, so
# the Latin-script patterns above never see these.
CJK_LANGS = {"zh", "zt", "ja", "ko"}
# A CJK number is groups of digits, each with its power: "8천100만" is (8 x 1,000 + 100) x 10,000.
_CJK_SMALL = {"十": 10, "십": 10, "百": 100, "백": 100, "千": 1e3, "천": 1e3}
_CJK_BIG = {"万": 1e4, "萬": 1e4, "만": 1e4, "亿": 1e8, "億": 1e8, "억": 1e8, "兆": 1e12, "조": 1e12}
_COUNTERS = {
    "명": "people", "人": "people", "名": "people",
    "가구": "households", "户": "households", "戶": "households", "世帯": "households",
    "채": "buildings", "间": "buildings", "間": "buildings", "棟": "buildings",
    "척": "vessels", "艘": "vessels", "隻": "vessels",
    "대": "vehicles", "辆": "vehicles", "輛": "vehicles",
}  # fmt: skip
_ONE = {"people": "person", "households": "household", "buildings": "building", "vessels": "vessel", "vehicles": "vehicle"}
# Currencies after a CJK number: "8천100만 달러", "3.5亿美元", "500億円"
_CJK_CURRENCIES = {
    "美元": "USD", "美金": "USD", "달러": "USD", "ドル": "USD", "欧元": "EUR", "유로": "EUR", "ユーロ": "EUR",
    "英镑": "GBP", "파운드": "GBP", "ポンド": "GBP", "人民币": "CNY", "위안": "CNY", "元": "CNY", "圆": "CNY",
    "円": "JPY", "엔": "JPY", "원": "KRW",
}  # fmt: skip
_CJK_DIGITS = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_CJK_POWERS = "".join((*_CJK_SMALL, *_CJK_BIG))
_CJK_FIGURE = re.compile(
    rf"(?<![0-9０-９.,．，])(?P<number>(?:{_CJK_DIGITS}\s?[{_CJK_POWERS}]{{0,2}}\s?)+?)"
    rf"(?:(?P<counter>{'|'.join(sorted(_COUNTERS, key=len, reverse=True))})"
    rf"|(?P<currency>{'|'.join(sorted(_CJK_CURRENCIES, key=len, reverse=True))}))"
)
_CJK_PART = re.compile(rf"(?P<digits>{_CJK_DIGITS})\s?(?P<small>[{''.join(_CJK_SMALL)}])?(?P<big>[{''.join(_CJK_BIG)}])?")


def _cjk_number(written: str) -> float:
    """The value of a CJK number: small powers add up within a section, big ones close it."""
    total = section = 0.0
    for part in _CJK_PART.finditer(written):
        n = parse_number(unicodedata.normalize("NFKC", part["digits"]).replace("，", ","), "en")
        section += n * _CJK_SMALL.get(part["small"] or "", 1)
        if part["big"]:  # "2천만": two thousand myriads
            total, section = total + section * _CJK_BIG[part["big"]], 0.0
    return total + section


def _cjk_counts(text: str) -> list[Value]:
    """Counts with a counter ("73명", "1万2000人") and sums with a currency ("8천100만 달러")."""
    out = []
    for m in _CJK_FIGURE.finditer(text):
        try:
            amount = _cjk_number(m["number"])
        except ValueError:
            continue
        if m["currency"]:
            code = _CJK_CURRENCIES[m["currency"]]
            out.append(Value(m.start(), m.end(), m.group(0), "money", amount, None, code, format_amount(amount, code), ""))
            continue
        shown = f"{amount:,.0f}" if amount < 1e6 else format_amount(amount)
        noun = _COUNTERS[m["counter"]]
        out.append(Value(m.start(), m.end(), m.group(0), "count", amount, None, None, shown, _ONE[noun] if amount == 1 else noun))
    return out


def parse_number(raw: str, lang: str | None = None) -> float:
    """A number as written, with the separators of `lang`."""
    raw = raw.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    seps = [mark for mark in ",." if mark in raw]
    if len(seps) == 2:
        decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
    elif seps:
        sep = seps[0]
        groups = raw.split(sep)
        if len(groups) > 2:
            decimal = ""  # "1.234.567": repeated, so grouping
        elif len(groups[-1]) != 3:
            decimal = sep  # "4,5", "4.25"
        elif lang in _COMMA_DECIMAL:
            decimal = "," if sep == "," else ""  # "4,500" (de) is 4.5; "350.000" is grouping
        elif lang:
            decimal = "." if sep == "." else ""
        else:
            decimal = ""  # no language: three digits after one mark read as grouping
    else:
        decimal = ""
    thousands = {",", "."} - {decimal}
    for mark in thousands:
        raw = raw.replace(mark, "")
    return float(raw.replace(",", ".") if decimal == "," else raw)


def format_amount(value: float, currency: str | None = None, high: float | None = None) -> str:
    """The short form: 5e11, "USD" -> "$500B"; a range shares its scale: "$15-20B"."""
    top = max(value, high or 0)
    scales = (("T", 1e12), ("B", 1e9), ("M", 1e6), ("K", 1e3))
    letter, scale = next(((name, size) for name, size in scales if top >= size), ("", 1.0))
    number = _short(value / scale)
    if high is not None:
        number += "-" + _short(high / scale)
    number += letter
    if currency is None:
        return number
    symbol = _SHOWN.get(currency)
    return f"{symbol}{number}" if symbol else f"{number} {currency}"


def _short(x: float) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def _currency(match: re.Match[str]) -> str | None:
    pre = match.group("pre") or match.group("pre2")
    if pre:
        return _SYMBOLS[pre.upper() if pre.upper() == "US$" else pre]
    word = match.group("cur")
    if word:
        for pattern, code in _CURRENCY_WORD.items():
            if pattern.match(word):
                return code
    return None


def _scale(word: str | None, lang: str | None) -> float:
    if not word:
        return 1.0
    key = word.lower().rstrip(".")
    return _LONG_SCALE.get(lang or "", {}).get(key, _SCALES.get(key, 1.0))


def find_values(text: str, lang: str | None = None) -> list[Value]:
    """Money amounts (a currency symbol or word), counts (a scale word, >= 1,000, or in English
    a number before a noun: "8 jewels", "four suspects") and durations ("7 minutos", "19-hour"),
    in text order. Years ("in 1661"), times of day ("9:30 a.m.") and dates are none of them."""
    if not _DIGIT.search(text):  # only a number word can be a figure: durations and small counts
        return sorted(_small(text, lang), key=lambda v: v.start) if _may_hold_number_word(text) else []
    # The patterns are tried at every position, and most digits are inside a word ("H100"),
    # where no pattern but "9時"'s can start: the cheap tests below skip a pattern only
    # when it cannot match.
    outside = _DIGIT_OUTSIDE_LATIN.search(text) is not None
    starts_word = outside and _DIGIT_STARTS_WORD.search(text) is not None
    times = [(m.start(), m.end()) for m in TIME_OF_DAY.finditer(text)] if _may_be_time(text, starts_word) else []
    values: list[Value] = []
    for match in _PATTERN.finditer(text) if starts_word else ():
        if _inside(match.start("low"), times):
            continue
        currency = _currency(match)
        scale_word = match.group("scale")
        # A bare "m"/"b"/"k" is a scale only right after money ("$5m"), never a word.
        if scale_word and len(scale_word) == 1 and currency is None:
            scale_word = None
        if scale_word and lang not in _OWN_SCALE.get(scale_word.lower(), (lang,)):
            scale_word = None  # "5 mil" is 5,000 in Spanish only
        scale = _scale(scale_word, lang)
        try:
            low = parse_number(match.group("low"), lang) * scale
            high = parse_number(match.group("high"), lang) * scale if match.group("high") else None
        except ValueError:
            continue
        end = match.end()
        if scale_word is None and match.group("scale"):
            end = match.start("scale")
        if match.group("dot") and not match.group("cur") and scale_word and scale_word.lower() not in ("mrd", "mio", "tsd"):
            end -= 1  # the sentence's full stop, not an abbreviation's
        if currency:
            kind = "money"
        elif scale_word or (low >= 1000 and not _looks_like_year(match.group("low"))):
            kind = "count"
        else:
            continue
        if kind == "count" and not scale_word and _names_a_thing(text, match.start(), match.end("low")):
            continue
        if not currency and match.group("cur"):
            end = match.start("cur")  # a currency word it could not read is no part of the figure
        start = match.start("pre") if match.group("pre") else match.start("low")
        raw = text[start:end].rstrip()
        noun = _noun(text[start + len(raw):], lang) if kind == "count" else ""
        if kind == "count" and not scale_word and high is None and low < 1e6:
            shown = f"{low:,.0f}"  # "1,354 diamonds": a count under a million is shown exactly
        else:
            shown = format_amount(low, currency, high)
        values.append(Value(start, start + len(raw), raw, kind, low, high, currency, shown, noun))
    if lang in CJK_LANGS:
        cjk = _cjk_counts(text)
        values = [v for v in values if not any(c.start <= v.start < c.end for c in cjk)] + cjk
    folded = _folded(text)
    if (outside and _SMALL_DIGIT.search(text)) or _starts_number_word(folded):
        taken = [(v.start, v.end) for v in values] + times
        values.extend(v for v in _small(text, lang, folded) if not any(a < v.end and v.start < b for a, b in taken))
    return sorted(values, key=lambda v: v.start)


# Most sentences hold no digit and no number word, and the patterns above are tried at
# every position of a text: these cheap tests skip them, and find exactly as much.
_DIGIT = re.compile(r"\d")  # every pattern's number is \d, [0-9０-９] (also \d) or a number word


# A number word both patterns could take starts a run of letters: their look-behinds refuse
# a letter before it ("someone", "often").
_NUMBER_WORD_START = re.compile(rf"(?<![a-z])(?:{_NUMBER_WORD_RE})")


# _PATTERN's look-behind and TIME_OF_DAY's \b refuse a word character before the first digit;
# only TIME_OF_DAY's "9時" (any of _HOUR_MARKS) may follow one.
_DIGIT_STARTS_WORD = re.compile(r"(?<!\w)\d")
_HOUR_MARKS = "時时点點"
# What follows the last digit of any TIME_OF_DAY match (its five forms, in order)
_MAY_BE_TIME = re.compile(r"\d\s*(?:[時时点點:：]|[.h]\d|uhr|[ap]\.|[ap]m|o'clock|giờ|órakor)", re.I)
# _DURATION's digit, by its look-behind (_SMALL_COUNT's refuses more)
_SMALL_DIGIT = re.compile(r"(?<![A-Za-zÀ-ɏ\d.,:])\d", re.I)
# _SMALL_COUNT's digit, by its look-behind
_SMALL_COUNT_DIGIT = re.compile(r"(?<![\w.,:$€£¥₩-])\d", re.I)
# A digit either of the two above can find: not after a Latin letter or a digit
_DIGIT_OUTSIDE_LATIN = re.compile(r"(?<![A-Za-zÀ-ɏ\d])\d", re.I)
# re.I equates İ and ı with i, ſ with s; lower() leaves or splits them
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def may_hold_time(text: str) -> bool:
    """False only when TIME_OF_DAY finds nothing in `text`."""
    return _may_be_time(text, _DIGIT_STARTS_WORD.search(text) is not None)


def _may_be_time(text: str, starts_word: bool) -> bool:
    """may_hold_time, knowing whether a digit starts a word of `text` (find_values does)."""
    return (starts_word or any(c in text for c in _HOUR_MARKS)) and _MAY_BE_TIME.search(text) is not None


def _folded(text: str) -> str:
    """`text` lower-cased as re.I compares letters: a number word _DURATION or _SMALL_COUNT
    reads is one of NUMBER_WORDS here, after no letter a-z."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


def _may_hold_number_word(text: str) -> bool:
    """False only when no number word `_amount` reads can start a word of `text`."""
    return _starts_number_word(text.lower())


def _starts_number_word(low: str) -> bool:
    """_NUMBER_WORD_START.search(low), tried only when one of its words is in `low`: the
    pattern's 30 words are slow to try at every word's start."""
    return any(w in low for w in NUMBER_WORDS) and _NUMBER_WORD_START.search(low) is not None


def _may_hold_small_count(text: str, low: str) -> bool:
    """False only when _SMALL_COUNT finds nothing: each match starts with a digit after none
    of its look-behind's characters, or holds a number word ("a hundred" holds "hundred") in
    `low`, _folded(text)."""
    return _SMALL_COUNT_DIGIT.search(text) is not None or any(w in low for w in NUMBER_WORDS)


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= at < b for a, b in spans)


def _noun(after: str, lang: str | None) -> str:
    """The words right after a count that say what it counts: "diamonds", "H100 GPUs"."""
    words: list[tuple[str, int]] = []
    for m in re.finditer(r"\s*([^\W_][\w’'-]*)", after):
        if m.start() != (words[-1][1] if words else 0):
            break
        word = m.group(1)
        if word.lower() in _FUNCTION or word.lower() in _MONTHS or (lang in (None, "en") and word.isupper() and len(word) > 5):
            break
        if words and not _plural(word):
            break  # "20 people killed", "3 men stole", "2 men Saturday": a second word is a plural head or none
        words.append((word, m.end()))
        if len(words) == 2 or lang not in (None, "en") or word[-1:].lower() == "s":
            break
    return " ".join(w for w, _ in words)


def _plural(word: str) -> bool:
    """A plural noun, as far as one word can tell: "diamonds", "GPUs", "men", "police"."""
    low = word.lower()
    return low[-1:] == "s" or low in _PLURALS


def _small(text: str, lang: str | None, low: str | None = None) -> list[Value]:
    """Durations in any language, and small counts before a noun in English (`low`: _folded(text), if known)."""
    out = []
    for m in _DURATION.finditer(text):
        unit = m.group("unit")
        if re.match(r"\s*\d", text[m.end():]):
            continue  # "4 tháng 2" is a date (4 February), not four months
        if re.match(r"\s*(?:ago|earlier|before|trước|vorher|zuvor|atrás)\b|-old\b", text[m.end():], re.I):
            continue  # "two years ago" says when, "a 400 year-old church" how old: not how long
        amount = _amount(m.group("n"), lang)
        if amount is None:
            continue
        name, seconds = next((n, sec) for pattern, n, sec in _UNIT_RES if pattern.fullmatch(unit))
        shown = f"{name}s" if name in _WORD_UNITS and amount != 1 else name  # "5 years", "24 h"
        out.append(Value(m.start(), m.end(), m.group(0), "duration", amount * seconds, None, None, f"{_short(amount)} {shown}", name))
    if lang in (None, "en") and _may_hold_small_count(text, _folded(text) if low is None else low):
        for m in _SMALL_COUNT.finditer(text):
            noun = _noun(text[m.end():], lang)
            amount = _amount(m.group("n"), lang)
            head = noun.split()[0].lower() if noun else ""
            if amount is None or head in _NOT_COUNTED or not _plural(head):
                continue
            if amount >= 1000 and m.group("n")[:1].isdigit():
                continue  # a thousand and more in digits is _PATTERN's
            if any(m.start() < v.end and v.start < m.end() for v in out):
                continue
            out.append(Value(m.start(), m.end(), m.group(0), "count", amount, None, None, f"{amount:,.0f}", noun))
    return out


def _amount(raw: str, lang: str | None) -> float | None:
    word = raw.lower()
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    if word[:1].isalpha():
        return _spelled(word)
    try:
        return parse_number(raw, lang)
    except ValueError:
        return None


def _spelled(words: str) -> float | None:
    """The value of an English number in words that _SPELLED matched ("one hundred seventy-four")."""
    total = current = 0
    for word in re.split(r"[\s-]+", words):
        if word == "and":
            continue
        if word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        elif word == "a":
            current = 1
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        else:
            return None
    return float(total + current)


def find_money(text: str, lang: str | None = None) -> list[Value]:
    return [v for v in find_values(text, lang) if v.kind == "money"]


# The nouns that number things: a bare number after one names the thing ("Order 13722")
_NUMBERED = re.compile(
    r"\b(?:Order|Resolution|Flight|Article|Section|Act|Law|Decree|Bill|Route|Room|Case|Directive|Regulation|"
    r"Code|Gate|Platform|Highway|Chapter|E\.O\.|No\.|no\.|Nr\.|n°|#)\)?\s*(?:\([^()]{1,12}\)\s*)?$"
)


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """The number at text[start:end] names a thing, not a count: "Executive Order 13722",
    "Resolution 2270", "제13722호" and "第2270号" (number 13722)."""
    return (_NUMBERED.search(text, max(0, start - 40), start) is not None
            or text[end : end + 1] in ("호", "号", "號", "番") or text[max(0, start - 1) : start] in ("제", "第"))


def _looks_like_year(raw: str) -> bool:
    """A bare four-digit number from 1000 to 2099 is a year ("in 1661", "as 2024 begins"):
    news writes counts of that size with a separator ("1,500 soldiers")."""
    return raw.isdigit() and len(raw) == 4 and 1000 <= int(raw) <= 2099
