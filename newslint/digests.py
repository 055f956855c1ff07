"""Digests and signatures with Python's own BLAKE2, not through hashlib.

Importing hashlib loads Python's OpenSSL bindings: 4 MB of every process's memory and 2.5 ms
of its start-up, for hashes a lint run never needs. newslint's own digests (the names of its
caches, the packs memo's keys, the signatures on its cache files) are BLAKE2, which Python
builds in (`_blake2`), and which takes a key itself: a keyed BLAKE2 is a MAC without HMAC.
Digests that others read (GitLab fingerprints, the HTML report's CSP hashes) stay SHA-256.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without its own BLAKE2 has OpenSSL's
    from hashlib import blake2b

try:
    from _operator import _compare_digest as same_digest  # what hmac.compare_digest is
except ImportError:  # pragma: no cover
    from hmac import compare_digest as same_digest

__all__ = ["blake2b", "hexdigest", "same_digest", "signature"]

KEY_BYTES = 64  # the longest key BLAKE2b takes


def hexdigest(data: bytes, size: int = 32) -> str:
    """A digest of `size` bytes, in hex."""
    return blake2b(data, digest_size=size).hexdigest()


def signature(key: bytes, *parts: bytes) -> bytes:
    """The MAC under key (at most KEY_BYTES long) of the parts one after the other, in hex. The
    parts are hashed in turn, not joined: a cache file's payload is not copied to be signed."""
    digest = blake2b(key=key, digest_size=32)
    for part in parts:
        digest.update(part)
    return digest.hexdigest().encode()
