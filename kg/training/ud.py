"""Train and score a UPOS tagger + dependency parser from the UD Indonesian treebanks.

Why these choices:

* **Surface tokens, not syntactic words.** The extractor tokenises with
  :mod:`kg.nlp.tokenizer`, which keeps clitics on their host ("katanya" is one
  token), so the model is trained and scored on the treebank's surface tokens.
  A multi-word token (current GSD, CSUI, PUD: "bukunya" = "buku" + "nya") becomes
  one token carrying the UPOS, head and relation of its syntactic head word (the
  word whose head lies outside the token); arcs into the token point at it.
  Fewer than 2% of tokens are multi-word. Empty nodes (``8.1``) are skipped: they
  belong to enhanced dependencies only.
* **Universal relations.** Subtypes are cut (``nsubj:pass`` -> ``nsubj``,
  ``flat:name`` -> ``flat``): the legacy GSD release and the current treebanks use
  different subtype inventories, and the CoNLL 2018 LAS compares universal labels.
* **Share-alike data only by default.** The current GSD train split is not in
  ``shared/data`` (over the snapshot's 4 MiB limit). The default recipe,
  :data:`RECIPES` ``["bysa"]``, trains on CSUI train + current GSD (v2.17) dev, both
  CC BY-SA 4.0, so the model may ship under CC BY-SA 4.0. With no GSD dev left for
  choosing the epoch, a fixed, seeded 10% of the training sentences is held out
  (``dev_set=None``). The UD 2.1 GSD release (``legacy-r2.1``, recipe ``"gsd21-nc"``)
  is CC BY-NC-SA 3.0 US, **non-commercial**: a model trained on it is for research
  comparison only and must not ship with this MIT project.

The model and its schedule are ``kg/training/configs/ud.cfg``, trained by spaCy's loop.

Public API: :func:`read_conllu`, :func:`train_ud`, :func:`evaluate_ud`, :func:`split_holdout`,
:data:`UD_SETS`, :data:`RECIPES`.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .loop import run, save_pipeline, write_docbin  # also registers the tokenizer ud.cfg names

from kg.errors import MissingInputError

Log = Callable[[str], None]

#: treebank split name -> path under ``shared/data``
UD_SETS: dict[str, str] = {
    "gsd21-train": "ud-indonesian-gsd/legacy-r2.1/id-ud-train.conllu",
    "gsd21-dev": "ud-indonesian-gsd/legacy-r2.1/id-ud-dev.conllu",
    "gsd21-test": "ud-indonesian-gsd/legacy-r2.1/id-ud-test.conllu",
    "gsd-dev": "ud-indonesian-gsd/id_gsd-ud-dev.conllu",
    "gsd-test": "ud-indonesian-gsd/id_gsd-ud-test.conllu",
    "csui-train": "ud-indonesian-csui/id_csui-ud-train.conllu",
    "csui-test": "ud-indonesian-csui/id_csui-ud-test.conllu",
    "pud-test": "ud-indonesian-pud/id_pud-ud-test.conllu",
}


#: named training recipes: train splits, dev split (None: seeded hold-out), licence of the result
RECIPES: dict[str, dict] = {
    "bysa": {"train_sets": ("csui-train", "gsd-dev"), "dev_set": None,
             "license": "CC BY-SA 4.0 (CSUI CC BY-SA 4.0, GSD v2.17 CC BY-SA 4.0)"},
    "gsd21-nc": {"train_sets": ("gsd21-train", "csui-train"), "dev_set": "gsd21-dev",
                 "license": "CC BY-NC-SA 3.0 US (GSD UD 2.1): research only, NOT shippable"},
}


class MissingTreebankError(MissingInputError):
    """A treebank file named in :data:`UD_SETS` is not under the data folder."""


@dataclass(frozen=True)
class UDSentence:
    """One treebank sentence over surface tokens (or syntactic words, see `read_conllu`)."""

    sent_id: str
    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    upos: tuple[str, ...]
    heads: tuple[int, ...]  # 0-based index of the head; a root points at itself
    deps: tuple[str, ...]  # universal relation; "ROOT" for the root
    n_mwt: int = 0


# --------------------------------------------------------------------------- reading


def read_conllu(path: str | Path, tokens: str = "surface") -> list[UDSentence]:
    """Sentences of a CoNLL-U file; `tokens` is "surface" (merge multi-word tokens) or "words"."""
    if tokens not in ("surface", "words"):
        raise ValueError(f"tokens must be 'surface' or 'words', not {tokens!r}")
    path = Path(path)
    if not path.is_file():
        raise MissingTreebankError(f"{path}: treebank file not found; see shared/data/SOURCES.md")
    out: list[UDSentence] = []
    block: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip():
                block.append(line)
            elif block:
                out.append(_parse_block(block, tokens, path))
                block = []
    if block:
        out.append(_parse_block(block, tokens, path))
    return out


def _parse_block(lines: list[str], tokens: str, path: Path) -> UDSentence:
    sent_id = next((ln.split("=", 1)[1].strip() for ln in lines if ln.startswith("# sent_id")), "")
    words: list[list[str]] = []
    mwts: list[tuple[int, int, str, bool]] = []  # first, last word id, form, space after
    for ln in lines:
        if ln.startswith("#"):
            continue
        cols = ln.split("\t")
        if len(cols) != 10:
            raise ValueError(f"{path}: sentence {sent_id}: not a 10-column CoNLL-U line: {ln!r}")
        if "." in cols[0]:
            continue  # empty node: enhanced graph only
        if "-" in cols[0]:
            first, last = (int(x) for x in cols[0].split("-"))
            mwts.append((first, last, cols[1], "SpaceAfter=No" not in cols[9]))
            continue
        words.append(cols)
    if tokens == "words" or not mwts:
        return _from_words(sent_id, words, mwts)
    return _from_surface(sent_id, words, mwts)


def _universal(deprel: str) -> str:
    return "ROOT" if deprel == "root" else deprel.split(":")[0]


def _from_words(sent_id: str, words: list[list[str]], mwts: list[tuple[int, int, str, bool]]) -> UDSentence:
    """Syntactic words; inside a multi-word token no space, after it the token's SpaceAfter."""
    space = {int(w[0]): "SpaceAfter=No" not in w[9] for w in words}
    for first, last, _, after in mwts:
        for i in range(first, last):
            space[i] = False
        space[last] = after
    ids = [int(w[0]) for w in words]
    return UDSentence(
        sent_id,
        tuple(w[1] for w in words),
        tuple(space[i] for i in ids),
        tuple(w[3] for w in words),
        tuple((int(w[6]) or int(w[0])) - 1 for w in words),
        tuple(_universal(w[7]) for w in words),
        len(mwts),
    )


