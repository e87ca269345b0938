"""What the records show, computed: paired comparisons, thresholds and verdicts. No Keras.

A difference counts as *clear* only when it has the same sign in every seed (for five seeds,
a one-sided sign test at p = 1/32). Everything else is reported as mixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from atlas.experiment.records import CellRecord, ExperimentRecord


class Outcome(str, Enum):
    A = "a"  # the first strategy is better in every seed
    B = "b"  # the second strategy is better in every seed
    MIXED = "mixed"


@dataclass(frozen=True)
class Comparison:
    a: CellRecord
    b: CellRecord

    @property
    def size(self) -> int:
        return self.a.size

    @property
    def diff(self) -> float:
        return self.a.mean - self.b.mean

    @property
    def wins(self) -> int:
        """Seeds in which ``a`` got more test images right than ``b``."""
        return sum(x > y for x, y in zip(self.a.correct, self.b.correct))

    @property
    def losses(self) -> int:
        return sum(x < y for x, y in zip(self.a.correct, self.b.correct))

    @property
    def outcome(self) -> Outcome:
        seeds = len(self.a.correct)
        if self.wins == seeds:
            return Outcome.A
        if self.losses == seeds:
            return Outcome.B
        return Outcome.MIXED


def compare(record: ExperimentRecord, similarity: str, a: str, b: str,
            sizes: tuple[int, ...] | None = None) -> tuple[Comparison, ...]:
    return tuple(Comparison(record.cell(similarity, a, n), record.cell(similarity, b, n))
                 for n in (sizes or record.spec.sizes))


class Verdict(str, Enum):
    AGREES = "agrees"  # the advice's side is clearly better at every size it speaks about
    PARTLY = "partly"  # clearly better at some sizes, not at others
    DISAGREES = "disagrees"  # the other side is clearly better somewhere, the advice's side nowhere
    UNCLEAR = "unclear"  # no clear difference at any size


def verdict(comparisons: tuple[Comparison, ...]) -> Verdict:
    """``a`` is the strategy the advice favours."""
    outcomes = [c.outcome for c in comparisons]
    if all(o is Outcome.A for o in outcomes):
        return Verdict.AGREES
    if Outcome.A in outcomes:
        return Verdict.PARTLY
    if Outcome.B in outcomes:
        return Verdict.DISAGREES
    return Verdict.UNCLEAR


@dataclass(frozen=True)
class Claim:
    """One piece of the seed post's advice, as a paired comparison on part of the grid."""

    id: str
    similarities: tuple[str, ...]
    favoured: str
    other: str
    scarce_only: bool = False


CLAIMS = (
    Claim("similar_frozen", ("similar",), "frozen", "scratch"),
    Claim("dissimilar_all", ("dissimilar",), "finetune", "frozen"),
    Claim("scarce_frozen", ("similar", "dissimilar"), "frozen", "finetune", scarce_only=True),
)


def scarce_sizes(record: ExperimentRecord) -> tuple[int, ...]:
    """The lower half of the grid's sizes: what this page calls scarce data."""
    sizes = record.spec.sizes
    return sizes[: max(1, len(sizes) // 2)]


@dataclass(frozen=True)
class ClaimResult:
    claim: Claim
    similarity: str
    comparisons: tuple[Comparison, ...]

    @property
    def verdict(self) -> Verdict:
        return verdict(self.comparisons)

    def sizes_where(self, outcome: Outcome) -> tuple[int, ...]:
        return tuple(c.size for c in self.comparisons if c.outcome is outcome)


def claims(record: ExperimentRecord) -> tuple[ClaimResult, ...]:
    results = []
    for claim in CLAIMS:
        if {claim.favoured, claim.other} - set(record.spec.strategies):
            continue
        sizes = scarce_sizes(record) if claim.scarce_only else record.spec.sizes
        for similarity in claim.similarities:
            if similarity in record.spec.similarities:
                results.append(ClaimResult(claim, similarity,
                                           compare(record, similarity, claim.favoured, claim.other, sizes)))
    return tuple(results)


def best(record: ExperimentRecord, similarity: str, size: int) -> str:
    """The strategy with the highest mean accuracy (first in grid order on a tie)."""
    return max(record.spec.strategies, key=lambda s: record.cell(similarity, s, size).mean)


def frozen_holds_up_to(record: ExperimentRecord, similarity: str, a: str = "frozen",
                       b: str = "finetune") -> int | None:
    """The largest size X such that ``a``'s mean is at least ``b``'s at every size <= X."""
    upto = None
    for c in compare(record, similarity, a, b):
        if c.diff < 0:
            break
        upto = c.size
    return upto
