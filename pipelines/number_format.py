"""A number or date as Excel shows it under a cell's number format, where the format adds what a reader sees.

Finance systems and bureaus' templates put the unit in the format, not the cell: 320 under ``0.00"万元"`` shows
``320.00万元``, 88 under ``0"台（套）"`` shows ``88台（套）``, a date under ``yyyy"年"m"月"d"日"`` shows
``2023年10月28日``. ``shown`` renders a format whose section carries literal text (quoted, escaped with ``\\``, or
characters that are not format codes, such as 万元) or date codes. A format of digit codes alone (``0.00``,
``#,##0.00``) returns None: the caller keeps the plain number (its value is what the reader takes, and the
extraction reads separators and trailing zeros alike either way). Conditions (``[>100]``), elapsed times
(``[h]``), fraction and scientific formats and Chinese numerals (``[DBNum1]``) return None as well: read as the
plain value, never guessed.

Written here because nothing on the package registry this project installs from renders a format code: openpyxl and
xlrd hand over the code without applying it, and no renderer package resolves there (checked with pip).
"""

from __future__ import annotations

import datetime as dt
import math
import re

_DIGIT_CODES = frozenset("0#?,.")
_DATE_CODES = frozenset("ymdhsYMDHS")
# Excel's built-in short date (id 14): shown in the reader's locale, so it stays ISO (the caller's default)
_LOCALE_DATE = frozenset({"mm-dd-yy", "m/d/yyyy", "m/d/yy"})
_BRACKET = re.compile(r"\[([^\]]*)\]")
# Excel refuses a custom format longer than this; a longer one (a file written by a tool, not by Excel) is read
# as the plain value: rendering it would cost its length for every cell that uses it (cells x length).
MAX_FORMAT_CHARS = 255
_DATE_TOKEN = re.compile(r"yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am/pm|a/p", re.I)


