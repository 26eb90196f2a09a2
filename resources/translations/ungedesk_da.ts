<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AddLocalRuleDialog</name>
    <message>
        <source>&amp;Add and recompute</source>
        <translation>&amp;Tilføj og genberegn</translation>
    </message>
    <message>
        <source>Add local standard</source>
        <translation>Tilføj lokal standard</translation>
    </message>
    <message>
        <source>E.g. 3 conversations in 3 months during visitation</source>
        <translation>Fx 3 samtaler på 3 måneder i visitationsforløbet; hver 2. måned for aktivitetsparate</translation>
    </message>
    <message>
        <source>First contact (henvendelse)</source>
        <translation>Henvendelse</translation>
    </message>
    <message>
        <source>A held job interview</source>
        <translation>En afholdt jobsamtale</translation>
    </message>
    <message>
        <source>Left the plan</source>
        <translation>Den unge har forladt sin plan</translation>
    </message>
    <message>
        <source>days</source>
        <translation>dage</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>arbejdsdage</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>uger</translation>
    </message>
    <message>
        <source>months</source>
        <translation>måneder</translation>
    </message>
    <message>
        <source>Job interview (jobsamtale)</source>
        <translation>Jobsamtale</translation>
    </message>
    <message>
        <source>Contact with the young person</source>
        <translation>Kontakt til den unge</translation>
    </message>
    <message>
        <source>Offer started</source>
        <translation>Tilbud startet</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>E.g. Quality standard, the municipality, 2026</source>
        <translation>Fx Kvalitetsstandard, Demo Kommune, 2026</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivelse:</translation>
    </message>
    <message>
        <source>S&amp;tarts at:</source>
        <translation>S&amp;tarter ved:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>&amp;Number needed:</source>
        <translation>&amp;Antal krævet:</translation>
    </message>
    <message>
        <source>&amp;Met by:</source>
        <translation>&amp;Opfyldes af:</translation>
    </message>
    <message>
        <source>Target &amp;groups:</source>
        <translation>&amp;Målgrupper:</translation>
    </message>
    <message>
        <source>&amp;Valid from:</source>
        <translation>&amp;Gælder fra:</translation>
    </message>
    <message>
        <source>T&amp;ightens:</source>
        <translation>Sk&amp;ærper:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Kilde:</translation>
    </message>
    <message>
        <source>Give the standard an id, e.g. lokal-samtale-hver-2-maaned.</source>
        <translation>Giv standarden et id, fx lokal-samtale-hver-2-maaned.</translation>
    </message>
    <message>
        <source>The id may only hold small letters a-z, digits, hyphens and underscores.</source>
        <translation>Id&apos;et må kun indeholde små bogstaver a-z, tal, bindestreger og understreger.</translation>
    </message>
    <message>
        <source>The id {id} is already used by another rule.</source>
        <translation>Id&apos;et {id} bruges allerede af en anden regel.</translation>
    </message>
    <message>
        <source>Describe the standard as the caseworker reads it.</source>
        <translation>Beskriv standarden, som sagsbehandleren skal læse den.</translation>
    </message>
    <message>
        <source>Choose at least one target group.</source>
        <translation>Vælg mindst én målgruppe.</translation>
    </message>
    <message>
        <source>Say where the standard comes from.</source>
        <translation>Angiv, hvor standarden kommer fra.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Loading …</source>
        <translation>Henter …</translation>
    </message>
    <message numerus="yes">
        <source>{count} events, newest first</source>
        <translation>
            <numerusform>{count} hændelse, nyeste først</numerusform>
            <numerusform>{count} hændelser, nyeste først</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>Sagsnr.</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Book</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Book a conversation</source>
        <translation>Book samtale</translation>
    </message>
    <message>
        <source>Record a conversation</source>
        <translation>Registrér samtale</translation>
    </message>
    <message>
        <source>Another time (type it below)</source>
        <translation>Et andet tidspunkt (skriv det nedenfor)</translation>
    </message>
    <message>
        <source> min.</source>
        <translation> min.</translation>
    </message>
    <message>
        <source>e.g. the job centre, meeting room 2</source>
        <translation>fx Jobcentret, mødelokale 2</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>UU counsellor</source>
        <translation>UU-vejleder</translation>
    </message>
    <message>
        <source>The young person</source>
        <translation>Den unge</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Forælder</translation>
    </message>
    <message>
        <source>Others, separated by commas</source>
        <translation>Andre, adskilt med komma</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Free &amp;UU time</source>
        <translation>Ledig &amp;UU-tid</translation>
    </message>
    <message>
        <source>&amp;Date and time</source>
        <translation>&amp;Dato og klokkeslæt</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>&amp;Varighed</translation>
    </message>
    <message>
        <source>&amp;Form</source>
        <translation>&amp;Form</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Sted</translation>
    </message>
    <message>
        <source>Partic&amp;ipants</source>
        <translation>&amp;Deltagere</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notat</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <source>&amp;Close case</source>
        <translation>&amp;Afslut sag</translation>
    </message>
    <message>
        <source>Close case – {name}</source>
        <translation>Afslut sag – {name}</translation>
    </message>
    <message>
        <source>Case {case}. A closed case can be reopened. After the retention period in Settings it can be deleted.</source>
        <translation>Sag {case}. En afsluttet sag kan genåbnes. Efter opbevaringsperioden i Indstillinger kan den slettes.</translation>
    </message>
    <message>
        <source>&amp;Went to</source>
        <translation>A&amp;fgang til</translation>
    </message>
    <message>
        <source>Closed &amp;on</source>
        <translation>Afsluttet &amp;den</translation>
    </message>
</context>
<context>
    <name>ConversationsModel</name>
    <message>
        <source>When</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagere</translation>
    </message>
