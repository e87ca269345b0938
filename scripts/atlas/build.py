"""Spec -> Keras model -> record. The only module that imports Keras.

Weights are never downloaded: every build uses ``weights=None`` (gotcha calls that name
``'imagenet'`` run with downloads turned into an exception). Builds run inside
``keras.StatelessScope(initialize_variables=False)``, which defers weight creation and
never initialises it: nothing is allocated, and parameter counts stay exact.
"""

from __future__ import annotations

import contextlib
import os
import re
import warnings
from dataclasses import replace

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import keras  # noqa: E402

from keras.src.utils import file_utils  # noqa: E402  (guarded so no call can download)

from atlas.catalogue import (  # noqa: E402
    STANDARD_VARIANTS, GotchaSpec, ModelSpec, Pooling, Trainable, VariantSpec,
)
from atlas.errors import AtlasError  # noqa: E402
from atlas.records import (  # noqa: E402
    SCHEMA, FeatureMap, GotchaRecord, LayerRow, Removal, Totals, VariantRecord, Versions,
)

TOP, BASE, BASE_AVG, BASE_MAX = STANDARD_VARIANTS


def clear() -> None:
    """Reset Keras' global state (layer-name counters, graph) before every build.

    ``free_memory=False`` skips the full ``gc.collect()`` pass, a third of a build's time;
    nothing is allocated under ``stateless()`` anyway, and the names are reset either way.
    """
    keras.backend.clear_session(free_memory=False)


def stateless():
    """Defer weight creation and never initialise it: shapes (so counts) only, no memory."""
    return keras.StatelessScope(initialize_variables=False)


def constructor(name: str):
    ctor = getattr(keras.applications, name, None)
    if ctor is None or name.startswith("_") or not callable(ctor):
        raise AtlasError(
            f"unknown model {name!r}: keras.applications {keras.__version__} has no such "
            "constructor; fix or remove it in scripts/atlas/catalogue.py")
    return ctor


def versions() -> Versions:
    import tensorflow as tf

    return Versions(keras=keras.__version__, tensorflow=tf.__version__)


def input_size(spec: ModelSpec, variant: VariantSpec) -> int:
    return variant.input_size or spec.default_size


def constructor_kwargs(spec: ModelSpec, variant: VariantSpec) -> dict:
    size = input_size(spec, variant)
    kwargs: dict = {"weights": None, "include_top": variant.include_top}
    if not variant.include_top and variant.pooling is not Pooling.NONE:
        kwargs["pooling"] = variant.pooling.keras_value
    kwargs["input_shape"] = (size, size, 3)
    return kwargs


def variant_code(spec: ModelSpec, variant: VariantSpec) -> str:
    """The Python a reader would write to build this variant."""
    args = ", ".join(f"{k}={v!r}" for k, v in constructor_kwargs(spec, variant).items())
    lines = ["import keras", "", f"base = keras.applications.{spec.name}({args})"]
    if variant.head is None:
        lines[-1] = lines[-1].replace("base = ", "model = ")
    else:
        lines.append("x = base.output")
        for step in variant.head.steps:
            dense_args = [str(step.units)]
            if step.activation:
                dense_args.append(f"activation={step.activation!r}")
            if step.name:
                dense_args.append(f"name={step.name!r}")
            lines.append(f"x = keras.layers.Dense({', '.join(dense_args)})(x)")
            if step.batch_norm:
                lines.append("x = keras.layers.BatchNormalization()(x)")
            if step.relu_after:
                lines.append("x = keras.layers.Activation('relu')(x)")
        lines.append("model = keras.Model(base.input, x)")
    if variant.trainable is Trainable.BASE_FROZEN:
        lines.append("base.trainable = False")
    elif variant.trainable is Trainable.LAST_BLOCK:
        lines += ["for layer in base.layers:",
                  f"    layer.trainable = layer.name.startswith({variant.last_block!r})"]
    return "\n".join(lines) + "\n"


def build_model(spec: ModelSpec, variant: VariantSpec) -> keras.Model:
    """Build one variant, exactly as ``variant_code`` says. Call inside a StatelessScope."""
    ctor = constructor(spec.name)
    base = ctor(**constructor_kwargs(spec, variant))
    if variant.head is None:
        model = base
    else:
        x = base.output
        for step in variant.head.steps:
            x = keras.layers.Dense(step.units, activation=step.activation, name=step.name)(x)
            if step.batch_norm:
                x = keras.layers.BatchNormalization()(x)
            if step.relu_after:
                x = keras.layers.Activation("relu")(x)
        model = keras.Model(base.input, x)
    if variant.trainable is Trainable.BASE_FROZEN:
        base.trainable = False
    elif variant.trainable is Trainable.LAST_BLOCK:
        for layer in base.layers:
            layer.trainable = layer.name.startswith(variant.last_block)
    return model


def _shape(shape) -> tuple:
    return tuple(None if d is None else int(d) for d in shape)


