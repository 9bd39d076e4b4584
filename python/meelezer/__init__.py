"""meelezer for Python: the pipeline that reads Dutch news about cracked encrypted-phone
services and writes operation records, its evaluator, and the records as a table of facts.

    import meelezer
    nlp = meelezer.Pipeline()                      # the shipped model, loaded once
    record = nlp.extract(text, doc="a1")           # what `meelezer extract` writes, parsed
    records = nlp.extract_many([("a1", t1), ("a2", t2)])
    scores = meelezer.evaluate("gold.jsonl", records)
    table = meelezer.facts_table(records)          # pandas: one row per fact

Threads: importing the package sets ``RAYON_NUM_THREADS=1`` for this process (the model's
matrix products then stay on the worker that calls them) and sizes meelezer's own pool to the
value that variable had, else to the cores: the command line's one thread budget.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence, Tuple, Union

_budget = os.environ.get("RAYON_NUM_THREADS", "")
os.environ["RAYON_NUM_THREADS"] = "1"

from . import _native  # noqa: E402  (after the thread budget is set)

_native.claim_threads(int(_budget) if _budget.isdigit() else 0)

Error = _native.Error
FACT_COLUMNS: Tuple[str, ...] = tuple(_native.FACT_COLUMNS)

__all__ = ["Pipeline", "Error", "evaluate", "facts_table", "fact_rows", "merge", "MERGE_COLUMNS", "FACT_COLUMNS", "default_model"]

#: The columns of :func:`merge`'s table.
MERGE_COLUMNS: Tuple[str, ...] = (
    "service", "slot", "value", "unit", "what", "where", "per_months",
    "articles", "first_date", "last_date", "top", "update", "outlier",
)

PathLike = Union[str, "os.PathLike[str]"]
Records = Union[PathLike, Iterable[Mapping[str, Any]]]


def default_model() -> Optional[Path]:
    """The model ``Pipeline()`` loads: ``$MEELEZER_MODEL``, else ``models/ner`` in the current
    folder, else the one in the checkout this package was built from; ``None`` if none exists."""
    env = os.environ.get("MEELEZER_MODEL")
    if env:
        return Path(env)
    here = Path("models/ner")
    if (here / "config.json").is_file():
        return here
    built = _native.checkout_model()
    return Path(built) if built else None


class Pipeline:
    """The pipeline, its model loaded once and reused by every call.

    ``Pipeline()`` uses the default model (:func:`default_model`); ``Pipeline(model="dir")`` a
    model folder; ``Pipeline(gazetteer=True)`` the word lists instead of a model. ``services``
    adds service tables (the format of ``src/data/services.jsonl``); ``viterbi=False`` is the
    command line's ``--argmax``, ``type_agreement=False`` its ``--no-type-agreement``, and
    ``all_sentences`` and ``precision`` (``"auto"``, ``"int8"``, ``"f32"``) are its
    ``--all-sentences`` and ``--precision``.
    """

    def __init__(
        self,
        model: Optional[PathLike] = None,
        *,
        gazetteer: bool = False,
        services: Sequence[PathLike] = (),
        viterbi: bool = True,
        all_sentences: bool = False,
        precision: str = "auto",
        type_agreement: bool = True,
    ) -> None:
        if gazetteer and model is not None:
            raise Error("give a model or gazetteer=True, not both")
        if precision not in ("auto", "int8", "f32"):
            raise Error(f"precision must be 'auto', 'int8' or 'f32', not {precision!r}")
        chosen = None if gazetteer else (Path(model) if model is not None else default_model())
        if chosen is not None and not (Path(chosen) / "config.json").is_file():
            raise Error(f"{chosen}: no config.json (not a model folder)")
        int8 = {"auto": None, "int8": True, "f32": False}[precision]
        self.model: Optional[Path] = Path(chosen) if chosen is not None else None
        self._native = _native.Pipeline(
            str(chosen) if chosen is not None else None,
            [str(s) for s in services],
            viterbi,
            all_sentences,
            int8,
            type_agreement,
        )

    @property
    def recognizer(self) -> str:
        """``"model+gazetteer"`` or ``"gazetteer"``."""
        return self._native.recognizer

    def extract(self, text: str, doc: str = "doc") -> dict:
        """The operation record of one article (``json.loads`` of the ``extract`` line)."""
        return json.loads(self._native.extract(_text(text, 0), str(doc)))

    def extract_many(self, items: Iterable[Any], threads: Optional[int] = None) -> list:
        """Records of many articles, in input order: ``(doc, text)`` pairs or dicts with
        ``doc`` and ``text``. The GIL is released while they run; ``threads`` gives the run a
        pool of its own (default: the package's pool)."""
        pairs = [_pair(item, i) for i, item in enumerate(items)]
        if threads is not None and (not isinstance(threads, int) or threads < 1):
            raise Error(f"threads must be a positive integer, not {threads!r}")
        return [json.loads(line) for line in self._native.extract_many(pairs, threads)]

    def tag(self, text: str, date: Optional[str] = None) -> dict:
        """Every annotation of one text, as ``meelezer tag`` prints it: sentences, tokens,
        entities, quantities, dates (byte offsets) and the record. ``date`` (``YYYY-MM`` or
        ``YYYY-MM-DD``) resolves relative dates."""
        return json.loads(self._native.tag(_text(text, 0), date))

    def __repr__(self) -> str:
        return f"meelezer.Pipeline(recognizer={self.recognizer!r}, model={str(self.model) if self.model else None!r})"


def evaluate(gold: Records, pred: Records) -> dict:
    """The scores ``meelezer eval --json`` prints. Each side is a JSON Lines path or a list of
    records (dicts, as ``extract`` returns them)."""
    g_path, g_lines = _records(gold)
    p_path, p_lines = _records(pred)
    return json.loads(_native.evaluate(g_path, g_lines, p_path, p_lines))


def fact_rows(records: Records) -> list:
    """One row (a list of strings, :data:`FACT_COLUMNS`) per fact; empty strings for absent
    fields."""
    path, lines = _records(records)
    return _native.fact_rows(path, lines)


def facts_table(records: Records):
    """The records as a pandas DataFrame, one row per fact: ``doc``, ``service``, ``main``
    (bool), ``slot``, ``value``, ``unit``, ``what``, ``qualifier``, ``where``,
    ``per_months`` (absent fields are ``None``; ``value`` stays text, as names and dates are
    values too). Needs pandas."""
    import pandas as pd

    rows = fact_rows(records)
    frame = pd.DataFrame(rows, columns=list(FACT_COLUMNS), dtype=object)
    frame = frame.replace({"": None})
    frame["main"] = frame["main"] == "true"
    return frame


def merge(records: Records):
    """``meelezer merge`` as a pandas DataFrame: one row per service, slot, value and where
    (:data:`MERGE_COLUMNS`), with how many articles state it, its first and last article date,
    and whether it is the slot's top value, an update or an outlier (the rules are the README's
    "Merging a corpus"). ``value`` stays text, as names and dates are values too. Needs pandas."""
    import pandas as pd

    path, lines = _records(records)
    rows = [json.loads(r) for r in _native.merge_rows(path, lines)]
    return pd.DataFrame(rows, columns=list(MERGE_COLUMNS))


def _text(text: Any, index: int) -> str:
    if not isinstance(text, str):
        raise Error(f"item {index}: text must be a str, not {type(text).__name__}")
    return text


def _pair(item: Any, index: int) -> Tuple[str, str]:
    if isinstance(item, Mapping):
        if "doc" not in item or "text" not in item:
            raise Error(f"item {index}: a dict needs 'doc' and 'text'")
        doc, text = item["doc"], item["text"]
    elif isinstance(item, (tuple, list)) and len(item) == 2:
        doc, text = item
    else:
        raise Error(f"item {index}: expected a (doc, text) pair or a dict with 'doc' and 'text'")
    return str(doc), _text(text, index)


def _records(records: Records) -> Tuple[Optional[str], Optional[list]]:
    if isinstance(records, (str, os.PathLike)):
        return os.fspath(records), None
    lines = []
    for i, r in enumerate(records):
        if isinstance(r, str):
            lines.append(r)
        elif isinstance(r, Mapping):
            lines.append(json.dumps(r, ensure_ascii=False))
        else:
            raise Error(f"record {i}: expected a dict (or a JSON line), not {type(r).__name__}")
    return None, lines