</context>
<context>
    <name>ConversationsPanel</name>
    <message>
        <source>No conversations yet. Book the first one with &quot;Book conversation&quot; (Ctrl+B).</source>
        <translation>Ingen samtaler endnu. Book den første med &quot;Book samtale&quot; (Ctrl+B).</translation>
    </message>
    <message>
        <source>&amp;Book conversation…</source>
        <translation>&amp;Book samtale…</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Record &amp;held conversation…</source>
        <translation>Registrér &amp;afholdt samtale…</translation>
    </message>
    <message>
        <source>Record a conversation afterwards, held or missed, that was never booked.</source>
        <translation>Registrér en samtale bagefter, afholdt eller udeblevet, som aldrig blev booket.</translation>
    </message>
    <message>
        <source>&amp;Held…</source>
        <translation>Af&amp;holdt…</translation>
    </message>
    <message>
        <source>&amp;Missed</source>
        <translation>&amp;Udeblevet</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Af&amp;lys</translation>
    </message>
    <message>
        <source>Save as calendar &amp;invitation (.ics)…</source>
        <translation>Gem som &amp;kalenderinvitation (.ics)…</translation>
    </message>
    <message>
        <source>Selected conversation:</source>
        <translation>Valgt samtale:</translation>
    </message>
    <message>
        <source>Cancel conversation</source>
        <translation>Aflys samtale</translation>
    </message>
    <message>
        <source>Cancel the conversation {when}? It stays in the list as cancelled.</source>
        <translation>Aflys samtalen {when}? Den bliver stående i listen som aflyst.</translation>
    </message>
    <message>
        <source>Save calendar invitation</source>
        <translation>Gem kalenderinvitation</translation>
    </message>
    <message>
        <source>Calendar invitation (*.ics)</source>
        <translation>Kalenderinvitation (*.ics)</translation>
    </message>
    <message>
        <source>Invitation saved as {file}. It holds the time and place only, no name and no CPR number.</source>
        <translation>Invitationen er gemt som {file}. Den indeholder kun tid og sted, intet navn og intet CPR-nummer.</translation>
    </message>
    <message>
        <source>The invitation could not be saved: {reason}</source>
        <translation>Invitationen kunne ikke gemmes: {reason}</translation>
    </message>
</context>
<context>
    <name>DeadlineOverviewModel</name>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>Sagsnr.</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Krav</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbeh.</translation>
    </message>
    <message>
        <source>This week (week {week})</source>
        <translation>Denne uge (uge {week})</translation>
    </message>
    <message>
        <source>Next week (week {week})</source>
        <translation>Næste uge (uge {week})</translation>
    </message>
    <message>
        <source>Overdue ({count})</source>
        <translation>Overskredne ({count})</translation>
    </message>
    <message>
        <source>No deadlines this week</source>
        <translation>Ingen frister denne uge</translation>
    </message>
    <message>
        <source>No deadlines next week</source>
        <translation>Ingen frister næste uge</translation>
    </message>
    <message>
        <source>No overdue deadlines</source>
        <translation>Ingen overskredne frister</translation>
    </message>
    <message>
        <source>The due date falls on a closed day ({reason}). The deadline is not moved.</source>
        <translation>Fristen falder på en lukkedag ({reason}). Fristen flyttes ikke.</translation>
    </message>
    <message>
        <source>⚠ Overdue</source>
        <translation>⚠ Overskredet</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <source>{done} of {needed}</source>
        <translation>{done} af {needed}</translation>
    </message>
</context>
<context>
    <name>DeadlinesModel</name>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Krav</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <source>{done} of {needed}</source>
        <translation>{done} af {needed}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Opfyldt</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Overholdt</translation>
    </message>
    <message>
        <source>Met late</source>
        <translation>Overholdt for sent</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overskredet</translation>
    </message>
    <message>
        <source>{status} {day}</source>
        <translation>{status} {day}</translation>
    </message>
    <message>
        <source>The deadline falls on {reason}</source>
        <translation>Fristen falder på {reason}</translation>
    </message>
    <message>
        <source>Tightened by local standard: {names}</source>
        <translation>Strammet af lokal standard: {names}</translation>
    </message>
    <message>
        <source>↳ Local standard: {name}</source>
        <translation>↳ Lokal standard: {name}</translation>
    </message>
    <message>
        <source>Local standard</source>
        <translation>Lokal standard</translation>
    </message>
</context>
<context>
    <name>DeadlinesPanel</name>
    <message>
        <source>No deadlines yet. They appear when the visitation and the conversations are registered.</source>
        <translation>Ingen frister endnu. De kommer, når visitationen og samtalerne er registreret.</translation>
    </message>
</context>
<context>
    <name>DeadlinesView</name>
    <message>
        <source>&amp;Mine</source>
        <translation>&amp;Mine</translation>
    </message>
    <message>
        <source>Deadlines of the young people you are caseworker for</source>
        <translation>Frister for de unge, du er sagsbehandler for</translation>
    </message>
    <message>
        <source>A&amp;ll</source>
        <translation>A&amp;lle</translation>
    </message>
    <message>
        <source>Deadlines of all active cases</source>
        <translation>Frister for alle aktive sager</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Vis:</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>UngeDesk is ready</source>
        <translation>UngeDesk er klar</translation>
    </message>
    <message>
        <source>Keep the recovery passphrase somewhere safe, away from the computer. Without it the database cannot be opened on a new computer.</source>
        <translation>Gem gendannelsesfrasen et sikkert sted, væk fra computeren. Uden den kan databasen ikke åbnes på en ny computer.</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>Datamappe: {folder}</translation>
    </message>
    <message>
        <source>The database has been created and encrypted.</source>
        <translation>Databasen er oprettet og krypteret.</translation>
    </message>
    <message>
        <source>The database has been created and encrypted. Please read this:</source>
        <translation>Databasen er oprettet og krypteret. Læs dette:</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Record event</source>
        <translation>Registrér hændelse</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>&amp;Hændelse</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
