"""Checking any .docx against GB/T 9704-2012: read it, find each paragraph's role, apply the rules."""
