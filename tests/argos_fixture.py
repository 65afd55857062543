"""Build a real, tiny Argos package whose "translation" is an exact copy of its input.

Why a copy model: it runs the whole real path (SentencePiece, CTranslate2 beam search,
package layout) yet is deterministic, needs no download and builds in about a second,
so tests can assert the exact output.

How it copies: a one-layer Transformer whose encoder and decoder self-attention and
feed-forward blocks output zero (the residual passes the input through), with the
d_model dimensions split in two blocks:
  [0, V)       one-hot token identity (embeddings are the identity matrix)
  [V, V + P)   position codes (sinusoid pairs stored with their negation so every
               code sums to zero and layer norm leaves them alone)
The decoder's cross-attention queries and keys read only the position block, so
decoder step t attends to source position t; its values read the token block, so step t
receives source token t, scaled to outweigh the previous token already in the residual.
The output projection reads the token block. `add_source_eos` appends `</s>`, which is
copied last and ends decoding.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pytest

POSITIONS = 512  # longest sentence (in SentencePiece pieces) the model copies
FREQUENCIES = 24  # sinusoid frequencies in the position block (P = 4 * FREQUENCIES)

_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz"
    "äöüßéáíóúőű"  # German, Hungarian
    "ăâđêôơưàảãạằẳẵặầẩẫậèẻẽẹềểễệìỉĩịòỏõọồổỗộờởỡợùủũụừửữựỳỷỹỵý"  # Vietnamese
)
_PUNCT = ".,;:!?()-'\"%$€/&"


def _training_lines(count: int = 600, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    letters = _ALPHABET + _ALPHABET.upper()
    lines = []
    for _ in range(count):
        words = []
        for _ in range(rng.randint(4, 14)):
            word = "".join(rng.choice(letters) for _ in range(rng.randint(1, 9)))
            if rng.random() < 0.2:
                word += rng.choice(_PUNCT)
            if rng.random() < 0.1:
                word = str(rng.randint(0, 9999))
            words.append(word)
        lines.append(" ".join(words))
    return lines


def _train_sentencepiece(folder: Path) -> list[str]:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(_training_lines()),
        model_writer=model,
        vocab_size=260,
        hard_vocab_limit=False,
        character_coverage=1.0,
        normalization_rule_name="identity",
        model_type="unigram",
        minloglevel=2,
    )
    (folder / "sentencepiece.model").write_bytes(model.getvalue())
    processor = spm.SentencePieceProcessor(model_proto=model.getvalue())
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _position_codes(vocab: int, dim: int) -> np.ndarray:
    codes = np.zeros((POSITIONS, dim), dtype=np.float32)
    positions = np.arange(POSITIONS)[:, None]
    omegas = np.geomspace(1.0, 2 * np.pi / (2 * POSITIONS), FREQUENCIES)[None, :]
    block = np.concatenate(
        [np.sin(positions * omegas), np.cos(positions * omegas), -np.sin(positions * omegas), -np.cos(positions * omegas)],
        axis=1,
    )
    codes[:, vocab:] = block
    return codes


def _build_model(folder: Path, tokens: list[str], target_order: list[int] | None = None) -> None:
    """The copy model's CTranslate2 files in folder/model.

    `target_order` lists the source token ids in the order of a separate target
    vocabulary (CTranslate2 then writes source_ and target_vocabulary files). Under
    CTranslate2 < 3 (no `from_config`, no `config.json`) the model is written in the
    pre-3.0 format; it has no `add_source_eos`, so nothing copies an `</s>`: the
    model copies its input and then repeats the last token until the length limit.
    """
    from ctranslate2.specs import transformer_spec

    vocab = len(tokens)
    pos_dim = 4 * FREQUENCIES
    dim = vocab + pos_dim
    if hasattr(transformer_spec.TransformerSpec, "from_config"):
        spec = transformer_spec.TransformerSpec.from_config(num_layers=1, num_heads=1)
        spec.config.add_source_eos = True  # the copied </s> ends decoding
    else:  # CTranslate2 2.x
        spec = transformer_spec.TransformerSpec(num_layers=1, num_heads=1)

    zeros = lambda *shape: np.zeros(shape, dtype=np.float32)  # noqa: E731
    ones = lambda n: np.ones(n, dtype=np.float32)  # noqa: E731
    identity = np.zeros((vocab, dim), dtype=np.float32)
    identity[:, :vocab] = np.eye(vocab, dtype=np.float32)
    # scale_embeddings multiplies by sqrt(dim); keep tokens and positions comparable.
    embeddings = identity / np.sqrt(dim)

    def norm(layer_norm) -> None:
        layer_norm.gamma, layer_norm.beta = ones(dim), zeros(dim)

    def silence_ffn(ffn) -> None:
        norm(ffn.layer_norm)
        ffn.linear_0.weight, ffn.linear_0.bias = zeros(1, dim), zeros(1)
        ffn.linear_1.weight, ffn.linear_1.bias = zeros(dim, 1), zeros(dim)

    def silence_self_attention(attention) -> None:
        norm(attention.layer_norm)
        attention.linear[0].weight, attention.linear[0].bias = zeros(3 * dim, dim), zeros(3 * dim)
        attention.linear[1].weight, attention.linear[1].bias = zeros(dim, dim), zeros(dim)

    order = list(range(vocab)) if target_order is None else target_order
    codes = _position_codes(vocab, dim)
    for side in (spec.encoder, spec.decoder):
        side.position_encodings.encodings = codes
        norm(side.layer_norm)
    spec.encoder.embeddings[0].weight = embeddings
    spec.decoder.embeddings.weight = embeddings[order]  # target id j is source token order[j]

    encoder_layer = spec.encoder.layer[0]
    silence_self_attention(encoder_layer.self_attention)
    silence_ffn(encoder_layer.ffn)

    decoder_layer = spec.decoder.layer[0]
    silence_self_attention(decoder_layer.self_attention)
    silence_ffn(decoder_layer.ffn)
    cross = decoder_layer.attention
    norm(cross.layer_norm)
    select_positions = np.zeros((dim, dim), dtype=np.float32)
    select_positions[vocab:, vocab:] = np.eye(pos_dim, dtype=np.float32)
    select_tokens = np.zeros((dim, dim), dtype=np.float32)
    select_tokens[:vocab, :vocab] = np.eye(vocab, dtype=np.float32)
    cross.linear[0].weight, cross.linear[0].bias = select_positions * 8.0, zeros(dim)  # sharp attention
    cross.linear[1].weight = np.concatenate([select_positions, select_tokens])  # keys, values
    cross.linear[1].bias = zeros(2 * dim)
    cross.linear[2].weight, cross.linear[2].bias = select_tokens * 4.0, zeros(dim)  # outweigh the input token

    projection = np.zeros((vocab, dim), dtype=np.float32)
    projection[:, :vocab] = np.eye(vocab, dtype=np.float32) * 10.0
    spec.decoder.projection.weight, spec.decoder.projection.bias = projection[order], zeros(vocab)

    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary([tokens[i] for i in order])
    spec.validate()
    spec.optimize(quantization="float32")
    (folder / "model").mkdir()
    spec.save(str(folder / "model"))


def build_copy_model(folder: Path, separate_vocabularies: bool = False) -> Path:
    """Write sentencepiece.model and model/ into folder (created); returns folder.

    With `separate_vocabularies` the target vocabulary is the source one reversed
    (special tokens first), so the model has source_ and target_vocabulary files and
    only a correct id mapping on each side gives back the input.
    """
    folder.mkdir(parents=True, exist_ok=True)
    tokens = _train_sentencepiece(folder)
    order = None
    if separate_vocabularies:
        order = [0, 1, 2] + list(range(len(tokens) - 1, 2, -1))
    _build_model(folder, tokens, order)
    return folder


# BPE (subword-nmt codes, as argostranslate's BPETokenizer reads them): merges of a few
# frequent German letter pairs; every other character stays a token of its own.
BPE_MERGES = ("e n", "e r", "c h", "i e", "s t", "u n", "d e", "e i", "t e", "g e", "e n</w>", "e r</w>", "c h</w>")


def build_bpe_copy_model(folder: Path) -> Path:
    """A copy model whose tokenizer is `bpe.model` (Moses tokenisation + BPE) instead of SentencePiece."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bpe.model").write_text("#version: 0.2\n" + "\n".join(BPE_MERGES) + "\n", encoding="utf-8")
    letters = sorted(set(_ALPHABET + _ALPHABET.upper() + "0123456789" + _PUNCT))
    merged = [m.replace(" ", "").replace("</w>", "") for m in BPE_MERGES]
    pieces = sorted(set(letters + merged))
    tokens = ["<unk>", "<s>", "</s>"] + pieces + [p + "@@" for p in pieces] + ["&amp;", "&quot;", "&apos;"]
    _build_model(folder, tokens)
    return folder


