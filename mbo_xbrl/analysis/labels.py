"""Every word on the sector report, in Dutch (default) and English: column names, axes, section texts."""

from __future__ import annotations

_NL = {
    "page_title": "Sectorbeeld mbo: ambities, begrotingen en voortgang",
    "subtitle": "Verslagjaar {year} — {institutions} instellingen — uit store {store}",
    "method": "Werkwijze en bronnen: docs/analysis.md. De tabellen staan ook als CSV naast deze pagina:",
    "generated": "Gemaakt door mbo-xbrl {version} op {time}.",
    "no_data": "Geen gegevens voor dit onderdeel in dit verslagjaar.",
    "yes": "ja", "no": "nee",
    "title_ambition": "1. Ambitie per indicator",
    "intro_ambition": "Per indicator: aantal instellingen met start- én streefwaarde, gemiddelde start, streefwaarde en "
                      "ambitie (streefwaarde − startwaarde, gelezen in de gewenste richting), en het eerste en derde "
                      "kwartiel van de ambitie (vgl. figuur 2.1 van de synthese 2024). De grafiek toont de "
                      "indicatoren in procenten; de tabel alle indicatoren.",
    "title_budget": "2. Verdeling van de begroting over de doelstellingen",
    "intro_budget": "Aandeel van elke doelstelling in de begroting 2024–2027, voor de sector (figuur 2.2) en per "
                    "instelling (figuur 3.2). Een witte, gearceerde balk is een onvolledige begroting (MBO-B001 of "
                    "MBO-B002): die telt niet mee in de sectorverdeling.",
    "title_typology": "3. Typologie van instellingen",
    "intro_typology": "Per indicator de kwartielen van start-, streef- en ambitiewaarden (start en streef gelezen in "
                      "de gewenste richting); per instelling hoe vaak zij in het laagste en hoogste kwartiel valt, en "
                      "haar type volgens de regel in docs/analysis.md (hoofdstuk 3 van de synthese).",
    "title_convergence": "4. Convergentie",
    "intro_convergence": "De spreiding tussen instellingen (interkwartielafstand) bij de start en bij de streefwaarde: "
                         "een kleinere spreiding bij de streefwaarde betekent dat instellingen naar elkaar toe groeien.",
    "title_completeness": "5. Volledigheid",
    "intro_completeness": "Bevindingen per instelling en regelfamilie in haar laatste aanlevering voor dit verslagjaar "
                          "(goedgekeurd of afgekeurd): wie mist wat.",
    "title_early_leavers": "6. Voortijdig schoolverlaters",
    "intro_early_leavers": "De som van de streefwaarden van de instellingen voor het aantal nieuwe voortijdig "
                           "schoolverlaters, tegenover het landelijke streven van 18.000.",
    "title_realisation": "7. Realisatie tegenover het traject",
    "intro_realisation": "Per indicator en jaar: hoeveel instellingen hun realisatie minstens op de rechte lijn van "
                         "startwaarde naar streefwaarde 2027 hebben (gelezen in de gewenste richting).",
    "mean_ambition": "gemiddelde ambitie", "q1_q3": "eerste tot derde kwartiel",
    "ambition_axis": "ambitie (procentpunten, in de gewenste richting)",
    "share_axis": "aandeel van de begroting (%)", "incomplete": "onvolledige begroting",
    "times_lowest": "aantal keer laagste kwartiel (start)", "times_highest": "aantal keer hoogste kwartiel (start)",
    "indicators_axis": "aantal indicatoren",
    "chart_iqr_start": "spreiding start", "chart_iqr_target": "spreiding streefwaarde",
    "iqr_axis": "interkwartielafstand (eenheid van de indicator)",
    "chart_national_aim": "landelijk streven 18.000", "chart_sum_start": "som startwaarden",
    "chart_sum_target": "som streefwaarden",
    "early_leavers_axis": "nieuwe voortijdig schoolverlaters per jaar",
    "on_track_axis": "instellingen op of boven het traject (%)",
    "family_structure": "structuur", "family_completeness": "volledigheid", "family_budget": "begroting",
    "family_measures": "maatregelen", "family_values": "waarden",
    "status_accepted": "goedgekeurd", "status_rejected": "afgekeurd",
    # column headings
    "indicator": "indicator", "label_nl": "naam", "label_en": "naam (Engels)", "unit": "eenheid",
    "institutions": "instellingen", "mean_start": "gem. start", "mean_target": "gem. streefwaarde",
    "ambition_q1": "ambitie Q1", "ambition_q3": "ambitie Q3", "objective": "doelstelling", "amount": "bedrag (€)",
    "share": "aandeel", "institutions_budgeting": "instellingen met budget", "institution": "instelling",
    "indicators": "indicatoren", "low_start": "laagste start", "high_start": "hoogste start",
    "low_target": "laagste streef", "high_target": "hoogste streef", "low_ambition": "laagste ambitie",
    "high_ambition": "hoogste ambitie", "type": "type", "type_nl": "omschrijving", "type_en": "description",
    "iqr_start": "IQR start", "iqr_target": "IQR streef", "converges": "convergeert", "status": "status",
    "structure": "structuur", "completeness": "volledigheid", "budget": "begroting", "measures": "maatregelen",
    "values": "waarden", "total": "totaal", "sum_start": "som start", "sum_target": "som streef",
    "national_aim": "landelijk streven", "target_above_aim": "streef boven streven", "year": "jaar",
    "mean_realisation": "gem. realisatie", "mean_trajectory": "gem. traject", "on_track": "op traject",
    "share_on_track": "aandeel op traject",
}

