"""The catalogue: every keras.applications model and the variants the site shows.

Plain typed data, no Keras import. Sizes and preprocessing modes are declared
here from the Keras sources and verified against the installed Keras by
``tests/test_catalogue.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Preprocessing(str, Enum):
    """How inputs must be scaled before they reach the model."""

    CAFFE = "caffe"  # BGR, ImageNet mean subtracted, no scaling
    TF = "tf"  # scaled to [-1, 1]
    TORCH = "torch"  # scaled to [0, 1], then ImageNet mean/std
    MODEL = "model"  # inside the model: preprocess_input is a pass-through


@dataclass(frozen=True)
class ModelSpec:
    """One constructor in keras.applications."""

    name: str  # constructor name, e.g. "VGG16"
    family: str  # "VGG", "ResNet", ...
    module: str  # keras.applications submodule holding preprocess_input, e.g. "vgg16"
    default_size: int
    min_size: int
    preprocessing: Preprocessing
    # With include_top=True, is the input size fixed to default_size?
    # (False for models whose top is global pooling + Dense, e.g. MobileNetV3.)
    top_fixes_size: bool = True
    # Keras needs an explicit input size for the headless base (NASNetLarge without one
    # builds the 224 "mobile" network; NASNetMobile forces 224).
    needs_explicit_input_for_base: bool = False

    @property
    def slug(self) -> str:
        return self.name.lower()

    @property
    def large_size(self) -> int:
        """A size above the default, to show that feature maps grow with the input."""
        return self.default_size * 2


class Pooling(str, Enum):
    NONE = "none"
    AVG = "avg"
    MAX = "max"

    @property
    def keras_value(self) -> str | None:
        return None if self is Pooling.NONE else self.value


class Trainable(str, Enum):
    """Which layers train in a training setup."""

    ALL = "all"
    BASE_FROZEN = "base_frozen"
    LAST_BLOCK = "last_block"  # base frozen except its last block


@dataclass(frozen=True)
class DenseStep:
    """One step of a custom head: Dense, optionally followed by BatchNormalization and ReLU."""

    units: int
    name: str | None = None
    batch_norm: bool = False
    activation: str | None = None  # set on the Dense itself (e.g. "softmax")
    relu_after: bool = False


@dataclass(frozen=True)
class HeadSpec:
    """A custom head built on the headless base's output."""

    id: str
    steps: tuple[DenseStep, ...]


@dataclass(frozen=True)
class VariantSpec:
    """One way to call a model constructor (and optionally add a head and freeze layers)."""

    id: str
    include_top: bool
    pooling: Pooling = Pooling.NONE
    input_size: int | None = None  # None: the model's default size
    head: HeadSpec | None = None
    trainable: Trainable = Trainable.ALL
    last_block: str | None = None  # layer-name prefix of the block left trainable

    def __post_init__(self) -> None:
        if self.head is not None and self.include_top:
            raise ValueError(f"variant {self.id!r}: a custom head needs include_top=False")
        if self.trainable is Trainable.LAST_BLOCK and not self.last_block:
            raise ValueError(f"variant {self.id!r}: trainable=last_block needs last_block")


# The seed post's head: Dense(1024)-BN-ReLU-Dense(512)-BN-ReLU-Dense(3, softmax).
SEED_HEAD = HeadSpec(
    id="seed",
    steps=(
        DenseStep(1024, name="fully", batch_norm=True, relu_after=True),
        DenseStep(512, batch_norm=True, relu_after=True),
        DenseStep(3, name="softmax", activation="softmax"),
    ),
)

# Variants every model gets.
STANDARD_VARIANTS: tuple[VariantSpec, ...] = (
    VariantSpec("top", include_top=True),
    VariantSpec("base", include_top=False, pooling=Pooling.NONE),
    VariantSpec("base_avg", include_top=False, pooling=Pooling.AVG),
    VariantSpec("base_max", include_top=False, pooling=Pooling.MAX),
)

# The seed post's variants (VGG16 only), exactly as it builds them.
SEED_VARIANTS: tuple[VariantSpec, ...] = (
    VariantSpec("seed_head", include_top=False, pooling=Pooling.MAX, input_size=224, head=SEED_HEAD),
    VariantSpec(
        "seed_head_frozen", include_top=False, pooling=Pooling.MAX, input_size=224,
        head=SEED_HEAD, trainable=Trainable.BASE_FROZEN,
    ),
    VariantSpec(
        "seed_head_last_block", include_top=False, pooling=Pooling.MAX, input_size=224,
        head=SEED_HEAD, trainable=Trainable.LAST_BLOCK, last_block="block5_",
    ),
)


