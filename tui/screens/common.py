"""Small renderers the screens share: status labels, meta lines, highlighted text."""

from __future__ import annotations

from collections import Counter

from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.widget import Widget

from briefing.model import Article, EnglishView, Provenance, Span

from ..themes import ENTITY_KINDS, kind

STATUS = {  # provenance -> (list label, style)
    Provenance.ORIGINAL: ("original", "dim"),
    Provenance.MACHINE: ("machine", "bold"),
    Provenance.PROVIDED: ("provided", ""),
    Provenance.UNTRANSLATED: ("no model", "italic"),
}


def status_label(article: Article, view: EnglishView | None, analysing: bool) -> tuple[str, str]:
    if view is None:
        if article.lang == "en":
            return "original", "dim"
        return ("translating…", "dim italic") if analysing else ("pending", "dim italic")
    return STATUS[view.status]


def entity_counts(spans: tuple[Span, ...]) -> Counter:
    return Counter(s.entity for s in spans if s.entity)


def theme_color(widget: Widget, name: str) -> str | None:
    value = widget.app.theme_variables.get(name)
    if not value:
        return None
    try:
        return Color.parse(value.split()[0]).hex
    except Exception:
        return None


def entity_style(widget: Widget, label: str) -> Style:
    color = theme_color(widget, f"entity-{kind(label)}")
    return Style(color=color, bold=True) if color else Style(bold=True)


def styled_text(widget: Widget, text: str, spans: tuple[Span, ...]) -> Text:
    """Text (data, never markup) with entity spans coloured from the theme."""
    rendered = Text(text)
    for span in spans:
        if span.end <= len(text):
            rendered.stylize(entity_style(widget, span.label), span.start, span.end)
    return rendered


def meta_line(article: Article, view: EnglishView | None, analysing: bool) -> Text:
    parts = [
        Text(article.source_label),
        Text(article.lang, style="bold"),
        Text(article.date.isoformat() if article.date else (article.date_text or "undated")),
        Text(f"{article.words} word" + ("" if article.words == 1 else "s")),
    ]
    if article.byline:
        parts.insert(1, Text(article.byline))
    if view is not None:
        described = view.status.label + (f" ({view.model})" if view.model else "")
        parts.append(Text(described, style="italic"))
    elif article.lang != "en":
        parts.append(Text("translating…" if analysing else "not translated yet", style="italic"))
    line = Text(" · ", style="dim").join(parts)
    line.stylize("dim")
    return line


LEGEND_NAMES = {"person": "person", "org": "organisation", "place": "place", "date": "date", "number": "amount", "other": "other"}


def legend(widget: Widget, highlight: bool) -> Text:
    """What each entity colour means, in the theme's colours (or that colours are off)."""
    if not highlight:
        return Text("colours off (c turns them on)", style="dim italic")
    parts = []
    for name in ENTITY_KINDS:
        colour = theme_color(widget, f"entity-{name}")
        parts.append(Text.assemble(("● ", Style(color=colour)), (LEGEND_NAMES[name], "dim")))
    # two to a line, so a narrow panel never splits a dot from its name
    return Text("\n").join(Text("  ").join(parts[i : i + 2]) for i in range(0, len(parts), 2))
