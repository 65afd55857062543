"""Benchmark the translation layer on the seed corpus with the test (copy) package.

Prints, in one run:
  1. cold (empty cache) vs cached `Translator.english_views`   target: cached < 5% of cold
  2. the layer (cold) vs CTranslate2 `translate_batch` called directly on the same
     sentences with the same options, model loading included in both   target: <= 1.3x
  3. CPU compute types: on the copy model (seeds), and on an Argos-sized random model
     (6+6 layers, d_model 512, int8 weights on disk like the real packages, 32 tokens
     decoded per sentence) since the tiny copy model says little about real ones.

Run: .venv/bin/python bench/translate.py   (no network needed; about 1-2 minutes)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
_HOME = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
for name, sub in {"HOME": "", "XDG_DATA_HOME": "share", "XDG_CONFIG_HOME": "config", "XDG_CACHE_HOME": "cache"}.items():
    os.environ[name] = str(_HOME / sub)  # argostranslate writes folders on import: keep them out of ~

from argos_fixture import build_copy_model, package_dir  # noqa: E402

from briefing import corpus  # noqa: E402
from briefing.store import Cache  # noqa: E402
from briefing.translate import Translator  # noqa: E402
from briefing.translate import engine as engine_module  # noqa: E402
from briefing.translate.packages import installed_packages  # noqa: E402

REPEATS = 3


def best(fn, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def direct(packages: list, sentences: dict[str, list[str]], compute_type: str) -> None:
    """What the layer does, minus the layer: load models, encode, translate_batch, decode."""
    import ctranslate2
    import sentencepiece

    for package in packages:
        texts = sentences.get(package.from_code, [])
        if not texts:
            continue
        model = ctranslate2.Translator(str(package.path / "model"), device="cpu", compute_type=compute_type)
        sp = sentencepiece.SentencePieceProcessor(model_file=str(package.path / "sentencepiece.model"))
        results = model.translate_batch(
            [sp.encode(t, out_type=str) for t in texts],
            max_batch_size=engine_module.MAX_BATCH,
            beam_size=engine_module.BEAM_SIZE,
            replace_unknowns=True,
            length_penalty=0.2,
            max_decoding_length=2 * engine_module.MAX_PIECES + 16,
        )
        [sp.decode_pieces(r.hypotheses[0]) for r in results]


def argos_sized_model(folder: Path) -> Path:
    """A random Transformer of a real Argos package's shape (weights saved as int8)."""
    import numpy as np
    from ctranslate2.specs import transformer_spec

    vocab, dim, ffn = 8000, 512, 2048
    rng = np.random.default_rng(0)
    spec = transformer_spec.TransformerSpec.from_config(num_layers=6, num_heads=8)
    spec.register_source_vocabulary(["<unk>", "<s>", "</s>"] + [f"t{i}" for i in range(vocab - 3)])
    spec.register_target_vocabulary(["<unk>", "<s>", "</s>"] + [f"t{i}" for i in range(vocab - 3)])

    def weights(rows: int, cols: int):
        return (rng.standard_normal((rows, cols)) * 0.02).astype(np.float32)

    def linear(spec_linear, rows: int, cols: int = dim) -> None:
        spec_linear.weight, spec_linear.bias = weights(rows, cols), np.zeros(rows, np.float32)

    def norm(layer_norm) -> None:
        layer_norm.gamma, layer_norm.beta = np.ones(dim, np.float32), np.zeros(dim, np.float32)

    def attention(spec_attention, cross: bool) -> None:
        norm(spec_attention.layer_norm)
        shapes = [dim, 2 * dim, dim] if cross else [3 * dim, dim]
        for spec_linear, rows in zip(spec_attention.linear, shapes):
            linear(spec_linear, rows)

    def feed_forward(ffn_spec) -> None:
        norm(ffn_spec.layer_norm)
        linear(ffn_spec.linear_0, ffn)
        linear(ffn_spec.linear_1, dim, ffn)

    spec.encoder.embeddings[0].weight = weights(vocab, dim)
    spec.decoder.embeddings.weight = weights(vocab, dim)
    norm(spec.encoder.layer_norm)
    norm(spec.decoder.layer_norm)
    for layer in spec.encoder.layer:
        attention(layer.self_attention, cross=False)
        feed_forward(layer.ffn)
    for layer in spec.decoder.layer:
        attention(layer.self_attention, cross=False)
        attention(layer.attention, cross=True)
        feed_forward(layer.ffn)
    spec.decoder.projection.weight = (rng.standard_normal((vocab, dim)) * 0.02).astype(np.float32)
    spec.decoder.projection.bias = np.zeros(vocab, np.float32)
    spec.validate()
    spec.optimize(quantization="int8")
    folder.mkdir(parents=True)
    spec.save(str(folder))
    return folder


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-work-"))
    articles = corpus.load_seeds()
    langs = sorted({a.lang for a in articles if a.lang != "en"})
    start = time.perf_counter()
    model = build_copy_model(work / "copy")
    print(f"copy model built in {time.perf_counter() - start:.2f} s")
    for lang in langs:
        package_dir(model, work / "packages", lang)
    packages = installed_packages(work / "packages")
    sentences = {lang: list(dict.fromkeys(s.text for a in articles if a.lang == lang for s in a.sentences)) for lang in langs}
    count = sum(len(v) for v in sentences.values())
    print(f"seeds: {len(articles)} articles, {count} sentences to translate ({', '.join(langs)})\n")

    def cold() -> None:
        path = work / f"cold-{time.perf_counter_ns()}.sqlite3"
        with Cache(path) as cache:
            Translator(cache, packages_dir=work / "packages").english_views(articles)

    warm_cache = Cache(work / "warm.sqlite3")
    Translator(warm_cache, packages_dir=work / "packages").english_views(articles)

    def cached() -> None:
        translator = Translator(warm_cache, packages_dir=work / "packages")
        translator.english_views(articles)
        assert translator.model_calls == 0

    compute = engine_module.compute_type()
    t_cold, t_cached = best(cold), best(cached)
    t_direct = best(lambda: direct(packages, sentences, compute))
    print(f"1. cold {t_cold * 1000:.0f} ms, cached {t_cached * 1000:.1f} ms: cached = {t_cached / t_cold:.1%} of cold (target < 5%)")
    print(f"2. layer {t_cold * 1000:.0f} ms vs direct translate_batch {t_direct * 1000:.0f} ms: {t_cold / t_direct:.2f}x (target <= 1.3x)")

    print("3. compute types (best of runs, ms)")
    print("   copy model, seed sentences:")
    for ct in ("float32", "int8"):
        print(f"     {ct:<13} {best(lambda: direct(packages, sentences, ct), 2) * 1000:8.0f}")
    import ctranslate2

    big = argos_sized_model(work / "argos-sized")
    tokens = [[f"t{(i * 7 + j) % 7990}" for j in range(30)] for i in range(32)]
    print("   Argos-sized random model, 32 sentences x 30 tokens in, 32 out, beam 4:")
    for ct in ("float32", "int8_float32", "int8"):
        translator = ctranslate2.Translator(str(big), device="cpu", compute_type=ct)
        run = lambda: translator.translate_batch(tokens, beam_size=4, min_decoding_length=32, max_decoding_length=32, max_batch_size=32)  # noqa: E731
        run()
        print(f"     {ct:<13} {statistics.median([best(run, 1) for _ in range(2)]) * 1000:8.0f}")
    warm_cache.close()


if __name__ == "__main__":
    main()
