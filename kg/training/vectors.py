"""Static word vectors for the NER tok2vec, learned without labels from CLICK-ID news.

Why: the labelled NER sets are small (1.5 to 6 thousand sentences), so most
words the model meets were never seen in training.  Vectors learned on the
~2.1 M words of CLICK-ID news (no labels, no NER test text) place unseen words
near seen ones; the tok2vec reads them through spaCy's
``include_static_vectors`` (ner.cfg's ``paths.vectors``).

Two methods, both keyed by spaCy's ``NORM`` (lowercased) of the blank ``id``
tokenizer's tokens, so one vector serves every casing:

* ``floret`` (the default, better on the IndoLEM folds): fastText skip-gram
  whose words *and* character 4-5-grams share one small hashed table
  (``rows`` buckets, each word summed over 2 hashes), so every word gets a
  vector, even names the corpus never saw (a quarter of the NER-UI entity
  tokens are not in the corpus vocabulary);
* ``word2vec`` (gensim): one row per word, the ``rows`` most frequent norms.

The output is a spaCy pipeline folder (blank ``id`` plus vectors), the form
spaCy's ``[initialize] vectors`` setting loads.  Training runs on one thread
(word2vec with a fixed seed), so a rebuild gives the same table.

Usage::

    python -m kg.training.vectors --data ../shared/data -o /tmp/vectors
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterator

import numpy
import spacy
from spacy.language import Language
from spacy.vectors import Vectors

from kg.errors import MissingInputError
from kg.ingest.readers import PARAGRAPH_JOIN
from kg.training.clickid import CLICKID as CLICKID_PATH

Log = Callable[[str], None]

#: the unlabelled corpus, relative to the shared data folder
CLICKID = CLICKID_PATH

# CLICK-ID joins paragraphs with "," right after the closing punctuation ("Riau.,Penangkapan").
_PARA_JOIN = PARAGRAPH_JOIN


@dataclass(frozen=True)
class VectorSpec:
    """How the vectors are learned (skip-gram) and how many table rows are kept."""

    method: str = "floret"  # or "word2vec"
    dims: int = 100
    rows: int = 25000  # floret: hash buckets; word2vec: most frequent norms kept
    min_count: int = 3
    window: int = 5
    epochs: int = 5
    seed: int = 0  # word2vec's; floret on one thread is deterministic without one


def clickid_texts(data_dir: Path, n_words: int) -> list[str]:
    """The first CLICK-ID articles' texts, up to about `n_words` whitespace words (speed benchmarks)."""
    path = Path(data_dir) / CLICKID
    if not path.is_file():
        raise MissingInputError(f"CLICK-ID corpus not found: {path}. See shared/data/SOURCES.md.")
    texts, words = [], 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            words += len(texts[-1].split())
            if words >= n_words:
                break
    return texts


def corpus_norms(data_dir: Path) -> Iterator[list[str]]:
    """Each CLICK-ID article as the NORMs of spaCy's blank ``id`` tokenizer."""
    nlp = spacy.blank("id")
    path = Path(data_dir) / CLICKID
    if not path.is_file():
        raise MissingInputError(f"CLICK-ID corpus not found: {path}. See shared/data/SOURCES.md.")
    with open(path, encoding="utf-8") as fh:
        texts = [_PARA_JOIN.sub(" ", json.loads(line)["text"]) for line in fh]
    for doc in nlp.tokenizer.pipe(texts, batch_size=256):
        yield [t.norm_ for t in doc if not t.is_space]


