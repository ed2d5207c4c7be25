"""Stage 1, load: a YAML file (or a table's text) read within limits, decoded, cleaned, parsed with
the file, line and column of every value, merged over the files it extends (继承).

May import: model (which spellings are one key), files, chinese, errors.
"""