def _m(name, family, module, default, minimum, prep, **kw) -> ModelSpec:
    return ModelSpec(name, family, module, default, minimum, prep, **kw)


P = Preprocessing
MODELS: tuple[ModelSpec, ...] = (
    *(_m(f"ConvNeXt{s}", "ConvNeXt", "convnext", 224, 32, P.MODEL)
      for s in ("Tiny", "Small", "Base", "Large", "XLarge")),
    *(_m(f"DenseNet{d}", "DenseNet", "densenet", 224, 32, P.TORCH) for d in (121, 169, 201)),
    *(_m(f"EfficientNetB{i}", "EfficientNet", "efficientnet", size, 32, P.MODEL)
      for i, size in enumerate((224, 240, 260, 300, 380, 456, 528, 600))),
    *(_m(f"EfficientNetV2{v}", "EfficientNetV2", "efficientnet_v2", size, 32, P.MODEL)
      for v, size in (("B0", 224), ("B1", 240), ("B2", 260), ("B3", 300),
                      ("S", 384), ("M", 480), ("L", 480))),
    _m("InceptionResNetV2", "Inception", "inception_resnet_v2", 299, 75, P.TF),
    _m("InceptionV3", "Inception", "inception_v3", 299, 75, P.TF),
    _m("MobileNet", "MobileNet", "mobilenet", 224, 32, P.TF),
    _m("MobileNetV2", "MobileNet", "mobilenet_v2", 224, 32, P.TF),
    _m("MobileNetV3Small", "MobileNet", "mobilenet_v3", 224, 32, P.MODEL, top_fixes_size=False),
    _m("MobileNetV3Large", "MobileNet", "mobilenet_v3", 224, 32, P.MODEL, top_fixes_size=False),
    _m("NASNetMobile", "NASNet", "nasnet", 224, 32, P.TF, needs_explicit_input_for_base=True),
    _m("NASNetLarge", "NASNet", "nasnet", 331, 32, P.TF, needs_explicit_input_for_base=True),
    *(_m(f"ResNet{d}", "ResNet", "resnet", 224, 32, P.CAFFE) for d in (50, 101, 152)),
    *(_m(f"ResNet{d}V2", "ResNet", "resnet_v2", 224, 32, P.TF) for d in (50, 101, 152)),
    _m("VGG16", "VGG", "vgg16", 224, 32, P.CAFFE),
    _m("VGG19", "VGG", "vgg19", 224, 32, P.CAFFE),
    _m("Xception", "Xception", "xception", 299, 71, P.TF),
)

MODELS_BY_NAME: dict[str, ModelSpec] = {m.name: m for m in MODELS}


class UnknownModelError(KeyError):
    def __str__(self) -> str:
        return (f"unknown model {self.args[0]!r}; known models: "
                + ", ".join(sorted(MODELS_BY_NAME)))


def model(name: str) -> ModelSpec:
    try:
        return MODELS_BY_NAME[name]
    except KeyError:
        raise UnknownModelError(name) from None


def variants_for(spec: ModelSpec) -> tuple[VariantSpec, ...]:
    """The variants the site records for one model."""
    return Catalogue().variants_for(spec)


@dataclass(frozen=True)
class Catalogue:
    models: tuple[ModelSpec, ...] = field(default=MODELS)
    # Variants beyond the standard four, per model name.
    extra_variants: tuple[tuple[str, tuple[VariantSpec, ...]], ...] = (("VGG16", SEED_VARIANTS),)
    gotchas: tuple[GotchaSpec, ...] = field(default_factory=lambda: GOTCHAS)

    def variants_for(self, spec: ModelSpec) -> tuple[VariantSpec, ...]:
        extra = tuple(v for name, vs in self.extra_variants if name == spec.name for v in vs)
        return STANDARD_VARIANTS + extra

    def variants(self) -> list[tuple[ModelSpec, VariantSpec]]:
        return [(m, v) for m in self.models for v in self.variants_for(m)]


