"""Find the article files under folders: recursive, sorted, symlink loops caught, OUTDIR left out.

Yields ``FileEntry`` for each file to read and ``WalkProblem`` for each path that cannot be read
(symlink loops, broken links, FIFOs...); hidden names, files outside ``--glob``, duplicate paths
to the same file and excluded folders are skipped and counted in ``WalkCounts``.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from reconcile.ingest.readers import format_of


@dataclass(frozen=True)
class FileEntry:
    """One file to read: where to open it, its name in the outputs, and its fingerprint."""

    path: str
    rel: str
    fmt: str | None  # None: not an article file
    size: int
    mtime_ns: int

    @property
    def fingerprint(self) -> str:
        """Size and modification time: a changed file is read again on ``--resume``."""
        return f"{self.size}:{self.mtime_ns}"


@dataclass(frozen=True)
class WalkProblem:
    """A path that could not be walked or opened, with the reason."""

    rel: str
    error: str


@dataclass
class WalkCounts:
    """Paths skipped on purpose (not errors)."""

    hidden: int = 0
    not_matched: int = 0
    duplicate: int = 0
    excluded: int = 0
    extra: dict[str, int] = field(default_factory=dict)


def common_base(inputs: Sequence[str | Path]) -> Path:
    """The folder that ``article`` paths are relative to: the input folder, or the common parent.

    >>> str(common_base(["/news/a", "/news/b"]))
    '/news'
    """
    bases = [os.path.abspath(p) if os.path.isdir(p) else os.path.dirname(os.path.abspath(p)) for p in inputs]
    return Path(os.path.commonpath(bases))


def _matches(glob: str | None, name: str, rel: str) -> bool:
    if glob is None:
        return True
    if "/" in glob:
        return fnmatch.fnmatchcase(rel, glob) or PurePosixPath(rel).match(glob)
    return fnmatch.fnmatchcase(name, glob)


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop: the link resolves to itself"
    if exc.errno == errno.ENOENT:
        return "broken symlink: its target does not exist"
    return f"cannot read: {exc.strerror or exc}"


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """A folder, or a link to one; False for anything whose stat fails (a symlink loop is a file
    here, and ``os.stat`` reports it)."""
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


def walk_inputs(
    inputs: Sequence[str | Path],
    *,
    glob: str | None = None,
    exclude: Sequence[str | Path] = (),
    counts: WalkCounts | None = None,
) -> Iterator[FileEntry | WalkProblem]:
    """Every file under ``inputs`` (folders recursively, or files), in sorted order of ``rel``."""
    counts = counts if counts is not None else WalkCounts()
    base = common_base(inputs)
    excluded = {os.path.realpath(p) for p in exclude}
    seen_files: set[str] = set()
    seen_dirs: set[str] = set()

    def rel_of(path: str) -> str:
        return PurePosixPath(Path(os.path.relpath(path, base))).as_posix()

    def entry(path: str, name: str, *, explicit: bool) -> Iterator[FileEntry | WalkProblem]:
        rel = rel_of(path)
        if not explicit and not _matches(glob, name, rel):
            counts.not_matched += 1
            return
        try:
            st = os.stat(path)
        except OSError as exc:
            yield WalkProblem(rel, _why(exc))
            return
        if not stat.S_ISREG(st.st_mode):
            yield WalkProblem(rel, "not a regular file (a FIFO, socket or device); skipped")
            return
        real = os.path.realpath(path)
        if real in seen_files:
            counts.duplicate += 1
            return
        seen_files.add(real)
        yield FileEntry(path, rel, format_of(name), st.st_size, st.st_mtime_ns)

    def walk_dir(path: str, ancestors: tuple[str, ...]) -> Iterator[FileEntry | WalkProblem]:
        real = os.path.realpath(path)
        if real in excluded:
            counts.excluded += 1
            return
        if real in ancestors:
            yield WalkProblem(rel_of(path), f"symlink loop: points back to {rel_of(path)!r}'s own ancestor "
                              "folder; not followed")
            return
        if real in seen_dirs:
            counts.duplicate += 1
            return
        seen_dirs.add(real)
        try:
            with os.scandir(path) as it:
                names = sorted((e.name, _is_dir(e)) for e in it)
        except OSError as exc:
            yield WalkProblem(rel_of(path), _why(exc))
            return
        for name, is_dir in names:
            child = os.path.join(path, name)
            if name.startswith("."):
                counts.hidden += 1
                continue
            if is_dir:
                yield from walk_dir(child, (*ancestors, real))
            else:
                yield from entry(child, name, explicit=False)

    for item in sorted(str(p) for p in inputs):
        if os.path.isdir(item):
            yield from walk_dir(item, ())
        else:
            yield from entry(item, os.path.basename(item), explicit=True)
