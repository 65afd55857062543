"""Briefing quality on the development corpora and the seeds, against lead, TextRank, LexRank.

    .venv/bin/python bench/quality.py [--screens] [CORPUS ...]

For each corpus (bench/corpora/NN-*/ and the seeds) and each mode (English only: no
sidecars and no translation models; provided: the NAME.en.txt sidecars), builds the 100x30
briefing as `briefing export --format text` does, then the baselines at the same character
budget (the characters of the fitted screen, labels included), and prints one table per
corpus. Columns, per system:

- facts: checklist facts matched / facts (and / facts stated in that mode's English input);
- wrong: claims of agreement that are wrong: a line claiming agreement ("N agree") or the
  bottom line (a baseline's first line) that matches a not_consensus regex, or an "N agree"
  line with a figure that one of its cited sources does not contain; also an "Only [n]" line
  that another source states too, a refusal to comment shown as a difference, and a line
  whose date label is later than every source's publication date (SOURCES.toml);
- junk: lines of page furniture (generic patterns below plus the event's own);
- fragments: prose lines that end cut ("…", no terminal punctuation) or on a function word;
- cut: prose lines that look whole but end where their article sentence went on mid-phrase (the rest begins
  with a function word, or holds a figure, a name or a verb): payload lost in shortening;
- disagreements: checklist disagreements with a regex, shown / such disagreements.

Runs against a temporary home, cache and config (as tests/conftest.py does), so no user
model, cache or setting changes the result, and machine translation is never used.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = HERE / "corpora"
SEEDS = ROOT / "seeds"
SEED_SIDECARS = ROOT / "tests" / "data" / "provided"
SIZE = (100, 30)
ARTICLE_SUFFIXES = (".txt", ".md")

# Furniture found on news pages of any outlet: credits, share bars, navigation, galleries.
GENERIC_JUNK = (
    r"^\s*[•·▪■◦]\s",  # a gallery or list bullet kept from the page
    r"\((AP|AFP|Reuters|Getty Images|EPA|Xinhua)( Photo)?[^)]*\)",
    r"\b(photo|picture|image)s? (by|courtesy|credit)",
    r"©|\ball rights reserved\b",
    r"\baccessibility links\b|\bbreaking news\b|\bjump to content\b|\bskip to (main )?content\b",
    r"\bshare (this|on)\b|^\W*(share|print|e-?mail|tweet|comments?)\W*$",
    r"\b(read more|more stories|you may also like|related (stories|articles|content)|sign up|subscribe|advertisement|follow us)\b",
    r"^\W*(XS|SM|MD|LG)(\W+(XS|SM|MD|LG))*\W*$",
    r"\b\d{1,2}:\d{2}\s+\d{1,2}:\d{2}:\d{2}\b",  # a media player's time counters
    r"in an untranslated \w+ sentence\.$",  # a figure of a sentence nobody can read, naming nothing
)
# fmt: off
FUNCTION_WORDS = frozenset((
    "a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your", "of",
    "to", "in", "on", "at", "for", "with", "by", "from", "into", "onto", "about", "as", "than", "over",
    "under", "between", "among", "through", "during", "and", "or", "but", "nor", "that", "which", "who",
    "whose", "whom", "because", "while", "if", "is", "are", "was", "were", "be", "been", "being", "has",
    "have", "had", "do", "does", "did", "will", "would", "could", "should", "can", "may", "might",
    "must", "shall"
))
# fmt: on
TERMINAL = re.compile(r"[.!?。！？][\"'”’»)\]]*$")
MARKS = re.compile(r"(?:\s*\[\d+\])+(?:\+\d+)?(?:\s+(\d+) agree)?\s*$")  # "[1][2][3][4]+2": the screen shows four notes, then how many more
CITE = re.compile(r"\[(\d+)\]")
LABEL = re.compile(r"^([A-Z][A-Z ]*[A-Z])\s{2,}(.*)$")
FIGURE = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?!\w)")  # not "16th", not part of "2.5h"
MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
DAY_OF_MONTH = re.compile(r"^\d{1,2}$")
NEAR_MONTH = re.compile(rf"(?:\b(?:{MONTHS})[a-z]*\.?\s+$)|(?:^\s+(?:{MONTHS})[a-z]*\b)", re.I)
YEAR = re.compile(r"(19|20)\d\d")
PROSE_SECTIONS = ("BOTTOM LINE", "KEY FACTS", "NUMBERS", "TIMELINE", "DIFFERENCES")


# -- checklists ------------------------------------------------------------------------------


@dataclass
class Fact:
    id: str
    description: str
    alternatives: list[list[str]]  # found when every regex of one alternative matches


@dataclass
class Checklist:
    facts: list[Fact]
    disagreements: list[dict] = field(default_factory=list)
    not_consensus: list[dict] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)


def load_checklist(path: Path) -> Checklist:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    facts = [Fact(f["id"], f["description"], [[p] for p in f["any"]]) for f in data.get("facts", [])]
    return Checklist(facts, data.get("disagreements", []), data.get("not_consensus", []), data.get("junk", []))


def seed_checklist() -> Checklist:
    """The seeds' held-out facts from tests/facts.py (name -> alternatives of all-match regexes)."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from facts import FACTS
    finally:
        sys.path.pop(0)
    return Checklist([Fact(name, name, [list(alt) for alt in alts]) for name, alts in FACTS.items()])


