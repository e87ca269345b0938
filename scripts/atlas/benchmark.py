"""Benchmark: cold, warm (no-op) and naive regeneration, side by side.

    python -m atlas.benchmark [--jobs N] [--naive-limit N]

cold   every model and gotcha record from an empty cache (and every page and diagram
       re-rendered), in a temporary copy of the repository; the notebooks and the
       experiment keep their own committed caches (see bench_notebooks and
       atlas.experiment.benchmark for theirs)
warm   the same command again: nothing to build, nothing to write
naive  one fresh build per variant, sequentially, in one process (no derivation, no
       cache, no workers). With --naive-limit N only N variants spread over the
       catalogue are built and the time is extrapolated to all of them (labelled so).

Peak RSS is the largest sum of resident memory over the process tree, sampled.
Timings depend on what else runs on the machine; the numbers are printed, not asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COPIED = ("scripts", "data", "docs", "tutorials", "mkdocs.yml")
# What "cold" removes: the model-variant records and the cache that maps them.
REMOVED = ("data/records/models", "data/records/gotchas", "data/records/cache.json")


@dataclass(frozen=True)
class Run:
    label: str
    seconds: float
    peak_rss_mb: float
    note: str = ""


def _tree_rss_kb(root_pid: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        children.setdefault(int(fields.get("PPid", "0").strip()), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def measure(label: str, cmd: list[str], cwd: Path, env: dict[str, str], note: str = "") -> Run:
    peak = 0
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"benchmark: {label} failed ({proc.returncode}):\n{output}")
    return Run(label, seconds, peak / 1024, note or output.strip().splitlines()[-1])


def environment(root: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(root / "scripts"), TF_CPP_MIN_LOG_LEVEL="3",
               TF_ENABLE_ONEDNN_OPTS="0")
    return env


def naive_main(limit: int | None) -> None:
    """Worker mode: build variants one by one and print how many."""
    from atlas import build
    from atlas.catalogue import Catalogue

    pairs = Catalogue().variants()
    chosen = pairs if not limit else pairs[:: max(1, len(pairs) // limit)][:limit]
    for spec, variant in chosen:
        build.clear()
        with build.stateless():
            build.to_record(spec, variant, build.build_model(spec, variant), build.versions())
    print(f"naive: built {len(chosen)} of {len(pairs)} variants")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atlas.benchmark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--naive-limit", type=int, default=None,
                        help="build only N variants naively and extrapolate")
    parser.add_argument("--naive-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.naive_worker:
        naive_main(args.naive_limit)
        return 0

    from atlas.catalogue import Catalogue

    total = len(Catalogue().variants())
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
        copy = Path(tmp)
        for name in COPIED:
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, copy / name)
        for name in REMOVED:
            target = copy / name
            shutil.rmtree(target) if target.is_dir() else target.unlink()
        env = environment(copy)
        generate = [sys.executable, "-m", "atlas", "generate", "--no-progress"]
        if args.jobs:
            generate += ["--jobs", str(args.jobs)]
        cold = measure("cold", generate, copy, env)
        warm = measure("warm", generate, copy, env)
        naive_cmd = [sys.executable, "-m", "atlas.benchmark", "--naive-worker"]
        if args.naive_limit:
            naive_cmd += ["--naive-limit", str(args.naive_limit)]
        naive = measure("naive", naive_cmd, copy, env)
    built = int(naive.note.split()[2]) if naive.note.startswith("naive: built") else total
    if built < total:
        naive = Run(f"naive (extrapolated from {built} of {total} variants)",
                    naive.seconds * total / built, naive.peak_rss_mb, naive.note)

    print(f"{'run':<46} {'seconds':>9} {'x cold':>8} {'peak RSS':>10}")
    for run in (cold, warm, naive):
        print(f"{run.label:<46} {run.seconds:>9.2f} {run.seconds / cold.seconds:>8.2f} "
              f"{run.peak_rss_mb:>7.0f} MB")
    print(f"naive / cold = {naive.seconds / cold.seconds:.1f}x; "
          f"cold / warm = {cold.seconds / warm.seconds:.0f}x; "
          f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
