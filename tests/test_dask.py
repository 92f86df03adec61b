"""The Dask extra: a LocalCluster of two worker processes writes what one process writes."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pandas as pd
import pytest
from distributed import Client, LocalCluster

import articlekit
from articlekit import Article, Paragraph, Text, to_json
from articlekit._batch import error_line, parse_many, result_line
from articlekit.dask import COLUMNS, read_articles, records, to_jsonl, to_parquet
from test_batch import build_warc, page

ROOT = Path(__file__).parent.parent
REFERENCE = ROOT / "examples" / "reference-article.json"


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for i in range(7):
        article = Article(title=f"Story {i}", body=[Paragraph([Text(f"Paragraph of story {i}.")])])
        path = folder / f"story{i}.json"
        path.write_text(to_json(article), encoding="utf-8")
        paths.append(path)
    (folder / "reference.json.gz").write_bytes(gzip.compress(REFERENCE.read_bytes()))
    (folder / "empty.json").write_bytes(b"")
    (folder / "broken.json").write_bytes(b"{")
    build_warc(folder / "crawl.warc.gz")
    (folder / "page.html").write_text(page("Council approves the tram", "Work starts in May."), encoding="utf-8")
    paths[3:3] = [folder / "reference.json.gz", folder / "empty.json", folder / "crawl.warc.gz", folder / "broken.json"]
    paths.append(folder / "page.html")
    return [str(p) for p in paths]


def _concatenated(files: list[str]) -> str:
    ordered = sorted(files, key=lambda f: int(Path(f).stem))
    return "".join(Path(f).read_text(encoding="utf-8") for f in ordered)


def _single_process(paths: list[str]) -> tuple[str, str]:
    results = list(parse_many(paths, jobs=0, to="json"))
    good = "".join(result_line(r, "json") + "\n" for r in results if r.ok)
    bad = "".join(error_line(r) + "\n" for r in results if not r.ok)
    return good, bad


def test_a_local_cluster_with_two_worker_processes_matches_one_process(tmp_path: Path, inputs: list[str]):
    expected_good, expected_bad = _single_process(inputs)
    assert expected_good.count("\n") == 12
    assert expected_bad.count("\n") == 2
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                     env=env) as cluster,
        Client(cluster) as client,
    ):
        bag = read_articles(inputs)
        good = to_jsonl(bag, tmp_path / "good")
        bad = to_jsonl(bag, tmp_path / "bad", errors=True)
        to_parquet(bag, tmp_path / "all.parquet")
        workers = client.run(os.getpid)
    assert len(set(workers.values())) == 2
    assert os.getpid() not in workers.values()
    assert _concatenated(good) == expected_good
    assert _concatenated(bad) == expected_bad
    frame = pd.read_parquet(tmp_path / "all.parquet")
    assert list(frame.columns) == list(COLUMNS)
    single = list(parse_many(inputs, jobs=0, to="json"))
    assert list(frame["input"]) == [r.name for r in single]
    assert list(frame["ok"]) == [r.ok for r in single]
    assert sum(name.startswith(inputs[5] + "#") for name in frame["input"]) == 3, "three pages from the WARC"
    parsed = [articlekit.from_json(c) for c in frame["content"] if isinstance(c, str)]
    assert parsed[3] == articlekit.from_json(REFERENCE.read_bytes())
    assert parsed[-1].title == "Council approves the tram"


def test_the_default_scheduler_gives_the_same_records(inputs: list[str]):
    bag = read_articles(inputs, to="json")
    assert bag.npartitions == len(inputs)
    assert bag.compute(scheduler="sync") == records(inputs)


def test_bad_arguments():
    with pytest.raises(articlekit.ValidationError):
        read_articles([])
    with pytest.raises(articlekit.UnknownFormatError):
        read_articles(["x.html"], to="docx")
    with pytest.raises(articlekit.UnknownFormatError):
        read_articles(["x.html"], format="pdf")


def test_the_pyspark_example_compiles_and_its_partition_function_works(tmp_path: Path):
    import importlib.util
    import py_compile

    from test_batch import build_warc

    example = ROOT / "examples" / "pyspark_warc.py"
    py_compile.compile(str(example), cfile=str(tmp_path / "example.pyc"), doraise=True)
    spec = importlib.util.spec_from_file_location("pyspark_warc", example)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # pyspark itself is imported only by main()
    build_warc(tmp_path / "crawl.warc.gz")
    (tmp_path / "junk.warc").write_bytes(b"not an archive")
    paths = [str(tmp_path / "crawl.warc.gz"), str(tmp_path / "junk.warc")]
    produced = list(module.parse_partition(iter(paths)))
    expected_good, expected_bad = _single_process(paths)
    assert [line for ok, line in produced if ok] == expected_good.splitlines()
    assert [line for ok, line in produced if not ok] == expected_bad.splitlines()
    assert len(expected_good.splitlines()) == 3
