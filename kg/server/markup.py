"""Text with its evidence highlighted: ``<mark>`` elements whose text is the quote.

Every highlighted span gets the id ``char=<start>,<end>`` (the RFC 5147 fragment form),
so ``/doc/<id>#char=26,32`` lands on it.  Spans nest (a mention inside the sentence
that is evidence for an event); the text content of each ``<mark>`` is exactly the
article text between its offsets, so it equals the evidence quote.

>>> from kg.articles import Annotation
>>> a = Annotation(4, 10, "Russia", "mention", "https://w3id.org/pakru/id/russia", "Russia")
>>> str(render(tree("Hit Russia & co", [a])))
'Hit <mark id="char=4,10" class="mention"><a href="/id/russia" title="mention: Russia">Russia</a></mark> &amp; co'
>>> highlight("In Moscow, Moscow.", 100, 111, 117)
('In Moscow, ', 'Moscow', '.')
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup, escape

from kg import namespaces
from kg.articles import Annotation
from kg.results import shorten

log = logging.getLogger("kg.server")
ID = str(namespaces.ID)
DOC = str(namespaces.DOC)
ONTOLOGY = str(namespaces.PAKRU)
#: The only schemes an IRI may have to become a link (others, javascript: or data:, stay text).
LINK_SCHEMES = ("http://", "https://")
KIND_NAMES = {"mention": "mention", "event": "event", "claim": "claim", "relation": "relation",
              "amount": "money figure", "person": "about the writer"}


def local(iri: object) -> str:
    """The URL of a graph IRI on this server (``/id/russia``, ``/doc/<id>``,
    ``/ontology#State``); other ``http``/``https`` IRIs are returned unchanged, and any
    other IRI (``javascript:``, ``data:``, ...) gives ``""``, a link to nowhere else.

    >>> local("https://w3id.org/pakru/id/russia"), local("javascript:alert(1)")
    ('/id/russia', '')
    """
    iri = str(iri)
    for ns, path in ((ID, "/id/"), (DOC, "/doc/")):
        if iri.startswith(ns):
            return path + quote(iri[len(ns):], safe="/-_.~:,;=+!$&'()*@")
    if iri.startswith(ONTOLOGY):
        return "/ontology#" + quote(iri[len(ONTOLOGY):], safe="")
    return iri if linkable(iri) else ""


def linkable(iri: object) -> bool:
    """Whether ``iri`` may be the target of a link: ``http``/``https`` only."""
    return str(iri).lower().startswith(LINK_SCHEMES)


def anchor(document: str, start: int, end: int) -> str:
    """The link to characters ``start``-``end`` of an article: ``/doc/<id>#char=s,e``."""
    return f"{local(document)}#char={start},{end}"


def highlight(sentence: str, sentence_start: int | None, start: int, end: int) -> tuple[str, str, str]:
    """``(before, quote, after)``: the sentence cut around the words at article offsets
    ``start``-``end`` (``sentence_start`` is where the sentence starts in the article)."""
    offset = start if sentence_start is None else sentence_start
    a, b = start - offset, end - offset
    if 0 <= a <= b <= len(sentence):
        return sentence[:a], sentence[a:b], sentence[b:]
    return "", sentence, ""


@dataclass
class Node:
    """One highlighted span and what it is evidence for; ``children`` mixes text and nodes."""

    start: int
    end: int
    annotations: list[Annotation]
    children: list = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return sorted({a.kind for a in self.annotations})


def tree(text: str, annotations: list[Annotation]) -> list:
    """The text as a list of strings and :class:`Node` s, spans nested; a span that
    crosses another's boundary is left out (and logged)."""
    groups: dict[tuple[int, int], list[Annotation]] = {}
    for a in annotations:
        if 0 <= a.start < a.end <= len(text):
            groups.setdefault((a.start, a.end), []).append(a)
    root = Node(0, len(text), [])
    stack = [root]
    for (start, end), group in sorted(groups.items(), key=lambda item: (item[0][0], -item[0][1])):
        while len(stack) > 1 and start >= stack[-1].end:
            stack.pop()
        if end > stack[-1].end:
            log.debug("span %d-%d crosses %d-%d; not highlighted", start, end, stack[-1].start, stack[-1].end)
            continue
        node = Node(start, end, group)
        stack[-1].children.append(node)
        stack.append(node)
    _fill(text, root)
    return root.children


def _fill(text: str, node: Node) -> None:
    out, pos = [], node.start
    for child in node.children:
        if child.start > pos:
            out.append(text[pos:child.start])
        _fill(text, child)
        out.append(child)
        pos = child.end
    if pos < node.end:
        out.append(text[pos:node.end])
    node.children = out


def render(items: list, top: bool = True) -> Markup:
    """HTML for :func:`tree` output: ``<mark id="char=s,e">`` per span; a mention links
    to its entity, and after a top-level sentence come links to what it is evidence for."""
    parts: list[str] = []
    for item in items:
        if isinstance(item, str):
            parts.append(str(escape(item)))
            continue
        mentions = [a for a in item.annotations if a.kind == "mention"]
        others = [a for a in item.annotations if a.kind != "mention"]
        title = "; ".join(f"{KIND_NAMES.get(a.kind, a.kind)}: {a.label}" for a in item.annotations)
        inner = render(item.children, top=False)
        if mentions and all(isinstance(c, str) for c in item.children) and local(mentions[0].target):
            inner = Markup('<a href="{}" title="{}">{}</a>').format(local(mentions[0].target), title, inner)
            title = ""
        title_attr = Markup(' title="{}"').format(title) if title else ""
        parts.append(str(Markup('<mark id="char={},{}" class="{}"{}>{}</mark>').format(
            item.start, item.end, " ".join(item.kinds), title_attr, inner)))
        if top and others:
            links = Markup(" ").join(Markup('<a href="{}" title="{}">{}</a>').format(
                local(a.target), a.label, KIND_NAMES.get(a.kind, a.kind)) for a in others)
            parts.append(str(Markup('<sup class="refs">[{}]</sup>').format(links)))
    return Markup("".join(parts))


def short(iri: object) -> str:
    """An IRI with the project prefixes (``id:russia``); other values as text."""
    return shorten(str(iri))


def cell(term: object) -> Markup:
    """A result cell: an IRI as a link (to this server for the graph's own IRIs), a
    literal as its text with its language or datatype."""
    from rdflib import Literal, URIRef

    if term is None:
        return Markup("")
    if isinstance(term, URIRef):
        if not local(term):
            return escape(str(term))
        return Markup('<a href="{}">{}</a>').format(local(term), short(term))
    if isinstance(term, Literal) and (term.language or term.datatype):
        note = f"@{term.language}" if term.language else short(term.datatype)
        return Markup('{} <small class="dt">{}</small>').format(str(term), note)
    return escape(str(term))


def value(obj: object, label: str | None = None) -> Markup:
    """A fact's value: an IRI as a link named by its label (or short form), other
    values as text."""
    text = str(obj).lower() if isinstance(obj, bool) else str(obj)
    if isinstance(obj, str) and linkable(text) and " " not in text:
        return link(text, label)
    return escape(text)


@functools.lru_cache(maxsize=4096)
def link(iri: str, label: str | None = None) -> Markup:
    """``<a href="/id/...">label</a>`` for an IRI (its short form without a label);
    kept for the pages that follow (the graph does not change while it is served, and
    a large page links the same few hundred resources many times)."""
    return Markup(f'<a href="{escape(local(iri))}">{escape(label or short(iri))}</a>')
