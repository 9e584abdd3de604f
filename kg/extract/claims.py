"""The writer's argumentative sentences: recommendations, predictions and assessments.

Cues come from the dependency parse; a sentence gives at most one claim, of the strongest
kind it shows: Recommendation (should/must/ought, "should have been accepted" included;
needs/has to; "it is (high) time"; "there is an urgent need"; "it would be useful to";
imperatives; "could" + a named actor's action in the main clause; "can be used to"; "only
by") over Commitment ("we will open ...": the writer's own act announced) or Prediction
(will/would/may/might/could on a main-clause verb, not under "if", "said that" or "it is
obvious that"; "can" + a verb of change; "likely"; "set to"; "soon", not "as soon as
possible"; "May" the month is no modal) over Assessment ("it is obvious/well known that",
"certainly", "indeed", "seems to", "can only act", evaluative or superlative words after a
copula or on the main verb's arguments: "is not possible", "almost fictional", "is a big
deal", "the greatest landmark"; not a rank, "is a major supplier", nor the things of a past
act, "signed a historic deal").
Cues in quotation marks, under a reporting verb or in an "if" clause are not the writer's
own assertion; the author sentence and all after it are skipped.

>>> from kg.extract.pipeline import load_nlp, sentences_of
>>> doc = load_nlp()("India ought to sign the treaty. The talks will surely fail. "
...                  "It is clear that the plan is flawed. He said, “We must act.”")
>>> [(c.kind, c.cue) for c in find_claims(doc, sentences_of(doc), [])]
[('Recommendation', 'ought to sign'), ('Prediction', 'will surely fail'), ('Assessment', 'It is clear that')]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable, Iterator

from spacy.tokens import Doc, Token

from kg.extract.lookahead import starting
from kg.extract.model import Claim, Mention, Sentence
from kg.extract.stance import NEEDED_ACT, hedges_state, month_may, stance_of
from kg.extract.tokens import doc_text, token_indices

_RANK = {"Recommendation": 0, "Commitment": 1, "Prediction": 1, "Assessment": 2}
_FUTURE = set("will would may might could shall 'll wo".split())
_CHANGE = set("""become bring help lead improve develop grow increase provide give open create boost
    enhance strengthen expand emerge result serve benefit change turn transform achieve build happen
    prove pave contribute yield reduce allow enable offer rise fall deepen weaken harm damage end
    join""".split())
_REPORT = set("""say tell state claim announce declare add insist argue assert maintain warn believe
    think feel hope expect express stress emphasise emphasize reiterate remark affirm confirm deny
    acknowledge admit vow promise urge note suggest predict report allege indicate write explain""".split())
_SUBORDINATE = set("""if unless whether though although because as since when while whereas once
    until before after so""".split())
_ADVISE = set("""useful important necessary essential imperative vital crucial advisable wise
    prudent better best desirable incumbent time urgent critical""".split())
_EVIDENT = set("""obvious clear evident apparent certain undeniable true know known plain noteworthy
    ironic unfortunate unsurprising undisputed indisputable""".split())
_STANCE = set("""certainly undoubtedly indeed clearly obviously evidently surely definitely
    unsurprisingly naturally undeniably unquestionably doubtless admittedly unfortunately
    fortunately sadly regrettably ironically arguably understandably""".split())
_EVAL = set("""positive negative crucial vital important significant essential critical imperative
    beneficial detrimental harmful fruitful useful useless good bad great excellent poor welcome
    promising encouraging worrying alarming unfortunate remarkable impressive historic
    impossible big major key pivotal paramount indispensable inevitable unavoidable dangerous risky
    successful unsuccessful deplorable regrettable commendable laudable unprecedented ideal wrong
    mistaken misguided naive baseless hollow meaningless irrelevant unrealistic realistic
    unsustainable counterproductive troubling sensible modest practical pragmatic attractive
    deceitful hostile unfriendly mere strong utmost""".split())
EVALUATIVE = frozenset(_EVAL)  # evaluative adjectives, for the kinds of other speakers' statements
_EVAL_NOUN = set("""achievement success failure milestone landmark breakthrough mistake blunder
    setback disaster triumph boon bane nuisance folly asset liability""".split())
_DEGREE = set("""almost very extremely highly quite rather too so utterly truly really hardly
    particularly most least increasingly deeply immensely absolutely totally virtually""".split())
_SIGNAL = set("""signal showcase underscore underline demonstrate reflect illustrate symbolise symbolize
    epitomise epitomize exemplify highlight indicate suggest show""".split())  # the writer reads a sign
_NAMING = set("term call describe dub label consider regard view deem hail".split())  # "termed"
_USE = set("use utilise utilize harness leverage employ exploit".split())  # "can be used to"
_COPULA = set("be seem appear remain become prove look sound".split())
_NAMED = set("PERSON GPE ORG NORP LOC FAC".split())
_OPENERS = re.compile(r"(?:^|,\s*)(no doubt|without (?:a )?doubt|of course|needless to say)\b",
                      re.I)
_WRITER_RE = re.compile(r"^(?:The\s+)?(?:writer|author)s?\s+(?:is|are|was)\b", re.IGNORECASE)
_QUOTE_RE = starting("[“\"‘]", r"“[^”]*”?|\"[^\"]*\"?|(?<!\w)‘(?:[^’]|’(?=\w))*’(?!\w)")
Cue = tuple[str, int, str]  # kind, strength (0 strongest), exact words
# Relations said to be getting better or worse ("ties are rapidly deteriorating", "their
# interests have converged", "brought them closer together"): the writer's reading of a trend
_TRENDS = frozenset("""improve deteriorate worsen decline converge diverge sour warm thaw weaken
    deepen blossom flourish falter stagnate revive""".split())
_RELATIONS = frozenset("""relation relations relationship ties tie cooperation partnership interests
    equation engagement rapport friendship alliance""".split())
# Every token a cue can start from: a modal (_modal), a verb (_evaluation), an imperative
# root, and the words _obligation and _stance test (their "it is ADJ" frames need "be").
_CUE_TOKENS = {
    "tag": {"MD"}, "pos": {"VERB", "AUX"}, "dep": {"ROOT"},
    "lemma": {"need", "have", "be", "set", "poise", "expect", "go", "slate", "seem", "appear", *_TRENDS, "bring", "get", "grow", "draw", "move"},
    "lower": {"likely", "unlikely", "probably", "soon", *_STANCE},
}


def _quoted(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks; single quotes only around 4+ words."""
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)
            if m.group()[0] != "‘" or len(m.group().split()) >= 4]


