"""The labels the app shows, and how the model's labels map onto them."""

# Named entities get a canonical Entity; values (MONEY, DATE) are spans only.
NAMED = ("PERSON", "ORG", "GPE", "LOC", "PRODUCT", "EVENT")
VALUES = ("MONEY", "DATE")
LABELS = NAMED + VALUES  # the order of the legend

# OntoNotes labels the reader does not need are dropped; facilities are places.
MODEL_TO_SHOWN = {label: label for label in LABELS} | {"FAC": "LOC"}
