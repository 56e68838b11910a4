"""The batch job: folders of articles -> claims, groups and their CSVs, report and run summary.

``run_job(settings)`` drives it: the walk and the reads happen here, the per-article work
(decode, parse, extract claims) and the per-block grouping run on an engine (in this process,
a local process pool, or a Dask cluster), and a journal in OUTDIR makes the run resumable.
"""

from reconcile.batch.job import BatchResult, BatchSettings, run_job

__all__ = ["BatchResult", "BatchSettings", "run_job"]
