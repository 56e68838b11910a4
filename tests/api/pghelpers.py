"""A real PostgreSQL server for the store tests: a throw-away cluster in a temporary folder.

``pg_cluster`` (session) runs ``initdb`` and ``pg_ctl start`` from the PostgreSQL server binaries
(``/usr/lib/postgresql/*/bin``, or ``RECONCILE_PG_BIN``), listening only on a unix socket inside that
folder (no TCP port at all), with durability off (fsync, synchronous_commit: a test cluster), and stops
it and removes the folder at the end: one cluster for the whole session, whichever modules use it.
A session killed before its teardown leaves its cluster behind; the next session stops and removes
it (the folder names its owner process; only clusters whose owner is gone are touched).  PostgreSQL refuses to run as root, so when the suite runs as
root (CI) the folder belongs to the ``postgres`` system user and the binaries run through ``runuser``.
``store_url`` gives each test a fresh store on it (a schema of its own), or a fresh SQLite file:
tests that take it run once per backend.  Skipped, saying why, only when the binaries are absent.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

START_TIMEOUT_S = 60


def find_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``: RECONCILE_PG_BIN, else the newest Debian one,
    else the PATH."""
    given = os.environ.get("RECONCILE_PG_BIN")
    candidates = [Path(given)] if given else []
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


@dataclass
class PgCluster:
    root: Path
    bin: Path
    user: str | None  # run the binaries as this user (when the suite runs as root)
    counter: itertools.count

    def run(self, *args: str) -> None:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=START_TIMEOUT_S + 30, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")

    def url(self, schema: str | None = None) -> str:
        url = f"postgresql://postgres@/postgres?host={self.root}"
        return url + (f"&options=-csearch_path%3D{schema}" if schema else "")

    def new_database(self) -> str:
        """The URL of a fresh, empty store: a schema of its own (first on the search path), which is as
        good as a database of its own to the store and far cheaper to make."""
        import psycopg

        name = f"t{next(self.counter)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        return self.url(name)


ROOT_PREFIX = "rpg-"
OWNER_FILE = "owner.pid"

# One cluster per test session, however many test modules import the fixture (each import is a
# fixture definition of its own, so each would otherwise start a cluster): shared, counted, and
# stopped when the last user is done.
_shared: dict[str, object] = {"cluster": None, "users": 0, "skip": None}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - someone else's live process
        return True
    return True


def _sweep_orphans(bin_dir: Path, user: str | None) -> None:
    """Stop and remove clusters left by test sessions that were killed before their teardown (their
    owner process is gone); a cluster without an owner file is never touched."""
    for root in Path(tempfile.gettempdir()).glob(ROOT_PREFIX + "*"):
        try:
            pid = int((root / OWNER_FILE).read_text())
        except (OSError, ValueError):
            continue
        if _alive(pid):
            continue
        cmd = [str(bin_dir / "pg_ctl"), "-D", str(root / "data"), "-m", "immediate", "-w", "-t", "30", "stop"]
        subprocess.run((["runuser", "-u", user, "--"] if user else []) + cmd, capture_output=True, timeout=60,
                       check=False)
        shutil.rmtree(root, ignore_errors=True)


def _start() -> PgCluster:
    folder = find_bin()
    if folder is None:
        raise LookupError("PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin, "
                          "RECONCILE_PG_BIN or PATH: the PostgreSQL backend is not tested here")
    user = None
    if os.geteuid() == 0:  # postgres will not run as root: it runs as the postgres user
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("running as root, and there is no 'postgres' user to run the PostgreSQL server as")
        user = "postgres"
    _sweep_orphans(folder, user)
    root = Path(tempfile.mkdtemp(prefix=ROOT_PREFIX, dir="/tmp"))  # short: a socket path has a 107-byte limit
    (root / OWNER_FILE).write_text(str(os.getpid()))
    if user:
        os.chown(root, account.pw_uid, account.pw_gid)
    cluster = PgCluster(root=root, bin=folder, user=user, counter=itertools.count(1))
    try:
        cluster.run("initdb", "-D", str(root / "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--locale=C", "--no-sync", "--no-instructions")
        cluster.run("pg_ctl", "-D", str(root / "data"), "-l", str(root / "server.log"), "-w", "-t",
                    str(START_TIMEOUT_S), "-o", f"-k {root} -c listen_addresses='' -c fsync=off "
                    "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60", "start")
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return cluster


def _stop(cluster: PgCluster) -> None:
    try:  # immediate: nothing in it is worth a clean shutdown, the folder goes next
        cluster.run("pg_ctl", "-D", str(cluster.root / "data"), "-m", "immediate", "-w", "-t", "30", "stop")
    finally:
        shutil.rmtree(cluster.root, ignore_errors=True)


@pytest.fixture(name="pg_cluster", scope="session")
def pg_cluster_fixture() -> Iterator[PgCluster]:
    if _shared["skip"]:
        pytest.skip(str(_shared["skip"]))
    if _shared["cluster"] is None:
        try:
            _shared["cluster"] = _start()
        except LookupError as why:
            _shared["skip"] = str(why)
            pytest.skip(str(why))
    _shared["users"] = int(_shared["users"]) + 1  # type: ignore[call-overload]
    try:
        yield _shared["cluster"]  # type: ignore[misc]
    finally:
        _shared["users"] = int(_shared["users"]) - 1  # type: ignore[call-overload]
        if _shared["users"] == 0 and _shared["cluster"] is not None:
            cluster, _shared["cluster"] = _shared["cluster"], None
            _stop(cluster)  # type: ignore[arg-type]


@pytest.fixture(name="store_url", params=["sqlite", "postgresql"])
def store_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a fresh, empty store: a SQLite file, or a new database on the test cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    return request.getfixturevalue("pg_cluster").new_database()
