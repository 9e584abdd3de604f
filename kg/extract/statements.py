"""Statements attributed to speakers: direct quotations, indirect speech, mixed quotations.

This module puts together what :mod:`kg.extract.quotations` (direct and mixed quotations)
and :mod:`kg.extract.reported_speech` (indirect speech) find, with the cues of
:mod:`kg.extract.cues`, the speakers of :mod:`kg.extract.speakers` and the answers of an
interview (:mod:`kg.extract.interviews`).

A statement is what someone other than the writer is reported to have said, believed,
warned or promised.  Three shapes are found on the dependency parse:

* **direct**: words in quotation marks (curly or straight, possibly over several
  sentences) with a reporting verb just after the closing mark ("..., Lavrov said.",
  "... said Lavrov") or just before the opening one ("He said: ..."); a quotation with
  no cue of its own right after another one continues its speaker;
* **indirect**: a reporting verb with a clausal complement ("the Foreign Office said that
  ...", "X told reporters ...", "X believes ...", "X warned ...", "..., X said") and
  "according to X, ...";
* **mixed**: indirect speech whose complement holds quoted words ("X said the talks
  were 'very productive'") or a reporting verb with "that" before a long quotation.

The speaker is the entity named in the reporting verb's subject (a person first, else an
organisation or state; a city that speaks, "Moscow said", stands for its state), "he" or
"she" the last person named, a bare title ("the minister") the last person named, and a
surname the person named in full before.  Speakers that stay unknown ("analysts",
"officials") give no statement.  Each statement's kind and stance come from
:mod:`kg.extract.stance`.

>>> from kg.extract.pipeline import load_nlp, sentences_of
>>> from kg.registry import load_registry
>>> from kg.extract.pipeline import extract
>>> ex = extract("d", 'Pakistan and Russia signed a deal. "It is a relationship that will grow '
...              'substantially," Shehbaz Sharif said.', load_registry())
>>> [(c.speaker, c.quote, c.kind, c.content.text) for c in ex.claims if c.speaker]
[('shehbaz-sharif', 'direct', 'Prediction', 'It is a relationship that will grow substantially')]
"""
from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from kg.extract.cues import COURTESY_WORDS, JUDGED_AS, REPORTING, cue_words
from kg.extract.interviews import interview_answers
from kg.extract.model import Claim, Mention, Sentence, Span
from kg.extract.quotations import confidence_of
from kg.extract.reported_speech import Finder
from kg.extract.speakers import Speakers
from kg.extract.stance import one_sentence, classify_kind, stance_of
from kg.extract.tokens import doc_text


