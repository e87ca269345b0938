"""Keras side of the experiment: the network, the four strategies, and the real-application path.

The only module of ``atlas.experiment`` that imports Keras or TensorFlow.

Strategies (``grid.STRATEGIES``), each with the same number of updates in total:

- ``scratch``    the same architecture, randomly initialised (the ``weights=None`` equivalent),
                 every layer trained for ``head_steps + tune_steps`` steps;
- ``frozen``     feature extraction: the pretrained base is frozen (``base.trainable = False``)
                 and only the new head trains, in two phases;
- ``last_block`` phase 1 as ``frozen``; phase 2 unfreezes the base's last block only;
- ``finetune``   phase 1 as ``frozen``; phase 2 unfreezes everything at a low learning rate.

After every change of ``trainable`` the model is compiled again. BatchNormalization stays in
inference mode whenever a pretrained base trains: the base is called with ``training=False``
*and* its BatchNormalization layers get ``trainable = False``. The second part is needed in
Keras 3, where ``fit`` passes ``training=True`` down through a functional model and overrides
the ``training=False`` recorded at the call (keras-team/keras#20285); a BatchNormalization
layer with ``trainable = False`` runs in inference mode whatever it is called with.

The real path, for readers with a network: :func:`transfer_application` takes any
``keras.applications`` model with ``weights='imagenet'`` and an image folder read with
``keras.utils.image_dataset_from_directory`` (one sub-folder per class) and trains it with the
same phase functions as the grid::

    model = transfer_application(
        "MobileNetV2", "flowers/", strategy="last_block", last_block="block_16",
        image_size=(224, 224), weights="imagenet",
        preprocess=keras.applications.mobilenet_v2.preprocess_input)

The test suite runs it offline only, with ``weights=None`` and a few generated PNGs.
"""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from functools import cache  # noqa: E402

import keras  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

from atlas.experiment import data  # noqa: E402
from atlas.experiment.errors import ExperimentError  # noqa: E402
from atlas.experiment.grid import SIMILARITIES, STRATEGIES, GridSpec  # noqa: E402

Data = data.Arrays | tf.data.Dataset


@cache
def configure(threads: int = 1) -> None:
    """Fixed thread counts and deterministic ops; once per process, before any model is built."""
    try:
        tf.config.threading.set_intra_op_parallelism_threads(threads)
        tf.config.threading.set_inter_op_parallelism_threads(threads)
    except RuntimeError:
        pass  # TensorFlow already initialised in this process: its thread pools are fixed already
    tf.config.experimental.enable_op_determinism()


def derive_seed(*parts: int) -> int:
    return int(np.random.SeedSequence(list(parts)).generate_state(1)[0] % (2**31 - 1))


def start(seed: int) -> None:
    keras.backend.clear_session()
    keras.utils.set_random_seed(seed)


# --- the network ----------------------------------------------------------------------


def build_base(filters: tuple[int, ...], seed: int, input_shape=(data.SIDE, data.SIDE, 1)) -> keras.Model:
    """Convolutional blocks ``block1`` .. ``blockN`` (conv, BatchNormalization, ReLU, pooling but
    the last), flattened. Every initialiser is seeded, so the weights depend on ``seed`` only."""
    inputs = keras.Input(input_shape)
    x = inputs
    for i, width in enumerate(filters, start=1):
        layers = [
            keras.layers.Conv2D(width, 3, padding="same", use_bias=False, name=f"block{i}_conv",
                                kernel_initializer=keras.initializers.HeNormal(derive_seed(seed, i))),
            keras.layers.BatchNormalization(name=f"block{i}_bn"),
            keras.layers.ReLU(name=f"block{i}_relu"),
        ]
        if i < len(filters):
            layers.append(keras.layers.MaxPooling2D(name=f"block{i}_pool"))
        x = keras.Sequential(layers, name=f"block{i}")(x)
    x = keras.layers.Flatten(name="flatten")(x)
    return keras.Model(inputs, x, name="base")


def attach_head(base: keras.Model, classes: int, seed: int, base_training: bool | None) -> keras.Model:
    inputs = keras.Input(base.input_shape[1:])
    features = base(inputs, training=base_training)
    outputs = keras.layers.Dense(classes, activation="softmax", name="head",
                                 kernel_initializer=keras.initializers.GlorotUniform(seed))(features)
    return keras.Model(inputs, outputs, name="transfer")


# --- what each strategy unfreezes -------------------------------------------------------


def _walk(layer: keras.layers.Layer) -> Iterator[keras.layers.Layer]:
    yield layer
    for sub in getattr(layer, "layers", ()):
        yield from _walk(sub)


