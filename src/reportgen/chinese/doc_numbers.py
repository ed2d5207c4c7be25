"""发文字号 as GB/T 9704 writes it (机关代字〔2024〕12号), and the forms people write instead."""

from __future__ import annotations

import re

DOC_NUMBER = re.compile(r"^(?P<code>\S+?)〔(?P<year>\d{4})〕(?P<num>[1-9]\d*)号$")
# [2024]、［2024］、【2024】、(2024)、第12号、012号: read for a suggestion of the right form.
LOOSE_DOC_NUMBER = re.compile(
    r"^(?P<code>\S+?)\s*[\[［【〔(（]\s*(?P<year>\d{4})\s*[\]］】〕)）]\s*第?\s*0*(?P<num>[1-9]\d*)\s*号$"
)
