"""Benchmark: how long rendering every diagram takes (all models, both languages, both schemes).

``python -m atlas.bench_svg [ROOT]`` reads records under ROOT (default: the repository) and prints
seconds; it writes nothing. Timings are wall-clock and noisy on a shared machine: take the best of
several runs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from atlas import records, render_svg

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else ROOT
    cache: dict[tuple[str, str], records.VariantRecord] = {}

    def load(model: str, variant: str) -> records.VariantRecord:
        if (model, variant) not in cache:
            cache[model, variant] = records.load_variant(root, model, variant)
        return cache[model, variant]

    start = time.perf_counter()
    outputs = render_svg.diagram_outputs(load)
    cold = time.perf_counter() - start
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        render_svg.diagram_outputs(load)
        runs.append(time.perf_counter() - start)
    sizes = sorted(len(o.content) for o in outputs)
    print(f"diagrams: {len(outputs)} files, {sum(sizes) / 1e6:.2f} MB, "
          f"largest {sizes[-1] / 1e3:.1f} KB, median {sizes[len(sizes) // 2] / 1e3:.1f} KB")
    print(f"render + load records (first run): {cold:.2f} s")
    print(f"render only (records cached), best of 3: {min(runs):.2f} s "
          f"({min(runs) / len(outputs) * 1e3:.1f} ms per file)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
