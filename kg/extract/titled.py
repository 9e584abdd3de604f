"""Bodies named in a person's title: "Army chief General Qamar Javed Bajwa", "Chairman Joint
Chiefs of Staff Committee General Sahir Shamshad Mirza", "Chief of Army Staff (COAS) General
Bajwa", "General X, Chairman Joint Chiefs of Staff Committee,", "the Pakistani army chief",
"X, Additional Foreign Secretary, Ministry of Foreign Affairs,".

Such a name of a state's body (an army, a staff, a committee, a ministry) says which post the
person holds: the person takes part (with the state whose body it is), the body does not (the
dev gold leaves the body out in 7 of 9 such events).  The head of an organisation of states
speaks for it ("UN Secretary-General Antonio Guterres": the UN takes part), and a body named on
its own ("Russian Ground Forces Commander" with no name after it, "the Pakistan Navy ship") is
left to the other rules.
"""
from __future__ import annotations

import re

from kg.extract.context import STATE_BODIES
from kg.extract.names import HONORIFICS, POST_HEADS as NAMED_POSTS, TITLES

# title words beyond the names module's list that head a post in a body ("head of", "chief of")
POST_HEADS = TITLES | NAMED_POSTS | {"head", "spokesperson", "chairperson", "commandant", "secretary-general"}
# words that may stand between a title and the name of its holder ("Chief of the General Staff
# of Russia Valery Gerasimov", "Chief of Army Staff (COAS) General Bajwa")
BETWEEN = {"of", "the", "(", ")", "-", "–", ","}
REACH = 9  # tokens from the title to its holder's name
BODY_HEADS = STATE_BODIES | {"staff", "staffs"}


def in_title(ctx, mention) -> bool:
    """Whether the organisation ``mention`` (or a title NER took for a name) is named inside
    the title of a person the text names (or a title that stands for a person named before: "the Pakistani army chief")."""
    span = ctx.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is not None and ctx.core_type(mention.entity) in {"Organisation", "Person"} \
            and _title_run_together(ctx, mention, span):
        return True
    if span is None or ctx.core_type(mention.entity) != "Organisation":
        return False
    if not _state_body(ctx, mention.entity):
        return False
    doc = ctx.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in POST_HEADS:
        # "Army chief General X", "the Pakistani army chief" (a holder named before)
        return _holder_after(ctx, after) or bool(ctx.resolve_title(after))
    title = _title_before(ctx, span)
    if title is None:
        return _after_holders_title(ctx, span)
    # "Chairman Joint Chiefs of Staff Committee General X", "Chief of Army Staff (COAS) General X",
    # "General X, Chairman Joint Chiefs of Staff Committee,"
    return _holder_after(ctx, doc[span.end - 1]) or _holder_before(ctx, title)


def _state_body(ctx, eid: str) -> bool:
    """Whether the organisation's name ends in the word of a state's body ("Pakistan Army",
    "Joint Chiefs of Staff Committee", "General Staff")."""
    entity = ctx.registry.entities.get(eid)
    name = eid[4:] if eid.startswith("new:") else (entity.label if entity is not None else "")
    first = (re.split(r"\s(?:of|on|for|and)\s", name)[0].split() or [""])[-1].lower()
    last = (name.split() or [""])[-1].lower()
    return first in BODY_HEADS or last in BODY_HEADS


def _title_before(ctx, span):
    """The title word right before the name, past "of", "the" and a state ("Chief of the
    General Staff")."""
    doc = ctx.doc
    i = span.start - 1
    while i >= max(0, span.start - 4) and (doc[i].lower_ in {"of", "the"} or _is_state(ctx, doc[i])):
        i -= 1  # "Chief of the Russian General Staff"
    if i >= 0 and doc[i].lower_ in POST_HEADS and doc[i].text[:1].isupper():
        return doc[i]
    return None


def _is_state(ctx, tok) -> bool:
    m = ctx.mention_at(tok)
    return m is not None and ctx.is_state(m.entity)


def _is_person(ctx, tok) -> bool:
    m = ctx.mention_at(tok)
    return m is not None and ctx.core_type(m.entity) == "Person"


def _holder_after(ctx, last) -> bool:
    """A person's name within a few words after ``last``, past only title words, capitalised
    words, "of", "the", commas and brackets (no verb or conjunction between): "Chief of the
    Russian General Staff, First Deputy Defense Minister Army General Valery Gerasimov"."""
    doc = ctx.doc
    for tok in doc[last.i + 1:min(len(doc), last.i + 1 + REACH)]:
        if _is_person(ctx, tok):
            return True
        if tok.lower_ in BETWEEN or tok.lower_ in POST_HEADS or tok.lower_.rstrip(".") in HONORIFICS:
            continue
        if _hyphenated(tok):
            continue  # "Navy Commander-in-Chief Admiral X": one title word
        if tok.pos_ == "PROPN" and tok.text[:1].isupper():
            continue
        return False
    return False


def _hyphenated(tok) -> bool:
    """A word inside a hyphenated compound ("in" of "Commander-in-Chief")."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text in {"-", "‑"} and doc[tok.i + 1].text in {"-", "‑"}


def _holder_before(ctx, title) -> bool:
    """"General X, Chairman ...": the title in apposition right after a person's name."""
    i = title.i - 1
    return i > 0 and ctx.doc[i].text == "," and _is_person(ctx, ctx.doc[i - 1])


def _after_holders_title(ctx, span) -> bool:
    """"Ambassador X, Additional Foreign Secretary, Ministry of Foreign Affairs of Pakistan,
    ...": the body set by a comma after the title that follows a person's name by a comma is
    where the person serves (the parse often makes it a second subject)."""
    doc = ctx.doc
    i = span.start - 1
    if i < 2 or doc[i].text != ",":
        return False
    titled = False
    for j in range(i - 1, max(0, i - 1 - REACH), -1):
        tok = doc[j]
        if tok.text == ",":
            return titled and j > 0 and _is_person(ctx, doc[j - 1])
        if tok.lower_ in POST_HEADS:
            titled = True
        elif not (tok.lower_ in BETWEEN or tok.pos_ in {"PROPN", "ADJ"} and tok.text[:1].isupper()):
            return False
    return False


def _title_run_together(ctx, mention, span) -> bool:
    """A name the text does not know that is a title run together with no "of" ("Speaker
    National Assembly Sardar Ayaz", "Chief Martial Law Administrator (CMLA) General Ziaul
    Haq"): it starts with a title word or follows one, and a person's name comes right after
    it.  It names the person's post, not a body that takes part."""
    if not mention.entity.startswith("new:"):
        return False
    doc = ctx.doc
    first = doc[span.start]
    before = doc[span.start - 1] if span.start > 0 else None
    titled = first.lower_ in POST_HEADS or before is not None and before.lower_ in POST_HEADS \
        and before.text[:1].isupper()
    if not titled or span.end < len(doc) and doc[span.end].text == ",":
        return False  # "Minister Ali Raza, General X": two people
    return _holder_after(ctx, doc[span.end - 1])
