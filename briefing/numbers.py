"""How the pack writes numbers and dates in either language: Khmer digits where the catalog
says so (``i18n.numerals``), percentages with their sign, ranks, dates in words.
"""

from __future__ import annotations

from datetime import date

from i18n import numerals, t


def local_digits(text: str, lang: str) -> str:
    """``text`` with its digits 0-9 written as ``lang`` writes them (``i18n.numerals``, the
    screen's rule: Khmer digits in km)."""
    return numerals(text, lang)


def format_date(day: date, lang: str, precision: str = "day") -> str:
    """A date in words: "16 August 2010", "November 2011" or "2011" (Khmer digits in km)."""
    month = t(f"month_{day.month}", lang)
    text = {"day": f"{day.day} {month} {day.year}", "month": f"{month} {day.year}"}.get(
        precision, str(day.year)
    )
    return local_digits(text, lang)


def format_percent(share: float, signed: bool = False) -> str:
    """0.38 as "38 %" (with "+" or "−" when ``signed``)."""
    text = f"{abs(share) * 100:.0f} %"
    if not signed or round(share * 100) == 0:
        return text
    return ("+" if share > 0 else "−") + text


def format_rank(rank: float) -> str:
    """A median rank: "3", or "3.5" between two ranks."""
    return str(int(rank)) if float(rank).is_integer() else f"{rank:.1f}"
