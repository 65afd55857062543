"""The real zh->en 1.9 Argos package (an OPUS-MT port): installed by our validator, and
translated sentence for sentence as argostranslate itself translates it."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from argos_fixture import REAL_ZH_EN_SHA256, real_zh_en_file, upstream_translations
from briefing.model import Provenance
from briefing.store import Cache
from briefing.translate import Translator, installed_packages
from briefing.translate import engine as engine_module
from briefing.translate import packages as pk
from test_translate import make_article

FILE = real_zh_en_file()
pytestmark = pytest.mark.skipif(
    FILE is None,
    reason="the real package ../shared/models/translate-zh_en-1_9.argosmodel is missing (set BRIEFING_ARGOS_ZH_EN, "
    "or fetch it pinned by hash as ../shared/models/README.md says)",
)

CHINESE = [
    "三星电子会长李在镕周二在首尔会见了OpenAI首席执行官萨姆·奥尔特曼。",
    "软银集团的孙正义也出席了会议。",
    "他们讨论了人工智能芯片的合作。",
    "据业内人士透露，三方就“星际之门”项目交换了意见。",
    "该项目计划在美国投资5000亿美元建设数据中心。",
    "奥尔特曼去年1月曾访问三星电子平泽工厂。",
    "SK海力士是全球第二大存储芯片制造商。",
    "三星电子股价当天上涨了3.2%。",
    "孙正义表示，软银将向该项目投资190亿美元。",
    "专家预计，人工智能芯片需求将在未来几年大幅增长。",
]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    assert FILE is not None
    digest = hashlib.sha256(FILE.read_bytes()).hexdigest()
    assert digest == REAL_ZH_EN_SHA256, f"{FILE} is not the pinned package (sha256 {digest})"
    folder = tmp_path_factory.mktemp("argos") / "packages"
    package = pk.install_file(FILE, folder)
    assert (package.from_code, package.to_code, package.version) == ("zh", "en", "1.9")
    return folder


def test_the_real_package_passes_validation_as_it_is():
    assert FILE is not None  # the module is skipped otherwise
    checked = pk.validate_archive(FILE)
    assert checked.top == "translate-zh_en-1_9" and "type" not in checked.metadata
    with zipfile.ZipFile(FILE) as archive:  # what makes it an OPUS-MT port: stanza/ and no bpe.model
        assert any(n.startswith("translate-zh_en-1_9/stanza/") for n in archive.namelist())


def test_output_equals_argostranslate_sentence_for_sentence(installed, tmp_path, no_network):
    paragraphs = ["".join(CHINESE[:4]), "".join(CHINESE[4:7]), "".join(CHINESE[7:])]
    article = make_article(paragraphs, "zh")
    assert [s.text for s in article.sentences] == CHINESE  # our split: one sentence per 。
    with Cache(tmp_path / "cache.sqlite3") as cache:
        translator = Translator(cache, packages_dir=installed)
        view = translator.english_views([article])[article.id]
    assert view.status is Provenance.MACHINE and view.model == "translate-zh_en 1.9"
    ours = [s.text for s in view.sentences]
    package = installed_packages(installed)[0].path
    theirs = upstream_translations(package, CHINESE, engine_module.compute_type())
    assert no_network == []
    assert ours == theirs
    assert not any("▁" in s for s in ours)  # OPUS-MT's word markers are replaced, as upstream does
    assert "Seoul" in ours[0] and "Tuesday" in ours[0]  # a real translation, not a copy
    assert translator.model_calls == 1  # the whole article in one batched call


def test_batched_engine_equals_upstream_for_every_cpu_compute_type(installed):
    package = installed_packages(installed)[0]
    for compute in ("int8", "int8_float32", "float32"):
        ours = engine_module.Engine(package, compute).translate(CHINESE[:4])
        assert ours == upstream_translations(package.path, CHINESE[:4], compute), compute
