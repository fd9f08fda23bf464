"""The Dask engine: the local engine's batches, run on the workers of a Dask cluster.

``dask.distributed`` rather than Dask's default multiprocessing scheduler: the same
code runs on a ``LocalCluster`` on this machine and, with ``--scheduler ADDRESS``, on
a cluster of many machines; it reports worker failures, and ``client.run`` lets the
client check every worker's code before any work is sent.

Inputs go to the workers as bytes inside the tasks (``FileTask``), so the workers
need the same newsline installed but no access to the client's files; the rows
come back as Arrow tables, one per partition, in input order.
"""

from __future__ import annotations

import logging
import math
import os
import sys

from ..errors import NewslineError
from . import Batch, FileTask, extract_batch, extractor_fingerprint

#: The most input files in one partition (one Dask task, one Parquet file of the dataset):
#: about a second of work, so the last partitions to finish keep every worker busy to the end.
PARTITION_FILES = 200
#: Partitions per worker when there are enough files: lets a fast worker take over a slow one's share.
PARTITIONS_PER_WORKER = 8
#: Seconds to wait for a scheduler to answer, and for ``--workers`` workers to join it.
CONNECT_TIMEOUT = 30


def plan(n_files: int, workers: int) -> list[tuple[int, int]]:
    """Consecutive ``(start, stop)`` ranges of the inputs, one per partition.

    Depends only on the number of files and workers, so a run is reproducible;
    the rows do not depend on it at all.
    """
    if n_files == 0:
        return []
    count = max(workers * PARTITIONS_PER_WORKER, math.ceil(n_files / PARTITION_FILES))
    count = max(1, min(n_files, count))
    bounds = [round(i * n_files / count) for i in range(count + 1)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def _client(scheduler: str | None, workers: int | None):
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise NewslineError(scheduler, f"no Dask scheduler answered ({exc.__class__.__name__})") from None
        if workers:
            try:
                client.wait_for_workers(workers, timeout=CONNECT_TIMEOUT)
            except TimeoutError:
                have = len(client.scheduler_info()["workers"])
                client.close()
                raise NewslineError(scheduler, f"{have} workers joined within {CONNECT_TIMEOUT} s, "
                                               f"not the {workers} asked for") from None
        return client, None
    cluster = LocalCluster(
        n_workers=workers or default_workers(),
        threads_per_worker=1,  # extraction is pure Python: one process per core, not threads
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster


def check_workers(client) -> int:
    """The number of workers, after checking each extracts with the client's code and data."""
    mine = extractor_fingerprint()
    theirs = client.run(extractor_fingerprint)
    if not theirs:
        raise NewslineError(client.scheduler.address, "the Dask cluster has no workers")
    different = sorted(worker for worker, fp in theirs.items() if fp != mine)
    if different:
        raise NewslineError(
            different[0],
            f"this Dask worker runs different newsline code or data ({len(different)} of {len(theirs)} "
            "workers); install the same version on every machine",
        )
    return len(theirs)


def run_batches(client, tasks: list[FileTask], published: str | None = None, progress: bool = True) -> list[Batch]:
    """Extract ``tasks`` on the client's cluster: one batch per partition of ``plan``, in order."""
    from distributed import as_completed
    from tqdm import tqdm

    workers = check_workers(client)
    ranges = plan(len(tasks), workers)
    futures = [
        client.submit(extract_batch, tasks[a:b], published, pure=False, key=f"newsline-extract-{i}-{os.urandom(4).hex()}")
        for i, (a, b) in enumerate(ranges)
    ]
    position = {f.key: i for i, f in enumerate(futures)}
    batches: list[Batch | None] = [None] * len(futures)
    with tqdm(total=len(tasks), unit="file", file=sys.stderr, disable=not progress or len(tasks) <= 3) as bar:
        for future in as_completed(futures):
            batch = future.result()
            batches[position[future.key]] = batch
            bar.update(len(batch.files))
            future.release()
    return batches  # type: ignore[return-value]


def run_dask(
    tasks: list[FileTask],
    published: str | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: bool = True,
) -> list[Batch]:
    """Extract on a new ``LocalCluster`` (``workers`` processes) or on the cluster at ``scheduler``."""
    if workers is not None and workers < 1:
        raise NewslineError("--workers", "needs at least 1 worker")
    client, cluster = _client(scheduler, workers)
    try:
        return run_batches(client, tasks, published, progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
