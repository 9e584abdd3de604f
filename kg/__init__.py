"""pakru-kg: a knowledge graph of Pakistan–Russia relations built from articles.

``kg build`` makes the graph; :class:`KnowledgeGraph` queries it::

    from kg import KnowledgeGraph
    kg = KnowledgeGraph.open()          # or .open("store-dir"), or .connect(url)
    kg.entity("Russian Federation").label

See the README for the commands.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["KnowledgeGraph", "Result", "__version__"]


def __getattr__(name: str):
    """Import the facade on first use, so that ``import kg`` stays light."""
    if name == "KnowledgeGraph":
        from kg.facade import KnowledgeGraph

        return KnowledgeGraph
    if name == "Result":
        from kg.results import Result

        return Result
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
