"""Where things live: the files shipped with the package, and the user's workspace.

This is the one module that knows paths.  Everything else asks it.

**Shipped files** (:func:`shipped`): the ontology, the SHACL shapes, the saved queries,
the curated registry and the published graph of the shipped articles.  They are edited
at the top level of the repository (``ontology/``, ``queries/``, ``data/registry/``,
``data/kg.trig``); building the wheel copies those same files into ``kg/shipped/`` (see
``setup.py``, which reads :data:`SHIPPED` from this module), where
:mod:`importlib.resources` finds them after ``pip install``.  In a source checkout (or an
editable install) there is no ``kg/shipped/`` and the repository's own files are used.

**A workspace** (:class:`Workspace`) is a folder with a ``kg.toml``: the user's articles,
registry additions (layered over the shipped registry), the extraction cache and the
published files.  :func:`find` looks for one in ``--root``, then ``$KG_HOME``, then the
current folder and its parents.  ``kg init DIR`` (:func:`init`) makes one.  The
repository itself is a workspace: its ``kg.toml`` points at ``data/``.

>>> shipped("ontology").joinpath("pakru.ttl").is_file()
True
>>> sorted(DEFAULT_LAYOUT)
['cache', 'documents', 'published', 'registry']
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

CONFIG = "kg.toml"
ENV = "KG_HOME"
#: Each shipped resource: its name in the wheel's ``kg/shipped/`` and, relative to the
#: repository root, the file or folder it is edited in.  ``setup.py`` copies these.
SHIPPED = {
    "ontology": "ontology",
    "queries": "queries",
    "registry": "data/registry",
    "kg.trig": "data/kg.trig",
}
#: The layout ``kg init`` writes into a new workspace's kg.toml (paths relative to it).
DEFAULT_LAYOUT = {"documents": "documents", "registry": "registry", "published": "published", "cache": ".cache"}
#: Commands that write into a workspace; outside one they refuse (see :func:`require`).
WRITING = ("build", "add", "remove")


def _package() -> Path:
    """The folder of the installed ``kg`` package (a plain folder: wheels install unpacked)."""
    return Path(str(resources.files("kg")))


def source_root() -> Path | None:
    """The repository root when running from a source checkout or an editable install
    (the package has no ``shipped/`` folder there), else None."""
    if (_package() / "shipped").is_dir():
        return None
    return _package().parent


def shipped(name: str) -> Path:
    """A file or folder shipped with the package; ``name`` is a key of :data:`SHIPPED`
    (``ontology``, ``queries``, ``registry`` or ``kg.trig``)."""
    if name not in SHIPPED:
        raise KeyError(f"no shipped resource {name!r}; choose from {', '.join(SHIPPED)}")
    root = source_root()
    return root / SHIPPED[name] if root is not None else _package() / "shipped" / name


def ontology_file() -> Path:
    return shipped("ontology") / "pakru.ttl"


def shapes_file() -> Path:
    return shipped("ontology") / "shapes.ttl"


def package_files(subpackage: str = "") -> Path:
    """The folder of ``kg`` (or ``kg.<subpackage>``) sources, for fingerprints of the code."""
    folder = Path(str(resources.files(f"kg.{subpackage}" if subpackage else "kg")))
    if not folder.is_dir():  # a namespace package (no __init__.py) gives no single folder
        raise RuntimeError(f"package kg.{subpackage} has no folder of its own ({folder}); "
                           f"it needs an __init__.py")
    return folder


def import_root() -> Path:
    """The folder to put on ``PYTHONPATH`` so that a child process imports this same ``kg``."""
    return _package().parent


# --- the user's workspace ---------------------------------------------------------------

def _error(message: str, path: Path | None = None):
    from kg.errors import InputError  # kg.errors is light, but keep this module stdlib-only at import

    return InputError(message, path=path)


@dataclass(frozen=True)
class Workspace:
    """A folder with a ``kg.toml``; every path is absolute."""

    root: Path
    documents: Path
    registry: Path
    published: Path
    cache: Path
    gold: Path | None = None
    min_confidence: float | None = None  # [build] min_confidence: events published at or above it

    @property
    def config(self) -> Path:
        return self.root / CONFIG

    @property
    def graph(self) -> Path:
        """The published TriG file."""
        return self.published / "kg.trig"

    def registries(self) -> tuple[Path, ...]:
        """The registry folders a build reads, in order: the shipped curated registry, then
        the workspace's own additions (once, if they are the same folder, as in the repository)."""
        base = shipped("registry")
        own = self.registry
        if own.is_dir() and own.resolve() != base.resolve():
            return (base, own)
        return (base,)

    @classmethod
    def load(cls, root: str | Path) -> Workspace:
        """Read ``ROOT/kg.toml``; an unreadable one is an input error naming the file."""
        root = Path(root).resolve()
        path = root / CONFIG
        try:
            config = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise _error(f"cannot read the workspace configuration: {exc.strerror or exc}", path) from None
        except tomllib.TOMLDecodeError as exc:
            raise _error(f"the workspace configuration is not valid TOML: {exc}", path) from None
        paths = config.get("paths", {})
        unknown = sorted(set(paths) - set(DEFAULT_LAYOUT) - {"gold"})
        if unknown:
            raise _error(f"unknown key(s) {', '.join(unknown)} in [paths]; "
                         f"known: {', '.join([*DEFAULT_LAYOUT, 'gold'])}", path)
        where = {k: root / str(paths.get(k, v)) for k, v in DEFAULT_LAYOUT.items()}
        gold = root / str(paths["gold"]) if "gold" in paths else None
        build = config.get("build", {})
        unknown = sorted(set(build) - {"min_confidence"})
        if unknown:
            raise _error(f"unknown key(s) {', '.join(unknown)} in [build]; known: min_confidence", path)
        threshold = build.get("min_confidence")
        if threshold is not None and (isinstance(threshold, bool) or not isinstance(threshold, (int, float))
                                      or not 0 <= threshold <= 1):
            raise _error(f"[build] min_confidence must be a number from 0 to 1, not {threshold!r}", path)
        return cls(root=root, gold=gold, min_confidence=None if threshold is None else float(threshold), **where)


