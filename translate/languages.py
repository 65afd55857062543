"""Which languages the Argos index can take to English, said plainly and offline.

The answer comes from the index itself when one was fetched (our `models install` and
`argospm update` both keep a copy where argostranslate reads it); without one, from a
snapshot of the public index (argospm-index `index.json`, 2024), so that "no Argos
package exists for Vietnamese" can be told apart from "not installed yet" with no
network.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from briefing import sanitize

ENGLISH = "en"
# Languages with a package to English in the snapshot of the index, by code, with the
# index's own names. Also in it: en->xx for most of these, pt->es and es->pt.
SNAPSHOT_TO_ENGLISH = {
    "ar": "Arabic", "az": "Azerbaijani", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek", "eo": "Esperanto", "es": "Spanish",
    "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish", "he": "Hebrew",
    "hi": "Hindi", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay", "nb": "Norwegian",
    "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian", "sv": "Swedish", "th": "Thai",
    "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "zh": "Chinese",
    "zt": "Chinese (traditional)",
}  # fmt: skip
# Names for corpus languages the index does not serve (py3langid codes).
OTHER_NAMES = {
    "vi": "Vietnamese", "af": "Afrikaans", "am": "Amharic", "be": "Belarusian", "bs": "Bosnian",
    "cy": "Welsh", "eu": "Basque", "gl": "Galician", "hr": "Croatian", "hy": "Armenian",
    "is": "Icelandic", "ka": "Georgian", "kk": "Kazakh", "km": "Khmer", "lo": "Lao", "mk": "Macedonian",
    "mn": "Mongolian", "mr": "Marathi", "ne": "Nepali", "no": "Norwegian", "pa": "Punjabi",
    "si": "Sinhala", "sr": "Serbian", "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "en": "English",
}  # fmt: skip


def name(code: str) -> str:
    """A language's English name, or its code when we know none."""
    return SNAPSHOT_TO_ENGLISH.get(code) or OTHER_NAMES.get(code) or sanitize.line(code)


def label(code: str) -> str:
    """'Vietnamese (vi)', or the bare (safe) code when we know no name."""
    shown = sanitize.line(code)[:16]
    return shown if name(code) == shown else f"{name(code)} ({shown})"


def _local_index() -> Path | None:
    # argostranslate's index.json copy: where its settings say once they are loaded (the
    # fetch writes there), else found without importing them (they create folders under
    # HOME, and showing a notice must create nothing)
    loaded = sys.modules.get("argostranslate.settings")
    configured = getattr(loaded, "local_package_index", None) if loaded is not None else None
    if configured:
        return Path(configured)
    data = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data) / "argos-translate" / "index.json"


def served_languages(index_file: Path | None = None) -> set[str]:
    """Codes of languages the index can take to English (directly or through one pivot)."""
    path = index_file or _local_index()
    pairs: set[tuple[str, str]] = set()
    try:
        if path is not None and path.is_file() and path.stat().st_size < 4 * 1024 * 1024:
            raw = json.loads(path.read_text(encoding="utf-8"))
            pairs = {
                (e["from_code"], e["to_code"])
                for e in raw
                if isinstance(e, dict) and isinstance(e.get("from_code"), str) and isinstance(e.get("to_code"), str)
            }
    except (OSError, ValueError, TypeError, RecursionError):
        pairs = set()
    if not pairs:
        return set(SNAPSHOT_TO_ENGLISH)
    to_english = {source for source, target in pairs if target == ENGLISH}
    return to_english | {source for source, target in pairs if target in to_english}


def status(code: str, served: set[str] | None = None) -> str:
    """One line for a language without an installed model: installable, or not in the index."""
    served = served_languages() if served is None else served
    if code in served:
        return f"{label(code)}: not installed yet; `briefing models install {code}` fetches it"
    return (
        f"{label(code)}: no Argos package exists for {name(code)}; provide a translation as NAME.en.txt "
        f"beside NAME.txt, or install a .argosmodel file from elsewhere (`briefing models install FILE`)"
    )


def statuses(codes: list[str], app: bool = False) -> list[str]:
    """`status` for each code; `app` words it for the models screen (keys i and f, not commands)."""
    served = served_languages()
    if not app:
        return [status(code, served) for code in codes]
    return [
        f"{label(code)}: not installed yet (i installs it)"
        if code in served
        else f"{label(code)}: no Argos package exists (a NAME.en.txt beside the article, or a .argosmodel file with f, works instead)"
        for code in codes
    ]


def notice(code: str, served: set[str] | None = None) -> str:
    """The reader's one-line notice for an article left untranslated for want of a model."""
    served = served_languages() if served is None else served
    if code in served:
        return f"No {label(code)} model is installed yet: run `briefing models install {code}`."
    return (
        f"No Argos package exists for {label(code)}: add a translation as NAME.en.txt beside the "
        f"article, or install a .argosmodel file from elsewhere."
    )
