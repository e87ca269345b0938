"""Group a model's layers into the blocks its layer names spell out, for block-level diagrams.

Each family names its blocks differently (``block2a_expand_conv`` → ``block2a``,
``conv4_block3_1_conv`` → ``conv4_block3``, ``mixed3``, NASNet cells ``normal_*_N``,
ConvNeXt ``*_stage_N_block_M``), so a dispatch table maps a family to its naming rules.
Layers Keras named automatically (``conv2d_7``, ``activation_3``, ``add``) carry no block
name and join a neighbouring block: the previous one in most families, the next named block
where branch layers come before the layer that names the block (Inception, NASNet).
Runs of identical blocks inside one stage then collapse into one row (``conv4_block2–6 ×5``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from atlas.records import LayerRow, Shape


class Attach(str, Enum):
    """Where an automatically named layer goes."""

    PREVIOUS = "previous"
    NEXT = "next"


@dataclass(frozen=True)
class BlockRule:
    """A layer-name pattern whose group ``block`` names the block ("" = automatically named)."""

    pattern: str
    stage: str = ""  # a re.sub template on the block name giving its stage; "" = no stage

    def match(self, name: str) -> re.Match[str] | None:
        return re.search(self.pattern, name)


@dataclass(frozen=True)
class FamilyRules:
    rules: tuple[BlockRule, ...]
    attach: Attach = Attach.PREVIOUS
    per_layer: bool = False  # small networks: every layer is its own row
    label_prefix: str = ""  # pattern stripped from block labels (ConvNeXt's model prefix)


ANONYMOUS = ""

FAMILY_RULES: dict[str, FamilyRules] = {
    "VGG": FamilyRules(rules=(), per_layer=True),
    "ResNet": FamilyRules(rules=(BlockRule(r"^(?P<block>conv\d+_block\d+)_", r"^(conv\d+)_.*"),)),
    "DenseNet": FamilyRules(rules=(
        BlockRule(r"^(?P<block>conv\d+_block\d+)_", r"^(conv\d+)_.*"),
        BlockRule(r"^(?P<block>pool\d+)_(bn|relu|conv|pool)$"),
    )),
    "EfficientNet": FamilyRules(rules=(BlockRule(r"^(?P<block>block\d+[a-z])_", r"^(block\d+).*"),)),
    "EfficientNetV2": FamilyRules(rules=(BlockRule(r"^(?P<block>block\d+[a-z])_", r"^(block\d+).*"),)),
    "Xception": FamilyRules(rules=(BlockRule(r"^(?P<block>block\d+)_", "block"),)),
    "MobileNet": FamilyRules(rules=(
        BlockRule(r"^conv_(dw|pw|pad)_(?P<n>\d+)(_|$)", "conv_block"),
        BlockRule(r"^(?P<block>block_\d+)_", "block"),
        BlockRule(r"^(?P<block>expanded_conv(_\d+)?)_", "expanded_conv"),
    )),
    "ConvNeXt": FamilyRules(
        rules=(
            BlockRule(r"_(?P<block>stage_\d+_block_\d+)_", r"^(stage_\d+)_.*"),
            BlockRule(r"^convnext_[a-z]+_(?P<block>downsampling_block_\d+)$"),
            BlockRule(r"^convnext_[a-z]+_(?P<block>(prestem_normalization|stem))$"),
        ),
        label_prefix=r"^convnext_[a-z]+_",
    ),
    "NASNet": FamilyRules(
        rules=(
            BlockRule(r"_(?P<block>stem_\d+)$", "reduction"),
            BlockRule(r"_reduce_(?P<reduce>\d+)$", "reduction"),
            BlockRule(r"^(normal|adjust|separable)\w*_(?P<normal>\d+)$", "normal"),
        ),
        attach=Attach.NEXT,
    ),
    "Inception": FamilyRules(
        rules=(
            BlockRule(r"^(?P<block>mixed\d+)$", "mixed"),
            BlockRule(r"^mixed\d+_\d+$"),  # the inner concatenations of mixed9 and mixed10
            BlockRule(r"^(?P<block>mixed_\w+)$", ""),
            BlockRule(r"^(?P<block>block(35|17|8)_\d+)(_|$)", r"^(block\d+)_.*"),
        ),
        attach=Attach.NEXT,
    ),
}


class DiagramError(ValueError):
    """Records a diagram cannot be drawn from; the message names the input and the fix."""


class UnknownFamilyError(DiagramError):
    def __init__(self, family: str) -> None:
        super().__init__(f"no block rules for model family {family!r}: "
                         f"add them to FAMILY_RULES in scripts/atlas/blocks.py")


def rules_for(family: str) -> FamilyRules:
    try:
        return FAMILY_RULES[family]
    except KeyError:
        raise UnknownFamilyError(family) from None


def _snake(class_name: str) -> str:
    """Keras' automatic layer name stem for a class: ``MaxPooling2D`` → ``max_pooling2d``."""
    s = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", class_name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", s).lower()


