"""End-to-end training: corpus -> vocabulary -> MLM pretraining -> tagging fine-tune -> checkpoint + metrics.

Everything is driven by ``models/train_config.json`` and one seed, on CPU
with a fixed thread count, so ``jixiao train`` reproduces the shipped model.
The loop is a plain PyTorch loop (transformers' Trainer needs accelerate,
which is not installed); the models are transformers' BERT classes.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.models.heldout import family_scores, span_scores
from jixiao.models.labels import ENTITY_TYPES, IGNORE_INDEX, LABEL2ID, bio_tags
from jixiao.models.synth import LabeledText
from jixiao.models.train_settings import DataConfig, StageConfig, TrainConfig, load_config

CHECKPOINT_DIR = Path(__file__).resolve().parent / "checkpoint"


# ---------------------------------------------------------------- corpus


def _seeds_root(cfg: DataConfig) -> Path | None:
    from jixiao.config import Settings

    root = Path(cfg.seeds_dir) if cfg.seeds_dir else Settings().seeds_root
    return root if root.is_dir() else None


def _seed_paths(cfg: DataConfig) -> list[Path]:
    from jixiao.models.weak import TEST_SEEDS

    root = _seeds_root(cfg)
    if root is None:
        return []
    paths = []
    for prefix in cfg.weak_seeds:
        if prefix in TEST_SEEDS:
            raise ValueError(f"seed {prefix} is the test split and may not be used for training")
        paths += sorted(root.glob(f"{prefix}_*.txt"))
    return paths


def _real_layout_paths(cfg: DataConfig) -> list[Path]:
    """The development real-layouts texts named by ``weak_real_layouts``, in name order, each once."""
    from jixiao.config import Settings
    from jixiao.models.weak import HELD_OUT

    if not cfg.weak_real_layouts:
        return []
    root = Path(cfg.real_layouts_dir) if cfg.real_layouts_dir else Settings().real_layouts_root
    if not root.is_dir():
        return []
    paths = sorted({p for pattern in cfg.weak_real_layouts for p in root.glob(f"{pattern}.txt")})
    held = [p.name for p in paths if p.name.startswith(HELD_OUT)]
    if held:
        raise ValueError(f"held-out documents may not be used for training: {held}")
    return paths


def _prose_pool(texts: list[str]) -> list[str]:
    """Prose lines of the seeds (no tabs): realistic unlabelled context for synthetic documents."""
    return [ln.strip() for t in texts for ln in t.splitlines() if "\t" not in ln and 8 <= len(ln.strip()) <= 120]


@dataclass
class Corpus:
    train: list[LabeledText]
    synth_heldout: list[LabeledText]
    weak_heldout: list[LabeledText]
    weak_collapsed_heldout: list[LabeledText]
    unlabeled: list[str]
    notes: dict[str, Any] = field(default_factory=dict)


def build_corpus(cfg: TrainConfig, log=print) -> Corpus:
    from jixiao.models import synth

    seed_paths = _seed_paths(cfg.data)
    if not seed_paths and cfg.data.weak_seeds:
        # not fatal (a synthetic-only model still trains), but it is not the shipped model's data
        log("warning: no seed texts found (set data.seeds_dir or JIXIAO_SEEDS_DIR); training without weak labels")
    seed_texts = [p.read_text(encoding="utf-8") for p in seed_paths]
    pool = _prose_pool(seed_texts)
    mix = cfg.data.family_mix or None
    train = synth.generate(cfg.data.synth_train_docs, cfg.seed, pool, cfg.data.template_variety, mix)
    heldout = synth.generate(cfg.data.synth_heldout_docs, cfg.seed + 1, pool, cfg.data.template_variety, mix)
    notes: dict[str, Any] = {"synth_train_docs": len(train), "synth_heldout_docs": len(heldout),
                             "template_variety": cfg.data.template_variety, "seeds": [p.name for p in seed_paths]}
    if mix:
        notes["family_mix"] = mix
    real_paths = _real_layout_paths(cfg.data)
    if cfg.data.weak_real_layouts:
        if not real_paths:
            log("warning: no real-layouts texts found (set data.real_layouts_dir or JIXIAO_REAL_LAYOUTS_DIR)")
        notes["real_layouts"] = [p.name for p in real_paths]
    real_texts = [p.read_text(encoding="utf-8") for p in real_paths]
    from jixiao.models.weak_invented import read_regions

    invented_regions, invented_names = read_regions(cfg.data.weak_invented)
    if invented_names:
        notes["invented_layouts"] = invented_names
        notes["weak_invented_regions"] = len(invented_regions)
    weak_train: list[LabeledText] = []
    weak_heldout: list[LabeledText] = []
    weak_collapsed_heldout: list[LabeledText] = []
    real_train: list[LabeledText] = []
    if seed_paths or real_paths or invented_regions:
        try:
            from jixiao.models.weak import weak_examples
            from jixiao.pipelines.extract import Extractor
            from jixiao.config import Settings

            extractor = Extractor.from_settings(Settings(use_tagger=False))
            # seeds first, so the seeds' held-out regions do not depend on the real layouts
            regions = weak_examples(seed_paths, extractor)
            if real_paths or invented_regions:
                real_regions = weak_examples(real_paths, extractor)
                notes["weak_real_layout_regions"] = len(real_regions)
                real_regions += invented_regions
                if cfg.data.weak_real_repeat:
                    # held out by document (the rla names the config leaves out), so every region trains
                    from jixiao.models.real_copies import real_layouts_copies

                    real_train = real_layouts_copies(real_regions, cfg.data.weak_real_repeat, cfg.seed)
                    notes["weak_real_layout_examples"] = len(real_train)
                else:
                    regions += real_regions
            for i, ex in enumerate(regions):
                (weak_heldout if i % cfg.data.weak_heldout_every == cfg.data.weak_heldout_every - 1 else weak_train).append(ex)
            if cfg.data.weak_collapsed:
                # each newline/tab one space, so the labels stay on their characters
                weak_collapsed_heldout = [synth.collapse(ex, per_char=True) for ex in weak_heldout]
                weak_train = weak_train + [synth.collapse(ex, per_char=True) for ex in weak_train]
            notes["weak_regions"] = {"train": len(weak_train), "heldout": len(weak_heldout),
                                     "collapsed_heldout": len(weak_collapsed_heldout)}
        except Exception as exc:  # the parser is another stage; training must not depend on it being finished
            notes["weak_error"] = f"{type(exc).__name__}: {exc}"
            log(f"weak labels skipped: {notes['weak_error']}")
    return Corpus(
        train=train + weak_train * cfg.data.weak_repeat + real_train,
        synth_heldout=heldout,
        weak_heldout=weak_heldout,
        weak_collapsed_heldout=weak_collapsed_heldout,
        unlabeled=seed_texts + real_texts + [d.text for d in train[: max(1, len(train) // 2)]],
        notes=notes,
    )


def corpus_fingerprint(corpus: Corpus) -> str:
    """sha256 of every text and character label the run trains and scores on.

    Stored in ``metrics.json``: a test rebuilds the corpus from the committed
    code and compares, so a change to the generator, the weak labeller or the
    parser that would make ``jixiao train`` build different data is caught in
    seconds instead of after a 25-minute retraining.
    """
    import hashlib

    h = hashlib.sha256()
    for part, examples in (("train", corpus.train), ("synth", corpus.synth_heldout), ("weak", corpus.weak_heldout),
                           ("weak_collapsed", corpus.weak_collapsed_heldout)):
        h.update(f"[{part}:{len(examples)}]".encode())
        for ex in examples:
            h.update(ex.text.encode("utf-8"))
            h.update(" ".join(f"{s}:{e}:{t}" for s, e, t in ex.spans()).encode())
    for text in corpus.unlabeled:
        h.update(text.encode("utf-8"))
    return h.hexdigest()


# ---------------------------------------------------------------- tensors


def labeled_windows(examples: list[LabeledText], vocab, window: int, per_doc: int, rng: random.Random):
    import torch

    xs, ys = [], []
    for ex in examples:
        ids = vocab.encode(ex.text)
        tags = bio_tags(len(ids), ex.spans())
        labels = [LABEL2ID[t] for t in tags]
        n = len(ids)
        starts = [0] if n <= window else sorted({0, n - window, *(rng.randrange(0, n - window) for _ in range(per_doc))})
        for s in starts:
            x = ids[s : s + window]
            y = labels[s : s + window]
            pad = window - len(x)
            xs.append(x + [vocab.pad_id] * pad)
            ys.append(y + [IGNORE_INDEX] * pad)
    return torch.tensor(xs, dtype=torch.long), torch.tensor(ys, dtype=torch.long)


def text_windows(texts: list[str], vocab, window: int):
    import torch

    xs = []
    for t in texts:
        ids = vocab.encode(t)
        for s in range(0, max(1, len(ids)), window):
            x = ids[s : s + window]
            if len(x) < 16:
                continue
            xs.append(x + [vocab.pad_id] * (window - len(x)))
    return torch.tensor(xs, dtype=torch.long)


def _optimizer(model, stage: StageConfig):
    import torch
    from transformers import get_linear_schedule_with_warmup

    opt = torch.optim.AdamW(model.parameters(), lr=stage.lr, weight_decay=stage.weight_decay)
    return opt, get_linear_schedule_with_warmup(opt, stage.warmup, stage.steps)


def _update(model, loss, opt, sched, smoothed: float) -> float:
    """One optimizer step (gradients clipped at 1.0); returns the running loss (EMA 0.9)."""
    import torch

    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step(), sched.step(), opt.zero_grad()
    return 0.9 * smoothed + 0.1 * loss.item() if smoothed else loss.item()


def pretrain_mlm(model, data, vocab, stage: StageConfig, gen, desc="pretrain (MLM)") -> float:
    import torch
    from tqdm import tqdm

    opt, sched = _optimizer(model, stage)
    model.train()
    special = torch.tensor([vocab.pad_id], dtype=torch.long)
    loss_value = 0.0
    bar = tqdm(range(stage.steps), desc=desc, unit="step")
    for _ in bar:
        idx = torch.randint(0, len(data), (stage.batch_size,), generator=gen)
        x = data[idx].clone()
        attn = (x != vocab.pad_id).long()
        chosen = (torch.rand(x.shape, generator=gen) < stage.mask_prob) & ~torch.isin(x, special)
        labels = torch.where(chosen, x, torch.full_like(x, IGNORE_INDEX))
        r = torch.rand(x.shape, generator=gen)
        x[chosen & (r < 0.8)] = vocab.mask_id
        rand_tok = torch.randint(8, len(vocab), x.shape, generator=gen)
        swap = chosen & (r >= 0.8) & (r < 0.9)
        x[swap] = rand_tok[swap]
        # the vocabulary head runs on masked positions only: most of the MLM cost otherwise
        hidden = model.bert(input_ids=x, attention_mask=attn).last_hidden_state
        logits = model.cls(hidden[chosen])
        loss = torch.nn.functional.cross_entropy(logits, labels[chosen])
        loss_value = _update(model, loss, opt, sched, loss_value)
        bar.set_postfix(loss=f"{loss_value:.3f}")
    return loss_value


def heldout_loss(model, xs, ys, vocab, batch_size: int) -> float:
    """Mean token loss over held-out windows (dropout off; no random draw, so training stays reproducible)."""
    import torch

    was_training = model.training
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for s in range(0, len(xs), batch_size):
            x, y = xs[s : s + batch_size], ys[s : s + batch_size]
            logits = model(input_ids=x, attention_mask=(x != vocab.pad_id).long()).logits
            total += torch.nn.functional.cross_entropy(logits.flatten(0, 1), y.flatten(), ignore_index=IGNORE_INDEX,
                                                       reduction="sum").item()
            count += int((y != IGNORE_INDEX).sum())
    model.train(was_training)
    return total / max(count, 1)


def finetune(model, xs, ys, vocab, stage: StageConfig, gen, desc="fine-tune (tagging)",
             heldout=None) -> tuple[float, list[dict[str, float]]]:
    """Fine-tune on (xs, ys); returns the running loss and the learning curve (``stage.eval_every`` on HELDOUT)."""
    import torch
    from tqdm import tqdm

    opt, sched = _optimizer(model, stage)
    model.train()
    loss_value = 0.0
    curve: list[dict[str, float]] = []
    probe = stage.eval_every if heldout is not None and len(heldout[0]) else 0
    bar = tqdm(range(stage.steps), desc=desc, unit="step")
    for step in bar:
        idx = torch.randint(0, len(xs), (stage.batch_size,), generator=gen)
        x, y = xs[idx], ys[idx]
        loss = model(input_ids=x, attention_mask=(x != vocab.pad_id).long(), labels=y).loss
        loss_value = _update(model, loss, opt, sched, loss_value)
        bar.set_postfix(loss=f"{loss_value:.3f}")
        if probe and ((step + 1) % probe == 0 or step + 1 == stage.steps):
            curve.append({"step": step + 1, "train_loss": round(loss_value, 4),
                          "heldout_loss": round(heldout_loss(model, *heldout, vocab, stage.batch_size), 4)})
    return loss_value, curve


# ---------------------------------------------------------------- evaluation


# ---------------------------------------------------------------- main


def train(config_path: Path | None = None, out_dir: Path | None = None, quick: bool = False,
          base_model: Path | None = None, onnx: bool = True, log=print,
          config: TrainConfig | None = None) -> dict[str, Any]:
    from jixiao.extras import require

    torch = require("torch", extra="train", purpose="Training")
    for module in ("transformers", "seqeval"):
        require(module, extra="train", purpose="Training")
    from jixiao.models.modeling import bert_config, new_mlm, new_tagger, save_tagger
    from jixiao.models.vocab import CharVocab

    cfg = config or load_config(config_path, quick=quick)
    out = Path(out_dir or CHECKPOINT_DIR)
    random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    torch.set_num_threads(cfg.threads)
    gen = torch.Generator().manual_seed(cfg.seed)
    t0 = time.perf_counter()

    log("building corpus (synthetic documents + weak labels from the parser)")
    corpus = build_corpus(cfg, log)
    timings: dict[str, float] = {"corpus_s": time.perf_counter() - t0}

    if base_model:
        vocab = CharVocab.load(base_model)
    else:
        from jixiao.pipelines.taxonomy import jieba_dictionary

        try:
            extra = jieba_dictionary()
        except Exception:  # the dictionary is a nicety for coverage, not a requirement
            extra = []
        vocab = CharVocab.build(corpus.unlabeled + [ex.text for ex in corpus.train], min_count=2, extra=extra)
    log(f"vocabulary: {len(vocab)} characters")
    rng = random.Random(cfg.seed)

    if base_model:
        from transformers import BertForTokenClassification

        from jixiao.models.labels import ID2LABEL

        # a local checkpoint (an MLM or another tagger) replaces pretraining; its vocab.txt is reused
        model = BertForTokenClassification.from_pretrained(
            str(base_model), use_safetensors=True, num_labels=len(LABEL2ID), id2label=dict(ID2LABEL),
            label2id=dict(LABEL2ID), ignore_mismatched_sizes=True)
        pre_loss = None
    else:
        config = bert_config(len(vocab), {**cfg.model, "max_position": max(cfg.window, int(cfg.model.get("max_position", cfg.window)))}, vocab.pad_id)
        t = time.perf_counter()
        mlm = new_mlm(config)
        unl = text_windows(corpus.unlabeled, vocab, cfg.window)
        pre_loss = pretrain_mlm(mlm, unl, vocab, cfg.pretrain, gen)
        timings["pretrain_s"] = time.perf_counter() - t
        model = new_tagger(config)
        model.bert.load_state_dict(mlm.bert.state_dict(), strict=False)
        del mlm

    t = time.perf_counter()
    xs, ys = labeled_windows(corpus.train, vocab, cfg.window, cfg.data.windows_per_doc, rng)
    log(f"fine-tuning on {len(xs)} windows of {cfg.window} characters")
    heldout = None
    if cfg.finetune.eval_every:
        # its own random windows: the training draws stay those of a run without the curve
        heldout = labeled_windows(corpus.synth_heldout + corpus.weak_heldout, vocab, cfg.window, 1,
                                  random.Random(cfg.seed + 2))
    ft_loss, curve = finetune(model, xs, ys, vocab, cfg.finetune, gen, heldout=heldout)
    timings["finetune_s"] = time.perf_counter() - t

    model.eval()
    save_tagger(model, out)
    vocab.save(out)
    (out / "train_config.json").write_text(cfg.model_dump_json(indent=2), encoding="utf-8")

    metrics: dict[str, Any] = {
        "params": sum(p.numel() for p in model.parameters()),
        "size": cfg.model,
        "losses": {"pretrain_mlm": pre_loss, "finetune": ft_loss},
        "learning_curve": curve,
        "corpus": {**corpus.notes, "sha256": corpus_fingerprint(corpus)},
        "threads": cfg.threads,
    }
    timings["total_s"] = time.perf_counter() - t0
    metrics["timings"] = timings
    return evaluate_checkpoint(out, cfg, corpus, metrics, onnx=onnx, log=log)


def evaluate_checkpoint(out: Path, cfg: TrainConfig, corpus: Corpus, metrics: dict[str, Any], onnx: bool = True,
                        log=print) -> dict[str, Any]:
    """Held-out span scores (and the ONNX stage) for a saved checkpoint; writes metrics.json."""
    from jixiao.models.tagger import CharTagger

    timings = metrics.setdefault("timings", {})
    t = time.perf_counter()
    tagger = CharTagger.from_pretrained(out, backend="torch", regions=False, threads=cfg.threads)
    metrics["synthetic_heldout"] = span_scores(tagger, corpus.synth_heldout)
    if cfg.data.family_mix:
        metrics["synthetic_by_family"] = family_scores(tagger, cfg)
    if corpus.weak_heldout:
        metrics["weak_heldout"] = span_scores(tagger, corpus.weak_heldout)
    if corpus.weak_collapsed_heldout:
        metrics["weak_collapsed_heldout"] = span_scores(tagger, corpus.weak_collapsed_heldout)
    timings["eval_s"] = time.perf_counter() - t
    if onnx:
        t = time.perf_counter()
        metrics["onnx"] = _onnx_stage(out, cfg, corpus, metrics, log)
        timings["onnx_s"] = time.perf_counter() - t
    (out / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=2), encoding="utf-8")
    return metrics


def reevaluate(out: Path, config_path: Path | None = None, onnx: bool = True, log=print) -> dict[str, Any]:
    """Re-score a trained checkpoint with the current inference code (same held-out data as ``train``)."""
    cfg = load_config(config_path)
    metrics = json.loads((Path(out) / "metrics.json").read_text(encoding="utf-8"))
    corpus = build_corpus(cfg, log)
    return evaluate_checkpoint(Path(out), cfg, corpus, metrics, onnx=onnx, log=log)


def _onnx_stage(out: Path, cfg: TrainConfig, corpus: Corpus, metrics: dict[str, Any], log) -> dict[str, Any]:
    """Export, quantize, and keep int8 only if it is faster at (near) equal held-out F1."""
    from jixiao.models.export import compare_backends, export_onnx, quantize_int8
    from jixiao.models.lean_onnx import lean_checkpoint
    from jixiao.models.tagger import ONNX_INT8, CharTagger

    log("exporting to ONNX and quantizing (int8, ONNX Runtime)")
    export_onnx(out, cfg.window)
    quantize_int8(out)
    lean_checkpoint(out)  # the small attention mask: the same logits, a quarter less time
    texts = [ex.text for ex in corpus.synth_heldout]
    report = compare_backends(out, texts, threads=cfg.threads)
    int8 = CharTagger.from_pretrained(out, backend="onnx-int8", regions=False, threads=cfg.threads)
    f1_int8 = span_scores(int8, corpus.synth_heldout)["micro avg"]["f1-score"]
    f1_fp32 = metrics["synthetic_heldout"]["micro avg"]["f1-score"]
    report["synthetic_micro_f1"] = {"fp32": f1_fp32, "int8": f1_int8}
    # the runtime install has no torch: int8 competes with the ONNX fp32 export it would otherwise run
    keep = report["onnx-int8_chars_per_s"] > report["onnx-fp32_chars_per_s"] and f1_int8 >= f1_fp32 - 0.005
    report["int8_shipped"] = keep
    if not keep:
        (out / ONNX_INT8).unlink(missing_ok=True)
    log(f"int8 {'kept' if keep else 'dropped'}: {report}")
    return report


def summary_rows(metrics: dict[str, Any]) -> list[tuple[str, ...]]:
    """(entity type, synthetic F1, weak F1, weak collapsed F1) rows for printing."""
    splits = [metrics.get(k, {}) for k in ("synthetic_heldout", "weak_heldout", "weak_collapsed_heldout")]
    rows = []
    for t in (*ENTITY_TYPES, "micro avg"):
        f1s = [split.get(t, {}).get("f1-score") for split in splits]
        rows.append((t, *("-" if f is None else f"{f:.3f}" for f in f1s)))
    return rows
