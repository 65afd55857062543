"""One Argos package's CTranslate2 model and tokenizer, called directly.

Why not `argostranslate.translate`: it re-splits our text with MiniSBD/Stanza/spaCy,
which may download models at translation time. We already have sentences, so we
batch them ourselves, with argostranslate's own tokenizers (SentencePiece or BPE) and
its decoding options, so each sentence comes out as `apply_packaged_translation`
gives it (its decode also replaces the `▁` markers OPUS-MT ports leave: their
`sentencepiece.model` is the source side's).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from .packages import InstalledPackage

# Measured in bench/translate.py on the real zh->en 1.9 package (see the README): int8 is
# the fastest CPU type; BRIEFING_COMPUTE_TYPE overrides.
DEFAULT_COMPUTE_TYPE = "int8"
BEAM_SIZE = 4  # argostranslate's default
MAX_BATCH = 32  # sentences per CTranslate2 batch (argostranslate batches 32 tokens: slower, same output)
MAX_DECODING = 256  # CTranslate2's default, which argostranslate keeps: same limit, same output
MAX_PIECES = 160  # longer sentences are cut at word pieces (at most 1.5x this), so a chunk's output fits MAX_DECODING


def compute_type() -> str:
    return os.environ.get("BRIEFING_COMPUTE_TYPE", DEFAULT_COMPUTE_TYPE)


class Engine:
    def __init__(self, package: InstalledPackage, compute: str | None = None) -> None:
        import ctranslate2  # heavy: only when a model is really needed
        from argostranslate.tokenizer import BPETokenizer, SentencePieceTokenizer  # no argos settings import

        self.package = package
        self.compute_type = compute or compute_type()
        self.translator = ctranslate2.Translator(
            str(package.path / "model"), device="cpu", compute_type=self.compute_type, inter_threads=1, intra_threads=0
        )
        tokenizer = package.tokenizer
        self.bpe = tokenizer.name == "bpe.model"
        if self.bpe:
            _check_bpe_codes(tokenizer)
            self.tokenizer: SentencePieceTokenizer | BPETokenizer = BPETokenizer(tokenizer, package.from_code, package.to_code)
        else:
            self.tokenizer = SentencePieceTokenizer(tokenizer)
        self.tokenizer.encode("")  # load it now: a broken tokenizer file fails here, not mid-batch
        self._lock = threading.Lock()  # one batch at a time per model: CPU-bound anyway

    def encode(self, texts: list[str]) -> tuple[list[list[str]], list[int]]:
        """Tokens per chunk, and for each text how many chunks it became."""
        chunks: list[list[str]] = []
        counts: list[int] = []
        for text in texts:
            tokens = self.tokenizer.encode(text) or [""]
            parts = _cut(tokens, self.bpe)
            chunks.extend(parts)
            counts.append(len(parts))
        return chunks, counts

    def translate(self, texts: list[str]) -> list[str]:
        chunks, counts = self.encode(texts)
        outputs = self.translate_tokens(chunks)
        result, i = [], 0
        for count in counts:
            result.append(" ".join(o for o in outputs[i : i + count] if o))
            i += count
        return result

    def translate_tokens(self, chunks: list[list[str]]) -> list[str]:
        prefix = self.package.target_prefix
        with self._lock:
            results = self.translator.translate_batch(
                chunks,
                target_prefix=[[prefix]] * len(chunks) if prefix else None,
                max_batch_size=MAX_BATCH,
                beam_size=BEAM_SIZE,
                replace_unknowns=True,
                length_penalty=0.2,
                max_decoding_length=MAX_DECODING,
            )
        return [self.decode(result.hypotheses[0]) if result.hypotheses else "" for result in results]

    def decode(self, tokens: list[str]) -> str:
        """What apply_packaged_translation makes of one hypothesis."""
        value = self.tokenizer.decode(tokens)
        prefix = self.package.target_prefix
        if prefix and value.startswith(prefix):
            value = value[len(prefix) :]
        return value[1:] if value.startswith(" ") else value


def _check_bpe_codes(path: Path) -> None:
    """Refuse a malformed bpe.model ourselves: argostranslate's reader prints the bad line raw
    to stderr and calls sys.exit(1), which would end the whole program."""
    with open(path, encoding="utf-8") as codes:
        for number, line in enumerate(codes, 1):
            if number == 1 and line.startswith("#version:"):
                continue
            if len(line.strip("\r\n ").split(" ")) != 2:
                raise ValueError(f"bpe.model line {number} is not a pair of symbols")


def _cut(tokens: list[str], bpe: bool = False) -> list[list[str]]:
    if len(tokens) <= MAX_PIECES:
        return [tokens]
    parts: list[list[str]] = []
    current: list[str] = []
    for token in tokens:
        # cut at a word start once the chunk is long enough, or anywhere at 1.5x that:
        # SentencePiece marks a word start with "▁", BPE marks a word's inner ends with "@@"
        word_start = (not current[-1].endswith("@@")) if bpe and current else token.startswith("▁")
        if current and ((len(current) >= MAX_PIECES and word_start) or len(current) >= MAX_PIECES * 3 // 2):
            parts.append(current)
            current = []
        current.append(token)
    if current:
        parts.append(current)
    return parts
