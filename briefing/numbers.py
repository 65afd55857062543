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
from dataclasses import dataclass

__all__ = ["Value", "find_values", "find_money", "parse_number", "format_amount"]


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
}
_LONG_SCALE = {"de": {"billion": 1e12}, "hu": {"billion": 1e12}}

_SYMBOLS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW"}
_SHOWN = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "KRW": "₩"}
# Currency words after the number; Hungarian adds case endings ("dollárt", "dolláros").
_WORDS = [
    (r"usd|us-dollars?|us dollars?|dollars?|dollár\w*|đô la(?: mỹ)?|đô", "USD"),
    (r"eur|euros?|euró\w*", "EUR"),
    (r"gbp|pounds?(?: sterling)?|font\w*", "GBP"),
    (r"jpy|yen|jen\w*|yên", "JPY"),
    (r"krw|won\w*", "KRW"),
    (r"huf|forint\w*|ft", "HUF"),
    (r"vnd|đồng", "VND"),
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
    rf"(?:\s?(?P<cur>{_WORD_RE})(?![\w]))?",
    re.I,
)


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
    for letter, scale in (("T", 1e12), ("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if top >= scale:
            break
    else:
        letter, scale = "", 1.0
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
    """Money amounts (a currency symbol or word) and counts (a scale word, or >= 1,000)."""
    values: list[Value] = []
    for match in _PATTERN.finditer(text):
        currency = _currency(match)
        scale_word = match.group("scale")
        # A bare "m"/"b"/"k" is a scale only right after money ("$5m"), never a word.
        if scale_word and len(scale_word) == 1 and currency is None:
            scale_word = None
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
        if not currency and match.group("cur"):
            end = match.start("cur")  # a currency word it could not read is no part of the figure
        start = match.start()
        raw = text[start:end].rstrip()
        values.append(Value(start, start + len(raw), raw, kind, low, high, currency, format_amount(low, currency, high)))
    return values


def find_money(text: str, lang: str | None = None) -> list[Value]:
    return [v for v in find_values(text, lang) if v.kind == "money"]


def _looks_like_year(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100
