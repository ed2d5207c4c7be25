"""Checking any .docx against GB/T 9704-2012, wherever it was made: read it as Word does, find
each paragraph's role, apply the rules, and with --render measure LibreOffice's pages.

May import: office, files, chinese, errors.
"""
