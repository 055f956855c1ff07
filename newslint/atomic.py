"""Writing a fixed file back without ever leaving it half-written or clobbering a newer version."""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import suppress

from newslint.errors import InputError
from newslint.sources import UTF8_BOM, Source, digest_of


def write_fixed(source: Source, text: str) -> None:
    """Replace source.path by text, encoded as the file was (UTF-8, with its BOM if it had one).

    The new content goes to a temporary file in the same folder, which is flushed, synced, given
    the original's owner, group and permissions, and renamed over the original: a reader sees the
    old file or the new one, never a mixture. Just before the rename the original is read again:
    if it changed since it was linted (an editor saved meanwhile), it is left alone. A file that
    is read-only, has other hard links (a new file would split them) or whose owner or group
    cannot be kept is not written, and the reason is given. A symbolic link keeps pointing at the
    file it pointed at.
    """
    path = os.path.realpath(source.path)
    try:
        original = os.stat(path)
        _check_writable(source.path, path, original)
        folder, name = os.path.split(path)
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".newslint")
    except OSError as error:
        raise InputError(source.path, f"cannot write the fixes: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(UTF8_BOM if source.bom else b"")
            for start in range(0, len(text), _PIECE):  # encoded piece by piece: no second copy of a big file
                handle.write(text[start : start + _PIECE].encode("utf-8"))
            handle.flush()
            _copy_owner_and_mode(source.path, handle.fileno(), original)
            os.fsync(handle.fileno())
        _check_unchanged(source, path)
        os.replace(temporary, path)
    except BaseException as error:
        with suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            problem = f"cannot write the fixes: {error.strerror or error}; the file is unchanged"
            raise InputError(source.path, problem) from None
        raise
    _sync_folder(os.path.dirname(path))


def _check_writable(shown: str, path: str, info: os.stat_result) -> None:
    """Refuse what a rename over the file would get wrong, before any work is done."""
    if not stat.S_ISREG(info.st_mode):
        raise InputError(shown, "not a regular file; not written")
    if not info.st_mode & 0o222:
        raise InputError(shown, "read-only; not written")
    if not os.access(path, os.W_OK):
        raise InputError(shown, "permission denied; not written")
    if info.st_nlink > 1:
        links = info.st_nlink - 1
        other = "another name" if links == 1 else f"{links} other names"
        raise InputError(
            shown, f"hard-linked to {other}; replacing it would leave them the old text, so it is not written"
        )


def _copy_owner_and_mode(shown: str, descriptor: int, original: os.stat_result) -> None:
    """The temporary file takes the original's owner and group (root fixing another user's file
    must not take it over), then its permissions (a change of owner clears set-id bits)."""
    current = os.fstat(descriptor)
    if hasattr(os, "fchown") and (current.st_uid, current.st_gid) != (original.st_uid, original.st_gid):
        try:
            os.fchown(descriptor, original.st_uid, original.st_gid)
        except PermissionError:
            whose = "its owner" if current.st_uid != original.st_uid else "its group"
            raise InputError(shown, f"{whose} cannot be kept by a new copy; not written") from None
    os.chmod(descriptor, stat.S_IMODE(original.st_mode))


_PIECE = 1 << 20
_SIGNATURE = ("st_dev", "st_ino", "st_size", "st_mtime_ns", "st_ctime_ns")


def _signature(info: os.stat_result) -> tuple[int, ...]:
    return tuple(getattr(info, field) for field in _SIGNATURE)


def _check_unchanged(source: Source, path: str) -> None:
    """The file at path still holds what was linted, read as late as possible: its content is
    compared, then its name checked to still lead to what was read, right before the rename."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        before = os.fstat(descriptor)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            current = digest_of(iter(lambda: handle.read(_PIECE), b""))
        after = os.fstat(descriptor)
    finally:
        os.close(descriptor)
    if current != source.digest or _signature(before) != _signature(after):
        raise InputError(source.path, "changed on disk while it was being fixed; not written")
    if _signature(os.stat(path)) != _signature(after):
        raise InputError(source.path, "changed on disk while it was being fixed; not written")


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (POSIX); best effort where folders cannot be opened."""
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
