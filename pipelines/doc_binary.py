"""A narrow reader of Word 97-2003 binaries (.doc, and .wps in WPS's compatible mode): main text, paragraphs, tables.

Hand-written over ``olefile`` because no pure-Python package keeps a table's structure: ``legacy-doc`` (tried
first) turns Word's cell and row marks (``\\x07``) into spaces, so a 自评表 becomes one line of words. The path,
after [MS-DOC]: the FIB gives the table stream, ``ccpText`` (main document length), the Clx (piece table: where
each run of characters sits in the WordDocument stream, 8-bit or UTF-16) and the PlcBtePapx (paragraph properties
in 512-byte FKP pages). A paragraph ends with ``\\r``; a table cell's last paragraph with ``\\x07``, and a row ends
with a further ``\\x07`` paragraph whose properties say "row end" (sprmPFTtp) and carry the row's cell boundaries
and merge flags (sprmTDefTable, sprmTVertMerge). Nothing else is parsed: no styles, fields beyond their shown
result, headers, footnotes, text boxes. Every read is bounded by the stream it reads from.
"""

from __future__ import annotations

import bisect
import struct
from array import array
from dataclasses import dataclass

_FKP = 512
_SPRM_SIZES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # operand size by spra (the sprm's top 3 bits); 6 varies
_IN_TABLE, _TTP, _ITAP, _DEF_TABLE, _VERT_MERGE, _HUGE_PAPX = 0x2416, 0x2417, 0x6649, 0xD608, 0xD62B, 0x6646
_CHG_TABS = 0xC615
_FC_CLX, _FC_BTE_PAPX = 33, 13  # pair indexes in FibRgFcLcb97
# TC80 flags
_FIRST_MERGED, _MERGED, _VERT_MERGED, _VERT_RESTART = 0x0001, 0x0002, 0x0020, 0x0040


class DocFormatError(ValueError):
    """The Word binary's structures do not hold together (a damaged or truncated file)."""


@dataclass
class RowDef:
    """A table row's cells from sprmTDefTable: boundaries (twips, itcMac + 1 of them) and TC80 flags."""

    bounds: list[int]
    flags: list[int]


def _u16(b: bytes, at: int) -> int:
    if at + 2 > len(b):
        raise DocFormatError("structure runs past its stream")
    return struct.unpack_from("<H", b, at)[0]


def _u32(b: bytes, at: int) -> int:
    if at + 4 > len(b):
        raise DocFormatError("structure runs past its stream")
    return struct.unpack_from("<I", b, at)[0]


def _sprms(grpprl: bytes):
    """(sprm, operand) pairs of a grpprl; stops at a truncated one."""
    at = 0
    while at + 2 <= len(grpprl):
        sprm = _u16(grpprl, at)
        at += 2
        spra = sprm >> 13
        if spra != 6:
            size = _SPRM_SIZES[spra]
        elif sprm == _DEF_TABLE:  # a 16-bit size that counts itself minus one ([MS-DOC] TDefTableOperand)
            if at + 2 > len(grpprl):
                return
            size = _u16(grpprl, at) + 1
        elif sprm == _CHG_TABS and at < len(grpprl) and grpprl[at] == 255:
            return  # the rare long PChgTabs: nothing after it is needed here
        else:
            if at >= len(grpprl):
                return
            size = grpprl[at] + 1
        yield sprm, grpprl[at:at + size]
        at += size


def _row_def(operand: bytes) -> RowDef | None:
    if len(operand) < 3:
        return None
    n = operand[2]
    bounds_at, tc_at = 3, 3 + 2 * (n + 1)
    if tc_at > len(operand):
        return None
    bounds = list(struct.unpack_from(f"<{n + 1}h", operand, bounds_at))
    flags = [_u16(operand, tc_at + 20 * i) if tc_at + 20 * i + 2 <= len(operand) else 0 for i in range(n)]
    return RowDef(bounds, flags)


