"""``POST /v1/map`` and ``GET /v1/taxonomy/search``: the taxonomy mapper over HTTP."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request

from jixiao.pipelines.map import MatchResult
from jixiao.service.problems import NotReadyError, ValidationFailedError, problem_examples
from jixiao.service.schemas import MapRequest, TaxonomyHit, TaxonomySearchResponse

router = APIRouter(tags=["taxonomy"])

_MAP_EXAMPLE = {
    "query": "社会保险经办机构", "kind": "function",
    "entry": {"id": "fn:2080109", "kind": "function", "level": "项", "name": "社会保险经办机构", "code": "2080109",
              "parent": "fn:20801", "alt_parents": [], "framework": None, "family": None, "budget": "一般公共预算",
              "source": "SEED002;SEED004", "confidence": "seed_verified", "evidence": "seen in 2024 决算 seeds 002/004"},
    "score": 100.0, "method": "exact",
    "candidates": [{"id": "fn:2080704", "name": "社会保险补贴", "score": 57.1, "parent": "就业补助"}],
    "ambiguous": False, "disagreement": None,
}

_SEARCH_EXAMPLE = {
    "query": "满意度", "kind": "indicator",
    "hits": [{"id": "ind.satisfaction.service.04", "name": "补助对象满意度", "score": 66.7, "kind": "indicator",
              "parent": "服务对象满意度指标", "method": "runner-up"}],
}


def _mapper(request: Request):
    mapper = getattr(request.app.state, "mapper", None)
    if mapper is None:
        raise NotReadyError("the taxonomy is not loaded yet; retry when /readyz answers 200")
    return mapper


@router.post(
    "/v1/map",
    response_model=MatchResult,
    summary="Map one printed name onto the taxonomy",
    description="Exact name, alias, code (budget lines) or fuzzy match; below the threshold `method` is `unmatched` "
                "and `entry` null, with the runners-up in `candidates`.",
    responses={200: {"content": {"application/json": {"example": _MAP_EXAMPLE}}},
               **problem_examples(ValidationFailedError("the request does not match the schema: name: Field required"))},
)
def map_name(body: MapRequest, request: Request) -> MatchResult:
    # A sync route: FastAPI runs it in its thread pool, off the event loop.
    return _mapper(request).map(body.name, kind=body.kind, level2=body.level2, code=body.code)


@router.get(
    "/v1/taxonomy/search",
    response_model=TaxonomySearchResponse,
    summary="Search taxonomy entries by a printed name",
    description="The mapper's best entry for `q` (when it clears the threshold) followed by its runners-up, best first.",
    responses={200: {"content": {"application/json": {"example": _SEARCH_EXAMPLE}}},
               **problem_examples(ValidationFailedError("the request does not match the schema: query.q: Field required"))},
)
def search(
    request: Request,
    q: str = Query(min_length=1, max_length=200, description="printed name to look up", examples=["满意度"]),
    kind: Literal["indicator", "function", "economic"] = Query("indicator", description="which taxonomy"),
    limit: int = Query(10, ge=1, le=50),
) -> TaxonomySearchResponse:
    if not q.strip():
        raise ValidationFailedError("q is blank", [{"loc": ["query", "q"], "msg": "blank", "type": "value_error"}])
    mapper = _mapper(request)
    result = mapper.map(q, kind=kind)
    hits: list[TaxonomyHit] = []
    if result.entry is not None:
        parent = result.entry.parent
        by_id = mapper.taxonomy.by_id
        parent_name = by_id[parent].name if parent in by_id else parent
        hits.append(TaxonomyHit(id=result.entry.id, name=result.entry.name, score=round(result.score, 1), kind=kind,
                                parent=parent_name, method=result.method))
    hits += [TaxonomyHit(id=c.id, name=c.name, score=c.score, kind=kind, parent=c.parent, method="runner-up")
             for c in result.candidates if not hits or c.id != hits[0].id]
    return TaxonomySearchResponse(query=q, kind=kind, hits=hits[:limit])
