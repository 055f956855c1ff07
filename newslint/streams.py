"""Standard streams as the shell may leave them: closed (`<&-`, `>&-`, `2>&-`) or full (/dev/full).

Python sets a closed stream to None, so any use of it would crash; a full one fails on write, or
at exit when the last buffer is flushed. Here a closed input or output becomes a stream whose use
fails with a clear OSError (the file or report that needed it is then an error, exit 2), a closed
error stream swallows what is said, and saying something on a failing error stream never
changes the outcome of the run.
"""

from __future__ import annotations

import errno
import io
import os
import sys


class _Closed(io.RawIOBase):
    """A standard stream the shell closed: reading or writing it fails, naming it."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        raise OSError(errno.EBADF, f"standard {self.name} is closed")

    def write(self, data) -> int:  # type: ignore[override]
        raise OSError(errno.EBADF, f"standard {self.name} is closed")


def open_standard_streams() -> None:
    """Stand-ins for the standard streams the shell closed."""
    if sys.stdin is None:
        sys.stdin = io.TextIOWrapper(io.BufferedReader(_Closed("input")), encoding="utf-8")
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_Closed("output")), encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the whole run


def say(text: str) -> None:
    """One line on standard error, control characters and undecodable bytes escaped; a closed or
    full error stream is no reason to stop."""
    from newslint.output import printable

    try:
        sys.stderr.write(printable(text) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def discard_standard_output() -> None:
    """After standard output failed (a reader that left, a full disk): send what is still
    buffered nowhere, so that the interpreter's last flush cannot fail too."""
    try:
        descriptor = os.open(os.devnull, os.O_WRONLY)
        os.dup2(descriptor, sys.stdout.fileno())
        os.close(descriptor)
    except (OSError, ValueError, io.UnsupportedOperation):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the rest of the run