def find_statements(doc: Doc, sentences: list[Sentence], mentions: list[Mention], core_type,
                    state_of_place=None, author_sentence: Sentence | None = None, times=(),
                    lookup=None, new_entities: dict[str, str] | None = None,
                    writer_claims: list[Claim] = (), demonym_of=None, speaks_for=None) -> list[Claim]:
    """Every statement the article attributes to a speaker other than the writer, after
    the writer's own claims (``writer_claims``) outside the sentences that report speech.

    ``lookup`` (a name -> registry id function) and ``new_entities`` (the extraction's
    new-entity table, which gains the institutions named as speakers) and ``demonym_of`` (a
    state's id -> its adjective, for naming a state's body) and ``speaks_for`` (an entity ->
    the state it speaks for, which tells a speaker's own acts from others') are optional.
    """
    text = doc_text(doc)
    stop = author_sentence.span.start if author_sentence is not None else len(text)
    speakers = Speakers(doc, mentions, core_type, state_of_place, lookup, new_entities, demonym_of, speaks_for)
    finder = Finder(doc, sentences, speakers, stop)
    finder.direct()
    finder.block()
    finder.indirect()
    finder.retry()
    finder.continued()
    finder.drop_reporters()
    out: dict[tuple[int, int, str], Claim] = {}
    aside: set[int] = set()  # sentences where someone speaks only in a clause of the writer's own
    for f in sorted(finder.found, key=lambda f: (f.content.start, f.content.end)):
        f.speaker = speakers.bare(f.speaker)
        key = (f.content.start, f.content.end, f.speaker)
        if key in out or any(c.content.start <= f.content.start < c.content.end for c in out.values()
                             if c.speaker == f.speaker):
            continue
        cue = f.cue
        cue_text = cue_words(doc, cue) if cue is not None else ""
        cue_lemma = cue.lemma_.lower() if cue is not None else ""
        cue_lemma = JUDGED_AS.get(cue_lemma, cue_lemma)
        if cue is not None:
            cue_lemma = _read_as(cue, cue_lemma)
        about = tuple(dict.fromkeys(
            m.entity for m in speakers.mentions
            if f.content.start <= m.span.start < f.content.end and m.entity != f.speaker))
        content_doc = doc.char_span(f.content.start, f.content.end, alignment_mode="expand")
        if any(t.lemma_.lower() in COURTESY_WORDS for t in content_doc or ()):
            continue  # condolences and congratulations say nothing (annotation guide)
        if f.quote == "direct" and content_doc is not None and cue_lemma not in NAMING and not any(
                t.pos_ in ("VERB", "AUX") for t in content_doc) and not any(
                t.head.lemma_.lower() in NAMING or t.head.head.lemma_.lower() in NAMING for t in content_doc):
            continue  # "announced the first-ever 'mutual special drills in mountainous terrain'": a name, no statement
        if cue_lemma == "report" and content_doc is not None and any(
                t.lemma_.lower() in SPEAKING and t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children)
                for t in content_doc):
            continue  # "..., Shoigu said at a meeting, TASS reports": the agency relays, it does not speak
        if cue_lemma in ("agree", "decide") and content_doc is not None and content_doc.root.lemma_.lower() in DEALS:
            continue  # "agreed to sell four helicopters", "decided to launch a barter mechanism": a deal, a fact
        kind = classify_kind(content_doc, cue_lemma, institution=core_type(f.speaker) in ("Organisation", "State"),
                             own_side=_own_side(speakers, f.speaker, speaks_for) if speaks_for else None)
        if kind in ("Prediction", "Commitment", "ReportOfFact") and _opens_with_judgement(
                content_doc, cue_lemma, institution=core_type(f.speaker) in ("Organisation", "State"),
                own_side=_own_side(speakers, f.speaker, speaks_for) if speaks_for else None):
            kind = "Assessment"
        date = _statement_date(times, f.first, f.content)
        if cue is not None and _in_aside(cue):
            aside.add(f.first.index)
        out[key] = Claim(kind, f.first, cue_text, about, speaker=f.speaker, content=f.content,
                         quote=f.quote, stance=stance_of(f.content.text), date=date, also=f.also,
                         confidence=confidence_of(f.quote, f.how))
    said = _merge_repeats(doc, list(out.values()))
    reporting = {s.index for c in said for s in (c.sentence, *c.also)}
    main = {c.sentence.index for c in said if c.sentence.index not in aside} | {
        s.index for c in said for s in c.also}
    own = [c for c in writer_claims if c.sentence.index not in main]
    return interview_answers(text, own, speakers, sentences, reporting, stop) + said


# Objects of a cue that make its statement a hope for what will be (annotation guide: a Prediction)
HOPES = frozenset("hope optimism expectation".split())
# Cues that name a thing with quoted words ("termed him a 'legend'"): a verbless quotation says
# something there; and verbs of speaking whose speaker an agency's "reports" relays.
NAMING = frozenset("term call describe dub label hail brand consider".split())
SPEAKING = frozenset("say tell state add announce claim".split())
# Acts of a deal: what parties agree or decide to do in one is a fact of the deal, not a
# statement ("Moscow agreed to sell four Mi-35M helicopters", "the firm agreed to supply
# 20,000 tonnes of chickpeas"); they agree to pursue, expand or hold things as a commitment.
DEALS = frozenset("""sell supply buy purchase deliver export import transfer build construct set launch
    establish lease""".split())


def _opens_with_judgement(content, cue_lemma: str, **how) -> bool:
    """Words over several sentences whose first sentence judges ("We appreciate X's balanced
    policy. Once the groundwork is laid, Putin will visit ..."): the statement is the
    judgement it opens with, the later sentences' plans and forecasts bear it out."""
    if content is None or not len(content) or one_sentence(list(content)):
        return False
    end = next((t.i for t in content[1:] if t.is_sent_start), content.end)
    return classify_kind(content.doc[content.start:end], cue_lemma, **how) == "Assessment"


