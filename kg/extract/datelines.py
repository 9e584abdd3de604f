"""Datelines: the place a report is filed from, in capitals at the head of its paragraph
("ISLAMABAD, Dec 4 (APP):", "ISLAMABAD/NEW DELHI:", "MOSCOW –").  The article mentions the
place, but no event of the report takes place there because of it."""
from __future__ import annotations

import re

# what may stand before a dateline's place in its paragraph: other places of the dateline
_BEFORE = re.compile(r"^[A-Z][A-Z .'’-]*(?:/|,\s)$")


def dateline_place(text: str, start: int, end: int) -> bool:
    """Whether the words ``text[start:end]`` are a place in capitals that opens its paragraph
    (alone or after other capitals joined by a slash).

    >>> dateline_place("ISLAMABAD/NEW DELHI: Russia and Pakistan met.", 10, 19)
    True
    >>> dateline_place("Talks in ISLAMABAD ended.", 9, 18)
    False
    """
    words = text[start:end]
    if not words.isupper():
        return False
    before = text[text.rfind("\n", 0, start) + 1:start]
    return not before.strip() or bool(_BEFORE.match(before))
