"""``/queries`` and ``/queries/<name>``: the saved queries over HTTP.

Each saved query has its own URL; its parameters are query-string arguments by name
(``/queries/events?participant=id:russia&since=2015``), and its answer comes in the
same formats as ``/sparql`` (``Accept`` or ``format=``).  For a browser the URL is a
page: a form built from the query's declared parameters (a list for enumerated values,
a date field for ``_date``, ...), and the answer as a table once the form is complete.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from kg.errors import QueryError
from kg.params import LEXICAL, Param
from kg.queries import Catalogue, SavedQuery
from kg.server import formats
from kg.server.web import Problem, call, format_names, page
from kg.server.worker import Job

INPUTS = {"date": ("date", None), "gYear": ("text", r"\d{4}"), "gYearMonth": ("text", r"\d{4}-\d{2}"),
          "integer": ("number", None), "decimal": ("text", r"[+\-]?(\d+(\.\d*)?|\.\d+)")}
CATALOGUE_FORMATS = (formats.HTML, formats.TURTLE, formats.JSONLD, formats.NTRIPLES, formats.RDFXML)


@dataclass(frozen=True)
class Field:
    """One form control for a parameter."""

    name: str
    required: bool
    value: str
    hint: str
    placeholder: str = ""
    input_type: str = "text"
    pattern: str | None = None
    options: tuple[str, ...] = ()


def field(p: Param, value: str | None) -> Field:
    """The form control for parameter ``p``, filled with ``value`` or its default."""
    shown = value if value is not None else (p.default or "")
    local = p.datatype.rsplit("#", 1)[1] if p.datatype else ""
    if p.enumerate:
        return Field(p.name, p.required, shown, "", input_type="select", options=p.enumerate)
    if local == "boolean":
        return Field(p.name, p.required, shown, "", input_type="select", options=("true", "false"))
    input_type, pattern = INPUTS.get(local, ("text", None))
    example = "id:pakistan" if p.kind == "iri" else LEXICAL[local][1] if local in LEXICAL else ""
    return Field(p.name, p.required, shown, p.expects, example, input_type, pattern)


def arguments(items: Iterable[tuple[str, str]], query: SavedQuery) -> dict[str, str]:
    """The parameter values among the query string's ``items`` (empty ones count as
    not given)."""
    out: dict[str, str] = {}
    for key, value in items:
        if key in formats.FORMAT_ARGUMENTS and key not in {p.name for p in query.inputs}:
            continue
        if key in out:
            raise Problem(400, f"parameter '{key}' is given twice; give it once")
        if value.strip():
            out[key] = value.strip()
    return out


async def index(request: Request) -> Response:
    """``/queries``: the catalogue as a page, or as RDF (SHACL SPARQL executables)."""
    catalogue = request.app.state.catalogue
    fmt = formats.negotiate(request.headers.get("accept"), CATALOGUE_FORMATS, format_names(request))
    if fmt is None:
        raise Problem(406, "the catalogue is available as " + ", ".join(f.media_type for f in CATALOGUE_FORMATS))
    if fmt.is_html:
        return await page(request, "queries.html", title="Saved queries", queries=list(catalogue.values()))
    body = formats.serialize(catalogue.to_rdf(), fmt.media_type)
    return Response(body, media_type=formats.content_type(fmt), headers={"Vary": "Accept"})


@dataclass(frozen=True)
class Asked:
    """What a request for a saved query asks: the query, its arguments, the format, and
    what is wrong with the arguments (None: nothing)."""

    query: SavedQuery
    values: dict[str, str]
    fmt: formats.Format
    error: str | None

    def job(self) -> Job:
        """The job that answers it in a format other than HTML (no error)."""
        return Job("run", (self.query.name,), self.values, media_type=self.fmt.media_type)


def ask(catalogue: Catalogue, name: str, items: list[tuple[str, str]], accept: str | None) -> Asked:
    """What ``/queries/<name>`` with the query string's ``items`` and ``Accept`` asks,
    or a Problem (404 no such query, 400 an argument twice, 406 no format fits)."""
    try:
        query = catalogue.get_or_raise(name)
    except QueryError as exc:
        raise Problem(404, f"{exc}; /queries lists them") from None
    values = arguments(items, query)
    offered = formats.offered_for(query.query_type)
    fmt = formats.negotiate(accept, offered, [v for arg in formats.FORMAT_ARGUMENTS for k, v in items if k == arg])
    if fmt is None:
        raise Problem(406, f"query '{name}' answers as " + ", ".join(f.media_type for f in offered))
    try:
        query.bindings(values)
        error = None
    except QueryError as exc:
        error = str(exc)
    return Asked(query, values, fmt, error)


async def run(request: Request) -> Response:
    """``/queries/<name>``: run a saved query, or show its form and answer."""
    asked = ask(request.app.state.catalogue, request.path_params["name"], request.query_params.multi_items(),
                request.headers.get("accept"))
    query, values, fmt, error = asked.query, asked.values, asked.fmt, asked.error
    if not fmt.is_html:
        if error:
            raise Problem(400, error)
        body = await call(request, asked.job())
        return Response(body, media_type=formats.content_type(fmt), headers={"Vary": "Accept"})
    result, status = None, 200
    if error is None:
        try:
            result = await call(request, Job("run", (query.name,), values))
        except Problem as exc:
            error, status = exc.message, exc.status
    elif values:
        status = 400
    downloads = [(f.names[0].upper(), "?" + urlencode({**values, "format": f.names[0]}))
                 for f in formats.offered_for(query.query_type) if not f.is_html]
    return await page(request, "query.html", status=status, title=query.summary, query=query, error=error,
                result=result, fields=[field(p, values.get(p.name)) for p in query.inputs], downloads=downloads)