def is_auto_named(layer: LayerRow) -> bool:
    return re.fullmatch(re.escape(_snake(layer.type)) + r"(_\d+)?", layer.name) is not None


def _block_of(match: re.Match[str]) -> str:
    parts = match.groupdict()
    if parts.get("block"):
        return parts["block"]
    if parts.get("n"):
        return f"conv_block_{parts['n']}"
    if parts.get("reduce"):
        return f"reduce_{parts['reduce']}"
    if parts.get("normal"):
        return f"normal_{parts['normal']}"
    return ANONYMOUS


@dataclass(frozen=True)
class Named:
    block: str | None  # None: not a block name (stem, tail); "" (ANONYMOUS): no name at all
    stage: str


def classify(rules: FamilyRules, layer: LayerRow) -> Named:
    """The block a layer's own name puts it in, before neighbours are considered."""
    if is_auto_named(layer):
        return Named(ANONYMOUS, "")
    for rule in rules.rules:
        m = rule.match(layer.name)
        if m:
            block = _block_of(m)
            stage = re.sub(rule.stage, r"\1", block) if rule.stage.startswith("^") else rule.stage
            return Named(block, stage if block else "")
    return Named(None, "")


@dataclass(frozen=True)
class Group:
    """Consecutive-in-spirit layers drawn as one row."""

    key: str  # the block name, or the first layer's name for unnamed stretches
    label: str
    stage: str  # blocks of one stage may collapse together; "" never collapses
    layers: tuple[LayerRow, ...]
    repeat: int = 1  # how many identical blocks this row stands for
    last_key: str = ""  # the last block's key when repeat > 1

    @property
    def params(self) -> int:
        return sum(layer.params for layer in self.layers)

    @property
    def output_shape(self) -> Shape:
        return self.layers[-1].output_shape

    @property
    def signature(self) -> tuple[str, ...]:
        return tuple(layer.type for layer in self.layers)


def _assign(rules: FamilyRules, layers: Sequence[LayerRow]) -> list[tuple[str, str]]:
    """(group key, stage) for each layer."""
    named = [classify(rules, layer) for layer in layers]
    keys: list[tuple[str, str] | None] = [None] * len(layers)
    run_key: str | None = None
    for i, (layer, n) in enumerate(zip(layers, named)):
        if n.block:
            keys[i], run_key = (n.block, n.stage), None
        elif n.block is None:
            if run_key is None:
                run_key = f"~{layer.name}"
            keys[i] = (run_key, "")
        elif rules.attach is Attach.PREVIOUS:
            # an automatically named layer does not break a run of unnamed layers
            continue

    if rules.attach is Attach.NEXT:
        _leading_stem(layers, named, keys)
    order = range(len(layers)) if rules.attach is Attach.PREVIOUS else range(len(layers) - 1, -1, -1)
    fallback = (range(len(layers) - 1, -1, -1) if rules.attach is Attach.PREVIOUS
                else range(len(layers)))
    near: tuple[str, str] | None = None
    for i in order:
        if keys[i] is None:
            keys[i] = near
        elif rules.attach is Attach.PREVIOUS or named[i].block:
            near = keys[i]
    near = None
    for i in fallback:
        if keys[i] is None:
            keys[i] = near
        else:
            near = keys[i]
    if any(k is None for k in keys):
        first = layers[0].name if layers else "?"
        return [(f"~{first}", "")] * len(layers)
    return keys  # type: ignore[return-value]