def _search(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.IGNORECASE | re.DOTALL | re.MULTILINE) is not None


def facts_found(text: str, checklist: Checklist) -> list[str]:
    return [f.id for f in checklist.facts if any(all(_search(p, text) for p in alt) for alt in f.alternatives)]


# -- reading a screen --------------------------------------------------------------------------


@dataclass
class Item:
    section: str
    text: str  # without the trailing citation marks
    cites: tuple[int, ...] = ()
    agree: int = 1

    @property
    def claims_agreement(self) -> bool:
        return self.section == "BOTTOM LINE" or self.agree > 1


def _item(section: str, raw: str) -> Item:
    raw = raw.strip()
    tail = MARKS.search(raw)
    if not tail:
        return Item(section, raw)
    cites = tuple(int(n) for n in CITE.findall(tail.group()))
    agree = int(tail.group(1)) if tail.group(1) else 1
    return Item(section, raw[: tail.start()].rstrip(), cites, agree)


# The marks ending one claim of a bottom line of several ("... struck. [2][5] 2 agree Officials said ...").
INNER_MARKS = re.compile(r"(?:\s*\[\d+\])+(?:\+\d+)?(?:\s+\d+ agree)?(?=\s+(?!\d+ agree\b)\S)")


def _claims(section: str, raw: str) -> list[Item]:
    """A bottom line's claims, each with its own marks (every other item is one claim)."""
    if section != "BOTTOM LINE":
        return [_item(section, raw)]
    parts, start = [], 0
    for m in INNER_MARKS.finditer(raw):
        if m.start() > start:  # marks, not text: "[1][2]" inside a claim is no claim's end
            parts.append(raw[start : m.end()])
            start = m.end()
    return [_item(section, part) for part in [*parts, raw[start:]] if part.strip()]


def screen_items(screen: str) -> list[Item]:
    """The items of a fitted briefing: wrapped rows joined, marks split off, title dropped."""
    items: list[Item] = []
    section, pending = "", ""
    for row in screen.splitlines()[1:]:
        label = LABEL.match(row)
        if label:
            if pending:
                items.extend(_claims(section, pending))
            section, content, pending = label.group(1), label.group(2), ""
        else:
            content = row.strip()
        if not content:
            continue
        if section in ("PLAYERS", "SOURCES"):
            items.extend(_item(section, part) for part in content.split(" · "))
            continue
        pending = f"{pending} {content}".strip()
        if MARKS.search(pending):  # an item ends with its citations
            items.extend(_claims(section, pending))
            pending = ""
    if pending:
        items.extend(_claims(section, pending))
    return items


def baseline_items(text: str) -> list[Item]:
    """A baseline's lines; its first line stands where the briefing's bottom line does."""
    lines = [line for line in text.splitlines() if line.strip()]
    return [Item("BOTTOM LINE" if i == 0 else "TEXT", line.strip()) for i, line in enumerate(lines)]