def _sections(fmt: str) -> list[str]:
    out, cur, quoted, i = [], [], False, 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and not quoted and i + 1 < len(fmt):
            cur.append(fmt[i:i + 2])
            i += 2
            continue
        elif ch == ";" and not quoted:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def _tokens(section: str) -> list[tuple[str, str]] | None:
    """(kind, text) pieces: ``lit`` shown as is, ``code`` a run of format codes; None for what is not rendered."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            out.append(("lit", section[i + 1:end]))
            i = end + 1
        elif ch == "\\" and i + 1 < len(section):
            out.append(("lit", section[i + 1]))
            i += 2
        elif ch in "_*":  # a space as wide as the next char, a fill: no text
            i += 2
        elif ch == "[":
            end = section.find("]", i)
            inner = section[i + 1:end if end > 0 else len(section)].lower()
            if end < 0 or inner[:1] in "<>=" or inner in ("h", "hh", "m", "mm", "s", "ss") or inner.startswith("dbnum"):
                return None
            symbol = section[i + 2:end].split("-")[0] if inner.startswith("$") else ""
            if symbol:  # a currency in a locale code ([$¥-804]) shows its symbol
                out.append(("lit", symbol))
            i = end + 1  # a colour or a locale: nothing shown
        elif section[i:i + 7].lower() == "general":
            out.append(("general", ""))
            i += 7
        elif ch in _DIGIT_CODES or ch in _DATE_CODES or ch in "%" or section[i:i + 5].lower() == "am/pm":
            j = i + (5 if section[i:i + 5].lower() == "am/pm" else 1)
            out.append(("code", section[i:j]))
            i = j
        elif ch in "Ee/@" and ch != "/":
            return None  # scientific, text placeholder: not rendered here
        else:
            out.append(("lit", ch))
            i += 1
    return out


def _group(text: str) -> str:
    return f"{int(text):,}"


def _number(value: float, codes: str) -> str:
    """VALUE under a run of digit codes (``#,##0.00``, ``0%``)."""
    value *= 100 ** codes.count("%")
    digits = codes.replace("%", "")
    while digits.endswith(","):  # a trailing comma scales by a thousand
        value /= 1000
        digits = digits[:-1]
    whole, _, frac = digits.partition(".")
    places = sum(1 for c in frac if c in "0#?")
    text = f"{abs(value):.{places}f}"
    int_part, _, frac_part = text.partition(".")
    if "#" in frac and frac_part:  # optional decimals: trailing zeros not shown
        keep = sum(1 for c in frac if c == "0")
        frac_part = frac_part.rstrip("0").ljust(keep, "0")
    pad = whole.count("0")
    int_part = int_part.lstrip("0").rjust(pad, "0") if pad or int_part != "0" else ""
    if "," in whole and int_part:
        int_part = _group(int_part)
    return int_part + ("." + frac_part if frac_part else "")


def _general(value: float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(round(value, 10)) if isinstance(value, float) else str(value)


def _show_number(value, tokens: list[tuple[str, str]]) -> str:
    out: list[str] = []
    codes = "".join(t for k, t in tokens if k == "code")
    placed = False
    for kind, text in tokens:
        if kind == "lit":
            out.append(text)
        elif kind == "general":
            out.append(_general(value))
        elif not placed:
            out.append(_number(value, codes))
            placed = True
    return "".join(out)


def _show_date(value: dt.date | dt.datetime, section: str) -> str | None:
    tokens = _tokens(section)
    if tokens is None:
        return None
    stamp = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
    pieces: list[tuple[str, str]] = []  # ("date", token) or ("lit", text)
    for kind, text in tokens:
        if kind == "code" and text not in ".,#?0%":
            if pieces and pieces[-1][0] == "run":
                pieces[-1] = ("run", pieces[-1][1] + text)
            else:
                pieces.append(("run", text))
        elif kind in ("lit", "code"):
            pieces.append(("lit", text))
    flat: list[tuple[str, str]] = []
    for kind, text in pieces:
        if kind == "run":
            at = 0
            for m in _DATE_TOKEN.finditer(text):
                if m.start() > at:
                    flat.append(("lit", text[at:m.start()]))
                flat.append(("date", m.group(0).lower()))
                at = m.end()
            if at < len(text):
                flat.append(("lit", text[at:]))
        else:
            flat.append((kind, text))
    dates = [i for i, (k, _) in enumerate(flat) if k == "date"]
    out = []
    for i, (kind, text) in enumerate(flat):
        if kind == "lit":
            out.append(text)
            continue
        n = dates.index(i)
        prev = flat[dates[n - 1]][1] if n else ""
        nxt = flat[dates[n + 1]][1] if n + 1 < len(dates) else ""
        out.append(_date_part(text, stamp, prev.startswith("h") or nxt.startswith("s")))
    return "".join(out)


def _date_part(tok: str, stamp: dt.datetime, minute: bool) -> str:
    if tok in ("mm", "m"):
        number = stamp.minute if minute else stamp.month
        return f"{number:02d}" if tok == "mm" else str(number)
    if tok in ("mmm", "mmmm"):
        return f"{stamp.month}月"
    if tok in ("ddd", "dddd"):
        return "星期" + "一二三四五六日"[stamp.weekday()]
    if tok in ("am/pm", "a/p"):
        return "上午" if stamp.hour < 12 else "下午"
    values = {"yyyy": f"{stamp.year:04d}", "yy": f"{stamp.year % 100:02d}", "dd": f"{stamp.day:02d}", "d": str(stamp.day),
              "hh": f"{stamp.hour:02d}", "h": str(stamp.hour), "ss": f"{stamp.second:02d}", "s": str(stamp.second)}
    return values.get(tok, tok)


def shown(value, number_format: str | None) -> str | None:
    """VALUE as Excel shows it under NUMBER_FORMAT where the format adds literal text or date codes, else None."""
    fmt = number_format or ""
    if len(fmt) > MAX_FORMAT_CHARS or not fmt.strip() or fmt.strip().lower() == "general":
        return None  # the length first: even lower() on a long format costs its length per cell
    if isinstance(value, float) and not math.isfinite(value):
        return None  # 1e999 in a cell reads as inf: no format shows it, the plain value is read
    try:
        return _shown(value, fmt)
    except (OverflowError, ValueError):  # 255 "%" codes scale past a float: the plain value is read
        return None


def _shown(value, fmt: str) -> str | None:
    sections = _sections(fmt)
    if isinstance(value, (dt.date, dt.datetime)):
        if fmt.strip().lower() in _LOCALE_DATE:
            return None
        return _show_date(value, sections[0])
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    if len(sections) >= 3 and value == 0:
        section = sections[2]
    elif len(sections) >= 2 and value < 0:
        section, value = sections[1], -value
    else:
        section = sections[0]
    tokens = _tokens(section)
    if tokens is None or not any(k == "lit" and t.strip() for k, t in tokens):
        return None
    if any(k == "code" and t in _DATE_CODES for k, t in tokens):
        return None  # a date format over a plain number (openpyxl left it a number): read the number
    text = _show_number(value, tokens)
    return text if len(sections) >= 2 or value >= 0 else "-" + text
