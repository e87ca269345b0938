"""Tutorial notebooks: percent-format sources -> filled, executed, canonical .ipynb files.

``tutorials/<lang>/NN-name.py`` holds ``# %%`` code cells and ``# %% [markdown]`` cells
(jupytext's percent format, read by the small parser below). Markdown cells get their
numbers from records through ``atlas.template`` placeholders. The notebook is executed
with nbclient (kernel ``python3``, ``weights=None``, no network), volatile output is
stripped, and the result is written as canonical JSON with content-derived cell ids.

The committed notebook is its own cache: its metadata holds the hash of everything the
execution depends on (the filled cells, the Keras and TensorFlow versions, this
pipeline's code) and a digest of the notebook itself. When both match, the committed
bytes are reused: a warm run executes nothing and imports no TensorFlow.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath

import yaml

from atlas import records, render_svg, template, write
from atlas.cache import package_version
from atlas.errors import AtlasError
from atlas.strings import LANGUAGES, t

SOURCES = PurePosixPath("tutorials")
SOURCE_NAME = re.compile(r"^\d\d-[a-z0-9-]+\.py$")
CELL_MARKER = re.compile(r"^# %%(?P<rest>.*)$")
KERNEL = "python3"
TIMEOUT_S = 900
EXECUTION_ENV = {
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "TF_ENABLE_ONEDNN_OPTS": "0",
    "CUDA_VISIBLE_DEVICES": "",
    "PYTHONHASHSEED": "0",
    "PYTHONWARNINGS": "ignore",
}
# Output text that changes from run to run, and what replaces it.
VOLATILE: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r" at 0x[0-9a-fA-F]+"), " at 0x…"),
    (re.compile(r"\b\d+(\.\d+)?\s?(ms|s|us|µs)/(step|epoch)\b"), "…/step"),
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Keras' progress bar ("1/1 ━━━━ 0s 5ms/step"): it carries timings.
PROGRESS_BAR = re.compile(r"^\s*\d+/(\d+|Unknown)\s+━")
OVERWRITE = re.compile(r"[\r\b]+")  # a terminal redraws the line after \r or backspaces
# Log lines TensorFlow writes to the notebook's stdout (retracing warnings count calls).
LOG_LINE = re.compile(r"^(WARNING|INFO|ERROR):(tensorflow|absl):|^[IWE]\d{4} \d\d:")
NOTEBOOK_METADATA = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": KERNEL},
    "language_info": {"name": "python"},
}
# The files whose code decides what an executed notebook looks like.
PIPELINE_FILES = ("notebooks.py", "template.py")


class NotebookError(AtlasError):
    pass


@dataclass(frozen=True)
class Cell:
    kind: str  # "code" | "markdown"
    source: str
    line: int  # line of the first source line in the .py file


@dataclass(frozen=True)
class Source:
    lang: str
    path: PurePosixPath  # tutorials/<lang>/NN-name.py
    text: str

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def target(self) -> PurePosixPath:
        return PurePosixPath("docs") / self.lang / "tutorials" / f"{self.stem}.ipynb"


# --- parsing --------------------------------------------------------------------------


def _cell(kind: str, lines: list[tuple[int, str]], path: PurePosixPath) -> Cell | None:
    if kind == "markdown":
        body = []
        for number, line in lines:
            if line != "#" and not line.startswith("# ") and line.strip():
                raise NotebookError(f"{path}:{number}: a markdown cell line must start with '# ' "
                                    f"(found {line[:40]!r})")
            body.append((number, line[2:] if line.startswith("# ") else ""))
        lines = body
    while lines and not lines[0][1].strip():
        lines = lines[1:]
    while lines and not lines[-1][1].strip():
        lines = lines[:-1]
    if not lines:
        return None
    return Cell(kind, "\n".join(text.rstrip() for _, text in lines), lines[0][0])


CELL_KINDS = {"": "code", " [markdown]": "markdown"}


def parse(path: PurePosixPath, text: str) -> tuple[Cell, ...]:
    """Percent format: every cell starts with ``# %%`` or ``# %% [markdown]``."""
    cells: list[Cell] = []
    kind: str | None = None
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        marker = CELL_MARKER.match(line)
        if marker:
            rest = marker["rest"].rstrip()
            if rest not in CELL_KINDS:
                raise NotebookError(f"{path}:{number}: unknown cell marker {line!r}; "
                                    "use '# %%' or '# %% [markdown]'")
            if kind is not None and (cell := _cell(kind, lines, path)):
                cells.append(cell)
            kind, lines = CELL_KINDS[rest], []
        elif kind is None:
            if line.strip():
                raise NotebookError(f"{path}:{number}: text before the first '# %%' cell marker")
        else:
            lines.append((number, line))
    if kind is not None and (cell := _cell(kind, lines, path)):
        cells.append(cell)
    if not cells:
        raise NotebookError(f"{path}: no cells; start cells with '# %%' or '# %% [markdown]'")
    return tuple(cells)


# --- the notebook as data ---------------------------------------------------------------


