"""``kg entity NAME``: what the graph says about one entity, with evidence."""
from __future__ import annotations

import json

from kg.commands.options import add_store_options, open_graph


def describe(ent, limit: int) -> str:
    """A readable page about an :class:`kg.lookup.Entity`."""
    from kg.results import shorten

    lines = [f"{ent.label or shorten(ent.iri)}  <{ent.iri}>"]
    if ent.types:
        lines.append("types: " + ", ".join(shorten(t) for t in ent.types))
    if ent.aliases:
        lines.append("also called: " + ", ".join(ent.aliases))
    if ent.description:
        lines.append(ent.description)
    if ent.facts:
        lines.append("\nfacts:")
    for f in ent.facts:
        lines.append(f"  {f}")
        for ev in f.evidence[:1]:
            lines.append(f"      “{ev.sentence}” ({shorten(ev.document)} {ev.start}-{ev.end})")
    if ent.evidence:
        lines.append(f"\nmentioned {len(ent.evidence)} times" + (", first:" if len(ent.evidence) > limit else ":"))
    for ev in ent.evidence[:limit]:
        lines.append(f"  “{ev.sentence}” ({shorten(ev.document)} {ev.start}-{ev.end})")
    return "\n".join(lines)


def run(args) -> int:
    kg = open_graph(args)
    try:
        ent = kg.entity(args.name)
    finally:
        kg.close()
    if args.format == "json":
        import dataclasses

        print(json.dumps(dataclasses.asdict(ent), indent=2, ensure_ascii=False, default=str))
    else:
        print(describe(ent, args.mentions))
    return 0


def register(sub) -> None:
    p = sub.add_parser("entity", help="look an entity up by any of its names or its IRI",
                       description="Print an entity's label, types, aliases, description, facts "
                                   "(with the sentence behind each) and the sentences that mention it.")
    p.add_argument("name", help="a name, an alias, an IRI or id:NAME")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--mentions", type=int, default=5, metavar="N", help="how many mentions to print (default: 5)")
    add_store_options(p)
    p.set_defaults(func=run)
