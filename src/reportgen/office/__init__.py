"""LibreOffice and poppler: .docx to PDF, PDF pages to PNG, the text and positions of a PDF,
and the fonts the rendering uses.

The only room that runs external programs. May import: files, errors.
"""