def repo_url(mkdocs_yml: str) -> str:
    """``repo_url`` from mkdocs.yml (its ``!!python`` tags are not needed and not run)."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    url = (yaml.load(mkdocs_yml, Loader=loader) or {}).get("repo_url")
    if not url or not url.startswith("https://github.com/"):
        raise NotebookError("mkdocs.yml: repo_url must be a https://github.com/<owner>/<repo> URL "
                            "(it builds the 'Open in Colab' links)")
    return url.rstrip("/")


def links_cell(source: Source, url: str) -> str:
    github_path = url.removeprefix("https://github.com/")
    colab = (f"https://colab.research.google.com/github/{github_path}/blob/main/"
             f"{source.target}")
    return t(source.lang, "tut.links", download=source.target.name, colab=colab)


def cell_id(index: int, kind: str, text: str) -> str:
    return f"{index:02d}-{kind[:2]}-{hashlib.sha256(text.encode()).hexdigest()[:8]}"


FIGURE = re.compile(r"^\{\{ figure: (?P<name>[a-z0-9-]+) \}\}$", re.M)


def with_figures(text: str, source: Source, first_line: int) -> str:
    """Replace each ``{{ figure: NAME }}`` line with the diagram NAME (light and dark),
    drawn from the records by the diagram stage, with alt text in the page's language."""
    page = source.target.relative_to(PurePosixPath("docs") / source.lang).as_posix()

    def figure(m: re.Match) -> str:
        try:
            return render_svg.variant_figure_markdown(source.lang, m["name"], page).rstrip("\n")
        except render_svg.UnknownDiagramError as e:
            line = first_line + text.count("\n", 0, m.start())
            raise NotebookError(f"{source.path}:{line}: {e}") from None

    return FIGURE.sub(figure, text)


def unexecuted(source: Source, cells: tuple[Cell, ...], lookup: template.Lookup,
               url: str) -> dict:
    """The notebook before execution: the links cell, then the source's cells, filled."""
    items = [("markdown", links_cell(source, url))]
    for cell in cells:
        text = (template.fill(with_figures(cell.source, source, cell.line), lookup,
                              str(source.path), cell.line).text
                if cell.kind == "markdown" else cell.source)
        items.append((cell.kind, text))
    nb_cells = []
    for index, (kind, text) in enumerate(items):
        cell = {"cell_type": kind, "id": cell_id(index, kind, text), "metadata": {},
                "source": text}
        if kind == "code":
            cell |= {"execution_count": None, "outputs": []}
        nb_cells.append(cell)
    return {"cells": nb_cells, "metadata": dict(NOTEBOOK_METADATA), "nbformat": 4,
            "nbformat_minor": 5}


