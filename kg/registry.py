"""The curated entity registry: ``data/registry/*.yaml``, checked, indexed and as RDF.

Each file is a YAML list of entries (``id``, ``type`` and ``label`` required; see ``ALLOWED_KEYS``
and ``ONLY_FOR``).  Every problem raises :class:`~kg.errors.RegistryError` with file and line.

>>> reg = load_registry()
>>> reg.lookup("the Kremlin").id
'russia'
>>> reg.names()["Moscow"]
[('moscow', 'label'), ('russia', 'metonym')]
"""
from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
import re
import unicodedata
from pathlib import Path
from typing import Iterator, Sequence

import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from kg.errors import RegistryError
from kg.namespaces import GEO, ID, PAKRU, SDO, WD
from kg.workspace import shipped

AREA_SCHEME = ID["areas"]
DEFAULT_DIRECTORY = shipped("registry")
CORE_CLASSES: dict[str, str] = {  # registry type -> core ontology class
    "State": "State", "Organisation": "Organisation", "Person": "Person",
    "Project": "Project", "Pipeline": "Project", "PowerProject": "Project",
    "IndustrialPlant": "Project", "Corridor": "Project", "TransmissionProject": "Project",
    "Place": "Place", "City": "Place", "Region": "Place", "CooperationArea": "CooperationArea",
}
TYPES = tuple(CORE_CLASSES)
PLACE_TYPES = frozenset({"Place", "City", "Region"})
TEXT_KEYS = ("id", "type", "label", "description", "wikidata", "capital", "located_in", "nationality", "coordinates")
LIST_KEYS = ("aliases", "demonyms", "metonyms", "roles")
ALLOWED_KEYS = TEXT_KEYS + LIST_KEYS
ONLY_FOR: dict[str, frozenset[str]] = {  # keys that only some types may use
    "demonyms": frozenset({"State"}), "metonyms": frozenset({"State"}), "capital": frozenset({"State"}),
    "located_in": PLACE_TYPES, "nationality": frozenset({"Person"}), "roles": frozenset({"Person"}),
    "coordinates": PLACE_TYPES}
REFERENCES: dict[str, frozenset[str]] = {  # reference keys -> types the target may have
    "capital": frozenset({"City"}), "located_in": PLACE_TYPES | {"State"}, "nationality": frozenset({"State"})}
NAME_KINDS = ("label", "alias", "demonym", "metonym")  # lookup priority, best first
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WIKIDATA_PATTERN = re.compile(r"^Q[1-9][0-9]*$")
#: "latitude, longitude" in decimal degrees (WGS 84), as a gazetteer writes them: "33.6938, 73.0652".
COORDINATES_PATTERN = re.compile(r"^(-?\d{1,2}(\.\d+)?), (-?\d{1,3}(\.\d+)?)$")
_STR, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"


def normalise(text: str) -> str:
    """Unicode NFC with runs of whitespace collapsed to one space and the ends stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def core_class(type_name: str) -> str:
    """The core class of a registry type (``Pipeline`` -> ``Project``, ``City`` -> ``Place``)."""
    if type_name not in CORE_CLASSES:
        raise ValueError(f"unknown type {type_name!r}; allowed: {', '.join(TYPES)}")
    return CORE_CLASSES[type_name]


@dataclasses.dataclass(frozen=True)
class Entity:
    """One curated entity, with the file (``source``) and 1-based ``line`` of its entry."""

    id: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    description: str | None = None
    wikidata: str | None = None
    capital: str | None = None
    located_in: str | None = None
    nationality: str | None = None
    coordinates: str | None = None
    roles: tuple[str, ...] = ()
    source: str = dataclasses.field(default="", compare=False)
    line: int = dataclasses.field(default=0, compare=False)
    #: 1-based lines of reference keys ("capital") and of names (("alias", "USSR")).
    lines: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)

    @property
    def iri(self) -> URIRef:
        """``https://w3id.org/pakru/id/<id>``."""
        return ID[self.id]

    @property
    def wkt(self) -> str | None:
        """The coordinates as a GeoSPARQL WKT point, longitude first: ``POINT(73.0652 33.6938)``."""
        if self.coordinates is None:
            return None
        lat, lon = (part.strip() for part in self.coordinates.split(","))
        return f"POINT({lon} {lat})"

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """Yield ``(name, kind)`` for the label and every alias, demonym and metonym."""
        yield self.label, "label"
        for kind, names in (("alias", self.aliases), ("demonym", self.demonyms), ("metonym", self.metonyms)):
            yield from ((name, kind) for name in names)