def _read_as(cue, lemma: str) -> str:
    """The cue the kind rules read: "declared X as Y" judges X as "considers" does; "expressed
    hope (optimism, the expectation) for X" predicts as "hoped" does.  (Reading
    "affirmed its support for ..." as a pledge helped dev143 but not r10: left out.)"""
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    if lemma == "declare" and objects and any(c.dep_ == "prep" and c.lower_ == "as" for c in cue.children):
        return "consider"
    if any(c.lemma_.lower() in HOPES for c in objects):
        return "hope"  # "expressed hope for closer ties", "voiced optimism that ...": what will be
    return lemma


def _in_aside(cue) -> bool:
    """A cue in an adverbial or relative clause of a sentence the writer asserts ("Relations
    saw one milestone, when the Soviet government agreed to build the mill"): the
    sentence stays the writer's too."""
    tok = cue
    while tok.head.i != tok.i:
        opener = [t for left in tok.lefts for t in left.subtree if t.dep_ in ("mark", "advmod", "nsubj")
                  and t.lower_ in _ASIDE_OPENERS]
        if opener and (tok.dep_ in ("advcl", "relcl", "acl") or tok.dep_ == "ccomp" and tok.head.lemma_ not in REPORTING):
            return True  # (the parser may hang "..., when X agreed to ..." on the main verb as a ccomp)
        tok = tok.head
    return False


_ASIDE_OPENERS = frozenset("when while after before since which who".split())


def _own_side(speakers: Speakers, speaker: str, speaks_for):
    """A token -> whether it names the speaker or the state the speaker speaks for; None
    when it names no entity.  A new person's state is not known well enough (an envoy is
    tied to the state he serves in): for one, a state or a state's body counts as his own,
    as it does without this test."""
    person = speakers.core_type(speaker) == "Person"
    side = None if person and speaker.startswith("new:") else speaks_for(speaker)

    def own(tok) -> bool | None:
        m = speakers.by_token.get(tok.i)
        if m is None:
            return None
        if m.entity == speaker:
            return True
        theirs = speakers.agent(m.entity)
        theirs = speaks_for(theirs) if theirs else None
        if side is None:
            if person:
                return True if theirs else None
            return False  # a newspaper's "Russia will ...": not its own act
        return theirs == side if theirs else None
    return own


def _content_lemmas(doc: Doc, claim: Claim) -> set[str]:
    span = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    return {t.lemma_.lower() for t in span or () if t.pos_ in ("NOUN", "VERB", "ADJ")
            and not t.is_stop and t.lemma_.lower() not in REPORTING}


_FUTURE = {"Prediction", "Commitment"}


def _merge_repeats(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """A direct quotation that repeats what its speaker was just reported to say ("Peskov
    said the Kremlin will report the date in time." then "'We will announce its date in a
    timely fashion,' he said.") is one statement: its sentences join the paraphrase's claim.
    Repeating means saying the same kind of thing (a forecast and a promise of the same
    act are one when the quotation comes right after) with at least three content words
    in common (names aside), a third of the shorter's."""
    out: list[Claim] = []
    for c in claims:
        merged = False
        if c.quote == "direct" and c.content is not None:
            words = _content_lemmas(doc, c)
            best, best_shared = None, 0
            for i, p in enumerate(out):
                last = (p.also or (p.sentence,))[-1].index
                gap = c.sentence.index - last
                if p.speaker != c.speaker or p.kind != c.kind and not ({p.kind, c.kind} == _FUTURE and gap == 1) \
                        or p.quote == "direct" or p.content is None or not 0 < gap <= 2:
                    continue
                theirs = _content_lemmas(doc, p)
                shared = len(words & theirs)
                if shared >= 3 and shared * 3 >= min(len(words), len(theirs)) and shared > best_shared:
                    best, best_shared = i, shared
            if best is not None:
                p = out[best]
                out[best] = dataclasses.replace(p, also=(*p.also, c.sentence, *c.also))
                merged = True
        if not merged:
            out.append(c)
    return out


def _statement_date(times, sent: Sentence, content: Span) -> str | None:
    """The date of the sentence that lies outside the statement's own words."""
    for t in times:
        if sent.span.start <= t.span.start < sent.span.end and not (
                content.start <= t.span.start < content.end):
            value = t.value or t.start
            if value:
                return value
    return None

