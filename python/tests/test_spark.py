"""meelezer.spark on PySpark in local mode (local[2]): the records equal the command line's for
the same documents, and the facts have the documented columns. Skipped without pyspark (CI
installs it) or Java."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("no java", allow_module_level=True)

import meelezer  # noqa: E402
from meelezer import spark as ms  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def session():
    from pyspark.sql import SparkSession

    s = SparkSession.builder.master("local[2]").appName("meelezer-test").config("spark.ui.enabled", "false").getOrCreate()
    yield s
    s.stop()


def test_spark_records_equal_the_cli_and_facts_have_the_columns(session, tmp_path):
    path = tmp_path / "c.jsonl"
    subprocess.run(["cargo", "run", "--quiet", "--", "corpus", "synth", "--docs", "30", "--seed", "5", "-o", str(path)], cwd=ROOT, check=True)
    want = subprocess.run(
        ["cargo", "run", "--quiet", "--", "extract", str(path), "--gazetteer"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    want = {json.loads(l)["doc"]: json.loads(l) for l in want.splitlines()}
    rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines()]
    df = session.createDataFrame(rows).repartition(3)
    records = ms.extract(df, text_col="text", doc_col="doc", gazetteer=True)
    got = {r["doc"]: json.loads(r["record"]) for r in records.collect()}
    assert got == want
    facts = ms.facts(records)
    assert facts.columns == list(meelezer.FACT_COLUMNS)
    n = sum(len(op["facts"]) for r in want.values() for op in r["operations"])
    assert facts.count() == n
    assert dict(facts.dtypes)["main"] == "boolean"


def test_rdd_pipe_runs_the_binary_unchanged(session, tmp_path):
    """The plain-CLI route: `extract -` on each partition's lines gives the CLI's records."""
    path = tmp_path / "c.jsonl"
    subprocess.run(["cargo", "run", "--quiet", "--", "corpus", "synth", "--docs", "12", "--seed", "8", "-o", str(path)], cwd=ROOT, check=True)
    binary = ROOT / "target" / "debug" / "meelezer"
    lines = path.read_text(encoding="utf-8").splitlines()
    want = subprocess.run([str(binary), "extract", str(path), "--gazetteer"], check=True, capture_output=True, text=True).stdout.splitlines()
    got = session.sparkContext.parallelize(lines, 3).pipe(f"{binary} extract - --gazetteer --threads 1").collect()
    assert sorted(got) == sorted(want)
    assert len(got) == len(lines)


def test_spark_merge_equals_the_cli(session):
    """`meelezer.spark.merge` (Spark's group-by) gives the CLI's merge, row for row."""
    files = [ROOT / "gold/dev.jsonl", ROOT / "gold/dev2.jsonl", ROOT / "gold/seeds.jsonl"]
    out = subprocess.run(["cargo", "run", "--quiet", "--", "merge", *map(str, files)], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    want = set()
    for line in out.splitlines():
        s = json.loads(line)
        for slot in s["slots"]:
            for v in slot["values"]:
                value = v["value"]
                value = value if isinstance(value, str) else (str(int(value)) if float(value).is_integer() else str(value))
                per = None if slot["per_months"] is None else str(slot["per_months"])
                want.add((s["service"], slot["slot"], value, slot["unit"], slot["what"], slot["where"], per, v["articles"], v["first_date"], v["last_date"]))
    lines = [l for f in files for l in f.read_text(encoding="utf-8").splitlines() if l.strip()]
    df = session.createDataFrame([(l,) for l in lines], "record string").repartition(3)
    merged = ms.merge(df)
    assert tuple(merged.columns) == ms.MERGE_SPARK_COLUMNS
    got = {tuple(r) for r in merged.collect()}
    assert got == want
