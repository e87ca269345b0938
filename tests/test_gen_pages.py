"""Renderer goldens from hand-made records (tests/gen_fixtures.py): exact bytes, no Keras.

Regenerate after an intended change with ATLAS_UPDATE_GOLDENS=1 and review the diff.
"""

import os
from pathlib import Path

import pytest
from gen_fixtures import ATLAS

from atlas import pages
from atlas.strings import LANGUAGES

GOLDENS = Path(__file__).parent / "goldens" / "gen"
OUTPUTS = {str(o.path): o.content for o in pages.outputs(ATLAS)}


def test_outputs_are_the_expected_files():
    snippets = ["gotchas.md", "seed-summary-base-max.md", "seed-summary-head.md",
                "seed-summary-top.md", "seed-training.md"]
    expected = [f"docs/{lang}/atlas/{name}" for lang in LANGUAGES
                for name in ("index.md", "tinynet.md", "vgg16.md")]
    expected += [f"data/snippets/{lang}/{name}" for lang in LANGUAGES for name in snippets]
    assert sorted(OUTPUTS) == sorted(expected)


@pytest.mark.parametrize("path", sorted(OUTPUTS))
def test_golden(path):
    golden = GOLDENS / path.replace("/", "__")
    if os.environ.get("ATLAS_UPDATE_GOLDENS"):
        golden.write_bytes(OUTPUTS[path])
    assert OUTPUTS[path] == golden.read_bytes(), f"{path} differs from {golden}"


def test_every_file_starts_with_the_banner_and_states_versions():
    for path, content in OUTPUTS.items():
        text = content.decode()
        assert text.startswith("<!-- ") and "make generate" in text.splitlines()[0], path
        assert "9.9.9" in text and ("8.8.8" in text or path.endswith("index.md")), path


def test_tail_leaves_out_rows_equal_to_the_base():
    seed = ATLAS.model("VGG16")
    same, rows = pages.tail_rows(seed.variant("seed_head"), seed.variant("base"))
    assert same == 3 and [r.name for r in rows] == ["global_max_pooling2d", "fully", "softmax"]
    same, rows = pages.tail_rows(seed.variant("seed_head_frozen"), seed.variant("base"))
    assert same == 0 and len(rows) == 6


def test_numbers_have_thousands_separators_and_messages_stay_verbatim():
    gotchas = OUTPUTS["data/snippets/en/gotchas.md"].decode()
    assert "Input size must be at least 32x32; Received: `a&#124;b`" in gotchas
    assert "No exception. The model is identical to the one `keras.applications.TinyNet()` builds" in gotchas


def test_long_tables_collapse():
    rows = [pages.LayerRow(f"l{i}", "Dense", (None, 1), 1000, True) for i in range(31)]
    text = pages.collapsed("en", pages.layer_table("en", rows), len(rows))
    assert text.startswith('??? note "Show the layer table (31 layers)"')
    assert "    | `l30` | Dense | `(None, 1)` | 1,000 | yes |" in text
