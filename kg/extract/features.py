"""Features of the parse for the learned decisions: is a trigger an event, is a candidate a
participant.  Each feature is a name (``"lemma=visit"``) with the value 1, or a name with
a number; the same functions serve training (:mod:`kg.extract.train`) and extraction."""
from __future__ import annotations

from kg.extract.syntax import governing_verb
from kg.extract.triggers import SPEECH_VERBS

MODALS = {"could", "would", "may", "might", "should", "can", "must", "ought"}
SPEECH = SPEECH_VERBS | {"tell", "report", "add", "note", "stress", "claim", "accord", "quote", "cite"}


def _bucket(n: int, edges=(0, 1, 2, 3, 5, 10)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def event_features(token, kind: str, n_rule: int, has_time: bool, status: str | None,
                   sentence_index: int) -> dict[str, float]:
    """What the parse says about a trigger that the rules accepted."""
    verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
    f = {
        f"kind={kind}": 1.0, f"lemma={token.lemma_.lower()}": 1.0, f"pos={token.pos_}": 1.0,
        f"dep={token.dep_}": 1.0, f"tag={token.tag_}": 1.0, f"headpos={token.head.pos_}": 1.0,
        f"nrule={_bucket(n_rule)}": 1.0, f"status={status}": 1.0, "bias": 1.0,
    }
    if has_time:
        f["time"] = 1.0
    if sentence_index == 0:
        f["first_sentence"] = 1.0
    dets = [c.lower_ for c in token.children if c.dep_ in {"det", "poss"}]
    for d in dets[:1]:
        f[f"det={d if d in {'a', 'an', 'the', 'this', 'these', 'that', 'such'} else 'other'}"] = 1.0
    if verb is not None:
        f[f"verbtag={verb.tag_}"] = 1.0
        if verb.lemma_.lower() in SPEECH:
            f["verb=speech"] = 1.0
        for c in verb.children:
            if c.dep_ == "neg":
                f["neg"] = 1.0
            if c.dep_ == "aux" and c.lower_ in MODALS:
                f["modal"] = 1.0
            if c.dep_ == "aux" and c.lower_ in {"will", "shall"}:
                f["future"] = 1.0
        if verb.dep_ in {"xcomp", "ccomp"}:
            f[f"verbdep={verb.dep_}"] = 1.0
            if verb.head.lemma_.lower() in SPEECH:
                f["reported"] = 1.0
    if any(c.dep_ == "neg" for c in token.children):
        f["neg"] = 1.0
    if token.tag_ in {"NNS", "NNPS"}:
        f["plural"] = 1.0
    if any(c.dep_ in {"amod", "compound"} for c in token.children):
        f["modified"] = 1.0
    return f


def _ancestors(tok) -> list:
    out = [tok]
    while out[-1].head is not out[-1] and len(out) < 12:
        out.append(out[-1].head)
    return out


def path(a, b, limit: int = 4) -> str:
    """The dependency path from ``a`` up to the common ancestor and down to ``b``."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            m = ids_b[t.i]
            if n + m > limit:
                return "long"
            up = [x.dep_ for x in up_a[:n]]
            down = [x.dep_ for x in up_b[:m]]
            return "^".join(up) + "|" + "v".join(reversed(down))
    return "none"


def participant_features(trigger, kind: str, cand, etype: str, n_candidates: int) -> dict[str, float]:
    """What the parse says about one candidate participant of one trigger."""
    f = {f"src={cand.source}": 1.0, f"etype={etype}": 1.0, f"kind={kind}": 1.0, f"rule={int(cand.rule)}": 1.0,
         f"ncand={_bucket(n_candidates)}": 1.0, f"role={cand.role}": 1.0, "bias": 1.0,
         f"src+kind={cand.source}+{kind}": 1.0}
    tok = cand.token
    if tok is None:
        return f
    f[f"mdep={tok.dep_}"] = 1.0
    head = tok.head
    if head.pos_ == "ADP":
        f[f"prep={head.lower_}"] = 1.0
    elif head.lemma_.lower() in SPEECH:
        f["mhead=speech"] = 1.0
    elif head.i == trigger.i:
        f["mhead=trigger"] = 1.0
    else:
        f[f"mheadpos={head.pos_}"] = 1.0
    p = path(trigger, tok)
    f[f"path={p}"] = 1.0
    dist = abs(tok.i - trigger.i)
    f[f"dist={_bucket(dist, (1, 2, 4, 8, 16))}"] = 1.0
    f["before" if tok.i < trigger.i else "after"] = 1.0
    # the source of a statement: subject of a speech verb, or "according to X"
    cur = tok
    for _ in range(3):
        if cur.head is cur:
            break
        if cur.dep_ in {"nsubj", "nsubjpass"} and cur.head.lemma_.lower() in SPEECH:
            f["speaker"] = 1.0
            break
        if cur.dep_ == "pobj" and cur.head.lower_ == "to" and cur.head.head.lower_ == "according":
            f["speaker"] = 1.0
            break
        cur = cur.head
    trig_clause, cand_clause = governing_verb(trigger), governing_verb(tok)
    if trigger.pos_ == "VERB":
        trig_clause = trigger
    if trig_clause is not None and cand_clause is not None and trig_clause.i == cand_clause.i:
        f["same_clause"] = 1.0
    return f
