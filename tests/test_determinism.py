"""No shared state, deterministic output (reliability requirements R19, R20)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import lxml

import articlekit as ak
from corpus import corpus_pages

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "text" / "reference.txt"


def _inputs() -> list[bytes]:
    pages = corpus_pages("scrapinghub-dev", 12)
    data = [gzip.decompress(p.read_bytes()) for p in pages]
    data.append(SEED.read_bytes())
    return data


def _parse_all(inputs: list[bytes]) -> list[str]:
    return [ak.to_json(ak.parse(data)) for data in inputs]


def test_eight_threads_give_the_same_results_as_one():
    inputs = _inputs() * 2
    sequential = _parse_all(inputs)
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(lambda d: ak.to_json(ak.parse(d)), inputs))
    assert threaded == sequential


SCRIPT = """
import sys, gzip, hashlib, articlekit
from pathlib import Path
digest = hashlib.sha256()
for name in sys.argv[1:]:
    data = Path(name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    digest.update(articlekit.to_json(articlekit.parse(data)).encode())
print(digest.hexdigest())
"""


def test_byte_identical_json_across_processes_and_hash_seeds():
    files = [str(p) for p in corpus_pages("scrapinghub-dev", 8)] + [str(SEED)]
    digests = set()
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        out = subprocess.run([sys.executable, "-c", SCRIPT, *files], env=env, capture_output=True, text=True, check=True)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_lxml_floor():
    # lxml before 6.1.3 resolved external parameter entities (reliability requirement R21).
    version = tuple(int(part) for part in lxml.__version__.split(".")[:3])
    assert version >= (6, 1, 3)
