"""Optional dependencies, imported when a feature that needs them is used.

A runtime install (`pip install jixiao`) extracts with the tagger on onnxruntime. Training, the tagger's
torch backend and the seqeval span scores need the `train` extra (torch, transformers, seqeval); the
displaCy view (`jixiao tag --html`) needs `viz` (spaCy). Without them those features end in a
`MissingExtraError` (code ``install.missing_extra``) that names the extra to install.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from jixiao.errors import MissingExtraError

INSTALL = {
    "train": "pip install torch==2.13.0 && pip install 'jixiao[train]'",
    "viz": "pip install 'jixiao[viz]'",
    "parquet": "pip install 'jixiao[parquet]'",
    "ray": "pip install 'jixiao[ray]'",
    "archives": "pip install 'jixiao[archives]'",
}


def require(module: str, *, extra: str, purpose: str) -> ModuleType:
    """``module`` imported, or a ``MissingExtraError`` saying that ``purpose`` needs the extra ``extra``.

    Only the module's own absence is turned into the typed error: an installed module that fails to
    import (a broken build, a missing system library) raises as it is.
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is None or exc.name.split(".")[0] != module.split(".")[0]:
            raise
        raise MissingExtraError(
            f"{purpose} needs {module.split('.')[0]}, which is not installed: {INSTALL.get(extra, f'pip install jixiao[{extra}]')}"
        ) from exc