# -- the counts ----------------------------------------------------------------------------------


def is_fragment(text: str) -> bool:
    text = text.rstrip()
    if not text or text.endswith("…") or not TERMINAL.search(text):
        return True
    words = re.findall(r"[\w'’-]+", text)
    return bool(words) and words[-1].lower() in FUNCTION_WORDS


def fragments(items: Sequence[Item], sentences: Sequence[str] = ()) -> list[Item]:
    """Prose lines that end cut; a line that is a whole sentence of its article ("... turned
    completely over.") ends where its writer ended it, whatever its last word."""
    whole = {_norm(s) for s in sentences}
    return [i for i in items if i.section in PROSE_SECTIONS + ("TEXT",) and is_fragment(_content(i))
            and not (_norm(_content(i)) in whole or _norm(_content(i).partition(": ")[2]) in whole)]


def _content(item: Item) -> str:
    """A timeline entry's text after its date label."""
    if item.section == "TIMELINE":
        return re.sub(r"^[^:]{1,40}:\s+", "", item.text)
    return item.text


def _quoted_part(item: Item) -> str:
    """The part of a line quoted from an article: after a label such as "Only [2]:" or "93 vs 20:"."""
    text = _content(item)
    if item.section in ("NUMBERS", "DIFFERENCES"):
        text = re.sub(r"^(?:[^:…]{1,60}:\s+)+", "", text)
    return text.strip().lstrip("…").strip()


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# Words that show a clause went on after the cut: auxiliaries and common reporting verbs.
VERBISH = frozenset("is are was were be been has have had will would could should can may might said says told".split())


def cut_lines(items: Sequence[Item], sentences: Sequence[str]) -> list[tuple[Item, str]]:
    """Lines that look whole but end where their article sentence went on: inside a phrase (the
    rest begins with a function word, or holds a figure, a name or a verb: "… buildings | in the
    area were damaged"), or before a comma that leads to a figure (", killing at least 93").
    A clause dropped after a comma without a figure (", which lies along …") is fair shortening.
    Lines already counted as fragments are not counted again."""
    index = [_norm(s) for s in sentences]
    out = []
    for item in items:
        if item.section not in PROSE_SECTIONS or is_fragment(_content(item)):
            continue
        head = _norm(_quoted_part(item)).rstrip("….").rstrip()
        if len(head.split()) < 3:
            continue
        for sentence in index:
            at = sentence.find(head)
            if at < 0:
                continue
            after = sentence[at + len(head) :]
            rest = after.strip(" ,;:-–—").rstrip("\"'”’)]").rstrip(".!?。").strip()
            words = rest.split()
            if not words:
                break  # the line keeps its sentence's end
            has_figure = re.search(r"\d", rest) is not None
            if re.match(r"\s*[,;–—-]", after):
                inside = False  # the article's own pause: what follows is a clause of its own
            else:
                inside = (
                    words[0].lower() in FUNCTION_WORDS
                    or any(w[:1].isupper() for w in words)
                    or any(w.lower().strip(",;") in VERBISH for w in words)
                )
            if inside or has_figure:
                out.append((item, rest[:50]))
            break
    return out


def junk(items: Sequence[Item], checklist: Checklist) -> list[Item]:
    patterns = list(GENERIC_JUNK) + list(checklist.junk)
    return [i for i in items if i.section != "SOURCES" and any(_search(p, i.text) for p in patterns)]


def _digits(text: str) -> str:
    return re.sub(r"(?<=\d),(?=\d)", "", text)