</context>
<context>
    <name>ExpiredCasesDialog</name>
    <message>
        <source>&amp;Delete ticked…</source>
        <translation>&amp;Slet markerede …</translation>
    </message>
    <message>
        <source>Cases to delete</source>
        <translation>Sager til sletning</translation>
    </message>
    <message>
        <source>Closed cases whose retention period has run out. Tick the cases to delete (Space ticks or unticks the selected row). Deleted data cannot be recovered, except from an older backup.</source>
        <translation>Afsluttede sager, hvis opbevaringsperiode er udløbet. Markér de sager, der skal slettes (mellemrumstasten markerer og afmarkerer den valgte række). Slettede oplysninger kan ikke genskabes, kun fra en ældre sikkerhedskopi.</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>Henter …</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>Markér &amp;alle</translation>
    </message>
    <message>
        <source>Tick &amp;none</source>
        <translation>Markér &amp;ingen</translation>
    </message>
    <message>
        <source>Delete cases</source>
        <translation>Slet sager</translation>
    </message>
    <message numerus="yes">
        <source>Delete {count} cases permanently? All data about these young people is removed from this computer. The access log keeps only that a case was deleted.</source>
        <translation>
            <numerusform>Slet {count} sag permanent? Alle oplysninger om den unge fjernes fra denne computer. Adgangsloggen gemmer kun, at sagen er slettet.</numerusform>
            <numerusform>Slet {count} sager permanent? Alle oplysninger om de unge fjernes fra denne computer. Adgangsloggen gemmer kun, at sagerne er slettet.</numerusform>
        </translation>
    </message>
    <message>
        <source>No closed case has passed its retention period. Nothing to delete.</source>
        <translation>Ingen afsluttet sag har overskredet opbevaringsperioden. Der er intet at slette.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete {count} ticked…</source>
        <translation>
            <numerusform>&amp;Slet {count} markeret …</numerusform>
            <numerusform>&amp;Slet {count} markerede …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpiredModel</name>
    <message>
        <source>Case no.</source>
        <translation>Sagsnr.</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <source>Went to</source>
        <translation>Afgang til</translation>
    </message>
</context>
<context>
    <name>ExportPersonDialog</name>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Udtræk</translation>
    </message>
    <message>
        <source>Right of access – {name}</source>
        <translation>Indsigt – {name}</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Vælg …</translation>
    </message>
    <message>
        <source>Request for access from the young person</source>
        <translation>Anmodning om indsigt fra den unge</translation>
    </message>
    <message>
        <source>Writes everything UngeDesk holds about the young person, with the access history, as a PDF to hand over and a JSON file for machines. The file names carry the case number {case}, never the CPR number. The export is logged.</source>
        <translation>Skriver alt, hvad UngeDesk har om den unge, med adgangshistorikken, som en PDF til at udlevere og en JSON-fil til maskiner. Filnavnene indeholder sagsnummeret {case}, aldrig CPR-nummeret. Udtrækket bliver logget.</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Mappe</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Formål</translation>
    </message>
    <message>
        <source>Choose a folder for the export</source>
        <translation>Vælg en mappe til udtrækket</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>Vælg en mappe.</translation>
    </message>
    <message>
        <source>Write why the data is exported.</source>
        <translation>Skriv, hvorfor oplysningerne udtrækkes.</translation>
    </message>
</context>
<context>
    <name>HeldDialog</name>
    <message>
        <source>&amp;Mark held</source>
        <translation>&amp;Markér afholdt</translation>
    </message>
    <message>
        <source>Conversation held</source>
        <translation>Samtale afholdt</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Samtale</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notat</translation>
    </message>
