"""Read the articles of data/documents: text, id and optional sidecar metadata.

An article is ``<id>.txt``; its id is the file stem.  Text is read as UTF-8; a file
with a UTF-8, UTF-16 or UTF-32 byte-order mark is decoded accordingly, and a file that
is not valid UTF-8 but reads safely as Windows-1252/Latin-1 (no NUL bytes, few non-ASCII
bytes, no run of foreign letters) is read so; each of these with a warning.  Empty,
blank, binary, oversized and undecodable files, and two files whose ids differ only in
case, are refused with an :class:`~kg.errors.InputError` naming the file (and the line
where there is one), before anything is written.
``<id>.yaml`` beside it may add ``title``, ``outlet``, ``url`` (an ``http``/``https``
address: other schemes, ``javascript:`` or ``data:``, are refused), ``date`` and
``author``.  A file in the folder that is a symbolic link to somewhere outside it is
refused, and so is an article of more than :data:`MAX_SENTENCES` sentences (counted by
their closing marks), whose build would take minutes and gigabytes: split it.
"""
from __future__ import annotations

import codecs
import hashlib
import datetime as dt
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.defaults import MAX_BYTES  # noqa: F401 (re-exported)
from kg.errors import InputError

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
SIDECAR_KEYS = {"title", "outlet", "url", "date", "author"}
#: The most sentences an article may have (about 70 KB of news prose; the longest shipped article has 51);
#: see benchmarks/large_article.py for what one takes to build.
MAX_SENTENCES = 1000
URL_SCHEMES = ("http://", "https://")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")


class EncodingWarning_(UserWarning):
    """An article was read in an encoding other than UTF-8."""


@dataclass
class Document:
    id: str
    path: Path
    text: str
    metadata: dict = field(default_factory=dict)
    encoding: str = "utf-8"


