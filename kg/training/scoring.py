"""Entity-level NER scores, conlleval/seqeval style (exact span and label match)."""

from __future__ import annotations

from typing import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc


def _gold_spans(doc: Doc) -> set[tuple[int, int, str]]:
    return {(e.start, e.end, e.label_) for e in doc.ents}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def score_spans(
    gold: Sequence[set[tuple[int, int, str]]], pred: Sequence[set[tuple[int, int, str]]]
) -> dict:
    """Micro P/R/F1 overall and per label from per-sentence span sets."""
    labels: set[str] = set()
    tp: dict[str, int] = {}
    npred: dict[str, int] = {}
    ngold: dict[str, int] = {}
    for g, p in zip(gold, pred, strict=True):
        for _, _, lab in g:
            ngold[lab] = ngold.get(lab, 0) + 1
            labels.add(lab)
        for _, _, lab in p:
            npred[lab] = npred.get(lab, 0) + 1
            labels.add(lab)
        for _, _, lab in g & p:
            tp[lab] = tp.get(lab, 0) + 1
    out = _prf(sum(tp.values()), sum(npred.values()), sum(ngold.values()))
    out["per_label"] = {
        lab: _prf(tp.get(lab, 0), npred.get(lab, 0), ngold.get(lab, 0)) for lab in sorted(labels)
    }
    return out


def predict_docs(nlp: Language, docs: Iterable[Doc], batch_size: int = 256) -> list[Doc]:
    """Run ``nlp`` on fresh, unannotated copies of ``docs`` (same tokens)."""
    fresh = [
        Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
        for d in docs
    ]
    return list(nlp.pipe(fresh, batch_size=batch_size))


def evaluate_ner(nlp: Language, docs: Iterable[Doc], labels: Iterable[str] | None = None) -> dict:
    """Entity-level scores of ``nlp`` against gold ``docs`` (their ``doc.ents``).

    The pipeline runs on the gold tokenisation.  A predicted entity counts as
    correct only with exactly the same start, end and label as a gold entity
    (conlleval / seqeval default mode).  Returns
    ``{"p", "r", "f", "tp", "n_pred", "n_gold", "per_label": {label: {...}}}``.
    If ``labels`` is given, entities with other labels are ignored on both sides.
    """
    docs = list(docs)
    preds = predict_docs(nlp, docs)
    keep = set(labels) if labels is not None else None
    gold = [_gold_spans(d) for d in docs]
    pred = [_gold_spans(d) for d in preds]
    if keep is not None:
        gold = [{s for s in g if s[2] in keep} for g in gold]
        pred = [{s for s in p if s[2] in keep} for p in pred]
    return score_spans(gold, pred)


def format_scores(scores: dict, labels: Sequence[str] = ("PER", "ORG", "LOC")) -> str:
    parts = [f"F1 {scores['f']*100:.2f} (P {scores['p']*100:.2f} R {scores['r']*100:.2f})"]
    for lab in labels:
        s = scores["per_label"].get(lab)
        if s is not None:
            parts.append(f"{lab} {s['f']*100:.2f}")
    return "  ".join(parts)