def _batch_norm_inference(base: keras.Model) -> None:
    for layer in _walk(base):
        if isinstance(layer, keras.layers.BatchNormalization):
            layer.trainable = False


def _freeze_all(base: keras.Model, last_block: str) -> None:
    base.trainable = False


def _unfreeze_last_block(base: keras.Model, last_block: str) -> None:
    names = [layer.name for layer in base.layers]
    first = next((i for i, n in enumerate(names) if n.startswith(last_block)), None)
    if first is None:
        raise ExperimentError(
            f"no layer of {base.name!r} starts with {last_block!r}: pass the name prefix of its last "
            f"block (e.g. 'block5' for VGG16, 'conv5_block3' for ResNet50, 'block_16' for MobileNetV2)")
    base.trainable = True
    for layer in base.layers[:first]:
        layer.trainable = False
    _batch_norm_inference(base)


def _unfreeze_all(base: keras.Model, last_block: str) -> None:
    base.trainable = True
    _batch_norm_inference(base)


# Phase 2 of each transfer strategy: what trains, and at which learning rate (a GridSpec field).
PHASE_TWO: dict[str, tuple[Callable[[keras.Model, str], None], str]] = {
    "frozen": (_freeze_all, "lr_head"),
    "last_block": (_unfreeze_last_block, "lr_tune"),
    "finetune": (_unfreeze_all, "lr_tune"),
}


def check_strategy(strategy: str) -> str:
    if strategy not in STRATEGIES:
        raise ExperimentError(f"unknown strategy {strategy!r}: use one of {', '.join(STRATEGIES)}")
    return strategy


# --- training -----------------------------------------------------------------------------