def metadata(from_code: str, to_code: str = "en", version: str = "1.0", **extra) -> dict:
    return {
        "package_version": version,
        "argos_version": "1.0",
        "from_code": from_code,
        "from_name": from_code.upper(),
        "to_code": to_code,
        "to_name": to_code.upper(),
        "type": "translate",
        **extra,
    }


def package_dir(
    model: Path, out: Path, from_code: str, to_code: str = "en", version: str = "1.0", top: str | None = None, **extra
) -> Path:
    """An unpacked package folder `translate-FROM_TO-VERSION` (or `top`), what argos keeps installed."""
    folder = out / (top or f"translate-{from_code}_{to_code}-{version.replace('.', '_')}")
    folder.mkdir(parents=True)
    shutil.copytree(model / "model", folder / "model")
    for tokenizer in ("sentencepiece.model", "bpe.model"):
        if (model / tokenizer).exists():
            shutil.copy(model / tokenizer, folder / tokenizer)
    (folder / "metadata.json").write_text(json.dumps(metadata(from_code, to_code, version, **extra)))
    return folder


def argosmodel(
    model: Path, out: Path, from_code: str, to_code: str = "en", version: str = "1.0", top: str | None = None, **extra
) -> Path:
    """A `.argosmodel` zip of one top-level folder, as the Argos index serves them."""
    out.mkdir(parents=True, exist_ok=True)
    staging = out / f".staging-{from_code}_{to_code}"
    folder = package_dir(model, staging, from_code, to_code, version, top, **extra)
    path = out / f"translate-{from_code}_{to_code}-{version.replace('.', '_')}.argosmodel"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            archive.write(file, file.relative_to(staging).as_posix())
    shutil.rmtree(staging)
    return path


