"""briefing: a multilingual news briefing reader. The core: no Textual below here."""

__version__ = "0.1.0"
