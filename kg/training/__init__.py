"""Training and evaluation of the project's Indonesian NER pipeline.

Public API: :func:`train_ner` (train the shipped model from ``shared/data`` with spaCy's loop and
``configs/ner.cfg``) and :func:`evaluate_ner` (entity-level P/R/F1, overall and per label).
See :mod:`kg.training.corpora` for the readers and the PER/ORG/LOC label mapping.
"""

from .corpora import (
    LABEL_MAPS,
    LABELS,
    MissingDataError,
    Sentence,
    bio_to_spans,
    count_entities,
    dedupe,
    nerp_variant,
    read_idner,
    read_indolem,
    read_nergrit,
    read_nerp,
    read_set,
)
from .scoring import evaluate_ner, format_scores, score_spans
from .train import sentences_to_docs, train_ner, train_pipeline

__all__ = [
    "LABEL_MAPS",
    "LABELS",
    "MissingDataError",
    "Sentence",
    "bio_to_spans",
    "count_entities",
    "dedupe",
    "evaluate_ner",
    "format_scores",
    "nerp_variant",
    "read_idner",
    "read_indolem",
    "read_nergrit",
    "read_nerp",
    "read_set",
    "score_spans",
    "sentences_to_docs",
    "train_ner",
    "train_pipeline",
]
