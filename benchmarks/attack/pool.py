"""Work spread over processes, a few tasks in flight at a time (the tasks can be large)."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor


def run_tasks(
    function: Callable, tasks: Iterable, jobs: int, initializer: Callable, initargs: tuple
) -> Iterator:
    """``function(task)`` for each task, in order: in this process when ``jobs`` is 1, else in
    ``jobs`` fresh processes, each started by ``initializer(*initargs)``."""
    if jobs <= 1:
        initializer(*initargs)
        yield from (function(task) for task in tasks)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, context, initializer=initializer, initargs=initargs) as pool:
        pending: deque[Future] = deque()
        for task in tasks:
            pending.append(pool.submit(function, task))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
