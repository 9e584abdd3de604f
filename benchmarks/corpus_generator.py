"""Make a synthetic corpus of N realistic articles from the real ones.

Each article recombines sentences of the real articles (data/documents) and swaps the
registry names they contain for other names of the same kind (state for state, person
for person, ...), years for other years and figures for other figures, so the text
reads like the real thing and exercises the whole extraction pipeline.  The output is
deterministic for a given seed.

    python benchmarks/corpus_generator.py 100 /tmp/corpus100
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.registry import core_class, load_registry  # noqa: E402

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
_FIGURE = re.compile(r"(\$|US\$|Rs\.?\s?)(\d+(?:\.\d+)?)")


def real_sentences(documents: Path) -> tuple[list[str], list[str]]:
    """(body sentences, "The writer is ..." closing sentences) of the real articles."""
    body, bios = [], []
    for path in sorted(documents.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for sentence in _SENTENCE.split(" ".join(text.split())):
            if sentence.startswith("The writer") or "@" in sentence or "can be reached" in sentence:
                bios.append(sentence)
            elif len(sentence.split()) >= 5:
                body.append(sentence)
    return body, bios


def name_pools(registry) -> dict[str, list[str]]:
    """Registry labels by core class, longest first (so that longer names are swapped first)."""
    pools: dict[str, list[str]] = {}
    for entity in registry.entities.values():
        if entity.type == "CooperationArea":
            continue
        pools.setdefault(core_class(entity.type), []).append(entity.label)
    return {k: sorted(v, key=lambda s: (-len(s), s)) for k, v in pools.items()}


def swap(sentence: str, pools: dict[str, list[str]], rng: random.Random) -> str:
    """Swap registry labels, years and figures for others of the same kind.

    Names are kept in a sentence with an acronym in brackets: an expansion that no longer
    matches its acronym ("Saudi Arabia Peoples Party (SCO)") makes the linker give the
    mention two entities, which the shapes then refuse (a known extraction limitation).
    """
    acronym = re.search(r"\([A-Z][A-Za-z]*[A-Z]\)", sentence) is not None
    for cls, names in sorted(pools.items()) if not acronym else ():
        for name in names:
            if name in sentence and rng.random() < 0.5:
                sentence = re.sub(rf"\b{re.escape(name)}\b", rng.choice(names), sentence)
    sentence = _YEAR.sub(lambda m: str(rng.randint(1990, 2024)), sentence)
    return _FIGURE.sub(lambda m: m.group(1) + str(rng.choice([1, 2, 3, 5, 8, 12, 25, 40, 150, 500])), sentence)


def generate(n: int, out: Path, seed: int = 7, sentences: tuple[int, int] = (25, 45),
             documents: Path | None = None) -> list[Path]:
    """Write ``n`` articles ``g<index>.txt`` into ``out``; return their paths."""
    rng = random.Random(seed)
    body, bios = real_sentences(documents or ROOT / "data" / "documents")
    pools = name_pools(load_registry())
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        k = rng.randint(*sentences)
        chosen = [swap(s, pools, rng) for s in rng.sample(body, min(k, len(body)))]
        if bios:
            chosen.append(rng.choice(bios))
        path = out / f"g{i:06d}.txt"
        path.write_text(" ".join(chosen) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="folder to write them to")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    paths = generate(args.n, args.out, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"Wrote {len(paths)} articles ({words} words) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
