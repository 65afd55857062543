"""Names of a Chinese article's English view located in its original, with the real zh->en
package, the real spaCy pipeline and a real cache: at the right offsets, and never a wrong span."""

from __future__ import annotations

import hashlib

import pytest

from argos_fixture import REAL_ZH_EN_SHA256, real_zh_en_file
from briefing.entities import Annotator, locate
from briefing.model import Annotation, Article, EnglishView, Entity, Provenance, Span
from briefing.store import Cache
from briefing.translate import Translator
from briefing.translate import packages as pk
from test_translate import make_article

# Each sentence, with the names it holds as written in it (the gold: any located span must
# be one of these, or lie inside one, which counts as partial).
SENTENCES: list[tuple[str, tuple[str, ...]]] = [
    ("三星电子会长李在镕周二在首尔会见了OpenAI首席执行官萨姆·奥尔特曼。", ("三星电子", "李在镕", "首尔", "OpenAI", "萨姆·奥尔特曼")),
    ("软银集团创始人孙正义也出席了在首尔举行的会议。", ("软银集团", "孙正义", "首尔")),
    ("OpenAI表示，双方将在韩国建设新的数据中心。", ("OpenAI", "韩国")),
    ("三星电子股价当天在韩国交易所上涨了3.2%。", ("三星电子", "韩国交易所")),
    ("孙正义说，软银将向星际之门项目投资190亿美元。", ("孙正义", "软银", "星际之门")),
    ("奥尔特曼去年1月曾访问三星电子平泽工厂和SK海力士利川工厂。", ("奥尔特曼", "三星电子平泽工厂", "SK海力士利川工厂")),
    ("SK集团会长崔泰源随后与奥尔特曼共进晚餐。", ("SK集团", "崔泰源", "奥尔特曼")),
    ("韩国总统尹锡悦在青瓦台接见了代表团。", ("韩国", "尹锡悦", "青瓦台")),
    ("日本首相石破茂周三在东京宣布了新的经济刺激计划。", ("日本", "石破茂", "东京")),
    ("美国总统特朗普在白宫宣布了星际之门计划。", ("美国", "特朗普", "白宫", "星际之门")),
    ("微软和英伟达也是该项目的合作伙伴。", ("微软", "英伟达")),
    ("云南省昭通市鲁甸县周日发生6.5级地震。", ("云南省", "昭通市", "鲁甸县")),
    ("新华社报道，地震已造成至少398人死亡。", ("新华社",)),
    ("中国国务院总理李克强赶赴灾区指导救援工作。", ("中国国务院", "李克强")),
    ("中国地震台网测定，震源深度为12公里。", ("中国地震台网",)),
    ("民政部部长李立国表示，救灾物资正在运往灾区。", ("民政部", "李立国")),
    ("韩国外交部长官朴振在记者会上回答了提问。", ("韩国外交部", "朴振")),
    ("菲律宾保和岛发生7.2级地震，造成至少144人死亡。", ("菲律宾", "保和岛")),
    ("美国地质调查局说，地震震中位于卡加延南部。", ("美国地质调查局", "卡加延")),
    ("联合国秘书长古特雷斯对遇难者表示哀悼。", ("联合国", "古特雷斯")),
    ("谷歌母公司Alphabet的股价周一下跌了2%。", ("谷歌", "Alphabet")),
    ("英国首相斯塔默周四访问了柏林。", ("英国", "斯塔默", "柏林")),
    (
        "中国国家主席胡锦涛在符拉迪沃斯托克出席了亚太经合组织峰会。",
        ("中国", "胡锦涛", "符拉迪沃斯托克", "亚太经合组织峰会", "亚太经合组织"),
    ),
]

FILE = real_zh_en_file()
needs_package = pytest.mark.skipif(
    FILE is None,
    reason="the real package ../shared/models/translate-zh_en-1_9.argosmodel is missing (set BRIEFING_ARGOS_ZH_EN, "
    "or fetch it pinned by hash as ../shared/models/README.md says)",
)


class Located:
    def __init__(self, article: Article, view: EnglishView, entities: tuple[Entity, ...], annotation: Annotation) -> None:
        self.article, self.view, self.entities, self.annotation = article, view, entities, annotation

    def named(self) -> list[Span]:
        return [s for s in self.annotation.original if s.entity]

    def sentence_of(self, span: Span) -> int:
        return next(s.index for s in self.article.sentences if s.start <= span.start < s.end)


