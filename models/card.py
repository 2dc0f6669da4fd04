"""The model card (``models/checkpoint/README.md``), written from measured numbers only.

Sections come from ``metrics.json`` (written by ``jixiao train``) and, when
present, the benchmark and ablation results under ``bench/results/``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jixiao.models import learning_curve
from jixiao.models.labels import ENTITY_TYPES


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _f(x: Any, digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def render_card(metrics: dict[str, Any], sizes: list[dict] | None = None, bench: dict | None = None,
                ablation: dict | None = None, sizes_full: list[dict] | None = None,
                ablation_detail: dict | None = None, windows: tuple[int, int] = (256, 192),
                real_layouts: dict | None = None) -> str:
    """The card's text; ``windows`` is the checkpoint's (window, stride) in characters (``checkpoint_windows``)."""
    window, stride = windows
    lines = _front(metrics, window, stride) + _span_f1_rows(metrics) + _family_rows(metrics) + _training_time(metrics)
    lines += learning_curve.card_rows(metrics.get("learning_curve") or [])
    if sizes:
        lines += _size_choice(sizes)
    if sizes_full:
        lines += _size_choice_full(sizes_full)
    onnx = metrics.get("onnx")
    if onnx or bench:
        lines += _speed(onnx, bench)
    if ablation:
        lines += _ablation(ablation, ablation_detail)
    if real_layouts:
        lines += _real_layouts(real_layouts)
    lines += _limits(window)
    return "\n".join(lines)


def _front(metrics: dict[str, Any], window: int, stride: int) -> list[str]:
    """Front matter, the model, the label scheme, the training data and the head of the span F1 table."""
    size = metrics.get("size", {})
    corpus = metrics.get("corpus", {})
    lines = [
        "---",
        "language: zh",
        "library_name: transformers",
        "pipeline_tag: token-classification",
        "tags: [jixiao, character-bert, budget-performance]",
        "---",
        "",
        "# jixiao character tagger",
        "",
        "A character-level BERT token classifier (transformers `BertForTokenClassification`) that tags the fields of "
        "项目支出绩效自评表 in text whose table layout is damaged or gone. Trained from scratch on this machine "
        "(no pretrained Chinese weights): masked-language-model pretraining on unlabeled text, then tagging.",
        "",
        f"- size: {size.get('layers')} layers, hidden {size.get('hidden')}, {size.get('heads')} heads, "
        f"{metrics.get('params', 0):,} parameters; window {window} characters, one position per character",
        "- weights: `model.safetensors` (load with safetensors only); ONNX export `model.onnx`"
        + ("; int8 `model.int8.onnx` (ONNX Runtime dynamic quantization)" if metrics.get("onnx", {}).get("int8_shipped") else ""),
        "- tokenizer: `vocab.txt` (one character per line; `[TAB]`, `[NL]`, `[SP]` stand for tab, line break, space; "
        "lookup after NFKC) + `tokenizer.json` for Hugging Face tools. Use `jixiao.models.vocab.CharVocab` to encode: "
        "it keeps exactly one position per character.",
        "- decoding: B and I probabilities are pooled into a type score, each run of non-space characters takes one "
        f"type, and spans are cut where the type changes (`CharTagger.decode`); {window}-character windows overlap by "
        f"{window - stride} and are averaged with edge weights.",
        f"- reproduce: `jixiao train` (config `models/train_config.json`, seed fixed, {metrics.get('threads', 1)} CPU "
        "thread(s); two runs give byte-identical weights on one machine). The training corpus's sha256 is in "
        "`metrics.json` (`corpus.sha256`), and a test rebuilds the corpus from the committed code and compares. "
        "`jixiao train --quick` trains a tiny test model.",
        "",
        "## Label scheme",
        "",
        "BIO over characters (see `models/labels.py`). Entity types: " + ", ".join(f"`{t}`" for t in ENTITY_TYPES) + ".",
        "PROJECT/CODE/DEPT/IMPL: project name, code, 主管部门, 实施单位; AMT_INIT/AMT_ANNUAL/AMT_EXEC/RATE: the funds "
        "total row; TOTAL/GRADE: project score and grade; L1/L2/IND: 一级/二级/三级指标; TARGET/ACTUAL/WEIGHT/SCORE: "
        "an indicator row's values; HEADER: the table-header words that delimit them.",
        "",
        *_training_data(corpus),
        "",
        "## Held-out span F1 (seqeval, strict IOB2)",
        "",
        "| type | synthetic P | synthetic R | synthetic F1 | weak F1 | weak collapsed F1 | weak support |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    return lines


def _training_data(corpus: dict[str, Any]) -> list[str]:
    """The training-data section: synthetic documents, weak labels and the pretraining text."""
    return [
        "## Training data",
        "",
        f"- synthetic documents: {corpus.get('synth_train_docs')} for training, {corpus.get('synth_heldout_docs')} held out "
        "(`models/synth.py`: records drawn from realistic distributions, rendered as tab rows, one cell per line, "
        "pipes, spaces, a single flattened line, wrapped rows; vertical category labels, spaced characters, "
        "full-width digits, OCR confusions, collapsed whitespace, junk lines; exact character labels"
        + (f"; {corpus.get('template_variety', 0):.0%} of the tables depart from the common national template "
           "(`synth.TableStyle`: other header words, weight before target, a 序号 column, 一级-二级 in one cell, "
           "label and value in one cell, information rows, units in amount cells)"
           if corpus.get("template_variety") else "") + ")"
        + (f"; printed in the real layouts' families by the weights {_mix(corpus['family_mix'])} "
           "(`models/synth_families.py`: space-separated rows, pipe rows with runs of empty cells, one cell per line "
           "ending ' |' with pipe-only filler rows, one cell per line with blank lines between cells, bare one cell "
           "per line, the whole table run together, each row's cells run together, metadata blocks and cut points; "
           "`synth_prose.py`: prose reports; `synth_mirror.py`: traditional-Chinese mirror pages with inline pinyin)"
           if corpus.get("family_mix") else "") + ".",
        f"- weak labels: the table parser's provenance offsets on seeds {', '.join(corpus.get('seeds', [])) or '-'} "
        f"(`models/weak.py`), regions per project: {corpus.get('weak_regions', corpus.get('weak_error', '-'))}; "
        "every 5th project region held out, and each region also as a collapsed copy (newlines and tabs turned into "
        "spaces, labels kept; kept by the rule written down before the comparison in "
        "`docs/decisions/weak_collapsed_choice.md`). Seed 004 (the dev set's test split) is refused by the code."
        + (f" The same labelling on the real layouts' development documents {_names(corpus['real_layouts'])} "
           f"({corpus.get('weak_real_layout_regions', 0)} of the regions; a document the parser reads nothing in gives "
           "none); the held-out split (rlb) is refused by the code."
           + (f" Those regions train as {corpus['weak_real_layout_examples']} copies (`models/real_copies.py`: each "
              "as printed, and with its contents redrawn by the generator as printed, collapsed, damaged and as a "
              "traditional mirror page); the rla documents not named are held out of training (ship rule in "
              "`docs/research/results/tagger_real_layouts.md`)." if corpus.get("weak_real_layout_examples") else "")
           if corpus.get("real_layouts") else "")
        + (f" The invented layouts' frozen weak labels (`models/weak_invented.py`, "
           f"`data/invented-layouts/weak_regions.jsonl`: the parser's provenance on the documents it reads as their "
           f"hand labels) of {_names(corpus['invented_layouts'])} ({corpus.get('weak_invented_regions', 0)} regions) "
           "train the same way, among those copies; the invented documents not named are held out of training."
           if corpus.get("invented_layouts") else ""),
        "- MLM pretraining text: seeds 000-003"
        + (", the real layouts' development documents" if corpus.get("real_layouts") else "")
        + " and half of the synthetic documents.",
    ]


def _mix(mix: dict[str, float]) -> str:
    total = sum(mix.values()) or 1.0
    return ", ".join(f"{k} {v / total:.0%}" for k, v in sorted(mix.items(), key=lambda kv: -kv[1]))


def _family_rows(metrics: dict[str, Any]) -> list[str]:
    """Held-out span F1 per layout family (``metrics.synthetic_by_family``)."""
    by_family = metrics.get("synthetic_by_family")
    if not by_family:
        return []
    types = ("PROJECT", "DEPT", "AMT_ANNUAL", "AMT_EXEC", "IND", "TARGET", "ACTUAL", "SCORE")
    lines = ["", "## Held-out span F1 by layout family (synthetic, documents of each family drawn apart)", "",
             "| family | micro F1 | " + " | ".join(types) + " |", "| --- | --- | " + " | ".join("---" for _ in types) + " |"]
    for family, scores in by_family.items():
        lines.append(f"| {family} | {_f(scores.get('micro avg'))} | " + " | ".join(_f(scores.get(t)) for t in types) + " |")
    return lines


def _span_f1_rows(metrics: dict[str, Any]) -> list[str]:
    syn = metrics.get("synthetic_heldout", {})
    weak = metrics.get("weak_heldout", {})
    weak_c = metrics.get("weak_collapsed_heldout", {})
    lines: list[str] = []
    for t in (*ENTITY_TYPES, "micro avg", "macro avg"):
        s, w, wc = syn.get(t, {}), weak.get(t, {}), weak_c.get(t, {})
        lines.append(f"| {t} | {_f(s.get('precision'))} | {_f(s.get('recall'))} | {_f(s.get('f1-score'))} | "
                     f"{_f(w.get('f1-score'))} | {_f(wc.get('f1-score'))} | {w.get('support', '-')} |")
    return lines


def _training_time(metrics: dict[str, Any]) -> list[str]:
    timings = metrics.get("timings", {})
    return ["", f"Training time: {timings.get('total_s', 0) / 60:.1f} min with {metrics.get('threads', 1)} CPU thread(s) "
            "on a shared 2-core machine (other jobs were running; alone it is faster) "
            f"(pretraining {timings.get('pretrain_s', 0) / 60:.1f} min, fine-tuning {timings.get('finetune_s', 0) / 60:.1f} min).", ""]


def _size_choice(sizes: list[dict]) -> list[str]:
    lines = ["## Size choice (accuracy per millisecond)", "",
             "Same data, seed and reduced budget for each size (`docs/research/sweep_sizes.py`; F1 there is from "
             "per-character argmax decoding, lower than the shipped decoder's, but equal across sizes).", "",
             "| layers/hidden | params | synthetic F1 | weak F1 | chars/s | ms per 1k chars | F1 per ms |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in sizes:
        lines.append(f"| {r['size']['layers']}/{r['size']['hidden']} | {r['params']:,} | {_f(r['synthetic_f1'])} | "
                     f"{_f(r.get('weak_f1'))} | {r['chars_per_s']:,} | {r['ms_per_1k_chars']:.1f} | {r['f1_per_ms']:.3f} |")
    lines.append("")
    return lines


def _size_choice_full(sizes_full: list[dict]) -> list[str]:
    lines = ["Full training budget (`jixiao train` with only the model size changed), decoded as shipped:", "",
             "| layers/hidden | params | synthetic F1 | weak F1 | chars/s (torch, 2 threads) | ms per 1k chars | "
             "synthetic F1 per ms |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in sizes_full:
        lines.append(f"| {r['size']['layers']}/{r['size']['hidden']} | {r['params']:,} | {_f(r['synthetic_f1'])} | "
                     f"{_f(r.get('weak_f1'))} | {r['chars_per_s']:,} | {r['ms_per_1k_chars']:.1f} | "
                     f"{r['f1_per_ms']:.3f} |")
    lines += ["", sizes_full[0].get("choice", ""), ""]
    return lines


def _speed(onnx: dict | None, bench: dict | None) -> list[str]:
    lines = ["## Speed", ""]
    if onnx:
        lines += [f"- held-out synthetic texts, 1 thread (measured by `jixiao train`): torch fp32 {onnx['torch_chars_per_s']:,} chars/s, ONNX fp32 "
                  f"{onnx['onnx-fp32_chars_per_s']:,}, ONNX int8 {onnx['onnx-int8_chars_per_s']:,}; int8 agrees with "
                  f"fp32 on {100 * onnx['int8_tag_agreement']:.1f}% of character tags; micro F1 fp32 "
                  f"{_f(onnx['synthetic_micro_f1']['fp32'])} vs int8 {_f(onnx['synthetic_micro_f1']['int8'])}; "
                  f"int8 {'shipped (faster at equal accuracy)' if onnx['int8_shipped'] else 'not shipped (not faster at equal accuracy)'}."]
    if bench:
        rates = ", ".join(f"{k.removesuffix('_chars_per_s')} {v:,}" for k, v in bench.items() if k.endswith("_chars_per_s"))
        lines += [f"- seeds 000-003 whole texts ({bench.get('throughput_chars', 0):,} chars), {bench.get('threads')} threads "
                  f"(`python bench/bench_tagger.py`): {rates} chars/s.",
                  f"- {bench.get('doc')} ({bench.get('doc_chars', 0):,} chars) extracted end to end in combined mode: "
                  f"{bench.get('e2e_regions_s')} s (tagging candidate regions only), {bench.get('e2e_whole_text_s')} s "
                  f"(tagging all text); parser alone {bench.get('e2e_parser_only_s')} s. `python bench/bench_tagger.py`."]
    lines.append("")
    return lines


def _ablation(ablation: dict, ablation_detail: dict | None) -> list[str]:
    lines = ["## Ablation: record F1 (`jixiao eval data/dev --mode M --variant V`, `python bench/ablation.py`)", "",
             "Variants: none = the dev set as is; collapsed = every newline and tab replaced by a space; "
             "noised = the harness's seeded layout/OCR noise; wrapped = lines broken at a page's width (76 columns). Columns: all five documents; in brackets the dev "
             "split (seeds 000-003) / the test split (seed 004).", "",
             "| variant | parser | tagger | combined (default) |", "| --- | --- | --- | --- |"]
    detail = ablation_detail or {}
    for variant, row in ablation.items():
        cells = []
        for mode in ("parser", "tagger", "combined"):
            d = detail.get(variant, {}).get(mode, {})
            extra = f" ({_f(d.get('dev'))} / {_f(d.get('test'))})" if d else ""
            cells.append(_f(row.get(mode)) + extra)
        lines.append(f"| {variant} | " + " | ".join(cells) + " |")
    below = [f"{v} ({_f(r.get('combined'))} vs {_f(max(r.get('parser') or 0, r.get('tagger') or 0))})"
             for v, r in ablation.items()
             if r.get("combined") is not None and r["combined"] < max(r.get("parser") or 0, r.get("tagger") or 0)]
    if below:
        lines += ["", "The combined path is below the best single path on: " + ", ".join(below) + "."]
    lines += ["", "Seeds 000-003 were training data for the tagger (weak labels, MLM text), so the dev-split numbers "
              "of the tagger and combined paths are optimistic; seed 004 (test) was never trained on.", ""]
    return lines


def _real_layouts(detail: dict) -> list[str]:
    lines = ["## Real layouts: record F1 (`jixiao eval data/real-layouts --mode M --variant V`, "
             "`python bench/ablation.py --gold data/real-layouts --out bench/results/ablation_real_layouts.json`)", "",
             "32 documents in the layouts of other bureaus (`data/real-layouts`): rla, the development split; rlb, "
             "held out (run to measure, never read). Cells: rla / rlb.", "",
             "| variant | parser | tagger | combined (default) |", "| --- | --- | --- | --- |"]
    for variant, modes in detail.items():
        cells = [f"{_f(modes.get(m, {}).get('rla'))} / {_f(modes.get(m, {}).get('rlb'))}"
                 for m in ("parser", "tagger", "combined")]
        lines.append(f"| {variant} | " + " | ".join(cells) + " |")
    lines += ["", "The combined path is the parser's reading with the tagger's fills of its gaps; the tagger alone reads "
              "these layouts far below the parser (what limits it: `docs/research/results/tagger_families.md`).", ""]
    return lines


def _limits(window: int) -> list[str]:
    return [
        "## Limits",
        "",
        "- Trained on synthetic documents plus weak labels from four real documents: the families are the catalog's "
        "(real contents differ: names, indicators and wordings of other bureaus); 部门整体 tables are not in them.",
        "- Weak labels inherit the parser's mistakes; a field the parser missed is taught as `O`.",
        f"- The tagger reads {window}-character windows: a field whose meaning depends on a header far away (which column "
        "an amount is under, in a long flattened row) can be confused (AMT_INIT vs AMT_ANNUAL).",
        "- Only candidate regions near table vocabulary are tagged by default (`JIXIAO_TAGGER_REGIONS=false` tags "
        "everything); a text with none of it is tagged near its report words (绩效, 自评, 预算, 执行数).",
        "",
    ]


def _names(files: list[str]) -> str:
    stems = [f.removesuffix(".txt") for f in files]
    # a range only where the names run without a gap (seeds 000-003); else each name (rla01, rla02, rla04, ...)
    numbers = [s.split("_")[0].lstrip("abcdefghijklmnopqrstuvwxyz") for s in stems]
    run = all(n.isdigit() for n in numbers) and [int(n) for n in numbers] == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))
    return f"{stems[0]}-{stems[-1]}" if len(stems) > 2 and run else ", ".join(stems)


def write_card(model_dir: Path, results_dir: Path = Path("bench/results")) -> Path:
    from jixiao.models.tagger import checkpoint_windows

    metrics = _load(Path(model_dir) / "metrics.json") or {}
    windows = checkpoint_windows(Path(model_dir), _load(Path(model_dir) / "config.json") or {})
    text = render_card(metrics, _load(results_dir / "sizes.json"), _load(results_dir / "tagger.json"),
                       _load(results_dir / "ablation.json"), _load(results_dir / "sizes_full.json"),
                       _load(results_dir / "ablation_detail.json"), windows=windows,
                       real_layouts=_load(results_dir / "ablation_real_layouts_detail.json"))
    learning_curve.plot(metrics.get("learning_curve") or [], Path(model_dir) / learning_curve.PLOT_NAME)
    out = Path(model_dir) / "README.md"
    out.write_text(text, encoding="utf-8")
    return out
