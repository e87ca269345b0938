"""The notebook pipeline: parsing, canonical output, the cache, and real execution.

The tests marked ``keras`` start Jupyter kernels that import TensorFlow.
"""

import json
import re
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest

from atlas import notebooks, write
from atlas.errors import AtlasError

ROOT = Path(__file__).resolve().parents[1]
P = PurePosixPath("tutorials/ko/01-x.py")


def test_parse_cells_kinds_and_lines():
    text = ("# %% [markdown]\n# # Title\n#\n# text\n\n# %%\nimport keras\n\n\nx = 1\n\n"
            "# %% [markdown]\n# end\n")
    cells = notebooks.parse(P, text)
    assert cells == (
        notebooks.Cell("markdown", "# Title\n\ntext", 2),
        notebooks.Cell("code", "import keras\n\n\nx = 1", 7),
        notebooks.Cell("markdown", "end", 13),
    )


@pytest.mark.parametrize("text, message", [
    ("import keras\n# %%\n", "tutorials/ko/01-x.py:1: text before the first '# %%' cell marker"),
    ("# %% [markdown]\n# ok\nnot a comment\n",
     "tutorials/ko/01-x.py:3: a markdown cell line must start with '# ' (found 'not a comment')"),
    ("# %% [md]\n# ok\n",
     "tutorials/ko/01-x.py:1: unknown cell marker '# %% [md]'; use '# %%' or '# %% [markdown]'"),
    ("\n\n", "tutorials/ko/01-x.py: no cells; start cells with '# %%' or '# %% [markdown]'"),
])
def test_parse_errors(text, message):
    with pytest.raises(AtlasError) as err:
        notebooks.parse(P, text)
    assert str(err.value) == message


def test_colab_link_comes_from_repo_url():
    url = notebooks.repo_url((ROOT / "mkdocs.yml").read_text("utf-8"))
    assert url == "https://github.com/include-top-atlas/include-top-atlas"
    source = notebooks.Source("en", PurePosixPath("tutorials/en/02-pooling.py"), "")
    cell = notebooks.links_cell(source, url)
    assert "(02-pooling.ipynb)" in cell
    assert ("(https://colab.research.google.com/github/include-top-atlas/include-top-atlas/"
            "blob/main/docs/en/tutorials/02-pooling.ipynb)") in cell


def test_repo_url_must_be_github():
    with pytest.raises(AtlasError, match="repo_url must be"):
        notebooks.repo_url("site_name: x\nrepo_url: https://gitlab.com/a/b\n")


def test_volatile_output_is_stripped():
    raw = [
        {"output_type": "stream", "name": "stderr", "text": "I0000 oneDNN custom operations\n"},
        {"output_type": "stream", "name": "stdout", "text": ["<Dense at 0x7f3a2c1d9e50>\n",
                                                             "WARNING:tensorflow:5 out of the last 5 calls\n"]},
        {"output_type": "stream", "name": "stdout",
         "text": ["Epoch 1/2\n", "\r", "\x1b[1m1/1\x1b[0m \x1b[32m━━━━\x1b[0m 0s 5ms/step",
                  "\b\b\b\r", "\x1b[1m1/1\x1b[0m \x1b[32m━━━━\x1b[0m 1s 9ms/step - loss: 1.0\n"]},
        {"output_type": "execute_result", "execution_count": 4, "metadata": {"x": 1},
         "data": {"text/plain": "\x1b[1m42\x1b[0m", "image/png": "AAAA"}},
    ]
    cleaned = notebooks.clean_outputs(raw)
    assert cleaned == [
        {"output_type": "stream", "name": "stdout",
         "text": "<Dense at 0x…>\nEpoch 1/2\n"},
        {"output_type": "execute_result", "execution_count": 4, "metadata": {},
         "data": {"text/plain": "42", "image/png": "AAAA"}},
    ]