@pytest.fixture(scope="module")
def located(tmp_path_factory) -> Located:
    """One real run: install, translate, annotate, locate (the slow part, once per module)."""
    assert FILE is not None
    assert hashlib.sha256(FILE.read_bytes()).hexdigest() == REAL_ZH_EN_SHA256
    folder = tmp_path_factory.mktemp("argos") / "packages"
    pk.install_file(FILE, folder)
    paragraphs = ["".join(s for s, _ in SENTENCES[i : i + 4]) for i in range(0, len(SENTENCES), 4)]
    article = make_article(paragraphs, "zh")
    assert [s.text for s in article.sentences] == [s for s, _ in SENTENCES]
    with Cache(tmp_path_factory.mktemp("cache") / "cache.sqlite3") as cache:
        translator = Translator(cache, packages_dir=folder)
        views = translator.english_views([article])
        entities, annotations = Annotator(cache).annotate([article], views)
        out, problems = locate.originals([article], views, entities, annotations, translator, cache)
    assert problems == []
    return Located(article, views[article.id], entities, out[article.id])


def _gold(article: Article, index: int) -> list[tuple[int, int]]:
    sentence = article.sentences[index]
    spans = []
    for name in SENTENCES[index][1]:
        at = sentence.text.find(name)
        while at >= 0:
            spans.append((sentence.start + at, sentence.start + at + len(name)))
            at = sentence.text.find(name, at + 1)
    return spans


@needs_package
def test_no_located_span_is_wrong_and_most_names_are_found(located, no_network):
    exact = partial = wrong = 0
    for span in located.named():
        gold = _gold(located.article, located.sentence_of(span))
        if (span.start, span.end) in gold:
            exact += 1
        elif any(a <= span.start and span.end <= b for a, b in gold):
            partial += 1  # inside a name: what "美国地质调查" would be of 美国地质调查局
        else:
            wrong += 1
    shown = [s.text for s in located.named()]
    assert wrong == 0 and partial == 0, shown
    assert exact >= 28, (exact, shown)  # 32 of the 60 names as written, 29 of the English views' 47 entities


@needs_package
def test_names_are_located_at_their_offsets_as_the_entity_of_the_english_name(located):
    by_text = {(located.sentence_of(s), s.text): s for s in located.named()}
    english = {s.entity: s.text for s in located.annotation.english if s.entity}
    expected = {
        (0, "首尔"): "Seoul",
        (0, "OpenAI"): "OpenAI",
        (1, "软银集团"): "Soft Silver Group",  # the model's own rendering of SoftBank
        (1, "孙正义"): "Sun Ju",
        (9, "特朗普"): "Trump",
        (9, "白宫"): "White House",
        (12, "新华社"): "Xinhua",  # not 新华, which the model renders "Xinhua." alone
        (13, "李克强"): "Li Keqiang",
        (19, "联合国"): "United Nations",  # not 合国, which is "United Nations" alone too
        (21, "斯塔默"): "Stammer",
        (21, "柏林"): "Berlin",
        (0, "萨姆·奥尔特曼"): "Sam Altmann",  # the model's spelling, in the view and alone
        (18, "美国地质调查局"): "United States Geological Survey",  # with its closing 局
        (22, "符拉迪沃斯托克"): "Vladivostok",  # "符拉迪沃" alone is "Vladivostok." too: the two halves win
    }
    for (index, name), english_name in expected.items():
        sentence = located.article.sentences[index]
        span = by_text.get((index, name))
        assert span is not None, (name, sorted(by_text))
        start = sentence.start + sentence.text.index(name)
        assert (span.start, span.end) == (start, start + len(name))
        assert located.article.text[span.start : span.end] == name
        assert english[span.entity].removeprefix("the ") == english_name


@needs_package
def test_a_fragment_or_a_longer_stretch_is_not_taken_for_the_name(located):
    texts = {s.text for s in located.named()}
    # "古特雷" alone is "Guterres." but 古特雷斯 is "Gutierrez.": no span rather than a cut name
    assert not texts & {"合国", "新华", "首尔会", "云南省昭", "李克强赶", "SK集团会", "星际之门计划", "古特雷", "美国地质调查", "符拉迪沃"}


@needs_package
def test_the_reader_line_counts_what_was_not_located(located):
    line = locate.summary(located.article, located.view, located.annotation)
    names = {s.entity for s in located.annotation.english if s.entity}
    found = {s.entity for s in located.annotation.original if s.entity}
    assert line == f"{len(names & found)} of {len(names)} names located in the original; the others only in the English view"


# -- without the model -----------------------------------------------------------


