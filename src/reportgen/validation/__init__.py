"""Stage 2, validate: placeholders filled from the document's own data, then the data checked
against the model, every problem located at the user's key.

May import: load, model, sandbox, chinese, errors.
"""
