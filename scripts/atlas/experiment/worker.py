"""Entry points for the spawned worker processes. Importing this module does not import
TensorFlow: ``train`` is imported inside the worker, so the parent process stays light."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np

from atlas.experiment.grid import GridSpec


@dataclass(frozen=True)
class PretrainTask:
    spec: GridSpec
    seed: int


@dataclass(frozen=True)
class TransferTask:
    spec: GridSpec
    seed: int
    similarity: str
    size: int
    weights: tuple[np.ndarray, ...] = field(compare=False, repr=False)


def init() -> None:
    """Pool initialiser: quiet TensorFlow, one thread per worker, deterministic ops."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    from atlas.experiment import train

    train.configure(threads=1)


def pretrain(task: PretrainTask) -> tuple[tuple[int, int], list[np.ndarray]]:
    from atlas.experiment import train

    return train.pretrain(task.spec, task.seed)


def transfer(task: TransferTask) -> dict[str, tuple[int, int]]:
    from atlas.experiment import train

    return train.transfer_cell(task.spec, task.seed, task.similarity, task.size, list(task.weights))