class Registry:
    """Checked entities by id (sorted), their names and graph; each name has one owner (see _check_shared)."""

    core_class = staticmethod(core_class)

    def __init__(self, entities: dict[str, Entity]):
        claims: dict[str, list[tuple[Entity, str]]] = {}
        for entity in entities.values():  # in file order, so errors point at the later claim
            for name, kind in entity.surface_forms():
                for other, other_kind in claims.get(name, []):
                    _check_shared(name, entity, kind, other, other_kind)
                claims.setdefault(name, []).append((entity, kind))
        self.entities: dict[str, Entity] = {k: entities[k] for k in sorted(entities)}
        rank = {kind: i for i, kind in enumerate(NAME_KINDS)}
        self._names: dict[str, list[tuple[str, str]]] = {
            name: sorted(((e.id, k) for e, k in pairs), key=lambda p: (rank[p[1]], p[0]))
            for name, pairs in sorted(claims.items())}
        self._folded: dict[str, list[tuple[str, str]]] = {}
        for name, pairs in self._names.items():
            folded = self._folded.get(name.casefold(), []) + pairs
            self._folded[name.casefold()] = sorted(folded, key=lambda p: (rank[p[1]], p[0]))

    def names(self) -> dict[str, list[tuple[str, str]]]:
        """Each surface form -> ``[(entity id, kind)]``, kind "label", "alias", "demonym" or "metonym"."""
        return {name: list(pairs) for name, pairs in self._names.items()}

    def lookup(self, name: str) -> Entity | None:
        """The entity for a name: exact, then case-insensitive, also without a leading "the "; places beat metonyms."""
        text = normalise(name)
        candidates = [text] + ([text[4:].strip()] if text[:4].casefold() == "the " else [])
        for table, fold in ((self._names, False), (self._folded, True)):
            for candidate in candidates:
                pairs = table.get(candidate.casefold() if fold else candidate)
                if pairs:
                    return self.entities[pairs[0][0]]
        return None

    def named(self, name: str) -> Entity | None:
        """The one entity whose label or alias is ``name`` (in any case, a leading "the " dropped),
        or None: demonyms and metonyms ("Russian", "Kremlin") name no entity here."""
        text = normalise(name)
        if text[:4].casefold() == "the ":
            text = text[4:].strip()
        ids = {i for i, kind in self._folded.get(text.casefold(), []) if kind in ("label", "alias")}
        return self.entities[ids.pop()] if len(ids) == 1 else None

    def fingerprint(self) -> str:
        """SHA-256 of the normalised contents (not of layout, comments or line numbers)."""
        rows = [{k: v for k, v in dataclasses.asdict(e).items() if k not in ("source", "line", "lines")}
                for e in self.entities.values()]
        blob = json.dumps({"format": 1, "entities": rows}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def to_rdf(self) -> Graph:
        """The registry graph of docs/model.md: one node per entity, no blank nodes."""
        g = Graph()
        for prefix, ns in (("pakru", PAKRU), ("id", ID), ("schema", SDO), ("wd", WD), ("skos", SKOS), ("owl", OWL),
                           ("geo", GEO)):
            g.bind(prefix, ns)
        g.add((AREA_SCHEME, RDF.type, SKOS.ConceptScheme))
        g.add((AREA_SCHEME, SKOS.prefLabel, Literal("Cooperation areas", lang="en")))
        for e in self.entities.values():
            s = e.iri
            for cls in dict.fromkeys((PAKRU[e.type], PAKRU[CORE_CLASSES[e.type]])):
                g.add((s, RDF.type, cls))
            if e.type == "CooperationArea":
                g.add((s, RDF.type, SKOS.Concept))
                g.add((s, SKOS.inScheme, AREA_SCHEME))
            texts = ((SKOS.prefLabel, (e.label,)), (SKOS.altLabel, e.aliases), (PAKRU.demonym, e.demonyms),
                     (PAKRU.metonym, e.metonyms), (SDO.jobTitle, e.roles),
                     (SDO.description, (e.description,) if e.description else ()))
            for prop, values in texts:
                for value in values:
                    g.add((s, prop, Literal(value, lang="en")))
            g.add((s, PAKRU.curated, Literal(True)))
            if e.wikidata:
                g.add((s, OWL.sameAs, WD[e.wikidata]))
            for prop, target in ((PAKRU.capital, e.capital), (PAKRU.locatedIn, e.located_in),
                                 (SDO.nationality, e.nationality)):
                if target:
                    g.add((s, prop, ID[target]))
            if e.wkt:  # GeoSPARQL: the place has a geometry (its own IRI, no blank node) whose WKT is a point
                geometry = ID[f"{e.id}/geometry"]
                g.add((s, GEO.hasGeometry, geometry))
                g.add((geometry, RDF.type, GEO.Geometry))
                g.add((geometry, GEO.asWKT, Literal(e.wkt, datatype=GEO.wktLiteral)))
        return g


def load_registry(directory: str | Path | Sequence[str | Path] | None = None) -> Registry:
    """Read and check every ``*.yaml`` in ``directory`` (default: the shipped curated
    registry), in sorted order.  A sequence of folders is read in layers, in order (a
    workspace's own registry after the shipped one); an id given twice, in one layer or
    two, is an error naming both places."""
    if directory is None:
        folders = [DEFAULT_DIRECTORY]
    elif isinstance(directory, (str, Path)):
        folders = [Path(directory)]
    else:
        folders = [Path(d) for d in directory]
    files = []
    for folder in folders:
        found = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        if not found and (folder is folders[0] or not folder.is_dir()):
            raise RegistryError("no registry directory with *.yaml files here", path=folder)
        files += found
    entities: dict[str, Entity] = {}
    for path in files:
        for entity in _read_file(path):
            if entity.id in entities:
                first = entities[entity.id]
                raise RegistryError(f"duplicate id {entity.id!r}: already defined at {first.source}:{first.line}",
                                    path=path, line=entity.line)
            entities[entity.id] = entity
    _check_references(entities)
    return Registry(entities)


def _fail(message: str, path: Path, node: yaml.Node) -> RegistryError:
    return RegistryError(message, path=path, line=node.start_mark.line + 1)


def _hint(word: str, choices) -> str:
    near = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {near[0]!r}?)" if near else ""


