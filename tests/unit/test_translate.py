"""The translator through the real path: a real Argos package (the copy model),
real CTranslate2 and SentencePiece, real SQLite cache, sockets blocked."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading

import pytest

from argos_fixture import copy_model, package_dir  # noqa: F401  (copy_model is a fixture)
from briefing import sentences
from briefing.model import Article, Provenance, Sentence
from briefing.store import Cache
from briefing.translate import Translator, installed_packages, missing_languages
from briefing.translate import engine as engine_module

GERMAN = [
    "Sam Altman besuchte am Freitag eine Halbleiterfabrik von Samsung Electronics in Pyeongtaek.",
    "Er traf sich mit Kyung Kye-hyun, dem Präsidenten der Halbleitersparte. Die Gespräche dauerten drei Stunden.",
]
HUNGARIAN = [
    "A Samsung Electronics, az OpenAI és a SoftBank főnökei ültek össze Szöulban.",
    "A találkozóra Szöulban került sor. Lee Jae-yong fogadta Sam Altmant.",
]
VIETNAMESE = [
    "Sam Altman, CEO của OpenAI, sẽ có cuộc gặp gỡ quan trọng với Chủ tịch Samsung Electronics.",
    "Cuộc thảo luận tập trung vào trí tuệ nhân tạo. Theo các nguồn tin trong ngành, cuộc họp diễn ra tại Seoul.",
]
ENGLISH = ["OpenAI and SoftBank convened in Seoul on Tuesday.", "Son was spotted entering the building."]


def make_article(paragraphs: list[str], lang: str, source: str = "<test>/a") -> Article:
    body = "\n\n".join(paragraphs)
    sents: list[Sentence] = []
    offset = 0
    for p_index, paragraph in enumerate(paragraphs):
        for start, end in sentences.split(paragraph, lang):
            sents.append(Sentence(len(sents), p_index, offset + start, offset + end, paragraph[start:end]))
        offset += len(paragraph) + 2
    article_id = hashlib.sha256((source + body).encode()).hexdigest()[:16]
    return Article(article_id, source, paragraphs[0][:40], lang, tuple(paragraphs), tuple(sents))


@pytest.fixture
def packages(tmp_path, copy_model):  # noqa: F811
    folder = tmp_path / "packages"
    for lang in ("de", "hu", "vi"):
        package_dir(copy_model, folder, lang)
    return folder


@pytest.fixture
def cache(tmp_path):
    with Cache(tmp_path / "cache.sqlite3") as c:
        yield c


def check_offsets(view) -> None:
    for s in view.sentences:
        assert view.text[s.start : s.end] == s.text
        assert view.paragraphs[s.paragraph][s.start - sum(len(p) + 2 for p in view.paragraphs[: s.paragraph]) :].startswith(s.text)


def test_import_is_light():
    code = (
        "import sys, briefing.translate; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('argostranslate', 'ctranslate2', 'sentencepiece')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_german_hungarian_vietnamese_through_the_real_model(packages, cache, no_network):
    articles = [make_article(GERMAN, "de"), make_article(HUNGARIAN, "hu", "<test>/b"), make_article(VIETNAMESE, "vi", "<test>/c")]
    translator = Translator(cache, packages_dir=packages)
    views = translator.english_views(articles)
    assert no_network == []  # translating opened no socket
    for article in articles:
        view = views[article.id]
        assert view.status is Provenance.MACHINE
        assert view.model == f"translate-{article.lang}_en 1.0"
        # the copy model returns its input: the view is the original, sentence by sentence
        assert [s.text for s in view.sentences] == [s.text for s in article.sentences]
        assert [s.sources for s in view.sentences] == [(s.index,) for s in article.sentences]
        assert [s.paragraph for s in view.sentences] == [s.paragraph for s in article.sentences]
        assert {s.provenance for s in view.sentences} == {Provenance.MACHINE}
        assert view.text == article.text
        check_offsets(view)
    assert translator.model_calls == 3  # one batch per language pair, not one call per sentence


def test_one_batch_for_all_articles_of_a_language(packages, cache, no_network):
    articles = [make_article([f"Satz Nummer {i} steht hier.", "Noch ein Satz."], "de", f"<test>/{i}") for i in range(5)]
    translator = Translator(cache, packages_dir=packages)
    translator.english_views(articles)
    assert translator.model_calls == 1


def test_english_is_never_sent_to_a_model(packages, cache):
    article = make_article(ENGLISH, "en")
    translator = Translator(cache, packages_dir=packages)
    view = translator.english_views([article])[article.id]
    assert view.status is Provenance.ORIGINAL and view.text == article.text
    assert translator.model_calls == 0


def test_missing_model_gives_the_original_and_a_one_line_notice(packages, cache, no_network):
    article = make_article(["서울에서 회담이 열렸다.", "삼성과 오픈AI가 만났다."], "ko")
    view = Translator(cache, packages_dir=packages).english_views([article])[article.id]
    assert view.status is Provenance.UNTRANSLATED
    assert view.text == article.text
    assert {s.provenance for s in view.sentences} == {Provenance.UNTRANSLATED}
    assert view.notice and "\n" not in view.notice and "briefing models install ko" in view.notice


def test_second_run_makes_no_model_call_and_an_edit_retranslates_one_sentence(packages, cache, no_network, monkeypatch):
    article = make_article(GERMAN, "de")
    first = Translator(cache, packages_dir=packages)
    first.english_views([article])
    entries = cache.count("translate")
    assert first.model_calls == 1 and entries == len(article.sentences)

    again = Translator(cache, packages_dir=packages)
    view = again.english_views([article])[article.id]
    assert again.model_calls == 0 and view.status is Provenance.MACHINE

    edited = make_article([GERMAN[0], GERMAN[1].replace("drei", "vier")], "de")
    third = Translator(cache, packages_dir=packages)
    seen: list[list[str]] = []
    original = engine_module.Engine.translate
    # count what reaches the model (the real call still runs)
    def counted(self, texts):
        seen.append(list(texts))
        return original(self, texts)

    monkeypatch.setattr(engine_module.Engine, "translate", counted)
    view = third.english_views([edited])[edited.id]
    assert seen == [["Die Gespräche dauerten vier Stunden."]]
    assert cache.count("translate") == entries + 1
    assert view.sentences[-1].text == "Die Gespräche dauerten vier Stunden."


def test_a_new_package_version_is_a_cache_miss(packages, cache, copy_model):  # noqa: F811
    article = make_article(GERMAN, "de")
    Translator(cache, packages_dir=packages).english_views([article])
    for old in packages.glob("translate-de_en-*"):
        import shutil

        shutil.rmtree(old)
    package_dir(copy_model, packages, "de", version="1.1")
    translator = Translator(cache, packages_dir=packages)
    view = translator.english_views([article])[article.id]
    assert translator.model_calls == 1 and view.model == "translate-de_en 1.1"


def test_pivot_through_another_language(tmp_path, cache, copy_model, no_network):  # noqa: F811
    folder = tmp_path / "packages"
    package_dir(copy_model, folder, "de", "fr")
    package_dir(copy_model, folder, "fr", "en")
    article = make_article(GERMAN, "de")
    translator = Translator(cache, packages_dir=folder)
    view = translator.english_views([article])[article.id]
    assert view.status is Provenance.MACHINE and view.text == article.text
    assert view.model == "translate-de_fr 1.0 + translate-fr_en 1.0"
    assert translator.model_calls == 2  # one batch through each model
    assert missing_languages([article], installed_packages(folder)) == []


def test_a_bundled_sentence_splitter_is_never_used(tmp_path, cache, copy_model, no_network):  # noqa: F811
    # Stanza and MiniSBD download at first use; a package carrying them must not trigger that.
    folder = tmp_path / "packages"
    package = package_dir(copy_model, folder, "de")
    (package / "stanza").mkdir()
    (package / "stanza" / "resources.json").write_text("{}")
    article = make_article(GERMAN, "de")
    view = Translator(cache, packages_dir=folder).english_views([article])[article.id]
    assert view.status is Provenance.MACHINE and no_network == []


def test_long_sentences_are_cut_and_still_translated_whole(packages, cache, no_network):
    long = " ".join(["Die Verhandlungen über künstliche Intelligenz und Halbleiter dauerten lange"] * 40) + "."
    article = make_article([long], "de")
    view = Translator(cache, packages_dir=packages).english_views([article])[article.id]
    assert view.sentences[0].text == long


def test_cancel_stops_before_the_model(packages, cache):
    cancel = threading.Event()
    cancel.set()
    article = make_article(GERMAN, "de")
    translator = Translator(cache, packages_dir=packages)
    view = translator.english_views([article], cancel=cancel)[article.id]
    assert translator.model_calls == 0 and view.status is Provenance.UNTRANSLATED


def test_progress_reports_each_language(packages, cache):
    calls = []
    articles = [make_article(GERMAN, "de"), make_article(VIETNAMESE, "vi", "<test>/v")]
    Translator(cache, packages_dir=packages).english_views(articles, progress=lambda *a: calls.append(a))
    assert ("translate de→en", 3, 3) in calls and ("translate vi→en", 3, 3) in calls


def test_missing_languages(packages):
    articles = [make_article(GERMAN, "de"), make_article(ENGLISH, "en"), make_article(["Texte français."], "fr")]
    assert missing_languages(articles, installed_packages(packages)) == ["fr"]
    assert [p.from_code for p in installed_packages(packages)] == ["de", "hu", "vi"]


def test_broken_package_folders_are_skipped(packages):
    (packages / "model").mkdir()  # what a bad zip leaves behind with argostranslate's own installer
    (packages / "half-installed").mkdir()
    (packages / "half-installed" / "metadata.json").write_text("{not json")
    assert [p.from_code for p in installed_packages(packages)] == ["de", "hu", "vi"]


def test_a_broken_model_costs_only_its_language(packages, cache, no_network):
    (packages / "translate-hu_en-1_0" / "model" / "model.bin").write_bytes(b"garbage, not a CTranslate2 model")
    articles = [make_article(GERMAN, "de"), make_article(HUNGARIAN, "hu", "<test>/b")]
    translator = Translator(cache, packages_dir=packages)
    views = translator.english_views(articles)
    german, hungarian = views[articles[0].id], views[articles[1].id]
    assert german.status is Provenance.MACHINE and german.text == articles[0].text
    assert hungarian.status is Provenance.UNTRANSLATED and hungarian.text == articles[1].text
    assert hungarian.notice and hungarian.notice.startswith("The installed model translate-hu_en 1.0 could not translate (")
    assert "\n" not in hungarian.notice and "briefing models install hu" in hungarian.notice
    assert set(translator.failures) == {"hu"}


def test_notices_tell_a_missing_package_from_one_not_installed(packages, cache):
    korean = make_article(["서울에서 회담이 열렸다."], "ko", "<test>/k")
    vietnamese = make_article(["Cuộc họp diễn ra tại Seoul."], "vi", "<test>/v")
    import shutil

    shutil.rmtree(packages / "translate-vi_en-1_0")
    views = Translator(cache, packages_dir=packages).english_views([korean, vietnamese])
    assert views[korean.id].notice == "No Korean (ko) model is installed yet: run `briefing models install ko`."
    notice = views[vietnamese.id].notice or ""
    assert notice.startswith("No Argos package exists for Vietnamese (vi): add a translation as NAME.en.txt")
    assert "briefing models install vi" not in notice
