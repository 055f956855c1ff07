"""newslint-lsp: the language server. A thin adapter over newslint's own API, so that a writer
sees in the editor exactly what `newslint` would report, fix and explain on the command line.

Needs the `lsp` extra (pygls, lsprotocol): pip install 'newslint[lsp]'.
"""
