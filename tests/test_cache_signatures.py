"""A cache entry's signature is read and checked without copying its payload (cachefiles.py,
digests.py): what is believed is exactly what a whole-file read and a joined MAC believed."""

from __future__ import annotations

import os

from hypothesis import given
from hypothesis import strategies as st

from newslint import cachefiles, digests
from newslint.digests import blake2b
from tests.kinds.fuzzing import fuzz

_KEY = b"k" * 64


def _believed_before(data: bytes, name: str) -> bytes | None:
    """read_entry as it was: the whole file, cut at its first newline, the MAC of name, NUL and
    payload joined."""
    signature, _, payload = data.partition(b"\n")
    mac = blake2b(name.encode("utf-8", "surrogatepass") + b"\0" + payload, key=_KEY, digest_size=32)
    return payload if digests.same_digest(signature, mac.hexdigest().encode()) else None


@fuzz(300)
@given(st.lists(st.binary(max_size=40), max_size=5))
def test_a_signature_of_parts_is_the_signature_of_them_joined(parts):
    joined = blake2b(b"".join(parts), key=_KEY, digest_size=32).hexdigest().encode()
    assert digests.signature(_KEY, *parts) == joined


# Files as newslint writes them, and as anyone could leave them: a signature line that holds,
# one byte off, none, a short or a long first line, newlines and NULs in the payload.
_PAYLOADS = st.binary(max_size=200) | st.sampled_from([b"", b"\n", b"\n\n{}", b"[]\n", b"\0"])


@fuzz(300)
@given(
    payload=_PAYLOADS,
    damage=st.sampled_from(["none", "flip", "short", "long", "no-line", "crlf", "empty"]),
    name=st.sampled_from(["packs-1.json", "r\udce9.json"]),
)
def test_an_entry_is_believed_as_before(tmp_path_factory, monkeypatch, payload, damage, name):
    monkeypatch.setattr(cachefiles, "signing_key", lambda: _KEY)
    folder = tmp_path_factory.mktemp("cache")
    line = cachefiles._signature(_KEY, name, payload)
    data = {
        "none": line + b"\n" + payload,
        "flip": line[:10] + (b"0" if line[10:11] != b"0" else b"1") + line[11:] + b"\n" + payload,
        "short": line[:-1] + b"\n" + payload,
        "long": line + b"0\n" + payload,
        "no-line": line + payload,
        "crlf": line + b"\r\n" + payload,
        "empty": b"",
    }[damage]
    with open(os.path.join(folder, name), "wb") as handle:  # a name that is not UTF-8, as it is
        handle.write(data)
    # Only newslint's own files are believed, now as before: a signature line, then the payload.
    expected = payload if damage == "none" else None
    assert cachefiles.read_entry(folder, name) == expected
    if not (damage == "no-line" and payload == b""):  # see test_a_file_of_a_signature_alone_is_no_entry
        assert _believed_before(data, name) == expected


def test_a_file_of_a_signature_alone_is_no_entry(tmp_path, monkeypatch):
    """The one file the whole-file read believed and this one does not: the signature of an
    empty payload without its newline, which newslint never writes (and an empty payload is no
    JSON that a reader of the caches would take)."""
    monkeypatch.setattr(cachefiles, "signing_key", lambda: _KEY)
    (tmp_path / "e.json").write_bytes(cachefiles._signature(_KEY, "e.json", b""))
    assert cachefiles.read_entry(tmp_path, "e.json") is None
    cachefiles.write_entry(tmp_path, "e.json", b"")
    assert cachefiles.read_entry(tmp_path, "e.json") == b""


def test_the_code_is_every_python_file_of_the_package(tmp_path):
    """What names the caches after the code: every .py file (a folder named like one is walked,
    not taken), none in __pycache__ (fails if those are kept or a package below is skipped)."""
    for path in ["a.py", "b.txt", "sub/c.py", "sub/deeper/d.py", "__pycache__/e.py", "sub/__pycache__/f.py"]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x")
    (tmp_path / "folder.py").mkdir()
    (tmp_path / "folder.py" / "g.py").write_text("x")
    found = sorted(relative for relative, _ in cachefiles._python_files(str(tmp_path), ""))
    assert found == ["a.py", "folder.py/g.py", "sub/c.py", "sub/deeper/d.py"]
