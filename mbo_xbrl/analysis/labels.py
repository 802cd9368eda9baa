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
    "complete": "complete", "workbook_file": "sector-report-{year}.xlsx",
    "sheet_ambition": "Ambition", "sheet_budget_sector": "Budget sector",
    "sheet_budget_institutions": "Budget per institution", "sheet_typology_indicators": "Typology per indicator",
    "sheet_typology_institutions": "Typology per institution", "sheet_convergence": "Convergence",
    "sheet_completeness": "Completeness", "sheet_early_leavers": "Early school leavers",
    "sheet_realisation": "Realisation",
}

# Progress over the years (the sector report's section 8) and each institution's page (docs/analysis.md).
_NL |= {
    "title_realisation": "8. Voortgang over de jaren",
    "intro_realisation": "Per jaar: hoeveel instellingen met een realisatie op traject zijn voor ten minste de helft "
                         "van hun indicatoren, en hoeveel indicatoren achterblijven (minder dan de helft van de "
                         "instellingen op traject). Daaronder de indicatoren die in hun laatste jaar achterblijven, "
                         "en per indicator en jaar de realisatie van de sector tegenover het traject: bij aantallen "
                         "de som over de instellingen, bij andere eenheden het gemiddelde, naast de som of het "
                         "gemiddelde van de start- en streefwaarden van dezelfde instellingen.",
    "alt_realisation": "Warmtekaart: per indicator en jaar het aandeel instellingen op of boven het traject.",
    "on_track_axis": "aandeel instellingen op traject",
    "median": "mediaan", "q1": "Q1", "q3": "Q3", "aggregate": "sectorcijfer", "aggregate_sum": "som",
    "aggregate_mean": "gemiddelde", "sector_start": "sector start", "sector_trajectory": "sector traject",
    "sector_realisation": "sector realisatie", "sector_target": "sector streef", "indicators_behind": "achterblijvend",
    "share_year_before": "aandeel jaar ervoor", "on_track_overall": "op traject (≥ helft)",
    "summary_behind": "Achterblijvende indicatoren in {year}: {behind} van de {indicators} met een realisatie (minder "
                      "dan de helft van de instellingen op traject).",
    "summary_realisation": "In {year} is {share} van de instellingen met een realisatie op traject voor ten minste de "
                           "helft van hun indicatoren.",
    "sheet_progress_years": "Voortgang per jaar", "sheet_behind": "Achterblijvend", "sheet_paths": "Trajecten",
    "sheet_institution_years": "Voortgang per instelling", "sheet_peers": "Ambitie naast vergelijkbare start",
    "sheet_measure_uptake": "Maatregelen sector", "sheet_measure_choices": "Maatregelen per instelling",
    "sheet_filing_history": "Aanleveringen",
    # columns of the tables beside the page (CSV, workbook)
    "report_year": "verslagjaar", "filing_id": "aanlevering", "start": "start", "start_year": "startjaar",
    "target": "streefwaarde", "realisation": "realisatie", "trajectory": "traject", "better_than": "beter dan",
    "ambition": "ambitie", "start_quarter": "kwart van de start", "peers": "vergelijkbare instellingen",
    "peer_ambition": "ambitie vergelijkbare", "ambition_vs_peers": "verschil met vergelijkbare",
    "measure": "maatregel", "mandatory": "verplicht", "applied": "toegepast", "share_applied": "aandeel toegepast",
    "explanation": "uitleg", "file_name": "bestand", "submitted_at": "ingediend", "is_current": "geldend",
    "superseded": "vervangen", "errors": "fouten", "warnings": "waarschuwingen", "resubmission": "correctie",
    "progress_narrative": "toelichting", "sector_share": "aandeel sector", "difference": "verschil (procentpunt)",
    "mean_target_label": "gem. streefwaarde",
    # an institution's page
    "inst_title": "Voortgang van de instelling", "inst_all": "← Alle instellingen",
    "inst_subtitle": "Instelling {code} — tot en met verslagjaar {year} — voortgang op de Werkagenda mbo en het Stagepact",
    "inst_filed": "Voortgangsrapportages over {years}; goedgekeurd over {accepted}.",
    "inst_missing": "Geen voortgangsrapportage over {years}. Is de instelling gefuseerd, dan rapporteert de "
                    "instelling waarin zij opging voor beide.",
    "inst_resubmitted": "{count} aanlevering(en) waren een nieuwe versie van een eerdere voor hetzelfde verslagjaar.",
    "inst_rejected": "De rapportage over {year} is afgekeurd en dus niet opgenomen: begroting en keuzes van dat jaar "
                     "ontbreken hieronder; de bevindingen staan bij Aanleveringen.",
    "inst_on_track": "In {year} op traject voor {on_track} van de {indicators} indicatoren met een realisatie.",
    "inst_type": "Type {type} in de typologie van de sector: {description}.",
    "inst_narrative_title": "Toelichting van de instelling ({year})",
    "inst_progress_title": "Op traject per jaar",
    "inst_progress_intro": "Per jaar het aantal indicatoren met een realisatie, hoeveel daarvan op of boven het rechte "
                           "pad van start naar streefwaarde liggen, en hetzelfde aandeel voor de sector: het deel van "
                           "de instellingen dat op traject is voor ten minste de helft van hun indicatoren.",
    "inst_no_realisations": "Nog geen realisaties om tegen het traject te leggen.",
    "inst_indicators_realised": "indicatoren met realisatie", "inst_sector_overall": "sector: instellingen op traject",
    "inst_indicators_title": "Indicatoren",
    "inst_indicators_intro": "Per indicator de startwaarde, de streefwaarde 2027 en de realisaties per jaar, naast de "
                             "mediaan en de middelste helft (Q1–Q3) van de instellingen met een realisatie in dat "
                             "jaar. ‘Beter dan’ is het deel van de andere instellingen met een slechtere waarde, "
                             "gelezen in de gewenste richting.",
    "legend_band": "grijs vlak: middelste helft van de sector", "legend_median": "grijze lijn: mediaan",
    "legend_path": "blauwe stippellijn: pad van start naar streefwaarde",
    "legend_dots": "oranje: realisatie (vol = op traject, open = achter)",
    "chart_indicator": "Verloop van {indicator}: pad, realisaties en de sector",
    "inst_start_target": "Start {start} ({start_year}), streefwaarde {target} ({target_year}).",
    "inst_on_path": "op traject", "on_track_yes": "ja", "on_track_no": "achter", "inst_band": "Q1 – Q3",
    "inst_no_realisation_yet": "Nog geen realisatie in een jaar na de start.",
    "inst_peer": "Ambitie {ambition}; instellingen met een vergelijkbare start ({quarter}, {peers} instellingen) hebben "
                 "een mediane ambitie van {peer_ambition}: verschil {difference}.",
    "quarter_1": "het minst gunstige kwart", "quarter_2": "het tweede kwart", "quarter_3": "het derde kwart",
    "quarter_4": "het gunstigste kwart",
    "direction": "richting", "direction_higher": "hoger is beter", "direction_lower": "lager is beter",
    "inst_budget_title": "Begroting naast de sector",
    "inst_budget_intro": "Aandeel van elke doelstelling in de begroting 2024–2027 volgens de rapportage over {year}, "
                         "naast het aandeel in de sector (instellingen met een volledige begroting).",
    "inst_budget_incomplete": "Deze begroting is onvolledig en telt niet mee in de sectorverdeling.",
    "inst_no_budget": "Geen begroting in een rapportage over {year}.",
    "inst_measures_title": "Pas toe of leg uit",
    "inst_measures_intro": "De keuzes per maatregel in de rapportage over {year}, naast het aandeel van de instellingen "
                           "dat de maatregel toepast. Gemarkeerd: een keuze die minder dan een kwart van de "
                           "instellingen maakt.",
    "inst_uncommon": "weinig instellingen kiezen zo", "inst_no_measures": "Geen keuzes in een rapportage over {year}.",
    "inst_filings_title": "Aanleveringen en volledigheid",
    "inst_filings_intro": "Elke aangeleverde versie per verslagjaar, in volgorde van indienen: goedgekeurd of "
                          "afgekeurd, welke geldt, en de bevindingen per regelfamilie.",
    "inst_state": "geldt", "inst_families": "bevindingen per familie", "filing_current": "geldend",
    "filing_superseded": "vervangen door een latere", "filing_rejected": "niet opgenomen", "filing_history": "eerdere",
    "inst_method": [
        "Het pad is de rechte lijn van de startwaarde (in haar peiljaar) naar de streefwaarde 2027. Een rechte lijn "
        "veronderstelt gelijkmatige vooruitgang en is daarmee de eenvoudigste verwachting die uit start en doel "
        "volgt, zonder aannames over hoe een instelling haar doel bereikt; ze is een aanleiding voor het gesprek, "
        "geen oordeel. Elke realisatie wordt gelezen tegen het pad uit de rapportage die haar meldt.",
        "Op traject betekent: de realisatie ligt, in de gewenste richting gelezen, minstens op het pad in dat jaar.",
        "De sectorverdeling van een jaar is die van alle bekostigde instellingen met een realisatie voor die "
        "indicator in dat jaar (hun geldende rapportage); kwartielen met lineaire interpolatie.",
        "Vergelijkbare start: de instellingen waarvan de startwaarde, in de gewenste richting gelezen, in hetzelfde "
        "kwart van de sector ligt, de instelling zelf inbegrepen.",
    ],
    "inst_index_title": "Voortgang per instelling",
    "inst_index_intro": "Verslagjaar {year}: {count} instellingen. Elke naam leidt naar de eigen pagina.",
    "inst_years": "verslagjaren", "inst_latest": "laatste aanlevering", "inst_resubmissions": "correcties",
}
_EN |= {
    "title_realisation": "8. Progress over the years",
    "intro_realisation": "Per year: how many institutions with a realisation are on track for at least half of their "
                         "indicators, and how many indicators are behind (fewer than half the institutions on track). "
                         "Below, the indicators behind in their latest year, and per indicator and year the sector's "
                         "realisation against the trajectory: for counts the sum over the institutions, for other "
                         "units the mean, beside the sum or mean of the same institutions' starts and targets.",
    "alt_realisation": "Heat map: per indicator and year, the share of institutions on or above the trajectory.",
    "on_track_axis": "share of institutions on track",
    "median": "median", "q1": "Q1", "q3": "Q3", "aggregate": "sector figure", "aggregate_sum": "sum",
    "aggregate_mean": "mean", "sector_start": "sector start", "sector_trajectory": "sector trajectory",
    "sector_realisation": "sector realisation", "sector_target": "sector target", "indicators_behind": "behind",
    "share_year_before": "share the year before", "on_track_overall": "on track (≥ half)",
    "summary_behind": "Indicators behind in {year}: {behind} of the {indicators} with a realisation (fewer than half the "
                      "institutions on track).",
    "summary_realisation": "In {year}, {share} of the institutions with a realisation are on track for at least half of "
                           "their indicators.",
    "sheet_progress_years": "Progress per year", "sheet_behind": "Behind", "sheet_paths": "Paths",
    "sheet_institution_years": "Progress per institution", "sheet_peers": "Ambition beside similar start",
    "sheet_measure_uptake": "Measures sector", "sheet_measure_choices": "Measures per institution",
    "sheet_filing_history": "Filings",
    "report_year": "reporting year", "filing_id": "filing", "start": "start", "start_year": "start year",
    "target": "target", "realisation": "realisation", "trajectory": "trajectory", "better_than": "better than",
    "ambition": "ambition", "start_quarter": "quarter of the start", "peers": "similar institutions",
    "peer_ambition": "ambition of similar", "ambition_vs_peers": "difference with similar",
    "measure": "measure", "mandatory": "mandatory", "applied": "applied", "share_applied": "share applying",
    "explanation": "explanation", "file_name": "file", "submitted_at": "submitted", "is_current": "current",
    "superseded": "superseded", "errors": "errors", "warnings": "warnings", "resubmission": "resubmission",
    "progress_narrative": "narrative", "sector_share": "sector share", "difference": "difference (points)",
    "mean_target_label": "mean target",
    "inst_title": "The institution's progress", "inst_all": "← All institutions",
    "inst_subtitle": "Institution {code} — up to reporting year {year} — progress on the Werkagenda mbo and the "
                     "Stagepact",
    "inst_filed": "Progress reports for {years}; accepted for {accepted}.",
    "inst_missing": "No progress report for {years}. If the institution merged, the institution it merged into "
                    "reports for both.",
    "inst_resubmitted": "{count} filing(s) were a new version of an earlier one for the same reporting year.",
    "inst_rejected": "The report for {year} was rejected and is therefore not stored: that year's budget and choices "
                     "are missing below; the findings are under Filings.",
    "inst_on_track": "In {year}, on track for {on_track} of the {indicators} indicators with a realisation.",
    "inst_type": "Type {type} in the sector's typology: {description}.",
    "inst_narrative_title": "The institution's narrative ({year})",
    "inst_progress_title": "On track per year",
    "inst_progress_intro": "Per year the number of indicators with a realisation, how many of them lie on or above the "
                           "straight path from start to target, and the same share for the sector: the part of the "
                           "institutions on track for at least half of their indicators.",
    "inst_no_realisations": "No realisations yet to set against the trajectory.",
    "inst_indicators_realised": "indicators with a realisation", "inst_sector_overall": "sector: institutions on track",
    "inst_indicators_title": "Indicators",
    "inst_indicators_intro": "Per indicator the start value, the 2027 target and the realisations per year, beside the "
                             "median and the middle half (Q1–Q3) of the institutions with a realisation that year. "
                             "'Better than' is the part of the other institutions with a worse value, read in the "
                             "desired direction.",
    "legend_band": "grey area: the sector's middle half", "legend_median": "grey line: median",
    "legend_path": "dashed blue line: path from start to target",
    "legend_dots": "orange: realisation (filled = on track, open = behind)",
    "chart_indicator": "Course of {indicator}: path, realisations and the sector",
    "inst_start_target": "Start {start} ({start_year}), target {target} ({target_year}).",
    "inst_on_path": "on track", "on_track_yes": "yes", "on_track_no": "behind", "inst_band": "Q1 – Q3",
    "inst_no_realisation_yet": "No realisation yet in a year after the start.",
    "inst_peer": "Ambition {ambition}; institutions with a similar start ({quarter}, {peers} institutions) have a "
                 "median ambition of {peer_ambition}: difference {difference}.",
    "quarter_1": "the least favourable quarter", "quarter_2": "the second quarter", "quarter_3": "the third quarter",
    "quarter_4": "the most favourable quarter",
    "direction": "direction", "direction_higher": "higher is better", "direction_lower": "lower is better",
    "inst_budget_title": "Budget beside the sector",
    "inst_budget_intro": "Each objective's share of the 2024–2027 budget in the report for {year}, beside its share in "
                         "the sector (institutions with a complete budget).",
    "inst_budget_incomplete": "This budget is incomplete and does not count in the sector distribution.",
    "inst_no_budget": "No budget in a report for {year}.",
    "inst_measures_title": "Apply or explain",
    "inst_measures_intro": "The choices per measure in the report for {year}, beside the share of institutions applying "
                           "the measure. Marked: a choice fewer than a quarter of the institutions make.",
    "inst_uncommon": "few institutions choose so", "inst_no_measures": "No choices in a report for {year}.",
    "inst_filings_title": "Filings and completeness",
    "inst_filings_intro": "Every version delivered per reporting year, in the order submitted: accepted or rejected, "
                          "which one counts, and the findings per rule family.",
    "inst_state": "counts", "inst_families": "findings per family", "filing_current": "current",
    "filing_superseded": "superseded by a later one", "filing_rejected": "not stored", "filing_history": "earlier",
    "inst_method": [
        "The path is the straight line from the start value (in its reference year) to the 2027 target. A straight "
        "line assumes even progress and is thus the simplest expectation that follows from start and goal, with no "
        "assumption about how an institution reaches it; it opens the conversation, it is not a verdict. Each "
        "realisation is read against the path of the report that states it.",
        "On track means: the realisation, read in the desired direction, is at least on the path in that year.",
        "A year's sector distribution is that of all funded institutions with a realisation for the indicator in "
        "that year (their current report); quartiles by linear interpolation.",
        "Similar start: the institutions whose start value, read in the desired direction, lies in the same quarter "
        "of the sector, the institution itself included.",
    ],
    "inst_index_title": "Progress per institution",
    "inst_index_intro": "Reporting year {year}: {count} institutions. Each name leads to its own page.",
    "inst_years": "reporting years", "inst_latest": "latest filing", "inst_resubmissions": "resubmissions",
}

LABELS: dict[str, dict] = {"nl": _NL | {"lang": "nl"}, "en": _EN | {"lang": "en"}}
