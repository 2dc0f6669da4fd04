"""Which legacy binary Office / WPS file an OLE2 compound file is, from its streams, not its name.

Bureaus post .doc / .xls, and WPS Office's .wps / .et, which in their default "97-2003 compatible" mode are the
same containers; a file renamed by hand (.xls holding a Word document) is common. The streams say what it is:
``WordDocument`` a Word binary, ``Workbook`` / ``Book`` a BIFF workbook, ``EncryptedPackage`` an encrypted OOXML
file (Office wraps a password-protected .docx / .xlsx in OLE2), ``PowerPoint Document`` a presentation (refused).
"""

from __future__ import annotations

from pathlib import Path

from jixiao.errors import EncryptedInputError, UnreadableFileError, UnsupportedFormatError, unreadable

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# what to save a refused file as, by its name
SAVE_AS = {".doc": "DOCX", ".xls": "XLSX", ".wps": "DOCX", ".et": "XLSX", ".ppt": "PDF", ".pptx": "PDF", ".dps": "PDF"}
_WORD = "worddocument"
_WORKBOOKS = ("workbook", "book")
_ENCRYPTED = ("encryptedpackage", "encryptioninfo")
_POWERPOINT = "powerpoint document"
# FIB flags word (offset 0x0A): fEncrypted; Word sets it for a password to open (RC4 or XOR obfuscation)
_FIB_FLAGS = 0x0A
_F_ENCRYPTED = 0x0100


def _streams(data: bytes, source: str | None) -> set[str]:
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            return {"/".join(entry).lower() for entry in ole.listdir(streams=True, storages=False)}
    except MemoryError:
        raise
    except Exception as exc:  # olefile raises OSError, struct.error, IndexError … on a damaged container
        raise unreadable(exc, "damaged OLE2 container (DOC/XLS)", source=source) from exc


def _word_encrypted(data: bytes) -> bool:
    import olefile

    with olefile.OleFileIO(data) as ole:
        head = ole.openstream("WordDocument").read(_FIB_FLAGS + 2)
    return len(head) >= _FIB_FLAGS + 2 and bool(int.from_bytes(head[_FIB_FLAGS:_FIB_FLAGS + 2], "little") & _F_ENCRYPTED)


def ole_format(data: bytes, filename: str | None) -> str:
    """``doc`` or ``xls`` for an OLE2 file; a typed error for an encrypted, PowerPoint, other or damaged one."""
    source = filename
    suffix = Path(filename).suffix.lower() if filename else ""
    streams = _streams(data, source)
    top = {name.split("/")[-1] for name in streams if "/" not in name}
    if top & set(_ENCRYPTED):
        raise EncryptedInputError("the file is password-protected (an encrypted Office package); remove the password "
                                  "and retry", source=source)
    if _WORD in top:
        try:
            encrypted = _word_encrypted(data)
        except Exception as exc:  # the stream is listed but cannot be read
            raise unreadable(exc, "damaged Word binary (DOC/WPS)", source=source) from exc
        if encrypted:
            raise EncryptedInputError("the Word file is password-protected; remove the password and retry", source=source)
        return "doc"
    if top & set(_WORKBOOKS):
        return "xls"
    if _POWERPOINT in top:
        raise UnsupportedFormatError("a PowerPoint binary (.ppt); save it as PDF and retry", source=source)
    target = SAVE_AS.get(suffix, "DOCX/XLSX")
    if suffix in (".et", ".wps"):
        raise UnsupportedFormatError(f"a WPS Office file in its own binary format (not the 97-2003 compatible one); "
                                     f"save it as {target} and retry", source=source)
    raise UnsupportedFormatError(f"an OLE2 file that is neither a Word nor an Excel binary; save it as {target} and retry",
                                 source=source)


def not_ole(suffix: str, source: str | None) -> Exception:
    """The error for a file named like a legacy Office / WPS file whose content is no OLE2 container."""
    if suffix in (".ppt", ".pptx", ".dps"):
        return UnsupportedFormatError(f"a presentation ({suffix}); save it as PDF and retry", source=source)
    return UnreadableFileError(f"named {suffix} but the content is not a legacy Office/WPS (OLE2) file (damaged or "
                               f"mislabelled); save it as {SAVE_AS[suffix]} and retry", source=source)
