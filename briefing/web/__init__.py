"""Articles from the web: saved pages, feeds, and the one command that fetches them.

`page` and `feed` turn bytes already on disk into `Document`s and never touch
the network; only `fetch` does, and only when the user runs `briefing fetch`.
"""

from .document import Document

__all__ = ["Document"]