def _slice(doc: Doc, a: Token, b: Token, verbal: bool = False) -> str:
    """Text from ``a`` to ``b`` if short (a verb group: only auxiliaries between), else ``a``."""
    lo, hi = min(a.i, b.i), max(a.i, b.i)
    if hi - lo > 5 or verbal and (b.i < a.i or any(
            t.dep_ not in ("aux", "auxpass", "neg", "advmod", "preconj") and t.tag_ != "TO"
            for t in doc[lo + 1:hi])):
        return a.text
    return doc[lo:hi + 1].text


def _frame(head: Token, words: set[str]) -> Token | None:
    """The ADJ of "it is ADJ ..." when ``head`` is that copula and ADJ is in ``words``."""
    if head.lemma_ != "be" or not any(c.lower_ == "it" and c.dep_ in ("nsubj", "expl")
                                      for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ in ("acomp", "attr")
                 and (c.lemma_.lower() in words or c.lower_ in words) and not _counted_time(c)), None)


def _counted_time(noun: Token) -> bool:
    """"it will be the first time that ...": a count of occasions, not "it is (high) time"."""
    return noun.lemma_ == "time" and any(c.dep_ in ("det", "amod", "poss") and c.lower_ not in ("high", "about")
                                         for c in noun.children)


def _not_own(tok: Token, memo: dict[int, bool]) -> bool:
    """Inside an "if" clause or the complement of a reporting verb not said by the writer.

    The answer is found on the way up to the root, and every token passed on the way
    has the same answer: ``memo`` (token index -> answer, one per Doc) keeps them.
    """
    path: list[int] = []
    while (answer := memo.get(tok.i)) is None:
        path.append(tok.i)
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
            answer = True
        elif tok.head.i == tok.i:
            answer = any(c.lower_ == "according" for c in tok.children)
        elif tok.dep_ in ("ccomp", "xcomp", "parataxis") and tok.head.lemma_ in _REPORT and (
                _first_subject(tok.head) not in ("i", "we")):
            answer = True
        else:
            tok = tok.head
            continue
        break
    memo.update(dict.fromkeys(path, answer))
    return answer


