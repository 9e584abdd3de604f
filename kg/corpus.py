"""Read the articles of data/documents: text, id and optional sidecar metadata.

An article is ``<id>.txt``; its id is the file stem.  Text is read as UTF-8; a file
with a UTF-8 or UTF-16 byte-order mark is decoded accordingly, and a file that is not
valid UTF-8 but has no NUL bytes is read as Windows-1252/Latin-1, each with a warning.
Empty, blank, binary and oversized files are refused with an error naming the file.
``<id>.yaml`` beside it may add ``title``, ``outlet``, ``url``, ``date`` and ``author``.
"""
from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.errors import InputError

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
SIDECAR_KEYS = {"title", "outlet", "url", "date", "author"}
MAX_BYTES = 2 * 1024 * 1024


class EncodingWarning_(UserWarning):
    """An article was read in an encoding other than UTF-8."""


@dataclass
class Document:
    id: str
    path: Path
    text: str
    metadata: dict = field(default_factory=dict)
    encoding: str = "utf-8"


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Bytes of an article to text, and the encoding used."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"has a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})", path=path) from exc
    if b"\x00" in data:
        raise InputError("looks like a binary file (it contains NUL bytes), not a plain-text article", path=path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), f"latin-1 (invalid UTF-8 at line {line})"


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> Document:
    path = Path(path)
    doc_id = path.stem
    if not ID_PATTERN.match(doc_id):
        raise InputError(
            f"file name {path.name!r} does not make a usable document id "
            "(letters, digits, '_', '.', '-'; starting with a letter or digit)", path=path)
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"article is {size / 1_048_576:.1f} MiB; the limit is {max_bytes / 1_048_576:.1f} MiB "
            "(split it, or raise the limit with --max-bytes)", path=path)
    text, encoding = decode(path.read_bytes(), path)
    if encoding != "utf-8":
        warnings.warn(f"{path}: read as {encoding}, not UTF-8; consider re-saving it as UTF-8",
                      EncodingWarning_, stacklevel=2)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise InputError("article is empty" if not text else "article holds only whitespace", path=path)
    bad = [c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"]
    if len(bad) > max(10, len(text) // 100):
        raise InputError("article holds many control characters; it does not look like text", path=path)
    return Document(doc_id, path, text, read_sidecar(path.with_suffix(".yaml")), encoding)


def read_sidecar(path: Path) -> dict:
    """Optional metadata next to an article; a broken one is an error naming its line."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"metadata is not valid YAML: {getattr(exc, 'problem', exc)}",
                         path=path, line=mark.line + 1 if mark else None) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError("metadata must be a mapping of keys to values", path=path, line=1)
    unknown = sorted(set(data) - SIDECAR_KEYS)
    if unknown:
        raise InputError(f"unknown metadata key(s) {', '.join(map(str, unknown))}; "
                         f"allowed: {', '.join(sorted(SIDECAR_KEYS))}", path=path)
    out = {}
    for key, value in data.items():
        if value is None:
            continue
        if key == "date":
            out[key] = _iso_date(value, path)
        else:
            out[key] = str(value).strip()
    return out


def _iso_date(value, path: Path) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        try:
            if len(text) == 10:
                dt.date.fromisoformat(text)
            elif len(text) == 7 and not 1 <= int(text[5:]) <= 12:
                raise ValueError
            return text
        except ValueError:
            pass
    raise InputError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD", path=path)


def read_corpus(directory: Path, max_bytes: int = MAX_BYTES) -> list[Document]:
    """Every ``*.txt`` article of a folder, sorted by id; duplicate ids are refused."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError("documents folder does not exist", path=directory)
    docs: dict[str, Document] = {}
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() != ".txt" or path.name.startswith("."):
            continue
        doc = read_document(path, max_bytes)
        key = doc.id.lower()
        if key in docs:
            raise InputError(f"two articles have the same id {doc.id!r}: {docs[key].path.name} and {path.name}",
                             path=path)
        docs[key] = doc
    if not docs:
        raise InputError("no articles (*.txt) found", path=directory)
    return sorted(docs.values(), key=lambda d: d.id)
