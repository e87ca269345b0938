"""The few tests that build real Keras models (marked ``keras``).

They prove the fast path equals the reference path byte for byte, that the catalogue
matches what the installed Keras exports and accepts, and that the committed gotcha
records are what Keras says today.
"""

import inspect

import numpy as np
import pytest

from atlas import records
from atlas.catalogue import GOTCHAS, MODELS, Catalogue, Preprocessing, model
from atlas.records import GotchaRecord, gotcha_path

pytestmark = pytest.mark.keras
build = pytest.importorskip("atlas.build")
keras = build.keras
REPO = __import__("pathlib").Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", ["VGG16", "ResNet50", "MobileNetV3Small", "NASNetMobile",
                                  "EfficientNetB0", "ConvNeXtTiny"])
def test_fast_path_is_byte_identical_to_the_reference(name):
    spec = model(name)
    variants = Catalogue().variants_for(spec)
    fast = build.model_records(spec, variants)
    for variant, record in zip(variants, fast):
        assert records.dumps(record) == records.dumps(build.build_record(spec, variant)), variant.id


def test_catalogue_covers_every_constructor_keras_exports():
    exported = {name for name, obj in vars(keras.applications).items()
                if inspect.isfunction(obj) and name[0].isupper()}
    assert exported == {m.name for m in MODELS}


@pytest.mark.parametrize("spec", MODELS, ids=lambda m: m.name)
def test_below_min_size_raises(spec):
    ctor = getattr(keras.applications, spec.name)
    with pytest.raises(ValueError, match=f"at least {spec.min_size}x{spec.min_size}"):
        with build.stateless():
            ctor(weights=None, include_top=False,
                 input_shape=(spec.min_size - 1, spec.min_size - 1, 3))


def test_min_and_default_sizes_were_built():
    """The committed feature maps come from real builds at min, default and large size."""
    for spec in MODELS:
        base = records.load_variant(REPO, spec.name, "base")
        assert [fm.input_shape[1] for fm in base.feature_maps] == [
            spec.min_size, spec.default_size, spec.large_size]


@pytest.mark.parametrize("spec", MODELS, ids=lambda m: m.name)
def test_default_size_is_what_imagenet_weights_demand(spec):
    """Keras names the one input shape ImageNet weights accept with the top, or accepts any."""
    ctor = getattr(keras.applications, spec.name)
    odd = spec.default_size + 1
    with pytest.raises((ValueError, build.WouldDownload)) as caught:
        build.clear()
        with build.stateless(), build.no_download():
            ctor(weights="imagenet", include_top=True, input_shape=(odd, odd, 3))
    if caught.type is ValueError:
        assert f"({spec.default_size}, {spec.default_size}, 3)" in str(caught.value)
        assert spec.top_fixes_size
    else:
        assert not spec.top_fixes_size


PIXEL = np.array([[[[0.0, 127.5, 255.0]]]], dtype="float32")
EXPECTED = {
    Preprocessing.CAFFE: [255.0 - 103.939, 127.5 - 116.779, 0.0 - 123.68],
    Preprocessing.TF: [-1.0, 0.0, 1.0],
    Preprocessing.TORCH: [(0.0 - 0.485) / 0.229, (0.5 - 0.456) / 0.224, (1.0 - 0.406) / 0.225],
    Preprocessing.MODEL: [0.0, 127.5, 255.0],
}


@pytest.mark.parametrize("spec", MODELS, ids=lambda m: m.name)
def test_preprocessing_mode(spec):
    module = getattr(keras.applications, spec.module)
    out = np.asarray(module.preprocess_input(PIXEL.copy())).reshape(-1)
    np.testing.assert_allclose(out, EXPECTED[spec.preprocessing], rtol=1e-5, atol=1e-4)


def test_committed_gotchas_are_what_keras_says_now():
    for spec in GOTCHAS:
        committed = (REPO / gotcha_path(spec.id)).read_text("utf-8")
        assert records.dumps(build.gotcha_record(spec)) == committed, spec.id
    silent = records.loads(GotchaRecord, (REPO / gotcha_path("pooling_ignored_with_top"))
                           .read_text("utf-8"))
    assert silent.observed == "same_as_baseline" and silent.total_params == 138_357_544


def test_two_fast_builds_are_byte_identical():
    spec = model("MobileNetV3Small")
    variants = Catalogue().variants_for(spec)
    first = [records.dumps(r) for r in build.model_records(spec, variants)]
    assert first == [records.dumps(r) for r in build.model_records(spec, variants)]
