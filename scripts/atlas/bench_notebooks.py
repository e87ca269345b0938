"""Benchmark: executing every tutorial notebook cold, and the warm (cached) run.

    PYTHONPATH=scripts python -m atlas.bench_notebooks [--jobs N]

Cold re-executes all notebooks (the cache is bypassed, nothing is written); warm runs
the notebook stage in a fresh interpreter against the committed notebooks, as
``make generate`` does when nothing changed. Prints seconds; asserts nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from atlas import notebooks

ROOT = Path(__file__).resolve().parents[2]
WARM = ("import sys, time; t = time.perf_counter(); from pathlib import Path; "
        "from atlas import notebooks; b = notebooks.build_all(Path(sys.argv[1])); "
        "print(time.perf_counter() - t, sum(x.executed for x in b), "
        "'tensorflow' in sys.modules)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()

    start = time.perf_counter()
    built = notebooks.build_all(ROOT, jobs=args.jobs, force=True)
    cold = time.perf_counter() - start
    same = sum(1 for b in built if (ROOT / b.output.path).read_bytes() == b.output.content)

    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", WARM, str(ROOT)], capture_output=True,
                            text=True, check=True, env={"PYTHONPATH": str(ROOT / "scripts")})
    warm_total = time.perf_counter() - start
    warm_stage, executed, tf_imported = result.stdout.split()

    print(f"notebooks: {len(built)}")
    print(f"cold (execute all, jobs={args.jobs or 'cores'}): {cold:.1f} s; "
          f"identical to committed: {same}/{len(built)}")
    print(f"warm stage: {float(warm_stage):.2f} s; process incl. interpreter start: "
          f"{warm_total:.2f} s; executed: {executed}; tensorflow imported: {tf_imported}")


if __name__ == "__main__":
    main()
