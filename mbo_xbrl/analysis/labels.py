"""Every word on the sector report, in Dutch (default) and English: column names, axes, section texts."""

from __future__ import annotations

_NL = {
    "page_title": "Sectorbeeld mbo: ambities, begrotingen en voortgang",
    "subtitle": "Verslagjaar {year} — {institutions} instellingen — uit store {store}",
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
                      "haar type volgens de regel in de werkwijze onderaan (hoofdstuk 3 van de synthese).",
    "title_convergence": "4. Convergentie",
    "intro_convergence": "De spreiding tussen instellingen (interkwartielafstand) bij de start en bij de streefwaarde: "
                         "een kleinere spreiding bij de streefwaarde betekent dat instellingen naar elkaar toe groeien.",
    "title_completeness": "5. Volledigheid",
    "intro_completeness": "Bevindingen per instelling en regelfamilie in haar laatste aanlevering voor dit verslagjaar "
                          "(goedgekeurd of afgekeurd): wie mist wat.",
    "title_early_leavers": "6. Voortijdig schoolverlaters",
    "intro_early_leavers": "De som van de streefwaarden van de instellingen voor het aantal nieuwe voortijdig "
                           "schoolverlaters, tegenover het landelijke streven van 18.000.",
    "title_practorates": "7. Practoraten",
    "intro_practorates": "Het aandeel instellingen met ten minste één practoraat (I3.4.02, landelijk cijfer), afgeleid uit "
                         "het aantal practoraten dat elke instelling rapporteert (I3.4.01): bij de start, in het "
                         "verslagjaar en zoals gepland voor 2027, met het totaal aantal practoraten.",
    "alt_practorates": "Staafdiagram: aandeel instellingen met ten minste één practoraat, bij de start, in het "
                       "verslagjaar en gepland voor 2027.",
    "sheet_practorates": "Practoraten",
    "practorates_axis": "instellingen met ten minste één practoraat (%)",
    "with_practorate": "met ten minste één practoraat", "practorates": "practoraten (totaal)",
    "value_kind": "soort waarde", "kind_start": "start", "kind_realisation": "realisatie", "kind_target": "streef",
    "title_realisation": "8. Realisatie tegenover het traject",
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
    # typology per indicator, early leavers, names
    "start_q1": "start Q1", "start_q3": "start Q3", "start_lowest": "start: in laagste kwartiel",
    "start_highest": "start: in hoogste kwartiel", "target_q1": "streefwaarde Q1", "target_q3": "streefwaarde Q3",
    "target_lowest": "streefwaarde: in laagste kwartiel", "target_highest": "streefwaarde: in hoogste kwartiel",
    "ambition_lowest": "ambitie: in laagste kwartiel", "ambition_highest": "ambitie: in hoogste kwartiel",
    "institution_name": "naam",
    "unit_label": "eenheid",
    # opening summary, method, charts' descriptions, workbook
    "summary_title": "Kerncijfers",
    "summary_filed": "{filed} instellingen leverden voor {year} een voortgangsrapportage aan; {accepted} daarvan zijn goedgekeurd, {rejected} afgekeurd.",
    "summary_budget": "Samen begroten de instellingen met een volledige begroting {amount} voor 2024–2027; het grootste aandeel gaat naar doelstelling {objective} ({share}).",
    "summary_ambition": "Voor {indicators} indicatoren zijn start- en streefwaarden bekend; bij {improving} daarvan is de gemiddelde ambitie een verbetering.",
    "summary_early_leavers": "De streefwaarden voor nieuwe voortijdig schoolverlaters tellen op tot {target}, tegenover een landelijk streven van {aim}.",
    "summary_realisation": "In {year} zit {share} van de instellingen met een realisatie op of boven het traject naar hun streefwaarde.",
    "method_title": "Werkwijze",
    "method": [
        "Bron: de voortgangsrapportages in de store, per instelling de laatste goedgekeurde aanlevering voor het verslagjaar (een correctie vervangt de eerdere). Volledigheid leest ook afgekeurde aanleveringen. Niet-bekostigde instellingen blijven buiten beeld.",
        "Ambitie is streefwaarde 2027 min startwaarde, gelezen in de gewenste richting: bij een indicator waar lager beter is, telt een daling als positieve ambitie. Alleen totalen tellen mee, geen uitsplitsingen.",
        "Kwartielen zijn de 25%- en 75%-punten tussen instellingen (lineaire interpolatie). Een instelling valt in het laagste of hoogste kwartiel van een indicator als haar waarde daarbuiten ligt; het type volgt uit hoe vaak dat gebeurt (zoals hoofdstuk 3 van de synthese 2024).",
        "Het traject is de rechte lijn van startwaarde naar streefwaarde 2027. Een instelling is op traject als haar realisatie, in de gewenste richting, minstens de waarde van die lijn in dat jaar is. Een rechte lijn veronderstelt gelijkmatige vooruitgang; het is een maat om het gesprek te openen, geen oordeel.",
        "Een begroting is volledig als de aanlevering is goedgekeurd zonder begrotingsbevindingen (MBO-B001, MBO-B002); alleen volledige begrotingen tellen mee in de sectorverdeling.",
    ],
    "files": "De tabellen staan naast deze pagina als CSV (voor programma's) en in één Excel-werkmap:",
    "alt_ambition": "Staafdiagram: gemiddelde ambitie per indicator in procenten, met het eerste tot derde kwartiel als lijn.",
    "alt_budget": "Staafdiagrammen: aandeel van elke doelstelling in de begroting, voor de sector en per instelling.",
    "alt_typology": "Staafdiagram: per instelling hoe vaak zij in het laagste en het hoogste kwartiel van de startwaarden valt.",
    "alt_convergence": "Per indicator de spreiding tussen instellingen bij de start en bij de streefwaarde.",
    "alt_completeness": "Warmtekaart: aantal bevindingen per instelling en regelfamilie.",
    "alt_early_leavers": "Staafdiagram: som van de start- en streefwaarden voor nieuwe voortijdig schoolverlaters, met het landelijk streven als lijn.",
    "alt_realisation": "Staafdiagram: aandeel instellingen op of boven het traject, per indicator en jaar.",
    "complete": "volledig", "workbook_file": "sectorbeeld-{year}.xlsx",
    "sheet_ambition": "Ambitie", "sheet_budget_sector": "Begroting sector",
    "sheet_budget_institutions": "Begroting per instelling", "sheet_typology_indicators": "Typologie per indicator",
    "sheet_typology_institutions": "Typologie per instelling", "sheet_convergence": "Convergentie",
    "sheet_completeness": "Volledigheid", "sheet_early_leavers": "Voortijdig schoolverlaters",
    "sheet_realisation": "Realisatie",
}

