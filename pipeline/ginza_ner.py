"""GiNZA's NER decoded the way spaCy decodes it, without spaCy's per-move GIL round trips.

spaCy 3.8's greedy transition loop runs without the GIL, but every validity check of every move
(``Begin.is_valid`` ... through ``StateC.B_``) re-acquires it: compiled with Cython 3, those
helpers check for exceptions. GiNZA's NER has 758 moves (189 labels × B/I/L/U, O, missing), so
each token costs thousands of GIL acquisitions; ``perf`` puts 85% of NER time in ``take_gil``
and its mutexes, more when the process has a second thread (PERFORMANCE.md's "a second thread
slows NER by 25-40%"). The model's arithmetic is a few per cent.

``run_ner`` takes the same decisions with the same numbers:

- the state features are spaCy's (``set_context_tokens`` for NER: the first buffer token, the
  open entity's first token, the token before the buffer while an entity is open);
- the hidden layer is spaCy's own ``precompute_hiddens`` (its C feature sums and maxout) and the
  output layer the same blis ``sgemm`` the greedy loop calls, plus the bias;
- the valid moves follow ``ner.pyx`` (``Begin``/``In``/``Last``/``Unit``/``Out.is_valid``):
  preset entities (the domain ruler's) are forced, entities never cross a sentence start;
- the best valid move wins, the first on ties; classes the model never saw (the ruler's labels)
  lose to every seen class, as spaCy sets them to the batch minimum;
- every move is applied through spaCy's ``apply_transition`` (which re-checks it) and the
  entities are written by spaCy's ``set_annotations``.

tests/test_ginza_ner.py compares it with spaCy's loop on every stored parse; a change of spaCy's
version must be checked again (the parse fingerprint includes it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy

if TYPE_CHECKING:
    from spacy.tokens import Doc

MISSING, BEGIN, IN, LAST, UNIT, OUT = range(6)
_CODES = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT, "O": OUT}
# spaCy gives unseen classes the batch's lowest score: below every seen one, above no move.
_UNSEEN = numpy.float32(-1e30)
PRESET_I, PRESET_O, PRESET_B = 1, 2, 3


@dataclass(frozen=True)
class _Moves:
    """The transition system's moves as arrays: action, label hash, name (spaCy's order)."""

    action: numpy.ndarray
    label: numpy.ndarray
    names: tuple[str, ...]

    @classmethod
    def of(cls, ner: Any) -> _Moves:
        strings = ner.vocab.strings
        actions, labels, names = [], [], []
        for k in range(ner.moves.n_moves):
            name = ner.moves.get_class_name(k)
            move, _, label = name.partition("-")
            actions.append(_CODES.get(move, MISSING))
            labels.append(strings[label] if label else 0)
            names.append(name)
        return cls(numpy.array(actions), numpy.array(labels, dtype=numpy.uint64), tuple(names))

    def kind(self, action: int, *, labelled: bool = True) -> numpy.ndarray:
        """Mask of the moves of ``action`` with a label (or without one)."""
        has_label = self.label != 0
        mask: numpy.ndarray = (self.action == action) & (has_label if labelled else ~has_label)
        return mask


@dataclass(frozen=True)
class _Tokens:
    """What the validity rules read of a document's tokens (C ``TokenC`` fields)."""

    iob: list[int]
    label: list[int]
    sent_start: list[bool]
    space: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> _Tokens:
        return cls(
            iob=[t.ent_iob for t in doc],
            label=[t.ent_type for t in doc],
            sent_start=[t.is_sent_start is True for t in doc],
            space=[t.is_space for t in doc],
        )

    def next_iob(self, i: int) -> int:
        """``B_(1).ent_iob``: 0 past the end (spaCy's empty token)."""
        return self.iob[i + 1] if i + 1 < len(self.iob) else 0

    def next_starts(self, i: int) -> bool:
        """``B_(1).sent_start == 1``."""
        return i + 1 < len(self.iob) and self.sent_start[i + 1]