def build_vectors(data_dir: Path, out_dir: Path, spec: VectorSpec = VectorSpec(), log: Log = print) -> Path:
    """Learn the vectors and write them to ``out_dir`` as a spaCy pipeline folder."""
    if spec.method not in ("floret", "word2vec"):
        raise ValueError(f"unknown vectors method {spec.method!r}: use floret or word2vec")
    t0 = time.perf_counter()
    sents = list(corpus_norms(data_dir))
    log(f"vectors: {len(sents)} articles, {sum(map(len, sents))} tokens ({time.perf_counter() - t0:.0f}s)")
    nlp = spacy.blank("id")
    learn = _floret if spec.method == "floret" else _word2vec
    vocab = learn(nlp, sents, spec)
    out_dir = Path(out_dir)
    nlp.to_disk(out_dir)
    (out_dir / "vectors_spec.json").write_text(json.dumps({**asdict(spec), "vocab": vocab}, indent=1))
    log(f"vectors: {spec.method}, {spec.rows} rows x {spec.dims} dims ({vocab} norms seen) -> {out_dir} "
        f"({time.perf_counter() - t0:.0f}s)")
    return out_dir


def _floret(nlp: Language, sents: list[list[str]], spec: VectorSpec) -> int:
    """floret vectors into ``nlp.vocab``; returns the number of words learned."""
    try:
        import floret  # optional dependency: the `train` extra
    except ImportError as err:
        raise SystemExit("learning the vectors needs floret: pip install -e '.[train]' "
                         "(or train without them: kg train --no-vectors)") from err
    from spacy.training.initialize import convert_vectors

    with tempfile.TemporaryDirectory() as tmp:
        corpus, table = Path(tmp) / "corpus.txt", Path(tmp) / "vectors.floret"
        lines = "".join(" ".join(w.replace(" ", "_") for w in s) + "\n" for s in sents)
        corpus.write_text(lines, encoding="utf-8")
        model = floret.train_unsupervised(
            str(corpus), model="skipgram", mode="floret", hashCount=2, bucket=spec.rows,
            dim=spec.dims, minn=4, maxn=5, minCount=spec.min_count, ws=spec.window,
            epoch=spec.epochs, thread=1, verbose=0,  # one thread: fastText is then deterministic
        )
        model.save_floret_vectors(str(table))
        convert_vectors(nlp, table, truncate=0, prune=-1, mode="floret", attr="NORM")
    return len(model.words)


def _word2vec(nlp: Language, sents: list[list[str]], spec: VectorSpec) -> int:
    """word2vec vectors of the ``spec.rows`` most frequent norms into ``nlp.vocab``."""
    from gensim.models import Word2Vec  # optional dependency: the `train` extra

    w2v = Word2Vec(
        sents,
        vector_size=spec.dims,
        window=spec.window,
        min_count=spec.min_count,
        sg=1,
        epochs=spec.epochs,
        seed=spec.seed,
        workers=1,  # one worker: the only way gensim is deterministic
    )
    words = w2v.wv.index_to_key[: spec.rows]  # sorted by frequency, most frequent first
    data = numpy.asarray(w2v.wv[words], dtype="float32")
    keys = [nlp.vocab.strings.add(w) for w in words]
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=data, keys=keys, attr="NORM")
    return len(w2v.wv)


def ensure_vectors(data_dir: Path, out_dir: Path, spec: VectorSpec = VectorSpec(), log: Log = print) -> Path:
    """``out_dir`` if it already holds vectors, else build them there."""
    if (Path(out_dir) / "vocab" / "vectors").exists():
        return Path(out_dir)
    return build_vectors(data_dir, out_dir, spec, log)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"), help="shared data folder")
    ap.add_argument("-o", "--output", type=Path, required=True, help="vectors folder to write")
    ap.add_argument("--method", choices=("floret", "word2vec"), default=VectorSpec.method)
    ap.add_argument("--dims", type=int, default=VectorSpec.dims)
    ap.add_argument("--rows", type=int, default=VectorSpec.rows)
    ap.add_argument("--min-count", type=int, default=VectorSpec.min_count)
    ap.add_argument("--epochs", type=int, default=VectorSpec.epochs)
    args = ap.parse_args(argv)
    spec = VectorSpec(method=args.method, dims=args.dims, rows=args.rows, min_count=args.min_count, epochs=args.epochs)
    build_vectors(args.data, args.output, spec)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
