"""Offline translation with Argos models (imported as `briefing.translate`).

Importing this package is cheap: argostranslate and CTranslate2 load only when a
model is listed, installed or run.
"""

from .packages import InstalledPackage, installed_packages, missing_languages
from .translator import Translator

__all__ = ["InstalledPackage", "Translator", "installed_packages", "missing_languages"]