# --- gotchas: invalid or surprising calls, recorded with what Keras says ----------------

Literal = str | int | None | tuple


@dataclass(frozen=True)
class GotchaSpec:
    """One call whose outcome the site records verbatim.

    ``baseline`` is the plain call a silently accepted call is compared with:
    if both build the same network, Keras ignored the argument.
    """

    id: str
    model: str
    kwargs: tuple[tuple[str, Literal], ...]
    baseline: tuple[tuple[str, Literal], ...] | None = None

    def code(self, kwargs: tuple[tuple[str, Literal], ...] | None = None) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in (self.kwargs if kwargs is None else kwargs))
        return f"keras.applications.{self.model}({args})"


GOTCHAS: tuple[GotchaSpec, ...] = (
    GotchaSpec("pooling_ignored_with_top", "VGG16",
               (("weights", None), ("include_top", True), ("pooling", "max")),
               baseline=(("weights", None), ("include_top", True))),
    GotchaSpec("imagenet_top_other_size", "VGG16",
               (("weights", "imagenet"), ("include_top", True), ("input_shape", (299, 299, 3)))),
    GotchaSpec("below_min_size", "VGG16",
               (("weights", None), ("include_top", False), ("input_shape", (31, 31, 3)))),
    GotchaSpec("imagenet_classes", "VGG16",
               (("weights", "imagenet"), ("include_top", True), ("classes", 3))),
    GotchaSpec("imagenet_one_channel", "VGG16",
               (("weights", "imagenet"), ("include_top", False), ("input_shape", (224, 224, 1)))),
    GotchaSpec("top_dynamic_size", "VGG16",
               (("weights", None), ("include_top", True), ("input_shape", (None, None, 3)))),
    GotchaSpec("imagenet_classifier_activation", "VGG16",
               (("weights", "imagenet"), ("include_top", True),
                ("classifier_activation", "relu"))),
    GotchaSpec("imagenet_top_other_size_mobilenetv3", "MobileNetV3Small",
               (("weights", "imagenet"), ("include_top", True), ("input_shape", (160, 160, 3)))),
    GotchaSpec("nasnetlarge_without_input_shape", "NASNetLarge",
               (("weights", None), ("include_top", False)),
               baseline=(("weights", None), ("include_top", False),
                         ("input_shape", (331, 331, 3)))),
    GotchaSpec("pooling_bogus", "VGG16",
               (("weights", None), ("include_top", False), ("pooling", "bogus")),
               baseline=(("weights", None), ("include_top", False))),
)


# --- validation: a catalogue the generator can trust ------------------------------------


class CatalogueError(ValueError):
    """The catalogue itself is wrong; the message names the model or variant."""


def validate(catalogue: Catalogue) -> None:
    """Raise CatalogueError for the first entry the generator cannot build faithfully."""
    names = [m.name for m in catalogue.models]
    for name in {n for n in names if names.count(n) > 1}:
        raise CatalogueError(f"model {name!r} appears twice in the catalogue")
    for spec in catalogue.models:
        if not spec.min_size <= spec.default_size:
            raise CatalogueError(
                f"model {spec.name!r}: min_size {spec.min_size} is above default_size "
                f"{spec.default_size}; fix its entry in scripts/atlas/catalogue.py")
        ids = [v.id for v in catalogue.variants_for(spec)]
        for vid in {i for i in ids if ids.count(i) > 1}:
            raise CatalogueError(f"model {spec.name!r}: variant id {vid!r} appears twice")
        for v in catalogue.variants_for(spec):
            _validate_variant(spec, v)


def _validate_variant(spec: ModelSpec, v: VariantSpec) -> None:
    where = f"variant {spec.name}/{v.id}"
    if v.include_top and v.pooling is not Pooling.NONE:
        raise CatalogueError(
            f"{where}: pooling={v.pooling.value!r} with include_top=True is silently ignored by "
            "Keras; use include_top=False or pooling=none in scripts/atlas/catalogue.py")
    if v.input_size is not None and v.input_size < spec.min_size:
        raise CatalogueError(
            f"{where}: input_size {v.input_size} is below the model's minimum {spec.min_size}")
    if v.id in {s.id for s in STANDARD_VARIANTS} and v not in STANDARD_VARIANTS:
        raise CatalogueError(f"{where}: a custom variant reuses the standard id {v.id!r}")
