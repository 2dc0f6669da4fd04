"""Inference: ``CharTagger`` implements ``jixiao.pipelines.tag.Tagger``.

Text is cut into overlapping windows, windows are batched through the model
(PyTorch under ``inference_mode`` or an ONNX Runtime session, int8 when the
quantized file is shipped), and each character's label distribution is the
edge-weighted mean over the windows covering it. Only candidate regions are
tagged: stretches near table vocabulary (指标, 得分, 预算 …); long prose far
from any table word is skipped, which is where most of a 部门决算's length
goes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.extras import require
from jixiao.models.labels import ID2LABEL
from jixiao.models.vocab import CharVocab
from jixiao.pipelines.tag import EntitySpan
from jixiao.pipelines.normalize import simplified
from jixiao.pipelines.vocab import REPORT_TRIGGERS, TABLE_TRIGGERS, TITLE_TRIGGERS

if TYPE_CHECKING:
    from jixiao.config import Settings

ONNX_FP32 = "model.onnx"
ONNX_INT8 = "model.int8.onnx"
# Windows advance by three quarters of their width (256 -> 192) unless the checkpoint names a stride:
# every character then lies in some window at least an eighth of the width away from that window's
# edges, where the edge-weighted mean in ``probabilities`` trusts the window fully.
STRIDE_SHARE = (3, 4)

# table vocabulary in raw text: only regions near one of these words are tagged
TRIGGERS = TABLE_TRIGGERS


def candidate_regions(text: str, block: int = 128, reach: int = 3, gap: int = 3) -> list[tuple[int, int]]:
    """Character ranges worth tagging: blocks within ``reach`` blocks of a table word, short gaps filled."""
    n_blocks = (len(text) + block - 1) // block
    hot = np.zeros(n_blocks + 1, dtype=bool)
    for m in TRIGGERS.finditer(text):
        hot[m.start() // block] = True
    for m in TITLE_TRIGGERS.finditer(text):
        hot[m.start() // block] = True
    if not hot.any():  # no table word: a prose report's or a mirror page's words mark it (simplified one for one)
        for m in REPORT_TRIGGERS.finditer(simplified(text)):
            hot[m.start() // block] = True
    if not hot.any():
        return []
    keep = np.zeros(n_blocks, dtype=bool)
    for b in np.flatnonzero(hot[:n_blocks]):
        keep[max(0, b - reach) : b + reach + 1] = True
    ranges: list[tuple[int, int]] = []
    b = 0
    while b < n_blocks:
        if not keep[b]:
            b += 1
            continue
        e = b
        while e < n_blocks and (keep[e] or (e + gap < n_blocks and keep[e : e + gap + 1].any())):
            e += 1
        ranges.append((b * block, min(len(text), e * block)))
        b = e
    return ranges


def checkpoint_windows(model_dir: Path, config: dict) -> tuple[int, int]:
    """(window, stride) in characters for the checkpoint in ``model_dir``: the window it was trained on
    (``train_config.json``), else its position limit (``config.json``'s ``max_position_embeddings``); the
    stride its ``train_config.json`` names, else ``STRIDE_SHARE`` of the window."""
    path = Path(model_dir) / "train_config.json"
    trained = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    limit = config.get("max_position_embeddings")
    window = trained.get("window") or limit
    if not window:
        raise ValueError(f"{model_dir}: neither train_config.json nor config.json gives the tagger's window")
    if limit and window > limit:
        raise ValueError(f"{model_dir}: window {window} exceeds the model's {limit} positions")
    stride = trained.get("stride") or max(1, window * STRIDE_SHARE[0] // STRIDE_SHARE[1])
    return int(window), int(stride)


class CharTagger:
    """A character BERT token classifier loaded from a local Hugging Face directory."""

    def __init__(self, model_dir: Path, backend: str = "auto", window: int | None = None, stride: int | None = None,
                 batch_size: int = 32, threads: int = 2, regions: bool = True, split_runs: bool = True):
        """``window`` and ``stride`` default to the checkpoint's (``checkpoint_windows``); give them only to study
        other values."""
        self.model_dir = Path(model_dir)
        self.vocab = CharVocab.load(self.model_dir)
        config = json.loads((self.model_dir / "config.json").read_text(encoding="utf-8"))
        trained_window, trained_stride = checkpoint_windows(self.model_dir, config)
        self.window = window or trained_window
        self.stride = stride or (trained_stride if window is None else max(1, self.window * STRIDE_SHARE[0] // STRIDE_SHARE[1]))
        self.batch_size = batch_size
        self.threads, self.regions, self.split_runs = threads, regions, split_runs
        self.id2label = {int(k): v for k, v in config.get("id2label", {}).items()} or ID2LABEL
        self.backend = self._pick_backend(backend)
        self._session = None
        self._model = None
        if self.backend.startswith("onnx"):
            import onnxruntime as ort

            opts = ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            # idle intra-op threads sleep instead of spinning: where another process holds a core, a spinning thread
            # burns the time slice its partner needs (seed 004's tag stage: 0.32 s CPU against 0.17 s; --workers 1
            # on the shared 2-core machine: 17-19 files/s against 9.5-12); docs/decisions/throughput.md
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            name = ONNX_INT8 if self.backend == "onnx-int8" else ONNX_FP32
            self._session = ort.InferenceSession(str(self.model_dir / name), opts, providers=["CPUExecutionProvider"])
        else:
            torch = require("torch", extra="train", purpose="The tagger's torch backend")
            require("transformers", extra="train", purpose="The tagger's torch backend")
            from jixiao.models.modeling import load_tagger

            torch.set_num_threads(threads)
            self._model = load_tagger(self.model_dir).eval()

    def _pick_backend(self, backend: str) -> str:
        if backend == "auto":  # ONNX wherever an export ships (the runtime install has no torch): int8 only where
            # it was measured faster than fp32 when trained (train._onnx_stage)
            if (self.model_dir / ONNX_INT8).exists():
                return "onnx-int8"
            return "onnx-fp32" if (self.model_dir / ONNX_FP32).exists() else "torch"
        if backend == "onnx":
            return "onnx-int8" if (self.model_dir / ONNX_INT8).exists() else "onnx-fp32"
        if backend in ("torch", "onnx-int8", "onnx-fp32"):
            return backend
        raise ValueError(f"unknown tagger backend {backend!r}: use auto, torch, onnx, onnx-int8 or onnx-fp32")

    @classmethod
    def from_pretrained(cls, model_dir: str | Path, **kwargs) -> CharTagger:
        """Load from a local folder; options not given take the constructor's defaults (no settings are read)."""
        return cls(Path(model_dir), **kwargs)

    @classmethod
    def from_settings(cls, settings: Settings) -> CharTagger:
        """The tagger ``settings`` ask for (``model_dir``, ``tagger_backend``, ``tagger_regions``, ``workers_threads``)."""
        return cls.from_pretrained(settings.model_dir, backend=settings.tagger_backend, regions=settings.tagger_regions,
                                   threads=settings.workers_threads)

    # ------------------------------------------------------------------ core

    def _logits(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        if self._session is not None:
            return self._session.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0]
        import torch

        with torch.inference_mode():
            out = self._model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask))
        return out.logits.numpy()

    def _windows(self, length: int) -> list[int]:
        if length <= self.window:
            return [0]
        starts = list(range(0, length - self.window, self.stride))
        starts.append(length - self.window)
        return starts

    def probabilities(self, texts: list[str], deadline: Deadline = NO_DEADLINE) -> list[np.ndarray]:
        """Per-character label probabilities for each text, windows of all texts batched together."""
        jobs: list[tuple[int, int]] = []
        encoded = [np.asarray(self.vocab.encode(t), dtype=np.int64) for t in texts]
        for t, ids in enumerate(encoded):
            jobs.extend((t, s) for s in self._windows(len(ids)))
        n_labels = len(self.id2label)
        sums = [np.zeros((len(ids), n_labels), dtype=np.float32) for ids in encoded]
        weights = [np.zeros((len(ids), 1), dtype=np.float32) for ids in encoded]
        ramp = np.minimum(np.arange(self.window) + 1, np.arange(self.window)[::-1] + 1).astype(np.float32)
        ramp = np.minimum(ramp, self.window // 4)[:, None]
        for b in range(0, len(jobs), self.batch_size):
            deadline.check("tagging")
            chunk = jobs[b : b + self.batch_size]
            width = max(min(self.window, len(encoded[t]) - s) for t, s in chunk)
            ids = np.full((len(chunk), width), self.vocab.pad_id, dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, (t, s) in enumerate(chunk):
                piece = encoded[t][s : s + width]
                ids[row, : len(piece)] = piece
                mask[row, : len(piece)] = 1
            logits = self._logits(ids, mask)
            logits = logits - logits.max(-1, keepdims=True)
            probs = np.exp(logits)
            probs /= probs.sum(-1, keepdims=True)
            for row, (t, s) in enumerate(chunk):
                n = min(width, len(encoded[t]) - s)
                sums[t][s : s + n] += probs[row, :n] * ramp[:n]
                weights[t][s : s + n] += ramp[:n]
        return [s / np.maximum(w, 1e-6) for s, w in zip(sums, weights)]

    def _decoded_regions(self, text: str, deadline: Deadline = NO_DEADLINE) -> list[tuple[int, np.ndarray, np.ndarray]]:
        """(offset, label ids, confidences) for each candidate region of ``text``."""
        ranges = candidate_regions(text) if self.regions else ([(0, len(text))] if text else [])
        if not ranges:
            return []
        probs = self.probabilities([text[a:b] for a, b in ranges], deadline)
        return [(a, *self.decode(p, text[a:b], self.split_runs)) for (a, b), p in zip(ranges, probs)]

    def tag_chars(self, text: str) -> tuple[list[str], np.ndarray]:
        """A tag and its probability per character; characters outside candidate regions are ``O``."""
        tags = ["O"] * len(text)
        conf = np.ones(len(text), dtype=np.float32)
        for a, ids, c in self._decoded_regions(text):
            conf[a : a + len(ids)] = c
            tags[a : a + len(ids)] = [self.id2label[int(i)] for i in ids]
        return tags, conf

    @staticmethod
    def decode(p: np.ndarray, text: str, split_runs: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """Label ids from probabilities: the entity type first (B and I pooled), then spans from runs.

        Per-character argmax often gets the type right but splits B from I,
        or flips type in mid-token (``19.44`` read as ``19`` + ``.44``).
        So: pool B and I into a type score; give every run of non-space
        characters one type (the one with the most probability mass over
        the run; a run also ends where the type changes and the model reads a
        B, as where cells run together); keep a space or line break inside an
        entity only when both sides have its type; a new entity starts where
        the type changes, or after a space where the model clearly reads a B.
        ``split_runs=False``: runs end at spaces and O only (as before).
        """
        n = len(text)
        begin, inside = p[:, 1::2], p[:, 2::2]
        type_p = np.concatenate([p[:, :1], begin + inside], axis=1)
        t = type_p.argmax(-1)
        ws = np.fromiter((c.isspace() for c in text), dtype=bool, count=n)
        # one type per run of non-space, non-O characters: the type with the most mass over the run; a run also
        # ends where the type changes and the model reads a B there (cells run together without a separator)
        mask = (t > 0) & ~ws
        if mask.any():
            run_start = mask & ~np.concatenate([[False], mask[:-1]])
            if split_runs:
                rows_ = np.arange(n)
                kk = np.maximum(t - 1, 0)
                changed = np.concatenate([[False], t[1:] != t[:-1]])
                # never inside a number (19.44 read as 19 + .44 is one value)
                numeric = np.fromiter((c.isdigit() or c in ".,%" for c in text), dtype=bool, count=n)
                within_number = numeric & np.concatenate([[False], numeric[:-1]])
                run_start |= mask & changed & ~within_number & (begin[rows_, kk] > inside[rows_, kk])
            run_id = np.cumsum(run_start) - 1
            votes = np.zeros((int(run_start.sum()), type_p.shape[1] - 1), dtype=np.float64)
            np.add.at(votes, run_id[mask], type_p[mask, 1:])
            t = np.where(mask, 1 + votes.argmax(-1)[np.maximum(run_id, 0)], t)
        nonws = np.flatnonzero(~ws)
        if len(nonws):
            prev_idx = np.maximum.accumulate(np.where(~ws, np.arange(n), -1))
            next_idx = np.minimum.accumulate(np.where(~ws, np.arange(n), n)[::-1])[::-1]
            prev_t = np.where(prev_idx >= 0, t[np.maximum(prev_idx, 0)], 0)
            next_t = np.where(next_idx < n, t[np.minimum(next_idx, n - 1)], 0)
            keep_ws = ws & (t > 0) & (prev_t == next_t) & (prev_t > 0)
            t = np.where(ws, np.where(keep_ws, prev_t, 0), t)
        conf = type_p[np.arange(n), t]
        k = np.maximum(t - 1, 0)
        rows = np.arange(n)
        prev = np.concatenate([[0], t[:-1]])
        after_ws = np.concatenate([[True], ws[:-1]])
        b_here = after_ws & ~ws & (begin[rows, k] > inside[rows, k])
        starts = (t > 0) & ((prev != t) | b_here)
        ids = np.where(t == 0, 0, np.where(starts, 1 + 2 * k, 2 + 2 * k))
        return ids, conf

    def tag(self, text: str, *, deadline: Deadline = NO_DEADLINE) -> list[EntitySpan]:
        spans: list[EntitySpan] = []
        for a, ids, conf in self._decoded_regions(text, deadline):
            n = len(ids)
            typ = np.where(ids > 0, (ids - 1) // 2, -1)
            begin = (ids > 0) & (ids % 2 == 1)
            prev_typ = np.concatenate([[-1], typ[:-1]])
            starts = np.flatnonzero((ids > 0) & (begin | (prev_typ != typ)))
            # a span runs to the next start or the next O, whichever comes first
            stops = np.flatnonzero((ids == 0) | np.isin(np.arange(n), starts))
            csum = np.concatenate([[0.0], np.cumsum(conf, dtype=np.float64)])
            for s0 in starts:
                k = np.searchsorted(stops, s0, side="right")
                e0 = int(stops[k]) if k < len(stops) else n
                start, end = a + int(s0), a + e0
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end > start:
                    label = self.id2label[int(ids[s0])][2:]
                    score = float((csum[e0] - csum[s0]) / (e0 - s0))
                    spans.append(EntitySpan(label=label, start=start, end=end, text=text[start:end], score=score))
        return spans
