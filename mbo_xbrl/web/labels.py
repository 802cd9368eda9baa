"""Every word on the web page, in Dutch (default) and English."""

from __future__ import annotations

WEB: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Voorcontrole voortgangsrapportage mbo",
        "intro": "Kies het XBRL-bestand van uw instelling. Het wordt gecontroleerd zoals OCW het controleert, "
                 "en daarna vergeten: er wordt niets bewaard.",
        "choose": "XBRL-bestand", "submit": "Controleren", "other_lang": "English", "other_lang_code": "en",
        "accepted": "Goedgekeurd", "rejected": "Afgekeurd",
        "accepted_text": "Dit bestand zou door OCW worden geaccepteerd.",
        "rejected_text": "Dit bestand zou door OCW worden afgewezen. Herstel de fouten hieronder en controleer opnieuw.",
        "errors": "fouten", "warnings": "waarschuwingen", "infos": "meldingen",
        "error_one": "fout", "warning_one": "waarschuwing", "info_one": "melding",
        "institution": "instelling", "year": "verslagjaar", "file": "bestand",
        "where": "Waar", "fix": "Oplossing", "line": "regel",
        "no_findings": "Geen bevindingen.", "download": "Rapport downloaden (JSON)", "again": "Nog een bestand controleren",
        "not_checked": "Niet volledig gecontroleerd",
        "no_file": "Kies eerst een bestand.",
        "too_large": "Het bestand is te groot: de grens is {limit} MB.",
        "busy": "Er worden nu te veel bestanden tegelijk gecontroleerd. Probeer het over een minuut opnieuw.",
        "overview": "Overzicht van de store", "status": "status", "findings": "bevindingen",
        "overview_intro": "Per instelling en verslagjaar de laatste aanlevering: status en bevindingen per regelfamilie.",
        "status_accepted": "goedgekeurd", "status_rejected": "afgekeurd", "none": "–",
    },
    "en": {
        "title": "Pre-check of an mbo progress filing",
        "intro": "Choose your institution's XBRL file. It is checked as OCW checks it, and then forgotten: "
                 "nothing is kept.",
        "choose": "XBRL file", "submit": "Check", "other_lang": "Nederlands", "other_lang_code": "nl",
        "accepted": "Accepted", "rejected": "Rejected",
        "accepted_text": "OCW would accept this file.",
        "rejected_text": "OCW would reject this file. Fix the errors below and check again.",
        "errors": "errors", "warnings": "warnings", "infos": "notes",
        "error_one": "error", "warning_one": "warning", "info_one": "note",
        "institution": "institution", "year": "reporting year", "file": "file",
        "where": "Where", "fix": "Fix", "line": "line",
        "no_findings": "No findings.", "download": "Download the report (JSON)", "again": "Check another file",
        "not_checked": "Not fully checked",
        "no_file": "Choose a file first.",
        "too_large": "The file is too large: the limit is {limit} MB.",
        "busy": "Too many files are being checked at once. Try again in a minute.",
        "overview": "Store overview", "status": "status", "findings": "findings",
        "overview_intro": "Per institution and reporting year the latest filing: status and findings per rule family.",
        "status_accepted": "accepted", "status_rejected": "rejected", "none": "–",
    },
}
