"""Last year's Word document as this year's YAML (reportgen import): any .docx read as check reads
it, its paragraphs placed in reportgen's own keys, written as commented YAML that builds the same
text again.

May import: check (its reader and roles), validation, layout (a 合计 row as reportgen prints it),
load, model, files, chinese, errors.
"""
