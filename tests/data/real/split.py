"""Fixed dev/test split of the real-article corpus.

Every article id (the file stem of ``<id>.txt`` / ``<id>.yaml``) is hashed
with sha256; the ids are sorted by that hex digest; the first 18 went to
``test/``, the rest to ``dev/``.  That split was made once, before any rule
work it judges, and is now frozen: an article already in ``test/`` or
``dev/`` stays there, and articles added later (put in ``pool/``) all go to
``dev/``, so a new batch can never move an article into or out of the test
set.  The assignment is printed.  Standard library only.
"""

import hashlib
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
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
    """Each id's set: where it already is, and ``dev`` for one still in ``pool/``."""
    ordered = sorted(ids, key=digest)
    return {i: ("dev" if ids[i][0] == "pool" else ids[i][0]) for i in ordered}, ordered


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
