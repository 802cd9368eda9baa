"""Numbers, amounts, percentages and dates as a person reads them, per language, by Babel (CLDR data).

Everything a person reads goes through here: finding messages, the text and web reports, the sector
report and its workbook. Dutch writes 23.093 and € 1.250.000 and 12,5%; English 23,093, €1,250,000 and
12.5%. Years are plain numbers (2024, never 2.024). Machine-readable output (JSON, CSV, the store) keeps
the values as they are and never passes through this module.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent, format_scientific

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
LONGEST_PLAIN = 15  # digits before a number is shown as 1,23E400: a message never repeats a huge value whole


def locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["nl"])


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _huge(number: Decimal) -> bool:
    return not number.is_zero() and number.adjusted() >= LONGEST_PLAIN


def number(value: object, lang: str, digits: int | None = None) -> str:
    """A number: with `digits` rounded to that many decimals, else as written (trailing zeros dropped)."""
    n = _decimal(value)
    if n is None:
        return "" if value is None else str(value)
    if _huge(n):
        return format_scientific(n, format="0.###E0", locale=locale(lang))
    if digits is not None:
        pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
        if n.quantize(Decimal(1).scaleb(-digits)).is_zero():
            n = abs(n)  # -0.0 or -0.04 at one decimal is 0,0 to a reader, never -0,0
        return format_decimal(n, format=pattern, locale=locale(lang))
    return format_decimal(abs(n) if n.is_zero() else n, locale=locale(lang), decimal_quantization=False)


def euro(value: object, lang: str) -> str:
    """An amount in euro in the language's currency pattern; whole euros without cents."""
    n = _decimal(value)
    if n is None:
        return "" if value is None else f"€ {value}"
    if _huge(n):
        return f"€ {number(n, lang)}"
    return format_currency(n, "EUR", format=_currency_pattern(lang, whole=n == n.to_integral_value()),
                           locale=locale(lang), currency_digits=False)


@lru_cache(maxsize=None)
def _currency_pattern(lang: str, whole: bool) -> str:
    """The language's CLDR currency pattern (parsed once), without cents for a whole amount."""
    pattern = Locale.parse(locale(lang)).currency_formats["standard"].pattern
    return pattern.replace(".00", "") if whole else pattern


def percent(value: object, lang: str, digits: int = 1, *, fraction: bool = False) -> str:
    """A percentage: `value` in percent points (12.5 -> 12,5%), or a fraction (0.125) with `fraction`."""
    n = _decimal(value)
    if n is None:
        return ""
    share = n if fraction else n / 100
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "") + "%"
    return format_percent(share, format=pattern, locale=locale(lang))


def year(value: object) -> str:
    """A year as a plain number: 2024, in every language."""
    return "" if value is None else str(value)


def day(value: date, lang: str) -> str:
    """A date written out: 29 november 2026 / 29 November 2026."""
    return format_date(value, format="long", locale=locale(lang))


def integer(value: object, lang: str) -> str:
    """A count: 23.093 / 23,093."""
    return number(value, lang, 0)
