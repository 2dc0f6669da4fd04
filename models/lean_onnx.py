"""A lighter attention mask for the exported tagger, the same logits bit for bit.

The torch export of the BERT tagger builds its padding mask as a ``[batch, 1, seq, seq]`` boolean tensor
(every query row a copy of the key mask), turns it into 0 / -inf with a ``Where`` in each layer, and guards
each softmax with ``IsNaN`` + ``Where`` against rows with no key at all. On 256-character windows those
full-size ``Where``/``IsNaN`` ops were a quarter of the int8 model's time (ONNX Runtime profile of a batch
of 32 windows). ``lean_attention`` rewrites the graph: the mask becomes ``[batch, 1, 1, seq]`` (broadcast by
the ``Add`` before the softmax, which then adds the same values), and the NaN guard goes (a window always
holds at least one character, so no softmax row is empty). ``check_same_logits`` runs both graphs on ragged
batches and refuses the rewrite unless every logit is identical.

    python -m jixiao.models.lean_onnx models/checkpoint   # rewrites model.onnx and model.int8.onnx in place
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from jixiao.extras import require

MASK = "lean_key_mask"  # the [batch, 1, 1, seq] boolean key mask the rewrite adds


def _rewrite(graph: Any, helper: Any, tensor_proto: Any) -> tuple[int, int]:
    """Rewire ``graph`` in place; (softmax guards removed, mask ``Where`` nodes given the small mask)."""
    producer = {o: n for n in graph.node for o in n.output}
    users: dict[str, list] = {}
    for n in graph.node:
        for i in n.input:
            users.setdefault(i, []).append(n)
    rename: dict[str, str] = {}
    dropped: set[int] = set()
    masks = 0
    for soft in (n for n in graph.node if n.op_type == "Softmax"):
        after = users.get(soft.output[0], [])
        isnan = [u for u in after if u.op_type == "IsNaN"]
        where = [u for u in after if u.op_type == "Where"]
        if len(isnan) == 1 and len(where) == 1 and list(where[0].input[::2]) == [isnan[0].output[0], soft.output[0]]:
            rename[where[0].output[0]] = soft.output[0]
            dropped |= {id(isnan[0]), id(where[0])}
        add = producer.get(soft.input[0])
        for term in (add.input if add is not None and add.op_type == "Add" else []):
            mask_where = producer.get(term)
            cond = producer.get(mask_where.input[0]) if mask_where is not None and mask_where.op_type == "Where" else None
            if cond is not None and cond.op_type == "Expand":
                mask_where.input[0] = MASK
                masks += 1
    nodes = [helper.make_node("Cast", ["attention_mask"], [f"{MASK}_bool"], to=tensor_proto.BOOL, name=f"{MASK}_cast"),
             helper.make_node("Constant", [], [f"{MASK}_axes"], name=f"{MASK}_axes",
                              value=helper.make_tensor(f"{MASK}_axes_value", tensor_proto.INT64, [2], [1, 2])),
             helper.make_node("Unsqueeze", [f"{MASK}_bool", f"{MASK}_axes"], [MASK], name=f"{MASK}_unsqueeze")]
    nodes += [n for n in graph.node if id(n) not in dropped]
    for n in nodes:
        for k, name in enumerate(n.input):
            n.input[k] = rename.get(name, name)
    _keep_needed(graph, nodes)
    return len(rename), masks


def _keep_needed(graph: Any, nodes: list) -> None:
    """The graph's nodes set to those its outputs need (the old mask's construction goes), initializers likewise."""
    producer = {o: n for n in nodes for o in n.output}
    needed: set[int] = set()
    stack = [o.name for o in graph.output]
    while stack:
        node = producer.get(stack.pop())
        if node is not None and id(node) not in needed:
            needed.add(id(node))
            stack.extend(node.input)
    kept = [n for n in nodes if id(n) in needed]
    used = {i for n in kept for i in n.input}
    inits = [i for i in graph.initializer if i.name in used]
    del graph.node[:]
    graph.node.extend(kept)
    del graph.initializer[:]
    graph.initializer.extend(inits)


def check_same_logits(before: Path, after: Path, vocab_size: int, *, batches: int = 12, window: int = 256,
                      seed: int = 0) -> None:
    """Raise unless both graphs give identical logits on random ragged batches (padding in some rows)."""
    import onnxruntime as ort

    rng = np.random.default_rng(seed)
    sessions = [ort.InferenceSession(str(p), providers=["CPUExecutionProvider"]) for p in (before, after)]
    for b in range(batches):
        rows, width = int(rng.integers(1, 33)), int(rng.integers(1, window + 1)) if b % 3 else window
        ids = rng.integers(1, vocab_size, size=(rows, width), dtype=np.int64)
        mask = np.ones_like(ids)
        for r in range(rows):
            if rng.random() < 0.4:
                n = int(rng.integers(1, width + 1))
                ids[r, n:], mask[r, n:] = 0, 0
        a, c = (s.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0] for s in sessions)
        if not np.array_equal(a, c):
            raise ValueError(f"{after}: logits differ from {before} (max {np.abs(a - c).max()}); rewrite refused")


def lean_attention(path: Path, vocab_size: int) -> dict[str, int]:
    """Rewrite the ONNX file at ``path`` in place when the pattern is there and the logits stay identical."""
    onnx = require("onnx", extra="train", purpose="Rewriting the tagger's ONNX graph")
    from onnx import TensorProto, helper

    model = onnx.load(str(path))
    guards, masks = _rewrite(model.graph, helper, TensorProto)
    if guards or masks:
        onnx.checker.check_model(model)
        with tempfile.TemporaryDirectory() as tmp:
            lean = Path(tmp) / path.name
            onnx.save(model, str(lean))
            check_same_logits(path, lean, vocab_size)
            lean.replace(path)
    return {"softmax_guards_removed": guards, "masks_made_small": masks}


def lean_checkpoint(model_dir: Path) -> dict[str, dict[str, int]]:
    """``lean_attention`` on the checkpoint's ONNX files (fp32 and int8, those present)."""
    from jixiao.models.tagger import ONNX_FP32, ONNX_INT8
    from jixiao.models.vocab import CharVocab

    size = len(CharVocab.load(model_dir))
    return {name: lean_attention(model_dir / name, size) for name in (ONNX_FP32, ONNX_INT8)
            if (model_dir / name).is_file()}


if __name__ == "__main__":
    print(lean_checkpoint(Path(sys.argv[1])))
