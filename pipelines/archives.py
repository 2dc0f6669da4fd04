"""Archives as inputs: a ZIP (tar, 7z) of a bureau's PDFs, XLS and DOC files is a batch of its members.

An archive is told by its content (magic bytes), after DOCX/XLSX are ruled out (``ingest.zip_document_kind``), and
expands into its members in archive order: each member one input, named ``docs.zip!dir/名称.pdf`` (an archive inside
an archive: ``docs.zip!inner.zip!a.pdf``). A member is read into memory, never extracted to disk, so no member name
can write anywhere. The bomb limits of a DOCX/XLSX (``check_zip``: member count, total inflated bytes, ratio) are
applied to an archive's directory before any member is inflated; each member is held to ``max_input_bytes``.

Folders and the litter of desktop tools (``__MACOSX/``, ``.DS_Store``, ``Thumbs.db``) are skipped silently; any
other member is accounted for: its record or its typed error (encrypted, too large, nested too deep, unreadable; a
tar's symlink, device or FIFO: no document). A tar's hard link is read as the member it links to.
A RAR needs a native unrar program: it is a typed error, as is a 7z without ``py7zr`` (the ``archives`` extra).
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from jixiao.config import Settings
from jixiao.errors import (
    ArchiveDepthError,
    EmptyInputError,
    EncryptedInputError,
    InputTooLargeError,
    JixiaoError,
    UnreadableFileError,
    UnsupportedFormatError,
    ZipBombError,
    cause,
)
from jixiao.pipelines.ingest import check_zip, source_name, zip_document_kind

SEPARATOR = "!"  # archive!member, as Java's jar: URLs and 7-Zip's listings join them
STEM_JOIN = "__"  # a member's output stem: <archive stem>__<folder>__<member stem>
HEAD_BYTES = 512  # enough for every signature below (tar's ``ustar`` sits at 257)
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # a local header, or the end record of an empty ZIP
_CENTRAL_ENTRY = b"PK\x01\x02"  # each directory entry's signature
_COUNT_CHUNK = 1 << 20  # bytes read at a time while counting a ZIP file's directory entries
# formats read as one stream: a member can only be reached by inflating everything before it, so their members are
# read in one pass while listed and carry their bytes (reading each again from the start would be quadratic)
_STREAMED = ("tar", "7z")
_COMPRESSED_TAR = (b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")  # gzip, bzip2, xz: tarfile's "r:*" opens them all
_SEVEN_ZIP = b"7z\xbc\xaf\x27\x1c"
_RAR = (b"Rar!\x1a\x07\x00", b"Rar!\x1a\x07\x01\x00")
# ZIP containers of document formats jixiao does not read (OFD, ODF/EPUB, PPTX): not archives of documents
_DOCUMENT_PARTS = ("OFD.xml", "mimetype", "[Content_Types].xml")
_JUNK_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})  # written by Finder / Explorer, never a document
_JUNK_FOLDERS = ("__MACOSX",)  # macOS resource forks (._名称.pdf) beside every file
_UTF8_FLAG = 0x800  # ZIP general purpose bit 11: the name is UTF-8
_ENCRYPTED_FLAG = 0x1
_LOCKED_7Z = "the 7z archive is password-protected; remove the password and retry"


class ArchiveMemberError(JixiaoError):
    """A member's typed error found while its archive was listed, carried to where the member's result is made."""

    def __init__(self, code: str, http_status: int, message: str, source: str | None = None):
        super().__init__(message, source=source)
        self.code = code
        self.http_status = http_status


@dataclass(frozen=True)
class Member:
    """One member of an archive file as a batch input: found by its position at each level (outer first)."""

    archive: Path
    trail: tuple[int, ...]
    name: str  # docs.zip!dir/名称.pdf
    stem: str  # the stem its output is named from: docs__dir__名称
    size: int = 0  # inflated bytes, as the directory says (the batch's schedule)
    error: tuple[str, int, str] | None = None  # code, HTTP status, message: it fails without being read
    data: bytes | None = field(default=None, repr=False, compare=False)  # the bytes, when listed to be kept
    sha256: str | None = None  # of a failed member's bytes when they were read (a nested RAR): a rerun skips it

    def failure(self) -> ArchiveMemberError | None:
        return ArchiveMemberError(*self.error, source=self.name) if self.error else None


def member_name(raw: bytes, utf8: bool = False) -> str:
    """A member name as text: UTF-8 when flagged or valid (Info-ZIP, macOS and tar write UTF-8, often unflagged; a
    GBK name is almost never valid UTF-8), else GB18030 (a ZIP made on Chinese Windows) unless that gives private-use
    characters (Big5 …), else CP437, the ZIP format's own default, which decodes any bytes."""
    if utf8:
        return raw.decode("utf-8", "backslashreplace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
        if not any("\ue000" <= ch <= "\uf8ff" for ch in text):
            return text
    except UnicodeDecodeError:
        pass
    return raw.decode("cp437")


def _skipped(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return not parts or parts[-1].lower() in _JUNK_NAMES or any(p in _JUNK_FOLDERS for p in parts)


@dataclass
class Entry:
    index: int
    name: str
    size: int
    encrypted: bool = False
    refusal: str | None = None  # why a member that is no document (a tar symlink, device, FIFO) is refused


def _kind(head: bytes, zip_names) -> str | None:
    """``zip``, ``tar``, ``7z`` or ``rar`` for an archive's first bytes, else None; ``zip_names()`` gives a ZIP's
    member names (None when its directory cannot be read: its own loader words that error)."""
    if head.startswith(_ZIP):
        names = zip_names()
        if names is None or zip_document_kind(names) or any(part in names for part in _DOCUMENT_PARTS):
            return None
        return "zip"
    if head.startswith(_COMPRESSED_TAR) or head[257:262] == b"ustar":
        return "tar"
    if head.startswith(_SEVEN_ZIP):
        return "7z"
    if head.startswith(_RAR):
        return "rar"
    return None


def _names(file) -> set[str] | None:
    try:
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None


def file_kind(path: Path, settings: Settings) -> str | None:
    """The archive kind of the file at ``path`` (None: not an archive, or not a readable file). A ZIP with more
    directory entries than ``max_zip_members`` is ``zip`` unopened (zipfile builds an object per entry): its reader
    refuses it."""
    try:
        if not path.is_file():
            return None
        with open(path, "rb") as f:
            head = f.read(HEAD_BYTES)
        if head.startswith(_ZIP) and _central_entries(path) > settings.max_zip_members:
            return "zip"
    except OSError:
        return None
    return _kind(head, lambda: _names(path))


def data_kind(data: bytes, settings: Settings) -> str | None:
    """The archive kind of ``data`` (None: not an archive). A ZIP with more directory entries than
    ``max_zip_members`` is not opened here (zipfile builds an object per entry): None leaves it to ``_zip_format``,
    which refuses it."""
    if data.startswith(_ZIP) and data.count(_CENTRAL_ENTRY) > settings.max_zip_members:
        return None
    return _kind(data[:HEAD_BYTES], lambda: _names(io.BytesIO(data)))


def _check_listing(count: int, total: int, packed: int, settings: Settings, source: str) -> None:
    """``check_zip``'s limits for an archive whose directory gives no per-member compressed size (tar, 7z): the
    count, the total, and the total against the archive's own size."""
    if count > settings.max_zip_members:
        raise ZipBombError(f"the archive holds over {settings.max_zip_members} members", limit="max_zip_members", source=source)
    if total > settings.max_zip_bytes:
        raise ZipBombError(f"the archive inflates to over {settings.max_zip_bytes} bytes", limit="max_zip_bytes", source=source)
    ratio = total / max(1, packed)
    if total > 1024 * 1024 and ratio > settings.max_zip_ratio:
        raise ZipBombError(f"the archive is compressed {ratio:.0f}:1, over the limit of {settings.max_zip_ratio:g}:1",
                           limit="max_zip_ratio", source=source)


def _central_entries(file) -> int:
    """Directory-entry signatures in a ZIP (bytes or a file), counted a chunk at a time: an upper bound on its
    members, known before ``zipfile`` builds an object for each."""
    if isinstance(file, io.BytesIO):
        return file.getvalue().count(_CENTRAL_ENTRY)
    count, tail = 0, b""
    with open(file, "rb") as f:
        while chunk := f.read(_COUNT_CHUNK):
            block = tail + chunk
            count += block.count(_CENTRAL_ENTRY)
            tail = block[-(len(_CENTRAL_ENTRY) - 1):]  # a signature across two chunks: counted once, in the next
    return count


class _Zip:
    def __init__(self, file, packed: int, settings: Settings, source: str):
        if _central_entries(file) > settings.max_zip_members:
            raise ZipBombError(f"the ZIP archive holds over {settings.max_zip_members} members", limit="max_zip_members", source=source)
        self.archive = zipfile.ZipFile(file)
        self.infos = self.archive.infolist()
        check_zip(self.archive, settings, source)

    def entries(self) -> Iterator[Entry]:
        for index, info in enumerate(self.infos):
            if info.is_dir():
                continue
            utf8 = bool(info.flag_bits & _UTF8_FLAG)
            raw = info.orig_filename.encode("utf-8" if utf8 else "cp437", "surrogateescape")
            yield Entry(index, member_name(raw, utf8), info.file_size, bool(info.flag_bits & _ENCRYPTED_FLAG))

    def read(self, index: int) -> bytes:
        return self.archive.read(self.infos[index])

    def close(self) -> None:
        self.archive.close()


def _tar_refusal(info: tarfile.TarInfo) -> str | None:
    """Why a tar member other than a file, a hard link or a folder is no document (None: it may be one)."""
    if info.issym():
        return "a symbolic link in the archive, not a document"
    if info.ischr() or info.isblk():
        return "a device file in the archive, not a document"
    if info.isfifo():
        return "a named pipe (FIFO) in the archive, not a document"
    if not (info.isreg() or info.islnk() or info.isdir()):
        return f"a tar member of type {info.type!r}, not a document"
    return None


class _Tar:
    """A tar's members, read in one pass. A hard link is the document it links to (an earlier member, as tarfile
    resolves it): its bytes are that member's, counted again against the limits (each is read as a document)."""

    def __init__(self, file, packed: int, settings: Settings, source: str):
        self.archive = tarfile.open(fileobj=file, mode="r:*") if isinstance(file, io.BytesIO) else tarfile.open(file, "r:*")
        self.members: list[tarfile.TarInfo] = []
        self.data: dict[int, bytes] = {}
        self.sizes: dict[int, int] = {}
        files: dict[str, int] = {}  # a file's (or link's) normalized name -> the file's index; the last one wins, as in tar
        total = 0
        for info in self.archive:  # listed one header at a time: a bomb is refused before its end is inflated
            index = len(self.members)
            self.members.append(info)
            target = files.get(_tar_path(info.linkname)) if info.islnk() else index if info.isreg() else None
            if target is not None:
                self.sizes[index] = self.members[target].size
                total += self.sizes[index]
            _check_listing(len(self.members), total, packed, settings, source)
            if info.isreg():
                files[_tar_path(info.name)] = index
                if info.size <= settings.max_input_bytes:  # (a larger one is refused unread)
                    self.data[index] = self.archive.extractfile(info).read()
            elif target is not None:
                files[_tar_path(info.name)] = target  # a link to this link is a link to its file
                if target in self.data:
                    self.data[index] = self.data[target]  # the same bytes, not a second copy

    def entries(self) -> Iterator[Entry]:
        for index, info in enumerate(self.members):
            if info.isdir():
                continue
            name = member_name(info.name.encode("utf-8", "surrogateescape"))
            refusal = _tar_refusal(info)
            if info.islnk() and index not in self.sizes:
                refusal = "a hard link to a file the archive does not hold before it, not a document"
            yield Entry(index, name, self.sizes.get(index, 0), refusal=refusal)

    def read(self, index: int) -> bytes:
        return self.data[index]

    def close(self) -> None:
        self.archive.close()


def _tar_path(name: str) -> str:
    """A tar member's name as a hard link names it (``./a.txt`` and ``a.txt`` are one member)."""
    return posixpath.normpath(name.rstrip("/"))


class _SevenZip:
    def __init__(self, file, packed: int, settings: Settings, source: str):
        from jixiao.extras import require

        py7zr = require("py7zr", extra="archives", purpose="reading a 7z archive")
        try:
            self.archive = py7zr.SevenZipFile(file)
        except py7zr.exceptions.PasswordRequired:  # its header (the file list) is encrypted too
            raise EncryptedInputError(_LOCKED_7Z, source=source) from None
        if self.archive.needs_password():
            raise EncryptedInputError(_LOCKED_7Z, source=source)
        self.infos = self.archive.list()
        _check_listing(len(self.infos), sum(i.uncompressed for i in self.infos), packed, settings, source)
        self.limit = settings.max_input_bytes
        self.products = None  # every member, extracted in one pass on the first read (a solid archive is one stream)

    def entries(self) -> Iterator[Entry]:
        for index, info in enumerate(self.infos):
            if not info.is_directory:
                yield Entry(index, info.filename, info.uncompressed)

    def read(self, index: int) -> bytes:
        from py7zr.io import BytesIOFactory

        if self.products is None:
            factory = BytesIOFactory(self.limit + 1)
            targets = [i.filename for i in self.infos if not i.is_directory and i.uncompressed <= self.limit]
            self.archive.reset()
            self.archive.extract(targets=targets, factory=factory)
            self.products = factory
        product = self.products.get(self.infos[index].filename)
        product.seek(0)
        return product.read()

    def close(self) -> None:
        self.archive.close()


_READERS = {"zip": _Zip, "tar": _Tar, "7z": _SevenZip}


def open_archive(kind: str, file: Path | bytes, settings: Settings, source: str):
    """A reader (``entries()``, ``read(index)``, ``close()``) of an archive file or archive bytes; a typed error
    when it is a RAR, damaged, encrypted as a whole or past a bomb limit."""
    if kind == "rar":
        raise UnsupportedFormatError("a RAR archive: reading RAR needs the native unrar program, which jixiao does not "
                                     "use; re-pack it as ZIP, tar.gz or 7z", source=source)
    packed = len(file) if isinstance(file, bytes) else file.stat().st_size
    handle = io.BytesIO(file) if isinstance(file, bytes) else file
    try:
        return _READERS[kind](handle, packed, settings, source)
    except JixiaoError:
        raise
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, ValueError, KeyError) as exc:
        what = "not a readable tar archive (a single compressed file, or a damaged tar)" if kind == "tar" else f"damaged {kind} archive"
        raise UnreadableFileError(f"{what} ({cause(exc)})", source=source) from exc
    except Exception as exc:  # py7zr's own errors (Bad7zFile, UnsupportedCompressionMethodError …)
        if type(exc).__module__.startswith("py7zr"):
            raise UnreadableFileError(f"unreadable {kind} archive ({cause(exc)})", source=source) from exc
        raise


def read_entry(reader, entry: Entry, settings: Settings, source: str) -> bytes:
    """One member's bytes: refused, typed, before inflating when no document, encrypted or over ``max_input_bytes``."""
    if entry.refusal:
        raise UnsupportedFormatError(entry.refusal, source=source)
    if entry.encrypted:
        raise EncryptedInputError("the archive member is password-protected; remove the password and retry", source=source)
    if entry.size > settings.max_input_bytes:
        raise InputTooLargeError(f"{entry.size} bytes exceeds the limit of {settings.max_input_bytes}", source=source)
    try:
        data = reader.read(entry.index)
    except JixiaoError:
        raise
    except Exception as exc:  # a bad CRC, a truncated stream, a method zipfile lacks
        raise UnreadableFileError(f"the archive member cannot be read ({cause(exc)})", source=source) from exc
    if len(data) > settings.max_input_bytes:  # a directory that lied about the size
        raise InputTooLargeError(f"{len(data)} bytes exceeds the limit of {settings.max_input_bytes}", source=source)
    return data


def _member_stem(stem: str, name: str) -> str:
    path = PurePosixPath(name.replace("\\", "/"))
    return STEM_JOIN.join([stem, *path.parent.parts, path.stem] if path.parent.parts else [stem, path.stem])


def _failed(top: Path, trail: tuple[int, ...], name: str, stem: str, exc: JixiaoError, size: int = 0,
            data: bytes | None = None) -> Member:
    sha = hashlib.sha256(data).hexdigest() if data is not None and trail else None
    return Member(top, trail, name, stem, size, (exc.code, exc.http_status, exc.message), sha256=sha)


def _listed(reader, top: Path, trail: tuple[int, ...], prefix: str, stem: str, depth: int, settings: Settings,
            keep: bool) -> Iterator[Member]:
    """The members of an open archive, nested archives expanded in place; ``keep``: with their bytes."""
    for entry in reader.entries():
        if _skipped(entry.name):
            continue
        name, where = f"{prefix}{SEPARATOR}{entry.name}", (*trail, entry.index)
        member_stem = _member_stem(stem, entry.name)
        try:
            data = read_entry(reader, entry, settings, name)
        except JixiaoError as exc:
            yield _failed(top, where, name, member_stem, exc, entry.size)
            continue
        kind = data_kind(data, settings)
        if kind is None:
            yield Member(top, where, name, member_stem, len(data), data=data if keep else None)
            continue
        yield from _nested(kind, data, top, where, name, member_stem, depth + 1, settings, keep)


def _nested(kind: str, data: bytes, top: Path, trail: tuple[int, ...], name: str, stem: str, depth: int,
            settings: Settings, keep: bool) -> Iterator[Member]:
    if depth > settings.max_archive_depth:
        exc = ArchiveDepthError(f"an archive nested {depth} deep", limit="max_archive_depth", source=name)
        yield _failed(top, trail, name, stem, exc, len(data), data)
        return
    try:
        reader = open_archive(kind, data, settings, name)
    except JixiaoError as exc:
        yield _failed(top, trail, name, stem, exc, len(data), data)
        return
    try:
        members = list(_listed(reader, top, trail, name, stem, depth, settings, keep or kind in _STREAMED))
    finally:
        reader.close()
    yield from members or [_failed(top, trail, name, stem, EmptyInputError("the archive holds no documents", source=name))]


def expand(kind: str, file: Path | bytes, name: str, stem: str, settings: Settings, *, keep: bool = False,
           top: Path | None = None) -> list[Member]:
    """The members of the archive ``file`` (a path, or bytes named ``name``), or one failed input standing for the
    whole archive when it cannot be listed. ``keep``: the members carry their bytes (an upload)."""
    top = top if top is not None else (file if isinstance(file, Path) else Path(name))
    if isinstance(file, bytes):
        return list(_nested(kind, file, top, (), name, stem, 1, settings, keep))
    try:
        reader = open_archive(kind, file, settings, name)
    except JixiaoError as exc:
        return [_failed(top, (), name, stem, exc)]
    try:
        members = list(_listed(reader, top, (), name, stem, 1, settings, keep or kind in _STREAMED))
    finally:
        reader.close()
    return members or [_failed(top, (), name, stem, EmptyInputError("the archive holds no documents", source=name))]


def expand_inputs(paths: list, settings: Settings) -> list:
    """A batch's inputs with every archive file replaced by its members (a ``Member`` passes through as it is)."""
    from jixiao.pipelines.outputs import safe_stem

    out: list = []
    for path in paths:
        kind = file_kind(path, settings) if isinstance(path, Path) else None
        if kind is None:
            out.append(path)
        else:
            out.extend(expand(kind, path, source_name(path), safe_stem(path), settings))
    return out


def read_member(member: Member, settings: Settings) -> bytes:
    """The bytes of a listed member, read again from its archive file, one level at a time."""
    if member.data is not None:
        return member.data
    failure = member.failure()
    if failure is not None:
        raise failure
    data: Path | bytes = member.archive
    for level, index in enumerate(member.trail):
        kind = file_kind(data, settings) if isinstance(data, Path) else data_kind(data, settings)
        source = member.name if level == len(member.trail) - 1 else source_name(member.archive)
        if kind is None:
            raise UnreadableFileError("the archive changed since it was listed", source=member.name)
        reader = open_archive(kind, data, settings, source)
        try:
            entry = next((e for e in reader.entries() if e.index == index), None)
            if entry is None:
                raise UnreadableFileError("the archive changed since it was listed", source=member.name)
            data = read_entry(reader, entry, settings, member.name)
        finally:
            reader.close()
    return data


def input_name(item) -> str:
    """An input's name as results carry it: a file's path as text, a member's ``archive!member``."""
    return item.name if isinstance(item, Member) else source_name(item)


def stem_path(item) -> Path:
    """A path whose stem is the one an input's output is named from (``outputs.output_stems`` takes paths)."""
    return Path(item.stem.replace("/", "_") + ".member") if isinstance(item, Member) else item
