"""Map printed indicator names and budget lines onto canonical taxonomy entries.

Matching order: exact name -> alias -> code (budget lines) -> fuzzy (``rapidfuzz.fuzz.ratio``,
character level; WRatio is ~15x slower on Chinese and no better on short names). Below the
calibrated threshold the answer is ``unmatched`` rather than the nearest wrong entry.

Level-1/level-2 recognition (``canonical_level1/2``) works on *heading keys*: whitespace removed,
NFKC, score annotations such as ``(50分)`` dropped, the suffix 指标 normalised. Headings that
belong to other frameworks (项目决策, 过程, 履职效能 …) and table headers (一级指标, 绩效指标 …)
are kept as *reject anchors*: when one of them is the closest form, the answer is ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from jixiao.pipelines.indicator_names import (SUFFIX, heading_core, key_measure,
                                              level3_key, loose_guess, made_noun_kept, normalize, qualifiers_agree, same_meaning_kind,
                                              satisfaction_subject, short_slip_ok, unit_cost, unit_measure)
from jixiao.pipelines.indicator_names import measure_of  # noqa: F401  (re-exported: eval and tests use it)
from jixiao.pipelines.indicator_readings import word_swapped
from jixiao.pipelines.indicator_roles import object_count, swapped_ending, unit_fee, unit_price
from jixiao.pipelines.taxonomy import Entry, Taxonomy, load_taxonomy
from jixiao.pipelines.vocab import UNIT_COST_ENTRY
from jixiao.pipelines.map_heads import HeadReadings
from jixiao.pipelines.map_headings import HEADING_THRESHOLD, HeadingSpace, heading_space  # noqa: F401
from jixiao.pipelines.map_results import (  # noqa: F401  (re-exported: the mapper's public answers)
    Candidate, LevelMatch, MapKind, MatchResult, Method, budget_line_check,
)



# Both calibrated on the calibration split of tests/data/mapping_variants.csv (docs/research/calibrate_mapper.py,
# best accuracy, ties to the stricter value). Level-3 names whose closest spelling scores below this are
# "unmatched". Rechosen in issue 19's second round on dev evidence only (docs/decisions/mapping-threshold.md):
# calibration variants best from 60 to 66 (a line-broken 参\n堡率 is 66.7 from 参保率), dev labels flat from 60
# to 72 (precision 0.992); the stricter end of the tie is 66.
INDICATOR_THRESHOLD = 66.0
# Budget-line names (function/economic) without a usable code.
BUDGET_NAME_THRESHOLD = 66.0
# A printed name agrees with the entry its code names at or above this ratio (names get truncated).
CODE_NAME_AGREEMENT = 60.0
# Candidates outside the known level-2 parent lose this many points (the same name can sit under
# different parents in different units, so they are not excluded).
OTHER_PARENT_PENALTY = 8.0
RUNNERS_UP = 5
# runner-up lists kept for sharing between answers (the same few come back for names that differ a little)
CANDIDATE_CACHE = 16384

_LEADING_CODE = re.compile(r"^\[?(\d{3,7})\]?[-\s:：]*")
_SUFFIX = SUFFIX
# a free name is a level-1/level-2 heading when printed so or at most a slip away (成本节约率 is 72 from 成本指标)
AUTO_HEADING_SCORE = 80.0
# a spelling this close to a name wins over the name's head (赍金到位率 is 资金到位率, not 到位率)
FUZZY_BEFORE_HEAD = 80.0
# but not for a satisfaction whose subject differs, the subject being its meaning: one character changed in a
# two-character subject is another group (师生满意度 is not 学生满意度); an OCR slip in a longer subject still scores
# above this (退休职エ满意度: 85.7)
SATISFACTION_FUZZY_BEFORE_HEAD = 85.0


def _by_score(ranked: tuple[float, int]) -> tuple[float, int]:
    """Best score first; among equal scores the earlier surface (canonical names, then aliases)."""
    return -ranked[0], ranked[1]


def _keep_best(best: dict[str, tuple[float, int]], ids: list[str], found: list[tuple[float, int]]) -> None:
    """Each entry's best (score, surface index) of ``found``; ties keep the earlier surface (canonical names, then
    aliases, then other frameworks)."""
    for score, i in found:
        eid = ids[i]
        old = best.get(eid)
        if old is None or score > old[0] or (score == old[0] and i < old[1]):
            best[eid] = (score, i)


def split_code(text: str) -> tuple[str | None, str]:
    """``"2080109 社会保险经办机构"`` -> ``("2080109", "社会保险经办机构")``."""
    t = unicodedata.normalize("NFKC", text or "").strip()
    m = _LEADING_CODE.match(t)
    if m:
        return m.group(1), t[m.end():].strip()
    return None, t


# Candidate and MatchResult are stdlib dataclasses, not pydantic models: a lookup builds up to seven
# of them and pydantic construction (even model_construct) cost more than the fuzzy match itself.
# ``MatchResult.to_dict``/``to_json`` serialise through a pydantic TypeAdapter.


class Mapper(HeadReadings):
    """Maps printed names onto a taxonomy. Immutable after construction; results cached per instance."""

    def __init__(self, taxonomy: Taxonomy, *, threshold: float = INDICATOR_THRESHOLD,
                 budget_threshold: float = BUDGET_NAME_THRESHOLD, cache_size: int = 65536):
        self.taxonomy = taxonomy
        self.threshold = threshold
        self.budget_threshold = budget_threshold
        self._l1 = heading_space(taxonomy, "1")
        self._l2 = heading_space(taxonomy, "2")
        self._surfaces: dict[str, tuple[list[str], list[Entry], list[str]]] = {}
        for kind in ("indicator", "function", "economic"):
            self._surfaces[kind] = self._surface_table(kind)
        self._by_parent = self._parent_tables()
        # each level-2's forms as fuzzy choices, keyed by surface index (in index order, so ties rank as before)
        self._scope_choices = {k: {i: self._surfaces[k[0]][0][i] for i in sorted(v)} for k, v in self._by_parent.items()}
        self._surface_ids = {k: [e.id for e in v[1]] for k, v in self._surfaces.items()}
        # (id, name, parent) of each surface's entry: what a runner-up prints, read once (the hot path builds them)
        self._candidate_info = {k: [(e.id, e.name, self._parent_name(e)) for e in v[1]]
                                for k, v in self._surfaces.items()}
        self._exact: dict[str, dict[str, list[int]]] = {}
        for kind, (keys, _, _) in self._surfaces.items():
            table: dict[str, list[int]] = defaultdict(list)
            for i, k in enumerate(keys):
                table[k].append(i)
            self._exact[kind] = dict(table)
        self._codes = {k: taxonomy.by_code(k) for k in ("function", "economic")}
        self._head_indexes()
        keys3, entries3, methods3 = self._surfaces["indicator"]
        self._first_surface = {}
        keys_of: dict[str, list[str]] = defaultdict(list)
        for i, e in enumerate(entries3):
            self._first_surface.setdefault(e.id, i)
            keys_of[e.id].append(keys3[i])
        self._keys_of = {k: tuple(v) for k, v in keys_of.items()}
        # what each printed form of an entry says it measures (合规率: a rate, of the qualitative 经费支出合规性)
        self._form_measure = {k: key_measure(k) for k in keys3}
        self._entry_measures = {eid: frozenset(self._form_measure[k] for k in ks) for eid, ks in self._keys_of.items()}
        self._unit_cost = next((i for i, e in enumerate(entries3) if e.canonical and e.name == UNIT_COST_ENTRY), None)
        # bounded caches that live and die with this instance (no module-level state)
        self._map_cached = lru_cache(maxsize=cache_size)(self._map_uncached)
        self._l1_cached = lru_cache(maxsize=4096)(lambda text: self._level_uncached(self._l1, text))
        self._l2_cached = lru_cache(maxsize=4096)(lambda text: self._level_uncached(self._l2, text))
        # a scan of every entry, and the same few headings come back on every row of a table
        self._other_family = lru_cache(maxsize=4096)(self._other_family_uncached)
        # one tuple of runners-up per (surfaces, scores), shared by the answers that list them: the cached answers
        # then hold few objects of their own, which the garbage collector would otherwise walk again and again
        self._candidates = lru_cache(maxsize=CANDIDATE_CACHE)(self._candidates_uncached)

    @classmethod
    def from_taxonomy(cls, taxonomy: Taxonomy | None = None, **kwargs) -> Mapper:
        return cls(taxonomy or load_taxonomy(), **kwargs)

    # ---- level 1 / level 2 -------------------------------------------------------------

    def level1_entry(self, text: str | None) -> Entry | None:
        return self._l1_cached(text or "")[0]

    def level2_entry(self, text: str | None) -> Entry | None:
        return self._l2_cached(text or "")[0]

    @staticmethod
    def _level_uncached(space: HeadingSpace, text: str) -> tuple[Entry | None, float, Method]:
        form, score = space.lookup(heading_core(text))
        return (form.entry, score, form.method) if form and form.entry else (None, score, "unmatched")

    def match_level1(self, text: str | None) -> LevelMatch:
        """The printed heading as a level-1 category, with the method (exact/alias/fuzzy) and score."""
        return self._level_match(self._l1_cached(text or ""))

    def match_level2(self, text: str | None) -> LevelMatch:
        """The printed heading as a level-2 category, with the method (exact/alias/fuzzy) and score."""
        return self._level_match(self._l2_cached(text or ""))

    @staticmethod
    def _level_match(found: tuple[Entry | None, float, Method]) -> LevelMatch:
        entry, score, method = found
        if entry is None:
            return LevelMatch(name=None, method=None, score=score)
        return LevelMatch(name=entry.name, method=method, score=score)  # type: ignore[arg-type]

    def canonical_level1(self, text: str | None) -> str | None:
        """The canonical level-1 name of a printed heading, or None when it is not one of the four."""
        e = self.level1_entry(text)
        return e.name if e else None

    def canonical_level2(self, text: str | None) -> str | None:
        """The canonical level-2 name of a printed heading, or None."""
        e = self.level2_entry(text)
        return e.name if e else None

    def level1_of_level2(self, level2: str | None) -> str | None:
        """The framework parent of a (printed or canonical) level-2 name: 服务对象满意度 -> 满意度指标."""
        e = self.level2_entry(level2)
        if e is None or e.parent is None:
            return None
        return self.taxonomy.by_id[e.parent].name

    def allowed_level1(self, level2: str | None) -> tuple[str, ...]:
        """All level-1 names a level-2 may sit under (成本指标: 产出指标 or 成本指标)."""
        e = self.level2_entry(level2)
        if e is None:
            return ()
        return tuple(self.taxonomy.by_id[p].name for p in (e.parent, *e.alt_parents) if p)

    # ---- level 3 and budget lines ------------------------------------------------------

    def _surface_table(self, kind: str) -> tuple[list[str], list[Entry], list[str]]:
        """Parallel lists (key, entry, method) of every printed form of the kind's matchable entries."""
        tax = self.taxonomy
        keys: list[str] = []
        entries: list[Entry] = []
        methods: list[str] = []
        keyf = level3_key if kind == "indicator" else normalize
        pool = [e for e in tax.of_kind(kind) if kind != "indicator" or e.level == "3"]
        # order decides equal scores: canonical names, then aliases, then other frameworks' names
        for e in (e for e in pool if e.canonical):
            keys.append(keyf(e.name))
            entries.append(e)
            methods.append("exact")
        for a in tax.aliases_of(kind):
            keys.append(keyf(a.printed))
            entries.append(tax.by_id[a.target])
            methods.append("alias")
        for e in (e for e in pool if not e.canonical):
            keys.append(keyf(e.name))
            entries.append(e)
            methods.append("exact")
        return keys, entries, methods

    def _parent_tables(self) -> dict[tuple[str, str], frozenset[int]]:
        """Indexes of surfaces per (kind, parent id): level-3 names under a level-2, 项 under a 款 …"""
        out: dict[tuple[str, str], list[int]] = defaultdict(list)
        for kind, (_, entries, _) in self._surfaces.items():
            for i, e in enumerate(entries):
                for p in (e.parent, *e.alt_parents):
                    if p:
                        out[(kind, p)].append(i)
                        grand = self.taxonomy.by_id[p].parent
                        if kind == "function" and grand:
                            out[(kind, grand)].append(i)
        return {k: frozenset(v) for k, v in out.items()}

    def map(self, name: str, kind: MapKind = "indicator", level2: str | None = None,
            code: str | None = None, unit: str | None = None) -> MatchResult:
        """Map one printed name (and, for budget lines, its printed code) onto the taxonomy.

        ``unit``: a level-3 name's target unit, which says what it measures where the name does not."""
        return self._map_cached(name or "", kind, level2, code, unit)

    def _map_uncached(self, name: str, kind: str, level2: str | None, code: str | None,
                      unit: str | None = None) -> MatchResult:
        if kind in ("level1", "level2"):
            entry, score, method = (self._l1_cached if kind == "level1" else self._l2_cached)(name)
            return MatchResult(query=name, kind=kind, entry=entry, score=score, method=method)
        if kind == "indicator":
            parent = self.level2_entry(level2) if level2 else None
            # a level-2 heading outside the project framework (部门整体 重点工作履行情况): the name is read in the
            # frameworks that heading belongs to, within its own level-2 where the taxonomy has it. A project
            # framework's level-1 printed in the level-2 column (效益指标) is not such a heading: the name is read
            # as a project table's name without a level-2
            if level2 and parent is None and heading_core(level2) and self.level1_entry(level2) is None:
                family = self._other_family(level2)
                return self._match_name(name, kind, level3_key(name), family[1] if family else None, self.threshold)
            return self._match_indicator(name, parent.id if parent else None, unit)
        if kind not in ("function", "economic"):
            raise ValueError(f"unknown mapping kind {kind!r}")
        return self._match_budget_line(name, kind, code)

    def _match_name(self, query: str, kind: str, key: str, parent_id: str | None,
                    threshold: float) -> MatchResult:
        keys, entries, methods = self._surfaces[kind]
        if not key:
            return MatchResult(query=query, kind=kind, entry=None, score=0.0, method="unmatched")
        scope = self._by_parent.get((kind, parent_id), frozenset()) if parent_id else frozenset()
        ids = self._surface_ids[kind]
        best: dict[str, tuple[float, int]] = {}  # entry id -> (score, surface index)
        found = process.extract(key, keys, scorer=fuzz.ratio, limit=RUNNERS_UP + 3)
        _keep_best(best, ids, [(sc - OTHER_PARENT_PENALTY if scope and i not in scope else sc, i) for _, sc, i in found])
        if scope:
            # the closest forms under the level-2 (their surface index as the choice's key) that can still be the
            # answer or a runner-up: from the last runner-up's score on, and none where the full list ends below it
            # (the forms it left out score no more than its last)
            scores = sorted((sc for sc, _ in best.values()), reverse=True)
            floor = max(scores[RUNNERS_UP], 0.0) if len(scores) > RUNNERS_UP else 0.0
            if found[-1][1] >= floor:
                _keep_best(best, ids, [(sc, i) for _, sc, i in process.extract(
                    key, self._scope_choices[(kind, parent_id)], scorer=fuzz.ratio, limit=RUNNERS_UP + 1,
                    score_cutoff=floor)])
        ranked = sorted(best.values(), key=_by_score)
        exact = self._exact[kind].get(key)
        if exact:
            # an exact printed form wins whatever its parent; among several, the parent's one
            best_i = next((i for i in exact if i in scope), exact[0])
            ambiguous = not scope and len({entries[i].id for i in exact}) > 1
            return self._result(query, kind, best_i, 100.0, methods[best_i], ranked, ambiguous)
        best_score, best_i = ranked[0]
        if best_score < threshold:
            return self._result(query, kind, None, best_score, "unmatched", ranked, False)
        tie = len(ranked) > 1 and ranked[1][0] == best_score
        return self._result(query, kind, best_i, best_score, "fuzzy", ranked, tie)

    def _other_family_uncached(self, level2: str) -> tuple[str, str] | None:
        """(family, id) of a printed level-2 heading of another framework (部门整体, evaluation), else None."""
        core = heading_core(level2)
        if not core:
            return None
        for e in self.taxonomy.entries:
            if e.kind == "indicator" and e.level in ("1", "2") and e.family != "A" and heading_core(e.name) == core:
                return e.family or "", e.id
        return None

    def _match_indicator(self, query: str, parent_id: str | None, unit: str | None) -> MatchResult:
        """A level-3 name: its exact form or alias, else its head (the longest canonical name or alias it ends
        with: 社会保险补贴发放准确率 -> 发放准确率), else the closest spelling; each only where the entry
        measures what the name does (``same_meaning_kind``) and holds the same qualifiers (``qualifiers_agree``),
        else unmatched."""
        key = level3_key(query)
        keys, entries, methods = self._surfaces["indicator"]
        own = key_measure(key)  # measure_of(query), on the key already made
        measure = own or unit_measure(unit)

        def ok(e: Entry, surface: str | None = None, head: bool = False) -> bool:
            # a project table's name is answered in the project framework only: a name of another framework
            # (部门整体 社会效益, evaluation 满意度) is recognised, never given as its meaning. An answer that is not
            # the name's exact form also agrees with the target's unit and holds the name's qualifiers (新增, 未 …)
            # a rate meets a qualitative entry only through a form of it that prints a rate (经费支出合规率)
            # or one that is the name with its last character changed (发放到位性: 发放到位率)
            near = measure is None or measure == e.measure or (
                self._form_measure.get(surface) == measure or swapped_ending(key, surface) if surface else
                measure in self._entry_measures[e.id] or any(swapped_ending(key, s) for s in self._keys_of[e.id]))
            return e.canonical and same_meaning_kind(query, measure, e, by_unit=own is None, unit=unit, near=near) and (
                qualifiers_agree(key, surface, e.measure, head) if surface else
                any(qualifiers_agree(key, s, e.measure) and short_slip_ok(key, s) for s in self._keys_of[e.id]))
        result = self._match_name(query, "indicator", key, parent_id, self.threshold)
        if result.entry is not None and (
                (result.score >= 100.0 and result.entry.canonical and same_meaning_kind(query, measure, result.entry))
                or (result.method == "fuzzy" and ok(result.entry) and self._spelling(key, result.entry) and result.score >= (
                    SATISFACTION_FUZZY_BEFORE_HEAD if result.entry.measure == "satisfaction" and satisfaction_subject(
                        key) != satisfaction_subject(level3_key(result.entry.name)) else FUZZY_BEFORE_HEAD))):
            return result
        scope = self._by_parent.get(("indicator", parent_id), frozenset()) if parent_id else frozenset()
        head = self._printed_head(key, scope, ok, query)
        if head is not None:
            return head
        words = self._word_reading(key, query, measure, unit, ok)
        if words is not None:
            return words
        if own is None:
            # the name's ending says nothing: perhaps it is where an OCR slip fell (成活卒, 满意庋); its head
            # is then a taxonomy name with one character changed
            slipped = self._slipped_head(key, scope, ok, query, measure)
            if slipped is not None:
                return self._group_satisfaction(key, slipped)
        spread = self._spread_head(key, scope, ok, query)
        if spread is not None and not loose_guess(measure, spread.entry, spread.score, FUZZY_BEFORE_HEAD):
            return spread
        other_words = self._synonym_head(key, scope, ok, query) or self._pieces_head(key, scope, ok, query) or \
            self._role_reading(key, query, measure, ok) or self._glyph_head(key, scope, ok, query)
        if other_words is not None:
            return other_words
        # a thing built or bought, named without its count (购置安保防护器械, 套): read again as the count of it (round 11)
        counted = object_count(key, own, unit) if measure in (None, "count") else None
        again = self._match_indicator(counted, parent_id, unit) if counted else None
        if again is not None and again.entry is not None:
            return replace(again, query=query)
        # a per-unit cost is sure from its words, a spelling below FUZZY_BEFORE_HEAD is not (人均接待成本 is no 人均培训成本)
        if measure == "amount" and self._unit_cost is not None and (unit_cost(key, unit) or unit_price(key)) and same_meaning_kind(
                query, None, entries[self._unit_cost], unit=unit):
            return self._result(query, "indicator", self._unit_cost, 70.0, "head", [(70.0, self._unit_cost)], False)
        if result.method == "fuzzy" and ok(result.entry) and self._spelling(key, result.entry) and not loose_guess(
                measure, result.entry, result.score, FUZZY_BEFORE_HEAD, key):
            return result
        # the nearest spelling measures something else (培训成本 -> 人均培训成本): the next one that does not
        for c in result.candidates if result.entry is None or result.method == "fuzzy" else ():
            e = self.taxonomy.by_id[c.id]
            if c.score >= self.threshold and ok(e) and self._spelling(key, e) and not loose_guess(
                    measure, e, c.score, FUZZY_BEFORE_HEAD, key):
                i = self._first_surface[e.id]
                return self._result(query, "indicator", i, c.score, "fuzzy", [(c.score, i)], False)
        # a fee per person (消防员人均经费), when no spelling of an entry was taken above (人均培训费用)
        if measure == "amount" and self._unit_cost is not None and unit_fee(key) and ok(entries[self._unit_cost]):
            return self._result(query, "indicator", self._unit_cost, 70.0, "head", [(70.0, self._unit_cost)], False)
        best = max([result.score, *(c.score for c in result.candidates)]) if result.entry is None else result.score
        if result.entry is None and best == result.score:
            return result  # the spelling's own answer, unmatched already (no second answer built on the hot path)
        return MatchResult(query=query, kind="indicator", entry=None, score=best, method="unmatched",
                           candidates=result.candidates if result.entry is None else
                           (Candidate(result.entry.id, result.entry.name, round(result.score, 1),
                                      self._parent_name(result.entry)), *result.candidates)[:RUNNERS_UP])

    def _spelling(self, key: str, e: Entry) -> bool:
        """True when some form of the entry is the name spelt with slips, words left out or added, not with a word
        of its own put for one of the form's (``word_swapped``: 城镇调查失业率 is no 城镇登记失业率): a fuzzy answer."""
        return any(not word_swapped(key, s) and made_noun_kept(key, s) for s in self._keys_of[e.id])

    def resolve(self, text: str, table: str = "project", level: str | None = None,
                level2: str | None = None, unit: str | None = None) -> MatchResult:
        """A name whose level is not given: the framework and level follow from the context.

        ``table="project"`` (a project table, or a free name): the project framework (family A), tried as a
        level-1 heading, then a level-2 heading (each only when printed so, or one slip away), then a level-3
        name. ``table="dept"``: the 部门整体 frameworks (family C), any level. ``level`` ("1", "2", "3"), where the
        column is known, fixes it. The answer says the level and the framework it used."""
        if table == "dept":
            return self._match_family(text, "C", level)
        for lv in (level,) if level else ("1", "2", "3"):
            if lv in ("1", "2"):
                r = self.map(text, "level1" if lv == "1" else "level2")
                if r.entry is not None and (level or r.method != "fuzzy" or r.score >= AUTO_HEADING_SCORE):
                    return replace(r, level=lv, framework=r.entry.framework)
            else:
                r = self.map(text, "indicator", level2=level2, unit=unit)
                return replace(r, level="3", framework=r.entry.framework if r.entry else "target")
        return replace(r, entry=None, method="unmatched", level=level, framework="target")

    def _match_family(self, text: str, family: str, level: str | None) -> MatchResult:
        pool = [e for e in self.taxonomy.entries if e.kind == "indicator" and e.family == family
                and (level is None or e.level == level)]
        keys = [heading_core(e.name) for e in pool]
        core = heading_core(text)
        if core in keys:
            e = pool[keys.index(core)]
            return MatchResult(query=text, kind="indicator", entry=e, score=100.0, method="exact", level=e.level,
                               framework=e.framework)
        top = process.extract(core, keys, scorer=fuzz.ratio, limit=RUNNERS_UP + 1) if core else []
        cands = tuple(Candidate(pool[i].id, pool[i].name, round(sc, 1), self._parent_name(pool[i])) for _, sc, i in top)
        if top and top[0][1] >= self.threshold:
            e = pool[top[0][2]]
            return MatchResult(query=text, kind="indicator", entry=e, score=top[0][1], method="fuzzy",
                               candidates=cands[1:], level=e.level, framework=e.framework)
        return MatchResult(query=text, kind="indicator", entry=None, score=top[0][1] if top else 0.0,
                           method="unmatched", candidates=cands, level=level, framework=None)

    def _result(self, query: str, kind: str, index: int | None, score: float, method: str,
                ranked: list[tuple[float, int]], ambiguous: bool) -> MatchResult:
        # built without validation: this is the hot path, and every field comes from the taxonomy
        entries = self._surfaces[kind][1]
        winner = entries[index] if index is not None else None
        # a runner-up that shares nothing with the query (score 0) is noise, not a candidate
        info = self._candidate_info[kind]
        skip = winner.id if winner is not None else None
        shown = tuple((i, round(s, 1)) for s, i in ranked[: RUNNERS_UP + 1] if s > 0 and info[i][0] != skip)
        return MatchResult(query=query, kind=kind, entry=winner, score=score, method=method,
                           candidates=self._candidates(kind, shown[:RUNNERS_UP]), ambiguous=ambiguous)

    def _candidates_uncached(self, kind: str, shown: tuple[tuple[int, float], ...]) -> tuple[Candidate, ...]:
        info = self._candidate_info[kind]
        return tuple(Candidate(info[i][0], info[i][1], score, info[i][2]) for i, score in shown)

    def _parent_name(self, e: Entry) -> str | None:
        p = self.taxonomy.by_id.get(e.parent) if e.parent else None
        return p.name if p else None

    def _match_budget_line(self, name: str, kind: str, code: str | None) -> MatchResult:
        printed_code, printed_name = split_code(name)
        code = (code or printed_code or "").strip() or None
        key = normalize(printed_name)
        codes = self._codes[kind]
        if code and code in codes:
            entry = codes[code]
            if not key:
                return MatchResult(query=name, kind=kind, entry=entry, score=100.0, method="code")
            agree = max(fuzz.ratio(key, normalize(s)) for s in self._names_of(kind, entry))
            disagreement = None
            cands: tuple[Candidate, ...] = ()
            if agree < CODE_NAME_AGREEMENT:
                by_name = self._match_name(name, kind, key, None, self.budget_threshold)
                cands = tuple(c for c in (self._candidate(by_name.entry, by_name.score), *by_name.candidates)
                              if c is not None and c.id != entry.id)[:RUNNERS_UP]
                named = f"; the name matches {by_name.entry.code} {by_name.entry.name}" if by_name.entry else ""
                disagreement = (f"code {code} is {entry.name} ({entry.confidence}) but the printed name is "
                                f"{printed_name!r}{named}")
            return MatchResult(query=name, kind=kind, entry=entry, score=agree, method="code",
                               candidates=cands, disagreement=disagreement)
        # no usable code: the name decides, inside the printed code's 款/类 when that one is known
        parent = None
        if code:
            for n in (5, 3):
                if len(code) > n and code[:n] in codes:
                    parent = codes[code[:n]].id
                    break
        result = self._match_name(name, kind, key, parent, self.budget_threshold)
        if code and code not in codes:
            note = f"code {code} is not in the taxonomy"
            if result.entry is not None and result.entry.code != code:
                note += f"; the name matches {result.entry.code} {result.entry.name}"
            result = replace(result, disagreement=note)
        return result

    def _names_of(self, kind: str, entry: Entry) -> list[str]:
        return [entry.name] + [a.printed for a in self.taxonomy.aliases_of(kind) if a.target == entry.id]

    def _candidate(self, entry: Entry | None, score: float) -> Candidate | None:
        if entry is None:
            return None
        return Candidate(id=entry.id, name=entry.name, score=round(score, 1), parent=self._parent_name(entry))

    def cache_info(self) -> dict[str, object]:
        return {"map": self._map_cached.cache_info()._asdict(), "level1": self._l1_cached.cache_info()._asdict(),
                "level2": self._l2_cached.cache_info()._asdict()}
