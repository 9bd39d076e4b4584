"""The Python API against the command line: the same records, the same scores, clear errors.
Run from the repository root after `pip install ./python` (the binary is built by cargo)."""

import json
import subprocess
from pathlib import Path

import pytest

import meelezer

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def cli(*args, stdin=None):
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--", *args], cwd=ROOT, input=stdin, capture_output=True, text=True, check=True
    )
    return out.stdout


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "c.jsonl"
    cli("corpus", "synth", "--docs", "40", "--seed", "3", "-o", str(path))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()], path


@pytest.fixture(scope="module", params=["gazetteer", "model", "model-options"])
def setup(request):
    if request.param == "gazetteer":
        return meelezer.Pipeline(gazetteer=True), ["--gazetteer"]
    if meelezer.default_model() is None:
        pytest.skip("no models/ner")
    if request.param == "model-options":
        # the decoding switches reach the library as the command line's flags do
        return meelezer.Pipeline(viterbi=False, type_agreement=False), ["--argmax", "--no-type-agreement"]
    return meelezer.Pipeline(), []


def test_extract_many_equals_the_cli(setup, corpus, tmp_path):
    nlp, flags = setup
    items, path = corpus
    want = [json.loads(line) for line in cli("extract", str(path), *flags).splitlines()]
    got = nlp.extract_many([(d["doc"], d["text"]) for d in items])
    assert got == want
    # dicts, another thread count: the same records
    assert nlp.extract_many(items, threads=1) == want
    # one article alone is the CLI's record of that article alone
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps(items[0]) + "\n", encoding="utf-8")
    assert nlp.extract(items[0]["text"], doc=items[0]["doc"]) == json.loads(cli("extract", str(one), *flags))


def test_tag_equals_the_cli(setup):
    nlp, flags = setup
    text = SEEDS[0].read_text(encoding="utf-8")
    assert nlp.tag(text, date="2021-03") == json.loads(cli("tag", "--date", "2021-03", *flags, stdin=text))


def test_evaluate_equals_eval_json(tmp_path):
    nlp = meelezer.Pipeline(gazetteer=True)
    pred = [nlp.extract(p.read_text(encoding="utf-8"), doc=p.stem) for p in SEEDS]
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in pred), encoding="utf-8")
    want = json.loads(cli("eval", "--gold", "gold/seeds.jsonl", "--pred", str(pred_path), "--json"))
    assert meelezer.evaluate(ROOT / "gold/seeds.jsonl", pred) == want
    assert meelezer.evaluate(str(ROOT / "gold/seeds.jsonl"), str(pred_path)) == want


def test_facts_table_has_the_documented_columns():
    table = meelezer.facts_table(ROOT / "gold/seeds.jsonl")
    assert list(table.columns) == ["doc", "service", "main", "slot", "value", "unit", "what", "qualifier", "where", "per_months"]
    assert table["main"].dtype == bool and len(table) > 0
    csv_rows = cli("facts", "gold/seeds.jsonl").splitlines()
    assert len(table) == len(csv_rows) - 1


def test_bad_input_raises_meelezer_error(tmp_path):
    nlp = meelezer.Pipeline(gazetteer=True)
    assert issubclass(meelezer.Error, ValueError)
    with pytest.raises(meelezer.Error, match="empty"):
        nlp.extract("   ", doc="blank")
    with pytest.raises(meelezer.Error, match="item 1"):
        nlp.extract_many([("a", "Een tekst."), ("b", "")])
    with pytest.raises(meelezer.Error, match="item 0"):
        nlp.extract_many([{"doc": "a"}])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "x",\n', encoding="utf-8")
    with pytest.raises(meelezer.Error, match=r"bad.jsonl:1: malformed JSON"):
        meelezer.evaluate(bad, ROOT / "gold/seeds.jsonl")
    with pytest.raises(meelezer.Error, match="<pred>:1"):
        meelezer.evaluate(ROOT / "gold/seeds.jsonl", [{"doc": 3}])
    with pytest.raises(meelezer.Error, match="YYYY-MM"):
        nlp.tag("De politie.", date="2023-13")
    with pytest.raises(meelezer.Error, match="not a model folder"):
        meelezer.Pipeline(model=tmp_path)


def cli_merge_rows(*paths):
    """`meelezer merge` of `paths` flattened to the rows of :func:`meelezer.merge`."""
    out = cli("merge", *[str(p) for p in paths])
    rows = []
    for line in out.splitlines():
        s = json.loads(line)
        for slot in s["slots"]:
            for v in slot["values"]:
                value = v["value"]
                rows.append({
                    "service": s["service"], "slot": slot["slot"],
                    "value": value if isinstance(value, str) else (str(int(value)) if float(value).is_integer() else str(value)),
                    "unit": slot["unit"], "what": slot["what"], "where": slot["where"], "per_months": slot["per_months"],
                    "articles": v["articles"], "first_date": v["first_date"], "last_date": v["last_date"],
                    "top": v["top"], "update": v["update"], "outlier": v["outlier"],
                })
    return rows


def test_merge_equals_the_cli():
    pytest.importorskip("pandas")
    files = [ROOT / "gold/dev.jsonl", ROOT / "gold/dev2.jsonl", ROOT / "gold/seeds.jsonl"]
    want = cli_merge_rows(*files)
    records = [json.loads(l) for f in files for l in f.read_text(encoding="utf-8").splitlines() if l.strip()]
    table = meelezer.merge(records)
    assert list(table.columns) == list(meelezer.MERGE_COLUMNS)
    got = [{k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()} for row in table.to_dict("records")]
    for row in got:
        row["per_months"] = None if row["per_months"] is None else int(row["per_months"])
        row["articles"] = int(row["articles"])
    assert got == want
    assert len(want) > 100 and any(r["articles"] > 1 for r in want)