def find(root: str | Path | None = None, cwd: str | Path | None = None) -> Workspace | None:
    """The workspace: ``root`` (``--root``) if given, else ``$KG_HOME``, else the nearest
    folder holding ``kg.toml`` from ``cwd`` (default: the current folder) upwards; None
    when there is none.  A ``root`` or ``$KG_HOME`` without ``kg.toml`` is an error."""
    for given, what in ((root, "--root"), (os.environ.get(ENV) or None, f"${ENV}")):
        if given is not None:
            folder = Path(given)
            if not (folder / CONFIG).is_file():
                raise _error(f"{what} names {folder}, which has no {CONFIG}; "
                             f"make a workspace there with `kg init {folder}`", folder)
            return Workspace.load(folder)
    here = Path(cwd or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG).is_file():
            return Workspace.load(folder)
    return None


def require(root: str | Path | None = None, command: str = "build") -> Workspace:
    """The workspace a writing command works in, or an input error (exit 2) that says
    how to make one.  Nothing is touched before this check."""
    ws = find(root)
    if ws is None:
        raise _error(f"`kg {command}` writes into a workspace, and there is none here (no {CONFIG} in "
                     f"{Path.cwd()} or above, no --root, no ${ENV}); make one with `kg init DIR`, "
                     f"then `cd DIR`, or pass --root DIR")
    return ws


def graph_file(root: str | Path | None = None) -> Path:
    """The published graph that reading commands use: the workspace's, or outside any
    workspace the graph of the shipped articles."""
    ws = find(root)
    return ws.graph if ws is not None else shipped("kg.trig")


def documents_folder(root: str | Path | None = None) -> Path | None:
    """The workspace's documents folder, or None outside a workspace."""
    ws = find(root)
    return ws.documents if ws is not None else None


def registry_folders(root: str | Path | None = None) -> tuple[Path, ...]:
    """The registry folders to read: the workspace's layers, or the shipped registry."""
    ws = find(root)
    return ws.registries() if ws is not None else (shipped("registry"),)


def gold_folder(root: str | Path | None = None) -> Path:
    """The workspace's gold annotations (``gold`` in kg.toml), or an input error."""
    ws = find(root)
    if ws is None or ws.gold is None:
        where = f"{ws.config}" if ws is not None else f"a workspace's {CONFIG} (none here)"
        raise _error(f"no gold annotations configured: pass --gold DIR, or set gold = \"DIR\" under "
                     f"[paths] in {where}")
    return ws.gold


TEMPLATE = """\
# A pakru-kg workspace (made by `kg init`). Paths are relative to this file.
# Articles go in documents/ (`kg add FILE`), your registry entries in registry/*.yaml
# (read after the registry shipped with pakru-kg), and `kg build` writes published/.
[paths]
documents = "{documents}"
registry = "{registry}"
published = "{published}"
cache = "{cache}"
# gold = "gold"        # gold annotations for `kg eval`
"""


def init(directory: str | Path) -> Workspace:
    """Make a workspace in ``directory`` (created if needed): ``kg.toml`` and empty
    ``documents/``, ``registry/``, ``published/`` and cache folders.  An existing
    ``kg.toml`` is an error; nothing else there is touched."""
    root = Path(directory)
    if (root / CONFIG).exists():
        raise _error(f"{root} is already a workspace (it has {CONFIG})", root / CONFIG)
    if root.exists() and not root.is_dir():
        raise _error(f"{root} is a file; give a folder for the workspace", root)
    root.mkdir(parents=True, exist_ok=True)
    for folder in DEFAULT_LAYOUT.values():
        (root / folder).mkdir(exist_ok=True)
    (root / CONFIG).write_text(TEMPLATE.format(**DEFAULT_LAYOUT), encoding="utf-8")
    return Workspace.load(root)
