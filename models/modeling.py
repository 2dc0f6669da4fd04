"""Building, saving and loading the character BERT (transformers), safetensors only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jixiao.models.labels import ID2LABEL, LABEL2ID


def bert_config(vocab_size: int, size: dict[str, Any], pad_id: int = 0):
    from transformers import BertConfig

    hidden = int(size["hidden"])
    return BertConfig(
        vocab_size=vocab_size,
        hidden_size=hidden,
        num_hidden_layers=int(size["layers"]),
        num_attention_heads=int(size["heads"]),
        intermediate_size=int(size.get("intermediate", 4 * hidden)),
        max_position_embeddings=int(size.get("max_position", 512)),
        type_vocab_size=1,
        pad_token_id=pad_id,
        hidden_dropout_prob=float(size.get("dropout", 0.1)),
        attention_probs_dropout_prob=float(size.get("dropout", 0.1)),
        num_labels=len(LABEL2ID),
        id2label={i: label for i, label in ID2LABEL.items()},
        label2id=dict(LABEL2ID),
    )


def new_mlm(config):
    from transformers import BertForMaskedLM

    return BertForMaskedLM(config)


def new_tagger(config):
    from transformers import BertForTokenClassification

    return BertForTokenClassification(config)


def load_tagger(directory: Path):
    """A token classifier from a local Hugging Face directory (safetensors weights only)."""
    from transformers import BertForTokenClassification

    return BertForTokenClassification.from_pretrained(str(directory), use_safetensors=True)


def save_tagger(model, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(directory), safe_serialization=True)