class _Decoder:
    """Masks of valid moves for one state, by the rules of spaCy's ner.pyx."""

    def __init__(self, moves: _Moves) -> None:
        self.moves = moves
        self.begin = moves.kind(BEGIN)
        self.inside = moves.kind(IN)
        self.last = moves.kind(LAST)
        self.unit = moves.kind(UNIT)
        self.out = moves.action == OUT
        self.blocked_unit = moves.kind(UNIT, labelled=False)

    def closed(self, toks: _Tokens, i: int) -> numpy.ndarray:
        """No entity open: Begin, Unit, Out."""
        iob, nxt, n_left = toks.iob[i], toks.next_iob(i), len(toks.iob) - i
        same = self.moves.label == toks.label[i]
        valid = numpy.zeros(len(self.out), dtype=bool)
        if iob == PRESET_B:
            if n_left >= 2 and nxt == PRESET_I:
                valid |= self.begin & same
            if nxt != PRESET_I:
                valid |= self.unit & same
        else:
            if iob != PRESET_I and n_left >= 2 and nxt != PRESET_B and not toks.next_starts(i) and not toks.space[i]:
                valid |= self.begin
            if nxt != PRESET_I and not toks.space[i]:
                valid |= self.unit
            if iob != PRESET_I:
                valid |= self.out
        return self._blocked(valid, toks, i)

    def opened(self, toks: _Tokens, i: int, label: int) -> numpy.ndarray:
        """An entity of ``label`` open: In or Last of that label."""
        iob, nxt = toks.iob[i], toks.next_iob(i)
        same = self.moves.label == label
        valid = numpy.zeros(len(self.out), dtype=bool)
        if self._may_continue(toks, i, label):
            valid |= self.inside & same
        if iob == PRESET_I and nxt != PRESET_I:
            valid |= self.last & (self.moves.label == toks.label[i])  # the preset's label, forced
        elif nxt != PRESET_I:
            valid |= self.last & same
        return self._blocked(valid, toks, i)

    @staticmethod
    def _may_continue(toks: _Tokens, i: int, label: int) -> bool:
        iob, nxt = toks.iob[i], toks.next_iob(i)
        if len(toks.iob) - i < 2 or iob == PRESET_B or nxt == PRESET_B:
            return False
        if iob == PRESET_I:
            return nxt not in (0, PRESET_O) and label == toks.label[i]
        return not toks.next_starts(i)

    def _blocked(self, valid: numpy.ndarray, toks: _Tokens, i: int) -> numpy.ndarray:
        # Unit with no label: only on a preset "blocked" token (checked before anything else)
        if toks.label[i] == 0 and toks.iob[i] == PRESET_B:
            valid |= self.blocked_unit
        return valid


def _best(scores: numpy.ndarray, valid: numpy.ndarray) -> int:
    """The first highest-scoring valid move (spaCy's ``arg_max_if_valid``)."""
    k = int(numpy.where(valid, scores, -numpy.inf).argmax())
    if not valid[k]:
        raise RuntimeError("no valid NER move: the decoder and spaCy's rules disagree")
    return k


@dataclass
class _Scorer:
    """Scores of the NER model's moves for feature triples, as spaCy's greedy loop computes them."""

    step: Any
    weights: numpy.ndarray
    bias: numpy.ndarray
    unseen: numpy.ndarray

    @classmethod
    def of(cls, ner: Any, docs: Sequence[Doc]) -> _Scorer:
        step = ner.model.predict(list(docs))
        upper = step.vec2scores
        return cls(step, upper.get_param("W"), upper.get_param("b"), step._class_mask == 0)

    def __call__(self, ids: numpy.ndarray) -> numpy.ndarray:
        from blis.py import gemm

        hidden = self.step.state2vec.begin_update(numpy.ascontiguousarray(ids, dtype="i"))[0]
        scores: numpy.ndarray = gemm(numpy.ascontiguousarray(hidden), self.weights, trans2=True, beta=0.0)
        scores += self.bias
        scores[:, self.unseen] = _UNSEEN
        return scores


def _decode(ner: Any, doc: Doc, state: Any, offset: int, scorer: _Scorer, decoder: _Decoder) -> None:
    """Walk one document's buffer, applying the best valid move at each token."""
    toks = _Tokens.of(doc)
    n = len(doc)
    ids = numpy.full((n, 3), -1, dtype="i")
    ids[:, 0] = numpy.arange(offset, offset + n, dtype="i")
    closed = scorer(ids)  # no entity open: features (B0, -, -) for every token at once
    moves = decoder.moves
    start, label = -1, 0
    for i in range(n):
        if start < 0:
            k = _best(closed[i], decoder.closed(toks, i))
        else:
            row = scorer(numpy.array([[offset + i, offset + start, offset + i - 1]], dtype="i"))[0]
            k = _best(row, decoder.opened(toks, i, label))
        ner.moves.apply_transition(state, moves.names[k])
        action = moves.action[k]
        if action == BEGIN:
            start, label = i, int(moves.label[k])
        elif action in (LAST, UNIT):
            start, label = -1, 0


def run_ner(ner: Any, docs: Sequence[Doc], batch_size: int) -> None:
    """Set the entities of ``docs`` as ``ner.pipe(docs, batch_size=batch_size)`` would.

    The documents are grouped as spaCy's parser groups them (sorted by length, sub-batches of a
    quarter of ``batch_size``), so the model sees the same batches.
    """
    by_length = sorted(docs, key=len)
    size = max(batch_size // 4, 2)
    decoder: _Decoder | None = None
    for k in range(0, len(by_length), size):
        group = by_length[k : k + size]
        states = ner.moves.init_batch(group)
        if any(len(d) for d in group):
            ner._ensure_labels_are_added(group)
            if decoder is None or len(decoder.out) != ner.moves.n_moves:
                decoder = _Decoder(_Moves.of(ner))
            scorer = _Scorer.of(ner, group)
            offset = 0
            for doc, state in zip(group, states, strict=True):
                if len(doc):
                    _decode(ner, doc, state, offset, scorer, decoder)
                offset += len(doc)
            scorer.step.clear_memory()
        ner.set_annotations(group, states)


__all__ = ["run_ner"]
