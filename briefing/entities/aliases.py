"""Alias merging: surface forms of one entity grouped under one canonical name.

Rules (no list of names anywhere):
- spelling variants of a person's full name merge when the first word is the same and each
  other word is close ("Lee Jae-yong" / "Lee Jae-Young" / "LEE JAE YONG");
- a single word that is the first or last word of a person's full name, and that the model
  called a person at least once, is that person ("Altman", "Lee"); if several people share
  it, the most mentioned one wins; one it only ever called an organisation is a person only
  when it is the last word of one person's full name and of no other name ("Harf");
- an organisation name plus a corporate suffix is the same organisation ("SoftBank" /
  "SoftBank Group"); any other extra word keeps them apart ("SK Group" / "SK hynix");
- a name in capitals that spells the initials of a longer name of the corpus is that name
  ("KCNA" / "Korean Central News Agency", "U.N." / "United Nations"); the most mentioned
  one when several spell it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property

from .consensus import majority
from .gazetteer import Gazetteer
from .text import key, words

CORPORATE_SUFFIXES = frozenset(
    "group inc corp corporation co ltd llc plc ag gmbh se sa nv holdings holding limited company".split()
)


@dataclass
class Form:
    """What the English text says about one surface form (by key)."""

    labels: Counter = field(default_factory=Counter)
    displays: Counter = field(default_factory=Counter)

    @property
    def mentions(self) -> int:
        return sum(self.displays.values())

    @property
    def display(self) -> str:
        return self.displays.most_common(1)[0][0]


@dataclass
class Group:
    name: str
    label: str = ""
    keys: set = field(default_factory=set)
    displays: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    forced: bool = False  # the gazetteer fixed name and label
    person: bool = False  # built on full names the corpus calls a person

    @cached_property
    def id(self) -> str:  # read only once the label is final
        return f"{self.label.lower()}:{' '.join(words(self.name))}"

    @property
    def mentions(self) -> int:
        return sum(self.displays.values())

    def add(self, k: str, form: Form) -> None:
        self.keys.add(k)
        self.displays.update(form.displays)
        self.labels.update(form.labels)


_ACRONYM = re.compile(r"(?:[A-Z]\.){2,6}|[A-Z]{2,6}")
_CAPITALISED = re.compile(r"[A-Z][^\s-]*")


def acronym(display: str) -> str | None:
    """"KCNA" of "KCNA", "UN" of "U.N.": the letters of a name written as an acronym."""
    return display.replace(".", "") if _ACRONYM.fullmatch(display) else None


def initials(display: str) -> str:
    """"KCNA" of "Korean Central News Agency", "MND" of "Ministry of National Defense":
    the first letters of its capitalised words (a word of one is no name)."""
    found = _CAPITALISED.findall(display)
    return "".join(w[0] for w in found) if len(found) >= 2 else ""


def similar_names(a: str, b: str) -> bool:
    """Spelling variants of one full name: same first word, every other word close."""
    wa, wb = words(a), words(b)
    if len(wa) < 2 or len(wa) != len(wb) or wa[0] != wb[0]:
        return False
    return all(x == y or SequenceMatcher(None, x, y).ratio() >= 0.6 for x, y in zip(wa[1:], wb[1:], strict=True))


class Registry:
    """The corpus's canonical entities, looked up by the key of any of their forms."""

    def __init__(self, groups: list[Group]) -> None:
        self.groups = groups
        self.by_key: dict[str, Group] = {k: g for g in groups for k in g.keys}

    def lookup(self, surface: str) -> Group | None:
        return self.by_key.get(key(surface))

    def harvest(self, surface: str) -> Group | None:
        """A full name seen in untranslated text: an alias if it spells a known person."""
        k = key(surface)
        found = self.by_key.get(k)
        if found or len(words(surface)) < 2:
            return found
        for cut in range(1, 5):
            if k[:-cut] in self.by_key:
                return self.by_key[k[:-cut]]  # an inflected known name ("Sam Altmant")
        for group in self.groups:
            if group.label == "PERSON" and any(similar_names(surface, d) for d in group.displays):
                group.keys.add(k)
                group.displays[surface] += 0  # an alias, not an English mention
                self.by_key[k] = group
                return group
        return None


