"""Typed errors: every bad input ends in one of these, never a traceback.

``code`` is stable: the CLI prints it, the HTTP API uses it as the problem
``type`` suffix, batch results carry it.
"""

from __future__ import annotations

import re


class JixiaoError(Exception):
    code = "jixiao.error"
    http_status = 400

    def __init__(self, message: str, *, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class InputError(JixiaoError):
    """The input itself is unusable."""

    code = "input.invalid"


class EmptyInputError(InputError):
    code = "input.empty"


class BinaryInputError(InputError):
    code = "input.binary"
    http_status = 415


class DecodingError(InputError):
    code = "input.undecodable"


class UnsupportedFormatError(InputError):
    code = "input.unsupported_format"
    http_status = 415


class InputTooLargeError(InputError):
    code = "input.too_large"
    http_status = 413


class UnreadableFileError(InputError):
    code = "input.unreadable"


class EncryptedInputError(UnreadableFileError):
    """A password-protected document: it cannot be read without the password."""

    code = "input.encrypted"
    http_status = 422


class InputLimitError(InputTooLargeError):
    """A bomb limit refused the input before its parser ran; ``limit`` names the setting (``max_pdf_pages`` …),
    configurable as ``JIXIAO_<LIMIT>``."""

    code = "input.limit"
    http_status = 413

    def __init__(self, message: str, *, limit: str, source: str | None = None):
        super().__init__(f"{message} (limit {limit}, JIXIAO_{limit.upper()})", source=source)
        self.limit = limit


class ZipBombError(InputLimitError):
    """A DOCX/XLSX whose ZIP container holds too many members, too many uncompressed bytes or a member
    compressed beyond the ratio limit."""

    code = "input.zip_bomb"


class ArchiveDepthError(InputLimitError):
    """An archive inside an archive nested deeper than ``max_archive_depth`` (a ZIP in a ZIP in a ZIP)."""

    code = "input.archive_depth"


class TooManyPagesError(InputLimitError):
    code = "input.too_many_pages"


class ImageTooLargeError(InputLimitError):
    code = "input.image_too_large"


class MemoryLimitError(InputLimitError):
    """Extracting the document needed more memory than a worker may use."""

    code = "input.memory_limit"


class ModelError(JixiaoError):
    """The shipped or configured model cannot be loaded."""

    code = "model.unavailable"
    http_status = 503


class DeadlineExceeded(JixiaoError):
    """An extraction ran past its time limit and stopped at its next safe point."""

    code = "request.timeout"
    http_status = 504


class MissingExtraError(JixiaoError):
    """An optional part (training, the torch backend, the displaCy view) was asked for without its extra installed."""

    code = "install.missing_extra"
    http_status = 501


# a native library's allocation failure, raised as its own exception type rather than MemoryError (onnxruntime:
# "... Status Message: std::bad_alloc"): under a worker's address-space limit it means the same as MemoryError
_NATIVE_OUT_OF_MEMORY = ("std::bad_alloc", "bad allocation", "Failed to allocate memory")
# what a library's message may carry that is no use to a user and changes from run to run (an object's address)
_ADDRESS = re.compile(r"\s*<[^<>]{0,80} at 0x[0-9a-fA-F]+>")
CAUSE_CHARS = 300  # a cause is one line of an error message, not a report


def out_of_memory(exc: BaseException) -> bool:
    """Whether ``exc`` says an allocation failed: MemoryError, or a native library's bad_alloc in its own type."""
    if isinstance(exc, MemoryError):
        return True
    text = str(exc)
    return any(marker in text for marker in _NATIVE_OUT_OF_MEMORY)


def cause(exc: BaseException) -> str:
    """``exc`` as the cause in a typed error's message: its type and the last line of its message (a library may
    wrap a whole traceback into its message), without object addresses, at most ``CAUSE_CHARS`` characters."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip(" \t()")]
    text = _ADDRESS.sub("", lines[-1] if lines else "")
    text = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return text if len(text) <= CAUSE_CHARS else text[: CAUSE_CHARS - 1] + "…"


def unreadable(exc: BaseException, what: str, *, source: str | None) -> Exception:
    """What a loader raises for a library's failure on an input: a ``MemoryError`` where ``exc`` says an allocation
    failed (a native library's bad_alloc under the worker's limit: the caller answers input.memory_limit, a rerun
    retries it), else input.unreadable, ``what`` with the cause in one line."""
    if out_of_memory(exc):
        return MemoryError(cause(exc))
    return UnreadableFileError(f"{what} ({cause(exc)})", source=source)
