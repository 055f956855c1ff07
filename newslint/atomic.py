"""Writing a fixed file back without ever leaving it half-written or clobbering a newer version."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import suppress
from pathlib import Path

from newslint.errors import InputError
from newslint.sources import UTF8_BOM, Source, digest


def write_fixed(source: Source, text: str) -> None:
    """Replace source.path by text, encoded as the file was (UTF-8, with its BOM if it had one).

    The new content goes to a temporary file in the same folder, which is flushed, synced and
    renamed over the original: a reader sees the old file or the new one, never a mixture. A
    file that changed on disk since it was read is left alone. Permissions are kept, and a
    symbolic link keeps pointing at the file it pointed at.
    """
    path = os.path.realpath(source.path)
    data = (UTF8_BOM if source.bom else b"") + text.encode("utf-8")
    try:
        if digest(Path(path).read_bytes()) != source.digest:
            raise InputError(source.path, "changed on disk while it was being fixed; not written")
        folder, name = os.path.split(path)
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".newslint")
    except OSError as error:
        raise InputError(source.path, f"cannot write the fixes: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException as error:
        with suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            problem = f"cannot write the fixes: {error.strerror or error}; the file is unchanged"
            raise InputError(source.path, problem) from None
        raise
    _sync_folder(os.path.dirname(path))


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (POSIX); best effort where folders cannot be opened."""
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
