"""Named entities: spaCy on the English views, corrected across the corpus, propagated
into the originals. Importing this package does not import spaCy.

    from briefing.entities import Annotator, LABELS
    entities, annotations = Annotator(cache).annotate(articles, views, progress, cancel)
"""

from .annotator import Annotator
from .labels import LABELS, NAMED, VALUES

__all__ = ["LABELS", "NAMED", "VALUES", "Annotator"]
