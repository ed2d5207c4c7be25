"""How official Chinese writes numbers, ordinals, dates and 发文字号, and how wide its characters
are: plain functions over strings, numbers and dates.

May import: nothing of reportgen's.
"""