def unsupported_figures(item: Item, sources: dict[int, str]) -> list[str]:
    """Figures of an agreement line that a cited source does not state."""
    if item.agree < 2:
        return []
    missing = []
    for match in FIGURE.finditer(item.text):
        figure = match.group()
        value = _digits(figure).rstrip(".,")
        around = (item.text[max(0, match.start() - 12) : match.start()], item.text[match.end() : match.end() + 12])
        if DAY_OF_MONTH.match(value) and (NEAR_MONTH.search(around[0]) or NEAR_MONTH.search(around[1])):
            continue  # "16 April", "Oct. 15": a date, not a figure
        if len(value.replace(".", "")) < 2 or YEAR.fullmatch(value):  # one digit: too common; a year: often inferred
            continue
        pattern = rf"(?<![\d.]){re.escape(value)}(?![\d])"
        for note in item.cites:
            if note in sources and not re.search(pattern, _digits(sources[note])):
                missing.append(f"{figure} not in [{note}]")
    return missing


ONLY = re.compile(r"^Only \[(\d+)\]:\s*")
REFUSAL = re.compile(r"\b(declined|refused) to (comment|confirm)\b|\bno comment\b|\bwould not (comment|confirm)\b", re.I)
SAME_CLAIM = 0.6  # share of a line's content words another source's sentence must repeat


