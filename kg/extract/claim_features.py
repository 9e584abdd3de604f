"""Features of a statement for the learned kind and stance (:mod:`kg.extract.claim_kinds`).

Each feature is a name with the value 1 (``"md=will"``) or a number; the same functions
serve training (:mod:`kg.extract.train_claims`) and extraction.  What they read: the rule's
own answer, who speaks (the writer, a person, an organisation, a state), how (direct,
indirect, mixed), the cue's lemma and its sort (with who speaks and with the rule's answer),
the modal verbs, tense and aspect, subject and negation
of the statement's words on the spaCy parse, the kind rules' frames (a modal that hedges a
state, a call for something, a programme announced), evaluative words (VADER's lexicon and the
claim finder's list), words of diplomacy that lean one way, and the statement's lemmas.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span as DocSpan

from kg.extract.cues import JUDGED_AS
from kg.extract.model import Claim

# Words of Pakistan-Russia diplomacy that lean one way, beyond VADER's general lexicon.
WARM = frozenset("""cooperation cooperate collaboration partnership partner friendship friend friendly
    strategic strengthen deepen expand boost enhance mutual mutually trust brotherly historic support
    welcome opportunity promising potential milestone agreement ally benefit beneficial cordial warm
    fruitful productive constructive successful excellent close closer grow growth improve prosper
    prosperity peace stability solidarity""".split())
COLD = frozenset("""threat threaten sanction sanctions criticism criticise criticize condemn concern
    terrorism terrorist aggression hostile hostility oppose against war attack accuse blame tension
    dispute conflict crisis rival rivalry estrangement mistrust suspicion restriction pressure interfere
    interference unacceptable fear warn worry danger risk destabilise destabilize propaganda baseless
    deny reject problem fail failure setback delay adverse damage harm undermine obstacle isolate
    suspend halt cancel dilemma bitter turbulent wrong""".split())
_FIRST_PERSON = {"i", "we"}
_FUTURE = {"will", "shall", "'ll", "wo"}


def content_span(doc: Doc, claim: Claim) -> DocSpan | None:
    """The statement's words as a spaCy span (the sentence for the writer's own)."""
    span = claim.content if claim.content is not None else claim.sentence.span
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def cue_lemma(doc: Doc, claim: Claim) -> str:
    """The lemma of the cue's first word, found in the claim's sentence."""
    if not claim.cue:
        return ""
    first = claim.cue.split()[0]
    sent = doc.char_span(claim.sentence.span.start, claim.sentence.span.end, alignment_mode="expand")
    for t in sent if sent is not None else ():
        if t.text == first:
            return t.lemma_.lower()
    return first.lower()


def _root(span: DocSpan):
    return span.root


def kind_features(doc: Doc, claim: Claim, speaker_type: str | None, words: bool = True) -> dict[str, float]:
    """What the parse says about a statement's kind; ``words`` adds its lemmas."""
    from kg.extract.claims import EVALUATIVE
    from kg.extract.stance import advocated, cue_class, hedges_state, lexicon, scheduled_act

    who = "writer" if claim.speaker is None else (speaker_type or "other")
    f = {"bias": 1.0, f"rule={claim.kind}": 1.0, f"quote={claim.quote}": 1.0, f"who={who}": 1.0,
         f"rule+who={claim.kind}+{who}": 1.0}
    cue = cue_lemma(doc, claim)
    if cue:
        f[f"cue={cue}"] = 1.0
    cues = cue_class(JUDGED_AS.get(cue, cue))  # the cue's sort, and with who speaks: "X promised", an institution "said"
    f[f"cue_class={cues}"] = 1.0
    f[f"who+cue_class={who}+{cues}"] = 1.0
    f[f"rule+cue_class={claim.kind}+{cues}"] = 1.0
    span = content_span(doc, claim)
    if span is None or not len(span):
        return f
    tokens = list(span)
    lex = lexicon()
    root = _root(span)
    f[f"root_tag={root.tag_}"] = 1.0
    if root.lemma_ in ("be", "have", "remain", "become", "seem"):
        f[f"root={root.lemma_}"] = 1.0
    kids = list(root.children)
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is not None:
        kind = ("1p" if subj.lower_ in _FIRST_PERSON else "it" if subj.lower_ in ("it", "there", "this")
                else "pron" if subj.pos_ == "PRON" else "named" if subj.ent_type_ or subj.pos_ == "PROPN"
                else "noun")
        f[f"subj={kind}"] = 1.0
    else:
        f["subj=none"] = 1.0
    if tokens[0].tag_ in ("TO", "VB") or tokens[0].lower_ == "to":
        f["starts_infinitive"] = 1.0
    if any(c.dep_ == "auxpass" for c in kids):
        f["passive"] = 1.0
    for t in tokens:
        low = t.lower_
        if t.tag_ == "MD":
            f[f"md={low}"] = 1.0
            f["md_main" if t.head.i == root.i else "md_sub"] = 1.0
        if t.dep_ == "neg":
            f["neg"] = 1.0
            if t.head.i == root.i:
                f["neg_main"] = 1.0
        if t.tag_ in ("VBD", "VBN") and t.head.i == root.i or t is root and t.tag_ == "VBD":
            f["past"] = 1.0
        if t.lemma_ == "have" and t.dep_ == "aux":
            f["perfect"] = 1.0
        if t.tag_ in ("JJR", "JJS", "RBR", "RBS"):
            f["degree"] = 1.0
        if t.lemma_.lower() in EVALUATIVE:
            f["evaluative"] = 1.0
        if t.pos_ in ("ADJ", "ADV") and abs(lex.get(low, 0.0)) >= 1.0:
            f["judging"] = 1.0
        if low == "going" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            f["going_to"] = 1.0
        if low in ("ready", "willing", "determined", "committed", "prepared", "keen"):
            f["ready"] = 1.0
        if words and not t.is_punct and not t.is_space and not t.like_num:
            f[f"w={t.lemma_.lower()}"] = 1.0
    if any(t.tag_ == "MD" and hedges_state(t) for t in tokens):
        f["hedged_state"] = 1.0  # "might seem", "may not be ..., but"
    if advocated(span):
        f["advocated"] = 1.0  # "the importance of X", "it is necessary to"
    if scheduled_act(tokens):
        f["scheduled"] = 1.0  # "will preside over", "is expected to visit"
    if claim.sentence.span.text.rstrip().endswith("?"):
        f["question"] = 1.0
    n = len(tokens)
    f[f"len={'s' if n < 8 else 'm' if n < 20 else 'l'}"] = 1.0
    return f


