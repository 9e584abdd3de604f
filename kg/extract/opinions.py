"""The writer's own opinions that carry no cue, in opinion articles.

An editorial or op-ed is made of the writer's judgements ("the process has been painfully
slow", "Now Pakistan too is taking advantage of this developing situation"), most of them
without the modal, frame or evaluative predicate that :mod:`kg.extract.claims` looks for.
News reports are not: their sentences report events and what others said.  So:

* **the article** must read as opinion: labelled so at its head ("EDITORIAL:", "COMMENT:"),
  or opening without a dateline ("ISLAMABAD, June 3 (APP):"), with few sentences that
  report speech (a reporting verb, "according to", quotation marks) and with some of its
  sentences already the writer's cued claims;
* **the sentence** must judge: an evaluative, stance or degree word, a comparative or
  superlative, or a verb of reading signs ("shows", "signals") (polarity alone is not
  enough: it marks the history an op-ed tells as much as its judgements),
  and not state a figure (a number, an amount, a percentage), narrate the past (a main verb
  in the simple past), ask a question, report speech, or be the writer's biography.

Such a sentence is one Assessment of the writer (a Prediction when a modal of the future
or "seems to be in the offing" carries it), with a low confidence: it is found by the
article's genre, not by a cue of its own.

>>> from kg.extract.claims import find_claims
>>> from kg.extract.pipeline import load_nlp, sentences_of
>>> doc = load_nlp()("EDITORIAL: The visit was a great success. The process has been painfully "
...                  "slow. Trade reached $5 billion in 2023.")
>>> sents = sentences_of(doc)
>>> cued = find_claims(doc, sents, [])  # "a great success": the first sentence's claim already
>>> [c.sentence.span.text[:30] for c in find_opinions(doc, sents, [], None, cued)]
['The process has been painfully']
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from kg.extract.judging import judges
from kg.extract.model import Claim, Mention, Sentence
from kg.extract.stance import ATTITUDE, stance_of
from kg.extract.cues import REPORTING
from kg.extract.tokens import doc_text, token_indices

CONFIDENCE = 0.5  # found by the article's genre, not by a cue of its own
_LABEL = re.compile(r"^\s*(?:EDITORIAL|COMMENT|OPINION|ANALYSIS|OP-ED|VIEW|VIEWPOINT|COLUMN)\s*[:\-–—]")
_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z.\- ]{2,}(?:,|:|\(|\s(?:[-–—]|--)\s)"  # "ISLAMABAD, June 3 (APP):"
                       r"|[A-Z][a-z]+(?:[ ,]+[A-Z][a-z]+){0,2}\s*:)")  # "New Delhi:", "Islamabad, Pakistan:"
_WHEN = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|"
                   r"this (?:week|month)|last (?:week|month))\b", re.I)
_NAMING = frozenset("term dub label hail".split())
_NAMED = frozenset({"PERSON", "GPE", "ORG", "NORP"})
_PEOPLE = frozenset({"he", "she", "they"})
_REPORTING = frozenset("say tell state announce add claim quote report told said".split())
_FIGURES = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})
_QUESTION = re.compile(r"^[ \t]*(?:Q|Question)[ \t]*[:.\-–]", re.M)


def _reports_speech(sent: Sentence, doc: Doc, strict: bool = False, verbs: list[int] | None = None) -> bool:
    """Quotation marks, "according to", a verb of saying; with ``strict``, also any
    reporting or attitude verb whose subject names someone ("India expressed its bitterness").
    ``verbs`` (not with ``strict``): the indices, in order, of the Doc's verbs of saying,
    found once for all its sentences."""
    text = sent.span.text
    if any(q in text for q in ('"', "“", "”")) or "according to" in text.lower():
        return True
    span = doc.char_span(sent.span.start, sent.span.end, alignment_mode="expand")
    if verbs is not None and not strict:
        k = bisect.bisect_left(verbs, span.start) if span is not None else len(verbs)
        return k < len(verbs) and verbs[k] < span.end
    for t in span or ():
        if t.pos_ != "VERB":
            continue
        if t.lemma_.lower() in _REPORTING:
            return True
        lemma = t.lemma_.lower()
        if strict and (lemma in REPORTING or lemma in ATTITUDE or lemma in _NAMING) and any(
                c.dep_ in ("nsubj", "agent") and (c.pos_ == "PROPN" or c.ent_type_ in _NAMED or c.lower_ in _PEOPLE)
                or c.dep_ == "agent" and any(o.pos_ == "PROPN" or o.ent_type_ in _NAMED for o in c.children)
                for c in t.children):
            return True  # "India expressed its bitterness", "termed his visit", "welcomed by Pakistan"
    return False


def _news_lede(doc: Doc, sent: Sentence) -> bool:
    """A first sentence that tells what a named actor did ("Prime Minister X met Y",
    "Pakistan and Russia have struck a deal"), or dates it ("on Wednesday night")."""
    span = doc.char_span(sent.span.start, sent.span.end, alignment_mode="expand")
    if span is None:
        return False
    if any(e.label_ in ("DATE", "TIME") and _WHEN.search(e.text) for e in span.ents):
        return True
    root = span.root
    done = root.tag_ == "VBD" or root.tag_ == "VBN" and any(c.lower_ in ("has", "have") for c in root.children)
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return done and subj is not None and (subj.pos_ == "PROPN" or subj.ent_type_ in _NAMED)


def has_dateline(text: str) -> bool:
    """Whether the article opens with a news dateline ("ISLAMABAD, June 3 (APP):")."""
    return bool(_DATELINE.match(text))


def opinion_article(doc: Doc, sentences: list[Sentence], writer_claims: list[Claim]) -> bool:
    """Whether the article reads as the writer's opinion (see the module's doc)."""
    text = doc_text(doc)
    if _LABEL.match(text):
        return True
    if _DATELINE.match(text) or len(_QUESTION.findall(text)) >= 2 or len(sentences) < 4 \
            or _news_lede(doc, sentences[0]):
        return False
    verbs = [i for i in token_indices(doc, lemma=_REPORTING) if doc[i].pos_ == "VERB"]
    reporting = sum(_reports_speech(s, doc, verbs=verbs) for s in sentences) / len(sentences)
    cued = len({c.sentence.index for c in writer_claims}) / len(sentences)
    return reporting <= 0.25 and cued >= 0.1


def _kind(tokens: list[Token], text: str) -> str:
    if tokens and tokens[0].lower_ == "hopefully":
        return "Recommendation"  # "Hopefully everybody has learnt ...": what the writer wants done
    if any(t.tag_ == "MD" and t.lower_ in ("will", "would", "may", "might", "'ll") for t in tokens) \
            or "in the offing" in text or "on the verge" in text:
        return "Prediction"
    return "Assessment"


def find_opinions(doc: Doc, sentences: list[Sentence], mentions: list[Mention],
                  author_sentence: Sentence | None, writer_claims: list[Claim]) -> list[Claim]:
    """The writer's uncued judgements in an opinion article, one claim per sentence, for
    the sentences no cued claim of the writer's already covers."""
    if not opinion_article(doc, sentences, writer_claims):
        return []
    taken = {c.sentence.index for c in writer_claims}
    out = []
    for sent in sentences:
        if author_sentence is not None and sent.span.start >= author_sentence.span.start:
            break
        text = sent.span.text.strip()
        if sent.index in taken or text.endswith("?") or _LABEL.match(text) and len(text.split()) < 4:
            continue
        span = doc.char_span(sent.span.start, sent.span.end, alignment_mode="expand")
        tokens = list(span or ())
        if len([t for t in tokens if t.is_alpha]) < 6 or _reports_speech(sent, doc, strict=True):
            continue
        if any(t.ent_type_ in _FIGURES for t in tokens) or span.root.tag_ == "VBD" or not judges(tokens, text):
            continue  # a figure, or the past the article narrates ("X visited Moscow"), is no judgement
        about = tuple(dict.fromkeys(m.entity for m in mentions
                                    if sent.span.start <= m.span.start < sent.span.end))
        out.append(Claim(_kind(tokens, text), sent, "", about, stance=stance_of(text), confidence=CONFIDENCE))
    return out