def canonical(nb: dict) -> bytes:
    return (json.dumps(nb, sort_keys=True, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _clean_text(text: str) -> str:
    text = ANSI.sub("", text)
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def _clean_stream(text: str) -> str:
    """Stream text as a terminal would show it, without progress bars (they carry timings)."""
    lines = [OVERWRITE.split(line)[-1] for line in ANSI.sub("", text).split("\n")]
    return _clean_text("\n".join(line for line in lines
                                 if not PROGRESS_BAR.match(line) and not LOG_LINE.match(line)))


def _joined(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "".join(value)


def _clean_output(output: dict) -> dict | None:
    kind = output["output_type"]
    if kind == "stream":
        text = _clean_stream(output["text"])
        return {"name": "stdout", "output_type": "stream", "text": text} if text else None
    if kind in ("execute_result", "display_data"):
        data = {mime: _clean_text(_joined(value)) if mime.startswith("text/") else value
                for mime, value in output["data"].items()}
        cleaned = {"data": data, "metadata": {}, "output_type": kind}
        if kind == "execute_result":
            cleaned["execution_count"] = output["execution_count"]
        return cleaned
    return dict(output)


def _merge_stdout(outputs: list[dict]) -> list[dict]:
    """stderr dropped; consecutive stdout chunks joined, so a line split across chunks is whole."""
    merged: list[dict] = []
    for output in outputs:
        if output["output_type"] == "stream":
            if output["name"] == "stderr":
                continue
            text = _joined(output["text"])
            if merged and merged[-1]["output_type"] == "stream":
                merged[-1] = merged[-1] | {"text": merged[-1]["text"] + text}
                continue
            output = {"name": "stdout", "output_type": "stream", "text": text}
        merged.append(output)
    return merged


def clean_outputs(outputs: list[dict]) -> list[dict]:
    return _merge_stdout([o for o in map(_clean_output, _merge_stdout(outputs)) if o is not None])


def stripped(executed: dict, template_nb: dict) -> dict:
    """The executed notebook with only stable content: outputs cleaned, metadata fixed."""
    cells = []
    for cell, original in zip(executed["cells"], template_nb["cells"], strict=True):
        clean = dict(original)
        if cell["cell_type"] == "code":
            clean |= {"execution_count": cell.get("execution_count"),
                      "outputs": clean_outputs(cell.get("outputs", []))}
        cells.append(clean)
    return template_nb | {"cells": cells}


# --- cache -------------------------------------------------------------------------------


def _version(*names: str) -> str:
    return package_version(*names) or "absent"


@cache
def pipeline_hash() -> str:
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in PIPELINE_FILES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def cache_key(template_nb: dict) -> str:
    parts = {
        "notebook": canonical(template_nb).decode("utf-8"),
        "keras": _version("keras"),
        "tensorflow": _version("tensorflow-cpu", "tensorflow"),
        "nbclient": _version("nbclient"),
        "ipykernel": _version("ipykernel"),
        "python": ".".join(map(str, sys.version_info[:2])),
        "pipeline": pipeline_hash(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def sealed(nb: dict, key: str) -> bytes:
    """Canonical bytes with the cache key and a digest of the notebook in its metadata."""
    unsealed = nb | {"metadata": nb["metadata"] | {"atlas": {"key": key, "digest": ""}}}
    digest = hashlib.sha256(canonical(unsealed)).hexdigest()
    return canonical(nb | {"metadata": nb["metadata"] | {"atlas": {"key": key, "digest": digest}}})


def reusable(committed: bytes | None, key: str) -> bool:
    """True when the committed notebook was sealed by this pipeline for these inputs
    and has not been edited since (its digest still matches its content)."""
    if committed is None:
        return False
    try:
        nb = json.loads(committed)
        if nb["metadata"]["atlas"]["key"] != key:
            return False
    except (ValueError, KeyError, TypeError):
        return False
    return sealed(nb, key) == committed


# --- execution ---------------------------------------------------------------------------


def execute(nb: dict, label: str) -> dict:
    """Run every code cell in a fresh ``python3`` kernel; return the executed notebook."""
    import nbclient
    import nbformat
    from nbclient.exceptions import CellExecutionError

    node = nbformat.from_dict(json.loads(canonical(nb)))
    env = os.environ | EXECUTION_ENV
    with tempfile.TemporaryDirectory(prefix="atlas-nb-") as cwd:
        env["KERAS_HOME"] = cwd
        client = nbclient.NotebookClient(
            node, kernel_name=KERNEL, timeout=TIMEOUT_S, allow_errors=False,
            record_timing=False, resources={"metadata": {"path": cwd}},
        )
        try:
            client.execute(env=env, cwd=cwd, stderr=subprocess.DEVNULL)
        except CellExecutionError as e:
            first = str(e).strip().splitlines()[-1] if str(e).strip() else type(e).__name__
            raise NotebookError(f"{label}: a code cell failed: {first}") from None
    return json.loads(nbformat.writes(node))


# --- the stage ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Built:
    source: Source
    output: write.Output
    executed: bool


def record_lookup(root: Path) -> template.Lookup:
    @cache
    def lookup(model: str, variant: str) -> records.VariantRecord:
        path = root / records.variant_path(model, variant)
        if not path.is_file():
            raise template.LookupFailed(f"no file {records.variant_path(model, variant)}")
        return records.load_variant(root, model, variant)
    return lookup


def sources(root: Path) -> list[Source]:
    found = []
    for lang in LANGUAGES:
        folder = root / SOURCES / lang
        for path in sorted(folder.glob("*.py")) if folder.is_dir() else []:
            rel = PurePosixPath(path.relative_to(root).as_posix())
            if not SOURCE_NAME.match(path.name):
                raise NotebookError(f"{rel}: tutorial sources are named NN-name.py "
                                    "(two digits, lowercase words joined by '-')")
            found.append(Source(lang, rel, path.read_text("utf-8")))
    return found


def build(root: Path, source: Source, url: str, lookup: template.Lookup,
          force: bool = False, run: Callable[[dict, str], dict] = execute) -> Built:
    nb = unexecuted(source, parse(source.path, source.text), lookup, url)
    key = cache_key(nb)
    committed = write.read_current(root, source.target)
    if not force and reusable(committed, key):
        return Built(source, write.Output(source.target, committed), executed=False)
    result = stripped(run(nb, str(source.path)), nb)
    return Built(source, write.Output(source.target, sealed(result, key)), executed=True)


def checked(lookup: template.Lookup) -> template.Lookup:
    """Turn a missing record (KeyError) into the template's own error."""
    def wrapped(model: str, variant: str) -> object:
        try:
            return lookup(model, variant)
        except KeyError as e:
            raise template.LookupFailed(str(e.args[0])) from None
    return wrapped


def build_all(root: Path, jobs: int | None = None, force: bool = False,
              progress: bool = False, lookup: template.Lookup | None = None) -> list[Built]:
    url = repo_url((root / "mkdocs.yml").read_text("utf-8"))
    lookup = checked(lookup) if lookup else record_lookup(root)
    found = sources(root)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(found) or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(build, root, s, url, lookup, force) for s in found]
        built = []
        for future in futures:
            built.append(future.result())
            if progress and built[-1].executed:
                print(f"atlas: executed {built[-1].source.path}", file=sys.stderr)
    return built


def outputs(root: Path, jobs: int | None = None, progress: bool = False,
            lookup: template.Lookup | None = None) -> list[write.Output]:
    return [b.output for b in build_all(root, jobs=jobs, progress=progress, lookup=lookup)]
