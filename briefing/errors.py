"""Errors the user can mend: the CLI prints them as one line and exits 1."""


class UserError(Exception):
    """A problem with the user's input, worded as what is wrong and how to mend it."""