def _terms(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{4,}", text) if w.lower() not in FUNCTION_WORDS}


def also_stated(item: Item, sentences_by_source: dict[int, list[str]]) -> list[str]:
    """Sources other than n that state an "Only [n]" line's claim (same words, same figures)."""
    only = ONLY.match(item.text)
    if not only:
        return []
    note, claim = int(only.group(1)), item.text[only.end() :].strip().rstrip("…").strip()
    terms = _terms(claim)
    figures = [_digits(f).rstrip(".,") for f in FIGURE.findall(claim)]
    if len(terms) < 3:
        return []
    found = []
    for other, sentences in sorted(sentences_by_source.items()):
        if other == note:
            continue
        for sentence in sentences:
            if len(terms & _terms(sentence)) >= SAME_CLAIM * len(terms) and all(f in _digits(sentence) for f in figures):
                found.append(f"also stated by [{other}]")
                break
    return found


def wrong_claims(
    items: Sequence[Item],
    checklist: Checklist,
    sources: dict[int, str] | None = None,
    sentences_by_source: dict[int, list[str]] | None = None,
    newest: dt.date | None = None,
) -> list[tuple[Item, str]]:
    """Wrong agreement claims, "Only [n]" lines another source also states, refusals shown as
    differences, and a line dated after every source was published (`newest`)."""
    out = []
    for item in items:
        if newest is not None and (day := label_date(item.text)) is not None and day > newest:
            out.append((item, f"dated {day.isoformat()}, after every source (newest {newest.isoformat()})"))
        if item.section == "DIFFERENCES":
            reasons = also_stated(item, sentences_by_source or {})
            if REFUSAL.search(item.text):
                reasons.append("a refusal to comment is no disagreement")
            if reasons:
                out.append((item, ", ".join(reasons)))
        if not item.claims_agreement:
            continue
        reasons = [c["id"] for c in checklist.not_consensus if any(_search(p, item.text) for p in c["any"])]
        reasons += unsupported_figures(item, sources or {})
        if reasons:
            out.append((item, ", ".join(reasons)))
    return out


_LABEL_DATE = re.compile(rf"^(?:(\d{{1,2}}) )?({MONTHS})[a-z]* (\d{{4}}):", re.I)


def label_date(text: str) -> dt.date | None:
    """The first day a line's date label can mean ("7 Nov 2014: ...", "Feb 2016: ..."), None without one."""
    m = _LABEL_DATE.match(text)
    if not m:
        return None
    month = MONTHS.split("|").index(m.group(2).lower()[:3]) + 1
    return dt.date(int(m.group(3)), month, int(m.group(1) or 1))


def disagreements_shown(text: str, checklist: Checklist) -> tuple[int, int]:
    checkable = [d for d in checklist.disagreements if d.get("any")]
    shown = sum(any(_search(p, text) for p in d["any"]) for d in checkable)
    return shown, len(checkable)


# -- running ----------------------------------------------------------------------------------


def isolate() -> Path:
    """A temporary home, cache and config, before anything imports argostranslate."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from isolation import isolated_home
    finally:
        sys.path.pop(0)
    return isolated_home("briefing-quality-")


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith((".en.txt", ".en.md"))


def articles_of(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and not is_sidecar(p) and p.name != "README.md")


def staged(articles: Iterable[Path], sidecars: Iterable[Path], into: Path) -> Path:
    into.mkdir(parents=True)
    for path in [*articles, *sidecars]:
        shutil.copy(path, into / path.name)
    return into


@dataclass
class Corpus:
    name: str
    articles: list[Path]
    sidecars: list[Path]
    checklist: Checklist
    newest: dt.date | None = None  # the latest publication date SOURCES.toml gives


def newest_published(folder: Path) -> dt.date | None:
    """The latest `published` date of the corpus's SOURCES.toml, None without one."""
    path = folder / "SOURCES.toml"
    if not path.is_file():
        return None
    with open(path, "rb") as file:
        dates = [dt.date.fromisoformat(a["published"]) for a in tomllib.load(file).get("article", []) if a.get("published")]
    return max(dates, default=None)


def corpora(names: Sequence[str] = ()) -> list[Corpus]:
    found = [Corpus("seeds", sorted(SEEDS.glob("*.txt")), sorted(SEED_SIDECARS.glob("*.en.txt")), seed_checklist())]
    for folder in sorted(p for p in CORPORA.iterdir() if p.is_dir()):
        if not (folder / "checklist.toml").is_file():  # a corpus still being written
            print(f"skipped {folder.name}: no checklist.toml yet", file=sys.stderr)
            continue
        sidecars = sorted(p for p in folder.iterdir() if is_sidecar(p))
        found.append(Corpus(folder.name, articles_of(folder), sidecars, load_checklist(folder / "checklist.toml"),
                            newest_published(folder)))
    unknown = [n for n in names if not any(c.name.startswith(n) for c in found)]
    if unknown:
        raise SystemExit(f"no such corpus: {', '.join(unknown)} (have: {', '.join(c.name for c in found)})")
    return [c for c in found if not names or any(c.name.startswith(n) for n in names)]


@dataclass
class Score:
    system: str
    found: list[str]
    wrong: list[tuple[Item, str]]
    junk: list[Item]
    fragments: list[Item]
    disagreements: tuple[int, int]
    cut: list[tuple[Item, str]] = field(default_factory=list)


def score(
    system: str,
    text: str,
    items: list[Item],
    checklist: Checklist,
    sources: dict[int, str] | None = None,
    sentences: Sequence[str] = (),
    sentences_by_source: dict[int, list[str]] | None = None,
    newest: dt.date | None = None,
) -> Score:
    return Score(
        system,
        facts_found(text, checklist),
        wrong_claims(items, checklist, sources, sentences_by_source, newest),
        junk(items, checklist),
        fragments(items, sentences),
        disagreements_shown(text, checklist),
        cut_lines(items, sentences),
    )


def measure(corpus: Corpus, provided: bool, work: Path, show: bool = False) -> tuple[list[Score], int, list[str]]:
    """Scores of the briefing and the baselines, the budget, and the facts stated in the input."""
    from baselines import BASELINES, english_sentences  # bench/ is on sys.path when run as a script
    from briefing import corpus as corpus_module
    from briefing import pipeline
    from briefing.brief import build, fit_text
    from briefing.store import Cache

    folder = staged(corpus.articles, corpus.sidecars if provided else [], work / f"{corpus.name}-{'provided' if provided else 'english'}")
    with Cache(warn=lambda message: None) as cache:
        loaded = corpus_module.load([folder], cache)
        analysis = pipeline.analyse(loaded.articles, cache)
    briefing = build(analysis, size=SIZE)
    screen = fit_text(briefing, SIZE)
    budget = sum(len(line.strip()) for line in screen.splitlines())
    if show:
        print(screen)
    by_id = {a.id: a for a in analysis.articles}
    sources = {
        s.note: "\n".join(by_id[s.article_id].paragraphs) + "\n" + analysis.views[s.article_id].text
        for s in briefing.sources
        if s.article_id in by_id
    }
    per_article = english_sentences(analysis)
    stated = facts_found("\n".join(s for doc in per_article for s in doc), corpus.checklist)
    every_sentence = [s.text for a in analysis.articles for s in analysis.views[a.id].sentences]
    by_source = {s.note: [v.text for v in analysis.views[s.article_id].sentences] for s in briefing.sources if s.article_id in by_id}
    items = screen_items(screen)
    # facts are read from the items, wrapped rows joined ("held on December\n    12" is "held on
    # December 12", as a baseline's unwrapped line reads), the title left out: "focus: ..., KCNA"
    # says nothing of KCNA
    body = "\n".join(item.text for item in items)
    scores = [score("briefing", body, items, corpus.checklist, sources, every_sentence, by_source, corpus.newest)]
    for name, baseline in BASELINES.items():
        text = baseline(per_article, budget)
        scores.append(score(name, text, baseline_items(text), corpus.checklist, sentences=every_sentence))
    return scores, budget, stated


def table(corpus: Corpus, mode: str, scores: list[Score], budget: int, stated: list[str]) -> str:
    total = len(corpus.checklist.facts)
    rows = [
        (
            f"== {corpus.name} · {mode} · {len(corpus.articles)} articles · budget {budget} chars · "
            f"{total} facts, {len(stated)} stated in this mode's English input"
        ),
        f"{'system':<10} {'facts':>7} {'of stated':>9} {'wrong':>5} {'junk':>4} {'fragments':>9} {'cut':>4} {'disagreements':>13}",
    ]
    for s in scores:
        of_stated = len(set(s.found) & set(stated))
        rows.append(
            f"{s.system:<10} {len(s.found):>3}/{total:<3} {of_stated:>5}/{len(stated):<3} {len(s.wrong):>5} "
            f"{len(s.junk):>4} {len(s.fragments):>9} {len(s.cut):>4} {s.disagreements[0]:>9}/{s.disagreements[1]:<3}"
        )
    briefing = scores[0]
    details = [f"   wrong ({s.system}): {item.text[:70]!r} ({why})" for s in scores for item, why in s.wrong]
    details += [f"   junk: {item.text[:80]!r}" for item in briefing.junk]
    details += [f"   fragment: {item.text[-80:]!r}" for item in briefing.fragments]
    details += [f"   cut: {item.text[-60:]!r} | {rest!r}" for item, rest in briefing.cut]
    return "\n".join(rows + details)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    show = "--screens" in args  # also print each fitted briefing
    names = [a for a in args if a != "--screens"]
    home = isolate()
    sys.path.insert(0, str(HERE))
    summary: dict[str, list[tuple[str, list[Score], int]]] = {}
    failed = 0
    try:
        for corpus in corpora(names):
            for provided, mode in ((False, "English only"), (True, "provided translations")):
                try:
                    scores, budget, stated = measure(corpus, provided, home / "work", show)
                except Exception as error:  # one broken corpus or briefing must not hide the others' numbers
                    print(f"== {corpus.name} · {mode}: FAILED: {type(error).__name__}: {error}", end="\n\n")
                    failed += 1
                    continue
                print(table(corpus, mode, scores, budget, stated), end="\n\n")
                summary.setdefault(mode, []).append((corpus.name, scores, len(stated)))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    for mode, runs in summary.items():
        ratios, ceilings, wrong, junk_lines, frag, cut = [], [], 0, 0, 0, 0
        for _, scores, facts_stated in runs:
            best = max(len(s.found) for s in scores[1:])
            ratios.append(len(scores[0].found) / best if best else float("inf"))
            ceilings.append(facts_stated / best if best else float("inf"))  # every fact its English input states
            first = scores[0]
            wrong, junk_lines = wrong + len(first.wrong), junk_lines + len(first.junk)
            frag, cut = frag + len(first.fragments), cut + len(first.cut)
        print(
            f"SUMMARY {mode}: briefing recall / best baseline, worst corpus {min(ratios):.2f} (bar 1.30; "
            f"the most any system could reach there: {ceilings[ratios.index(min(ratios))]:.2f}; "
            f"worst possible over all: {min(ceilings):.2f}); "
            f"wrong claims {wrong}, junk lines {junk_lines}, fragment lines {frag}, cut lines {cut} "
            f"over {len(runs)} corpora (bar 0 each)"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