def test_candidates_are_bounded_and_never_begin_or_end_on_a_particle():
    sentence = "据业内人士透露，三方就星际之门项目交换了意见，并在首尔的会议上讨论了人工智能芯片的合作与投资计划的细节。"
    found = locate.candidates(sentence)
    assert 0 < len(found) <= locate.MAX_CANDIDATES
    assert all(c[0] not in "的了在" and c[-1] not in "的了在" for c in found)
    assert all(len(c) >= 2 and "，" not in c for c in found)
    assert "首尔" in found and "星际之门" in locate.candidates("三方就星际之门项目交换了意见。")
    assert max(map(len, found)) < locate.MAX_CHARS  # over the cap the shortest stay: most names are short
    assert not any(ch.isdigit() for c in locate.candidates("股价上涨了3.2%") for ch in c)


def test_cuts_follow_the_pieces_and_give_up_when_they_do_not_spell_the_text():
    cut = locate.cuts("首尔会见了", ["▁首", "尔", "会见了"])
    assert cut is not None and cut.between == frozenset({0, 1, 2, 5}) and cut.inside_words == frozenset()
    assert locate.cuts("古特雷斯", ["▁", "古", "特", "雷斯"]).inside_words == frozenset({3})  # type: ignore[union-attr]
    assert locate.cuts("首尔", ["▁东", "京"]) is None
    assert "古特雷" not in locate.candidates("古特雷斯", locate.cuts("古特雷斯", ["▁", "古", "特", "雷斯"]))


def test_only_translated_cjk_articles_are_located():
    zh = make_article(["三星电子会长在首尔。"], "zh")
    de = make_article(["Samsung in Seoul."], "de")
    untranslated = EnglishView(zh.id, zh.paragraphs, (), Provenance.UNTRANSLATED)
    translated = EnglishView(zh.id, ("Samsung in Seoul.",), (), Provenance.MACHINE)
    assert locate.wanted(zh, translated) and not locate.wanted(zh, untranslated)
    assert not locate.wanted(de, EnglishView(de.id, ("Samsung in Seoul.",), (), Provenance.MACHINE))
    assert locate.summary(zh, untranslated, Annotation(zh.id, (), ())) is None


class NoModel:
    """A corpus whose language has no package: only names written in Latin letters are found."""

    def translate_texts(self, lang: str, texts: list[str], progress=None, cancel=None) -> dict[str, str] | None:
        return None

    def pieces(self, lang: str, texts: list[str]) -> list[list[str]] | None:
        return None


def test_without_a_model_a_latin_name_inside_chinese_is_still_located(tmp_path):
    from briefing.views import assemble_view

    article = make_article(["OpenAI周二在首尔宣布。"], "zh")
    view = assemble_view(article, [[("OpenAI announced in Seoul on Tuesday.", (0,), Provenance.PROVIDED)]], Provenance.PROVIDED)
    english = (Span(0, 6, "ORG", "org:openai", "OpenAI"), Span(22, 27, "GPE", "gpe:seoul", "Seoul"))
    annotations = {article.id: Annotation(article.id, english, ())}
    entities = (Entity("org:openai", "OpenAI", "ORG"), Entity("gpe:seoul", "Seoul", "GPE"))
    with Cache(tmp_path / "c.sqlite3") as cache:
        out, problems = locate.originals([article], {article.id: view}, entities, annotations, NoModel(), cache)
    assert problems == []
    assert [(s.start, s.end, s.entity) for s in out[article.id].original] == [(0, 6, "org:openai")]
    line = locate.summary(article, view, out[article.id])
    assert line == "1 of 2 names located in the original; the others only in the English view"


def test_an_untranslated_chinese_original_gets_the_corpus_names_written_in_latin_letters(tmp_path):
    from briefing.views import original_view

    article = make_article(["OpenAI首席执行官萨姆·奥尔特曼周二在首尔表示，AI芯片需求旺盛，openai不是名字。"], "zh")
    view = original_view(article, Provenance.UNTRANSLATED)
    annotations = {article.id: Annotation(article.id, (), ())}
    entities = (Entity("org:openai", "OpenAI", "ORG"), Entity("org:ai", "AI", "ORG"), Entity("gpe:seoul", "Seoul", "GPE"))
    with Cache(tmp_path / "c.sqlite3") as cache:
        out, _ = locate.originals([article], {article.id: view}, entities, annotations, NoModel(), cache)
    assert [(s.start, s.end, s.entity) for s in out[article.id].original] == [(0, 6, "org:openai")]
    assert locate.summary(article, view, out[article.id]) is None  # the notice says it is untranslated
