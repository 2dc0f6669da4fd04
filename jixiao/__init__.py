"""jixiao: extraction of project performance records from Chinese government budget documents.

The public API, imported on first use so that ``import jixiao`` stays cheap::

    from jixiao import Extractor, DocumentRecord

    extractor = Extractor.from_settings()          # load once, reuse (thread-safe)
    record: DocumentRecord = extractor.extract_text(text, doc_id="report")
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it
_PUBLIC = {
    "Extractor": "jixiao.pipelines.extract",
    "DocumentRecord": "jixiao.record",
    "Settings": "jixiao.config",
}

__all__ = ["__version__", "Extractor", "DocumentRecord", "Settings"]  # _PUBLIC's names, spelled out for linters

if TYPE_CHECKING:
    from jixiao.config import Settings
    from jixiao.pipelines.extract import Extractor
    from jixiao.record import DocumentRecord


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'jixiao' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})