def _count(weights) -> int:
    total = 0
    for w in weights:
        n = 1
        for d in w.shape:
            n *= int(d)
        total += n
    return total


def layer_rows(model: keras.Model) -> tuple[LayerRow, ...]:
    return tuple(
        LayerRow(
            name=layer.name,
            type=type(layer).__name__,
            output_shape=_shape(layer.output.shape),
            params=_count(layer.weights),
            trainable=bool(layer.trainable),
        )
        for layer in model.layers
    )


def to_record(spec: ModelSpec, variant: VariantSpec, model: keras.Model,
              the_versions: Versions, feature_maps: tuple[FeatureMap, ...] = (),
              removed: Removal | None = None) -> VariantRecord:
    rows = layer_rows(model)
    trainable = _count(model.trainable_weights)
    non_trainable = _count(model.non_trainable_weights)
    return VariantRecord(
        schema=SCHEMA,
        model=spec.name,
        variant=variant.id,
        code=variant_code(spec, variant),
        include_top=variant.include_top,
        pooling=variant.pooling.value,
        input_shape=_shape(model.input.shape),
        output_shape=_shape(model.output.shape),
        layers=rows,
        totals=Totals(total=trainable + non_trainable, trainable=trainable,
                      non_trainable=non_trainable),
        depth_all=len(rows),
        depth_weighted=sum(1 for r in rows if r.params > 0),
        batch_norm_layers=sum(1 for r in rows if r.type == "BatchNormalization"),
        default_size=spec.default_size,
        min_size=spec.min_size,
        preprocessing=spec.preprocessing.value,
        versions=the_versions,
        feature_maps=feature_maps,
        removed_by_headless=removed,
    )


def sizes(spec: ModelSpec) -> tuple[int, int, int]:
    """The input sizes whose feature maps a base variant records: minimum, default, large."""
    return (spec.min_size, spec.default_size, spec.large_size)


def records_feature_maps(variant: VariantSpec) -> bool:
    return not variant.include_top and variant.head is None and variant.input_size is None


def _square(size: int) -> tuple:
    return (None, size, size, 3)


def _fresh(spec: ModelSpec, variant: VariantSpec) -> keras.Model:
    clear()
    with stateless():
        return build_model(spec, variant)


def removal(top: tuple[LayerRow, ...], base: tuple[LayerRow, ...]) -> Removal:
    """The top's layers that the headless base does not have (and the other way round)."""
    kept, had = {r.name for r in base}, {r.name for r in top}
    gone = [r for r in top if r.name not in kept]
    new = [r for r in base if r.name not in had]
    return Removal(layers=tuple(r.name for r in gone), params=sum(r.params for r in gone),
                   added=tuple(r.name for r in new), added_params=sum(r.params for r in new))


def build_record(spec: ModelSpec, variant: VariantSpec) -> VariantRecord:
    """One variant, built from scratch (no derivation, no cache): the reference path.

    Feature maps come from real builds at each input size; what the top removes comes
    from a real build of the headless base.
    """
    feature_maps: tuple[FeatureMap, ...] = ()
    if records_feature_maps(variant):
        feature_maps = tuple(
            FeatureMap(_square(size), _shape(_fresh(
                spec, _at_size(variant, size)).output.shape))
            for size in sizes(spec))
    removed = None
    if variant.include_top and variant.head is None:
        removed = removal(layer_rows(_fresh(spec, variant)), layer_rows(_fresh(spec, BASE)))
    model = _fresh(spec, variant)
    return to_record(spec, variant, model, versions(), feature_maps, removed)


def _at_size(variant: VariantSpec, size: int) -> VariantSpec:
    return replace(variant, input_size=size)


# --- the fast path: each distinct network built once ------------------------------------

# Keras names its pooling pair either explicitly ("avg_pool"/"max_pool") or not at all.
MAX_POOL_NAME = {"avg_pool": "max_pool"}


