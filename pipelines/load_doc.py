"""DOC / WPS loader: Word 97-2003 binaries (and WPS 文字 files in that format), paragraphs and tables in order.

``doc_binary`` reads the file (why it is hand-written is said there); here its paragraphs become the Document the
way ``load_docx`` renders a .docx: a table's rows as cells on a grid whose columns are the union of the rows' cell
boundaries, a cell spanning the columns its boundaries cover, a vertically merged cell one anchor with its rowspan.
"""

from __future__ import annotations

import bisect

from jixiao.config import Settings, get_settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import EmptyInputError, InputTooLargeError, JixiaoError, unreadable
from jixiao.pipelines.doc_binary import (
    RowDef,
    WordBinary,
    horizontally_merged,
    merge_flags,
    paragraph_props,
    vertically_merged,
)
from jixiao.pipelines.document import Document
from jixiao.pipelines.load_builder import DocumentBuilder, GridCell

_WHAT = "Word 97-2003 (DOC/WPS) file; save it as DOCX and retry"
# Field codes: the code between \x13 and \x14 is hidden, the result up to \x15 shows.
_FIELD_BEGIN, _FIELD_SEP, _FIELD_END = "\x13", "\x14", "\x15"
# Control characters in Word's text: \x0b a line break, \x1e a non-breaking hyphen; the rest mark objects
# (\x01 picture, \x08 drawing, \x02 / \x05 note references) or layout and show nothing.
_CONTROL = {0x0B: "\n", 0x1E: "-", 0x09: " ", 0xA0: " "}
_DROP = {c: None for c in range(0x20) if c not in (0x0A, 0x0D, 0x07, 0x0C) and c not in _CONTROL}
# cell boundaries closer than this (twips, 1/20 pt) are one grid line: rows drawn by hand rarely align exactly
_SNAP_TWIPS = 30
# paragraphs between two looks at the deadline
_DEADLINE_PARAGRAPHS = 2000


def _strip_fields(text: str) -> str:
    if _FIELD_BEGIN not in text:
        return text
    out, depth_code = [], []  # per open field: still in its code part
    in_code = 0  # open fields still in their code part: a character shows when none is (counted, not searched for)
    for ch in text:
        if ch == _FIELD_BEGIN:
            depth_code.append(True)
            in_code += 1
        elif ch == _FIELD_SEP and depth_code:
            in_code -= depth_code[-1]
            depth_code[-1] = False
        elif ch == _FIELD_END and depth_code:
            in_code -= depth_code.pop()
        elif not in_code:
            out.append(ch)
    return "".join(out)


def _clean(text: str) -> str:
    return text.translate(_CONTROL).translate(_DROP)


def _streams(data: bytes):
    import olefile

    with olefile.OleFileIO(data) as ole:
        word = ole.openstream("WordDocument").read()
        flags = int.from_bytes(word[0x0A:0x0C], "little") if len(word) >= 0x0C else 0
        table_name = "1Table" if flags & 0x0200 else "0Table"
        table = ole.openstream(table_name).read() if ole.exists(table_name) else b""
        extra = ole.openstream("Data").read() if ole.exists("Data") else b""
    return word, table, extra


def _grid(rows: list[tuple[list[str], RowDef | None]]) -> list[GridCell]:
    """The cells of one table: columns from every row's boundaries, merges from the TC flags."""
    lines: list[int] = []
    for _, row in rows:
        for x in row.bounds if row else ():
            i = bisect.bisect_left(lines, x - _SNAP_TWIPS)
            if i == len(lines) or abs(lines[i] - x) > _SNAP_TWIPS:
                lines.insert(i, x)

    def column(x: int) -> int:
        i = bisect.bisect_left(lines, x - _SNAP_TWIPS)
        return min(i, max(0, len(lines) - 1))

    cells: list[GridCell] = []
    owner: dict[tuple[int, int], GridCell] = {}
    for r, (texts, row) in enumerate(rows):
        last: GridCell | None = None
        for k, text in enumerate(texts):
            flags = row.flags[k] if row and k < len(row.flags) else 0
            if row and k + 1 < len(row.bounds):
                col, end = column(row.bounds[k]), column(row.bounds[k + 1])
            else:
                col = (last.col + last.colspan) if last else 0
                end = col + 1
            span = max(1, end - col)
            if horizontally_merged(flags) and last is not None:
                last.colspan = max(last.colspan, end - last.col)
                continue
            above = owner.get((r - 1, col))
            if vertically_merged(flags) and above is not None and above.col == col:
                above.rowspan = r - above.row + 1
                last = above
            else:
                last = GridCell(row=r, col=col, colspan=span, text=text)
                cells.append(last)
            for c in range(col, col + span):
                owner[(r, c)] = last
    return cells


def _read(binary: WordBinary, builder: DocumentBuilder, deadline: Deadline) -> None:
    """Paragraphs and tables in order."""
    text, fcs = binary.text()
    rows: list[tuple[list[str], RowDef | None]] = []
    cells: list[str] = []
    pending: list[str] = []  # paragraphs of the cell being read
    start = 0
    count = 0
    for i, ch in enumerate(text):
        if ch not in "\r\x07\x0c":
            continue
        count += 1
        if count % _DEADLINE_PARAGRAPHS == 0:
            deadline.check(f"reading paragraph {count} of the document")
        body = _clean(_strip_fields(text[start:i]))
        start = i + 1
        in_table, ttp, _, row, vmerge = paragraph_props(binary.properties(fcs[i]))
        if ch == "\x07" and ttp:  # the row-end mark: the cells read since the last one are this row's
            rows.append((cells, merge_flags(row, vmerge)))
            cells, pending = [], []
        elif ch == "\x07":
            cells.append("\n".join([*pending, body]).strip())
            pending = []
        elif in_table and ch == "\r":
            pending.append(body)
        else:
            if rows:
                builder.add_table(_grid(rows))
                rows = []
            builder.add_paragraph(body)
    if rows:
        builder.add_table(_grid(rows))


def load_doc(data: bytes, *, doc_id: str, source: str | None, settings: Settings | None = None,
             deadline: Deadline = NO_DEADLINE) -> Document:
    settings = settings or get_settings()
    builder = DocumentBuilder(doc_id=doc_id, source=source, format="doc", max_chars=settings.max_text_chars, deadline=deadline)
    try:
        word, table, extra = _streams(data)
        binary = WordBinary(word, table, extra, settings.max_text_chars)
        _read(binary, builder, deadline)
    except (JixiaoError, MemoryError):  # the builder's limits and the deadline; the worker's memory limit
        raise
    except OverflowError as exc:
        raise InputTooLargeError(f"{exc}, over the limit of {settings.max_text_chars} (JIXIAO_MAX_TEXT_CHARS)",
                                 source=source) from exc
    except Exception as exc:  # DocFormatError, struct.error, IndexError, olefile's OSError … on damaged files
        raise unreadable(exc, f"not a readable {_WHAT}", source=source) from exc
    result = builder.build()
    if not result.text.strip():
        raise EmptyInputError("the Word file has no text", source=source)
    return result
