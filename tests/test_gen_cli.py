"""The command line on a copy of the repository: no-op, check mode, bad input."""

import importlib.metadata
import os
import subprocess
import sys
from dataclasses import replace

import pytest
from gen_fixtures import repo_copy  # noqa: F401  (fixture)

import atlas.__main__ as cli
from atlas.catalogue import Catalogue, Pooling, VariantSpec, model

NO_OP = """
import sys
from atlas.__main__ import main
rc = main(["generate", "--no-progress"])
print("imported:", "tensorflow" in sys.modules, "keras" in sys.modules)
sys.exit(rc)
"""


def run(root, *args, code=None):
    env = dict(os.environ, PYTHONPATH=str(root / "scripts"))
    cmd = [sys.executable, "-c", code] if code else [sys.executable, "-m", "atlas", *args]
    return subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=120)


def snapshot(root):
    return {p.relative_to(root): p.read_bytes()
            for d in ("data", "docs") for p in sorted((root / d).rglob("*")) if p.is_file()}


def test_no_op_writes_nothing_and_never_imports_tensorflow(repo_copy):
    before = snapshot(repo_copy)
    result = run(repo_copy, code=NO_OP)
    assert result.returncode == 0, result.stderr
    assert "atlas: 0 file(s) written or removed" in result.stdout
    assert "imported: False False" in result.stdout
    assert snapshot(repo_copy) == before


def test_check_is_fresh_then_catches_a_hand_edited_page(repo_copy):
    assert run(repo_copy, "generate", "--check").returncode == 0
    page = repo_copy / "docs/en/atlas/vgg16.md"
    page.write_text(page.read_text().replace("138,357,544", "138,357,545"))
    result = run(repo_copy, "generate", "--check")
    assert result.returncode == 1
    assert "docs/en/atlas/vgg16.md (changed)" in result.stderr
    assert "fix: make generate" in result.stderr
    assert "138,357,545" in page.read_text()  # check mode wrote nothing


def main_in(root, monkeypatch, capsys, catalogue=None):
    monkeypatch.setattr(cli, "ROOT", root)
    if catalogue is not None:
        monkeypatch.setattr(cli, "CATALOGUE", catalogue)
    before = snapshot(root)
    rc = cli.main(["generate", "--no-progress", "--jobs", "1"])
    err = capsys.readouterr().err
    assert snapshot(root) == before, "a failing run must write nothing"
    return rc, err


def test_invalid_variant_in_the_catalogue(repo_copy, monkeypatch, capsys):
    bad = VariantSpec("seed_head", include_top=True, pooling=Pooling.MAX)
    catalogue = Catalogue(extra_variants=(("VGG16", (bad,)),))
    rc, err = main_in(repo_copy, monkeypatch, capsys, catalogue)
    assert rc == 2
    assert err == ("atlas: error: variant VGG16/seed_head: pooling='max' with include_top=True "
                   "is silently ignored by Keras; use include_top=False or pooling=none in "
                   "scripts/atlas/catalogue.py\n")


def test_input_below_the_minimum_in_the_catalogue(repo_copy, monkeypatch, capsys):
    small = VariantSpec("tiny", include_top=False, input_size=16)
    rc, err = main_in(repo_copy, monkeypatch, capsys,
                      Catalogue(extra_variants=(("VGG16", (small,)),)))
    assert rc == 2
    assert err == ("atlas: error: variant VGG16/tiny: input_size 16 is below the model's "
                   "minimum 32\n")


def test_keras_missing(repo_copy, monkeypatch, capsys):
    real = importlib.metadata.version

    def version(name):
        if name == "keras":
            raise importlib.metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(importlib.metadata, "version", version)
    rc, err = main_in(repo_copy, monkeypatch, capsys)
    assert rc == 2
    assert err.startswith("atlas: error: keras is not installed in ")
    assert err.count("\n") == 1


@pytest.mark.keras
def test_unknown_model(repo_copy, monkeypatch, capsys):
    ghost = replace(model("VGG16"), name="VGG17")
    rc, err = main_in(repo_copy, monkeypatch, capsys, Catalogue(models=(ghost,)))
    assert rc == 2
    assert err.startswith("atlas: error: unknown model 'VGG17': keras.applications ")
    assert err.count("\n") == 1


@pytest.mark.keras
def test_check_catches_a_hand_edited_record(repo_copy):
    record = repo_copy / "data/records/models/VGG19/base.json"
    record.write_text(record.read_text().replace('"total": 20024384', '"total": 20024385'))
    result = run(repo_copy, "generate", "--check", "--jobs", "1", "--no-progress")
    assert result.returncode == 1, result.stderr
    assert "data/records/models/VGG19/base.json (changed)" in result.stderr
    assert '"total": 20024385' in record.read_text()
