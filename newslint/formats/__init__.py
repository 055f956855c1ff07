"""Source formats: each turns a decoded file into prose blocks (paragraph spans) of the source."""