_EN = {
    "page_title": "The mbo sector: ambitions, budgets and progress",
    "subtitle": "Reporting year {year} — {institutions} institutions — from store {store}",
    "method": "Methods and sources: docs/analysis.md. The tables are also CSV files beside this page:",
    "generated": "Made by mbo-xbrl {version} on {time}.",
    "no_data": "No data for this section in this reporting year.",
    "yes": "yes", "no": "no",
    "title_ambition": "1. Ambition per indicator",
    "intro_ambition": "Per indicator: institutions with both a start and a target, mean start, target and ambition "
                      "(target − start, read in the desired direction), and the first and third quartile of the "
                      "ambition (cf. figure 2.1 of the 2024 synthesis). The chart shows the percentage indicators; "
                      "the table all of them.",
    "title_budget": "2. Budget distribution over the objectives",
    "intro_budget": "Each objective's share of the 2024–2027 budget, for the sector (figure 2.2) and per institution "
                    "(figure 3.2). A white, hatched bar is an incomplete budget (MBO-B001 or MBO-B002): it is left out "
                    "of the sector distribution.",
    "title_typology": "3. Typology of institutions",
    "intro_typology": "Per indicator the quartiles of start, target and ambition (start and target read in the desired "
                      "direction); per institution how often it is in the lowest and highest quartile, and its type "
                      "by the rule in docs/analysis.md (chapter 3 of the synthesis).",
    "title_convergence": "4. Convergence",
    "intro_convergence": "The spread between institutions (interquartile range) at the start and at the target: a "
                         "smaller spread at the target means institutions grow towards each other.",
    "title_completeness": "5. Completeness",
    "intro_completeness": "Findings per institution and rule family in its latest filing for this reporting year "
                          "(accepted or rejected): who is missing what.",
    "title_early_leavers": "6. Early school leavers",
    "intro_early_leavers": "The sum of the institutions' targets for new early school leavers, against the national "
                           "aim of 18,000.",
    "title_realisation": "7. Realisation against the trajectory",
    "intro_realisation": "Per indicator and year: how many institutions realised at least the straight line from their "
                         "start to their 2027 target (read in the desired direction).",
    "mean_ambition": "mean ambition", "q1_q3": "first to third quartile",
    "ambition_axis": "ambition (percentage points, in the desired direction)",
    "share_axis": "share of the budget (%)", "incomplete": "incomplete budget",
    "times_lowest": "times in the lowest quartile (start)", "times_highest": "times in the highest quartile (start)",
    "indicators_axis": "number of indicators",
    "chart_iqr_start": "spread at start", "chart_iqr_target": "spread at target",
    "iqr_axis": "interquartile range (the indicator's unit)",
    "chart_national_aim": "national aim 18,000", "chart_sum_start": "sum of starts",
    "chart_sum_target": "sum of targets",
    "early_leavers_axis": "new early school leavers per year",
    "on_track_axis": "institutions on or above the trajectory (%)",
    "family_structure": "structure", "family_completeness": "completeness", "family_budget": "budget",
    "family_measures": "measures", "family_values": "values",
    "status_accepted": "accepted", "status_rejected": "rejected",
    "indicator": "indicator", "label_nl": "name (Dutch)", "label_en": "name", "unit": "unit",
    "institutions": "institutions", "mean_start": "mean start", "mean_target": "mean target",
    "ambition_q1": "ambition Q1", "ambition_q3": "ambition Q3", "objective": "objective", "amount": "amount (€)",
    "share": "share", "institutions_budgeting": "institutions budgeting", "institution": "institution",
    "indicators": "indicators", "low_start": "lowest start", "high_start": "highest start",
    "low_target": "lowest target", "high_target": "highest target", "low_ambition": "lowest ambition",
    "high_ambition": "highest ambition", "type": "type", "type_nl": "omschrijving", "type_en": "description",
    "converges": "converges", "status": "status",
    "structure": "structure", "completeness": "completeness", "budget": "budget", "measures": "measures",
    "values": "values", "total": "total", "iqr_start": "IQR start", "iqr_target": "IQR target",
    "sum_start": "sum of starts", "sum_target": "sum of targets", "national_aim": "national aim",
    "target_above_aim": "target above aim", "year": "year",
    "mean_realisation": "mean realisation", "mean_trajectory": "mean trajectory", "on_track": "on track",
    "share_on_track": "share on track",
}

LABELS: dict[str, dict[str, str]] = {"nl": _NL, "en": _EN}
