"""Every word on the web page, in Dutch (default) and English."""

from __future__ import annotations

WEB: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Voorcontrole voortgangsrapportage mbo",
        "intro": "Kies het XBRL-bestand, de voortgangsparagraaf in Inline XBRL (.xhtml, .html of een rapportpakket "
                 ".zip) of de ingevulde werkmap (.xlsx) van uw instelling. Het wordt gecontroleerd "
                 "zoals OCW het controleert, en daarna vergeten: er wordt niets bewaard.",
        "choose": "XBRL-bestand, Inline XBRL of werkmap", "submit": "Controleren", "other_lang": "English", "other_lang_code": "en",
        "accepted": "Goedgekeurd", "rejected": "Afgekeurd",
        "accepted_text": "Dit bestand zou door OCW worden geaccepteerd.",
        "rejected_text": "Dit bestand zou door OCW worden afgewezen. Herstel de fouten hieronder en controleer opnieuw.",
        "errors": "fouten", "warnings": "waarschuwingen", "infos": "meldingen",
        "error_one": "fout", "warning_one": "waarschuwing", "info_one": "melding",
        "institution": "instelling", "year": "verslagjaar", "non_funded": "niet-bekostigde instelling", "file": "bestand",
        "where": "Waar", "fix": "Oplossing", "line": "regel", "caused_by": "Volgt uit", "family_structure": "structuur", "family_completeness": "volledigheid", "family_budget": "begroting", "family_measures": "maatregelen", "family_values": "waarden", "of_which": "waarvan {n} volgend uit {code}",
        "no_findings": "Geen bevindingen.", "download": "Rapport downloaden (JSON)", "again": "Nog een bestand controleren",
        "by_rule": "Per regel", "count": "aantal", "rule": "regel", "first_fix": "Oplossing (bijvoorbeeld)",
        "details_hint": "Open een onderdeel voor zijn bevindingen.",
        "print_hint": "Afdrukken of bewaren als PDF: via Afdrukken in uw browser (Ctrl+P); de pagina is daarop "
                      "ingericht.",
        "not_checked": "Niet volledig gecontroleerd",
        "no_file": "Kies eerst een bestand.",
        "too_large": "Het bestand is te groot: de grens is {limit} MB.",
        "busy": "Er worden nu te veel bestanden tegelijk gecontroleerd. Probeer het over een minuut opnieuw.",
        "http_400": "Het verzoek is niet te lezen. Kies een bestand en probeer het opnieuw.",
        "http_401": "Geen toegang: deze pagina vraagt een geldig token.",
        "http_404": "Deze pagina bestaat niet.",
        "http_405": "Deze pagina kan dit verzoek niet verwerken.",
        "http_500": "Er ging aan onze kant iets mis. Probeer het opnieuw; blijft het misgaan, meld het dan.",
        "http_other": "Het verzoek is niet gelukt (HTTP {code}).",
        "overview": "Overzicht van de store", "status": "status", "findings": "bevindingen",
        "overview_intro": "Per instelling en verslagjaar de laatste aanlevering: status en bevindingen per regelfamilie. "
                          "De code van een instelling leidt naar haar eigen pagina: voortgang per indicator en jaar "
                          "naast de sector, begroting, keuzes en aanleveringen.",
        "status_accepted": "goedgekeurd", "status_rejected": "afgekeurd", "none": "–",
    },
    "en": {
        "title": "Pre-check of an mbo progress filing",
        "intro": "Choose your institution's XBRL file, its progress section in Inline XBRL (.xhtml, .html or a report "
                 "package .zip) or its filled-in workbook (.xlsx). It is checked as OCW checks "
                 "it, and then forgotten: nothing is kept.",
        "choose": "XBRL file, Inline XBRL or workbook", "submit": "Check", "other_lang": "Nederlands", "other_lang_code": "nl",
        "accepted": "Accepted", "rejected": "Rejected",
        "accepted_text": "OCW would accept this file.",
        "rejected_text": "OCW would reject this file. Fix the errors below and check again.",
        "errors": "errors", "warnings": "warnings", "infos": "notes",
        "error_one": "error", "warning_one": "warning", "info_one": "note",
        "institution": "institution", "year": "reporting year", "non_funded": "non-funded institution", "file": "file",
        "where": "Where", "fix": "Fix", "line": "line", "caused_by": "Follows from", "family_structure": "structure", "family_completeness": "completeness", "family_budget": "budget", "family_measures": "measures", "family_values": "values", "of_which": "{n} of them following from {code}",
        "no_findings": "No findings.", "download": "Download the report (JSON)", "again": "Check another file",
        "by_rule": "By rule", "count": "count", "rule": "rule", "first_fix": "Fix (for example)",
        "details_hint": "Open a part for its findings.",
        "print_hint": "To print or keep as PDF: use Print in your browser (Ctrl+P); the page is laid out for it.",
        "not_checked": "Not fully checked",
        "no_file": "Choose a file first.",
        "too_large": "The file is too large: the limit is {limit} MB.",
        "busy": "Too many files are being checked at once. Try again in a minute.",
        "http_400": "The request cannot be read. Choose a file and try again.",
        "http_401": "No access: this page needs a valid token.",
        "http_404": "This page does not exist.",
        "http_405": "This page cannot handle this request.",
        "http_500": "Something went wrong on our side. Try again; if it keeps failing, please report it.",
        "http_other": "The request failed (HTTP {code}).",
        "overview": "Store overview", "status": "status", "findings": "findings",
        "overview_intro": "Per institution and reporting year the latest filing: status and findings per rule family. "
                          "An institution's code leads to its own page: progress per indicator and year beside the "
                          "sector, budget, choices and filings.",
        "status_accepted": "accepted", "status_rejected": "rejected", "none": "–",
    },
}
