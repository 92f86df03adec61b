"""Parse files on a Dask cluster and write JSON Lines and Parquet.

Needs the Dask extra: pip install "articlekit[dask]".  Here the cluster is a local one with
two worker processes; on a real cluster, connect the Client to its scheduler instead
(Client("tcp://scheduler:8786")) and pass paths every worker can read.

Run: python examples/dask_job.py [OUTDIR]   (default: ./dask-output)
"""

from __future__ import annotations

import sys
from pathlib import Path

from distributed import Client, LocalCluster

from articlekit.dask import read_articles, to_jsonl, to_parquet

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("dask-output")
    paths = [str(p) for p in sorted((HERE / "pages").iterdir())]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster):
        bag = read_articles(paths)
        files = to_jsonl(bag, out / "articles")
        to_parquet(bag, out / "articles.parquet")
    print(f"wrote {len(files)} JSON Lines files and a Parquet dataset under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
