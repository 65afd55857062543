"""One Argos package's CTranslate2 + SentencePiece models, called directly.

Why not `argostranslate.translate`: it re-splits our text with MiniSBD/Stanza/spaCy,
which may download models at translation time. We already have sentences, so we
tokenize, batch and decode ourselves, mirroring Argos' own decoding options.
"""

from __future__ import annotations

import os
import threading

from .packages import InstalledPackage

# Measured in bench/translate.py (see the README): on an Argos-sized model int8 weights
# decode ~2x faster than float32 on CPU (and use 4x less memory); BRIEFING_COMPUTE_TYPE overrides.
DEFAULT_COMPUTE_TYPE = "int8"
BEAM_SIZE = 4  # argostranslate's default
MAX_BATCH = 32  # sentences per CTranslate2 batch (argostranslate's default)
MAX_PIECES = 200  # longer sentences are cut at word pieces: models degrade (and stop) past this


def compute_type() -> str:
    return os.environ.get("BRIEFING_COMPUTE_TYPE", DEFAULT_COMPUTE_TYPE)


class Engine:
    def __init__(self, package: InstalledPackage, compute: str | None = None) -> None:
        import ctranslate2  # heavy: only when a model is really needed
        import sentencepiece

        self.package = package
        self.compute_type = compute or compute_type()
        self.translator = ctranslate2.Translator(
            str(package.path / "model"), device="cpu", compute_type=self.compute_type, inter_threads=1, intra_threads=0
        )
        self.pieces = sentencepiece.SentencePieceProcessor(model_file=str(package.path / "sentencepiece.model"))
        self._lock = threading.Lock()  # one batch at a time per model: CPU-bound anyway

    def encode(self, texts: list[str]) -> tuple[list[list[str]], list[int]]:
        """Pieces per chunk, and for each text how many chunks it became."""
        chunks: list[list[str]] = []
        counts: list[int] = []
        for text in texts:
            pieces = self.pieces.encode(text, out_type=str) or [""]
            parts = _cut(pieces)
            chunks.extend(parts)
            counts.append(len(parts))
        return chunks, counts

    def translate(self, texts: list[str]) -> list[str]:
        chunks, counts = self.encode(texts)
        outputs = self.translate_pieces(chunks)
        result, i = [], 0
        for count in counts:
            result.append(" ".join(o for o in outputs[i : i + count] if o))
            i += count
        return result

    def translate_pieces(self, chunks: list[list[str]]) -> list[str]:
        prefix = self.package.target_prefix
        with self._lock:
            results = self.translator.translate_batch(
                chunks,
                target_prefix=[[prefix]] * len(chunks) if prefix else None,
                max_batch_size=MAX_BATCH,
                beam_size=BEAM_SIZE,
                replace_unknowns=True,
                length_penalty=0.2,
                max_decoding_length=2 * MAX_PIECES + 16,
            )
        out = []
        for result in results:
            text = self.pieces.decode_pieces(result.hypotheses[0]) if result.hypotheses else ""
            if prefix and text.startswith(prefix):
                text = text[len(prefix) :]
            out.append(text.strip())
        return out


def _cut(pieces: list[str]) -> list[list[str]]:
    if len(pieces) <= MAX_PIECES:
        return [pieces]
    parts, current = [], []
    for piece in pieces:
        # cut at a word start once the chunk is long enough, or anywhere at 1.5x that
        if current and ((len(current) >= MAX_PIECES and piece.startswith("▁")) or len(current) >= MAX_PIECES * 3 // 2):
            parts.append(current)
            current = []
        current.append(piece)
    if current:
        parts.append(current)
    return parts