def _tiny_source(lang="en"):
    return notebooks.Source(lang, PurePosixPath(f"tutorials/{lang}/01-tiny.py"),
                            "# %% [markdown]\n# # Tiny\n\n# %%\nprint(6 * 7)\n")


def _fake_run(nb, label):
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["execution_count"] = 1
            cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "42\n"}]
    return nb


def _lookup(model, variant):
    raise AssertionError("no record is read")


def test_committed_notebook_is_the_cache_and_a_hand_edit_invalidates_it(tmp_path):
    source = _tiny_source()
    url = "https://github.com/o/r"
    first = notebooks.build(tmp_path, source, url, _lookup, run=_fake_run)
    assert first.executed
    nb = json.loads(first.output.content)
    assert [c["id"] for c in nb["cells"]] == [
        notebooks.cell_id(i, c["cell_type"], c["source"]) for i, c in enumerate(nb["cells"])]
    assert first.output.content.endswith(b"}\n")
    write.apply(tmp_path, write.plan(tmp_path, [first.output]))

    def must_not_run(nb, label):
        raise AssertionError("a warm build executed a notebook")

    warm = notebooks.build(tmp_path, source, url, _lookup, run=must_not_run)
    assert not warm.executed and warm.output.content == first.output.content

    target = tmp_path / source.target
    target.write_bytes(first.output.content.replace(b'"42\\n"', b'"43\\n"'))
    edited = notebooks.build(tmp_path, source, url, _lookup, run=_fake_run)
    assert edited.executed and edited.output.content == first.output.content

    changed = notebooks.Source("en", source.path, source.text.replace("6 * 7", "7 * 6"))
    assert notebooks.build(tmp_path, changed, url, _lookup, run=_fake_run).executed


def test_warm_run_executes_nothing_and_imports_no_tensorflow():
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from atlas import tutorials, notebooks\n"
        f"built = notebooks.build_all(Path({str(ROOT)!r}))\n"
        "assert built and not any(b.executed for b in built), [str(b.source.path) for b in built if b.executed]\n"
        "tutorials.outputs(Path(%r))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('tensorflow', 'keras', 'nbclient'))\n"
        "assert not bad, bad[:5]\n" % str(ROOT)
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.keras
def test_executing_a_small_notebook_twice_gives_identical_bytes(tmp_path):
    source = notebooks.Source("en", PurePosixPath("tutorials/en/01-small.py"), (
        "# %% [markdown]\n# # Small\n\n"
        "# %%\nimport keras\nimport numpy as np\n"
        "model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3), keras.layers.BatchNormalization()])\n"
        "model.summary()\nprint(object())\n\n"
        "# %%\nkeras.utils.set_random_seed(0)\nmodel.compile(optimizer='sgd', loss='mse')\n"
        "model.fit(np.ones((8, 4)), np.zeros((8, 3)), epochs=2, verbose=1)\nprint(model.layers[0].name)\n"
    ))
    url = "https://github.com/o/r"
    first = notebooks.build(tmp_path, source, url, _lookup, force=True)
    second = notebooks.build(tmp_path, source, url, _lookup, force=True)
    assert first.executed and second.executed
    assert first.output.content == second.output.content
    text = first.output.content.decode()
    assert "Total params" in text and "dense" in text
    assert " at 0x…" in text and not re.search(r"0x[0-9a-f]{4}", text)
    fit_output = json.loads(text)["cells"][-1]["outputs"]
    assert fit_output == [{"name": "stdout", "output_type": "stream",
                           "text": "Epoch 1/2\nEpoch 2/2\ndense\n"}]


@pytest.mark.keras
def test_every_notebook_executes_offline_and_matches_what_is_committed():
    built = notebooks.build_all(ROOT, force=True)
    assert len(built) == 8
    stale = [str(b.output.path) for b in built
             if write.read_current(ROOT, b.output.path) != b.output.content]
    assert not stale, f"re-executed notebooks differ from the committed ones: {stale}"
