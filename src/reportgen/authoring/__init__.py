"""Help with writing the YAML: starter files (init), next year's file (next-year) and the JSON
Schema editors complete from (schema).

May import: validation, load, model, files, chinese, errors.
"""
