"""Reading a file (sources._read_bytes): its bytes as Path.read_bytes() reads them, from a regular
file or a pipe, read in blocks past what its size announced; and a file over a size limit is not
read at all (read_source_up_to: the runner streams it), told from the opened file's size."""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint import sources
from newslint.errors import InputError
from tests.kinds.fuzzing import fuzz

# Sizes around the block read past a size (a pipe announces none) and its multiples.
SIZES = st.one_of(
    st.integers(0, 300),
    st.integers(sources._PIPE_BLOCK - 3, sources._PIPE_BLOCK + 3),
    st.integers(2 * sources._PIPE_BLOCK - 2, 2 * sources._PIPE_BLOCK + 2),
)
CONTENTS = st.builds(lambda size, seed: bytes((seed + 7 * i) % 251 for i in range(size)), SIZES, st.integers(0, 250))


@fuzz(60)
@given(CONTENTS, st.integers(0, 3 * sources._PIPE_BLOCK))
def test_a_file_reads_as_path_read_bytes_reads_it_and_a_larger_one_not_at_all(data, most):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "story.txt")
        path.write_bytes(data)
        assert sources._read_bytes(str(path)) == path.read_bytes()
        assert sources._read_bytes(str(path), most) == (None if len(data) > most else path.read_bytes())


@fuzz(20)
@given(CONTENTS)
def test_a_pipe_reads_to_its_end(data):
    with tempfile.TemporaryDirectory() as folder:
        pipe = os.path.join(folder, "story.txt")
        os.mkfifo(pipe)
        writer = threading.Thread(target=Path(pipe).write_bytes, args=(data,))
        writer.start()
        try:
            assert sources._read_bytes(pipe, 10) == data  # a pipe's size says nothing: it is read
        finally:
            writer.join()


def test_read_source_up_to_decodes_as_read_source_and_fails_as_it_does(tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes(b"\xef\xbb\xbfThe minister arrived in Kiev.\n")
    assert sources.read_source_up_to(str(story), 100, digested=True) == sources.read_source(str(story))
    assert sources.read_source_up_to(str(story), 10) is None
    story.write_bytes(b"caf\xe9\n")
    with pytest.raises(InputError, match="not valid UTF-8"):
        sources.read_source_up_to(str(story), 100)
    for missing, problem in ((tmp_path / "missing.txt", "no such file"), (tmp_path, "is a directory")):
        with pytest.raises(InputError, match=problem):
            sources.read_source_up_to(str(missing), 100)


def _size_told_wrong(told_wrong_by: int):
    """os.fstat, with st_size off by `told_wrong_by` (a file that grew or shrank after it was
    taken; a pipe, which some systems say holds what is in its buffer)."""
    real_fstat = os.fstat

    def fstat_told_wrong(descriptor: int) -> os.stat_result:
        info = list(real_fstat(descriptor))
        info[6] = max(0, info[6] + told_wrong_by)  # st_size
        return os.stat_result(info)

    return fstat_told_wrong


@fuzz(40)
@given(CONTENTS, st.integers(-300, 300))
def test_a_file_whose_size_was_told_wrong_reads_to_its_end(data, told_wrong_by):
    """A file that grew after its size was taken (told smaller) is read past that size; one that
    shrank (told larger) is read short, and that short read is its end."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "story.txt")
        path.write_bytes(data)
        real_fstat, sources.os.fstat = os.fstat, _size_told_wrong(told_wrong_by)
        try:
            assert sources._read_bytes(str(path)) == data
        finally:
            sources.os.fstat = real_fstat


def test_a_pipe_read_short_is_read_on_whatever_size_it_tells():
    """Only a regular file read short is at its end: a pipe gives what its buffer holds."""
    data = bytes(range(256)) * (3 * sources._PIPE_BLOCK // 256)
    with tempfile.TemporaryDirectory() as folder:
        pipe = os.path.join(folder, "story.txt")
        os.mkfifo(pipe)
        writer = threading.Thread(target=Path(pipe).write_bytes, args=(data,))
        writer.start()
        real_fstat, sources.os.fstat = os.fstat, _size_told_wrong(len(data) + 1)
        try:
            assert sources._read_bytes(pipe) == data
        finally:
            sources.os.fstat = real_fstat
            writer.join()


@fuzz(40)
@given(CONTENTS, st.integers(1, 300))
def test_a_file_read_short_is_read_to_its_end(data, most_at_a_time):
    """A regular file whose reads return less than asked (Linux's 2 GiB cap on one read, a signal,
    a network file system) is read to its end: only a read of all its told size ends it at once."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "story.txt")
        path.write_bytes(data)
        real_read = os.read
        sources.os.read = lambda descriptor, size: real_read(descriptor, min(size, most_at_a_time))
        try:
            assert sources._read_bytes(str(path)) == data
        finally:
            sources.os.read = real_read
