"""Many units from one campaign: unit lists (.xlsx, .csv, YAML, a folder of files), each unit laid
over the campaign and built in worker processes, manifest.csv, and the 汇总 over all units.

May import: word, layout, validation, load, model, files, chinese, errors.
"""