def _from_surface(sent_id: str, words: list[list[str]], mwts: list[tuple[int, int, str, bool]]) -> UDSentence:
    """Merge each multi-word token into one token that takes its syntactic head word's analysis."""
    by_id = {int(w[0]): w for w in words}
    group_of = {i: (f, l) for f, l, _, _ in mwts for i in range(f, l + 1)}
    units: list[tuple[int, int]] = []  # (first, last) word ids of each surface token
    i = 1
    while i <= len(words):
        f, l = group_of.get(i, (i, i))
        units.append((f, l))
        i = l + 1
    token_of = {wid: t for t, (f, l) in enumerate(units) for wid in range(f, l + 1)}
    mwt_info = {f: (form, after) for f, _, form, after in mwts}
    forms, spaces, upos, heads, deps = [], [], [], [], []
    for t, (f, l) in enumerate(units):
        members = [by_id[w] for w in range(f, l + 1)]
        head_word = next((w for w in members if not f <= int(w[6]) <= l), members[0])
        gov = int(head_word[6])
        forms.append(mwt_info[f][0] if f in mwt_info else head_word[1])
        spaces.append(mwt_info[f][1] if f in mwt_info else "SpaceAfter=No" not in head_word[9])
        upos.append(head_word[3])
        heads.append(token_of[gov] if gov else t)
        deps.append(_universal(head_word[7]))
    return UDSentence(sent_id, tuple(forms), tuple(spaces), tuple(upos), tuple(heads), tuple(deps), len(mwts))


