"""Command line: ``python -m atlas generate [--check]``.

Every stage computes its files in memory; nothing is written until all of them
succeeded, so a failure leaves the tree as it was.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas import generate, pages, render_svg, tutorials, write
from atlas.catalogue import Catalogue
from atlas.errors import AtlasError
from atlas.experiment import stage as experiment

ROOT = Path(__file__).resolve().parents[2]

CATALOGUE = Catalogue()


def diagrams(atlas: generate.Atlas) -> list[write.Output]:
    try:
        return render_svg.diagram_outputs(atlas.record)
    except render_svg.DiagramError as e:
        raise AtlasError(str(e)) from None


# Stages that render the records, by name (their files are cached as one unit).
RENDERS: tuple[tuple[str, generate.Render], ...] = (
    ("pages", pages.outputs),
    ("diagrams", diagrams),
)


def collect_outputs(args: argparse.Namespace) -> list[write.Output]:
    """The whole generated tree, as data, in data-flow order."""
    files, outputs = generate.collect(
        ROOT, CATALOGUE, generate.Options(jobs=args.jobs, progress=not args.no_progress),
        renders=RENDERS)
    # Notebooks read this run's records, not what is on disk.
    outputs += tutorials.outputs(ROOT, jobs=args.jobs, progress=not args.no_progress,
                                 lookup=files.record)
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
    except AtlasError as e:
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
