"""The project's pieces that the training configs name, registered with spaCy.

Importing this module registers them; ``spacy train`` by hand takes it with
``--code kg/training/registered.py``. Only training reads them: a saved pipeline
loads with spaCy alone.

* ``pemilu_kg.IndonesianTokenizer.v1`` (ud.cfg's ``[nlp.tokenizer]``): kg/nlp/tokenizer.py.
* ``pemilu_kg.cnn_weights.v1`` (ner.cfg's ``[initialize.after_init]``): starts a component's CNN
  tok2vec from weights pretrained by ``kg.training.pretrain``. spaCy's ``[initialize] init_tok2vec``
  cannot: the NER's tok2vec ends in a projection that the pretraining objective cannot wrap, so the
  weights are learned on a twin and belong to the CNN inside.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language

import kg.nlp.tokenizer  # noqa: F401  (registers the project's tokenizer)


@spacy.registry.callbacks("pemilu_kg.cnn_weights.v1")
def create_cnn_weights(path: str | None, component: str) -> Callable[[Language], Language]:
    """After initialisation, load `path` (a pretrained CNN's bytes) into `component`'s tok2vec CNN."""

    def load(nlp: Language) -> Language:
        if path:
            cnn = nlp.get_pipe(component).model.get_ref("tok2vec").layers[0]
            cnn.from_bytes(Path(path).read_bytes())
        return nlp

    return load
