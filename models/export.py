"""ONNX export of the tagger and dynamic int8 quantization with ONNX Runtime.

``torch.quantization.quantize_dynamic`` is deprecated; ONNX Runtime's
``quantize_dynamic`` (QInt8 weights) is the supported route. The int8 file
is only kept when it is faster than fp32 and tags (nearly) the same.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from jixiao.models.tagger import ONNX_FP32, ONNX_INT8


def export_onnx(model_dir: Path, window: int = 256) -> Path:
    from jixiao.extras import require

    torch = require("torch", extra="train", purpose="ONNX export")
    require("onnx", extra="train", purpose="ONNX export")
    from jixiao.models.modeling import load_tagger

    model = load_tagger(model_dir).eval()
    ids = torch.ones((2, window), dtype=torch.long)
    mask = torch.ones((2, window), dtype=torch.long)
    out = Path(model_dir) / ONNX_FP32
    torch.onnx.export(
        model, (ids, mask), str(out), input_names=["input_ids", "attention_mask"], output_names=["logits"],
        dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                      "logits": {0: "batch", 1: "seq"}},
        opset_version=17, dynamo=False,
    )
    return out


def quantize_int8(model_dir: Path) -> Path:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    src = Path(model_dir) / ONNX_FP32
    dst = Path(model_dir) / ONNX_INT8
    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8)
    return dst


def throughput(tagger, texts: list[str], repeat: int = 1) -> float:
    """Characters per second of ``probabilities`` over ``texts`` (whole texts, no region filter)."""
    tagger.probabilities(texts[:2])  # warm-up
    n = sum(len(t) for t in texts) * repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        tagger.probabilities(texts)
    return n / (time.perf_counter() - t0)


def compare_backends(model_dir: Path, texts: list[str], threads: int = 2) -> dict[str, Any]:
    """Throughput of torch fp32, ONNX fp32 and ONNX int8, and int8's tag agreement with fp32."""
    from jixiao.models.tagger import CharTagger

    out: dict[str, Any] = {}
    argmax: dict[str, list] = {}
    for backend in ("torch", "onnx-fp32", "onnx-int8"):
        tagger = CharTagger.from_pretrained(model_dir, backend=backend, regions=False, threads=threads)
        out[f"{backend}_chars_per_s"] = round(throughput(tagger, texts))
        argmax[backend] = [p.argmax(-1) for p in tagger.probabilities(texts)]
    same = sum(int((a == b).sum()) for a, b in zip(argmax["torch"], argmax["onnx-int8"]))
    total = sum(len(a) for a in argmax["torch"])
    out["int8_tag_agreement"] = same / max(total, 1)
    same32 = sum(int((a == b).sum()) for a, b in zip(argmax["torch"], argmax["onnx-fp32"]))
    out["onnx_fp32_tag_agreement"] = same32 / max(total, 1)
    return out
