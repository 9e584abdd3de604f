"""pakru-kg: a knowledge graph of Pakistan–Russia relations built from articles.

The package builds the graph (``kg build``) and will grow a query facade; see the
README for the commands.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