def model_records(spec: ModelSpec,
                  variants: tuple[VariantSpec, ...]) -> tuple[VariantRecord, ...]:
    """Every variant of one model, from two default-size networks (top, base with avg pooling).

    ``base`` is the avg network without its pooling layer (whatever Keras puts after the
    pooling, e.g. ConvNeXt's LayerNormalization, is re-applied from its own config);
    ``base_max`` swaps in the GlobalMaxPooling2D Keras itself would add (same name rule).

    Spatial feature maps at the minimum and large sizes come from builds at those sizes
    (output shape only): a functional model pins its input shape, and some graphs depend
    on the size they were built for, so shape inference through another graph is not
    honest. Measured: NASNet's cells compare shapes at build time, and EfficientNet's
    ``correct_pad`` pads by the parity of each stage's size (a ``(None, None, 3)`` build
    infers 16x16 for EfficientNetB2 at 520x520; the real 520 build gives 17x17). Pooled feature maps go
    through the pooling layer's own ``compute_output_shape``. Non-standard variants
    (custom heads) are built by ``build_record``. ``tests/test_gen_keras.py`` proves the
    records byte-identical to ``build_record``'s.
    """
    the_versions = versions()
    wanted = {v.id for v in variants}
    out: dict[str, VariantRecord] = {}

    if wanted & {BASE.id, BASE_AVG.id, BASE_MAX.id}:
        spatial = {size: _shape(_fresh(spec, _at_size(BASE, size)).output.shape)
                   for size in sizes(spec) if size != spec.default_size}
        clear()
        with stateless():
            avg = build_model(spec, BASE_AVG)
            at = max(i for i, layer in enumerate(avg.layers)
                     if isinstance(layer, keras.layers.GlobalAveragePooling2D))
            avg_pool, tail = avg.layers[at], avg.layers[at + 1:]
            max_pool = keras.layers.GlobalMaxPooling2D(name=MAX_POOL_NAME.get(avg_pool.name))
            base = keras.Model(avg.input, _chain(avg_pool.input, tail))
            spatial[spec.default_size] = _shape(base.output.shape)
            networks = {BASE.id: (base, ()),
                        BASE_AVG.id: (avg, (avg_pool, *tail)),
                        BASE_MAX.id: (keras.Model(avg.input,
                                                  _chain(max_pool(avg_pool.input), tail)),
                                      (max_pool, *tail))}
            for variant in (BASE, BASE_AVG, BASE_MAX):
                model, head = networks[variant.id]
                maps = tuple(FeatureMap(_square(size), _infer(head, spatial[size]))
                             for size in sizes(spec))
                out[variant.id] = to_record(spec, variant, model, the_versions, maps)
            base_rows = out[BASE.id].layers
    if TOP.id in wanted:
        if BASE.id not in out:
            base_rows = layer_rows(_fresh(spec, BASE))
        model = _fresh(spec, TOP)
        rows = layer_rows(model)
        out[TOP.id] = to_record(spec, TOP, model, the_versions,
                                removed=removal(rows, base_rows))
    for variant in variants:
        if variant not in STANDARD_VARIANTS:
            out[variant.id] = build_record(spec, variant)
    return tuple(out[v.id] for v in variants)


def _chain(x, layers):
    """Apply fresh copies (same class, same config, same name) of ``layers`` to ``x``."""
    for layer in layers:
        x = type(layer).from_config(layer.get_config())(x)
    return x


def _infer(layers, shape: tuple) -> tuple:
    """Keras' own shape inference through ``layers``."""
    for layer in layers:
        shape = _shape(layer.compute_output_shape(shape))
    return shape


# --- gotchas ----------------------------------------------------------------------------


class WouldDownload(Exception):
    pass


@contextlib.contextmanager
def no_download():
    """Turn any weight download into an exception, so a gotcha can never fetch weights."""
    def refuse(*args, **kwargs):
        raise WouldDownload(kwargs.get("origin") or (args[1] if len(args) > 1 else args))

    original = file_utils.get_file
    file_utils.get_file = refuse
    try:
        yield
    finally:
        file_utils.get_file = original


ADDRESS = re.compile(r" at 0x[0-9a-f]+>")


def stable_message(message: str) -> str:
    """The message verbatim, except memory addresses (``<function relu at 0x7f…>``), which
    change every run: they become ``at 0x…>`` so the record stays deterministic."""
    return ADDRESS.sub(" at 0x…>", message)


def _call(spec: GotchaSpec, kwargs) -> keras.Model:
    ctor = constructor(spec.model)
    clear()
    with stateless(), no_download():
        return ctor(**dict(kwargs))


def gotcha_record(spec: GotchaSpec) -> GotchaRecord:
    """Make the call and record what Keras says (exception and warnings, verbatim), or, if
    it accepts the call, what it built."""
    the_versions = versions()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            model, error = _call(spec, spec.kwargs), None
        except WouldDownload as e:
            model, error = None, e
        except Exception as e:  # noqa: BLE001 -- whatever Keras raises is the fact recorded
            model, error = None, e
    common = dict(schema=SCHEMA, id=spec.id, code=spec.code(), versions=the_versions,
                  warnings=tuple(stable_message(f"{w.category.__name__}: {w.message}")
                                 for w in caught))
    if isinstance(error, WouldDownload):
        return GotchaRecord(raises=None, message=None, observed="reaches_download", **common)
    if error is not None:
        return GotchaRecord(raises=type(error).__name__, message=stable_message(str(error)),
                            observed="raises", **common)
    rows, shape, total = layer_rows(model), _shape(model.output.shape), _count(model.weights)
    observed, baseline_params = "accepted", None
    if spec.baseline is not None:
        plain = _call(spec, spec.baseline)
        same = (layer_rows(plain), _shape(plain.output.shape)) == (rows, shape)
        observed = "same_as_baseline" if same else "differs_from_baseline"
        baseline_params = _count(plain.weights)
    return GotchaRecord(raises=None, message=None, observed=observed,
                        baseline=spec.code(spec.baseline) if spec.baseline else None,
                        output_shape=shape, total_params=total,
                        baseline_params=baseline_params, **common)