def _first_subject(verb: Token) -> str | None:
    return next((c.lower_ for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _main_clause(tok: Token, relcl_ok: bool = False) -> bool:
    """True when the verb ``tok`` carries the sentence's own assertion (see module doc)."""
    while tok.head.i != tok.i:
        dep = tok.dep_
        if dep in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ in _SUBORDINATE
                                             for c in tok.children) or dep == "ccomp" and (
                tok.head.lemma_ in _REPORT or _frame(tok.head, _EVIDENT)
                or _frame(tok.head, _EVAL)):
            return False
        if relcl_ok and dep == "relcl":  # "an axis ..., which can bring positive developments"
            tok = _verb_of(tok.head)
            continue
        if dep not in ("conj", "xcomp", "ccomp", "advcl", "parataxis"):
            return False
        tok = tok.head
    return True


def _changes(verb: Token) -> bool:
    """A verb of change or outcome, directly or through its xcomp ("be used to develop")."""
    kids = list(verb.children)
    return verb.lemma_ in _CHANGE or any(c.dep_ == "xcomp" and c.lemma_ in _CHANGE for c in kids) \
        or any(c.dep_ == "dobj" and c.lemma_ == "end" for c in kids) \
        or any(c.lower_ in ("soon", "eventually", "further") for c in kids)


def _modal(doc: Doc, tok: Token) -> Iterator[Cue]:
    if month_may(tok):
        return
    verb = tok.head if tok.head.i != tok.i else next(  # "ought" may head its "to" verb
        (c for c in tok.children if c.dep_ == "xcomp"), tok)
    if verb.i == tok.i:
        return
    word, kids = tok.lower_, list(verb.children)
    if verb.lemma_ in ("mention", "note", "recall", "add") and any(c.dep_ == "auxpass" for c in kids) and any(
            c.lower_ == "it" for c in kids):
        return  # "It may be mentioned that ...": a writer's way of adding a fact, no forecast
    perfect = any(c.lower_ == "have" and c.dep_ == "aux" for c in kids)
    group = _slice(doc, tok, verb, verbal=True)
    if word in ("should", "must", "ought") and not (word == "must" and perfect):
        yield "Recommendation", 0, group
        return
    by_only = [c for c in kids if c.lower_ == "by" and any(d.lower_ == "only" for d in c.children)]
    if by_only:
        yield "Recommendation", 1, _slice(doc, doc[by_only[0].i - 1], by_only[0])
    passive = any(c.dep_ == "auxpass" for c in kids)
    if word in ("can", "could", "ca") and verb.lemma_ in _USE and passive:
        yield "Recommendation", 1, group
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if word == "could" and subj is not None and not passive and not _changes(verb) and _main_clause(verb) and (
            subj.pos_ == "PROPN" or subj.ent_type_ in _NAMED) and verb.lemma_ not in _COPULA:
        yield "Recommendation", 1, group
    if not _main_clause(verb, relcl_ok=_changes(verb)) or (perfect and word != "would"):
        return
    if verb.lemma_ == "be" and _frame(verb, _EVAL | _EVAL_NOUN | _ADVISE) is not None or hedges_state(tok):
        yield "Assessment", 0, group  # "it would be a mistake / naive to ...", "might seem": a judgement
        return
    conditional = any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
                      for c in kids)
    if word in ("will", "shall", "'ll") and subj is not None and subj.lower_ in ("we", "i") and not passive \
            and verb.lemma_ not in _COPULA and verb.lemma_ != "have" and not any(c.dep_ == "neg" for c in kids):
        yield "Commitment", 0, group  # "we will celebrate the anniversary": the writer's own act announced
        return
    if (word in _FUTURE or _changes(verb)) and not _scheduled(verb) and not (
            word in _CERTAIN and _dated(verb) and not _judged(verb)) and (
            _changes(verb) or word in _HEDGED or _judged(verb) or conditional):
        yield "Prediction", 0, group  # "will grow", "may fail"; not "will be organised in May"
    elif word in ("can", "ca"):
        yield "Assessment", 1, group


