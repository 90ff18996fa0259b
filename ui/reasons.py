"""Quarantine reasons in the reader's language. The ETL writes each reason in English with its
values quoted; the About page shows them masked (each quoted value ``'…'``, each number ``#``:
no raw value is shown), so a masked reason is one of a known set of sentences, each matched
here by a pattern and said again in Khmer. The patterns follow the ETL's messages
(``etl/partners/validation.py``, ``placement.py``, ``csvfiles.py``, ``workbooks.py``); a
reason no pattern knows reads as a general Khmer sentence with its column, never as English.
"""

from __future__ import annotations

import re

Q = "'…'"  # a masked value
_WHERE = r"(lines? #(?:-#)?|sheet row #)"

#: (masked English, Khmer with ``\1``… for the groups) in the order tried.
KHMER_REASONS: tuple[tuple[str, str], ...] = (
    (rf"{Q} is not one of: (.+)", rf"{Q} មិនមែនជាតម្លៃមួយក្នុងចំណោម៖ \1"),
    (rf"{Q} holds a value outside: (.+)", rf"{Q} មានតម្លៃនៅក្រៅ៖ \1"),
    (rf"{Q} is not a whole number", f"{Q} មិនមែនជាចំនួនគត់"),
    (rf"{Q} is not a number", f"{Q} មិនមែនជាលេខ"),
    (rf"{Q} is below (.+)", rf"{Q} តូចជាង \1"),
    (rf"{Q} is above (.+)", rf"{Q} ធំជាង \1"),
    (rf"{Q} is not yes/no, true/false or #/#", f"{Q} មិនមែនជា yes/no, true/false ឬ 1/0"),
    (rf"{Q} is not a month \(YYYY-MM\)", f"{Q} មិនមែនជាខែ (YYYY-MM)"),
    (rf"{Q} is before #: not a plausible date for the atlas",
     f"{Q} មុនឆ្នាំ 1990៖ មិនមែនជាកាលបរិច្ឆេទដែលអាចជឿបានសម្រាប់អាត្លាសទេ"),
    (rf"{Q} is in the future", f"{Q} ស្ថិតនៅពេលអនាគត"),
    (rf"{Q} is not a date \(expected YYYY-MM-DD or DD/MM/YYYY\)",
     f"{Q} មិនមែនជាកាលបរិច្ឆេទ (រំពឹង YYYY-MM-DD ឬ DD/MM/YYYY)"),
    (rf"{Q} is not a real date", f"{Q} មិនមែនជាកាលបរិច្ឆេទពិតប្រាកដ"),
    (rf"{Q} is ambiguous: day and month are both # or less, and no date in the file shows "
     r"DD/MM",
     f"{Q} មិនច្បាស់៖ ថ្ងៃ និងខែសុទ្ធតែតូចជាង ឬស្មើ 12 ហើយគ្មានកាលបរិច្ឆេទណាក្នុងឯកសារ"
     "បង្ហាញទម្រង់ DD/MM ទេ"),
    (r"required value missing", "ខ្វះតម្លៃដែលតម្រូវ"),
    (rf"{Q} is not a #-digit commune code", f"{Q} មិនមែនជាលេខកូដឃុំ 6 ខ្ទង់"),
    (r"commune code (#|…) is not in the # gazetteer",
     r"លេខកូដឃុំ \1 មិនមាននៅក្នុងបញ្ជីនាមភូមិសាស្ត្រឆ្នាំ 2025"),
    (rf"lon/lat {Q}, {Q} are not two decimal numbers",
     f"lon/lat {Q}, {Q} មិនមែនជាលេខទសភាគពីរ"),
    (r"point #, # is in no Cambodian commune \(sea, abroad, or lon/lat swapped\)",
     "ចំណុច #, # មិនស្ថិតក្នុងឃុំណាមួយនៃកម្ពុជា (សមុទ្រ បរទេស ឬ lon/lat ត្រូវបានប្ដូរគ្នា)"),
    (r"no location: give commune_code, lon and lat, or province/district/commune names",
     "គ្មានទីតាំង៖ សូមផ្ដល់ commune_code, lon និង lat ឬឈ្មោះខេត្ត/ស្រុក/ឃុំ"),
    (rf"{Q} is not a province in the gazetteer", f"{Q} មិនមែនជាខេត្តក្នុងបញ្ជីនាមភូមិសាស្ត្រ"),
    (rf"no commune named {Q} in district {Q} in province {Q}",
     f"គ្មានឃុំឈ្មោះ {Q} ក្នុងស្រុក {Q} ខេត្ត {Q}"),
    (rf"no commune named {Q} in district {Q}", f"គ្មានឃុំឈ្មោះ {Q} ក្នុងស្រុក {Q}"),
    (rf"no commune named {Q} in province {Q}", f"គ្មានឃុំឈ្មោះ {Q} ក្នុងខេត្ត {Q}"),
    (rf"no commune named {Q}", f"គ្មានឃុំឈ្មោះ {Q}"),
    (rf"commune name {Q} matches # communes: add the province and district, or the commune "
     r"code",
     f"ឈ្មោះឃុំ {Q} ត្រូវនឹងឃុំច្រើន៖ សូមបន្ថែមខេត្ត និងស្រុក ឬលេខកូដឃុំ"),
    (rf"duplicate ([a-z_/]+) {Q} \(first at row #\)", rf"\1 {Q} ស្ទួន (លើកដំបូងនៅជួរ #)"),
    (rf"([a-z_/]+) {Q} is already loaded from (.+)", rf"\1 {Q} បានផ្ទុករួចហើយពីឯកសារ \2"),
    (r"line # of the file: the row is # MB; rows of up to # MB are read",
     "បន្ទាត់ # នៃឯកសារ៖ ជួរនេះធំពេក។ ជួររហូតដល់ 2 MB ប៉ុណ្ណោះដែលត្រូវបានអាន"),
    (rf"{_WHERE} of the file: a quote opens a value that is never closed",
     r"\1 នៃឯកសារ៖ សញ្ញាសម្រង់បើកតម្លៃមួយ ដែលមិនដែលបិទ"),
    (rf"{_WHERE} of the file: # fields where the header has # columns; fields beyond the "
     r"header are not read \(quote a value holding the delimiter\)",
     r"\1 នៃឯកសារ៖ ចំនួនវាលច្រើនជាងជួរឈររបស់ក្បាលតារាង។ វាលលើសមិនត្រូវបានអានទេ "
     "(ដាក់សញ្ញាសម្រង់លើតម្លៃដែលមានសញ្ញាបំបែក)"),
    (rf"{_WHERE} of the file: # fields where the header has # columns",
     r"\1 នៃឯកសារ៖ ចំនួនវាលមិនស្មើនឹងចំនួនជួរឈររបស់ក្បាលតារាង"),
    (rf"{_WHERE} of the file: text follows the closing quote of value #",
     r"\1 នៃឯកសារ៖ មានអត្ថបទនៅក្រោយសញ្ញាសម្រង់បិទរបស់តម្លៃមួយ"),
    (r"sheet row #: cell (.+) holds a formula without a stored result .*",
     r"ជួរសន្លឹក #៖ ក្រឡា \1 មានរូបមន្តដែលគ្មានលទ្ធផលរក្សាទុក៖ សូមបើកឯកសារក្នុង Excel ហើយ"
     "រក្សាទុកម្ដងទៀត"),
    (r"sheet row #: cell (.+) holds a value beyond the header's last column .*",
     r"ជួរសន្លឹក #៖ ក្រឡា \1 មានតម្លៃនៅក្រៅជួរឈរចុងក្រោយរបស់ក្បាលតារាង៖ សូមដាក់ឈ្មោះជួរឈរ"
     "របស់វាក្នុងក្បាលតារាង ឬលុបវាចេញ"),
)  # fmt: skip
_COMPILED = tuple((re.compile(english), khmer) for english, khmer in KHMER_REASONS)
_KHMER_WHERE = {"line": "បន្ទាត់", "lines": "បន្ទាត់", "sheet row": "ជួរសន្លឹក"}


def khmer_reason(masked: str) -> str | None:
    """The masked reason said in Khmer, or None if no pattern knows it."""
    for pattern, khmer in _COMPILED:
        match = pattern.fullmatch(masked)
        if match:
            text = match.expand(khmer)
            for english, word in _KHMER_WHERE.items():  # "line #" -> "បន្ទាត់ #"
                text = re.sub(rf"^{english} #", f"{word} #", text)
            return text
    return None


def reason_text(masked: str, column: str, lang: str) -> str:
    """A masked quarantine reason in ``lang``: as written in English; in Khmer its sentence,
    or, if no pattern knows it, a general one naming the column (never English)."""
    if lang != "km":
        return masked
    return khmer_reason(masked) or f"តម្លៃក្នុងជួរឈរ {column} មិនត្រូវបានទទួលយក"
