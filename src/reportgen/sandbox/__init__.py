"""The Jinja sandbox that placeholders and Word templates run in: the syntax allowed, the limits
kept, the filters offered, and the names a template reads.

The only room that imports jinja2 (docxtpl, in word/, also renders with its environments).
May import: chinese, errors.
"""
