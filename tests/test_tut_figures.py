"""Tutorial diagrams come from the diagram stage: a `{{ figure: NAME }}` line in a source."""

import json
from pathlib import PurePosixPath

import pytest
from tut_text import ROOT

from atlas import notebooks

SOURCE = notebooks.Source("ko", PurePosixPath("tutorials/ko/02-pooling.py"), "")


def test_figure_line_becomes_light_and_dark_images_relative_to_the_served_page():
    text = notebooks.with_figures("앞\n{{ figure: vgg16-pooling }}\n뒤", SOURCE, 1)
    assert text.splitlines() == [
        "앞",
        "![VGG16의 pooling 인자: None, 'avg', 'max']"
        "(../../diagrams/variants/vgg16-pooling.svg#only-light)",
        "![VGG16의 pooling 인자: None, 'avg', 'max']"
        "(../../diagrams/variants/vgg16-pooling-dark.svg#only-dark)",
        "뒤",
    ]


def test_unknown_figure_names_the_source_line():
    with pytest.raises(notebooks.NotebookError, match=r"tutorials/ko/02-pooling.py:12: .*'nope'"):
        notebooks.with_figures("a\n{{ figure: nope }}", SOURCE, 11)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_tutorial_diagram_is_shown_and_exists(lang):
    shown = set()
    for path in sorted((ROOT / "docs" / lang / "tutorials").glob("*.ipynb")):
        for cell in json.loads(path.read_text("utf-8"))["cells"]:
            for line in "".join(cell["source"]).splitlines():
                if "/diagrams/variants/" in line:
                    target = line.split("](", 1)[1].split("#", 1)[0]
                    assert (path.parent / path.stem / target).resolve().is_file(), (path, target)
                    shown.add(target.rsplit("/", 1)[1])
    expected = {f"{n}{s}.svg" for n in ("vgg16-top-vs-base", "vgg16-pooling", "seed-head",
                                        "seed-train-frozen", "seed-train-last-block",
                                        "seed-train-all") for s in ("", "-dark")}
    assert shown == expected
