"""Files on disk, whatever they hold: written atomically (a temporary file, then a rename), a
refused write explained to a clerk, and a zip from elsewhere judged before anything reads it.

May import: errors.
"""
