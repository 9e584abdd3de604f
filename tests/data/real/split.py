"""Fixed dev/test split of the real-article corpus.

Every article id (the file stem of ``<id>.txt`` / ``<id>.yaml``) is hashed
with sha256; the ids are sorted by that hex digest; the first 18 go to
``test/``, the rest to ``dev/``.  The split depends only on the ids, so it
never changes when it is re-run.  Files are looked for in ``pool/``,
``test/`` and ``dev/`` and moved into the set they belong to; the
assignment is printed.  Standard library only.
"""

import hashlib
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
TEST_SIZE = 18
PLACES = ("pool", "test", "dev")


def digest(article_id):
    return hashlib.sha256(article_id.encode("utf-8")).hexdigest()


def find_ids():
    ids = {}
    for place in PLACES:
        for path in sorted((HERE / place).glob("*.txt")):
            ids.setdefault(path.stem, []).append(place)
    return ids


def assignment(ids):
    ordered = sorted(ids, key=digest)
    return {i: ("test" if n < TEST_SIZE else "dev") for n, i in enumerate(ordered)}, ordered


def main():
    ids = find_ids()
    dupes = {i: p for i, p in ids.items() if len(p) > 1}
    if dupes:
        sys.exit(f"ids found in more than one place: {dupes}")
    sets, ordered = assignment(ids)
    for name in ("test", "dev"):
        (HERE / name).mkdir(exist_ok=True)
    for article_id in ordered:
        target = sets[article_id]
        source = ids[article_id][0]
        for suffix in (".txt", ".yaml"):
            src = HERE / source / (article_id + suffix)
            dst = HERE / target / (article_id + suffix)
            if not src.exists():
                sys.exit(f"missing {src}")
            if src != dst:
                src.rename(dst)
        print(f"{target}\t{digest(article_id)}\t{article_id}")
    pool = HERE / "pool"
    if pool.is_dir() and not any(pool.iterdir()):
        pool.rmdir()
    n_test = sum(1 for s in sets.values() if s == "test")
    print(f"# {n_test} test, {len(sets) - n_test} dev, {len(sets)} in all")


if __name__ == "__main__":
    main()