</context>
<context>
    <name>LocalRulesDialog</name>
    <message>
        <source>Local standards</source>
        <translation>Lokale standarder</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <source>The legal rules come with UngeDesk. The municipality&apos;s local standards (kvalitetsstandarder) are shown under the legal rule they tighten; both give deadlines. Greyed rules are historic: they only apply to old cases.</source>
        <translation>Lovreglerne følger med UngeDesk. Kommunens lokale standarder (kvalitetsstandarder) vises under den lovregel, de skærper; begge giver frister. Grå regler er historiske: de gælder kun gamle sager.</translation>
    </message>
    <message>
        <source>&amp;Add local standard…</source>
        <translation>&amp;Tilføj lokal standard…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Fjern</translation>
    </message>
    <message>
        <source>Historic: {rule}</source>
        <translation>Historisk: {rule}</translation>
    </message>
    <message>
        <source>The same day</source>
        <translation>Samme dag</translation>
    </message>
    <message>
        <source>{count} times in {period}</source>
        <translation>{count} gange på {period}</translation>
    </message>
    <message>
        <source>Local standard: {rule}</source>
        <translation>Lokal standard: {rule}</translation>
    </message>
    <message>
        <source>Remove local standard</source>
        <translation>Fjern lokal standard</translation>
    </message>
    <message>
        <source>Remove the local standard {id}? Its deadlines are removed from every case.</source>
        <translation>Fjern den lokale standard {id}? Dens frister fjernes fra alle sager.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>UngeDesk is locked</source>
        <translation>UngeDesk er låst</translation>
    </message>
    <message>
        <source>Nothing is shown until you unlock. Your work is kept as you left it.</source>
        <translation>Intet vises, før du låser op. Dit arbejde venter, som du forlod det.</translation>
    </message>
    <message>
        <source>or type your recovery passphrase:</source>
        <translation>eller skriv din gendannelsesfrase:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Lås op</translation>
    </message>
    <message>
        <source>Recovery &amp;passphrase</source>
        <translation>Gendannelses&amp;frase</translation>
    </message>
    <message>
        <source>Unlock as {name}</source>
        <translation>Lås op som {name}</translation>
    </message>
    <message>
        <source>Unlock with the keyring</source>
        <translation>Lås op med nøgleringen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search by name, CPR no. or case no.</source>
        <translation>Søg på navn, CPR-nr. eller sagsnr.</translation>
    </message>
    <message>
        <source>Choose a young person in the list and press Enter to open the record.</source>
        <translation>Vælg en ung i listen, og tryk Enter for at åbne sagen.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Young people</source>
        <translation>&amp;Unge</translation>
    </message>
    <message>
        <source>&amp;Register a young person…</source>
        <translation>&amp;Registrer en ung …</translation>
    </message>
    <message>
        <source>Young people</source>
        <translation>Unge</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Frister</translation>
    </message>
    <message>
        <source>Take a backup now</source>
        <translation>Tag en sikkerhedskopi nu</translation>
    </message>
    <message>
        <source>&amp;Receive a transferred case…</source>
        <translation>&amp;Modtag overført sag …</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Søg</translation>
    </message>
    <message>
        <source>&amp;Close record</source>
        <translation>&amp;Luk sagen</translation>
    </message>
    <message>
        <source>&amp;Deadlines</source>
        <translation>&amp;Frister</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>S&amp;ag</translation>
    </message>
    <message>
        <source>C&amp;lose case…</source>
        <translation>&amp;Afslut sag …</translation>
    </message>
    <message>
        <source>&amp;Reopen case</source>
        <translation>&amp;Genåbn sag</translation>
    </message>
    <message>
        <source>Right of &amp;access: export all data…</source>
        <translation>&amp;Indsigt: udtræk alle oplysninger …</translation>
    </message>
    <message>
        <source>Access &amp;history</source>
        <translation>Adgangs&amp;historik</translation>
    </message>
    <message>
        <source>&amp;Transfer case…</source>
        <translation>&amp;Overfør sag …</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>&amp;Regler</translation>
    </message>
    <message>
        <source>&amp;Local standards…</source>
        <translation>&amp;Lokale standarder…</translation>
    </message>
    <message>
        <source>Se&amp;curity</source>
        <translation>Sikke&amp;rhed</translation>
    </message>
    <message>
        <source>&amp;Take a backup…</source>
        <translation>&amp;Tag sikkerhedskopi …</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Gendan fra sikkerhedskopi …</translation>
    </message>
    <message>
        <source>&amp;My access</source>
        <translation>&amp;Min adgang</translation>
    </message>
    <message>
        <source>&amp;Check the access log</source>
        <translation>&amp;Kontrollér adgangsloggen</translation>
    </message>
    <message>
        <source>Cases to &amp;delete…</source>
        <translation>Sager til &amp;sletning …</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>I&amp;ndstillinger …</translation>
    </message>
    <message>
        <source>Signed in as {name} ({initials})</source>
        <translation>Logget ind som {name} ({initials})</translation>
    </message>
    <message>
        <source>Loading young people …</source>
        <translation>Henter unge …</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of {total} young people</source>
        <translation>
            <numerusform>{shown} af {total} ung</numerusform>
            <numerusform>{shown} af {total} unge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{total} young people</source>
        <translation>
            <numerusform>{total} ung</numerusform>
            <numerusform>{total} unge</numerusform>
        </translation>
    </message>
    <message>
        <source>No young people registered yet – press Ctrl+N to register the first.</source>
        <translation>Ingen unge registreret endnu – tryk Ctrl+N for at registrere den første.</translation>
    </message>
    <message>
        <source>No young people match the search. Press Esc to clear it.</source>
        <translation>Ingen unge matcher søgningen. Tryk Esc for at rydde den.</translation>
    </message>
    <message>
        <source>Deadlines ({overdue} overdue · {week} this week)</source>
        <translation>Frister ({overdue} overskredne · {week} denne uge)</translation>
    </message>
    <message>
        <source>{overdue} overdue, {week} due this week (filter: {scope})</source>
        <translation>{overdue} overskredne, {week} med frist denne uge (filter: {scope})</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>mine</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Å&amp;bn mappen</translation>
    </message>
    <message>
        <source>No backup has been taken yet</source>
        <translation>Der er endnu ikke taget en sikkerhedskopi</translation>
    </message>
    <message numerus="yes">
        <source>No backup has been taken for {days} days</source>
        <translation>
            <numerusform>Der er ikke taget sikkerhedskopi i {days} dag</numerusform>
            <numerusform>Der er ikke taget sikkerhedskopi i {days} dage</numerusform>
        </translation>
    </message>
    <message>
        <source>Take a backup</source>
        <translation>Tag sikkerhedskopi</translation>
    </message>
    <message>
        <source>UngeDesk backups (*.udbackup)</source>
        <translation>UngeDesk-sikkerhedskopier (*.udbackup)</translation>
    </message>
    <message>
        <source>Taking a backup and checking it against the database …</source>
        <translation>Tager sikkerhedskopi og kontrollerer den mod databasen …</translation>
    </message>
    <message>
        <source>The backup is saved and checked: {rows} rows in {tables} tables.

{path}

Keep it on a drive the municipality approves, away from this computer. Restoring it needs the recovery passphrase.</source>
        <translation>Sikkerhedskopien er gemt og kontrolleret: {rows} rækker i {tables} tabeller.

{path}

