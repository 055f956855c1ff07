"""Source formats: plain text, Markdown and HTML, each reduced to prose with an exact map back
to the source (see reader.py for choosing one, prose.py for the map)."""
