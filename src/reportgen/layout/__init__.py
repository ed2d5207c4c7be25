"""Stage 3, outline: a validated document turned into numbered blocks, a signature placed by
GB/T 9704 and tables laid out; plain data the Word template fills.

May import: model, chinese, errors.
"""
