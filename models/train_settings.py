"""The training configuration: typed stages, data and model settings, read from ``models/train_config.json``
(``--quick`` overrides from its ``quick`` block)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, field_validator

CONFIG_PATH = Path(__file__).resolve().parent / "train_config.json"


class StageConfig(BaseModel):
    steps: int
    batch_size: int = 32
    lr: float = 5e-4
    warmup: int = 50
    weight_decay: float = 0.01
    mask_prob: float = 0.15
    eval_every: int = Field(0, ge=0, description="fine-tuning: the held-out loss every N steps, the learning curve "
                                                 "in metrics.json and the card (how long to train); 0: none")


class DataConfig(BaseModel):
    synth_train_docs: int = 3000
    synth_heldout_docs: int = 150
    seeds_dir: str | None = Field(None, description="seed texts for weak labels; default: JIXIAO_SEEDS_DIR, else ../shared/seeds beside the checkout")
    weak_seeds: list[str] = Field(default_factory=lambda: ["000", "001", "002", "003"])
    real_layouts_dir: str | None = Field(None, description="real-layouts texts; default: JIXIAO_REAL_LAYOUTS_DIR, else "
                                                          "../shared/real-layouts beside the checkout")
    weak_real_layouts: list[str] = Field(
        default_factory=list,
        description="real-layouts documents (names or globs, e.g. 'rla*') weakly labelled like the seeds; "
                    "only the development split (rla): held-out (rlb) names are refused")
    weak_real_repeat: int = Field(
        0, ge=0, description="draws of each real-layouts region in training (each draw: as printed, and with "
                             "redrawn contents as printed, collapsed, damaged, a traditional mirror; "
                             "real_copies.real_layouts_copies); 0: the seeds' weak_repeat, "
                             "the seeds' way (no augmentation, every weak_heldout_every-th region held out)")
    weak_invented: list[str] = Field(
        default_factory=list,
        description="invented-layouts documents (globs, e.g. 'invb*') whose frozen weak regions "
                    "(models/weak_invented.py) train like the real layouts' (weak_real_repeat copies each)")
    weak_heldout_every: int = 5
    weak_repeat: int = 4
    weak_collapsed: bool = Field(True, description="also train (and score) on collapsed copies of the weak regions")
    windows_per_doc: int = 6
    template_variety: float = Field(0.0, ge=0.0, le=1.0,
                                    description="share of synthetic tables that depart from the common template "
                                                "(synth.draw_style); 0: none")
    family_mix: dict[str, float] = Field(default_factory=dict,
                                         description="weights of the layout families synthetic documents are printed in "
                                                     "(synth_families.FAMILIES; 'template': the generator's own layouts); "
                                                     "empty: the generator's own layouts only")
    family_heldout_docs: int = Field(40, description="held-out synthetic documents per family, scored apart")

    @field_validator("family_mix")
    @classmethod
    def _known_families(cls, mix: dict[str, float]) -> dict[str, float]:
        from jixiao.models.synth_families import FAMILIES

        unknown = sorted(set(mix) - set(FAMILIES))
        if unknown or any(w < 0 for w in mix.values()):
            raise ValueError(f"family_mix: unknown families {unknown} or negative weights (known: {FAMILIES})")
        return mix

    @field_validator("weak_real_layouts")
    @classmethod
    def _development_split_only(cls, patterns: list[str]) -> list[str]:
        # a glob that could reach the held-out split (rlb*, rl*, *) is refused before anything is read
        for pattern in patterns:
            if not pattern.startswith("rla"):
                raise ValueError(f"{pattern!r} must name development documents (rla...)")
        return patterns


class TrainConfig(BaseModel):
    seed: int = 20241123
    threads: int = 2
    window: int = 256
    model: dict[str, Any] = Field(default_factory=lambda: {"layers": 2, "hidden": 128, "heads": 2})
    data: DataConfig = Field(default_factory=DataConfig)
    pretrain: StageConfig = Field(default_factory=lambda: StageConfig(steps=300))
    finetune: StageConfig = Field(default_factory=lambda: StageConfig(steps=1500, lr=3e-4))
    quick: dict[str, Any] = Field(default_factory=dict, description="overrides applied by --quick")


def load_config(path: Path | None = None, quick: bool = False) -> TrainConfig:
    raw = json.loads(Path(path or CONFIG_PATH).read_text(encoding="utf-8"))
    if quick:
        for key, value in raw.get("quick", {}).items():
            if isinstance(value, dict) and isinstance(raw.get(key), dict):
                raw[key] = {**raw[key], **value}
            else:
                raw[key] = value
    return TrainConfig.model_validate(raw)
