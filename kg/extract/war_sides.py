"""The sides of a war or an invasion named by a noun are named in that noun's own phrase
("the Russia-Ukraine war", "the Soviets' invasion of Afghanistan", "its war in Ukraine", "the
war between A and B"). Another agent of the sentence comments on it, suffers from it, reports it
or stands beside it ("Putin's visit is not linked to the conflict in Ukraine", "Pakistan's
position on the war in the United Nations"): it is no side.
"""
from __future__ import annotations


def keep_own_sides(token, candidates) -> None:
    """Withhold (``rule = False``) every candidate of the war or invasion noun ``token`` whose
    naming word lies outside the noun's phrase.  A verb trigger ("Russia invaded Ukraine") keeps
    the scope's sides."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return
    own = {t.i for t in token.subtree}
    for c in candidates:
        if c.rule and c.token is not None and c.token.i not in own:
            c.source, c.rule = "outside-war", False
