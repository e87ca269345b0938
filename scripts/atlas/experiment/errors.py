"""The experiment's user-facing error: one line naming the input and what to do."""


class ExperimentError(ValueError):
    pass