def _read_file(path: Path) -> list[Entity]:
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"cannot read the file: {exc}", path=path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = " ".join(p for p in (getattr(exc, "context", ""), getattr(exc, "problem", "")) if p) or str(exc)
        raise RegistryError(f"YAML syntax error: {problem}", path=path, line=mark.line + 1 if mark else None) from None
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise _fail("the file must be a YAML list of entries (lines starting '- id: ...')", path, root)
    return [_entity(node, path) for node in root.value]


def _entity(node: yaml.Node, path: Path) -> Entity:
    """Check one entry (a mapping node) and build its Entity, with the lines of its names and references."""
    if not isinstance(node, yaml.MappingNode):
        raise _fail("entry is not a mapping: each entry needs 'id:', 'type:' and 'label:' keys", path, node)
    fields: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) and key_node.tag == _STR else None
        if key is None or key in fields or key not in ALLOWED_KEYS:
            raise _fail("keys must be plain names such as 'label'" if key is None
                        else f"duplicate key {key!r} in the same entry" if key in fields
                        else f"unknown key {key!r}{_hint(key, ALLOWED_KEYS)}; allowed keys: {', '.join(ALLOWED_KEYS)}",
                        path, key_node)
        fields[key] = value_node
    fields = {key: value for key, value in fields.items() if value.tag != _NULL}
    for key in ("id", "type", "label"):
        if key not in fields:
            raise _fail(f"entry is missing the required key {key!r}", path, node)
    values: dict = {k: _text(fields[k], k, path) for k in TEXT_KEYS if k in fields}
    for key in (k for k in LIST_KEYS if k in fields):
        if not isinstance(fields[key], yaml.SequenceNode):
            raise _fail(f"{key!r} must be a list, such as [first, second]", path, fields[key])
        values[key] = tuple(_text(item, key, path) for item in fields[key].value)
    for key, pattern, expected in (("id", ID_PATTERN, "lower-case letters and digits joined by single hyphens"),
                                   ("wikidata", WIKIDATA_PATTERN, "Q and digits, such as Q159")):
        if key in values and not pattern.match(values[key]):
            raise _fail(f"invalid {key} {values[key]!r}: expected {expected} ({pattern.pattern})", path, fields[key])
    if "coordinates" in values:
        match = COORDINATES_PATTERN.match(values["coordinates"])
        if not match or abs(float(match.group(1))) > 90 or abs(float(match.group(3))) > 180:
            raise _fail(f"invalid coordinates {values['coordinates']!r}: expected 'latitude, longitude' in decimal "
                        "degrees, latitude -90..90 and longitude -180..180, such as '33.6938, 73.0652'",
                        path, fields["coordinates"])
    kind = values["type"]
    if kind not in CORE_CLASSES:
        raise _fail(f"unknown type {kind!r}{_hint(kind, TYPES)}; allowed types: {', '.join(TYPES)}",
                    path, fields["type"])
    for key, types in ONLY_FOR.items():
        if key in fields and kind not in types:
            raise _fail(f"key {key!r} is not allowed on a {kind} entry (only on {', '.join(sorted(types))})",
                        path, fields[key])
    lines: dict = {key: fields[key].start_mark.line + 1 for key in REFERENCES if key in fields}
    lines[("label", values["label"])] = fields["label"].start_mark.line + 1
    for key, name_kind in (("aliases", "alias"), ("demonyms", "demonym"), ("metonyms", "metonym")):
        for item in fields[key].value if key in fields else ():
            lines.setdefault((name_kind, normalise(item.value)), item.start_mark.line + 1)
    return Entity(**values, source=str(path), line=node.start_mark.line + 1, lines=lines)


