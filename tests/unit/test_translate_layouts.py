"""Imitations of each layout real Argos packages have, installed and translated through
the real path (our validator, CTranslate2, argostranslate's tokenizers), each compared
with argostranslate's own `apply_packaged_translation`."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from argos_fixture import argosmodel, build_bpe_copy_model, build_copy_model, copy_model, upstream_translations  # noqa: F401
from briefing.model import Provenance
from briefing.store import Cache
from briefing.translate import Translator, installed_packages
from briefing.translate import engine as engine_module
from briefing.translate import packages as pk
from test_translate import GERMAN, make_article

PRE3 = Path(__file__).resolve().parents[1] / "data" / "argos" / "translate-de_en-pre3.argosmodel"



def translate(folder: Path, tmp_path: Path, paragraphs: list[str], lang: str = "de"):
    article = make_article(paragraphs, lang)
    with Cache(tmp_path / "cache.sqlite3") as cache:
        view = Translator(cache, packages_dir=folder).english_views([article])[article.id]
    return article, view


def same_as_upstream(folder: Path, article, view) -> None:
    package = installed_packages(folder)[0].path
    theirs = upstream_translations(package, [s.text for s in article.sentences], engine_module.compute_type())
    assert [s.text for s in view.sentences] == [t.strip() for t in theirs]


def test_pre_3_0_model_without_config_json_and_a_txt_vocabulary(tmp_path, argos_dirs, no_network):
    with zipfile.ZipFile(PRE3) as archive:  # written by CTranslate2 2.24 (tests/build_pre3_fixture.py)
        names = archive.namelist()
    assert not any(n.endswith("config.json") for n in names) and any(n.endswith("shared_vocabulary.txt") for n in names)
    package = pk.install_file(PRE3, argos_dirs)
    assert package.label == "translate-de_en 0.9"
    article, view = translate(argos_dirs, tmp_path, GERMAN)
    assert view.status is Provenance.MACHINE
    # no add_source_eos before 3.0: the copy model copies, then repeats until the length limit
    for original, english in zip(article.sentences, view.sentences, strict=True):
        assert english.text.startswith(original.text)
    same_as_upstream(argos_dirs, article, view)


def test_separate_source_and_target_vocabularies(tmp_path, argos_dirs, no_network):
    model = build_copy_model(tmp_path / "separate", separate_vocabularies=True)
    files = sorted(p.name for p in (model / "model").iterdir())
    assert files == ["config.json", "model.bin", "source_vocabulary.json", "target_vocabulary.json"]
    pk.install_file(argosmodel(model, tmp_path / "dl", "de"), argos_dirs)
    article, view = translate(argos_dirs, tmp_path, GERMAN)
    assert view.text == article.text  # the target ids were mapped back through their own vocabulary
    same_as_upstream(argos_dirs, article, view)


def test_a_bpe_package(tmp_path, argos_dirs, no_network):
    model = build_bpe_copy_model(tmp_path / "bpe")
    assert not (model / "sentencepiece.model").exists()
    pk.install_file(argosmodel(model, tmp_path / "dl", "de"), argos_dirs)
    assert installed_packages(argos_dirs)[0].tokenizer.name == "bpe.model"
    text = ["Sam Altman besuchte am Freitag eine Fabrik in Pyeongtaek.", "Die Gespräche dauerten drei Stunden."]
    article, view = translate(argos_dirs, tmp_path, text)
    assert view.status is Provenance.MACHINE
    assert [s.text for s in view.sentences] == [s.text for s in article.sentences]  # Moses + BPE, then undone
    same_as_upstream(argos_dirs, article, view)


def test_a_bare_language_pair_top_folder(tmp_path, argos_dirs, copy_model, no_network):  # noqa: F811
    file = argosmodel(copy_model, tmp_path / "dl", "de", top="de_en")
    package = pk.install_file(file, argos_dirs)
    assert package.path == argos_dirs / "de_en" and package.label == "translate-de_en 1.0"
    article, view = translate(argos_dirs, tmp_path, GERMAN)
    assert view.text == article.text


def test_a_package_installed_by_argostranslate_itself_is_used(tmp_path, argos_dirs, no_network):
    from argostranslate import package as argos_package

    model = build_bpe_copy_model(tmp_path / "bpe")  # the kind that used to be skipped silently
    argos_package.install_from_path(argosmodel(model, tmp_path / "dl", "de", top="de_en"))
    assert [p.from_code for p in installed_packages(argos_dirs)] == ["de"]
    article, view = translate(argos_dirs, tmp_path, ["Die Gespräche dauerten drei Stunden."])
    assert view.status is Provenance.MACHINE and view.text == article.text


def test_a_package_with_only_what_ctranslate2_needs(tmp_path, argos_dirs, copy_model):  # noqa: F811
    model = tmp_path / "minimal"
    shutil.copytree(copy_model, model)
    (model / "model" / "config.json").unlink()  # optional for CTranslate2 4, as for pre-3.0 packages
    pk.install_file(argosmodel(model, tmp_path / "dl", "hu"), argos_dirs)
    assert [p.from_code for p in installed_packages(argos_dirs)] == ["hu"]


def test_a_malformed_bpe_model_costs_its_language_not_the_program(tmp_path, argos_dirs, no_network):
    # argostranslate's BPE reader would print the line raw and call sys.exit(1)
    model = build_bpe_copy_model(tmp_path / "bpe")
    (model / "bpe.model").write_text("#version: 0.2\ne n\n\x1b[2Jthree symbols here\n", encoding="utf-8")
    pk.install_file(argosmodel(model, tmp_path / "dl", "de"), argos_dirs)
    article, view = translate(argos_dirs, tmp_path, GERMAN)
    assert view.status is Provenance.UNTRANSLATED and view.text == article.text
    assert "bpe.model line 3 is not a pair of symbols" in view.notice and "\x1b" not in view.notice


def test_a_package_without_package_version_is_used_as_version_0(tmp_path, argos_dirs, copy_model):  # noqa: F811
    file = argosmodel(copy_model, tmp_path / "dl", "de")
    rewritten = tmp_path / "unversioned.argosmodel"
    with zipfile.ZipFile(file) as source, zipfile.ZipFile(rewritten, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("metadata.json"):
                data = b'{"from_code": "de", "to_code": "en"}'  # all argostranslate itself needs
            target.writestr(info, data)
    assert pk.install_file(rewritten, argos_dirs).label == "translate-de_en 0"