_SCHEDULE = set("attend visit hold continue begin start last arrive leave host participate".split())


_HEDGED = {"may", "might", "could"}


def _judged(verb: Token) -> bool:
    """The clause judges its outcome ("will be a disaster", "will surely fail")."""
    return any(c.dep_ in ("acomp", "attr", "advmod") and (_evaluative(c) or c.lower_ in _STANCE or c.lower_ == "able")
               or any(_evaluative(d) and not (c.dep_ == "dobj" and d.lemma_.lower() in _SORTING)  # "will discuss key issues"
                      for d in c.children if d.dep_ == "amod") for c in verb.children)


_CERTAIN = {"will", "shall", "'ll", "wo"}
_POINT = re.compile(r"^(?:next|this|on|by|in|from|tomorrow|later|early|mid|the end|end|(?:jan|feb|mar|apr|may|jun|jul|"
                    r"aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\d{4}\b)", re.I)


def _dated(verb: Token) -> bool:
    """The clause fixes when its act takes place ("will visit Moscow next week", "will
    become a member in 2025", "by the end of May"): a plan the writer reports, not a
    forecast; a span of time ("will take months") fixes no date."""
    for c in verb.children:
        if c.dep_ not in ("npadvmod", "prep", "tmod", "advmod"):
            continue
        for t in c.subtree:
            if t.ent_type_ in ("DATE", "TIME") and t.ent_iob_ == "B":
                ent = next(e for e in t.doc.ents if e.start == t.i)
                lead = t.doc[c.i].lower_ if c.dep_ == "prep" else ""
                if _POINT.match(ent.text) or lead in ("on", "by", "in", "from", "until", "till") and any(
                        w.like_num or w.ent_type_ == "DATE" for w in ent):
                    return True
    return False


def _scheduled(verb: Token) -> bool:
    """A plan the writer reports, not a prediction: "the exercise would continue till
    November 21", "Putin will attend the summit" (a verb of schedule), "will be the first time"."""
    if verb.lemma_ in _SCHEDULE:
        return True
    return verb.lemma_ == "be" and any(c.dep_ == "attr" and c.lower_ == "time" for c in verb.children)