Opbevar den på et drev, kommunen har godkendt, og ikke på denne computer. Gendannelse kræver gendannelsesfrasen.</translation>
    </message>
    <message>
        <source>The access log is intact: {count} events checked, none changed, added or removed.</source>
        <translation>Adgangsloggen er intakt: {count} hændelser kontrolleret, ingen er ændret, tilføjet eller fjernet.</translation>
    </message>
    <message>
        <source>The access log has been tampered with. Tell your IT security contact.

</source>
        <translation>Der er pillet ved adgangsloggen. Kontakt kommunens it-sikkerhedsansvarlige.

</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>… og {count} mere.</translation>
    </message>
    <message numerus="yes">
        <source>{count} cases deleted.</source>
        <translation>
            <numerusform>{count} sag slettet.</numerusform>
            <numerusform>{count} sager slettet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The data is exported: {pdf} to hand over, and {json} for machines.

{folder}

The files are not encrypted: hand them over securely and delete them from the computer afterwards.</source>
        <translation>Oplysningerne er udtrukket: {pdf} til at udlevere og {json} til maskiner.

{folder}

Filerne er ikke krypterede: udlevér dem sikkert, og slet dem fra computeren bagefter.</translation>
    </message>
    <message>
        <source>The transfer file is written:

{path}

Send it to the receiver and tell them the passphrase by phone or in person.</source>
        <translation>Overførselsfilen er skrevet:

{path}

Send den til modtageren, og fortæl adgangsfrasen i telefonen eller personligt.</translation>
    </message>
    <message>
        <source>Case received and registered as {case}.</source>
        <translation>Sagen er modtaget og registreret som {case}.</translation>
    </message>
    <message>
        <source>Case received: {case} is updated with the newer data.</source>
        <translation>Sagen er modtaget: {case} er opdateret med de nyere oplysninger.</translation>
    </message>
</context>
<context>
    <name>MyAccessDialog</name>
    <message>
        <source>My access</source>
        <translation>Min adgang</translation>
    </message>
    <message>
        <source>What you have read, searched, changed, printed and exported (up to the 500 latest). Older events are deleted after the retention period in Settings.</source>
        <translation>Hvad du har læst, søgt, ændret, udskrevet og udtrukket (højst de 500 seneste). Ældre hændelser slettes efter opbevaringsperioden i Indstillinger.</translation>
    </message>
    <message>
        <source>You have no logged access yet.</source>
        <translation>Du har endnu ingen logget adgang.</translation>
    </message>
