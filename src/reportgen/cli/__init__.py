"""The command line: thin click commands over the library API, the one place errors are printed.

The only room that imports click; nothing imports it.
May import: api, batches, check, authoring, docx_import, office, word, layout, validation, load,
model, sandbox, files, chinese, errors.
"""