_EN = {
    "page_title": "The mbo sector: ambitions, budgets and progress",
    "subtitle": "Reporting year {year} — {institutions} institutions — from store {store}",
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
                      "by the rule in the method below (chapter 3 of the synthesis).",
    "title_convergence": "4. Convergence",
    "intro_convergence": "The spread between institutions (interquartile range) at the start and at the target: a "
                         "smaller spread at the target means institutions grow towards each other.",
    "title_completeness": "5. Completeness",
    "intro_completeness": "Findings per institution and rule family in its latest filing for this reporting year "
                          "(accepted or rejected): who is missing what.",
    "title_early_leavers": "6. Early school leavers",
    "intro_early_leavers": "The sum of the institutions' targets for new early school leavers, against the national "
                           "aim of 18,000.",
    "title_practorates": "7. Practorates",
    "intro_practorates": "The share of institutions with at least one practorate (I3.4.02, a national figure), derived "
                         "from the number of practorates each institution reports (I3.4.01): at the start, in the "
                         "reporting year and as planned for 2027, with the total number of practorates.",
    "alt_practorates": "Bar chart: share of institutions with at least one practorate, at the start, in the reporting "
                       "year and planned for 2027.",
    "sheet_practorates": "Practorates",
    "practorates_axis": "institutions with at least one practorate (%)",
    "with_practorate": "with at least one practorate", "practorates": "practorates (total)",
    "value_kind": "kind of value", "kind_start": "start", "kind_realisation": "realisation", "kind_target": "target",
    "title_realisation": "8. Realisation against the trajectory",
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
    "start_q1": "start Q1", "start_q3": "start Q3", "start_lowest": "start: in lowest quartile",
    "start_highest": "start: in highest quartile", "target_q1": "target Q1", "target_q3": "target Q3",
    "target_lowest": "target: in lowest quartile", "target_highest": "target: in highest quartile",
    "ambition_lowest": "ambition: in lowest quartile", "ambition_highest": "ambition: in highest quartile",
    "institution_name": "name",
    "unit_label": "unit",
    "summary_title": "Main figures",
    "summary_filed": "{filed} institutions filed a progress report for {year}; {accepted} of them were accepted, {rejected} rejected.",
    "summary_budget": "Together the institutions with a complete budget budget {amount} for 2024–2027; the largest share goes to objective {objective} ({share}).",
    "summary_ambition": "Start and target are known for {indicators} indicators; for {improving} of them the mean ambition is an improvement.",
    "summary_early_leavers": "The targets for new early school leavers add up to {target}, against a national aim of {aim}.",
    "summary_realisation": "In {year}, {share} of the institutions with a realisation are on or above the trajectory to their target.",
    "method_title": "Method",
    "method": [
        "Source: the progress filings in the store, per institution its latest accepted filing for the reporting year (a correction replaces the earlier one). Completeness also reads rejected filings. Non-funded institutions stay out of view.",
        "Ambition is the 2027 target minus the start value, read in the desired direction: for an indicator where lower is better, a decrease counts as a positive ambition. Only totals count, no breakdowns.",
        "Quartiles are the 25% and 75% points between institutions (linear interpolation). An institution is in the lowest or highest quartile of an indicator when its value lies beyond them; its type follows from how often that happens (as in chapter 3 of the 2024 synthesis).",
        "The trajectory is the straight line from the start value to the 2027 target. An institution is on track when its realisation, in the desired direction, is at least the line's value in that year. A straight line assumes even progress; it is a measure to open the conversation, not a verdict.",
        "A budget is complete when the filing is accepted without budget findings (MBO-B001, MBO-B002); only complete budgets count in the sector distribution.",
    ],
    "files": "The tables are beside this page as CSV (for programs) and in one Excel workbook:",
    "alt_ambition": "Bar chart: mean ambition per indicator in percentage points, with the first to third quartile as a line.",
    "alt_budget": "Bar charts: each objective's share of the budget, for the sector and per institution.",
    "alt_typology": "Bar chart: per institution, how often it is in the lowest and the highest quartile of the start values.",
    "alt_convergence": "Per indicator, the spread between institutions at the start and at the target.",
    "alt_completeness": "Heat map: number of findings per institution and rule family.",
    "alt_early_leavers": "Bar chart: the sum of start values and targets for new early school leavers, with the national aim as a line.",
    "alt_realisation": "Bar chart: share of institutions on or above the trajectory, per indicator and year.",
    "complete": "complete", "workbook_file": "sector-report-{year}.xlsx",
    "sheet_ambition": "Ambition", "sheet_budget_sector": "Budget sector",
    "sheet_budget_institutions": "Budget per institution", "sheet_typology_indicators": "Typology per indicator",
    "sheet_typology_institutions": "Typology per institution", "sheet_convergence": "Convergence",
    "sheet_completeness": "Completeness", "sheet_early_leavers": "Early school leavers",
    "sheet_realisation": "Realisation",
}

LABELS: dict[str, dict] = {"nl": _NL | {"lang": "nl"}, "en": _EN | {"lang": "en"}}
