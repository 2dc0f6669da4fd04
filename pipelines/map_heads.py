"""The mapper's readings of a level-3 name by its head: a head reached through one slipped character, a taxonomy
name spread over a longer one, an entry more specific than a generic head (words of one meaning folded), whose
satisfaction a name is, a count of those paid, and an adverse event that did not happen.

A mixin of ``map.Mapper``: it reads the mapper's surface tables (``_surfaces``) and builds its own indexes of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from jixiao.pipelines.indicator_names import (SPREAD_MIN_LENGTH, SPREAD_PIECE, made_noun_kept, same_meaning_kind,
                                              spread_in)
from jixiao.pipelines.indicator_roles import (ROLE_TAILS, activity_count, benefit_phrase, duration_role,
                                              head_synonyms, on_time, on_time_rate, purchase_cost,
                                              batches_tested, served_count)
from jixiao.pipelines.indicator_readings import (bare_satisfaction, counted_case_held, per_head_allowance, recipient_count,
                                                 satisfaction_group, specific_fold, zero_incident)
from jixiao.pipelines.map_results import MatchResult
from jixiao.pipelines.taxonomy import Entry
from jixiao.pipelines.vocab import (ACTIVITY_COUNT_ENTRY, ALLOWANCE_ENTRY, ALLOWANCE_PER_HEAD, ALLOWANCE_WORDS,
                                    INCIDENT_ENTRY, MEASURE_ENDINGS, OCR_GLYPH_SLIPS, ON_TIME_RATE_NOT, QUALITY_NOUNS,
                                    RECIPIENT_COUNT_ENTRY, SERVED_ENTRY, SPECIFIC_FOLDS, TESTED_BATCH_ENTRY, UNIT_COST_WORD,
                                    UNIT_FEE_ENDINGS)

# the head of a level-3 name (its end, where a Chinese compound puts what it is) is at least this long
HEAD_MIN_LENGTH = 2
# a head reached through one slipped character is at least this long (成活卒 -> 成活率)
SLIPPED_HEAD_MIN_LENGTH = 3
# a qualifier of a specific form printed with one character changed is read as a slip from this many characters on
# (验收 of 验收合格率 is two: 验牧 may be a slip or another word, and the name is left unmatched)
SLIPPED_QUALIFIER_MIN = 3
# a name spread over a longer one (享受…待遇…人数) is less sure than its head printed whole: 60 + 30 x its share
SPREAD_BASE_SCORE = 60.0
# a reading from the name's words (a group's satisfaction, those paid, no incident) is as sure as a short head
READING_SCORE = 70.0
# a taxonomy form read with its words in another order (补助资金及时拨付率: 资金拨付及时率) has at least this many
# characters before its measure ending, in pieces of SPREAD_PIECE: two words, so that the order is a choice (one word
# and its head is a head, read whole)
PIECES_MIN_WORDS = 4
# the measure endings a form is cut at, longest first (达标率 before 率, 满意度 before 度): looked up by length
_ENDINGS_BY_LAST: dict[str, tuple[str, ...]] = {}
for _e in sorted({e for _, ends in MEASURE_ENDINGS for e in ends}, key=len, reverse=True):
    _ENDINGS_BY_LAST[_e[-1]] = (*_ENDINGS_BY_LAST.get(_e[-1], ()), _e)
# the last characters of a payment per head (补助, 补贴人均, …金额): a name ending otherwise is not asked
_ALLOWANCE_LAST = frozenset(w[-1] for w in (*ALLOWANCE_WORDS, *ALLOWANCE_PER_HEAD, "金额"))


def _measure_end(key: str) -> str | None:
    """The longest measure ending the key ends with (and is longer than), or None."""
    for e in _ENDINGS_BY_LAST.get(key[-1:], ()):
        if len(key) > len(e) and key.endswith(e):
            return e
    return None


def _pieces(words: str) -> tuple[str, ...]:
    """Words cut in pieces of SPREAD_PIECE characters, the last one taking an odd character (高标准农田 -> 高标, 准农田)."""
    n = len(words) // SPREAD_PIECE
    cuts = [words[k * SPREAD_PIECE:(k + 1) * SPREAD_PIECE] for k in range(n - 1)]
    return (*cuts, words[(n - 1) * SPREAD_PIECE:])


class HeadReadings:
    """Head readings over ``self._surfaces["indicator"]``; ``_head_indexes`` builds their tables once."""

    _surfaces: dict[str, tuple[list[str], list[Entry], list[str]]]
    _result: Callable[..., MatchResult]  # the mapper's

    def _head_indexes(self) -> None:
        keys3, entries3, methods3 = self._surfaces["indicator"]
        named = [i for i, e in enumerate(entries3) if e.canonical or methods3[i] == "alias"]
        # canonical level-3 surfaces with one character masked: the heads an OCR slip can still reach
        one_off: dict[str, list[int]] = defaultdict(list)
        by_ending: dict[str, list[int]] = defaultdict(list)
        by_folded_ending: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for i in named:
            k = keys3[i]
            if len(k) >= SLIPPED_HEAD_MIN_LENGTH:
                for pos in range(len(k)):
                    one_off[k[:pos] + "\0" + k[pos + 1:]].append(i)
            if len(k) >= SPREAD_MIN_LENGTH:
                by_ending[k[-SPREAD_PIECE:]].append(i)
                f = specific_fold(k)
                by_folded_ending[f[-SPREAD_PIECE:]].append((f, i))
        # forms with two words or more before their measure ending, by that ending: (pieces, index)
        by_measure_end: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        for i in named:
            k = keys3[i]
            end = _measure_end(k)
            if end is not None and len(k) - len(end) >= PIECES_MIN_WORDS:
                by_measure_end[end].append((_pieces(k[: -len(end)]), i))
        self._by_measure_end = dict(by_measure_end)
        self._one_off = dict(one_off)
        self._by_ending = dict(by_ending)
        # the last and the last but one characters of the forms a slipped head may be (a name keeps one of the two)
        self._slip_last = frozenset(k[-1] for k in one_off if k[-1] != "\0")
        self._slip_before_last = frozenset(k[-2] for k in one_off if k[-2] != "\0")
        # the characters named forms end with: a name ending otherwise has no printed head (most names of a hot path)
        self._last_chars = frozenset(keys3[i][-1:] for i in named)
        # the words (last two characters) that the taxonomy's named forms end with
        self._endings = frozenset(keys3[i][-SPREAD_PIECE:] for i in named if len(keys3[i]) >= SLIPPED_HEAD_MIN_LENGTH)
        self._by_folded_ending = dict(by_folded_ending)
        self._longest3 = max((len(k) for k in keys3), default=0)
        self._bare_satisfaction = frozenset(entries3[i].id for i in named if bare_satisfaction(keys3[i]))
        # printed glyph -> the characters of nearly its shape it may stand for: the slips seen (``vocab.OCR_GLYPH_SLIPS``)
        # first, then those a character-shape source derives for the taxonomy's characters (round 11)
        glyphs: dict[str, tuple[str, ...]] = {}
        for p, m in dict.fromkeys((*OCR_GLYPH_SLIPS, *self.taxonomy.look_alikes)):  # type: ignore[attr-defined]
            glyphs[p] = (*glyphs.get(p, ()), m)
        self._glyphs = glyphs
        self._glyph_pairs = frozenset((p, m) for p, ms in glyphs.items() for m in ms)
        self._glyph_chars = frozenset(glyphs)
        # by the last two characters of a folded form: the characters of its qualifiers (before those two), and of
        # the words that fold (结算 -> 拨付), which a glyph put back may give (``_glyph_specific``)
        fold_chars = frozenset("".join(a for a, _ in SPECIFIC_FOLDS))
        qualifier_chars: dict[str, set[str]] = defaultdict(set)
        for ending, forms in by_folded_ending.items():
            for f, _ in forms:
                qualifier_chars[ending].update(f[:-SPREAD_PIECE])
        self._qualifier_chars = {e: frozenset(cs) | fold_chars for e, cs in qualifier_chars.items()}
        # a name read with a glyph put back ends where a form does, or its last character is the glyph
        self._glyph_ends = self._last_chars | self._glyph_chars
        self._entry_index = {e.name: i for i, e in reversed(list(enumerate(entries3))) if e.canonical and e.family == "A"}

    def _named(self, query: str, name: str, score: float = READING_SCORE) -> MatchResult | None:
        i = self._entry_index.get(name)
        return None if i is None else self._result(query, "indicator", i, score, "head", [(score, i)], False)

    def _slipped_head(self, key: str, scope: frozenset[int], ok: Callable[..., bool], query: str,
                      measure: str | None = None) -> MatchResult | None:
        if key[-1:] not in self._slip_last and key[-2:-1] not in self._slip_before_last:
            return None  # no form keeps either of the name's last two characters where a slip would leave it
        if key[-SPREAD_PIECE:] in self._endings:
            # the name ends with a word the taxonomy ends names with (批次, 人次): its own measure, not a slip of
            # another (农贸市场快速检测批次 is no 检测人次)
            return None
        entries = self._surfaces["indicator"][1]
        first, last = key[:-2] + "\0" + key[-1:], key[:-1] + "\0"  # the slip is in the ending: its last two characters
        one_off = self._one_off.get
        for start in range(max(0, len(key) - self._longest3), len(key) - SLIPPED_HEAD_MIN_LENGTH + 1):
            # two lookups, a list only on a hit (the hot path: most names reach no slipped head)
            a, b = one_off(first[start:]), one_off(last[start:])
            if not a and not b:
                continue
            tail = key[start:]
            hits = [*(a or ()), *(b or ())]
            hits = [i for i in dict.fromkeys(hits) if ok(entries[i], self._surfaces["indicator"][0][i], head=True)]
            if len({entries[i].id for i in hits}) > 1 and any(i in scope for i in hits):
                hits = [i for i in hits if i in scope]  # 满意度 under this level-2 rather than another's
            if len({entries[i].id for i in hits}) > 1 and measure and any(entries[i].measure == measure for i in hits):
                hits = [i for i in hits if entries[i].measure == measure]  # 发放及时宰 (%): 发放及时率, not 发放及时性
            # one entry, or one name, or only where a bare 满意度 leads (the group is read from the name after)
            if len({entries[i].id for i in hits}) == 1 or (hits and len({entries[i].name for i in hits}) == 1) or (
                    hits and all(entries[i].id in self._bare_satisfaction for i in hits)):
                i = next((i for i in hits if i in scope), hits[0])
                score = round(65.0 + 30.0 * len(tail) / len(key), 1)
                return self._result(query, "indicator", i, score, "head", [(score, i)], False)
        return None

    def _longest_head(self, hits: list[int], key: str, scope: frozenset[int], query: str) -> MatchResult | None:
        """The longest of the taxonomy forms a name was read with; None when none, or when two entries of that length
        fit and the level-2 does not choose between them."""
        if not hits:
            return None
        keys, entries, _ = self._surfaces["indicator"]
        longest = max(len(keys[i]) for i in hits)
        hits = [i for i in hits if len(keys[i]) == longest]
        if len({entries[i].id for i in hits}) > 1:
            hits = [i for i in hits if i in scope]
            if len({entries[i].id for i in hits}) != 1:
                return None
        score = round(SPREAD_BASE_SCORE + 30.0 * longest / len(key), 1)
        return self._result(query, "indicator", hits[0], score, "head", [(score, hits[0])], False)

    def _spread_head(self, key: str, scope: frozenset[int], ok: Callable[..., bool], query: str) -> MatchResult | None:
        """The longest taxonomy name printed with qualifiers between its words (``spread_in``); None when two
        different entries of that length fit and the level-2 does not choose."""
        keys, entries, _ = self._surfaces["indicator"]
        hits = [i for i in self._by_ending.get(key[-SPREAD_PIECE:], ()) if keys[i][:SPREAD_PIECE] in key  # cheap test
                and spread_in(keys[i], key) and ok(entries[i], keys[i])
                # a quality noun (水平, 情况) is what the word printed before it makes it: 生活保障水平 is no 生活水平;
                # so, a per-head mark aside, are a standard and an area (round 12: 工资补帖标准 is no 工资标准)
                and (not keys[i].endswith(QUALITY_NOUNS) or key.endswith(keys[i][-2 * SPREAD_PIECE:]))
                and made_noun_kept(key, keys[i])
                # cases counted (纠纷案件数) are cases, whatever the words before them (round 12)
                and counted_case_held(key, keys[i])]
        return self._longest_head(hits, key, scope, query)

    def _specific_head(self, key: str, head: str, scope: frozenset[int], ok: Callable[..., bool],
                       query: str) -> MatchResult | None:
        """An entry more specific than the generic ``head`` the name reaches: a longer taxonomy form that ends with it
        and that the name ends with or spreads, words of one meaning folded (运营服务费支付及时率 -> 资金拨付及时率,
        污泥无害化处置率 -> 无害化处理率). None when there is none; unmatched when two entries of one length fit and
        the level-2 does not choose (补助资金…到位率: 补助到位率 or 资金到位率), which is a guess."""
        keys, entries, _ = self._surfaces["indicator"]
        folded, fhead = specific_fold(key), specific_fold(head)
        hits = [(len(f), i) for f, i in self._by_folded_ending.get(folded[-SPREAD_PIECE:], ())
                # a satisfaction's group is its subject whole: 学生家长 are not 学生 (their group is read by word)
                if len(f) > len(fhead) and f.endswith(fhead) and (folded.endswith(f) or (
                    entries[i].measure != "satisfaction" and spread_in(f, folded)))
                and ok(entries[i], keys[i], head=True)]
        if not hits:
            return None
        longest = max(n for n, _ in hits)
        hits = [i for n, i in hits if n == longest]
        if len({entries[i].id for i in hits}) > 1:
            hits = [i for i in hits if i in scope] or hits
        if len({entries[i].id for i in hits}) > 1:
            return MatchResult(query=query, kind="indicator", entry=None, score=0.0, method="unmatched")
        score = round(SPREAD_BASE_SCORE + 30.0 * longest / len(folded), 1)
        return self._result(query, "indicator", hits[0], score, "head", [(score, hits[0])], False)

    def _printed_head(self, key: str, scope: frozenset[int], ok: Callable[..., bool], query: str) -> MatchResult | None:
        """The longest canonical name or alias the name ends with (社会保险补贴发放准确率 -> 发放准确率), then the group
        a bare 满意度 is of, a more specific entry the name spells with words of one meaning (运营服务费支付及时率:
        资金拨付及时率) or with one slip in its qualifier; None when the name ends with no taxonomy form."""
        if key[-1:] not in self._last_chars:
            return None
        keys, entries, methods = self._surfaces["indicator"]
        exact = self._exact["indicator"].get  # type: ignore[attr-defined]
        for start in range(max(1, len(key) - self._longest3), len(key) - HEAD_MIN_LENGTH + 1):
            found = exact(key[start:])  # a list only on a hit: most names have no head
            hits = [i for i in found if (entries[i].canonical or methods[i] == "alias")
                    and ok(entries[i], keys[i], head=True)] if found else None
            if hits:
                i = next((i for i in hits if i in scope), hits[0])
                # confidence: 70 for a head of a long name, up to 100 for a head that is nearly all of it
                score = round(70.0 + 30.0 * (len(key) - start) / len(key), 1)
                head = self._result(query, "indicator", i, score, "head", [(score, i)], False)
                grouped = self._group_satisfaction(key, head)
                if grouped is not head:
                    return grouped
                return (self._specific_head(key, keys[i], scope, ok, query)
                        or self._slipped_specific(key, keys[i], entries[i].id, scope, ok, query)
                        or self._glyph_specific(key, keys[i], scope, ok, query) or head)
        # a rate of work done on time (地名标志按期安装率) is that work's 及时率: read again as one (round 10)
        timed = on_time_rate(key)
        if not timed:
            return None
        # a verb the taxonomy names, misread (按期完戍率: 完成), is that verb's own rate, not a new verb's 及时率 (round 12)
        mended = self._mended_verb(key)
        return self._printed_head(mended or timed, scope, ok, query)

    def _mended_verb(self, key: str) -> str | None:
        """The key with one look-alike glyph of the verb before its final 率 put back, where that gives exactly one
        verb whose rate the taxonomy names (``ON_TIME_RATE_NOT``: 完戍率 -> 完成率); None otherwise."""
        found = {key[:at] + meant + key[at + 1:] for at in (len(key) - 3, len(key) - 2)
                 for meant in self._glyphs.get(key[at], ())
                 if (key[:at] + meant + key[at + 1:])[-3:-1] in ON_TIME_RATE_NOT}
        return found.pop() if len(found) == 1 else None

    def _slipped_specific(self, key: str, head: str, head_id: str, scope: frozenset[int], ok: Callable[..., bool],
                          query: str) -> MatchResult | None:
        """A generic ``head`` (合格率) read where the name prints a longer form of a more specific entry with one
        character of its qualifier changed (养护工程验牧合格率: 验收合格率 with 收 read as 牧). With a qualifier of
        ``SLIPPED_QUALIFIER_MIN`` characters or more that entry is the answer; with a shorter one the change may be
        another word as well as a slip (抽检/送检), so the name is unmatched rather than given the generic head; None
        when no such form is there."""
        keys, entries, _ = self._surfaces["indicator"]
        hits = []
        for i in self._by_ending.get(key[-SPREAD_PIECE:], ()):
            f = keys[i]
            n = len(f) - len(head)
            # a satisfaction's subject is its group, read by word (``satisfaction_group``): 农户 is no 用户
            if n < SPREAD_PIECE or len(f) > len(key) or not f.endswith(head) or entries[i].measure == "satisfaction":
                continue
            printed = key[-len(f):]
            changed = [(a, b) for a, b in zip(printed[:n], f[:n]) if a != b]
            if len(changed) == 1 and ok(entries[i], f, head=True):
                hits.append((i, changed[0] in self._glyph_pairs))
        # a form of the head's own entry (人均补贴标准 of 补助标准, as 补贴标准): the head's answer stands
        if not hits or any(entries[i].id == head_id for i, _ in hits):
            return None
        longest = max(len(keys[i]) for i, _ in hits)
        glyph = all(g for i, g in hits if len(keys[i]) == longest)  # 验牧: a glyph slip, not another word (round 10)
        hits = [i for i, _ in hits if len(keys[i]) == longest]
        if len({entries[i].id for i in hits}) > 1 or (longest - len(head) < SLIPPED_QUALIFIER_MIN and not glyph):
            return MatchResult(query=query, kind="indicator", entry=None, score=0.0, method="unmatched")
        i = next((i for i in hits if i in scope), hits[0])
        score = round(SPREAD_BASE_SCORE + 30.0 * longest / len(key), 1)
        return self._result(query, "indicator", i, score, "head", [(score, i)], False)

    def _glyph_specific(self, key: str, head: str, scope: frozenset[int], ok: Callable[..., bool],
                        query: str) -> MatchResult | None:
        """An entry more specific than the generic ``head`` that the name spells with one glyph of its qualifier put
        back (助餐补贴按月结箅及时率: 结算, folded to 拨付, gives 资金拨付及时率; round 11); None when no glyph put back
        gives one, or two give two entries."""
        folded_head = specific_fold(head)
        # the characters of the qualifiers of the longer forms that end as the head does, and of the words folded:
        # a glyph put back is one of them, or it can give no specific entry (the hot path: most names stop here)
        wanted = self._qualifier_chars.get(folded_head[-SPREAD_PIECE:], frozenset())
        found: dict[str, MatchResult] = {}  # entry id -> the first reading that gives it
        for at in range(len(key) - len(head)):
            for meant in self._glyphs.get(key[at], ()):
                if meant in wanted:
                    r = self._specific_head(key[:at] + meant + key[at + 1:], head, scope, ok, query)
                    if r is not None and r.entry is not None:
                        found.setdefault(r.entry.id, r)
        return next(iter(found.values())) if len(found) == 1 else None

    def _glyph_head(self, key: str, scope: frozenset[int], ok: Callable[..., bool], query: str) -> MatchResult | None:
        """The printed head of the name read with one glyph put back that OCR reads for another of nearly its shape
        (验收台格率 -> 验收合格率, 认定淮确率 -> 准确率: ``vocab.OCR_GLYPH_SLIPS`` and the taxonomy's ``look_alikes``),
        asked where nothing else read the name. The glyph put back lies inside a taxonomy form that ends the name,
        and every reading of one glyph put back agrees on the entry; None when no such glyph is printed, none puts a
        form at the name's end, or two readings give two entries (a guess)."""
        if key[-1:] not in self._glyph_ends or self._glyph_chars.isdisjoint(key):
            return None  # the hot path: most names end where no form can, or print none of the glyphs
        found: list[MatchResult] = []
        first = max(1, len(key) - self._longest3)
        keys = self._surfaces["indicator"][0]
        for at in range(len(key) - 1, first - 1, -1):  # nearest the head first
            meants = self._glyphs.get(key[at])
            if not meants:
                continue
            # a form ending the name holds the glyph put back (``_one_off``: forms with one character masked): a form
            # left of it was there before (round 11)
            masked = key[:at] + "\0" + key[at + 1:]
            held = {keys[i][at - start] for start in range(first, at + 1) for i in self._one_off.get(masked[start:], ())}
            for meant in meants:
                if meant in held:
                    r = self._printed_head(key[:at] + meant + key[at + 1:], scope, ok, query)
                    if r is not None and r.entry is not None:
                        found.append(r)
        return found[0] if len({r.entry.id for r in found if r.entry is not None}) == 1 else None

    def _group_satisfaction(self, key: str, result: MatchResult) -> MatchResult:
        """A satisfaction answered with an entry a bare 满意度 leads to (服务对象满意度, 群众满意度) read as the group's
        its name says (周边居民满意度 -> 群众满意度, 受助幼儿家长满意度 -> 补助对象满意度)."""
        if result.entry is None or result.entry.id not in self._bare_satisfaction:
            return result
        group = satisfaction_group(key)
        named = self._named(result.query, group, result.score) if group and group != result.entry.name else None
        return named or result

    def _word_reading(self, key: str, query: str, measure: str | None, unit: str | None,
                      ok: Callable[..., bool]) -> MatchResult | None:
        """A count of those paid (-> 发放人数), batches tested (-> 抽检批次), an adverse event that did not happen
        (-> 事故发生起数) or a payment per head (-> 补助标准)."""
        if measure in (None, "count") and recipient_count(key):
            i = self._entry_index.get(RECIPIENT_COUNT_ENTRY)
            if i is not None and ok(self._surfaces["indicator"][1][i]):
                return self._named(query, RECIPIENT_COUNT_ENTRY)
        if measure in (None, "count") and batches_tested(key, unit):
            i = self._entry_index.get(TESTED_BATCH_ENTRY)
            if i is not None and ok(self._surfaces["indicator"][1][i]):
                return self._named(query, TESTED_BATCH_ENTRY)
        if measure in (None, "count") and zero_incident(key, unit):
            i = self._entry_index.get(INCIDENT_ENTRY)
            # the zero mark (未) is the target, not a qualifier that makes it another entry: the measure guard only
            if i is not None and same_meaning_kind(query, measure, self._surfaces["indicator"][1][i], unit=unit):
                return self._named(query, INCIDENT_ENTRY)
        if measure in (None, "amount") and key[-1:] in _ALLOWANCE_LAST and per_head_allowance(key, unit):
            i = self._entry_index.get(ALLOWANCE_ENTRY)
            if i is not None and ok(self._surfaces["indicator"][1][i]):
                return self._named(query, ALLOWANCE_ENTRY)
        return None

    def _synonym_head(self, key: str, scope: frozenset[int], ok: Callable[..., bool], query: str) -> MatchResult | None:
        """The head a name prints in other words of one meaning (案件结案率 -> 办结率, ``vocab.HEAD_SYNONYMS``)."""
        folded = head_synonyms(key)
        if folded == key:
            return None
        keys, entries, methods = self._surfaces["indicator"]
        exact: dict[str, list[int]] = self._exact["indicator"]  # type: ignore[attr-defined]
        for start in range(max(0, len(folded) - self._longest3), len(folded) - 1):
            hits = [i for i in exact.get(folded[start:], ()) if (entries[i].canonical or methods[i] == "alias")
                    and ok(entries[i], keys[i], head=True)]
            if hits:
                i = next((i for i in hits if i in scope), hits[0])
                score = round(65.0 + 30.0 * (len(folded) - start) / len(folded), 1)
                return self._result(query, "indicator", i, score, "head", [(score, i)], False)
        return None

    def _pieces_head(self, key: str, scope: frozenset[int], ok: Callable[..., bool], query: str) -> MatchResult | None:
        """The longest form whose measure ending ends the name and whose words (``_pieces``) the name prints in any
        order, one of them next to the ending (培训人均成本 -> 人均培训成本); None when two entries of that length fit and the level-2 does not choose."""
        keys, entries, _ = self._surfaces["indicator"]
        end = _measure_end(key)
        # a fee (经费, 费用) is read as the cost it is (农技人员人均培训经费: 人均培训成本; round 11)
        forms = self._by_measure_end.get(end if end not in UNIT_FEE_ENDINGS else UNIT_COST_WORD) if end else None
        if not forms:
            return None
        words = key[: -len(end)]
        # the word next to the ending is one of the form's: only the words before it move (污水处理厂运行负荷率 is
        # no 污水处理率, its rate is of 负荷)
        last = words[-SPREAD_PIECE:]
        hits = [i for pieces, i in forms if len(keys[i]) <= len(key)
                and any(p.endswith(last) or last.endswith(p) for p in pieces)
                and all(p in words for p in pieces) and ok(entries[i], keys[i])]
        return self._longest_head(hits, key, scope, query)

    def _role_reading(self, key: str, query: str, measure: str | None, ok: Callable[..., bool]) -> MatchResult | None:
        """What the name is for, read from its words (``indicator_roles``): people served, a time to respond or to
        process, times an activity was held, a purchase's cost, a benefit said as a change; each only where the
        name's measure (from its ending or unit) is the one the entry has, or unknown."""
        # each reading only where the name may measure what its entry does (the hot path: most names fail here)
        if not (key.endswith(ROLE_TAILS) or measure == "duration" or on_time(key)):
            return None
        names = []
        if measure in (None, "count"):
            names += [SERVED_ENTRY if served_count(key) else None, ACTIVITY_COUNT_ENTRY if activity_count(key) else None]
        if measure in (None, "duration"):
            names.append(duration_role(key, by_unit=measure == "duration"))
        if measure in (None, "amount"):
            names.append(purchase_cost(key))
        if measure in (None, "qualitative"):
            names.append(benefit_phrase(key))
        entries = self._surfaces["indicator"][1]
        for name in names:
            i = self._entry_index.get(name) if name else None
            if i is not None and measure in (None, entries[i].measure) and ok(entries[i]):
                return self._named(query, name)  # type: ignore[arg-type]
        return None
