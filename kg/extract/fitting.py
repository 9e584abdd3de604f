"""What the training steps of ``kg train`` share: the logistic fit and the line that reports
a cross-validated setting."""
from __future__ import annotations

from kg.eval.scores import Score
from kg.extract.decisions import LogisticModel

C = 0.5  # inverse regularisation strength of every logistic model


def fit(rows: list, threshold: float = 0.5) -> LogisticModel | None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    labels = [r[2] for r in rows]
    if len(set(labels)) < 2:
        return None
    vec = DictVectorizer(sort=True, sparse=False)
    x = vec.fit_transform([r[1] for r in rows])
    model = LogisticRegression(C=C, solver="liblinear", fit_intercept=False, random_state=0, max_iter=1000)
    model.fit(x, labels)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0])}
    return LogisticModel(weights, threshold)


def f05(s: Score) -> float:
    """F0.5 of a score: precision weighs twice recall."""
    p, r = s.precision, s.recall
    return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0


def score_line(name, strict: Score, lenient: Score, errors: dict) -> str:
    errs = ", ".join(f"{k} {v}" for k, v in errors.items())
    return (f"{name:<26} strict P {strict.precision:.3f} R {strict.recall:.3f}  "
            f"lenient P {lenient.precision:.3f} R {lenient.recall:.3f}  [{errs}]")
