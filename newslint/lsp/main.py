"""newslint-lsp: the language server's command line (stdio by default, or --tcp PORT)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from newslint import __version__

MISSING_EXTRA = "newslint-lsp needs pygls and lsprotocol: pip install 'newslint[lsp]'"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint-lsp",
        description="newslint's language server: findings and fixes for news copy in any LSP editor.",
    )
    transport = parser.add_mutually_exclusive_group()
    transport.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default)")
    transport.add_argument("--tcp", type=int, metavar="PORT", help="listen on a TCP port instead")
    parser.add_argument("--host", default="127.0.0.1", help="the address --tcp listens on (default: 127.0.0.1)")
    parser.add_argument(
        "--log-level",
        choices=["error", "warning", "info", "debug"],
        default="warning",
        help="what the server logs on standard error (default: warning)",
    )
    parser.add_argument("--version", action="version", version=f"newslint-lsp {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(stream=sys.stderr, level=args.log_level.upper(), format="%(name)s: %(message)s")
    try:
        from newslint.lsp.features import create_server
    except ImportError as error:
        if error.name not in ("pygls", "lsprotocol") and not str(error.name).startswith(("pygls.", "lsprotocol.")):
            raise
        print(MISSING_EXTRA, file=sys.stderr)
        return 2
    server = create_server()
    if args.tcp is not None:
        server.start_tcp(args.host, args.tcp)
    else:
        server.start_io()
    return 0 if server.shutdown_requested else 1  # LSP: exit without shutdown, or a lost client, is 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
