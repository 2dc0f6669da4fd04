"""Character vocabulary: one id per character, exact offsets, no sub-word merging.

A BERT WordPiece tokenizer drops whitespace and merges digit runs, which
would break the one-tag-per-character alignment; here every character of
the input is one position. Whitespace that structures a table (tab, line
break, space) gets its own token, and characters are looked up after NFKC
(full-width digits read as ASCII) so one id covers both widths. The
vocabulary is saved as ``vocab.txt`` next to a ``BertTokenizerFast`` in
Hugging Face layout, so the checkpoint opens with standard tools too.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

SPECIAL = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "[TAB]", "[NL]", "[SP]")
WHITESPACE_TOKENS = {"\t": "[TAB]", "\n": "[NL]", "\r": "[NL]", " ": "[SP]", "\u3000": "[SP]", "\xa0": "[SP]"}


def char_key(c: str) -> str:
    """The vocabulary key of one character."""
    if c in WHITESPACE_TOKENS:
        return WHITESPACE_TOKENS[c]
    if c.isspace():
        return "[SP]"
    n = unicodedata.normalize("NFKC", c)
    return n[0] if n and not n[0].isspace() else c


class CharVocab:
    def __init__(self, tokens: list[str]):
        self.tokens = list(tokens)
        self.index = {t: i for i, t in enumerate(self.tokens)}
        self.pad_id = self.index["[PAD]"]
        self.unk_id = self.index["[UNK]"]
        self.mask_id = self.index["[MASK]"]
        self._cache: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.tokens)

    def id(self, c: str) -> int:
        got = self._cache.get(c)
        if got is None:
            got = self.index.get(char_key(c), self.unk_id)
            self._cache[c] = got
        return got

    def encode(self, text: str) -> list[int]:
        return [self.id(c) for c in text]

    @classmethod
    def build(cls, texts: Iterable[str], min_count: int = 2, extra: Iterable[str] = ()) -> CharVocab:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(char_key(c) for c in text)
        for text in extra:
            counts.update({char_key(c): min_count for c in text})
        # digits and ASCII letters always get their own id
        for c in "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ%.-+=<>≥≤/()":
            counts[c] += min_count
        chars = sorted(c for c, n in counts.items() if n >= min_count and c not in SPECIAL)
        return cls(list(SPECIAL) + chars)

    def save(self, directory: Path) -> None:
        """vocab.txt plus Hugging Face tokenizer files."""
        from transformers import BertTokenizerFast

        directory.mkdir(parents=True, exist_ok=True)
        path = directory / "vocab.txt"
        path.write_text("\n".join(self.tokens) + "\n", encoding="utf-8")
        tok = BertTokenizerFast(vocab=str(path), do_lower_case=False, tokenize_chinese_chars=True)
        tok.save_pretrained(str(directory))

    @classmethod
    def load(cls, directory: Path) -> CharVocab:
        lines = (Path(directory) / "vocab.txt").read_text(encoding="utf-8").split("\n")
        return cls([t for t in lines if t])
