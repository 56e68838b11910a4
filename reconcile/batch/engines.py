"""Where the work runs: ``LocalEngine`` (this process, or a pool of processes on this machine)
and ``DaskEngine`` (a Dask cluster: a ``LocalCluster`` on 127.0.0.1, or a scheduler address).

Both map a function over a stream of tasks and yield results as they finish, with a bounded
number of tasks in flight, so inputs are read only as fast as they are processed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import chain, islice
from typing import Any, Protocol

from reconcile.errors import ConfigError


class Engine(Protocol):
    workers: int
    description: str
    #: CPU seconds spent inside tasks so far (summed over the processes that ran them)
    task_cpu: float

    def map(self, fn: Callable[..., Any], tasks: Iterable[Any], *args: Any) -> Iterator[Any]: ...

    def close(self) -> None: ...


def timed_call(fn: Callable[..., Any], task: Any, *args: Any) -> tuple[float, Any]:
    """``fn(task, *args)`` and the CPU seconds it took in the process that ran it."""
    t = time.process_time()
    result = fn(task, *args)
    return time.process_time() - t, result


def default_workers() -> int:
    """Processes for the local engine: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class LocalEngine:
    """This machine: in this process with one worker, else a process pool started on first need."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or default_workers()
        self.description = f"local, {self.workers} process{'es' if self.workers > 1 else ''}"
        self._pool: ProcessPoolExecutor | None = None
        self.task_cpu = 0.0

    def _done(self, timed: tuple[float, Any]) -> Any:
        cpu, result = timed
        self.task_cpu += cpu
        return result

    def map(self, fn: Callable[..., Any], tasks: Iterable[Any], *args: Any) -> Iterator[Any]:
        it = iter(tasks)
        head = list(islice(it, 2))
        if self.workers <= 1 or len(head) < 2:
            for task in chain(head, it):
                yield self._done(timed_call(fn, task, *args))
            return
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        pending: set[Future[Any]] = set()
        limit = 2 * self.workers
        try:
            for task in chain(head, it):
                pending.add(self._pool.submit(timed_call, fn, task, *args))
                if len(pending) >= limit:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for f in done:
                        yield self._done(f.result())
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    yield self._done(f.result())
        finally:
            for f in pending:
                f.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


class DaskEngine:
    """A Dask cluster: ``scheduler`` (``tcp://host:8786``) or, without one, a ``LocalCluster`` of
    ``workers`` single-threaded processes on 127.0.0.1.  Workers need this package installed."""

    def __init__(self, scheduler: str | None = None, workers: int = 2) -> None:
        try:
            import logging

            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError("--engine dask needs Dask: pip install 'reconcile[dask]'") from exc
        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="10s")
                where = scheduler
            else:
                self._cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                    dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR,
                )
                self.client = Client(self._cluster)
                where = "a local cluster on 127.0.0.1"
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ConfigError(f"cannot reach the Dask scheduler {scheduler or ''}: {exc}".replace("  ", " ")) from exc
        n = len(self.client.scheduler_info().get("workers", {}))
        self.workers = n or workers
        self.description = f"dask, {self.workers} workers on {where}"
        self.task_cpu = 0.0

    def map(self, fn: Callable[..., Any], tasks: Iterable[Any], *args: Any) -> Iterator[Any]:
        from dask.distributed import as_completed

        ac = as_completed()
        inputs: dict[str, Any] = {}
        limit = 3 * max(self.workers, 1)

        def finished(future: Any) -> Any:
            cpu, result = future.result()
            self.task_cpu += cpu
            future.release()
            inputs.pop(future.key).release()
            return result

        for task in tasks:
            # the task's data goes straight to a worker (not inside the task graph), and the task runs there
            [data] = self.client.scatter([task], hash=False)  # one future for the whole task
            future = self.client.submit(timed_call, fn, data, *args, pure=False)
            inputs[future.key] = data
            ac.add(future)
            if len(inputs) >= limit:
                yield finished(next(ac))
        for future in ac:
            yield finished(future)

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def make_engine(kind: str, *, workers: int | None = None, scheduler: str | None = None) -> Engine:
    if kind == "dask":
        return DaskEngine(scheduler, workers or 2)
    return LocalEngine(workers)
