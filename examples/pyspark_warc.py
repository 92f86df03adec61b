"""Parse the HTML pages of many WARC archives with PySpark (mapPartitions over archive paths).

Each Spark partition gets a few archive paths and runs ``articlekit.parse_many``
on them in the executor (``jobs=0``: Spark already spreads partitions over
processes and machines).  The output is the JSON Lines of ``articlekit batch``:
one text file per partition in OUT, plus the failed documents in OUT-errors.

Run it (pyspark and ``articlekit[warc]`` installed on the driver and every
executor; the archives on a file system every executor can read)::

    spark-submit examples/pyspark_warc.py OUT crawl-00000.warc.gz crawl-00001.warc.gz ...
    # or, locally:  python examples/pyspark_warc.py out/ data/*.warc.gz

The test suite byte-compiles this file; it does not need pyspark to be installed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator


def parse_partition(paths: Iterable[str]) -> Iterator[tuple[bool, str]]:
    """``(ok, line)`` for every HTML page in the archives of one partition."""
    from articlekit import parse_many

    for result in parse_many(list(paths), jobs=0, to="json"):
        yield (True, result.to_line("json")) if result.ok else (False, result.to_error_line())


def main(out: str, archives: list[str]) -> None:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("articlekit-warc").getOrCreate()
    lines = (
        spark.sparkContext.parallelize(archives, numSlices=len(archives))  # one archive per partition
        .mapPartitions(parse_partition)
        .cache()
    )
    lines.filter(lambda item: item[0]).map(lambda item: item[1]).saveAsTextFile(out)
    lines.filter(lambda item: not item[0]).map(lambda item: item[1]).saveAsTextFile(out.rstrip("/") + "-errors")
    spark.stop()


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: pyspark_warc.py OUT ARCHIVE.warc.gz [ARCHIVE.warc.gz ...]")
    main(sys.argv[1], sys.argv[2:])