class WordBinary:
    """The streams of one Word binary and what this reader needs of them."""

    def __init__(self, word: bytes, table: bytes, data: bytes, max_chars: int) -> None:
        self.word, self.table, self.data = word, table, data
        if len(word) < 0x22 or _u16(word, 0) != 0xA5EC:
            raise DocFormatError("not a Word 97-2003 document (no FIB)")
        at = 32
        csw = _u16(word, at)
        at += 2 + 2 * csw
        cslw = _u16(word, at)
        at += 2
        self.ccp_text = _u32(word, at + 12)  # FibRgLw97.ccpText
        if self.ccp_text > max_chars:
            raise OverflowError(f"the document holds {self.ccp_text} characters")
        at += 4 * cslw + 2
        self.fc_lcb_at = at
        self._fkp_cache: dict[int, list[tuple[int, int, bytes]]] = {}
        self._bte = self._plc_bte()

    def _pair(self, index: int) -> tuple[int, int]:
        at = self.fc_lcb_at + 8 * index
        return _u32(self.word, at), _u32(self.word, at + 4)

    def pieces(self) -> list[tuple[int, int, int, bool]]:
        """(cp start, cp end, byte offset in WordDocument, compressed) of every piece of the main text."""
        fc, lcb = self._pair(_FC_CLX)
        clx = self.table[fc:fc + lcb]
        at = 0
        while at < len(clx) and clx[at] == 0x01:  # Prc: property modifiers we do not need
            at += 3 + _u16(clx, at + 1)
        if at >= len(clx) or clx[at] != 0x02:
            raise DocFormatError("no piece table")
        size = _u32(clx, at + 1)
        plc = clx[at + 5:at + 5 + size]
        n = (len(plc) - 4) // 12
        if n <= 0:
            raise DocFormatError("empty piece table")
        cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
        out = []
        for i in range(n):
            raw = _u32(plc, 4 * (n + 1) + 8 * i + 2)
            compressed = bool(raw & 0x40000000)
            offset = (raw & 0x3FFFFFFF) // 2 if compressed else raw & 0x3FFFFFFF
            out.append((cps[i], cps[i + 1], offset, compressed))
        return out

    def text(self) -> tuple[str, array]:
        """The main text and each character's byte offset in the WordDocument stream (paragraph marks are looked
        up by it)."""
        chars: list[str] = []
        fcs = array("q")  # 8 bytes a character, not a Python int's 36
        left = self.ccp_text  # pieces that overlap or repeat (a damaged Clx) cannot make the text longer than this
        for cp0, cp1, offset, compressed in self.pieces():
            cp1 = min(cp1, self.ccp_text)
            if cp1 <= cp0 or left <= 0:
                continue
            n = min(cp1 - cp0, left)
            left -= n
            width = 1 if compressed else 2
            raw = self.word[offset:offset + n * width]
            if len(raw) < n * width:
                raise DocFormatError("a piece runs past the WordDocument stream")
            chars.append(raw.decode("cp1252", errors="replace") if compressed else raw.decode("utf-16-le", errors="replace"))
            fcs.extend(range(offset, offset + n * width, width))
        return "".join(chars), fcs

    def _plc_bte(self) -> tuple[list[int], list[int]]:
        fc, lcb = self._pair(_FC_BTE_PAPX)
        plc = self.table[fc:fc + lcb]
        n = (len(plc) - 4) // 8
        if n <= 0:
            return [], []
        fcs = list(struct.unpack_from(f"<{n + 1}I", plc, 0))
        pages = [p & 0x3FFFFF for p in struct.unpack_from(f"<{n}I", plc, 4 * (n + 1))]
        return fcs, pages

    def _fkp(self, page: int) -> list[tuple[int, int, bytes]]:
        """(fc start, fc end, grpprl) runs of one PapxFkp page."""
        if page in self._fkp_cache:
            return self._fkp_cache[page]
        fkp = self.word[page * _FKP:(page + 1) * _FKP]
        if len(fkp) < _FKP:
            raise DocFormatError("a paragraph-property page runs past the WordDocument stream")
        crun = fkp[_FKP - 1]
        fcs = struct.unpack_from(f"<{crun + 1}I", fkp, 0)
        runs = []
        for i in range(crun):
            boff = fkp[4 * (crun + 1) + 13 * i] * 2
            grpprl = b""
            if boff and boff < _FKP - 1:
                cb = fkp[boff]
                start, size = (boff + 2, 2 * fkp[boff + 1]) if cb == 0 else (boff + 1, 2 * cb - 1)
                grpprl = fkp[start + 2:start + size]  # after istd
            runs.append((fcs[i], fcs[i + 1], grpprl))
        self._fkp_cache[page] = runs
        return runs

    def properties(self, fc: int) -> bytes:
        """The grpprl of the paragraph whose mark sits at byte offset FC (b"" where none is found)."""
        fcs, pages = self._bte
        i = bisect.bisect_right(fcs, fc) - 1
        if i < 0 or i >= len(pages):
            return b""
        for lo, hi, grpprl in self._fkp(pages[i]):
            if lo <= fc < hi:
                return self._huge(grpprl)
        return b""

    def _huge(self, grpprl: bytes) -> bytes:
        """sprmPHugePapx: the properties were too long for the page and live in the Data stream."""
        for sprm, operand in _sprms(grpprl):
            if sprm == _HUGE_PAPX and len(operand) == 4:
                at = _u32(operand, 0)
                size = _u16(self.data, at)
                return self.data[at + 2:at + 2 + size]
        return grpprl


def paragraph_props(grpprl: bytes) -> tuple[bool, bool, int, RowDef | None, dict[int, int]]:
    """(in table, row end, nesting depth, row definition, vertical-merge flags by cell) of a paragraph."""
    in_table = ttp = False
    depth = 0
    row = None
    vmerge: dict[int, int] = {}
    for sprm, operand in _sprms(grpprl):
        if sprm == _IN_TABLE:
            in_table = bool(operand[0])
        elif sprm == _TTP:
            ttp = bool(operand[0])
        elif sprm == _ITAP and len(operand) == 4:
            depth = _u32(operand, 0)
        elif sprm == _DEF_TABLE:
            row = _row_def(operand)
        elif sprm == _VERT_MERGE and len(operand) >= 3:
            vmerge[operand[1]] = operand[2]
    return in_table or depth > 0, ttp, depth, row, vmerge


def merge_flags(row: RowDef | None, vmerge: dict[int, int]) -> RowDef | None:
    """sprmTVertMerge (a later Word's way) folded into the TC80 flags: 1 merged with the cell above, 3 a restart."""
    if row is None:
        return None
    flags = list(row.flags)
    for itc, how in vmerge.items():
        if itc < len(flags):
            flags[itc] = (flags[itc] & ~(_VERT_MERGED | _VERT_RESTART)) | (
                _VERT_MERGED if how == 1 else _VERT_MERGED | _VERT_RESTART if how == 3 else 0)
    return RowDef(row.bounds, flags)


def horizontally_merged(flags: int) -> bool:
    """A cell folded into the one before it (Word 97's fMerged without fFirstMerged)."""
    return bool(flags & _MERGED) and not flags & _FIRST_MERGED


def vertically_merged(flags: int) -> bool:
    """A cell continuing the merged cell above it."""
    return bool(flags & _VERT_MERGED) and not flags & _VERT_RESTART