def _text(node: yaml.Node, key: str, path: Path) -> str:
    """The normalised text of a scalar; any other node, or an empty text, is an error."""
    if not isinstance(node, yaml.ScalarNode) or node.tag != _STR or not normalise(node.value):
        raise _fail(f"{key!r} must be non-empty text (quote it if YAML reads it as a number, date or yes/no)",
                    path, node)
    return normalise(node.value)


def _check_shared(name: str, entity: Entity, kind: str, other: Entity, other_kind: str) -> None:
    """Raise unless ``name`` may be claimed by both: a state's metonym and a place's label."""
    line, other_line = entity.lines.get((kind, name), entity.line), other.lines.get((other_kind, name), other.line)
    if other.id == entity.id:
        raise RegistryError(f"name {name!r} is listed twice for {entity.id!r} (as {other_kind} at line "
                            f"{other_line} and as {kind})", path=entity.source, line=line)
    place = {kind: entity, other_kind: other}.get("label")
    if "metonym" not in (kind, other_kind) or place is None or place.type not in PLACE_TYPES:
        raise RegistryError(f"name {name!r} is claimed by two entities: {kind} of {entity.id!r} here and "
                            f"{other_kind} of {other.id!r} at {other.source}:{other_line} (the one sharing allowed "
                            "is a state's metonym with a place's label)", path=entity.source, line=line)


def _check_references(entities: dict[str, Entity]) -> None:
    """Every capital, located_in and nationality names an entry of the right type; no cycles."""
    for entity in entities.values():
        for key, allowed in REFERENCES.items():
            target, line = getattr(entity, key), entity.lines.get(key, entity.line)
            if target is not None and target not in entities:
                raise RegistryError(f"{key} {target!r} of {entity.id!r} does not exist{_hint(target, entities)}",
                                    path=entity.source, line=line)
            if target is not None and entities[target].type not in allowed:
                raise RegistryError(f"{key} {target!r} of {entity.id!r} is a {entities[target].type}; expected "
                                    f"{' or '.join(sorted(allowed))}", path=entity.source, line=line)
    for entity in entities.values():
        chain = [entity.id]
        while (up := entities[chain[-1]].located_in) is not None:
            if up in chain:
                raise RegistryError(f"located_in forms a cycle: {' -> '.join(chain + [up])}",
                                    path=entity.source, line=entity.lines.get("located_in", entity.line))
            chain.append(up)
