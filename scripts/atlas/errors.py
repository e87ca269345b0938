"""The one exception type whose message is meant for the user."""


class AtlasError(Exception):
    """An error with a message meant for the user: printed as one line, exit code 2."""
