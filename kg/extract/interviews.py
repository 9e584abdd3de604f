"""Interviews: in an article of "Q: ..." paragraphs, the answers are the interviewee's
words, not the writer's."""
from __future__ import annotations

import dataclasses
import re

from kg.extract.judging import judges
from kg.extract.model import Claim, Sentence
from kg.extract.quotations import span_of
from kg.extract.speakers import Speakers
from kg.extract.stance import classify_kind, stance_of

_QUESTION = re.compile(r"^[ \t]*(?:Q|Question)[ \t]*[:.\-–]", re.M)
_ANSWER = re.compile(r"^(?:.*\n)?[ \t]*(?:A|Answer)[ \t]*:[ \t]*", re.S)  # "A: ...", after a question


def interview_answers(text: str, claims: list[Claim], speakers: Speakers, sentences: list[Sentence] = (),
                      reporting: set[int] = frozenset(), stop: int | None = None) -> list[Claim]:
    """In an interview ("Q: ..." paragraphs), the answers are the interviewee's words, not
    the writer's: the person the introduction (before the first question) names speaks
    them, every sentence of them (one statement each, the ones that report someone else's
    words apart); the questions themselves say nothing."""
    questions = [m.start() for m in _QUESTION.finditer(text)]
    if len(questions) < 2:
        return claims
    intro = [m for m in speakers.mentions if m.span.start < questions[0] and speakers.core_type(m.entity) == "Person"]
    who = speakers.full_name(intro[0]) if intro else next(
        (p for p in (speakers.unlinked_person(e.root) for e in speakers.doc.ents
                     if e.label_ == "PERSON" and e.end_char < questions[0]) if p), None)
    if who is None:
        return claims
    out = []
    for c in claims:
        start = c.sentence.span.start
        if start < questions[0]:
            out.append(c)
            continue
        paragraph = text.rfind("\n", 0, start) + 1
        if any(paragraph <= q <= start for q in questions):
            continue  # the interviewer's question
        body = _ANSWER.sub("", c.sentence.span.text)
        at = start + c.sentence.span.text.find(body)
        out.append(dataclasses.replace(c, speaker=who, content=span_of(text, at, at + len(body)), quote="direct",
                                       confidence=0.6))
    taken = reporting | {c.sentence.index for c in out}
    doc = speakers.doc
    for sent in sentences:
        start = sent.span.start
        if start < questions[0] or sent.index in taken or stop is not None and start >= stop:
            continue
        body = _ANSWER.sub("", sent.span.text).strip()
        para = text.rfind("\n", 0, start) + 1
        if any(para <= q <= start for q in questions) and not _ANSWER.search(sent.span.text):
            continue  # the interviewer's question
        if body.endswith("?") or len([w for w in body.split() if w.isalpha()]) < 4:
            continue
        at = start + sent.span.text.find(body)
        content = span_of(text, at, at + len(body))
        span = doc.char_span(content.start, content.end, alignment_mode="expand")
        judging = judges(list(span or ()), content.text)
        last = out[-1] if out and out[-1].speaker == who and out[-1].confidence == 0.55 else None
        if last is not None and not judging and text.rfind("\n", 0, last.sentence.span.start) + 1 == para \
                and (last.also or (last.sentence,))[-1].index == sent.index - 1:
            out[-1] = dataclasses.replace(last, also=(*last.also, sent))  # the answer goes on
            continue
        kind = classify_kind(span, "")
        out.append(Claim("Assessment" if kind == "ReportOfFact" and judging else kind, sent, "", (), speaker=who,
                         content=content, quote="direct", stance=stance_of(content.text), confidence=0.55))
    return sorted(out, key=lambda c: c.sentence.index)

