"""``kg init DIR``: make a workspace for your own articles."""
from __future__ import annotations

from pathlib import Path


def run(args) -> int:
    from kg.workspace import init

    ws = init(args.directory)
    print(f"Made a workspace in {ws.root}: {ws.config.name}, {ws.documents.name}/ (your articles), "
          f"{ws.registry.name}/ (your registry entries, read after the shipped registry), "
          f"{ws.published.name}/ (what `kg build` writes) and {ws.cache.name}/.")
    print(f"Next: cd {args.directory} && kg add ARTICLE.txt   (kg add builds the graph; kg build rebuilds it)")
    return 0


def register(sub) -> None:
    p = sub.add_parser("init", help="make a workspace (kg.toml, documents/, registry/, published/)",
                       description="Make a workspace folder: kg.toml, documents/ for your articles, registry/ for "
                                   "your registry entries (layered over the registry shipped with pakru-kg), "
                                   "published/ for the graph `kg build` writes, and the cache. Commands run in "
                                   "it, or in any folder below it, use it.")
    p.add_argument("directory", type=Path, metavar="DIR", help="the folder to make (or an empty existing one)")
    p.set_defaults(func=run)