def load_set(data_dir: str | Path, name: str, tokens: str = "surface") -> list[UDSentence]:
    """One split from :data:`UD_SETS`, read from `data_dir` (``shared/data``)."""
    if name not in UD_SETS:
        raise KeyError(f"unknown treebank split {name!r}; known: {', '.join(UD_SETS)}")
    return read_conllu(Path(data_dir) / UD_SETS[name], tokens)


def to_doc(vocab: Vocab, sent: UDSentence, gold: bool = True) -> Doc:
    """A spaCy Doc on the sentence's tokens, with the gold analysis when `gold`."""
    if not gold:
        return Doc(vocab, words=list(sent.words), spaces=list(sent.spaces))
    return Doc(vocab, words=list(sent.words), spaces=list(sent.spaces), pos=list(sent.upos),
               heads=list(sent.heads), deps=list(sent.deps))


# --------------------------------------------------------------------------- scoring


def evaluate_ud(nlp: Language, sents: Sequence[UDSentence], batch_size: int = 256) -> dict:
    """UPOS accuracy, UAS and LAS (universal labels, punctuation included, CoNLL 2018 style)
    of `nlp` run on the gold tokens of `sents`."""
    docs = [to_doc(nlp.vocab, s, gold=False) for s in sents]
    n = upos = uas = las = 0
    for sent, doc in zip(sents, nlp.pipe(docs, batch_size=batch_size), strict=True):
        for tok, g_pos, g_head, g_dep in zip(doc, sent.upos, sent.heads, sent.deps, strict=True):
            n += 1
            upos += tok.pos_ == g_pos
            if tok.head.i == g_head:
                uas += 1
                las += _same_label(tok.dep_, g_dep)
    return {"upos": upos / n, "uas": uas / n, "las": las / n, "tokens": n, "sentences": len(sents)}


def _same_label(pred: str, gold: str) -> bool:
    return pred.lower().split(":")[0] == gold.lower().split(":")[0]

# --------------------------------------------------------------------------- training


@dataclass
class UDRun:
    """What one training run did: data, evaluations, scores, time."""

    train_sets: list[str]
    seed: int
    overrides: dict
    train_sentences: int
    train_tokens: int
    evaluations: list[dict] = field(default_factory=list)
    best_step: int = 0
    best_epoch: int = 0
    dev: dict = field(default_factory=dict)
    seconds: float = 0.0
    dev_set: str = ""
    dev_sentences: int = 0
    config: str = "kg/training/configs/ud.cfg"


