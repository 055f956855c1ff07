"""Cache files that are data, never code, and are believed only when this user wrote them.

Whoever can write a cache folder (a shared checkout, a CI cache restored from another branch)
could otherwise decide what newslint reports, or what --fix writes. So an entry is plain JSON,
signed (keyed BLAKE2b) with a key kept in the user's own state folder, and bound to its name: an
entry whose signature does not hold, or that was copied under another name, is a miss. What a
valid entry says is still validated by its reader. Folders that are symbolic links or belong to
another user are not used, files are never opened through a link, and a write that fails (a full
disk) leaves no temporary file behind.
"""

from __future__ import annotations

import os
import stat
import sys
from contextlib import suppress
from functools import lru_cache

from newslint import digests, lazy_regex
from newslint.digests import blake2b

_CODE = os.path.dirname(os.path.realpath(__file__))  # the newslint package
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # larger is no entry newslint wrote: not read into memory
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO planted as an entry must not block the open


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of newslint's version and code, Python's version and the regex module's. The code
    counts by each file's size and modification time, as Python's own .pyc files judge whether
    they are stale: reading every module at each start-up would cost more than the rest of it."""
    from newslint import __version__

    digest = blake2b(f"newslint {__version__}\0{sys.version}\0regex {_regex_version()}\0".encode())
    for relative, info in sorted(_python_files(_CODE, "")):
        digest.update(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:32]


def _regex_version() -> str:
    """The regex module's files beside its C engine, by size and modification time: another
    version has others. Not its __version__, which would import the module (see lazy_regex.py)."""
    engine_file = getattr(lazy_regex.ENGINE, "__file__", None)
    if not engine_file:
        import regex

        return regex.__version__
    with os.scandir(os.path.dirname(engine_file)) as entries:
        files = sorted((entry.name, entry.stat()) for entry in entries if entry.is_file())
    return "".join(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\0" for name, info in files)


def _python_files(folder: str, prefix: str) -> list[tuple[str, os.stat_result]]:
    """(path relative to the package, stat) of every .py file under folder; not in the
    __pycache__ folders, which hold only compiled files (half the folders of an installed
    newslint)."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.endswith(".py") and entry.is_file():
                found.append((prefix + name, entry.stat()))
            elif name != "__pycache__" and entry.is_dir(follow_symlinks=False):
                found += _python_files(entry.path, f"{prefix}{name}/")
    return found


def state_folder() -> str:
    """Where the signing key lives: the user's state folder, not the caches it signs."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return os.path.join(base, "newslint")


def _is_own(info: os.stat_result) -> bool:
    return not hasattr(os, "geteuid") or info.st_uid == os.geteuid()


def own_folder(base: str | os.PathLike[str], *parts: str, create: bool = True) -> str | None:
    """base/parts..., each part made if missing (with `create`); None when one is missing, a link,
    not a folder, or another user's (the base itself is where the user asked the cache to be, and
    is made with its parents)."""
    if create:
        with suppress(OSError):
            os.makedirs(base, exist_ok=True)
    folder = os.fspath(base)
    for part in parts:
        folder = os.path.join(folder, part)
        if create:
            with suppress(OSError):
                os.mkdir(folder, 0o700)
        try:
            info = os.lstat(folder)
        except OSError:
            return None
        if not stat.S_ISDIR(info.st_mode) or not _is_own(info):
            return None
    return folder


def signing_key() -> bytes | None:
    """The user's key (made on first use, readable by the user alone); None when it cannot be
    made or read safely: then nothing is cached."""
    return _key_in(state_folder())


@lru_cache(maxsize=4)
def _key_in(folder: str) -> bytes | None:
    with suppress(OSError):
        os.makedirs(folder, 0o700, exist_ok=True)
    path = os.path.join(folder, "cache-key")
    with suppress(FileExistsError, OSError):
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        try:
            import secrets  # only when the key is made: start-up need not import it

            os.write(descriptor, secrets.token_hex(32).encode())
        finally:
            os.close(descriptor)
    read = _read_regular(path, 1024, private=True)
    return read[1] if read is not None and len(read[1]) == 64 else None


def _read_regular(
    path: str | os.PathLike[str], limit: int, private: bool = False, head: int = 0
) -> tuple[bytes, bytes] | None:
    """The bytes of a regular file, its first `head` bytes and the rest apart (a signature and
    what it signs: neither is copied out of the whole), opened without following a link; None
    otherwise, and when `private` and the file is not the user's alone (others could read a
    key, and sign with it)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        if private and (not _is_own(info) or info.st_mode & 0o077):
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            first = handle.read(head) if head else b""
            return first, handle.read(limit + 1 - len(first))
    except OSError:
        return None
    finally:
        os.close(descriptor)


def _signature(key: bytes, name: str, payload: bytes) -> bytes:
    return digests.signature(key, name.encode("utf-8", "surrogatepass") + b"\0", payload)


_SIGNATURE_LINE = 65  # an entry's first line: its signature (a BLAKE2b digest in hex) and "\n"


def read_entry(folder: str | os.PathLike[str], name: str) -> bytes | None:
    """The payload stored as `name` in folder, if this user's key signed it for that name."""
    key = signing_key()
    if key is None:
        return None
    read = _read_regular(os.path.join(folder, name), MAX_ENTRY_BYTES, head=_SIGNATURE_LINE)
    if read is None:
        return None
    line, payload = read
    if line[-1:] != b"\n" or not digests.same_digest(line[:-1], _signature(key, name, payload)):
        return None
    return payload


def write_entry(folder: str | os.PathLike[str], name: str, payload: bytes) -> None:
    """Store payload as `name`, signed, atomically; any failure only means no entry."""
    key = signing_key()
    if key is None:
        return
    write_atomically(os.path.join(folder, name), _signature(key, name, payload) + b"\n" + payload)


def write_atomically(target: str | os.PathLike[str], data: bytes) -> None:
    """target replaced by data through a temporary file in its folder, which is removed when the
    write fails (a full disk). Errors are swallowed: a cache that cannot be written costs time."""
    try:
        import tempfile  # only to write: a run that reads its caches need not import it

        descriptor, temporary = tempfile.mkstemp(
            dir=os.path.dirname(os.fspath(target)) or ".", prefix=".", suffix=".tmp"
        )
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)
    except BaseException as error:
        with suppress(OSError):
            os.unlink(temporary)
        if not isinstance(error, OSError):
            raise


def create_file(path: str | os.PathLike[str], text: str) -> None:
    """Write a new small file (a marker); an existing file or link is left as it is."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError:
        with suppress(OSError):
            os.unlink(path)