STEM_END_TYPES = frozenset({"MaxPooling2D"})


def _leading_stem(layers: Sequence[LayerRow], named: list[Named],
                  keys: list[tuple[str, str] | None]) -> None:
    """Automatically named layers before the first block, up to the last max pooling, form the stem."""
    first_named = next((i for i, n in enumerate(named) if n.block != ANONYMOUS), len(layers))
    pools = [i for i in range(first_named) if layers[i].type in STEM_END_TYPES]
    if not pools:
        return
    for i in range(pools[-1] + 1):
        keys[i] = (f"~{layers[0].name}", "")


def group_layers(family: str, layers: Sequence[LayerRow]) -> tuple[Group, ...]:
    """Group layers into blocks, in the order each block finishes."""
    rules = rules_for(family)
    if rules.per_layer:
        return tuple(Group(layer.name, layer.name, "", (layer,)) for layer in layers)
    keys = _assign(rules, layers)
    members: dict[str, list[LayerRow]] = {}
    stages: dict[str, str] = {}
    last: dict[str, int] = {}
    for i, (layer, (key, stage)) in enumerate(zip(layers, keys)):
        members.setdefault(key, []).append(layer)
        stages.setdefault(key, stage)
        last[key] = i
    groups = []
    for key in sorted(members, key=last.__getitem__):
        rows = tuple(members[key])
        if key.startswith("~"):
            label = rows[0].name if len(rows) == 1 else f"{rows[0].name} … {rows[-1].name}"
        else:
            label = re.sub(rules.label_prefix, "", key) if rules.label_prefix else key
        groups.append(Group(key, label, stages[key], rows))
    return tuple(groups)


def collapse_repeats(groups: Sequence[Group]) -> tuple[Group, ...]:
    """Merge runs of consecutive blocks of one stage with the same layer types and spatial size."""
    out: list[Group] = []
    for g in groups:
        prev = out[-1] if out else None
        if (prev is not None and g.stage and prev.stage == g.stage
                and prev.signature[: len(g.layers)] == g.signature
                and prev.output_shape[1:-1] == g.output_shape[1:-1]
                and len(prev.layers) == len(g.layers) * prev.repeat):
            out[-1] = Group(prev.key, prev.label, prev.stage, prev.layers + g.layers,
                            prev.repeat + 1, g.label)
        else:
            out.append(g)
    return tuple(out)


def blocks(family: str, layers: Sequence[LayerRow]) -> tuple[Group, ...]:
    """The rows of a block-level diagram: grouped, then repeated blocks collapsed."""
    rules = rules_for(family)
    grouped = group_layers(family, layers)
    return grouped if rules.per_layer else collapse_repeats(grouped)


def _kind(ch: str) -> str:
    return "digit" if ch.isdigit() else "alpha" if ch.isalpha() else "other"


def range_label(first: str, last: str) -> str:
    """``conv4_block2``, ``conv4_block6`` → ``conv4_block2–6``: the shared prefix written once.

    The prefix never ends inside a number or a word, so ``block35_1`` … ``block35_10`` reads
    ``block35_1–10``.
    """
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1

    def splits_a_token(k: int) -> bool:
        if k == 0 or _kind(first[k - 1]) == "other":
            return False
        rests = (first[k:], last[k:])
        return any(not r or _kind(r[0]) == _kind(first[k - 1]) for r in rests)

    while splits_a_token(n):
        n -= 1
    return f"{first}–{last[n:]}" if n else f"{first}–{last}"
