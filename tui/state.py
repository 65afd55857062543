"""What the app knows, as one immutable value.

The app holds an `AppState` in a reactive and replaces it whole when the workers report
(corpus loaded, analysis landed, stopped or failed) or the config changes; screens watch
it and re-render. Progress is a separate reactive (`Status`): it ticks twenty times a
second and must not re-render a screen's content.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from briefing.config import Config
from briefing.model import Analysis, Annotation, Article, Briefing, EnglishView, Entity, Provenance
from briefing.views import original_view


class Phase(Enum):
    LOADING = "loading"  # the corpus is being read
    LOADED = "loaded"  # articles shown, no analysis asked for (or none yet)
    ANALYSING = "analysing"  # translation and entities are running
    ANALYSED = "analysed"  # the analysis landed
    STOPPED = "stopped"  # the user stopped the analysis
    FAILED = "failed"  # loading or the analysis failed (the status line says why)


@dataclass(frozen=True)
class Status:
    """The status line: what is running now, with progress when it is counted."""

    message: str
    done: int = 0
    total: int = 0


PLACEHOLDER_NOTICES = {  # phase -> why an article has no English view yet
    Phase.ANALYSING: "analysing: the English view appears when translation finishes",
    Phase.STOPPED: "untranslated: the analysis was stopped (ctrl+r resumes it)",
    Phase.FAILED: "untranslated: the analysis failed (the status line says why)",
}
NOT_ANALYSED = "untranslated: the analysis has not run (ctrl+r starts it)"


@dataclass(frozen=True, eq=False)  # compared by identity: a new state is a change
class AppState:
    config: Config = field(default_factory=Config)
    phase: Phase = Phase.LOADING
    articles: tuple[Article, ...] = ()
    analysis: Analysis | None = None
    briefing: Briefing | None = None  # built from this analysis and config.focus (the app keeps them in step)

    @cached_property
    def by_id(self) -> Mapping[str, Article]:
        return {a.id: a for a in self.articles}

    @property
    def analysed(self) -> bool:
        return self.analysis is not None

    @property
    def analysing(self) -> bool:
        return self.phase is Phase.ANALYSING

    @property
    def views(self) -> Mapping[str, EnglishView]:
        """English views the analysis produced (none before it lands)."""
        return self.analysis.views if self.analysis else {}

    @property
    def annotations(self) -> Mapping[str, Annotation]:
        return self.analysis.annotations if self.analysis else {}

    @cached_property
    def entities(self) -> tuple[Entity, ...]:
        return tuple(self.analysis.entities) if self.analysis else ()

    @cached_property
    def entity_by_id(self) -> Mapping[str, Entity]:
        return {e.id: e for e in self.entities}

    def analysed_view(self, article_id: str) -> EnglishView | None:
        return self.views.get(article_id)

    def view(self, article_id: str) -> EnglishView:
        """The English view to show: the analysis's, else a placeholder that says why.

        An English article is its own English view; any other is shown in its original
        language, labelled untranslated (never "original English")."""
        analysed = self.views.get(article_id)
        if analysed is not None:
            return analysed
        article = self.by_id[article_id]
        if article.lang == "en":
            return original_view(article)
        notice = PLACEHOLDER_NOTICES.get(self.phase, NOT_ANALYSED)
        return original_view(article, Provenance.UNTRANSLATED, notice=notice)
