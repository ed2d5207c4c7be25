"""Stages 4 and 5, render and write: Word templates found, checked and filled with an outline,
finished to the template's geometry, and zipped deterministically.

The only room that uses docxtpl. May import: layout, load, model, sandbox, files, chinese, errors.
"""