def train_ud(
    data_dir: str | Path,
    output: str | Path,
    seed: int = 0,
    train_sets: Sequence[str] = RECIPES["bysa"]["train_sets"],
    dev_set: str | None = RECIPES["bysa"]["dev_set"],
    overrides: dict | None = None,
    work: str | Path = Path(".pemilu-kg") / "ud",
    log: Log = print,
    holdout: float = 0.1,
) -> UDRun:
    """Train ud.cfg on `train_sets` with spaCy's loop, which keeps the pipeline with the best mean of
    dev UPOS and LAS; write it to `output` (with ``ud_training.json``) and return the run's record.

    The default is the share-alike recipe (CSUI train + GSD v2.17 dev, CC BY-SA 4.0). With
    `dev_set` None, a seeded `holdout` fraction of the training sentences is the dev set (the
    same sentences for the same seed and data). ``train_sets=("gsd21-train", "csui-train"),
    dev_set="gsd21-dev"`` reproduces the earlier NC model: research only (CC BY-NC-SA 3.0 US).
    The corpora and spaCy's run go to `work`."""
    train = [s for name in train_sets for s in load_set(data_dir, name)]
    if dev_set is None:
        train, dev = split_holdout(train, holdout, seed)
    else:
        dev = load_set(data_dir, dev_set)
    vocab, corpora = Vocab(), Path(work) / "corpora"
    write_docbin((to_doc(vocab, s) for s in train), corpora / "train.spacy")
    write_docbin((to_doc(vocab, s) for s in dev), corpora / "dev.spacy")
    record = UDRun(list(train_sets), seed, dict(overrides or {}), len(train), words_of(train))
    record.dev_set = dev_set or f"held-out {holdout:.0%} of train (seed {seed})"
    record.dev_sentences = len(dev)
    log(f"train: {record.train_sentences} sentences, {record.train_tokens} tokens from {', '.join(train_sets)}")
    settings = {"paths.train": str(corpora / "train.spacy"), "paths.dev": str(corpora / "dev.spacy"),
                "system.seed": seed, **(overrides or {})}
    result = run("ud", Path(work) / "run", settings, log=log)
    best = result.best_row
    record.best_step, record.best_epoch = best.get("step", 0), best.get("epoch", 0)
    record.evaluations = [{"epoch": r["epoch"], "step": r["step"], **_rounded(r["scores"]),
                           "losses": _rounded(r["losses"])} for r in result.history]
    record.seconds = result.seconds
    record.dev = evaluate_ud(spacy.load(result.best), dev)
    nc = any(s.startswith("gsd21") for s in train_sets)
    meta = {"name": "ud_tagger_parser", "version": "0.2.0",
            "sources": [{"name": f"UD Indonesian {s}", "license": _LICENSES.get(s, "see shared/data/SOURCES.md")}
                        for s in train_sets],
            "license": "CC BY-NC-SA 3.0 US (research only)" if nc else "CC BY-SA 4.0"}
    save_pipeline(result.best, Path(output), meta)
    (Path(output) / "ud_training.json").write_text(json.dumps(asdict(record), indent=1), encoding="utf-8")
    log(f"kept step {record.best_step} (epoch {record.best_epoch}); dev UPOS {record.dev['upos']:.4f} "
        f"LAS {record.dev['las']:.4f}; wrote {output} in {record.seconds:.0f}s")
    return record


def split_holdout(sents: Sequence[UDSentence], fraction: float, seed: int
                  ) -> tuple[list[UDSentence], list[UDSentence]]:
    """(train, held out): a fixed, seeded `fraction` of `sents` held out, order otherwise kept."""
    if not 0 < fraction < 1:
        raise ValueError(f"holdout fraction must be between 0 and 1, not {fraction}")
    n_out = max(1, round(len(sents) * fraction))
    out = set(random.Random(f"ud-holdout-{seed}").sample(range(len(sents)), n_out))
    return ([s for i, s in enumerate(sents) if i not in out], [s for i, s in enumerate(sents) if i in out])


def _rounded(d: dict) -> dict:
    return {k: round(float(v), 4) if isinstance(v, (float, np.floating)) else v for k, v in d.items()}


_LICENSES = {"gsd21-train": "CC BY-NC-SA 3.0 US", "gsd-dev": "CC BY-SA 4.0", "csui-train": "CC BY-SA 4.0"}


def load_ud(path: str | Path) -> Language:
    """A pipeline written by :func:`train_ud`."""
    path = Path(path)
    if not (path / "config.cfg").is_file():
        raise MissingInputError(f"{path}: no spaCy pipeline here; write one with train_ud()")
    return spacy.load(path)


def words_of(sents: Iterable[UDSentence]) -> int:
    return sum(len(s.words) for s in sents)
