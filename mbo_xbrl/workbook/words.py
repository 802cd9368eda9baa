"""The workbook's own words, in Dutch and English: its cover, hints and data-validation messages."""

from __future__ import annotations

META_SHEET = "mbo-xbrl"  # the hidden sheet with the workbook's identity and its pre-filled values
BOOLEAN_WORDS = {"nl": ("ja", "nee"), "en": ("yes", "no")}

WORDS = {
    "nl": {
        "cover": "Voorblad",
        "title": "Voortgangsrapportage Werkagenda mbo en Stagepact",
        "institution": "Instelling (BRIN)",
        "name": "Naam instelling",
        "report_year": "Verslagjaar",
        "release": "Taxonomie",
        "kind": "Soort instelling",
        "funded": "bekostigd",
        "non_funded": "niet-bekostigd",
        "instructions": [
            "Zo vult u deze werkmap in:",
            "1. Vul de gele cellen in, blad voor blad; de bladen volgen de vragenlijst.",
            "2. Grijze cellen zijn vooraf ingevuld door OCW (wat OCW al weet) en kunnen niet worden gewijzigd.",
            "3. Vul 'ja' of 'nee' in waar een keuze wordt gevraagd; bedragen in hele euro's, percentages als 0-100.",
            "4. Controleer de werkmap: mbo-xbrl check werkmap.xlsx (of via de controlepagina).",
            "5. Maak het XBRL-bestand: mbo-xbrl convert werkmap.xlsx --out aanlevering.xbrl, en lever dat in.",
            "Formules mogen; sla de werkmap op in Excel of LibreOffice, zodat hun uitkomst bewaard wordt.",
        ],
        "legend_input": "Geel: in te vullen door de instelling",
        "legend_prefilled": "Grijs: vooraf ingevuld door OCW, niet te wijzigen",
        "contents": "Inhoud",
        "sheet_hint": "Vul de gele cellen in. Grijze cellen zijn vooraf ingevuld.",
        "invalid_title": "Ongeldige waarde",
        "invalid_list": "Kies 'ja' of 'nee'.",
        "invalid_whole": "Vul een jaartal in (bijvoorbeeld 2022).",
        "invalid_decimal": "Vul een getal in binnen het bereik van de eenheid.",
        "identity": "Instelling {institution} · verslagjaar {report_year} · taxonomie {release}",
    },
    "en": {
        "cover": "Cover",
        "title": "Progress report Werkagenda mbo and Stagepact",
        "institution": "Institution (BRIN)",
        "name": "Name of the institution",
        "report_year": "Reporting year",
        "release": "Taxonomy",
        "kind": "Kind of institution",
        "funded": "funded",
        "non_funded": "non-funded",
        "instructions": [
            "How to fill in this workbook:",
            "1. Fill in the yellow cells, sheet by sheet; the sheets follow the questionnaire.",
            "2. Grey cells are pre-filled by OCW (what OCW already knows) and cannot be changed.",
            "3. Enter 'yes' or 'no' where a choice is asked; amounts in whole euros, percentages as 0-100.",
            "4. Check the workbook: mbo-xbrl check workbook.xlsx (or on the check page).",
            "5. Make the XBRL file: mbo-xbrl convert workbook.xlsx --out filing.xbrl, and submit that.",
            "Formulas are fine; save the workbook in Excel or LibreOffice so that their results are kept.",
        ],
        "legend_input": "Yellow: for the institution to fill in",
        "legend_prefilled": "Grey: pre-filled by OCW, not to be changed",
        "contents": "Contents",
        "sheet_hint": "Fill in the yellow cells. Grey cells are pre-filled.",
        "invalid_title": "Invalid value",
        "invalid_list": "Choose 'yes' or 'no'.",
        "invalid_whole": "Enter a year (for example 2022).",
        "invalid_decimal": "Enter a number within the unit's range.",
        "identity": "Institution {institution} · reporting year {report_year} · taxonomy {release}",
    },
}


def identity_line(identity, lang: str) -> str:
    """The line on every sheet that says whose workbook it is (read back to catch a sheet of another one)."""
    return WORDS[lang]["identity"].format(institution=identity.institution, report_year=identity.report_year,
                                          release=identity.release)
