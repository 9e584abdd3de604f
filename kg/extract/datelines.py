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


# the words before a dateline's date, besides a place alone (:mod:`kg.extract.timing`): a place
# and its country ("ASTANA, Kazakhstan,", "Islamabad [Pakistan],"), or a place and the opening
# of the credit the date stands in ("FAISALABAD, (UrduPoint / Pakistan Point News -")
_PLACE = r"[A-Z][A-Za-z.'’-]*(?:[ /-][A-Z][A-Za-z.'’-]*){0,3}"
_BEFORE_DATE = re.compile(rf"^{_PLACE}(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?,|\s*\[[A-Z][A-Za-z ]{{1,30}}\],"
                          rf"|,?\s*\([^()]{{1,60}}\s[-–—])\s*$")
# and after it: a colon or dash, after the credit's bracket closed ("2019 ) :"), or a full stop before the report
# ("February 19. As part of ...")
_AFTER_DATE = re.compile(r"^\s*(?:\)\s*)?[:–—-]|^\.\s+[A-Z]")


def credited_date(before: str, after: str) -> bool:
    """Whether a date with the words ``before`` it in its sentence and ``after`` it is a
    dateline's in one of the forms a bare place with a colon does not cover.

    >>> credited_date("FAISALABAD, (UrduPoint / Pakistan Point News - ", " ) :A reliable")
    True
    >>> credited_date("ASTANA, Kazakhstan, ", ". As part of the forum")
    True
    >>> credited_date("The ministers met in Astana, Kazakhstan, ", ". They agreed")
    False
    """
    return bool(_BEFORE_DATE.match(before)) and bool(_AFTER_DATE.match(after))
