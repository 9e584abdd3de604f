"""Regular expressions that skip, at one test, the places where no match can start.

Python's ``re`` tries a whole pattern at every position of a text.  A pattern that opens
with a look-behind or with optional words ("early", "the") gives it nothing to skip by,
so each position costs a try of every branch; over an article, most of a rule's time.
:func:`starting` puts a look-ahead for the characters a match can start with in front:
the matches are the same, and the other positions fail at that one test.

>>> starting("[0-9]", r"(?<!\\w)\\d+ (?:km|miles)").findall("3 km, x4 km, 12 miles")
['3 km', '12 miles']
"""
from __future__ import annotations

import re


def starting(first: str, pattern: str, flags: int = 0) -> re.Pattern:
    """``pattern`` compiled behind a look-ahead for ``first``, a character class of every
    character a match of ``pattern`` can start with (under ``flags``)."""
    return re.compile(rf"(?={first})(?:{pattern})", flags)


def plain(fast: re.Pattern) -> re.Pattern:
    """The pattern a :func:`starting` pattern was made from, compiled alone (for tests
    that compare the two)."""
    head = re.match(r"\(\?=\[[^\]]+\]\)\(\?:", fast.pattern)
    if head is None or not fast.pattern.endswith(")"):
        raise ValueError(f"not made by starting(): {fast.pattern[:40]!r}")
    return re.compile(fast.pattern[head.end():-1], fast.flags)