_SHARED: Path | None = None


def shared_copy_model() -> Path:
    """One copy model per test process, built on first use (about 0.3 s)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = build_copy_model(Path(tempfile.mkdtemp(prefix="argos-copy-model-")) / "copy")
    return _SHARED


@pytest.fixture(scope="session")
def copy_model() -> Path:
    return shared_copy_model()


# -- the real zh->en package (../shared/models, see its README) -----------------

REAL_ZH_EN_SHA256 = "62e7af5a3a48b530e47b7b3e5c78c2de79073ecd815750d2bf3ab35b4a67da2d"


def real_zh_en_file() -> Path | None:
    """The real translate-zh_en-1_9.argosmodel: BRIEFING_ARGOS_ZH_EN, else shared/models beside the clone."""
    import os

    named = os.environ.get("BRIEFING_ARGOS_ZH_EN")
    if named:
        return Path(named) if Path(named).is_file() else None
    # shared/ sits beside the clone, wherever it was cloned (CI clones into another folder);
    # the path as given first, then with links resolved
    for here in (Path(__file__).absolute(), Path(__file__).resolve()):
        candidate = here.parents[1].parent / "shared" / "models" / "translate-zh_en-1_9.argosmodel"
        if candidate.is_file():
            return candidate
    return None


def upstream_translations(package: Path, sentences: list[str], compute_type: str) -> list[str]:
    """argostranslate's own `apply_packaged_translation`, one of our sentences at a time."""
    import ctranslate2
    from argostranslate.package import Package
    from argostranslate.translate import apply_packaged_translation

    class OneSentence:  # the same sentence split as ours: the sentence is given whole
        def split_sentences(self, text: str) -> list[str]:
            return [text]

    pkg = Package(package)
    translator = ctranslate2.Translator(str(package / "model"), device="cpu", compute_type=compute_type)
    return [apply_packaged_translation(pkg, s, translator, OneSentence(), 1)[0].value for s in sentences]