PARTIES = frozenset({"pakistan", "russia"})


def side(state: str | None) -> str:
    """Whose side a speaker of that state is on: one of the two parties, another state, unknown."""
    return "unknown" if not state else "party" if state in PARTIES else "other"


def stance_features(doc: Doc, claim: Claim, words: bool = True, state: str | None = None) -> dict[str, float]:
    """What the words say about a statement's stance: VADER's scores of its words and of its
    cue ("appreciated X", "condemned X"), words of diplomacy that lean one way, negation, the rule's stance and kind, the speaker's side (``state``:
    the state it speaks for, if known); ``words`` adds its lemmas."""
    from kg.extract.stance import scores

    span = content_span(doc, claim)
    text = span.text if span is not None else (claim.content or claim.sentence.span).text
    s = scores(text)
    f = {"bias": 1.0, "vader": s["compound"], "vader_pos": s["pos"], "vader_neg": s["neg"],
         "cue_vader": scores(claim.cue)["compound"] if claim.cue else 0.0,  # "appreciated", "condemned"
         f"vader_bin={round(s['compound'] * 2) / 2}": 1.0, f"rule={claim.stance}": 1.0,
         f"kind={claim.kind}": 1.0, "writer" if claim.speaker is None else "attributed": 1.0,
         f"side={side(state)}": 1.0}
    if state and state not in PARTIES and s["compound"] < 0:
        f["other_side_cold"] = 1.0  # a third country's critical words about the two
    for t in span if span is not None else ():
        lemma = t.lemma_.lower()
        if lemma in WARM or t.lower_ in WARM:
            f["warm"] = f.get("warm", 0.0) + 1.0
        if lemma in COLD or t.lower_ in COLD:
            f["cold"] = f.get("cold", 0.0) + 1.0
        if t.dep_ == "neg":
            f["neg"] = 1.0
        if words and not (t.is_punct or t.is_space or t.like_num or t.is_stop or t.ent_type_):
            f[f"w={lemma}"] = 1.0
    return f
