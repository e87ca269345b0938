"""Time the experiment grid: cold (every cell trained, on worker processes) and warm (cached).

    python -m atlas.experiment.benchmark [--jobs N] [--warm-only]

Warm runs in a fresh interpreter, as ``make generate`` would, and reports whether it
imported TensorFlow (it must not). Cold ignores the cache and writes nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
WARM = """
import sys, time
t = time.perf_counter()
from pathlib import Path
from atlas.experiment import cache, grid, stage
if cache.cached(Path({root!r}), grid.DEFAULT) is None:
    sys.exit("the committed record is stale: run make generate first")
stage.outputs(Path({root!r}))
print(f"{{time.perf_counter() - t:.2f}} {{'tensorflow' in sys.modules}}")
"""


def warm() -> tuple[float, bool]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    done = subprocess.run([sys.executable, "-c", WARM.format(root=str(ROOT))], env=env, check=True,
                          capture_output=True, text=True)
    seconds, imported = done.stdout.split()
    return float(seconds), imported == "True"


def cold(jobs: int | None) -> tuple[float, bool]:
    """Seconds for the whole grid, and whether it reproduced the committed record byte for byte."""
    from atlas.experiment import grid, records, run, stage

    start = time.perf_counter()
    outputs = stage.render_all(run.run_grid(grid.DEFAULT, jobs=jobs, progress=True))
    seconds = time.perf_counter() - start
    committed = ROOT / records.path()
    same = committed.exists() and committed.read_bytes() == outputs[0].content
    return seconds, same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atlas.experiment.benchmark", description=__doc__)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--warm-only", action="store_true")
    args = parser.parse_args(argv)
    print(f"cores: {os.cpu_count()}, load average (1 min): {os.getloadavg()[0]:.2f}")
    seconds, imported = warm()
    print(f"warm grid (cached, fresh interpreter): {seconds:.2f} s, tensorflow imported: {imported}")
    if not args.warm_only:
        seconds, same = cold(args.jobs)
        print(f"cold grid (train every cell, then render): {seconds:.1f} s, "
              f"identical to the committed record: {same}")
    print(f"load average (1 min): {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
