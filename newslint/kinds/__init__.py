"""Rule kinds: one module each, each a `Rule` subclass with its own keys and `hits(doc)`."""
