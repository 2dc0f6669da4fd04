"""Request and response models of the HTTP API (the record itself is ``jixiao.record.DocumentRecord``)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from jixiao.record import DocumentRecord
from jixiao.service.problems import Problem

Mode = Literal["combined", "parser", "tagger"]

EXAMPLE_TEXT = (
    "2024年城乡居民养老代办员补助项目支出绩效自评表\n"
    "项目名称\t2024年城乡居民养老代办员补助\t\t\n"
    "主管部门\t汾阳市人力资源和社会保障局\t实施单位\t汾阳市社会保险中心\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "产出指标\t数量指标\t村数\t=308人\t=308人\t20\t20\n"
)


class ExtractRequest(BaseModel):
    """One document as text (the tab-row layout of ingested tables, or plain report text)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": EXAMPLE_TEXT, "doc_id": "fenyang-2024", "source": "upload"}]},
    )

    text: str = Field(min_length=1, description="the document text, UTF-8; at most JIXIAO_MAX_TEXT_CHARS characters")
    doc_id: str | None = Field(default=None, max_length=200, description="identifier echoed in the record; default 'document'")
    source: str | None = Field(default=None, max_length=2000, description="file name, path or URL the text came from")
    mode: Mode = Field(default="combined", description="combined (parser + tagger), parser only, or tagger only")


class BatchRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"documents": [{"text": EXAMPLE_TEXT, "doc_id": "a"}, {"text": "  ", "doc_id": "b"}]}]},
    )

    documents: list[ExtractRequest] = Field(min_length=1, description="at most JIXIAO_MAX_BATCH documents")


class BatchItem(BaseModel):
    """One document's outcome: a record or a problem, never both."""

    index: int = Field(description="position of the document in the request")
    doc_id: str | None = None
    ok: bool
    record: DocumentRecord | None = None
    error: Problem | None = None


class BatchResponse(BaseModel):
    results: list[BatchItem]
    succeeded: int
    failed: int


class MapRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"name": "代办员的满意度", "kind": "indicator", "level2": "服务对象满意度指标"},
            {"name": "社会保险经办机构", "kind": "function", "code": "2080109"},
        ]},
    )

    name: str = Field(min_length=1, max_length=500, description="the printed name (not blank)")
    kind: Literal["indicator", "function", "economic", "level1", "level2"] = "indicator"
    level2: str | None = Field(default=None, max_length=200, description="indicators: the printed level-2 heading, narrows the search")
    code: str | None = Field(default=None, max_length=50, description="budget lines: the printed classification code")

    @field_validator("name")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        # Same answer as a blank ?q= on /v1/taxonomy/search: a 422, not an empty "unmatched".
        if not value.strip():
            raise ValueError("name is blank")
        return value


class TaxonomyHit(BaseModel):
    id: str
    name: str
    score: float
    kind: str
    parent: str | None = None
    method: str = Field(description="exact | alias | fuzzy | code for the best hit; runner-up for the others")


class TaxonomySearchResponse(BaseModel):
    query: str
    kind: str
    hits: list[TaxonomyHit]


class Health(BaseModel):
    status: Literal["ok", "ready"]
    version: str
    details: dict[str, object] = Field(default_factory=dict)


JobState = Literal["queued", "running", "done", "failed", "cancelled"]


class JobProgress(BaseModel):
    total: int = Field(description="documents in the job")
    done: int = Field(description="documents finished, with a record or a problem")
    succeeded: int
    failed: int


class JobStatus(BaseModel):
    """An asynchronous job (``POST /v1/jobs``): where it stands, and where its result is once it is finished."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "9b1f0c5e2d7a4c3b8e6f1a2d3c4b5a69", "status": "running", "batch": False,
        "created_at": "2025-03-01T08:00:00Z", "started_at": "2025-03-01T08:00:01Z", "finished_at": None,
        "expires_at": None, "progress": {"total": 1, "done": 0, "succeeded": 0, "failed": 0},
        "result": "/v1/jobs/9b1f0c5e2d7a4c3b8e6f1a2d3c4b5a69/result"}]})

    id: str
    status: JobState = Field(description="queued (waiting for a job slot), running, done (finished, at least one "
                             "record), failed (finished, every document a problem), cancelled (deleted before it "
                             "finished: the documents it had not finished have the problem job.cancelled)")
    batch: bool = Field(description="false: one document, the result is its record; true: several, the result is "
                        "the batch response (one result or one problem per document)")
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    expires_at: datetime | None = Field(default=None, description="when a finished job is forgotten (JIXIAO_JOB_TTL_S)")
    progress: JobProgress
    result: str = Field(description="path of the result, ready when status is done or failed")
    error: Problem | None = Field(default=None, description="a failed one-document job: its document's problem")


class JobList(BaseModel):
    """A page of ``GET /v1/jobs``: the caller's jobs, newest first."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"jobs": [], "next_cursor": None}]})

    jobs: list[JobStatus]
    next_cursor: str | None = Field(default=None, description="pass as `cursor` for the next page; null on the last")
