"""meelezer on Spark: records and facts as DataFrames, one :class:`meelezer.Pipeline` per
executor process (the model is loaded once per Python worker, not per row or batch).

    from meelezer import spark as ms
    records = ms.extract(df, text_col="text", doc_col="doc")   # columns doc, record (JSON line)
    facts = ms.facts(records)                                  # one row per fact

The worker processes need the package installed (ship the wheel, e.g. ``spark-submit
--py-files`` does not carry native code: install it on the workers or use an archive of a
virtual environment) and the model folder at the same path (``model=...``) or in
``$MEELEZER_MODEL``. See README.md, "Scaling out".
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterator, Tuple

import meelezer

RECORD_SCHEMA = "doc string, record string"
FACTS_SCHEMA = ", ".join(
    f"{c} {'boolean' if c == 'main' else 'string'}" for c in meelezer.FACT_COLUMNS
)

# One pipeline per worker process and set of options.
_PIPELINES: Dict[Tuple, meelezer.Pipeline] = {}


def _pipeline(options: Dict[str, Any]) -> meelezer.Pipeline:
    key = tuple(sorted((k, str(v)) for k, v in options.items()))
    if key not in _PIPELINES:
        _PIPELINES[key] = meelezer.Pipeline(**options)
    return _PIPELINES[key]


def extract(df, text_col: str = "text", doc_col: str = "doc", **options):
    """A DataFrame of ``doc`` and ``record`` (the JSON line ``meelezer extract`` writes) for
    each row of ``df``; ``options`` as for :class:`meelezer.Pipeline` (``gazetteer=True``,
    ``model="dir"``, ...). Runs with ``mapInPandas``; a bad row raises ``meelezer.Error``."""
    import pandas as pd

    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        nlp = _pipeline(options)
        for batch in batches:
            items = list(zip(batch[doc_col].astype(str), batch[text_col]))
            records = nlp.extract_many(items)
            yield pd.DataFrame(
                {"doc": [d for d, _ in items], "record": [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records]}
            )

    return df.select(df[doc_col], df[text_col]).mapInPandas(run, schema=RECORD_SCHEMA)


def facts(records_df, record_col: str = "record"):
    """One row per fact of a DataFrame of records (as :func:`extract` returns), with the
    columns of :data:`meelezer.FACT_COLUMNS` (``main`` boolean, the rest strings, absent
    fields null)."""
    import pandas as pd

    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        for batch in batches:
            table = meelezer.facts_table([json.loads(r) for r in batch[record_col]])
            yield table.astype(object).where(table.notna(), None) if len(table) else pd.DataFrame(columns=list(meelezer.FACT_COLUMNS))

    return records_df.select(records_df[record_col]).mapInPandas(run, schema=FACTS_SCHEMA)


MERGE_SPARK_COLUMNS = ("service", "slot", "value", "unit", "what", "where", "per_months", "articles", "first_date", "last_date")


def merge(records_df, record_col: str = "record"):
    """:func:`meelezer.merge` with Spark's group-by, for corpora of any size: one row per
    service, slot, value, ``unit``, ``what``, ``where`` and ``per_months``, with how many
    articles state it (each article once) and its first and last article date. The columns are
    :func:`meelezer.merge`'s first ten (``top``, ``update`` and ``outlier`` need a whole group
    in order, so they stay with the single-machine merge)."""
    import pandas as pd
    from pyspark.sql import functions as F

    keys = ["service", "slot", "value", "unit", "what", "where", "per_months"]
    schema = ", ".join(f"{c} string" for c in ["doc", "date"] + keys)

    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        for batch in batches:
            records = [json.loads(r) for r in batch[record_col]]
            dates = {r["doc"]: r.get("date") for r in records}
            table = meelezer.facts_table(records)
            if not len(table):
                yield pd.DataFrame(columns=["doc", "date"] + keys)
                continue
            table["date"] = table["doc"].map(dates)
            table = table[["doc", "date"] + keys]
            yield table.astype(object).where(table.notna(), None)

    facts = records_df.select(records_df[record_col]).mapInPandas(run, schema=schema).dropDuplicates(["doc"] + keys)
    merged = facts.groupBy(*keys).agg(
        F.count("doc").alias("articles"), F.min("date").alias("first_date"), F.max("date").alias("last_date")
    )
    return merged.select(*MERGE_SPARK_COLUMNS)