def _obligation(doc: Doc, tok: Token, kids: list[Token]) -> Iterator[Cue]:
    if tok.lemma_ in ("need", "have") and tok.tag_ in ("VB", "VBZ", "VBP") and tok.dep_ != "aux" \
            and any(x.dep_ == "xcomp" and any(c.tag_ == "TO" and c.i == tok.i + 1
                                               for c in x.children) for x in kids):
        yield "Recommendation", 0, doc[tok.i:tok.i + 2].text
    adj = _frame(tok, _ADVISE)
    if any(c.lower_ == "have" and c.dep_ == "aux" for c in kids):
        adj = None  # "it would have been better to ...": a judgement of the past
    if adj is not None and (adj.lemma_ == "time" or any(
            c.dep_ in ("xcomp", "ccomp", "relcl", "advcl") for c in [*kids, *adj.children])):
        yield "Recommendation", 0, _slice(doc, next(c for c in kids if c.lower_ == "it"), adj)
    if tok.lemma_ == "be" and any(c.dep_ in ("nsubj", "csubj") and c.lower_ != "it" for c in kids):
        need = next((c for c in kids if c.dep_ == "acomp" and c.lower_ in NEEDED_ACT), None)
        if need is not None:  # "Regional integration is imperative": what is to be done
            yield "Recommendation", 0, need.text
    there = next((c for c in kids if c.dep_ == "expl" and c.lower_ == "there"), None)
    if tok.lemma_ == "be" and there is not None:
        for c in (c for c in kids if c.dep_ in ("attr", "nsubj")):
            negated = any(d.lower_ == "no" for d in c.children)
            if c.lemma_ in ("need", "urgency", "necessity") and not negated:
                yield "Recommendation", 0, _slice(doc, there, c)
            if c.lemma_ == "doubt" and negated:
                yield "Assessment", 0, _slice(doc, there, c)
    if tok.dep_ == "ROOT" and tok.tag_ == "VB" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in kids) and all(
            t.pos_ in ("ADV", "CCONJ", "PUNCT", "INTJ") for t in doc[tok.sent.start:tok.i]) \
            and not tok.sent.text.rstrip().endswith("?"):
        nxt = doc[min(tok.i + 1, len(doc) - 1)]
        let_us = tok.lemma_ == "let" and nxt.lower_ in ("us", "'s")
        before = {t.lower_ for t in doc[tok.sent.start:tok.i]}
        if "please" not in before and tok.lower_ != "please":  # "Please tell us": a request
            yield "Recommendation", 0, doc[tok.i:tok.i + 2].text if let_us else tok.text


def _stance(doc: Doc, tok: Token, kids: list[Token]) -> Iterator[Cue]:
    """Predictions and assessments marked by single words or frames ("likely", "indeed")."""
    if tok.lower_ in ("likely", "unlikely", "probably") and _main_clause(_verb_of(tok)):
        yield "Prediction", 1, tok.text
    if tok.lemma_ in ("set", "poise", "expect", "go", "slate") and tok.tag_ in ("VBN", "VBG") \
            and any(c.dep_ == "xcomp" and _changes(c) for c in kids) \
            and any(c.lemma_ == "be" and c.dep_ in ("aux", "auxpass") and c.tag_ not in ("VBD",)
                    for c in kids) \
            and any(c.dep_ == "xcomp" and c.i == tok.i + 2 for c in kids) and _main_clause(tok):
        yield "Prediction", 1, doc[tok.i:tok.i + 2].text
    if tok.lower_ == "soon" and tok.head.tag_ not in ("VBD", "VBN") and _main_clause(tok.head) and not (
            tok.i > 0 and tok.doc[tok.i - 1].lower_ == "as"):  # "as soon as possible": a wish for speed, no forecast
        yield "Prediction", 1, tok.text
    adj = _frame(tok, _EVIDENT)
    if adj is not None and any(c.dep_ == "ccomp" for c in [*kids, *adj.children]):
        mark = next((m for c in [*kids, *adj.children] if c.dep_ == "ccomp"
                     for m in c.children if m.dep_ == "mark"), adj)
        yield "Assessment", 0, _slice(doc, next(c for c in kids if c.lower_ == "it"), mark)
    if tok.lower_ in _STANCE and tok.dep_ == "advmod" and (
            tok.i < tok.head.i or tok.head.lemma_ == "be"):
        yield "Assessment", 0, tok.text
    if tok.lemma_ in ("seem", "appear") and _main_clause(tok) and any(  # not "appeared at the meeting"
            c.dep_ in ("xcomp", "acomp", "attr", "ccomp", "oprd") or c.dep_ == "prep" and c.lower_ in ("like", "as")
            or c.dep_ == "advmod" and c.lower_ in ("less", "more") for c in kids):
        yield "Assessment", 1, tok.text  # "seems the first of many", "seemed like an ambush", "appears less a ..."


