"""Benchmark the translation layer on the real zh->en 1.9 Argos package (../shared/models).

Prints, in one run, on the same Chinese news sentences (split by our own splitter):
  1. per CPU compute type (int8, int8_float32, float32), sentences per second of
       - our layer (briefing.translate Engine: argostranslate's tokenizer, batched),
       - argostranslate's own path (`apply_packaged_translation`, paragraph by paragraph,
         given our sentence split), target: ours at least as fast,
       - raw CTranslate2 (SentencePiece encode, `translate_batch`, decode), target: ours within 1.1x,
     and whether our output equals argostranslate's, sentence for sentence (it must);
     models are loaded before timing (load times printed apart);
  2. cold (empty cache, model loading included) against cached `Translator.english_views`.

Run: .venv/bin/python bench/translate.py   (no network needed; about 2 minutes)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
_HOME = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
for name, sub in {"HOME": "", "XDG_DATA_HOME": "share", "XDG_CONFIG_HOME": "config", "XDG_CACHE_HOME": "cache"}.items():
    os.environ[name] = str(_HOME / sub)  # argostranslate writes folders on import: keep them out of ~

from argos_fixture import real_zh_en_file  # noqa: E402
from briefing import sentences as splitter  # noqa: E402
from briefing.model import Article, Sentence  # noqa: E402
from briefing.store import Cache  # noqa: E402
from briefing.translate import Translator  # noqa: E402
from briefing.translate import engine as engine_module  # noqa: E402
from briefing.translate import packages as pk  # noqa: E402

COMPUTE_TYPES = ("int8", "int8_float32", "float32")
REPEATS = 2
ROUNDS = 4  # turns of ours / argostranslate / raw CTranslate2 per compute type
PARAGRAPHS = [
    "三星电子会长李在镕周二在首尔会见了OpenAI首席执行官萨姆·奥尔特曼。软银集团的孙正义也出席了会议。"
    "他们讨论了人工智能芯片的合作。据业内人士透露，三方就“星际之门”项目交换了意见。",
    "该项目计划在美国投资5000亿美元建设数据中心。奥尔特曼去年1月曾访问三星电子平泽工厂。"
    "SK海力士是全球第二大存储芯片制造商。三星电子股价当天上涨了3.2%。",
    "会谈持续了大约三个小时。双方同意今后继续进行协商。韩国政府对此表示欢迎。"
    "分析人士认为，这次会面对韩国半导体产业意义重大。",
    "OpenAI正在寻求降低对英伟达芯片的依赖。孙正义表示，软银将向该项目投资190亿美元。"
    "李在镕在会后没有回答记者的提问。此前有报道称，OpenAI计划在韩国设立办事处。",
    "三星电子和SK海力士都在生产高带宽内存。这次会议是在首尔的三星电子办公楼举行的。"
    "甲骨文公司也参与了“星际之门”项目。专家预计，人工智能芯片需求将在未来几年大幅增长。",
]


def best(fn, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def interleaved(functions: list, rounds: int = ROUNDS) -> list[float]:
    """Best time of each function, run in turns (a, b, c, a, b, c, ...): the load of a shared
    machine then weighs on all of them alike instead of on whichever ran during a burst."""
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(rounds):
        for fn, spent in zip(functions, times, strict=True):
            start = time.perf_counter()
            fn()
            spent.append(time.perf_counter() - start)
    return [min(spent) for spent in times]


def split(paragraph: str) -> list[str]:
    return [paragraph[a:b] for a, b in splitter.split(paragraph, "zh")]


def article() -> Article:
    sents: list[Sentence] = []
    offset = 0
    for p_index, paragraph in enumerate(PARAGRAPHS):
        for start, end in splitter.split(paragraph, "zh"):
            sents.append(Sentence(len(sents), p_index, offset + start, offset + end, paragraph[start:end]))
        offset += len(paragraph) + 2
    return Article("bench-zh", "<bench>/zh", "bench", "zh", tuple(PARAGRAPHS), tuple(sents))


def main() -> None:
    file = real_zh_en_file()
    if file is None:
        sys.exit("the real package ../shared/models/translate-zh_en-1_9.argosmodel is missing (see its README)")
    import ctranslate2
    import sentencepiece
    from argostranslate.package import Package
    from argostranslate.translate import apply_packaged_translation

    work = Path(tempfile.mkdtemp(prefix="briefing-bench-work-"))
    start = time.perf_counter()
    package = pk.install_file(file, work / "packages")
    print(f"installed {package.label} from {file.name} in {time.perf_counter() - start:.1f} s")
    texts = [s for p in PARAGRAPHS for s in split(p)]
    supported = sorted(ctranslate2.get_supported_compute_types("cpu"))
    print(f"{len(texts)} Chinese sentences in {len(PARAGRAPHS)} paragraphs, CPU compute types {supported}\n")

    class OurSplit:  # argostranslate's sentencizer interface, answering with our split
        def split_sentences(self, text: str) -> list[str]:
            return split(text)

    pkg = Package(package.path)
    sp = sentencepiece.SentencePieceProcessor(model_file=str(package.path / "sentencepiece.model"))
    print("1. sentences per second (models loaded; best of 4 interleaved runs)")
    print(f"   {'compute type':<13} {'ours':>7} {'argos':>7} {'raw ct2':>8}   speed ours/argos  time ours/raw  same output as argos")
    for compute in COMPUTE_TYPES:
        start = time.perf_counter()
        engine = engine_module.Engine(package, compute)
        load = time.perf_counter() - start
        raw = ctranslate2.Translator(str(package.path / "model"), device="cpu", compute_type=compute, inter_threads=1, intra_threads=0)

        def ours(engine: engine_module.Engine = engine) -> list[str]:
            return engine.translate(texts)

        def upstream(raw: ctranslate2.Translator = raw) -> list[str]:  # paragraph by paragraph, as PackageTranslation does
            return [apply_packaged_translation(pkg, paragraph, raw, OurSplit(), 1)[0].value for paragraph in PARAGRAPHS]

        def direct(raw: ctranslate2.Translator = raw) -> list[str]:
            results = raw.translate_batch(
                [sp.encode(t, out_type=str) for t in texts],
                max_batch_size=engine_module.MAX_BATCH,
                beam_size=engine_module.BEAM_SIZE,
                replace_unknowns=True,
                length_penalty=0.2,
                max_decoding_length=engine_module.MAX_DECODING,
            )
            return [sp.decode_pieces(r.hypotheses[0]) for r in results]

        ours(), direct()  # warm both (first calls allocate)
        t_ours, t_argos, t_raw = interleaved([ours, upstream, direct])
        per_sentence = [apply_packaged_translation(pkg, t, raw, OurSplit(), 1)[0].value for t in texts]
        same = ours() == per_sentence
        n = len(texts)
        print(
            f"   {compute:<13} {n / t_ours:7.1f} {n / t_argos:7.1f} {n / t_raw:8.1f}   {t_argos / t_ours:15.2f}x"
            f" {t_ours / t_raw:13.2f}x   {'yes' if same else 'NO'}   (our engine loads in {load:.2f} s)"
        )

    compute = engine_module.compute_type()
    arts = [article()]

    def cold() -> None:
        with Cache(work / f"cold-{time.perf_counter_ns()}.sqlite3") as cache:
            Translator(cache, packages_dir=work / "packages", compute_type=compute).english_views(arts)

    warm = Cache(work / "warm.sqlite3")
    Translator(warm, packages_dir=work / "packages", compute_type=compute).english_views(arts)

    def cached() -> None:
        translator = Translator(warm, packages_dir=work / "packages", compute_type=compute)
        translator.english_views(arts)
        assert translator.model_calls == 0

    t_cold, t_cached = best(cold), best(cached, 3)
    print(
        f"\n2. {compute}: cold {t_cold * 1000:.0f} ms (model load included), cached {t_cached * 1000:.1f} ms: "
        f"cached = {t_cached / t_cold:.2%} of cold"
    )
    warm.close()


if __name__ == "__main__":
    main()