</context>
<context>
    <name>OpeningWindow</name>
    <message>
        <source>Opening UngeDesk …</source>
        <translation>Åbner UngeDesk …</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Recovery passphrase</source>
        <translation>Gendannelsesfrase</translation>
    </message>
    <message>
        <source>The passphrase unlocks the database if this computer&apos;s keyring loses the key, or if you move to another computer. Nobody can reset it: write it down and keep it somewhere safe.</source>
        <translation>Frasen låser databasen op, hvis computerens nøglering mister nøglen, eller hvis du skifter computer. Ingen kan nulstille den: skriv den ned, og gem den et sikkert sted.</translation>
    </message>
    <message>
        <source>&amp;Create database</source>
        <translation>&amp;Opret databasen</translation>
    </message>
    <message>
        <source>&amp;Show passphrase</source>
        <translation>&amp;Vis frasen</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>&amp;Gentag frasen</translation>
    </message>
    <message>
        <source>Strength: {label}. {hint}</source>
        <translation>Styrke: {label}. {hint}</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>De to fraser er ikke ens.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>About you</source>
        <translation>Om dig</translation>
    </message>
    <message>
        <source>UngeDesk keeps the young people&apos;s cases encrypted on this computer. First tell us who you are: your name goes on the plans you hand out.</source>
        <translation>UngeDesk gemmer de unges sager krypteret på denne computer. Fortæl først, hvem du er: dit navn kommer på de planer, du udleverer.</translation>
    </message>
    <message>
        <source>e.g. Jobcenter, youth team</source>
        <translation>fx Jobcenter, Ungeteamet</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>valgfri</translation>
    </message>
    <message>
        <source>e.g. Ribe Kommune</source>
        <translation>fx Esbjerg Kommune</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>Na&amp;vn</translation>
    </message>
    <message>
        <source>&amp;Initials</source>
        <translation>&amp;Initialer</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>En&amp;hed</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation>&amp;Kommune</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Show &amp;CPR</source>
        <translation>Vis &amp;CPR</translation>
    </message>
    <message>
        <source>Show the full CPR number. Press again to hide it.</source>
        <translation>Vis hele CPR-nummeret. Tryk igen for at skjule det.</translation>
    </message>
    <message>
        <source>C&amp;opy CPR</source>
        <translation>K&amp;opiér CPR</translation>
    </message>
    <message>
        <source>Copy the full CPR number to paste it into another system. The clipboard is emptied again after {seconds} seconds.</source>
        <translation>Kopiér hele CPR-nummeret for at sætte det ind i et andet system. Udklipsholderen tømmes igen efter {seconds} sekunder.</translation>
    </message>
    <message>
        <source>CPR no.</source>
        <translation>CPR-nr.</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Legal sex</source>
        <translation>Juridisk køn</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>Sagsnr.</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>Basic data</source>
        <translation>Stamdata</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Henvendelse</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>Ydelse</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Uddannelse</translation>
    </message>
    <message>
        <source>Visitation</source>
        <translation>Visitation</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Samtaler</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Frister</translation>
    </message>
    <message>
        <source>{age} years</source>
        <translation>{age} år</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Ikke oplyst</translation>
    </message>
    <message>
        <source>Hide &amp;CPR</source>
        <translation>Skjul &amp;CPR</translation>
    </message>
    <message>
        <source>CPR no. copied. The clipboard is emptied in {seconds} seconds.</source>
        <translation>CPR-nummeret er kopieret. Udklipsholderen tømmes om {seconds} sekunder.</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>CPR no.</source>
        <translation>CPR-nr.</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>Sagsnr.</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Henvendelse</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open the record and press Show CPR to see the full number.</source>
        <translation>Åbn sagen, og tryk Vis CPR for at se hele nummeret.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>&amp;Restore and restart</source>
        <translation>&amp;Gendan og genstart</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Gendan fra sikkerhedskopi</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Ingen fil valgt</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>&amp;Vælg fil …</translation>
    </message>
    <message>
        <source>The recovery passphrase that was valid when the backup was taken. Leave it empty if the backup was taken on this computer.</source>
        <translation>Den gendannelsesfrase, der gjaldt, da sikkerhedskopien blev taget. Lad feltet stå tomt, hvis kopien er taget på denne computer.</translation>
    </message>
    <message>
        <source>Restoring replaces ALL data in UngeDesk on this computer with the data in the backup. Everything registered after the backup was taken is lost. UngeDesk closes and opens again with the restored data.</source>
        <translation>Gendannelse erstatter ALLE data i UngeDesk på denne computer med dataene i sikkerhedskopien. Alt, der er registreret, efter kopien blev taget, går tabt. UngeDesk lukker og åbner igen med de gendannede data.</translation>
    </message>
    <message>
        <source>&amp;Backup file</source>
        <translation>&amp;Sikkerhedskopi</translation>
    </message>
    <message>
        <source>Recovery &amp;passphrase</source>
        <translation>Gendannelses&amp;frase</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Vælg en sikkerhedskopi</translation>
    </message>
    <message>
        <source>UngeDesk backups (*.udbackup);;All files (*)</source>
        <translation>UngeDesk-sikkerhedskopier (*.udbackup);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Reading the backup …</source>
        <translation>Læser sikkerhedskopien …</translation>
    </message>
    <message>
        <source>Backup taken {when} · {rows} rows in {tables} tables</source>
        <translation>Sikkerhedskopi taget {when} · {rows} rækker i {tables} tabeller</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Lås nu</translation>
    </message>
    <message>
        <source>Hide everything until you unlock (Ctrl+L)</source>
        <translation>Skjul alt, indtil du låser op (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lock &amp;automatically after</source>
        <translation>Lås automatisk &amp;efter</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minut</numerusform>
            <numerusform>%n minutter</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlock with the &amp;keyring</source>
        <translation>Lås op med &amp;nøgleringen</translation>
    </message>
    <message>
        <source>Unlock with a click when the keyring holds the key, without the passphrase</source>
        <translation>Lås op med et klik, når nøgleringen har nøglen, uden gendannelsesfrasen</translation>
    </message>
    <message>
        <source>UngeDesk – locked</source>
        <translation>UngeDesk – låst</translation>
    </message>
    <message>
        <source>The passphrase is wrong. Try again, and check whether Caps Lock is on.</source>
        <translation>Adgangsfrasen er forkert. Prøv igen, og tjek om Caps Lock er slået til.</translation>
    </message>
    <message>
        <source>The keyring no longer holds the key. Type your recovery passphrase.</source>
        <translation>Nøgleringen har ikke længere nøglen. Skriv din gendannelsesfrase.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dage</translation>
    </message>
    <message>
        <source> months</source>
        <translation> måneder</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>e.g. tue 9-12, thu 9-12</source>
        <translation>fx tir 9-12, tor 9-12</translation>
    </message>
    <message>
        <source>Remind about a &amp;backup after</source>
        <translation>Påmind om &amp;sikkerhedskopi efter</translation>
    </message>
    <message>
        <source>The status bar warns when the last backup is older than this.</source>
        <translation>Statuslinjen advarer, når den seneste sikkerhedskopi er ældre end dette.</translation>
    </message>
    <message>
        <source>Keep the &amp;access log for</source>
        <translation>Gem &amp;adgangsloggen i</translation>
    </message>
    <message>
        <source>Older log events are deleted when UngeDesk is opened.</source>
        <translation>Ældre loghændelser slettes, når UngeDesk åbnes.</translation>
    </message>
    <message>
        <source>Keep &amp;closed cases for</source>
        <translation>Gem &amp;afsluttede sager i</translation>
    </message>
    <message>
        <source>Then they appear under Security › Cases to delete. Nothing is deleted without your confirmation.</source>
        <translation>Derefter vises de under Sikkerhed › Sager til sletning. Intet slettes, uden at du bekræfter det.</translation>
    </message>
    <message>
        <source>&amp;UU counsellor&apos;s hours</source>
        <translation>&amp;UU-vejlederens træffetid</translation>
    </message>
    <message>
        <source>Weekdays and times when the UU counsellor is at the jobcentre, e.g. tir 9-12, tor 9-12. Booking offers free times within them.</source>
        <translation>Ugedage og tider, hvor UU-vejlederen er i jobcentret, fx tir 9-12, tor 9-12. Ved booking foreslås ledige tider inden for dem.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up UngeDesk</source>
        <translation>Opsætning af UngeDesk</translation>
    </message>
    <message>
        <source>&amp;Start UngeDesk</source>
        <translation>&amp;Start UngeDesk</translation>
    </message>
</context>
<context>
    <name>TargetGroupDialog</name>
    <message>
        <source>&amp;Change</source>
        <translation>&amp;Skift</translation>
    </message>
    <message>
        <source>Change target group</source>
        <translation>Skift målgruppe</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Fra</translation>
    </message>
    <message>
        <source>New &amp;target group</source>
        <translation>Ny &amp;målgruppe</translation>
    </message>
    <message>
        <source>&amp;Sub-assessment</source>
        <translation>&amp;Delvurdering</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Begrundelse</translation>
    </message>
</context>
<context>
    <name>TransferExportDialog</name>
    <message>
        <source>&amp;Write transfer file</source>
        <translation>&amp;Skriv overførselsfil</translation>
    </message>
    <message>
        <source>Transfer case – {name}</source>
        <translation>Overfør sag – {name}</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Vælg …</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Mappe</translation>
    </message>
    <message>
        <source>Transfer &amp;passphrase</source>
        <translation>Overførsels&amp;frase</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>&amp;Gentag den</translation>
    </message>
    <message>
        <source>Case {case} is written to an encrypted file named by the case number. Send the file, and tell the receiver the passphrase another way (by phone or in person), never in the same e-mail.</source>
        <translation>Sag {case} skrives til en krypteret fil, der er navngivet efter sagsnummeret. Send filen, og fortæl modtageren adgangsfrasen på en anden måde (i telefonen eller personligt), aldrig i samme e-mail.</translation>
    </message>
    <message>
        <source>Choose a folder for the transfer file</source>
        <translation>Vælg en mappe til overførselsfilen</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>Vælg en mappe.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De to adgangsfraser er forskellige.</translation>
    </message>
</context>
<context>
    <name>TransferImportDialog</name>
    <message>
        <source>&amp;Receive</source>
        <translation>&amp;Modtag</translation>
    </message>
    <message>
        <source>Receive a transferred case</source>
        <translation>Modtag overført sag</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>&amp;Vælg fil …</translation>
    </message>
    <message>
        <source>Transfer &amp;file</source>
        <translation>Overførsels&amp;fil</translation>
    </message>
    <message>
        <source>Transfer &amp;passphrase</source>
        <translation>Overførsels&amp;frase</translation>
    </message>
    <message>
        <source>A young person you do not have yet is registered with a new case number and you as caseworker. One you have is updated only if the file is newer.</source>
        <translation>En ung, du ikke har i forvejen, registreres med et nyt sagsnummer og dig som sagsbehandler. En ung, du allerede har, opdateres kun, hvis filen er nyere.</translation>
    </message>
    <message>
        <source>Choose a transfer file</source>
        <translation>Vælg en overførselsfil</translation>
    </message>
    <message>
        <source>UngeDesk transfers (*.udcase);;All files (*)</source>
        <translation>UngeDesk-overførsler (*.udcase);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Choose the file you received.</source>
        <translation>Vælg den fil, du har modtaget.</translation>
    </message>
    <message>
        <source>Write the passphrase the sender told you.</source>
        <translation>Skriv den adgangsfrase, afsenderen har givet dig.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock UngeDesk</source>
        <translation>Lås UngeDesk op</translation>
    </message>
    <message>
        <source>The key to the database is not in this computer&apos;s keyring (perhaps the computer is new or the keyring was reset). Type your recovery passphrase to open the database. UngeDesk then puts the key back in the keyring, so you will not be asked next time.</source>
        <translation>Nøglen til databasen ligger ikke i computerens nøglering (måske er computeren ny, eller nøgleringen er nulstillet). Skriv din gendannelsesfrase for at åbne databasen. UngeDesk lægger så nøglen tilbage i nøgleringen, så du ikke bliver spurgt næste gang.</translation>
    </message>
    <message>
        <source>This computer has no keyring UngeDesk can use, so the key to the database is locked with your recovery passphrase. Type it to open the database.</source>
        <translation>Denne computer har ingen nøglering, UngeDesk kan bruge. Derfor er nøglen til databasen låst med din gendannelsesfrase. Skriv frasen for at åbne databasen.</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Lås op</translation>
    </message>
    <message>
        <source>Recovery &amp;passphrase</source>
        <translation>Gendannelses&amp;frase</translation>
    </message>
</context>
<context>
    <name>VisitationDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Register visitation</source>
        <translation>Registrér visitation</translation>
    </message>
    <message>
        <source>Correct visitation</source>
        <translation>Ret visitation</translation>
    </message>
    <message>
        <source>Education order (uddannelsespålæg) given</source>
        <translation>Uddannelsespålæg givet</translation>
    </message>
    <message>
        <source>The education the young person must point to</source>
        <translation>Den uddannelse, den unge skal pege på</translation>
    </message>
    <message>
        <source>The education order was abolished from 1 January 2027.</source>
        <translation>Uddannelsespålægget er afskaffet fra 1. januar 2027.</translation>
    </message>
    <message>
        <source>FVU/OBU screening &amp;needed</source>
        <translation>FVU/OBU-screening &amp;nødvendig</translation>
    </message>
    <message>
        <source>UU counsellor &amp;present</source>
        <translation>UU-vejleder &amp;til stede</translation>
    </message>
    <message>
        <source>Turned a&amp;way at the door (vendt i døren)</source>
        <translation>&amp;Vendt i døren</translation>
    </message>
    <message>
        <source>&amp;Given on</source>
        <translation>&amp;Givet den</translation>
    </message>
    <message>
        <source>Ed&amp;ucation</source>
        <translation>&amp;Uddannelse</translation>
    </message>
    <message>
        <source>Dead&amp;line</source>
        <translation>&amp;Frist</translation>
    </message>
    <message>
        <source>&amp;Visitation date</source>
        <translation>&amp;Visitationsdato</translation>
    </message>
    <message>
        <source>&amp;Target group</source>
        <translation>&amp;Målgruppe</translation>
    </message>
    <message>
        <source>&amp;Sub-assessment</source>
        <translation>&amp;Delvurdering</translation>
    </message>
    <message>
        <source>&amp;Reasons</source>
        <translation>&amp;Begrundelse</translation>
    </message>
    <message>
        <source>Target group &amp;assessment (FGU/STU)</source>
        <translation>Målgruppe&amp;vurdering (FGU/STU)</translation>
    </message>
</context>
<context>
    <name>VisitationPanel</name>
    <message>
        <source>No visitation has been registered yet.</source>
        <translation>Der er ikke registreret en visitation endnu.</translation>
    </message>
    <message>
        <source>&amp;Register visitation…</source>
        <translation>&amp;Registrér visitation…</translation>
    </message>
    <message>
        <source>Co&amp;rrect visitation…</source>
        <translation>&amp;Ret visitation…</translation>
    </message>
    <message>
        <source>Change tar&amp;get group…</source>
        <translation>Skift &amp;målgruppe…</translation>
    </message>
    <message>
        <source>Record e&amp;vent…</source>
        <translation>Registrér &amp;hændelse…</translation>
    </message>
    <message>
        <source>Events the deadlines react to, e.g. that the young person has left their plan.</source>
        <translation>Hændelser, som fristerne reagerer på, fx at den unge har forladt sin plan.</translation>
    </message>
    <message>
        <source>Visitation</source>
        <translation>Visitation</translation>
    </message>
    <message>
        <source>Visitation date</source>
        <translation>Visitationsdato</translation>
    </message>
    <message>
        <source>Current target group</source>
        <translation>Nuværende målgruppe</translation>
    </message>
    <message>
        <source>Sub-assessment</source>
        <translation>Delvurdering</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Education order</source>
        <translation>Uddannelsespålæg</translation>
    </message>
    <message>
        <source>FVU/OBU screening</source>
        <translation>FVU/OBU-screening</translation>
    </message>
    <message>
        <source>Target group assessment</source>
        <translation>Målgruppevurdering</translation>
    </message>
    <message>
        <source>UU counsellor present</source>
        <translation>UU-vejleder til stede</translation>
    </message>
    <message>
        <source>Turned away at the door</source>
        <translation>Vendt i døren</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Målgruppe</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Target group history</source>
        <translation>Målgruppehistorik</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Ikke oplyst</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Given {day}: {education}</source>
        <translation>Givet {day}: {education}</translation>
    </message>
    <message>
        <source>, deadline {day}</source>
        <translation>, frist {day}</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Nødvendig</translation>
    </message>
    <message>
        <source>The visitation was saved.</source>
        <translation>Visitationen er gemt.</translation>
    </message>
    <message>
        <source>The target group was changed. The history keeps the earlier ones.</source>
        <translation>Målgruppen er skiftet. Historikken beholder de tidligere.</translation>
    </message>
    <message>
        <source>The event was recorded.</source>
        <translation>Hændelsen er registreret.</translation>
    </message>
</context>
<context>
    <name>YouthForm</name>
    <message>
        <source>Register a young person</source>
        <translation>Registrer en ung</translation>
    </message>
    <message>
        <source>Edit basic data – {name}</source>
        <translation>Rediger stamdata – {name}</translation>
    </message>
    <message>
        <source>DDMMYY-SSSS</source>
        <translation>DDMMÅÅ-NNNN</translation>
    </message>
    <message>
        <source>&amp;Open the existing record</source>
        <translation>&amp;Åbn den eksisterende sag</translation>
    </message>
    <message>
        <source>&amp;CPR no.</source>
        <translation>&amp;CPR-nr.</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>&amp;Fornavn</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Efternavn</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>Post&amp;code and town</source>
        <translation>&amp;Postnr. og by</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>E-&amp;mail</translation>
    </message>
    <message>
        <source>First con&amp;tact</source>
        <translation>&amp;Henvendelse</translation>
    </message>
    <message>
        <source>&amp;Benefit</source>
        <translation>&amp;Ydelse</translation>
    </message>
    <message>
        <source>Highest completed &amp;education</source>
        <translation>Højeste fuldførte &amp;uddannelse</translation>
    </message>
    <message>
        <source>Responsible case&amp;worker</source>
        <translation>Ansvarlig &amp;sagsbehandler</translation>
    </message>
    <message>
        <source>The CPR number cannot be changed.</source>
        <translation>CPR-nummeret kan ikke ændres.</translation>
    </message>
    <message>
        <source>female</source>
        <translation>kvinde</translation>
    </message>
    <message>
        <source>male</source>
        <translation>mand</translation>
    </message>
    <message>
        <source>Born {day}, {age} years, legal sex: {sex}</source>
        <translation>Født {day}, {age} år, juridisk køn: {sex}</translation>
    </message>
    <message>
        <source>This CPR number is already registered. Open the existing record instead of creating a second one.</source>
        <translation>CPR-nummeret er allerede registreret. Åbn den eksisterende sag i stedet for at oprette en ny.</translation>
    </message>
</context>
<context>
    <name>YouthHistoryDialog</name>
    <message>
        <source>Access history – {name}</source>
        <translation>Adgangshistorik – {name}</translation>
    </message>
    <message>
        <source>Everyone who has seen or changed this young person&apos;s data on this computer, and why. The young person has the right to see this.</source>
        <translation>Alle, der har set eller ændret den unges oplysninger på denne computer, og hvorfor. Den unge har ret til at se dette.</translation>
    </message>
    <message>
        <source>No access is logged for this young person.</source>
        <translation>Der er ingen logget adgang til denne unge.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>An error occurred. Details were saved in {path}.</source>
        <translation>Der opstod en fejl. Detaljer er gemt i {path}.</translation>
    </message>
    <message>
        <source>UngeDesk</source>
        <translation>UngeDesk</translation>
    </message>
</context>
</TS>