def _trend(doc: Doc, tok: Token, kids: list[Token]) -> Iterator[Cue]:
    """Relations that get better or worse, in the sentence's own clause."""
    if tok.pos_ not in ("VERB", "AUX"):
        return
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if tok.lemma_ in _TRENDS and subj is not None and (subj.lemma_.lower() in _RELATIONS or subj.lower_ in _RELATIONS):
        yield "Assessment", 1, tok.text  # "ties are rapidly deteriorating"
    if tok.lemma_ in ("bring", "get", "grow", "draw", "move") and _main_clause(tok) and any(
            c.lower_ == "closer" or c.lower_ == "apart" for c in tok.subtree if c.head.i == tok.i or c.head.head.i == tok.i):
        yield "Assessment", 1, tok.text  # "brought Islamabad and the Kremlin closer", "gets closer to"


def _verb_of(tok: Token) -> Token:
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


# Adjectives that rank the things an act is done to rather than judge them ("discussed key
# issues", "will hold important bilateral meetings", "adopt important decisions")
_SORTING = frozenset("key important major significant big main critical".split())
# Superlatives of size, rank or time state a ranking, a fact ("the second largest buyer",
# "the oldest partner"), not a judgement
_MEASURED = frozenset("""large big high low small long old new early late close near few many much most
    least""".split())


# Adjectives of rank or size that say what place a thing holds ("is a major supplier", "was
# a major recipient of aid", "is the biggest regional organisation"): a fact of rank
_RANKING = frozenset("major big main leading".split())


def _ranks(t: Token) -> bool:
    return t.lemma_.lower() in _RANKING and not any(x.dep_ == "advmod" for x in t.children)


def _evaluative(t: Token) -> bool:
    return t.lemma_.lower() in _EVAL or t.lower_ in _EVAL or t.tag_ == "JJS" and \
        t.lemma_.lower() not in _MEASURED


