"""Spec -> Keras model -> record. The only module that imports Keras.

Weights are never downloaded: every build uses ``weights=None``. Builds run inside
``keras.StatelessScope()``, which defers weight initialisation: nothing is
allocated, and parameter counts stay exact.
"""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import keras  # noqa: E402

from atlas.catalogue import ModelSpec, Pooling, Trainable, VariantSpec  # noqa: E402
from atlas.records import (  # noqa: E402
    SCHEMA, FeatureMap, LayerRow, Removal, Totals, VariantRecord, Versions,
)


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
    ctor = getattr(keras.applications, spec.name)
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


def build_record(spec: ModelSpec, variant: VariantSpec) -> VariantRecord:
    """One variant, built from scratch (no derivation, no cache): the reference path."""
    keras.backend.clear_session()
    with keras.StatelessScope():
        model = build_model(spec, variant)
        return to_record(spec, variant, model, versions())