def build(forms: dict[str, Form], gazetteer: Gazetteer) -> Registry:
    groups: list[Group] = []
    owner: dict[str, Group] = {}

    for entry in gazetteer.entries:
        group = Group(entry.name, entry.label, forced=True)
        for surface in (entry.name, *entry.aliases):
            k = key(surface)
            group.add(k, forms.get(k, Form()))
            group.displays[surface] += 0
            owner[k] = group
        groups.append(group)

    free = {k: f for k, f in forms.items() if k not in owner and k}
    label_of = {k: majority(f.labels) for k, f in free.items()}
    by_count = sorted(free, key=lambda k: (-free[k].mentions, k))

    def claim(k: str, group: Group) -> None:
        group.add(k, free[k])
        owner[k] = group

    def join(k: str, head: str) -> None:
        """`k` is another form of `head`'s entity: into `head`'s group, made if it has none."""
        target = owner.get(head)
        if target is None:
            target = Group(free[head].display)
            groups.append(target)
            claim(head, target)
        claim(k, target)

    # Full names of people, and their spelling variants.
    people: list[Group] = []
    for k in by_count:
        if label_of[k] == "PERSON" and len(words(free[k].display)) >= 2:
            target = next((g for g in people if similar_names(free[k].display, g.name)), None)
            if target is None:
                # A person's label comes from full names, not from a bare surname that
                # the model often calls an ORG or a place ("Altman").
                target = Group(free[k].display, "PERSON", person=True)
                people.append(target)
                groups.append(target)
            claim(k, target)

    # Organisations with and without a corporate suffix.
    for k in by_count:
        if k in owner or label_of[k] != "ORG":
            continue
        ws = words(free[k].display)
        n = len(ws)
        while n > 1 and ws[n - 1] in CORPORATE_SUFFIXES:
            n -= 1
        base_key = "".join(ws[:n])
        if n < len(ws) and base_key in free:
            join(k, base_key)

    # Acronyms of longer names ("KCNA" / "Korean Central News Agency").
    spelled: dict[str, list[str]] = {}
    for k in by_count:
        if label_of[k] != "PERSON" and not (k in owner and owner[k].person):
            spelled.setdefault(initials(free[k].display), []).append(k)
    spelled.pop("", None)
    for k in by_count:
        letters = acronym(free[k].display)
        if k in owner or letters is None or label_of[k] == "PERSON":
            continue
        expansion = next((e for e in spelled.get(letters, ()) if e != k), None)  # by_count: most mentioned first
        if expansion is not None:
            join(k, expansion)

    # A surname or given name alone; a word the model took for an organisation only when it
    # ends one person's full name and no other ("Harf" of "Marie Harf").
    for k in by_count:
        if k in owner or len(words(free[k].display)) != 1:
            continue
        word = words(free[k].display)[0]
        if free[k].labels.get("PERSON"):
            holders = [g for g in people if word in (words(g.name)[0], words(g.name)[-1])]
            if holders:
                claim(k, max(holders, key=lambda g: (g.mentions, g.name)))
        elif label_of[k] == "ORG":
            holders = [g for g in people if word in words(g.name)]
            if len(holders) == 1 and words(holders[0].name)[-1] == word:
                claim(k, holders[0])

    for k in by_count:
        if k not in owner:
            group = Group(free[k].display)
            groups.append(group)
            claim(k, group)

    for group in groups:
        if not group.forced:
            if not group.person:
                group.label = majority(group.labels) if group.labels else "ORG"
            group.name = _canonical(group)
    return Registry(groups)


def _canonical(group: Group) -> str:
    """The most mentioned spelling; for people, a full name over a single word."""
    counted = group.displays or Counter({group.name: 1})
    return max(counted, key=lambda d: (group.label != "PERSON" or len(words(d)) > 1, counted[d], len(d), d))
