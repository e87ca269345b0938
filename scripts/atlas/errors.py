"""The one error type meant for users: printed as one line by ``python -m atlas``, exit code 2.

It lives in its own module so stages can raise it without importing ``atlas.__main__``
(which is ``__main__`` when run with ``python -m atlas``: a second copy of the class
would not be caught).
"""

from __future__ import annotations


class AtlasError(Exception):
    """An error with a message meant for the user: printed as one line, exit code 2."""