#: A non-UTF-8 file is read as Windows-1252 only when it looks like Western text in it:
#: few non-ASCII bytes, and no run of non-ASCII letters (Cyrillic in cp1251 or KOI8-R
#: decoded as cp1252 gives long runs such as "Ïàêèñòàí").
MAX_NON_ASCII_SHARE = 0.1
_FOREIGN_RUN = re.compile(r"[^\x00-\x7f]{4,}")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # UTF-32 first: its BOM starts like UTF-16's


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Bytes of an article to text, and the encoding used (see the module docstring).

    Raises :class:`~kg.errors.InputError` naming the file, and the line where one
    applies, when the bytes cannot be read safely as text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                name = encoding.upper().removesuffix("-SIG")
                raise InputError(f"starts with a {name} byte-order mark but is not valid {name} "
                                 f"({exc.reason}); re-save it as UTF-8", path=path) from None
    if b"\x00" in data:
        hint = ""
        if max(data[0::2].count(0), data[1::2].count(0)) >= 0.9 * (len(data) // 2):
            hint = " (every other byte is NUL: it may be UTF-16 without a byte-order mark; re-save it as UTF-8)"
        raise InputError(f"looks like a binary file (it contains NUL bytes), not a plain-text article{hint}", path=path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = InputError(f"is not UTF-8 (byte 0x{data[exc.start]:02x} on this line) and does not look like "
                         "Windows-1252/Latin-1 text either; re-save it as UTF-8", path=path, line=line)
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise bad from None
        share = sum(b >= 0x80 for b in data) / len(data)
        if share > MAX_NON_ASCII_SHARE or any(c.isalpha() for m in _FOREIGN_RUN.finditer(text) for c in m.group()):
            raise bad from None
        return text, "cp1252"


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> Document:
    path = Path(path)
    doc_id = path.stem
    if not ID_PATTERN.match(doc_id):
        raise InputError(
            f"file name {path.name!r} does not make a usable document id "
            "(letters, digits, '_', '.', '-'; starting with a letter or digit)", path=path)
    text, encoding = read_text(path, max_bytes)
    check_sentences(text, path)
    return Document(doc_id, path, text, read_sidecar(path.with_suffix(".yaml")), encoding)


def count_sentences(text: str) -> int:
    """About how many sentences ``text`` has: runs of closing marks (. ! ? …) before a
    blank or the end, and a last sentence without one."""
    marks = _SENTENCE_END.findall(text)
    tail = text[text.rfind(marks[-1]) + len(marks[-1]):] if marks else text
    return len(marks) + (1 if tail.strip() else 0)


def check_sentences(text: str, path: Path, limit: int = MAX_SENTENCES) -> None:
    """Refuse, before any work, an article with more than ``limit`` sentences."""
    n = count_sentences(text)
    if n > limit:
        raise InputError(f"article has about {n:,} sentences; the limit is {limit:,} (a longer article takes "
                         f"minutes and gigabytes to build): split it into several articles", path=path)


def check_inside(path: Path, directory: Path) -> None:
    """Refuse ``path`` when it is a symbolic link that leads out of ``directory``."""
    if not path.is_symlink():
        return
    target = path.resolve()
    if not target.is_relative_to(directory.resolve()):
        raise InputError(f"is a symbolic link to {target}, outside the documents folder; only files in the "
                         f"folder are read: copy the article in instead", path=path)


#: The control characters (Unicode category Cc) but tab and line feed.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """The checked, NFC-normalised text of an article file (LF line ends) and its encoding.

    Raises :class:`~kg.errors.InputError` naming the file for anything that is not a
    readable plain-text article (see the module docstring).
    """
    path = Path(path)
    try:
        if not path.is_file():
            raise InputError("is not a regular file", path=path)
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"article is {size / 1_048_576:.1f} MiB; the limit is {max_bytes / 1_048_576:.1f} MiB "
                "(split it, or raise the limit with --max-bytes)", path=path)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=path) from None
    if not data:
        raise InputError("article is empty (0 bytes)", path=path)
    text, encoding = decode(data, path)
    if encoding != "utf-8":
        warnings.warn(f"{path}: read as {encoding}, not UTF-8; consider re-saving it as UTF-8",
                      EncodingWarning_, stacklevel=2)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise InputError("article is empty" if not text else "article holds only whitespace", path=path)
    bad = _CONTROL.findall(text)
    if len(bad) > max(10, len(text) // 100):
        first = _CONTROL.search(text).start()
        raise InputError(f"article holds {len(bad)} control characters (the first on this line); "
                         "it does not look like text", path=path, line=text.count("\n", 0, first) + 1)
    return text, encoding


def content_id(text: str) -> str:
    """A stable article id derived from its content: ``a_`` + 16 hex digits of SHA-256.

    The text is normalised first (NFC, LF line ends, trailing blanks of each line and
    blank lines at either end dropped), so re-saving an article does not change its id.
    """
    norm = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    norm = "\n".join(line.rstrip() for line in norm.split("\n")).strip()
    return "a_" + hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def read_sidecar(path: Path) -> dict:
    """Optional metadata next to an article; a broken one is an error naming its line."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the metadata as UTF-8 text: {exc}", path=path) from None
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
            out[key] = iso_date(value, path)
        elif key == "url":
            out[key] = _web_address(value, path)
        else:
            out[key] = str(value).strip()
    return out


def _web_address(value, path: Path) -> str:
    """A sidecar ``url``: an http or https address, nothing else (it becomes a link)."""
    text = str(value).strip()
    if not text.lower().startswith(URL_SCHEMES) or any(c.isspace() or ord(c) < 32 for c in text):
        line = None
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
            line = next((i for i, t in enumerate(lines, 1) if t.lstrip().startswith("url:")), None)
        except OSError:
            pass
        raise InputError(f"url {text!r} is not a web address: give an http:// or https:// URL", path=path, line=line)
    return text


def iso_date(value, path: Path) -> str:
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
        check_inside(path, directory)
        check_inside(path.with_suffix(".yaml"), directory)
        doc = read_document(path, max_bytes)
        key = doc.id.lower()
        if key in docs:
            raise InputError(f"two articles have the same id {doc.id!r} (ids are compared ignoring case, as "
                             f"many file systems do): {docs[key].path.name} and {path.name}; rename or remove one",
                             path=path)
        docs[key] = doc
    if not docs:
        raise InputError("no articles (*.txt) found", path=directory)
    return sorted(docs.values(), key=lambda d: d.id)
