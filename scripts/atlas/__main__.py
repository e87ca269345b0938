"""Command line: ``python -m atlas generate [--check]``.

Every stage computes its files in memory; nothing is written until all of them
succeeded, so a failure leaves the tree as it was.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas import write
from atlas.experiment import stage as experiment
from atlas.experiment.errors import ExperimentError

ROOT = Path(__file__).resolve().parents[2]


class AtlasError(Exception):
    """An error with a message meant for the user: printed as one line, exit code 2."""


def collect_outputs(args: argparse.Namespace) -> list[write.Output]:
    """The whole generated tree, as data. Stages are appended here in data-flow order."""
    outputs: list[write.Output] = []
    outputs += experiment.outputs(ROOT, jobs=args.jobs, progress=not args.no_progress)
    return outputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atlas", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="regenerate every generated file under docs/ and data/")
    gen.add_argument("--check", action="store_true",
                     help="write nothing; list stale files and exit 1 if any")
    gen.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    gen.add_argument("--no-progress", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)

    try:
        the_plan = write.plan(ROOT, collect_outputs(args))
    except (AtlasError, ExperimentError) as e:
        print(f"atlas: error: {e}", file=sys.stderr)
        return 2

    if args.check:
        if the_plan.stale:
            print("atlas: generated files are stale:", file=sys.stderr)
            for row in the_plan.stale:
                print(f"  {row}", file=sys.stderr)
            print(f"fix: {write.FIX_COMMAND}", file=sys.stderr)
            return 1
        print("atlas: all generated files are fresh")
        return 0

    touched = write.apply(ROOT, the_plan)
    print(f"atlas: {len(touched)} file(s) written or removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
