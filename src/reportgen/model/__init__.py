"""What a file may say: the pydantic documents (方案, 总结), their sections, tables and data, every
key in English and Chinese.

May import: chinese, errors.
"""
