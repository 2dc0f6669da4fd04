"""The domain vocabulary has one home: ``jixiao.pipelines.vocab``.

Header and label words, category words and the column words of the funds and
indicator tables are written once, in the package ``pipelines/vocab/``; the parsers, the
segmenter, the collapsed-text reader, the generator, the weak labeller and the
tagger derive their lists from it. A literal elsewhere that names two or more of
those words (a tuple of header words, a regex alternation, a whitespace-separated
word list) is a second copy, which drifts: this test names it.

A word is found as a whole token of a literal (split at whitespace, regex syntax
and punctuation), so prose that happens to contain a word (``执行数为…万元``)
and docstrings are not lists. The words themselves are read from ``vocab``, so a
word added there is guarded here at once.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from jixiao.config import REPO_ROOT
from jixiao.pipelines import vocab as V

# the product's source folders (bench/ and notebooks/ are research, tests/ are fixtures)
SCANNED = ("pipelines", "models", "service", "eval")
# the homes of the vocabulary, allowed to hold it
HOMES = Path("pipelines/vocab")
# at whitespace, regex syntax and punctuation a literal splits into tokens
_SPLIT = re.compile(r"[\s|()（）\[\]{}?:：^$*+\\.,，、;；<>=≥≤\"'-]+")


def characteristic_words() -> frozenset[str]:
    """The vocabulary's words: every label, column header and category word the parser keys on."""
    words = set(V.LABEL_WORDS) | set(V.LEVEL1) | set(V.LEVEL2_PARENT)
    for table in (V.FUNDS_HEADER_WORDS, V.INDICATOR_HEADER_WORDS):
        for ws in table.values():
            words.update(ws)
    return frozenset(words)


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


_ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def _not_lists(tree: ast.AST) -> set[int]:
    """Nodes that hold words without being a list of them: docstrings, and the values of ``EXAMPLE*`` names
    (a sample document or record, which must print the words)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if node.value is not None and any(isinstance(t, ast.Name) and t.id.startswith("EXAMPLE") for t in targets):
                out.update(id(n) for n in ast.walk(node.value))
    return out


def vocabulary_copies(source: str, words: frozenset[str]) -> list[tuple[int, list[str]]]:
    """(line, words) of each literal in ``source`` that names two or more distinct ``words``: a string
    constant, or a tuple/list/set of strings (f-string parts included), outermost first."""
    tree = ast.parse(source)
    skip = _not_lists(tree)
    found: list[tuple[int, list[str]]] = []
    seen: set[int] = set()
    for node in ast.walk(tree):
        if id(node) in seen or id(node) in skip:
            continue
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            texts = _strings(node)
            inner = ast.walk(node)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            texts, inner = [node.value], iter(())
        else:
            continue
        hits = sorted({t for text in texts for t in _SPLIT.split(text) if t in words})
        # English prose that names a word or two (a model card, a message) is no list either
        if len(hits) >= 2 and len(hits) >= sum(len(_ENGLISH_WORD.findall(text)) for text in texts):
            found.append((node.lineno, hits))
            seen.update(id(n) for n in inner)
    return found


def copies_in_tree(root: Path) -> dict[str, list[tuple[int, list[str]]]]:
    words = characteristic_words()
    out = {}
    for folder in SCANNED:
        for path in sorted((root / folder).rglob("*.py")):
            rel = path.relative_to(root)
            if rel.is_relative_to(HOMES):
                continue
            hits = vocabulary_copies(path.read_text(encoding="utf-8"), words)
            if hits:
                out[str(rel)] = hits
    return out


def test_the_scanner_finds_a_copy():
    words = characteristic_words()
    assert vocabulary_copies('HEADS = ("项目名称", "主管部门")\n', words)
    assert vocabulary_copies('RX = r"^(分值|权重)(\\(分\\))?$"\n', words)
    assert vocabulary_copies('KW = "一级指标 二级指标".split()\n', words)
    assert vocabulary_copies('H = (f"项目资金{u}", f"年度预算数{u}")\n', words)
    # one word, prose, a docstring: not lists
    assert not vocabulary_copies('A = "项目名称"\nB = "{name}项目全年预算数为{a}万元，执行数为{a}万元。"\n', words)
    assert not vocabulary_copies('def f():\n    """项目名称 主管部门 实施单位"""\n', words)
    assert not vocabulary_copies('EXAMPLE_TEXT = "项目名称\\t老字号\\n主管部门\\t商务局\\n"\n', words)
    assert not vocabulary_copies('NOTE = "PROJECT/DEPT/IMPL: the project name, its 主管部门 and 实施单位"\n', words)


def test_no_copy_of_the_vocabulary_outside_its_home():
    copies = copies_in_tree(REPO_ROOT)
    listing = "\n".join(f"{path}:{line}: {' '.join(ws)}" for path, hits in copies.items() for line, ws in hits)
    assert not copies, "word lists outside pipelines/vocab/; derive them from jixiao.pipelines.vocab:\n" + listing


def test_the_generator_prints_only_words_the_parser_reads():
    """Every header word the generator draws is one the table parser reads as a label or a column header:
    a word the tagger is taught to see is a word the parser keys on."""
    from jixiao.pipelines.layout import Cell
    from jixiao.pipelines.normalize import normalize_text
    from jixiao.pipelines.cells import is_label
    from jixiao.pipelines.funds_table import funds_column
    from jixiao.pipelines.indicator_table import indicator_column

    unread = []
    for forms in (V.TEMPLATE_HEADERS, V.WIDE_HEADERS):
        for field, words in forms.items():
            if field == "funds":
                continue  # the funds header row's caption (项目资金(万元)), no column of its own
            for word in words:
                t = Cell(col=0, start=0, end=0, text=normalize_text(word).text).clean.rstrip(":")
                if not (is_label(t) or funds_column(t) or indicator_column(t) or V.TOTAL_SCORE_LABEL.match(t)
                        or V.FUNDS_TOTAL_LABEL.match(t) or V.field_label(t)):
                    unread.append((field, word))
    assert not unread, unread


def test_the_wan_factor_is_one_named_constant():
    """万元 -> 元 is ``jixiao.record.YUAN_PER_WAN`` (亿元: ``YUAN_PER_YI``): no stage writes the number again."""
    from jixiao.record import YUAN_PER_WAN, YUAN_PER_YI

    factors = {YUAN_PER_WAN, YUAN_PER_YI}
    found = []
    for folder in SCANNED:
        for path in sorted((REPO_ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, float) and node.value in factors:
                    found.append(f"{path.relative_to(REPO_ROOT)}:{node.lineno}")
    assert not found, found


def test_the_tolerant_column_words_are_the_exact_patterns_words():
    """Each column word of the tolerant second pass is read by its own column's exact pattern, so the two
    readings of a header cannot put a word in different columns (the weight and score columns' words are
    one list for both, WEIGHT_WORDS and SCORE_WORDS)."""
    from jixiao.pipelines.funds_table import funds_column
    from jixiao.pipelines.indicator_table import indicator_column

    wrong = [(slot, w, funds_column(w)) for slot, ws in V.FUNDS_HEADER_WORDS.items() for w in ws if funds_column(w) != slot]
    wrong += [(slot, w, indicator_column(w)) for slot, ws in V.INDICATOR_HEADER_WORDS.items() for w in ws if indicator_column(w) != slot]
    assert not wrong, wrong
