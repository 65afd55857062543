"""Pick an entity (to filter the library by it): type to narrow, enter to choose."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from briefing.model import Entity

from ..commands import PICKER, bindings
from .common import entity_style


class EntityPicker(ModalScreen[Entity | None]):
    COMMAND_LIST = PICKER
    BINDINGS = bindings(PICKER)

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        super().__init__(id="entity-picker")
        self.entities = sorted(entities, key=lambda e: (-e.mentions, e.name.casefold()))

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Input(placeholder="Entity…", id="picker-filter")
            yield OptionList(id="picker-list")

    def on_mount(self) -> None:
        self.query_one("#picker-box").border_title = "Filter by entity"
        self._fill("")

    def _fill(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        folded = query.casefold()
        for entity in self.entities:
            names = (entity.name, *entity.aliases)
            if folded and not any(folded in n.casefold() for n in names):
                continue
            prompt = Text.assemble(
                ("● ", entity_style(self, entity.label)),
                Text(entity.name),
                (f"  {entity.label.lower()} · {entity.mentions}", "dim"),
            )
            options.add_option(Option(prompt, id=entity.id))
        if options.option_count:
            options.highlighted = 0

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value.strip())

    @on(Input.Submitted)
    def _submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._choose(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, entity_id: str | None) -> None:
        self.dismiss(next((e for e in self.entities if e.id == entity_id), None))

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
