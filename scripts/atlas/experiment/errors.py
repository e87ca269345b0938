"""The experiment's user-facing error: one line naming the input and what to do."""

from atlas.errors import AtlasError


class ExperimentError(AtlasError, ValueError):
    pass
