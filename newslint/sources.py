"""Finding the files to lint and reading them: every failure becomes an InputError naming the file."""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from functools import partial

from newslint.digests import blake2b
from newslint.errors import InputError
from newslint.records import record

LINTED_SUFFIXES = (".txt", ".md", ".markdown", ".mdx", ".html", ".htm")
# Folders that hold no copy of a newsroom's own: dependencies and build output.
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "venv", "site-packages", "build", "dist"})
STDIN = "-"
UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_BINARY_SNIFF = 8192


@record(frozen=True)
class Source:
    """A decoded file: its text (without the BOM) and what is needed to write it back as it was:
    whether it had a BOM, and a digest of its bytes to tell whether it changed on disk since."""

    path: str  # as shown in findings: for standard input, "-" or the --stdin-filename
    text: str
    bom: bool = False
    digest: str = ""
    stdin: bool = False


def digest(data: bytes) -> str:
    return digest_of([data])


def digest_of(pieces: Iterable[bytes]) -> str:
    """digest() of the pieces' concatenation, computed as they come (a big file is not held)."""
    hashed = blake2b(digest_size=16)
    for piece in pieces:
        hashed.update(piece)
    return hashed.hexdigest()


def discover(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Files to lint, in a stable order: named files as given, folders walked for prose files;
    each once (`- -` reads standard input once, `copy copy/a.txt` lints a.txt once)."""
    seen: set[str] = set()
    for item in _discover(paths):
        if isinstance(item, InputError):
            yield item
            continue
        normal = os.path.normpath(item)
        if normal not in seen:
            seen.add(normal)
            yield item


def _discover(paths: Iterable[str]) -> Iterator[str | InputError]:
    for path in paths:
        if path == STDIN:
            yield path
        elif os.path.isdir(path):
            yield from _walk(path)
        elif not os.path.exists(path):
            yield InputError(path, "no such file or directory")
        elif _is_device(path):
            yield InputError(path, "not a regular file (a device)")
        else:
            yield path  # a file, or a pipe named on purpose: `newslint <(fetch-story)`


def _is_device(path: str) -> bool:
    mode = _mode(path)
    return mode is not None and (stat.S_ISCHR(mode) or stat.S_ISBLK(mode))


def _is_regular_file(entry: os.DirEntry) -> bool:
    """Whether a folder's entry is a regular file (a link: what it leads to), known from the
    folder's listing without a stat for most files; True for a dangling link, which read_source
    will say is missing."""
    try:
        if entry.is_file():
            return True
    except OSError:
        return True  # it cannot be looked at: read_source will say why
    return _mode(entry.path) is None  # a dangling link; anything else is no regular file


def _mode(path: str) -> int | None:
    try:
        return os.stat(path).st_mode
    except OSError:
        return None


def _walk(folder: str) -> Iterator[str]:
    """The prose files under a folder, as os.walk(folder) visits them (a folder's files, then
    its subfolders, each in name order; links to folders are not followed), from its listings."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:
        return  # a folder that cannot be listed is passed over, as os.walk does
    files, folders = [], []
    for entry in entries:
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        (folders if is_folder else files).append(entry)
    for entry in sorted(files, key=_name):
        name = entry.name
        # A pipe or device found in a folder is no story: reading it could block forever.
        if name.lower().endswith(LINTED_SUFFIXES) and not name.startswith(".") and _is_regular_file(entry):
            yield os.path.normpath(entry.path)
    for entry in sorted(folders, key=_name):
        name = entry.name
        if name.startswith(".") or name in SKIPPED_FOLDERS or name.endswith(".egg-info") or _is_link(entry):
            continue
        yield from _walk(entry.path)


def _name(entry: os.DirEntry) -> str:
    return entry.name


def _is_link(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False  # as os.path.islink


def _unreadable(path: str, error: OSError) -> InputError:
    """The one line that says why a file could not be read."""
    if isinstance(error, IsADirectoryError):
        return InputError(path, "is a directory")
    if isinstance(error, FileNotFoundError):
        return InputError(path, "no such file or directory")
    if isinstance(error, PermissionError):
        return InputError(path, "permission denied")
    return InputError(path, f"cannot read: {error.strerror or error}")


def read_source(path: str, stdin_filename: str | None = None, digested: bool = True) -> Source:
    """Read and decode one file (or standard input for "-", shown as stdin_filename if given).
    With digested=False its digest is left empty: only a file that --fix writes back needs it,
    and atomic.py refuses to write over a file whose digest does not match."""
    shown = (stdin_filename or path) if path == STDIN else path
    try:
        data = sys.stdin.buffer.read() if path == STDIN else _read_bytes(path)
    except OSError as error:
        raise _unreadable(path, error) from None
    try:
        return decode(shown, data, stdin=path == STDIN, digested=digested)
    except InputError as error:
        if path == STDIN:
            error.data = data
        raise


def read_source_up_to(path: str, most: int, digested: bool = True) -> Source | None:
    """read_source(path) of a file that holds at most `most` bytes; None for a larger one, known
    from the size of the opened file before any of it is read (it is to be read as it comes,
    see stream_text): no second look-up of the path for its size."""
    try:
        data = _read_bytes(path, most)
    except OSError as error:
        raise _unreadable(path, error) from None
    return None if data is None else decode(path, data, digested=digested)


def _read_bytes(path: str, most: int | None = None) -> bytes | None:
    """A file's bytes, as Path.read_bytes() reads them (to its end, whatever its size said: a
    pipe has none), without a Python file object around the descriptor; None when its size is
    more than `most` bytes."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):  # which open() refuses, and os.open does not
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        size = info.st_size
        if most is not None and size > most:
            return None
        first = os.read(descriptor, size + 1 if size else _PIPE_BLOCK)
        if len(first) == size and stat.S_ISREG(info.st_mode):
            # All the size told, and nothing after: at its end, with no read to tell so. A read
            # shorter than that is read on (Linux reads at most 2 GiB at a time; a signal or a
            # network file system may cut a read short), as is a pipe's.
            return first
        rest = list(iter(partial(os.read, descriptor, _PIPE_BLOCK), b"")) if first else []
    finally:
        os.close(descriptor)
    return b"".join([first, *rest]) if rest else first


_PIPE_BLOCK = 1 << 16  # bytes read at a time past what the size announced


def stream_text(path: str, chunk_end, block: int = 1 << 20) -> Iterator[str]:
    """A big UTF-8 file's text in consecutive chunks that each start a line, decoded as it is
    read: memory follows the chunk, not the file. `chunk_end(text)` says where a chunk of a
    longer text ends. Raises InputError as decode() does, whenever the problem comes."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    pending, consumed, lines = "", 0, 1  # consumed: bytes of the file given to the decoder so far
    try:
        with open(path, "rb") as handle:
            first = True
            while True:
                data = handle.read(block)
                if first:
                    if data.startswith(_UTF16_BOMS):
                        raise InputError(path, "encoded as UTF-16; newslint reads UTF-8")
                    if data.startswith(UTF8_BOM):
                        data, consumed = data[len(UTF8_BOM) :], len(UTF8_BOM)
                    first = False
                held = len(decoder.getstate()[0])  # the start of a character cut at the block's end
                try:
                    pending += decoder.decode(data, final=not data)
                except UnicodeDecodeError as error:
                    # error.object is the bytes held back from the block before, then this block.
                    line = lines + error.object.count(b"\n", 0, error.start)
                    raise _not_utf8(path, error.object[error.start], consumed - held + error.start, line) from None
                if "\x00" in pending:
                    raise InputError(path, "binary file (contains NUL bytes)")
                consumed += len(data)
                lines += data.count(b"\n")
                while len(pending) > 2 * block:
                    cut = chunk_end(pending)
                    yield pending[:cut]
                    pending = pending[cut:]
                if not data:
                    break
    except OSError as error:
        raise _unreadable(path, error) from None
    while pending:
        cut = chunk_end(pending) if len(pending) > block else len(pending)
        yield pending[:cut]
        pending = pending[cut:]


def _not_utf8(path: str, byte: int, offset: int, line: int) -> InputError:
    return InputError(path, f"not valid UTF-8 (byte 0x{byte:02x} on line {line}, at byte {offset})")


def decode(path: str, data: bytes, stdin: bool = False, digested: bool = True) -> Source:
    """UTF-8 with an optional BOM; anything else is refused with the reason. The digest of the
    bytes only if `digested` (see read_source)."""
    if data.startswith(_UTF16_BOMS):
        raise InputError(path, "encoded as UTF-16; newslint reads UTF-8")
    if data.find(b"\x00", 0, _BINARY_SNIFF) != -1:  # not `in data[:_BINARY_SNIFF]`: no copy
        raise InputError(path, "binary file (contains NUL bytes)")
    bom = data.startswith(UTF8_BOM)
    try:
        text = data[len(UTF8_BOM) if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + (len(UTF8_BOM) if bom else 0)
        raise _not_utf8(path, data[offset], offset, data.count(b"\n", 0, offset) + 1) from None
    if "\x00" in text:
        raise InputError(path, "binary file (contains NUL bytes)")
    return Source(path, text, bom, digest(data) if digested else "", stdin)