def _evaluation(doc: Doc, verb: Token, kids: list[Token]) -> Iterator[Cue]:
    """Evaluative predicates and modifiers in the clause headed by ``verb``."""
    def with_copula(start: Token, end: Token) -> str:  # "is a big deal"
        return doc[start.i - (start.i > 0 and start.i - 1 == verb.i):end.i + 1].text
    if verb.lemma_ in ("hold", "carry", "have", "assume", "attach"):
        for c in kids:
            if c.dep_ == "dobj" and c.lemma_ in ("importance", "significance", "relevance"):
                yield "Assessment", 1, doc[c.left_edge.i:c.i + 1].text
    subj = next((c for c in kids if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None and verb.dep_ == "conj":  # "Russia has ... and is a key player"
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "csubj")), None)
    named = subj is not None and (subj.ent_type_ in _NAMED or subj.pos_ == "PROPN"
                                  or subj.lower_ in ("he", "she", "they", "we", "i", "you"))
    if verb.lemma_ in _COPULA:
        neg = any(c.dep_ == "neg" for c in kids)
        for c in kids:
            if c.dep_ == "acomp" and not named and (
                    _evaluative(c) or (neg and c.lower_ == "possible")
                    or any(d.dep_ == "advmod" and d.lower_ in _DEGREE for d in c.children)):
                start = c
                while start.i > 0 and (doc[start.i - 1].dep_ == "neg" or doc[start.i - 1].dep_
                                       == "advmod" and doc[start.i - 1].head == c):
                    start = doc[start.i - 1]
                yield "Assessment", 1, with_copula(start, c)
            mods = [d for d in c.children if d.dep_ == "amod" and _evaluative(d)
                    and not (_ranks(d) and c.lemma_ not in _EVAL_NOUN)]  # "a major supplier"; "a major blunder" judges
            if c.dep_ == "attr" and (mods or c.lemma_ in _EVAL_NOUN):
                first = mods[0] if mods else c
                start = c.left_edge if c.left_edge.i >= first.i - 1 else first
                yield "Assessment", 1, with_copula(start, c)
        if subj is not None and any(d.dep_ == "amod" and d.tag_ == "JJS" and _evaluative(d)
                                    for d in subj.children) and subj.i - subj.left_edge.i < 5:
            yield "Assessment", 1, doc[subj.left_edge.i:subj.i + 1].text
    if verb.dep_ in ("ROOT", "conj") and _main_clause(verb) and verb.lemma_ not in _NAMING:
        args = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "dative")]
        args += [p for c in kids if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        args += [p for a in list(args) for c in a.children if c.dep_ == "prep"
                 for p in c.children if p.dep_ == "pobj"]
        acts = verb.lemma_ not in _COPULA and verb.lemma_ not in _SIGNAL
        done = acts and verb.tag_ == "VBD"  # a past act told: "signed a historic deal", "This significant event took place"
        for a in args:
            for d in a.children:
                if d.dep_ == "amod" and d.tag_ == "JJ" and _evaluative(d) and not (
                        (done or acts and a.dep_ != "nsubj" and d.lemma_.lower() in _SORTING)
                        and a.lemma_ not in ("role", "part", "contribution", *_EVAL_NOUN)  # "the key role", "a major milestone"
                        and not any(x.dep_ == "advmod" for x in d.children)) and not (  # "the most significant"
                        a.dep_ == "attr" and _ranks(d)):  # "is a major supplier": its rank
                    yield "Assessment", 2, doc[d.i:a.i + 1].text if a.i - d.i < 4 else d.text


def find_claims(doc: Doc, sentences: list[Sentence], mentions: Iterable[Mention],
                author_sentence: Sentence | None = None) -> list[Claim]:
    """At most one claim per sentence, the writer's own, with its cue and entities."""
    quoted = _quoted(doc_text(doc))
    mentions = sorted(mentions, key=lambda m: m.span.start)
    out: list[Claim] = []
    not_own: dict[int, bool] = {}
    candidates = token_indices(doc, **_CUE_TOKENS)
    for sent in sentences:
        if author_sentence is not None and sent.span.start >= author_sentence.span.start:
            break
        if _WRITER_RE.match(sent.span.text):
            continue
        span = doc.char_span(sent.span.start, sent.span.end, alignment_mode="expand")
        found: list[tuple[int, int, int, str, str]] = []
        first, last = bisect_left(candidates, span.start), bisect_left(candidates, span.end)
        for tok in (doc[i] for i in candidates[first:last]):
            if any(a <= tok.idx < b for a, b in quoted) or _not_own(tok, not_own):
                continue
            kids = list(tok.children)
            for kind, strength, cue in [
                    *(_modal(doc, tok) if tok.tag_ == "MD" else ()), *_obligation(doc, tok, kids),
                    *_stance(doc, tok, kids), *_trend(doc, tok, kids),
                    *(_evaluation(doc, tok, kids) if tok.pos_ in ("VERB", "AUX") else ())]:
                found.append((_RANK[kind], strength, tok.i, kind, cue))
        opener = _OPENERS.search(sent.span.text)
        if opener and not any(a <= sent.span.start + opener.start(1) < b for a, b in quoted):
            found.append((2, 0, span.start, "Assessment", opener.group(1)))
        root = span.root
        present = root.tag_ in ("VBZ", "VBP") or root.tag_ == "VBD" and root.lower_ == root.lemma_  # "highlight" mis-tagged
        if root.lemma_ in _SIGNAL and present and not _not_own(root, not_own) \
                and any(c.dep_ == "dobj" for c in root.children):
            found.append((2, 2, root.i, "Assessment", root.text))  # "These meetings showcase ..."
        if not found or sent.span.text.rstrip().endswith("?"):  # a question asks, it does not claim
            continue
        *_, kind, cue = min(found)
        about = dict.fromkeys(m.entity for m in mentions
                              if sent.span.start <= m.span.start < sent.span.end)
        out.append(Claim(kind, sent, cue, tuple(about), stance=stance_of(sent.span.text)))
    return out