def fit_steps(model: keras.Model, train: Data, steps: int, batch: int, lr: float, seed: int) -> None:
    """Compile (``trainable`` may have changed) and train exactly ``steps`` updates."""
    model.compile(optimizer=keras.optimizers.Adam(lr), loss="sparse_categorical_crossentropy")
    if isinstance(train, tf.data.Dataset):
        model.fit(train.repeat(), steps_per_epoch=steps, epochs=1, verbose=0)
        return
    batch = min(batch, len(train))
    rng = np.random.RandomState(seed)
    rounds = -(-steps * batch // len(train))
    order = np.concatenate([rng.permutation(len(train)) for _ in range(rounds)])[: steps * batch]
    model.fit(train.x[order], train.y[order], batch_size=batch, epochs=1, shuffle=False, verbose=0)


def correct(model: keras.Model, test: Data) -> tuple[int, int]:
    """Correct predictions and total, in inference mode."""
    batches = test if isinstance(test, tf.data.Dataset) else [(test.x, test.y)]
    hits = total = 0
    for x, y in batches:
        predicted = np.argmax(model(x, training=False).numpy(), axis=1)
        hits += int(np.sum(predicted == np.asarray(y)))
        total += len(predicted)
    return hits, total


def head_phase(base: keras.Model, train: Data, classes: int, spec: GridSpec, seed: int) -> keras.Model:
    """Phase 1 of every transfer strategy: a new head on the frozen pretrained base."""
    base.trainable = False
    model = attach_head(base, classes, derive_seed(seed, 1), base_training=False)
    fit_steps(model, train, spec.head_steps, spec.batch, spec.lr_head, derive_seed(seed, 2))
    return model


def tune_phase(model: keras.Model, base: keras.Model, train: Data, strategy: str, last_block: str,
               spec: GridSpec, seed: int) -> None:
    """Phase 2: unfreeze what the strategy trains, compile again, train ``tune_steps``."""
    unfreeze, lr_field = PHASE_TWO[strategy]
    unfreeze(base, last_block)
    fit_steps(model, train, spec.tune_steps, spec.batch, getattr(spec, lr_field), derive_seed(seed, 3))


def scratch(base: keras.Model, train: Data, classes: int, spec: GridSpec, seed: int) -> keras.Model:
    model = attach_head(base, classes, derive_seed(seed, 1), base_training=None)
    fit_steps(model, train, spec.steps_total, spec.batch, spec.lr_scratch, derive_seed(seed, 2))
    return model


# --- the grid's two kinds of work ------------------------------------------------------------


def pretrain(spec: GridSpec, seed: int) -> tuple[tuple[int, int], list[np.ndarray]]:
    """Train the base on the source task; return (correct, total) on held-out source digits
    and the base's weights."""
    configure()
    split = data.source(spec)
    start(derive_seed(seed, 100))
    base = build_base(spec.filters, derive_seed(seed, 101))
    model = attach_head(base, data.CLASSES, derive_seed(seed, 102), base_training=None)
    fit_steps(model, split.train, spec.pretrain_steps, spec.pretrain_batch, spec.lr_pretrain,
              derive_seed(seed, 103))
    return correct(model, split.holdout), base.get_weights()


def transfer_cell(spec: GridSpec, seed: int, similarity: str, size: int,
                  weights: list[np.ndarray]) -> dict[str, tuple[int, int]]:
    """Every requested strategy on one (seed, similarity, size): {strategy: (correct, total)}.

    Phase 1 is shared by the three transfer strategies: it runs once, its weights are kept,
    and each strategy's phase 2 starts from them in a freshly built model."""
    configure()
    for s in spec.strategies:
        check_strategy(s)
    split = data.target(spec, similarity)
    train = data.subset(spec, split.pool, seed, size)
    cell_seed = derive_seed(seed, SIMILARITIES.index(similarity), size)
    results: dict[str, tuple[int, int]] = {}

    if "scratch" in spec.strategies:
        start(derive_seed(cell_seed, 0))
        base = build_base(spec.filters, derive_seed(cell_seed, 10))
        results["scratch"] = correct(scratch(base, train, data.CLASSES, spec, cell_seed), split.test)

    transfer = [s for s in spec.strategies if s in PHASE_TWO]
    if not transfer:
        return results
    start(derive_seed(cell_seed, 1))
    base = build_base(spec.filters, derive_seed(cell_seed, 10))
    base.set_weights(weights)
    after_head = head_phase(base, train, data.CLASSES, spec, cell_seed).get_weights()
    for strategy in transfer:
        start(derive_seed(cell_seed, 2 + STRATEGIES.index(strategy)))
        base = build_base(spec.filters, derive_seed(cell_seed, 10))
        model = attach_head(base, data.CLASSES, 0, base_training=False)
        model.set_weights(after_head)
        tune_phase(model, base, train, strategy, spec.last_block, spec, cell_seed)
        results[strategy] = correct(model, split.test)
    return results


# --- the real path: a keras.applications model and an image folder ----------------------------


@dataclass(frozen=True)
class Folder:
    train: tf.data.Dataset
    classes: tuple[str, ...]


def image_folder(directory: str | os.PathLike, image_size: tuple[int, int], batch: int = 32,
                 seed: int = 0, preprocess: Callable | None = None) -> Folder:
    """One sub-folder per class, read with ``keras.utils.image_dataset_from_directory``."""
    dataset = keras.utils.image_dataset_from_directory(
        directory, image_size=image_size, batch_size=batch, seed=seed, shuffle=True, label_mode="int")
    classes = tuple(dataset.class_names)
    if preprocess is not None:
        dataset = dataset.map(lambda x, y: (preprocess(x), y))
    return Folder(train=dataset, classes=classes)


def application_base(name: str, weights: str | None, image_size: tuple[int, int], **kwargs) -> keras.Model:
    """``keras.applications.<name>(include_top=False, weights=..., pooling='avg')``."""
    constructor = getattr(keras.applications, name, None)
    if constructor is None:
        raise ExperimentError(f"keras.applications has no model {name!r}: use a name such as MobileNetV2")
    return constructor(include_top=False, weights=weights, input_shape=(*image_size, 3), pooling="avg",
                       **kwargs)


def transfer_application(name: str, directory: str | os.PathLike, strategy: str, last_block: str,
                         image_size: tuple[int, int] = (224, 224), weights: str | None = "imagenet",
                         preprocess: Callable | None = None, spec: GridSpec = GridSpec(), seed: int = 0,
                         **application_kwargs) -> keras.Model:
    """Train one strategy on an image folder with a ``keras.applications`` base.

    ``scratch`` builds the base with ``weights=None``; the other strategies load ``weights``
    (``'imagenet'`` needs a network). Steps, batch size and learning rates come from ``spec``.
    """
    check_strategy(strategy)
    configure()
    start(seed)
    folder = image_folder(directory, image_size, spec.batch, seed, preprocess)
    classes = len(folder.classes)
    if strategy == "scratch":
        base = application_base(name, None, image_size, **application_kwargs)
        return scratch(base, folder.train, classes, spec, seed)
    base = application_base(name, weights, image_size, **application_kwargs)
    model = head_phase(base, folder.train, classes, spec, seed)
    tune_phase(model, base, folder.train, strategy, last_block, spec, seed)
    return model
