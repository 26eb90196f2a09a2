<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>ActorDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>New actor</source>
        <translation>Ny aktør</translation>
    </message>
    <message>
        <source>Edit actor</source>
        <translation>Ret aktør</translation>
    </message>
    <message>
        <source>e.g. +45 12 34 56 78</source>
        <translation>fx +45 12 34 56 78</translation>
    </message>
    <message>
        <source>Active (can be put on a team)</source>
        <translation>Aktiv (kan sættes på et team)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>Responsi&amp;bilities</source>
        <translation>&amp;Ansvarsområder</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
</context>
<context>
    <name>ActorsDialog</name>
    <message>
        <source>Actors</source>
        <translation>Aktører</translation>
    </message>
    <message>
        <source>Search name, organisation, role or task</source>
        <translation>Søg på navn, organisation, rolle eller opgave</translation>
    </message>
    <message>
        <source>Search actors</source>
        <translation>Søg i aktører</translation>
    </message>
    <message>
        <source>Units and people the team works with; not active ones in grey.</source>
        <translation>Enheder og personer, teamet samarbejder med; ikke-aktive står med gråt.</translation>
    </message>
    <message>
        <source>&amp;New actor…</source>
        <translation>&amp;Ny aktør…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ret…</translation>
    </message>
</context>
<context>
    <name>ActorsModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
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
        <source>{name} (not active)</source>
        <translation>{name} (ikke aktiv)</translation>
    </message>
</context>
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
        <source>Education injunction given</source>
        <translation>Uddannelsespålæg givet</translation>
    </message>
    <message>
        <source>Wage subsidy job started</source>
        <translation>Løntilskud startet</translation>
    </message>
    <message>
        <source>New activity offered</source>
        <translation>Ny aktivitet tilbudt</translation>
    </message>
    <message>
        <source>A realistic education pointed out</source>
        <translation>Realistisk uddannelse peget på</translation>
    </message>
    <message>
        <source>Applied for an education</source>
        <translation>Ansøgt om optagelse på uddannelse</translation>
    </message>
    <message>
        <source>Again and again: each one met opens the next period</source>
        <translation>Løbende: hver gang den opfyldes, begynder en ny periode</translation>
    </message>
    <message>
        <source>For &apos;at least one conversation every 2 months after the previous one&apos;. Without it, the number needed must be met once within the period.</source>
        <translation>Til &apos;mindst én samtale hver 2. måned efter den forrige&apos;. Uden markering skal det krævede antal nås én gang inden for perioden.</translation>
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
        <translation>Sta&amp;rter ved:</translation>
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
        <source>&amp;Repeats:</source>
        <translation>Ge&amp;ntages:</translation>
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
    <message>
        <source>A repeating standard needs a period of at least 1.</source>
        <translation>En løbende standard skal have en periode på mindst 1.</translation>
    </message>
</context>
<context>
    <name>AddMemberDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tilføj</translation>
    </message>
    <message>
        <source>Add to the team</source>
        <translation>Tilføj til teamet</translation>
    </message>
    <message>
        <source>e.g. what they help with</source>
        <translation>fx hvad personen hjælper med</translation>
    </message>
    <message>
        <source>A new coordinating caseworker or contact person replaces the current one from the first day. People not in the list are added under File › Actors.</source>
        <translation>En ny koordinerende sagsbehandler eller kontaktperson afløser den nuværende fra første dag. Personer, der ikke står på listen, oprettes under Filer › Aktører.</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Hvem</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Fra</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Bemærkning</translation>
    </message>
</context>
<context>
    <name>AttemptDialog</name>
    <message>
        <source>&amp;Save the try</source>
        <translation>&amp;Gem forsøget</translation>
    </message>
    <message>
        <source>Try to reach %1</source>
        <translation>Kontaktforsøg – %1</translation>
    </message>
    <message>
        <source>Nobody was reached</source>
        <translation>Ingen blev nået</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>&amp;Hvordan:</translation>
    </message>
    <message>
        <source>&amp;Reached:</source>
        <translation>&amp;Nået:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Bemærkning:</translation>
    </message>
    <message>
        <source>A reached contact also counts as the KUI contact.</source>
        <translation>En opnået kontakt tæller også som kontakten efter KUI.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Access log</source>
        <translation>Adgangslog</translation>
    </message>
    <message>
        <source>Who read or changed what, and when.</source>
        <translation>Hvem der har læst eller ændret hvad, og hvornår.</translation>
    </message>
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
    <name>BackupActions</name>
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
        <source>The backup is saved and checked: {rows} rows in {tables} tables.

{path}

Keep it on a drive the municipality approves, away from this computer. Restoring it needs the recovery passphrase.</source>
        <translation>Sikkerhedskopien er gemt og kontrolleret: {rows} rækker i {tables} tabeller.

{path}

Opbevar den på et drev, kommunen har godkendt, og ikke på denne computer. Gendannelse kræver gendannelsesfrasen.</translation>
    </message>
    <message>
        <source>Newest access log event in the backup: no. {seq}, checksum {hash}. Give it to a colleague as a witness that the log is not rolled back later.</source>
        <translation>Adgangsloggens seneste hændelse i kopien: nr. {seq}, kontrolsum {hash}. Giv den til en kollega som vidne, så det kan ses, hvis loggen senere bliver rullet tilbage.</translation>
    </message>
</context>
<context>
    <name>BackupDialogs</name>
    <message>
        <source>Taking a backup and checking it against the database …</source>
        <translation>Tager sikkerhedskopi og kontrollerer den mod databasen …</translation>
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
        <source>e.g. your unit, meeting room 2</source>
        <translation>fx Ungeindsatsen, mødelokale 2</translation>
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
        <source>Other participants</source>
        <translation>Andre deltagere</translation>
    </message>
    <message>
        <source>Names separated by commas.</source>
        <translation>Navne adskilt af kommaer.</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <source>Held &amp;by</source>
        <translation>&amp;Afholdt af</translation>
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
        <translation>De&amp;ltagere</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notat</translation>
    </message>
</context>
<context>
    <name>CaseEventsBox</name>
    <message>
        <source>Events</source>
        <translation>Hændelser</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Hændelse</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Events in the case, such as contacts and offers, with their dates.</source>
        <translation>Hændelser i sagen, fx kontakter og tilbud, med deres datoer.</translation>
    </message>
    <message>
        <source>The municipality learned of it {day}</source>
        <translation>Kommunen fik kendskab {day}</translation>
    </message>
    <message>
        <source>Reached: {who}</source>
        <translation>Kontakt med: {who}</translation>
    </message>
</context>
<context>
    <name>CaseloadProgressionDialog</name>
    <message>
        <source>Progression over the caseload</source>
        <translation>Progression i sagsstammen</translation>
    </message>
    <message>
        <source>All target groups</source>
        <translation>Alle målgrupper</translation>
    </message>
    <message>
        <source>Only &amp;my young people</source>
        <translation>Kun &amp;mine unge</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Fra</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Til</translation>
    </message>
    <message>
        <source>Target &amp;group</source>
        <translation>Mål&amp;gruppe</translation>
    </message>
    <message>
        <source>Progression in the caseload</source>
        <translation>Progression i sagsstammen</translation>
    </message>
    <message>
        <source>How the scores of the caseload moved per indicator.</source>
        <translation>Hvordan scorerne i sagsstammen har flyttet sig pr. indikator.</translation>
    </message>
    <message>
        <source>Movement is the latest score minus the first score in the period, for each young person with two or more scores on the indicator in the period; the figure is the average over those young people. A positive figure is progress. The target group is the one each young person had on the last day of the period. Caseworker&apos;s score and the young person&apos;s own score are counted separately.</source>
        <translation>Bevægelsen er den seneste score minus den første score i perioden for hver ung med to eller flere scorer på indikatoren i perioden; tallet er gennemsnittet over disse unge. Et positivt tal er fremgang. Målgruppen er den, den unge havde på periodens sidste dag. Sagsbehandlerens score og den unges egen score tælles hver for sig.</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <source>Offers catalogue</source>
        <translation>Tilbudsvifte</translation>
    </message>
    <message>
        <source>Search name, provider or kind</source>
        <translation>Søg på navn, udbyder eller art</translation>
    </message>
    <message>
        <source>Search offers</source>
        <translation>Søg i tilbud</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle arter</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Målgruppe</translation>
    </message>
    <message>
        <source>All target groups</source>
        <translation>Alle målgrupper</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktive</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Udgåede</translation>
    </message>
    <message>
        <source>Active and retired</source>
        <translation>Aktive og udgåede</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <source>The offers that match the search and filters; Enter edits the selected one.</source>
        <translation>Tilbuddene, der passer til søgningen og filtrene; Enter retter det valgte.</translation>
    </message>
    <message>
        <source>&amp;New offer…</source>
        <translation>&amp;Nyt tilbud…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ret…</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>&amp;Udgår</translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation>&amp;Indlæs fil…</translation>
    </message>
    <message>
        <source>E&amp;xport file…</source>
        <translation>E&amp;ksportér fil…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Luk</translation>
    </message>
    <message numerus="yes">
        <source>%n offer(s) shown</source>
        <translation>
            <numerusform>%n tilbud vist</numerusform>
            <numerusform>%n tilbud vist</numerusform>
        </translation>
    </message>
    <message>
        <source> of %1 in the catalogue</source>
        <translation> af %1 i tilbudsviften</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>&amp;Genaktivér</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>Kontakt: %1</translation>
    </message>
    <message>
        <source>Export the offers catalogue</source>
        <translation>Eksportér tilbudsviften</translation>
    </message>
    <message>
        <source>Offers catalogue (*.json)</source>
        <translation>Tilbudsvifte (*.json)</translation>
    </message>
    <message>
        <source>Import an offers catalogue</source>
        <translation>Indlæs en tilbudsvifte</translation>
    </message>
    <message numerus="yes">
        <source>%n offer(s) exported to %1.</source>
        <translation>
            <numerusform>%n tilbud eksporteret til %1.</numerusform>
            <numerusform>%n tilbud eksporteret til %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalogue imported: %1 new and %2 updated offers.</source>
        <translation>Tilbudsviften er indlæst: %1 nye og %2 opdaterede tilbud.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>&amp;Change passphrase</source>
        <translation>&amp;Skift frase</translation>
    </message>
    <message>
        <source>Change recovery passphrase</source>
        <translation>Skift gendannelsesfrase</translation>
    </message>
    <message>
        <source>&amp;Show passphrases</source>
        <translation>&amp;Vis fraserne</translation>
    </message>
    <message>
        <source>The recovery passphrase locks the copy of the database key in the key file. The database and its key stay the same; only the lock changes. Backups taken before the change still open with the old passphrase.</source>
        <translation>Gendannelsesfrasen låser kopien af databasens nøgle i nøglefilen. Databasen og dens nøgle forbliver de samme; kun låsen skiftes. Sikkerhedskopier taget før skiftet åbnes stadig med den gamle frase.</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase</source>
        <translation>&amp;Nuværende frase</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>N&amp;y frase</translation>
    </message>
    <message>
        <source>&amp;Repeat the new one</source>
        <translation>&amp;Gentag den nye</translation>
    </message>
    <message>
        <source>Strength: {label}. {hint}</source>
        <translation>Styrke: {label}. {hint}</translation>
    </message>
    <message>
        <source>Write the current passphrase.</source>
        <translation>Skriv den nuværende gendannelsesfrase.</translation>
    </message>
    <message>
        <source>Choose a stronger passphrase.</source>
        <translation>Vælg en stærkere frase.</translation>
    </message>
    <message>
        <source>The two new passphrases are not the same.</source>
        <translation>De to nye fraser er ikke ens.</translation>
    </message>
    <message>
        <source>The current passphrase is wrong. Check Caps Lock and try again.</source>
        <translation>Den nuværende frase er forkert. Tjek om Caps Lock er slået til, og prøv igen.</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <source>&amp;End the case…</source>
        <translation>&amp;Afslut forløbet …</translation>
    </message>
    <message>
        <source>End the case – {name}</source>
        <translation>Afslut forløbet – {name}</translation>
    </message>
    <message>
        <source>Ending the case {case} means the young person has left the effort: the deadlines stop and the case leaves the Deadlines overview. An ended case can be reopened. After the retention period in Settings it can be deleted. (To close only the record&apos;s tab, press Ctrl+W.)</source>
        <translation>At afslutte forløbet i sag {case} betyder, at den unge er gået ud af indsatsen: fristerne stopper, og sagen forsvinder fra Frister. Et afsluttet forløb kan genåbnes. Efter opbevaringsperioden i Indstillinger kan sagen slettes. (Vil du kun lukke fanen, så tryk Ctrl+W.)</translation>
    </message>
    <message>
        <source>&amp;Went to</source>
        <translation>A&amp;fgang til</translation>
    </message>
    <message>
        <source>Closed &amp;on</source>
        <translation>Afsluttet &amp;den</translation>
    </message>
    <message>
        <source>End the case?</source>
        <translation>Afslut forløbet?</translation>
    </message>
    <message>
        <source>End the case of {name} ({case})?</source>
        <translation>Afslut forløbet for {name} ({case})?</translation>
    </message>
    <message>
        <source>Went to: {reason}, ended on {day}. The deadlines stop and the case leaves the Deadlines overview. It can be reopened from the Case menu.</source>
        <translation>Afgang til: {reason}, afsluttet {day}. Fristerne stopper, og sagen forsvinder fra Frister. Den kan genåbnes fra menuen Sag.</translation>
    </message>
    <message>
        <source>&amp;End the case</source>
        <translation>&amp;Afslut forløbet</translation>
    </message>
    <message>
        <source>&amp;Keep it open</source>
        <translation>&amp;Behold det åbent</translation>
    </message>
</context>
<context>
    <name>ColleaguesDialog</name>
    <message>
        <source>Colleagues</source>
        <translation>Kolleger</translation>
    </message>
    <message>
        <source>Every caseworker on this computer, you first. Enter opens their details.</source>
        <translation>Alle sagsbehandlere på denne computer, dig selv først. Enter åbner kontaktoplysningerne.</translation>
    </message>
    <message>
        <source>&amp;Edit contact details…</source>
        <translation>&amp;Ret kontaktoplysninger…</translation>
    </message>
</context>
<context>
    <name>ColleaguesModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhed</translation>
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
        <source>{name} (inactive)</source>
        <translation>{name} (inaktiv)</translation>
    </message>
</context>
<context>
    <name>ConsentArea</name>
    <message>
        <source>Health, housing and family</source>
        <translation>Helbred, bolig og familie</translation>
    </message>
    <message>
        <source>&amp;Register consent…</source>
        <translation>Registrér samt&amp;ykke…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Træk samtykke tilbage…</translation>
    </message>
    <message>
        <source>Beyond education and work the plan may only hold what the young person has consented to. The fields open when a consent covering them is registered.</source>
        <translation>Ud over uddannelse og job må planen kun rumme det, den unge har givet samtykke til. Felterne åbner, når et samtykke, der dækker dem, er registreret.</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Helbred</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Bolig</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>The consent for {area} is no longer in force: remove the text, or register a new consent.</source>
        <translation>Samtykket til {area} gælder ikke længere: fjern teksten, eller registrér et nyt samtykke.</translation>
    </message>
    <message>
        <source>Needs the young person&apos;s consent to {area}. Use &quot;Register consent…&quot;.</source>
        <translation>Kræver den unges samtykke til {area}. Brug &quot;Registrér samtykke…&quot;.</translation>
    </message>
    <message>
        <source>No consent registered.</source>
        <translation>Intet samtykke registreret.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrér</translation>
    </message>
    <message>
        <source>Register consent</source>
        <translation>Registrér samtykke</translation>
    </message>
    <message>
        <source>&amp;Health</source>
        <translation>&amp;Helbred</translation>
    </message>
    <message>
        <source>H&amp;ousing</source>
        <translation>&amp;Bolig</translation>
    </message>
    <message>
        <source>&amp;Family</source>
        <translation>&amp;Familie</translation>
    </message>
    <message>
        <source>e.g. Given orally at the conversation</source>
        <translation>fx Givet mundtligt ved samtalen</translation>
    </message>
    <message>
        <source>The young person decides what beyond education and work goes into the plan. Register the consent as it was given; it can be withdrawn later.</source>
        <translation>Den unge bestemmer, hvad der ud over uddannelse og job kommer med i planen. Registrér samtykket, som det blev givet; det kan trækkes tilbage senere.</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Gælder</translation>
    </message>
    <message>
        <source>&amp;Given on</source>
        <translation>&amp;Givet den</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Given with</source>
        <translation>Givet sammen med</translation>
    </message>
    <message>
        <source>Consent also given by {name}</source>
        <translation>Samtykke også givet af {name}</translation>
    </message>
</context>
<context>
    <name>ContactDetailsDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>My profile</source>
        <translation>Min profil</translation>
    </message>
    <message>
        <source>Colleague&apos;s details</source>
        <translation>Kollegas kontaktoplysninger</translation>
    </message>
    <message>
        <source>The plan the young person takes home shows this phone number and e-mail address under the coordinating caseworker.</source>
        <translation>Den plan, den unge får med hjem, viser dette telefonnummer og denne e-mailadresse under den koordinerende sagsbehandler.</translation>
    </message>
    <message>
        <source>e.g. Koordinerende sagsbehandler</source>
        <translation>fx Koordinerende sagsbehandler</translation>
    </message>
    <message>
        <source>e.g. +45 12 34 56 78</source>
        <translation>fx +45 12 34 56 78</translation>
    </message>
    <message>
        <source>e.g. name@municipality.dk</source>
        <translation>fx navn@kommune.dk</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Tele&amp;fon</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
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
        <source>Conversations</source>
        <translation>Samtaler</translation>
    </message>
    <message>
        <source>Booked, held and missed conversations, newest first. The chosen one is shown in full below.</source>
        <translation>Bookede, afholdte og udeblevne samtaler, nyeste først. Den valgte vises i sin helhed nedenfor.</translation>
    </message>
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
        <translation>Registrér af&amp;holdt samtale…</translation>
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
        <source>&amp;Correct conversation…</source>
        <translation>&amp;Ret samtale…</translation>
    </message>
    <message>
        <source>Correct the date, type, whether it was held, or who held it, with a reason.</source>
        <translation>Ret dato, type, om den blev afholdt, eller hvem der holdt den, med en begrundelse.</translation>
    </message>
    <message>
        <source>Select a conversation to read its note, participants and corrections.</source>
        <translation>Vælg en samtale for at læse notatet, deltagerne og rettelserne.</translation>
    </message>
    <message>
        <source>Note and details</source>
        <translation>Notat og detaljer</translation>
    </message>
    <message>
        <source>Selected conversation:</source>
        <translation>Valgt samtale:</translation>
    </message>
    <message>
        <source>counts as a jobsamtale</source>
        <translation>tæller som jobsamtale</translation>
    </message>
    <message>
        <source>does not count as a jobsamtale</source>
        <translation>tæller ikke som jobsamtale</translation>
    </message>
    <message>
        <source>When: {when} ({minutes} min.)</source>
        <translation>Tidspunkt: {when} ({minutes} min.)</translation>
    </message>
    <message>
        <source>Held by: {holder}</source>
        <translation>Afholdt af: {holder}</translation>
    </message>
    <message>
        <source>Form and place: {place}</source>
        <translation>Form og sted: {place}</translation>
    </message>
    <message>
        <source>Participants: {people}</source>
        <translation>Deltagere: {people}</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notat:</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>(intet notat)</translation>
    </message>
    <message>
        <source>Corrections:</source>
        <translation>Rettelser:</translation>
    </message>
    <message>
        <source>Held…</source>
        <translation>Afholdt…</translation>
    </message>
    <message>
        <source>Correct conversation…</source>
        <translation>Ret samtale…</translation>
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
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>&amp;Save correction</source>
        <translation>&amp;Gem rettelse</translation>
    </message>
    <message>
        <source>Correct conversation</source>
        <translation>Ret samtale</translation>
    </message>
    <message>
        <source>Why is the conversation corrected?</source>
        <translation>Hvorfor rettes samtalen?</translation>
    </message>
    <message>
        <source>Registered as</source>
        <translation>Registreret som</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <source>Held &amp;by</source>
        <translation>&amp;Afholdt af</translation>
    </message>
    <message>
        <source>&amp;Date and time</source>
        <translation>&amp;Dato og klokkeslæt</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Begrundelse</translation>
    </message>
    <message>
        <source>Earlier corrections</source>
        <translation>Tidligere rettelser</translation>
    </message>
    <message>
        <source>The values before the correction are kept with the reason. The deadlines are recomputed when you save.</source>
        <translation>Værdierne før rettelsen gemmes sammen med begrundelsen. Fristerne beregnes igen, når du gemmer.</translation>
    </message>
    <message>
        <source>Write why the conversation is corrected.</source>
        <translation>Skriv hvorfor samtalen rettes.</translation>
    </message>
    <message>
        <source>The reason can be at most {n} characters.</source>
        <translation>Begrundelsen må højst være {n} tegn.</translation>
    </message>
</context>
<context>
    <name>CustodyBox</name>
    <message>
        <source>Custody (parents)</source>
        <translation>Forældremyndighed (forældre)</translation>
    </message>
    <message>
        <source>Custody holders</source>
        <translation>Forældremyndighedens indehavere</translation>
    </message>
    <message>
        <source>The parents or others who hold custody of the young person</source>
        <translation>Forældrene eller andre, der har forældremyndigheden over den unge</translation>
    </message>
    <message>
        <source>&amp;Add custody holder…</source>
        <translation>&amp;Tilføj indehaver …</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Ret &amp;indehaver …</translation>
    </message>
    <message>
        <source>End c&amp;ustody…</source>
        <translation>Forældremyndighed op&amp;hørt …</translation>
    </message>
    <message>
        <source>Under 18: the custody holders are involved in the plan and contacted with the young person. Turns 18 on {day}; custody ends then.</source>
        <translation>Under 18 år: forældremyndighedens indehavere inddrages i planen og kontaktes sammen med den unge. Fylder 18 år {day}; så ophører forældremyndigheden.</translation>
    </message>
    <message>
        <source>No custody holder is recorded yet.</source>
        <translation>Ingen indehaver af forældremyndigheden er registreret endnu.</translation>
    </message>
    <message>
        <source>Turned 18 on {day}: no one holds custody any more. The holders below are kept as history.</source>
        <translation>Fyldte 18 år {day}: ingen har længere forældremyndigheden. Indehaverne herunder er gemt som historik.</translation>
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
        <source>Provisional: the young person has no target group yet. The deadline becomes final or disappears when the visitation sets one.</source>
        <translation>Foreløbig: den unge har endnu ingen målgruppe. Fristen bliver endelig eller forsvinder, når visitationen fastlægger målgruppen.</translation>
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
        <source>{status} · provisional</source>
        <translation>{status} · foreløbig</translation>
    </message>
    <message>
        <source>{done} done, {needed} required</source>
        <translation>{done} gennemført, {needed} krævet</translation>
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
        <source>Done after the deadline</source>
        <translation>Gennemført efter fristen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åben</translation>
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
        <source>Overdue</source>
        <translation>Overskredet</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>Fritaget</translation>
    </message>
    <message>
        <source>{status} {day}</source>
        <translation>{status} {day}</translation>
    </message>
    <message>
        <source>{status} (provisional)</source>
        <translation>{status} (foreløbig)</translation>
    </message>
    <message>
        <source> (closing day)</source>
        <translation> (lukkedag)</translation>
    </message>
    <message>
        <source>Provisional: no target group yet. The deadline becomes final or disappears at the visitation</source>
        <translation>Foreløbig: ingen målgruppe endnu. Fristen bliver endelig eller forsvinder ved visitationen</translation>
    </message>
    <message>
        <source>Exempt by decision of {day} ({by}): {reason}</source>
        <translation>Fritaget ved afgørelse af {day} ({by}): {reason}</translation>
    </message>
    <message>
        <source>Working days skip: {days}</source>
        <translation>Arbejdsdagene springer over: {days}</translation>
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
    <message>
        <source>{done} done, {needed} required</source>
        <translation>{done} gennemført, {needed} krævet</translation>
    </message>
</context>
<context>
    <name>DeadlinesPanel</name>
    <message>
        <source>The young person&apos;s deadlines</source>
        <translation>Den unges frister</translation>
    </message>
    <message>
        <source>Each deadline the law or a local standard sets, with its source and when it falls.</source>
        <translation>Hver frist, som loven eller en lokal standard sætter, med kilde og hvornår den falder.</translation>
    </message>
    <message>
        <source>No deadlines yet. They appear when the visitation and the conversations are registered.</source>
        <translation>Ingen frister endnu. De kommer, når visitationen og samtalerne er registreret.</translation>
    </message>
    <message>
        <source>E&amp;xempt from deadline…</source>
        <translation>Fri&amp;tag for fristen…</translation>
    </message>
    <message>
        <source>Record a decision that exempts the young person from the chosen deadline (possible where the law allows it).</source>
        <translation>Registrér en afgørelse om, at den unge fritages for den valgte frist (kun hvor loven giver mulighed for det).</translation>
    </message>
    <message>
        <source>Re&amp;voke exemption…</source>
        <translation>Tilbage&amp;kald fritagelsen…</translation>
    </message>
    <message>
        <source>Exemptions</source>
        <translation>Fritagelser</translation>
    </message>
    <message>
        <source>Decisions that exempt the young person from a deadline, with their reasons.</source>
        <translation>Afgørelser, der fritager den unge for en frist, med begrundelser.</translation>
    </message>
    <message>
        <source>Exemptions (kept, also when revoked)</source>
        <translation>Fritagelser (gemmes, også når de tilbagekaldes)</translation>
    </message>
    <message>
        <source>The young person is exempt from the deadline. The decision is kept.</source>
        <translation>Den unge er fritaget for fristen. Afgørelsen er gemt.</translation>
    </message>
    <message>
        <source>The exemption was revoked. The history keeps it.</source>
        <translation>Fritagelsen er tilbagekaldt. Historikken beholder den.</translation>
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
        <source>Deadlines</source>
        <translation>Frister</translation>
    </message>
    <message>
        <source>Deadlines across the caseload, the most urgent first. Enter opens the record.</source>
        <translation>Frister i hele sagsstammen, de mest presserende først. Enter åbner sagen.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Vis:</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>Exempt: {count}</source>
        <translation>Fritaget: {count}</translation>
    </message>
    <message>
        <source>Exempt: {count} ({percent} % of {total} contact-course deadlines)</source>
        <translation>Fritaget: {count} ({percent} % af {total} frister i kontaktforløbet)</translation>
    </message>
    <message>
        <source>⚠ {text}, above 25 %</source>
        <translation>⚠ {text}, over 25 %</translation>
    </message>
    <message>
        <source>Deadlines the young person is exempted from by a recorded decision. They are not overdue. From 1 July 2026 the law allows at most 25 % of the contact course (the deadlines of the rules that can be exempted, for the cases shown).</source>
        <translation>Frister, som den unge er fritaget for ved en registreret afgørelse. De er ikke overskredne. Fra 1. juli 2026 tillader loven højst 25 % af kontaktforløbet (fristerne efter de regler, der kan fritages for, i de viste sager).</translation>
    </message>
    <message>
        <source>The share is above 25 %.</source>
        <translation>Andelen er over 25 %.</translation>
    </message>
</context>
<context>
    <name>DescriptorPanel</name>
    <message>
        <source>Sensitive data (health, substance use or finances)</source>
        <translation>Følsomme oplysninger (helbred, misbrug eller økonomi)</translation>
    </message>
</context>
<context>
    <name>DescriptorsDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Progression descriptors</source>
        <translation>Beskrivelser af progressionstrin</translation>
    </message>
    <message>
        <source>For each indicator: the question it asks and what each of the five stages means, in plain words about what can be seen and counted. Everybody scores against these texts, so two caseworkers give the same score.</source>
        <translation>For hver indikator: det spørgsmål, den stiller, og hvad hvert af de fem trin betyder, i enkle ord om det, man kan se og tælle. Alle scorer efter disse tekster, så to sagsbehandlere giver samme score.</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indikatorer</translation>
    </message>
    <message>
        <source>Choose an indicator to edit the descriptions of its scores.</source>
        <translation>Vælg en indikator for at redigere beskrivelserne af dens scorer.</translation>
    </message>
    <message>
        <source>&amp;Reset to the shipped descriptors…</source>
        <translation>&amp;Gå tilbage til de medfølgende beskrivelser…</translation>
    </message>
    <message>
        <source>In use: the municipality&apos;s own descriptors.</source>
        <translation>I brug: kommunens egne beskrivelser.</translation>
    </message>
    <message>
        <source>In use: the descriptors shipped with UngeDesk.</source>
        <translation>I brug: de beskrivelser, der følger med UngeDesk.</translation>
    </message>
    <message>
        <source>Reset descriptors</source>
        <translation>Nulstil beskrivelser</translation>
    </message>
    <message>
        <source>Replace the municipality&apos;s descriptors with the ones shipped with UngeDesk? The edited texts are lost.</source>
        <translation>Erstat kommunens beskrivelser med dem, der følger med UngeDesk? De redigerede tekster går tabt.</translation>
    </message>
    <message>
        <source>The shipped descriptors are in use again.</source>
        <translation>De medfølgende beskrivelser er i brug igen.</translation>
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
    <name>EndHolderDialog</name>
    <message>
        <source>E&amp;nd custody</source>
        <translation>&amp;Afslut forældremyndighed</translation>
    </message>
    <message>
        <source>End custody – {name}</source>
        <translation>Forældremyndighed ophørt – {name}</translation>
    </message>
    <message>
        <source>Last &amp;day with custody</source>
        <translation>Sidste &amp;dag med forældremyndighed</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Empty: the young person belongs on the list</source>
        <translation>Tom: den unge hører til på listen</translation>
    </message>
    <message>
        <source>e.g. 3.12.2026</source>
        <translation>fx 3.12.2026</translation>
    </message>
    <message>
        <source>Empty: no sanction recommended</source>
        <translation>Tom: ingen sanktion anbefalet</translation>
    </message>
    <message>
        <source>e.g. 9.11.2026</source>
        <translation>fx 9.11.2026</translation>
    </message>
    <message>
        <source>&amp;Misplaced, because:</source>
        <translation>&amp;Fejlplaceret, fordi:</translation>
    </message>
    <message>
        <source>Why the young person should not be on the list; out of the count</source>
        <translation>Hvorfor den unge ikke skal stå på listen; tælles ikke med</translation>
    </message>
    <message>
        <source>Action &amp;owner:</source>
        <translation>&amp;Handleansvar:</translation>
    </message>
    <message>
        <source>Who acts on the young person&apos;s behalf until the next meeting</source>
        <translation>Hvem der handler for den unge indtil næste møde</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>K&amp;ontakt:</translation>
    </message>
    <message>
        <source>&amp;Next step:</source>
        <translation>&amp;Næste skridt:</translation>
    </message>
    <message>
        <source>Next step &amp;date:</source>
        <translation>&amp;Dato for næste skridt:</translation>
    </message>
    <message>
        <source>&amp;Sanction recommended, because:</source>
        <translation>&amp;Sanktion anbefalet, fordi:</translation>
    </message>
    <message>
        <source>The group&apos;s reason for recommending a sanction on the youth allowance</source>
        <translation>Gruppens begrundelse for at anbefale en sanktion i ungeydelsen</translation>
    </message>
    <message>
        <source>Decided &amp;by:</source>
        <translation>&amp;Besluttet af:</translation>
    </message>
    <message>
        <source>Back in education or &amp;work on:</source>
        <translation>Tilbage i &amp;uddannelse eller job den:</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>G&amp;em</translation>
    </message>
    <message>
        <source>&amp;Try to reach…</source>
        <translation>Kontaktforsø&amp;g…</translation>
    </message>
    <message>
        <source>&amp;Left the plan…</source>
        <translation>Har forladt &amp;planen…</translation>
    </message>
    <message>
        <source>Starts the KUI deadlines: contact within 5 working days, a new activity</source>
        <translation>Starter fristerne efter KUI: kontakt inden 5 hverdage og en ny aktivitet</translation>
    </message>
    <message>
        <source>&amp;Register…</source>
        <translation>&amp;Registrér…</translation>
    </message>
    <message>
        <source>Tries to reach:</source>
        <translation>Kontaktforsøg:</translation>
    </message>
    <message>
        <source>Choose a young person on the list</source>
        <translation>Vælg en ung på listen</translation>
    </message>
    <message>
        <source>On the list %1 months in a row.</source>
        <translation>På listen %1 måneder i træk.</translation>
    </message>
    <message>
        <source>Not registered in UngeDesk.</source>
        <translation>Ikke registreret i UngeDesk.</translation>
    </message>
    <message>
        <source>nobody reached</source>
        <translation>ingen nået</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Ingen endnu.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gemt.</translation>
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
        <source>Choose who was reached</source>
        <translation>Vælg hvem der blev kontaktet</translation>
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
        <source>The municipality &amp;learned of it</source>
        <translation>Kommunen fik &amp;kendskab</translation>
    </message>
    <message>
        <source>&amp;Reached</source>
        <translation>Kontakt &amp;med</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Custody: {people}</source>
        <translation>Forældremyndighed: {people}</translation>
    </message>
    <message>
        <source>No custody holder is recorded: add the parents under Basic data.</source>
        <translation>Ingen indehaver af forældremyndigheden er registreret: tilføj forældrene under Stamdata.</translation>
    </message>
    <message>
        <source>Pick the offer from the catalogue, or write it freely.</source>
        <translation>Vælg tilbuddet i tilbudsviften, eller skriv det frit.</translation>
    </message>
    <message>
        <source>From the catalogue: %1</source>
        <translation>Fra tilbudsviften: %1</translation>
    </message>
    <message>
        <source>Left the plan &amp;on</source>
        <translation>Forlod &amp;planen</translation>
    </message>
    <message>
        <source>The young person and the parents must be contacted within 5 working days after the municipality learned of it.</source>
        <translation>Den unge og forældrene skal kontaktes senest 5 hverdage efter, at kommunen fik kendskab til det.</translation>
    </message>
    <message>
        <source>The contact deadline is met when both the young person and a parent (the holder of parental responsibility) have been reached.</source>
        <translation>Kontaktfristen er overholdt, når både den unge og en forælder (forældremyndighedens indehaver) er kontaktet.</translation>
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
        <source>Cases due for deletion</source>
        <translation>Sager, der skal slettes</translation>
    </message>
    <message>
        <source>Closed cases kept longer than the retention period.</source>
        <translation>Afsluttede sager, der er gemt længere end opbevaringsperioden.</translation>
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
    <name>FiguresDialog</name>
    <message>
        <source>Management figures</source>
        <translation>Ledelsestal</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Kvartal</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Month or quarter</source>
        <translation>Måned eller kvartal</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>The whole unit</source>
        <translation>Hele enheden</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Målgruppe</translation>
    </message>
    <message>
        <source>Show one target group&apos;s figures beside the total, in the table and the 12 months. The spreadsheet and the PDF report always hold every target group.</source>
        <translation>Vis én målgruppes tal ved siden af i alt, i tabellen og de 12 måneder. Regnearket og PDF-rapporten indeholder altid alle målgrupper.</translation>
    </message>
    <message>
        <source>All target groups</source>
        <translation>Alle målgrupper</translation>
    </message>
    <message>
        <source>Save as &amp;spreadsheet…</source>
        <translation>Gem som &amp;regneark…</translation>
    </message>
    <message>
        <source>Save the &amp;report as PDF…</source>
        <translation>Gem r&amp;apport som PDF…</translation>
    </message>
    <message>
        <source>Save figures for the &amp;leader…</source>
        <translation>Gem tal til &amp;lederen…</translation>
    </message>
    <message>
        <source>The period&apos;s counts as a signed file for your leader: no names or CPR numbers, and small counts hidden.</source>
        <translation>Periodens antal som en signeret fil til din leder: ingen navne eller CPR-numre, og små tal skjult.</translation>
    </message>
    <message>
        <source>Tea&amp;m&apos;s figures…</source>
        <translation>Tea&amp;mets tal…</translation>
    </message>
    <message>
        <source>Merge the figures files from the team&apos;s caseworkers (for the leader).</source>
        <translation>Læg filerne med tal fra teamets sagsbehandlere sammen (til lederen).</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>Target &amp;group:</source>
        <translation>Mål&amp;gruppe:</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Tal</translation>
    </message>
    <message>
        <source>Each figure per target group and in total; its definition is its tooltip.</source>
        <translation>Hvert tal pr. målgruppe og i alt; definitionen står i værktøjstippet.</translation>
    </message>
    <message>
        <source>The young people behind the number</source>
        <translation>De unge bag tallet</translation>
    </message>
    <message>
        <source>Enter or a double-click opens the young person&apos;s record.</source>
        <translation>Enter eller et dobbeltklik åbner den unges sag.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Lu&amp;k</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tabel</translation>
    </message>
    <message>
        <source>&amp;12 months</source>
        <translation>&amp;12 måneder</translation>
    </message>
    <message>
        <source>Definitions of the figures</source>
        <translation>Definitioner af tallene</translation>
    </message>
    <message>
        <source>&amp;Definitions</source>
        <translation>D&amp;efinitioner</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>%1. kvartal</translation>
    </message>
    <message>
        <source>Double-click a number to see the young people behind it.</source>
        <translation>Dobbeltklik på et tal for at se de unge bag det.</translation>
    </message>
    <message>
        <source>Save the figures</source>
        <translation>Gem tallene</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>Regneark (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Gem rapporten</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The figures are saved as %1.</source>
        <translation>Tallene er gemt som %1.</translation>
    </message>
    <message>
        <source>Save figures for the leader</source>
        <translation>Gem tal til lederen</translation>
    </message>
    <message>
        <source>Figures for the leader (*.json)</source>
        <translation>Tal til lederen (*.json)</translation>
    </message>
    <message>
        <source>The figures for the leader are saved as %1. Send the file to your leader; it holds counts only.</source>
        <translation>Tallene til lederen er gemt som %1. Send filen til din leder; den indeholder kun antal.</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>On the list</source>
        <translation>På listen</translation>
    </message>
    <message>
        <source>Misplaced</source>
        <translation>Fejlplaceret</translation>
    </message>
    <message>
        <source>Repeaters</source>
        <translation>Gengangere</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Kan ikke nås</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Nået</translation>
    </message>
    <message>
        <source>Back in education or work</source>
        <translation>Tilbage i uddannelse eller job</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Tal</translation>
    </message>
    <message>
        <source>Double-click to see the young people behind the number.</source>
        <translation>Dobbeltklik for at se de unge bag tallet.</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <source>Figures per month</source>
        <translation>Tal pr. måned</translation>
    </message>
    <message>
        <source>The list&apos;s figures for each of the last 12 months that have a list.</source>
        <translation>Listens tal for hver af de seneste 12 måneder, der har en liste.</translation>
    </message>
    <message>
        <source>Chart of the figures per month</source>
        <translation>Diagram over tallene pr. måned</translation>
    </message>
    <message>
        <source>On the list</source>
        <translation>På listen</translation>
    </message>
    <message>
        <source>Repeaters</source>
        <translation>Gengangere</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Kan ikke nås</translation>
    </message>
    <message>
        <source>Back in education or work</source>
        <translation>Tilbage i uddannelse eller job</translation>
    </message>
    <message>
        <source>No list imported yet.</source>
        <translation>Ingen liste importeret endnu.</translation>
    </message>
    <message>
        <source>The last 12 months</source>
        <translation>De seneste 12 måneder</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>&amp;Save the follow-up</source>
        <translation>&amp;Gem opfølgningen</translation>
    </message>
    <message>
        <source>Follow-up after the case ended – %1</source>
        <translation>Opfølgning efter afslutning – %1</translation>
    </message>
    <message>
        <source>%1: back on a benefit since %2</source>
        <translation>%1: tilbage på ydelse siden %2</translation>
    </message>
    <message>
        <source>%1: not on a benefit</source>
        <translation>%1: ikke på ydelse</translation>
    </message>
    <message>
        <source>Not followed up before.</source>
        <translation>Ikke fulgt op før.</translation>
    </message>
    <message>
        <source>The young person is &amp;back on a benefit</source>
        <translation>Den unge er &amp;tilbage på ydelse</translation>
    </message>
    <message>
        <source>&amp;Checked on:</source>
        <translation>&amp;Undersøgt den:</translation>
    </message>
    <message>
        <source>Back on a benefit &amp;since:</source>
        <translation>Tilbage på ydelse &amp;siden:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Bemærkning:</translation>
    </message>
</context>
<context>
    <name>HandOutDialog</name>
    <message>
        <source>Hand out plan</source>
        <translation>Udlever plan</translation>
    </message>
    <message>
        <source>Hand out the plan as version 1? It is frozen as it is now, dated today and with you as the one who handed it out. Later edits make a new draft.</source>
        <translation>Udlever planen som version 1? Den fastfryses, som den er nu, dateret i dag og med dig som den, der udleverede den. Senere ændringer bliver til en ny kladde.</translation>
    </message>
    <message>
        <source>Hand out a new version? The versions handed out before stay readable.</source>
        <translation>Udlever en ny version? De tidligere udleverede versioner kan stadig læses.</translation>
    </message>
    <message>
        <source>Nothing has changed since the last version. Hand out the same plan again as a new version?</source>
        <translation>Intet er ændret siden sidste version. Udlever den samme plan igen som en ny version?</translation>
    </message>
    <message>
        <source>Changed since the last version:</source>
        <translation>Ændret siden sidste version:</translation>
    </message>
    <message>
        <source>Your unsaved changes are saved first and are part of the version.</source>
        <translation>Dine ikke-gemte ændringer gemmes først og kommer med i versionen.</translation>
    </message>
    <message>
        <source>&amp;Hand out</source>
        <translation>&amp;Udlever</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>The PDF was saved as {file} and attached to a new secure e-mail to {address}.</source>
        <translation>PDF&apos;en er gemt som {file} og vedhæftet en ny sikker mail til {address}.</translation>
    </message>
    <message>
        <source>The PDF was saved as {file}. The folder is opened: send the file by secure mail to {address}.</source>
        <translation>PDF&apos;en er gemt som {file}. Mappen er åbnet: send filen med sikker mail til {address}.</translation>
    </message>
    <message>
        <source>Send it by Digital Post or secure mail.</source>
        <translation>Send den med Digital Post eller sikker mail.</translation>
    </message>
    <message>
        <source>The PDF was saved as {file}. The folder is opened. {how}</source>
        <translation>PDF&apos;en er gemt som {file}. Mappen er åbnet. {how}</translation>
    </message>
    <message>
        <source>The PDF was saved as {file} and attached to a new e-mail. Send it only encrypted.</source>
        <translation>PDF&apos;en er gemt som {file} og vedhæftet en ny mail. Send den kun krypteret.</translation>
    </message>
    <message>
        <source>The PDF was saved as {file}. Your mail program cannot be given an attachment from here: the folder is opened, drag the file into a new e-mail.</source>
        <translation>PDF&apos;en er gemt som {file}. Dit mailprogram kan ikke få en vedhæftning herfra: mappen åbnes, træk filen ind i en ny e-mail.</translation>
    </message>
</context>
<context>
    <name>HandoverBox</name>
    <message>
        <source>Handover (chain responsibility)</source>
        <translation>Overdragelse (kædeansvar)</translation>
    </message>
    <message>
        <source>Who held the case</source>
        <translation>Hvem har haft sagen</translation>
    </message>
    <message>
        <source>Each period a caseworker held the case, oldest first</source>
        <translation>Hver periode en sagsbehandler har haft sagen, ældste først</translation>
    </message>
    <message>
        <source>Read the &amp;receipt…</source>
        <translation>Læs &amp;kvittering …</translation>
    </message>
    <message>
        <source>&amp;Write receipt to the sender…</source>
        <translation>&amp;Lav kvittering til afsenderen …</translation>
    </message>
    <message>
        <source>Handed over on {day} — awaiting the receipt. You are still responsible for the case and its deadlines until the receiver&apos;s receipt is read here.</source>
        <translation>Overdraget {day} — afventer kvittering. Du har stadig ansvaret for sagen og dens frister, indtil modtagerens kvittering er læst her.</translation>
    </message>
    <message>
        <source>Handed over to another unit: the receipt was read on {day}, and the case ended here.</source>
        <translation>Overdraget til en anden enhed: kvitteringen blev læst {day}, og sagen er afsluttet her.</translation>
    </message>
    <message>
        <source>Received on {day} from {sender}. Write the receipt and send it back: until the sender has read it, the sender also keeps the case.</source>
        <translation>Modtaget {day} fra {sender}. Lav kvitteringen, og send den tilbage: indtil afsenderen har læst den, har afsenderen også sagen.</translation>
    </message>
    <message>
        <source>Choose the receipt</source>
        <translation>Vælg kvitteringen</translation>
    </message>
    <message>
        <source>UngeDesk receipts (*{suffix});;All files (*)</source>
        <translation>UngeDesk-kvitteringer (*{suffix});;Alle filer (*)</translation>
    </message>
    <message>
        <source>The receipt is read: the case is handed over and ended here.</source>
        <translation>Kvitteringen er læst: sagen er overdraget og afsluttet her.</translation>
    </message>
    <message>
        <source>Choose a folder for the receipt</source>
        <translation>Vælg en mappe til kvitteringen</translation>
    </message>
    <message>
        <source>The receipt is written: {path}. Send it to the sender.</source>
        <translation>Kvitteringen er skrevet: {path}. Send den til afsenderen.</translation>
    </message>
</context>
<context>
    <name>HeldByField</name>
    <message>
        <source>Counts as a jobsamtale when held.</source>
        <translation>Tæller som jobsamtale, når den er afholdt.</translation>
    </message>
    <message>
        <source>A team meeting is not a jobsamtale.</source>
        <translation>Et teammøde er ikke en jobsamtale.</translation>
    </message>
    <message>
        <source>Held by UU alone: guidance under the youth effort, not a jobsamtale (it meets no jobsamtale deadline).</source>
        <translation>Holdt af UU alene: vejledning i ungeindsatsen, ikke en jobsamtale (den opfylder ingen jobsamtalefrist).</translation>
    </message>
    <message>
        <source>Who holds the follow-up?</source>
        <translation>Hvem holder opfølgningen?</translation>
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
    <name>HistoryModel</name>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>Active cases</source>
        <translation>Aktive sager</translation>
    </message>
    <message>
        <source>Inflow</source>
        <translation>Tilgang</translation>
    </message>
    <message>
        <source>Outflow</source>
        <translation>Afgang</translation>
    </message>
    <message>
        <source>Turned away at the door</source>
        <translation>Vendt i døren</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Chart of the last 12 months</source>
        <translation>Diagram over de seneste 12 måneder</translation>
    </message>
    <message>
        <source>Target group: %1</source>
        <translation>Målgruppe: %1</translation>
    </message>
    <message>
        <source>Active cases, inflow, outflow and turned away per month, target group %1.</source>
        <translation>Aktive sager, tilgang, afgang og vendt i døren pr. måned, målgruppe %1.</translation>
    </message>
    <message>
        <source>The last 12 months</source>
        <translation>De seneste 12 måneder</translation>
    </message>
    <message>
        <source>Active cases, inflow, outflow and turned away per month, in total.</source>
        <translation>Aktive sager, tilgang, afgang og vendt i døren pr. måned, i alt.</translation>
    </message>
    <message>
        <source>Inflow</source>
        <translation>Tilgang</translation>
    </message>
    <message>
        <source>Outflow</source>
        <translation>Afgang</translation>
    </message>
    <message>
        <source>Turned away at the door</source>
        <translation>Vendt i døren</translation>
    </message>
</context>
<context>
    <name>HolderDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Add custody holder</source>
        <translation>Tilføj indehaver af forældremyndigheden</translation>
    </message>
    <message>
        <source>Edit custody holder</source>
        <translation>Ret indehaver af forældremyndigheden</translation>
    </message>
    <message>
        <source>Takes &amp;part in the plan (signs it)</source>
        <translation>&amp;Deltager i planen (skriver under på den)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Relation</source>
        <translation>&amp;Relation</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Address (optional)</source>
        <translation>&amp;Adresse (valgfri)</translation>
    </message>
    <message>
        <source>Holds custody &amp;from</source>
        <translation>Har forældremyndigheden &amp;fra</translation>
    </message>
</context>
<context>
    <name>HolderModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
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
        <source>Takes part in the plan</source>
        <translation>Deltager i planen</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
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
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>from {start} (ended at 18)</source>
        <translation>fra {start} (ophørte ved 18 år)</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>fra {start}</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Havdes af</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hvordan</translation>
    </message>
    <message>
        <source>now</source>
        <translation>nu</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>&amp;Import the list</source>
        <translation>&amp;Importér listen</translation>
    </message>
    <message>
        <source>Import the coordination group&apos;s list</source>
        <translation>Importér koordinationsgruppens liste</translation>
    </message>
    <message>
        <source>YYYY-MM, e.g. 2026-11</source>
        <translation>ÅÅÅÅ-MM, fx 2026-11</translation>
    </message>
    <message>
        <source>&amp;Show again</source>
        <translation>&amp;Vis igen</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Måned:</translation>
    </message>
    <message>
        <source>The month the list is for, written year-month</source>
        <translation>Måneden listen gælder, skrevet år-måned</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolonner</translation>
    </message>
    <message>
        <source>The list</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>Each row of the file, who it is in the register and what to check.</source>
        <translation>Hver linje i filen, hvem det er i registret, og hvad der skal tjekkes.</translation>
    </message>
    <message>
        <source>&amp;Replace the list already imported for the month</source>
        <translation>&amp;Erstat den liste, der allerede er importeret for måneden</translation>
    </message>
    <message numerus="yes">
        <source>%n young person(s) on the list</source>
        <translation>
            <numerusform>%n ung på listen</numerusform>
            <numerusform>%n unge på listen</numerusform>
        </translation>
    </message>
    <message>
        <source>: %1 in the register, %2 not registered, %3 with notes to check.</source>
        <translation>: %1 i registret, %2 ikke registreret, %3 med bemærkninger at tjekke.</translation>
    </message>
    <message>
        <source>Read as %1.</source>
        <translation>Læst som %1.</translation>
    </message>
    <message>
        <source>This list was imported already on %1 by %2. Nothing to import.</source>
        <translation>Denne liste blev allerede importeret %1 af %2. Der er intet at importere.</translation>
    </message>
    <message>
        <source>Another list with %1 young people was imported for the month on %2 by %3. What the group wrote about those on both lists is kept.</source>
        <translation>En anden liste med %1 unge blev importeret for måneden %2 af %3. Det, gruppen har skrevet om unge på begge lister, bevares.</translation>
    </message>
    <message>
        <source>Choose what it holds</source>
        <translation>Vælg hvad kolonnen indeholder</translation>
    </message>
    <message>
        <source>Importing the list</source>
        <translation>Importerer listen</translation>
    </message>
</context>
<context>
    <name>IndicatorChoiceDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Choose indicators</source>
        <translation>Vælg indikatorer</translation>
    </message>
    <message>
        <source>Indicators that apply</source>
        <translation>Indikatorer, der gælder</translation>
    </message>
    <message>
        <source>{label} (sensitive data)</source>
        <translation>{label} (følsomme oplysninger)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Fra</translation>
    </message>
    <message>
        <source>Pick the indicators you and the young person will work on, up to all nine. An indicator taken off keeps its measurements; it is just not measured from the date on.</source>
        <translation>Vælg de indikatorer, du og den unge vil arbejde med, op til alle ni. En indikator, der fravælges, beholder sine målinger; den måles bare ikke fra datoen.</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Valgt</translation>
    </message>
    <message>
        <source>Taken off</source>
        <translation>Fravalgt</translation>
    </message>
    <message>
        <source>{day} by {who}</source>
        <translation>{day} af {who}</translation>
    </message>
    <message>
        <source>Still chosen</source>
        <translation>Stadig valgt</translation>
    </message>
    <message>
        <source>Earlier choices</source>
        <translation>Tidligere valg</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Ingen endnu.</translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <source>&amp;Question</source>
        <translation>&amp;Spørgsmål</translation>
    </message>
</context>
<context>
    <name>IndicatorsModel</name>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Own</source>
        <translation>Egen</translation>
    </message>
    <message>
        <source>Cw.</source>
        <translation>Sagsb.</translation>
    </message>
    <message>
        <source>The caseworker&apos;s latest score (1-10)</source>
        <translation>Sagsbehandlerens seneste score (1-10)</translation>
    </message>
    <message>
        <source>The young person&apos;s own latest score (1-10)</source>
        <translation>Den unges egen seneste score (1-10)</translation>
    </message>
    <message>
        <source>(sensitive topic)</source>
        <translation>(følsomt emne)</translation>
    </message>
    <message>
        <source>{latest}. Stage {stage}: {label}</source>
        <translation>{latest}. Trin {stage}: {label}</translation>
    </message>
    <message>
        <source>The caseworker and the young person differ by 3 or more.</source>
        <translation>Sagsbehandleren og den unge er 3 eller mere fra hinanden.</translation>
    </message>
    <message>
        <source>Sensitive data (GDPR art. 9): shown only here.</source>
        <translation>Følsomme oplysninger (GDPR art. 9): vises kun her.</translation>
    </message>
    <message>
        <source>Latest score {day}</source>
        <translation>Seneste score {day}</translation>
    </message>
    <message>
        <source>Not scored yet</source>
        <translation>Ikke scoret endnu</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
</context>
<context>
    <name>JournalPanel</name>
    <message>
        <source>All kinds</source>
        <translation>Alle slags</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Vis:</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>The case in date order: conversations, visitation, events, plan versions and measurements.</source>
        <translation>Sagen i datoorden: samtaler, visitation, hændelser, planversioner og målinger.</translation>
    </message>
    <message>
        <source>Nothing has been recorded in the case yet.</source>
        <translation>Der er endnu ikke registreret noget i sagen.</translation>
    </message>
    <message>
        <source>The chosen entry in full</source>
        <translation>Det valgte notat i fuld længde</translation>
    </message>
    <message>
        <source>{shown} of {total} entries</source>
        <translation>{shown} af {total} notater</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n notat</numerusform>
            <numerusform>%n notater</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Gendan fra sikkerhedskopi …</translation>
    </message>
    <message>
        <source>Restoring from the backup …</source>
        <translation>Gendanner fra sikkerhedskopien …</translation>
    </message>
</context>
<context>
    <name>LeftPlanDialog</name>
    <message>
        <source>&amp;Start the deadlines</source>
        <translation>&amp;Start fristerne</translation>
    </message>
    <message>
        <source>%1 has left the plan</source>
        <translation>%1 har forladt sin plan</translation>
    </message>
    <message>
        <source>&amp;Left the plan on:</source>
        <translation>&amp;Forlod planen den:</translation>
    </message>
    <message>
        <source>The municipality &amp;learned of it on:</source>
        <translation>Kommunen fik &amp;kendskab til det den:</translation>
    </message>
    <message>
        <source>The KUI deadlines start from the day the municipality learned of it: contact with the young person and the parents within 5 working days, and a new activity within 30 days.</source>
        <translation>Fristerne efter KUI regnes fra den dag, kommunen fik kendskab til det: kontakt med den unge og forældrene inden 5 hverdage og en ny aktivitet inden 30 dage.</translation>
    </message>
</context>
<context>
    <name>ListSection</name>
    <message>
        <source>Remove row</source>
        <translation>Fjern række</translation>
    </message>
    <message>
        <source>Row {row}: {message}</source>
        <translation>Række {row}: {message}</translation>
    </message>
</context>
<context>
    <name>LoadRulesDialog</name>
    <message>
        <source>Load rule file</source>
        <translation>Indlæs regelfil</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Fil: {name}</translation>
    </message>
    <message>
        <source>Checking the file and working out what changes…</source>
        <translation>Kontrollerer filen og beregner, hvad der ændres …</translation>
    </message>
    <message>
        <source>&amp;Use these rules</source>
        <translation>&amp;Tag reglerne i brug</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>%v of %m cases</source>
        <translation>%v af %m sager</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuller</translation>
    </message>
    <message>
        <source>These rules are already in use: nothing to do.</source>
        <translation>Disse regler er allerede i brug: der er intet at gøre.</translation>
    </message>
    <message>
        <source>The rules that came with UngeDesk are as new or newer: this file would never be used.</source>
        <translation>Reglerne, der fulgte med UngeDesk, er lige så nye eller nyere: filen ville aldrig blive brugt.</translation>
    </message>
    <message>
        <source>The file is older than the rules in use. Load it only if you mean to go back to it.</source>
        <translation>Filen er ældre end reglerne i brug. Indlæs den kun, hvis du vil gå tilbage til den.</translation>
    </message>
    <message>
        <source>&amp;Load anyway</source>
        <translation>&amp;Indlæs alligevel</translation>
    </message>
    <message>
        <source>The rules of version {version} are in use. Deadlines recomputed for {cases} cases ({changed} changed); the load is in the access log.</source>
        <translation>Reglerne af version {version} er i brug. Fristerne er genberegnet for {cases} sager ({changed} ændret); indlæsningen står i adgangsloggen.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Luk</translation>
    </message>
</context>
<context>
    <name>LocalRulesDialog</name>
    <message>
        <source>Local standards</source>
        <translation>Lokale standarder</translation>
    </message>
    <message>
        <source>The municipality&apos;s own deadline rules, under the rule each one tightens.</source>
        <translation>Kommunens egne fristregler, under den regel hver enkelt skærper.</translation>
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
        <source>At least every {period}</source>
        <translation>Mindst hver {period}</translation>
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
    <message>
        <source>Demo: the passphrase is “{passphrase}”</source>
        <translation>Demo: adgangsfrasen er »{passphrase}«</translation>
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
        <source>Search the register</source>
        <translation>Søg i registret</translation>
    </message>
    <message>
        <source>The register: one row per young person. Enter opens the record.</source>
        <translation>Registret: én række pr. ung. Enter åbner sagen.</translation>
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
        <source>&amp;Plans handed out as PDF…</source>
        <translation>&amp;Udleverede planer som PDF…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Søg</translation>
    </message>
    <message>
        <source>&amp;Deadlines</source>
        <translation>&amp;Frister</translation>
    </message>
    <message>
        <source>&amp;Progression over the caseload…</source>
        <translation>&amp;Progression i sagsstammen…</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>S&amp;ag</translation>
    </message>
    <message>
        <source>Close the &amp;tab</source>
        <translation>Luk &amp;fanen</translation>
    </message>
    <message>
        <source>My &amp;profile…</source>
        <translation>Min &amp;profil…</translation>
    </message>
    <message>
        <source>&amp;Colleagues…</source>
        <translation>&amp;Kolleger…</translation>
    </message>
    <message>
        <source>&amp;Actors…</source>
        <translation>Aktø&amp;rer…</translation>
    </message>
    <message>
        <source>Closes the record&apos;s tab. The case itself is not changed.</source>
        <translation>Lukker fanen med journalen. Selve sagen ændres ikke.</translation>
    </message>
    <message>
        <source>O&amp;ffers catalogue…</source>
        <translation>&amp;Tilbudsvifte…</translation>
    </message>
    <message>
        <source>Coordination &amp;group&apos;s list…</source>
        <translation>Koordinations&amp;gruppens liste…</translation>
    </message>
    <message>
        <source>The monthly list of 15-17-year-olds outside education: import and review</source>
        <translation>Månedslisten over 15-17-årige uden uddannelse: importér og gennemgå</translation>
    </message>
    <message>
        <source>Management f&amp;igures…</source>
        <translation>Le&amp;delsestal…</translation>
    </message>
    <message>
        <source>&amp;End the case…</source>
        <translation>&amp;Afslut forløbet …</translation>
    </message>
    <message>
        <source>Ends the young person&apos;s case with where they went; asks before it is done.</source>
        <translation>Afslutter den unges forløb med, hvor den unge gik hen; spørger først.</translation>
    </message>
    <message>
        <source>&amp;Reopen case</source>
        <translation>&amp;Genåbn sag</translation>
    </message>
    <message>
        <source>&amp;Follow-up after the case ended…</source>
        <translation>&amp;Opfølgning efter afslutning…</translation>
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
        <translation>Regl&amp;er</translation>
    </message>
    <message>
        <source>Rule &amp;overview…</source>
        <translation>Regel&amp;oversigt …</translation>
    </message>
    <message>
        <source>Load &amp;rule file…</source>
        <translation>Indlæs &amp;regelfil …</translation>
    </message>
    <message>
        <source>&amp;Local standards…</source>
        <translation>&amp;Lokale standarder…</translation>
    </message>
    <message>
        <source>&amp;Progression descriptors…</source>
        <translation>&amp;Beskrivelser af progressionstrin…</translation>
    </message>
    <message>
        <source>Se&amp;curity</source>
        <translation>&amp;Sikkerhed</translation>
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
        <source>Change recovery &amp;passphrase…</source>
        <translation>Skift gendannelses&amp;frase …</translation>
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
        <source>Save the access log&apos;s &amp;head for a witness…</source>
        <translation>Gem adgangsloggens &amp;hoved til et vidne…</translation>
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
        <source>Load rule file</source>
        <translation>Indlæs regelfil</translation>
    </message>
    <message>
        <source>Rule files (*.toml)</source>
        <translation>Regelfiler (*.toml)</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Å&amp;bn mappen</translation>
    </message>
    <message>
        <source>The recovery passphrase is changed. From now on the key file opens with the new passphrase only.

Backups taken before the change still open with the old passphrase. Take a new backup now, and delete the old ones if others may know the old passphrase.</source>
        <translation>Gendannelsesfrasen er skiftet. Fremover åbner nøglefilen kun med den nye frase.

Sikkerhedskopier taget før skiftet åbnes stadig med den gamle frase. Tag en ny sikkerhedskopi nu, og slet de gamle, hvis andre kan kende den gamle frase.</translation>
    </message>
    <message>
        <source>The access log is intact: {count} events checked, none changed, added or removed.

Head of the log: event no. {seq}, {digest}</source>
        <translation>Adgangsloggen er intakt: {count} hændelser kontrolleret, ingen er ændret, tilføjet eller fjernet.

Loggens hoved: hændelse nr. {seq}, {digest}</translation>
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
    <message>
        <source>Save the access log&apos;s head</source>
        <translation>Gem adgangsloggens hoved</translation>
    </message>
    <message>
        <source>Witness files (*.json)</source>
        <translation>Vidnefiler (*.json)</translation>
    </message>
    <message>
        <source>The head of the access log is saved: event no. {seq}, hash {digest}.

Give the file to someone who keeps it outside UngeDesk (for example your IT security contact). With it, &apos;ungedesk audit verify --witness FILE&apos; shows later whether the log was rolled back.</source>
        <translation>Adgangsloggens hoved er gemt: hændelse nr. {seq}, hash {digest}.

Giv filen til en, der opbevarer den uden for UngeDesk (fx jeres it-sikkerhedsansvarlige). Med den viser &apos;ungedesk audit verify --witness FIL&apos; senere, om loggen er rullet tilbage.</translation>
    </message>
    <message>
        <source>UngeDesk found signs that the access log has been changed since it was last used. This has been recorded in the log. Tell your IT security contact.

</source>
        <translation>UngeDesk har fundet tegn på, at adgangsloggen er ændret, siden den sidst blev brugt. Det er skrevet i loggen. Fortæl det til jeres it-sikkerhedsansvarlige.

</translation>
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
    <message>
        <source>Write the receipt in the record (Basic data, Handover) and send it to the sender.</source>
        <translation>Lav kvitteringen i sagen (Stamdata, Overdragelse), og send den til afsenderen.</translation>
    </message>
</context>
<context>
    <name>MeasurementDialog</name>
    <message>
        <source>&amp;Save measurement</source>
        <translation>&amp;Gem måling</translation>
    </message>
    <message>
        <source>New measurement</source>
        <translation>Ny måling</translation>
    </message>
    <message>
        <source>Correct measurement</source>
        <translation>Ret måling</translation>
    </message>
    <message>
        <source>No conversation</source>
        <translation>Ingen samtale</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <source>Con&amp;versation</source>
        <translation>Sam&amp;tale</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>Young person</source>
        <translation>Den unge</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>{indicator}: caseworker&apos;s score</source>
        <translation>{indicator}: sagsbehandlerens score</translation>
    </message>
    <message>
        <source>{indicator}: the young person&apos;s own score</source>
        <translation>{indicator}: den unges egen score</translation>
    </message>
    <message>
        <source>{indicator}: comment</source>
        <translation>{indicator}: kommentar</translation>
    </message>
    <message>
        <source>Sensitive data</source>
        <translation>Følsomme oplysninger</translation>
    </message>
    <message>
        <source>Talk about it</source>
        <translation>Tal om det</translation>
    </message>
    <message>
        <source>Type a digit for each score (1 then 0 for 10), Tab to the next field, Up/Down to step. The young person&apos;s own score may be left empty.</source>
        <translation>Skriv et tal for hver score (1 og så 0 for 10), Tab til næste felt, op/ned for at gå et trin. Den unges egen score må stå tom.</translation>
    </message>
    <message>
        <source>No indicators are chosen for the young person: choose them first.</source>
        <translation>Der er ikke valgt indikatorer for den unge: vælg dem først.</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Rettelse</translation>
    </message>
    <message>
        <source>&amp;Reason (required)</source>
        <translation>&amp;Begrundelse (skal udfyldes)</translation>
    </message>
    <message>
        <source>Earlier corrections</source>
        <translation>Tidligere rettelser</translation>
    </message>
    <message>
        <source>None: this is the first correction.</source>
        <translation>Ingen: dette er den første rettelse.</translation>
    </message>
    <message>
        <source>{when}, {who}: {reason}. Before: {day}; {scores}</source>
        <translation>{when}, {who}: {reason}. Før: {day}; {scores}</translation>
    </message>
    <message>
        <source>The two scores differ by 3 or more: something to talk about.</source>
        <translation>De to scorer er 3 eller mere fra hinanden: noget at tale om.</translation>
    </message>
    <message>
        <source>Write why the measurement is corrected.</source>
        <translation>Skriv, hvorfor målingen rettes.</translation>
    </message>
    <message>
        <source>Caseworker: {message}</source>
        <translation>Sagsbehandler: {message}</translation>
    </message>
    <message>
        <source>Young person: {message}</source>
        <translation>Den unge: {message}</translation>
    </message>
    <message>
        <source>Comment: {message}</source>
        <translation>Kommentar: {message}</translation>
    </message>
</context>
<context>
    <name>MeasurementsModel</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Samtale</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Registreret af</translation>
    </message>
    <message>
        <source>{day} (corrected)</source>
        <translation>{day} (rettet)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Talk about: {indicators}</source>
        <translation>Tal om: {indicators}</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
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
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Til</translation>
    </message>
</context>
<context>
    <name>MissingContactBox</name>
    <message>
        <source>Contact details missing</source>
        <translation>Kontaktoplysninger mangler</translation>
    </message>
    <message>
        <source>Fill in {who}&apos;s details…</source>
        <translation>Udfyld oplysninger for {who}…</translation>
    </message>
</context>
<context>
    <name>MovementModel</name>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Young people</source>
        <translation>Unge</translation>
    </message>
    <message>
        <source>Movement, caseworker&apos;s score</source>
        <translation>Bevægelse, sagsbehandlers score</translation>
    </message>
    <message>
        <source>Movement, own score</source>
        <translation>Bevægelse, egen score</translation>
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
    <name>OfferDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>New offer</source>
        <translation>Nyt tilbud</translation>
    </message>
    <message>
        <source>Edit offer</source>
        <translation>Ret tilbud</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Udbyder</translation>
    </message>
    <message>
        <source>Lowest age</source>
        <translation>Laveste alder</translation>
    </message>
    <message>
        <source>Highest age</source>
        <translation>Højeste alder</translation>
    </message>
    <message>
        <source>Typical duration in weeks</source>
        <translation>Typisk varighed i uger</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
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
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>&amp;Udbyder</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>&amp;Ages</source>
        <translation>Al&amp;der</translation>
    </message>
    <message>
        <source>Typical &amp;duration (weeks)</source>
        <translation>Typisk &amp;varighed (uger)</translation>
    </message>
    <message>
        <source>&amp;Contact person</source>
        <translation>&amp;Kontaktperson</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;oter</translation>
    </message>
</context>
<context>
    <name>OfferModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Udbyder</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <source>Ages</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Uger</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Udgået</translation>
    </message>
</context>
<context>
    <name>OpeningWindow</name>
    <message>
        <source>Opening UngeDesk …</source>
        <translation>Åbner UngeDesk …</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>Restoring from the backup …</source>
        <translation>Gendanner fra sikkerhedskopien …</translation>
    </message>
    <message>
        <source>Stopping … the current database is put back as it was.</source>
        <translation>Stopper … den nuværende database sættes på plads, som den var.</translation>
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
    <name>PdfPreviewDialog</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Udskriv…</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Gem PDF…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s). Page Up and Page Down turn the pages.</source>
        <translation>
            <numerusform>%n side. Page Up og Page Down bladrer.</numerusform>
            <numerusform>%n sider. Page Up og Page Down bladrer.</numerusform>
        </translation>
    </message>
    <message>
        <source>The PDF could not be shown.</source>
        <translation>PDF&apos;en kunne ikke vises.</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>CPR</source>
        <translation>CPR</translation>
    </message>
</context>
<context>
    <name>PlanBatchDialog</name>
    <message>
        <source>Make plans as PDF</source>
        <translation>Lav planer som PDF</translation>
    </message>
    <message>
        <source>Handed out from</source>
        <translation>Udleveret fra</translation>
    </message>
    <message>
        <source>Handed out until</source>
        <translation>Udleveret til og med</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Vælg…</translation>
    </message>
    <message>
        <source>&amp;Archive copies (PDF/A) instead of the young person&apos;s PDF</source>
        <translation>&amp;Arkivkopier (PDF/A) i stedet for den unges PDF</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>&amp;Åbn mappen</translation>
    </message>
    <message>
        <source>Handed out &amp;from</source>
        <translation>Udleveret &amp;fra</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Mappe</translation>
    </message>
    <message>
        <source>&amp;Make PDFs</source>
        <translation>&amp;Lav PDF&apos;er</translation>
    </message>
    <message>
        <source>One PDF per handed-out version, named by case number and version (never a name or CPR number). Files already in the folder with the same name are replaced.</source>
        <translation>Én PDF pr. udleveret version, navngivet efter sagsnummer og version (aldrig navn eller CPR-nummer). Filer i mappen med samme navn erstattes.</translation>
    </message>
    <message>
        <source>The end lies before the start.</source>
        <translation>Slutdatoen ligger før startdatoen.</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) handed out in the period.</source>
        <translation>
            <numerusform>%n plan udleveret i perioden.</numerusform>
            <numerusform>%n planer udleveret i perioden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No plans were handed out in the period.</source>
        <translation>Der blev ikke udleveret planer i perioden.</translation>
    </message>
    <message>
        <source>Folder for the PDFs</source>
        <translation>Mappe til PDF&apos;erne</translation>
    </message>
    <message>
        <source>Choose a folder for the PDFs.</source>
        <translation>Vælg en mappe til PDF&apos;erne.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Luk</translation>
    </message>
    <message>
        <source>Stopped: no PDFs were saved and nothing was logged.</source>
        <translation>Stoppet: ingen PDF&apos;er blev gemt, og intet blev logget.</translation>
    </message>
    <message>
        <source>Stopping after the file being made…</source>
        <translation>Stopper efter den fil, der laves nu…</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v af %m</translation>
    </message>
    <message>
        <source>No plans were handed out in the period: no files were made.</source>
        <translation>Der blev ikke udleveret planer i perioden: ingen filer blev lavet.</translation>
    </message>
    <message numerus="yes">
        <source>%n PDF(s) saved in {folder}.</source>
        <translation>
            <numerusform>%n PDF gemt i {folder}.</numerusform>
            <numerusform>%n PDF&apos;er gemt i {folder}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <source>Not chosen yet</source>
        <translation>Ikke valgt endnu</translation>
    </message>
    <message>
        <source>e.g. Social- og sundhedshjælper</source>
        <translation>fx Social- og sundhedshjælper</translation>
    </message>
    <message>
        <source>e.g. SOSU Nord, Aalborg</source>
        <translation>fx SOSU Nord, Aalborg</translation>
    </message>
    <message>
        <source>What the young person wants, in their own words.</source>
        <translation>Hvad den unge vil, med egne ord.</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Education &amp;goal</source>
        <translation>Uddannelsesm&amp;ål</translation>
    </message>
    <message>
        <source>Programme or &amp;job</source>
        <translation>Uddannelse eller jo&amp;b</translation>
    </message>
    <message>
        <source>S&amp;chool or workplace</source>
        <translation>S&amp;kole eller arbejdsplads</translation>
    </message>
    <message>
        <source>Empty: not known yet. Delete empties the date.</source>
        <translation>Tom: kendes ikke endnu. Delete tømmer datoen.</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>S&amp;tart</translation>
    </message>
    <message>
        <source>Short-term goals</source>
        <translation>Kortsigtede mål</translation>
    </message>
    <message>
        <source>Long-term goals</source>
        <translation>Langsigtede mål</translation>
    </message>
    <message>
        <source>The young person&apos;s own words</source>
        <translation>Den unges egne ord</translation>
    </message>
    <message>
        <source>Own &amp;wishes</source>
        <translation>Egne &amp;ønsker</translation>
    </message>
    <message>
        <source>Challenges and needs</source>
        <translation>Udfordringer og behov</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Sub-goal</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Indsats</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Udbyder</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>School or workplace</source>
        <translation>Skole eller arbejdsplads</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
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
        <source>Add sub-&amp;goal</source>
        <translation>Tilføj &amp;delmål</translation>
    </message>
    <message>
        <source>No sub-goals yet: small steps with a date and who does what.</source>
        <translation>Ingen delmål endnu: små skridt med en dato og hvem der gør hvad.</translation>
    </message>
    <message>
        <source>Add &amp;intervention</source>
        <translation>Tilføj &amp;indsats</translation>
    </message>
    <message>
        <source>No interventions or offers yet.</source>
        <translation>Ingen indsatser eller tilbud endnu.</translation>
    </message>
    <message>
        <source>Add a&amp;pplication or contact</source>
        <translation>Tilføj a&amp;nsøgning eller kontakt</translation>
    </message>
    <message>
        <source>No applications sent or schools contacted yet.</source>
        <translation>Ingen ansøgninger sendt eller skoler kontaktet endnu.</translation>
    </message>
    <message>
        <source>Add contact &amp;person</source>
        <translation>Tilføj kontaktperson</translation>
    </message>
    <message>
        <source>No contact person or team members yet.</source>
        <translation>Ingen kontaktperson eller teammedlemmer endnu.</translation>
    </message>
    <message>
        <source>Sub-goals</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <source>Interventions and offers</source>
        <translation>Indsatser og tilbud</translation>
    </message>
    <message>
        <source>Applications and contacts</source>
        <translation>Ansøgninger og kontakter</translation>
    </message>
    <message>
        <source>Contact persons and team</source>
        <translation>Kontaktpersoner og team</translation>
    </message>
    <message>
        <source>One row each. Type or press F2 to edit a cell; Delete empties it.</source>
        <translation>Én pr. række. Skriv eller tryk F2 for at redigere en celle; Delete tømmer den.</translation>
    </message>
    <message>
        <source>Coordinating caseworker</source>
        <translation>Koordinerende sagsbehandler</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>Næste møde</translation>
    </message>
    <message>
        <source>The caseworker comes from the basic data and the next meeting from the Conversations tab.</source>
        <translation>Sagsbehandleren kommer fra stamdata og næste møde fra fanen Samtaler.</translation>
    </message>
    <message>
        <source>None booked</source>
        <translation>Intet booket</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>&amp;Hand out plan…</source>
        <translation>Ud&amp;lever plan…</translation>
    </message>
    <message>
        <source>Freeze this plan as a version the young person gets. Later edits make a new draft.</source>
        <translation>Fastfrys planen som en version, den unge får. Senere ændringer bliver til en ny kladde.</translation>
    </message>
    <message>
        <source>Show &amp;PDF</source>
        <translation>Vis &amp;PDF</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Gem PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Udskriv…</translation>
    </message>
    <message>
        <source>Send to…</source>
        <translation>Send til…</translation>
    </message>
    <message>
        <source>&amp;Versions…</source>
        <translation>&amp;Versioner…</translation>
    </message>
    <message>
        <source>● Unsaved changes</source>
        <translation>● Ikke-gemte ændringer</translation>
    </message>
    <message>
        <source>Draft: not handed out yet.</source>
        <translation>Kladde: ikke udleveret endnu.</translation>
    </message>
    <message>
        <source>Version {number} handed out {day} by {who}.</source>
        <translation>Version {number} udleveret {day} af {who}.</translation>
    </message>
    <message>
        <source>The draft has changed since.</source>
        <translation>Kladden er ændret siden.</translation>
    </message>
    <message>
        <source>The plan was not saved. Correct the marked fields.</source>
        <translation>Planen blev ikke gemt. Ret de markerede felter.</translation>
    </message>
    <message>
        <source>The plan was saved.</source>
        <translation>Planen er gemt.</translation>
    </message>
    <message>
        <source>The plan was not handed out.</source>
        <translation>Planen blev ikke udleveret.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ikke-gemte ændringer</translation>
    </message>
    <message>
        <source>The plan has unsaved changes. Close without saving them?</source>
        <translation>Planen har ændringer, der ikke er gemt. Luk uden at gemme dem?</translation>
    </message>
    <message>
        <source>Version {number} was handed out. Later changes make a new draft; this version stays as it is.</source>
        <translation>Version {number} er udleveret. Senere ændringer bliver til en ny kladde; denne version forbliver, som den er.</translation>
    </message>
    <message>
        <source>The PDF shows version {number}, as the young person got it. Hand out the plan to include the later changes.</source>
        <translation>PDF&apos;en viser version {number}, som den unge fik den. Udlever planen for at få de senere ændringer med.</translation>
    </message>
    <message>
        <source>The PDF shows the saved plan. Save (Ctrl+S) to include your changes.</source>
        <translation>PDF&apos;en viser den gemte plan. Gem (Ctrl+S) for at få dine ændringer med.</translation>
    </message>
    <message>
        <source>Showing and printing the PDF needs Qt&apos;s PDF component, which is not installed. Save the PDF and open it in your PDF reader instead.</source>
        <translation>Visning og udskrift af PDF&apos;en kræver Qt&apos;s PDF-komponent, som ikke er installeret. Gem PDF&apos;en, og åbn den i dit PDF-program i stedet.</translation>
    </message>
    <message>
        <source>The plan as PDF</source>
        <translation>Planen som PDF</translation>
    </message>
    <message>
        <source>Version {number} as PDF</source>
        <translation>Version {number} som PDF</translation>
    </message>
    <message>
        <source>PDF for the young person (*.pdf)</source>
        <translation>PDF til den unge (*.pdf)</translation>
    </message>
    <message>
        <source>Archive copy, PDF/A (*.pdf)</source>
        <translation>Arkivkopi, PDF/A (*.pdf)</translation>
    </message>
    <message>
        <source>Save the plan as PDF</source>
        <translation>Gem planen som PDF</translation>
    </message>
    <message>
        <source>The PDF was saved as {file}.</source>
        <translation>PDF&apos;en er gemt som {file}.</translation>
    </message>
    <message>
        <source>The plan was sent to the printer.</source>
        <translation>Planen er sendt til printeren.</translation>
    </message>
    <message>
        <source>Save the PDF to send</source>
        <translation>Gem PDF&apos;en, der skal sendes</translation>
    </message>
    <message>
        <source>The consent was withdrawn. Text it covered was removed from the saved draft; handed-out versions are unchanged.</source>
        <translation>Samtykket er trukket tilbage. Tekst, det dækkede, er fjernet fra den gemte kladde; udleverede versioner er uændrede.</translation>
    </message>
    <message>
        <source>The consent was registered.</source>
        <translation>Samtykket er registreret.</translation>
    </message>
    <message>
        <source>given {day}</source>
        <translation>givet {day}</translation>
    </message>
    <message>
        <source>withdrawn {day}</source>
        <translation>trukket tilbage {day}</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Line</source>
        <translation>Linje</translation>
    </message>
    <message>
        <source>CPR</source>
        <translation>CPR</translation>
    </message>
    <message>
        <source>Name in the file</source>
        <translation>Navn i filen</translation>
    </message>
    <message>
        <source>In the register</source>
        <translation>I registret</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Bemærkninger</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Ikke registreret</translation>
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
        <source>e.g. the youth unit (the name your municipality uses)</source>
        <translation>fx Ungeindsatsen (det navn, kommunen bruger)</translation>
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
    <name>ProgressionPanel</name>
    <message>
        <source>Health (!) (sensitive topic)</source>
        <translation>Helbred (!) (følsomt emne)</translation>
    </message>
    <message>
        <source>C&amp;hoose indicators…</source>
        <translation>&amp;Vælg indikatorer…</translation>
    </message>
    <message>
        <source>&amp;New measurement…</source>
        <translation>&amp;Ny måling…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Co&amp;rrect measurement…</source>
        <translation>&amp;Ret måling…</translation>
    </message>
    <message>
        <source>No indicators are chosen for this young person yet. Choose the ones that apply (up to nine) with &quot;Choose indicators&quot;; then record the first measurement at a conversation.</source>
        <translation>Der er ikke valgt indikatorer for den unge endnu. Vælg dem, der gælder (op til ni), med &quot;Vælg indikatorer&quot;; registrér så den første måling ved en samtale.</translation>
    </message>
    <message>
        <source>No measurements yet. Record the first one with &quot;New measurement&quot; (Ctrl+M).</source>
        <translation>Ingen målinger endnu. Registrér den første med &quot;Ny måling&quot; (Ctrl+M).</translation>
    </message>
    <message>
        <source>Health, substance use and finances are sensitive data: shown only here, and every look is logged.</source>
        <translation>Helbred, misbrug og økonomi er følsomme oplysninger: de vises kun her, og hvert opslag logges.</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indikatorer</translation>
    </message>
    <message>
        <source>The latest score per indicator, the caseworker&apos;s and the young person&apos;s own.</source>
        <translation>Den seneste score pr. indikator, sagsbehandlerens og den unges egen.</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Målinger</translation>
    </message>
    <message>
        <source>Each measurement of the progression, newest first.</source>
        <translation>Hver måling af progressionen, nyeste først.</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>Young person</source>
        <translation>Den unge</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Begge</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Første</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Forrige</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Seneste</translation>
    </message>
    <message>
        <source>Scores:</source>
        <translation>Scorer:</translation>
    </message>
    <message>
        <source>Readings:</source>
        <translation>Målinger:</translation>
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
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Progression</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>Coordinating caseworker: {who}</source>
        <translation>Koordinerende sagsbehandler: {who}</translation>
    </message>
    <message>
        <source>Contact person: {who}</source>
        <translation>Kontaktperson: {who}</translation>
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
        <source>handed over, awaiting the receipt</source>
        <translation>overdraget, afventer kvittering</translation>
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
    <name>ReviewDialog</name>
    <message>
        <source>Coordination group</source>
        <translation>Koordinationsgruppen</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>&amp;Import a list…</source>
        <translation>&amp;Importer en liste…</translation>
    </message>
    <message>
        <source>Minutes as &amp;PDF…</source>
        <translation>Refer&amp;at som PDF…</translation>
    </message>
    <message>
        <source>Minutes for E&amp;xcel…</source>
        <translation>Referat til E&amp;xcel…</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Måned:</translation>
    </message>
    <message>
        <source>The month&apos;s list</source>
        <translation>Månedens liste</translation>
    </message>
    <message>
        <source>Those to act on first, then the unreachable, then the misplaced.</source>
        <translation>Først dem, der skal handles for, så dem, der ikke kan nås, og til sidst de fejlplacerede.</translation>
    </message>
    <message>
        <source>No list has been imported yet. Import the month&apos;s list from the UU system (a CSV file) with Import a list.</source>
        <translation>Der er ikke importeret nogen liste endnu. Importer en liste: månedens liste fra UU-systemet (en CSV-fil).</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Listen</translation>
    </message>
    <message>
        <source>&amp;Figures</source>
        <translation>&amp;Tal</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Lu&amp;k</translation>
    </message>
    <message>
        <source>On the list %1 · misplaced %2 · repeaters %3 · unreachable %4 · reached %5 · back in education or work %6</source>
        <translation>På listen %1 · fejlplaceret %2 · gengangere %3 · kan ikke nås %4 · nået %5 · tilbage i uddannelse eller job %6</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>Regneark (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the meeting&apos;s minutes</source>
        <translation>Gem referatet af mødet</translation>
    </message>
    <message>
        <source>The minutes are saved as %1.</source>
        <translation>Referatet er gemt som %1.</translation>
    </message>
    <message>
        <source>Choose the month&apos;s list</source>
        <translation>Vælg månedens liste</translation>
    </message>
    <message>
        <source>Lists (*.csv *.txt);;All files (*)</source>
        <translation>Lister (*.csv *.txt);;Alle filer (*)</translation>
    </message>
    <message>
        <source>The list for %1 is imported: %2 young people, %3 not registered.</source>
        <translation>Listen for %1 er importeret: %2 unge, %3 ikke registreret.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>CPR</source>
        <translation>CPR</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Months in a row</source>
        <translation>I træk</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Action owner</source>
        <translation>Handleansvar</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Næste skridt</translation>
    </message>
    <message>
        <source>Misplaced</source>
        <translation>Fejlplaceret</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Kan ikke nås</translation>
    </message>
    <message>
        <source>Repeater</source>
        <translation>Gengænger</translation>
    </message>
</context>
<context>
    <name>RevokeWaiverDialog</name>
    <message>
        <source>Re&amp;voke</source>
        <translation>&amp;Tilbagekald</translation>
    </message>
    <message>
        <source>Revoke exemption</source>
        <translation>Tilbagekald fritagelse</translation>
    </message>
    <message>
        <source>{deadline}, exempt since {day}: {reason}</source>
        <translation>{deadline}, fritaget siden {day}: {reason}</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>&amp;Why revoke</source>
        <translation>&amp;Hvorfor tilbagekalde</translation>
    </message>
</context>
<context>
    <name>RulesBrowserDialog</name>
    <message>
        <source>Rule overview</source>
        <translation>Regeloversigt</translation>
    </message>
    <message>
        <source>All target groups</source>
        <translation>Alle målgrupper</translation>
    </message>
    <message>
        <source>In force on &amp;date:</source>
        <translation>Gældende på &amp;dato:</translation>
    </message>
    <message>
        <source>&amp;Target group:</source>
        <translation>&amp;Målgruppe:</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regler</translation>
    </message>
    <message>
        <source>The deadline rules in use, with their periods and sources. The chosen rule is shown in full below.</source>
        <translation>Fristreglerne i brug, med perioder og kilder. Den valgte regel vises i sin helhed nedenfor.</translation>
    </message>
    <message>
        <source>The chosen rule in full</source>
        <translation>Den valgte regel i sin helhed</translation>
    </message>
    <message>
        <source>&amp;Load rule file…</source>
        <translation>&amp;Indlæs regelfil …</translation>
    </message>
    <message>
        <source>Switch expected rules &amp;on…</source>
        <translation>Slå forventede regler &amp;til …</translation>
    </message>
    <message>
        <source>version {version}</source>
        <translation>version {version}</translation>
    </message>
    <message>
        <source>no version date</source>
        <translation>uden versionsdato</translation>
    </message>
    <message>
        <source>loaded {when}</source>
        <translation>indlæst {when}</translation>
    </message>
    <message>
        <source>shipped with UngeDesk</source>
        <translation>fulgte med UngeDesk</translation>
    </message>
    <message>
        <source>Expected rules are switched on.</source>
        <translation>Forventede regler er slået til.</translation>
    </message>
    <message>
        <source>Expected rules are switched off: they give no deadlines.</source>
        <translation>Forventede regler er slået fra: de giver ingen frister.</translation>
    </message>
    <message>
        <source>Rule set in use: {version} ({origin}). {expected}</source>
        <translation>Regelsæt i brug: {version} ({origin}). {expected}</translation>
    </message>
    <message>
        <source>Switch expected rules &amp;off…</source>
        <translation>Slå forventede regler &amp;fra …</translation>
    </message>
    <message>
        <source>The rule set in use has no expected rules.</source>
        <translation>Regelsættet i brug har ingen forventede regler.</translation>
    </message>
    <message>
        <source>No rule is in force on that date for that target group.</source>
        <translation>Ingen regel gælder på den dato for den målgruppe.</translation>
    </message>
    <message>
        <source>Deadline: {period}; met by {meets}.</source>
        <translation>Frist: {period}; opfyldes af {meets}.</translation>
    </message>
    <message>
        <source>For: {who}. In force {dates}.</source>
        <translation>For: {who}. Gælder {dates}.</translation>
    </message>
    <message>
        <source>Source on the chosen date: {source}. Sources by period: {all}.</source>
        <translation>Kilde på den valgte dato: {source}. Kilder efter periode: {all}.</translation>
    </message>
    <message>
        <source>Kind: {kind}. Id: {id}.</source>
        <translation>Art: {kind}. Id: {id}.</translation>
    </message>
    <message>
        <source>Load rule file</source>
        <translation>Indlæs regelfil</translation>
    </message>
    <message>
        <source>Rule files (*.toml)</source>
        <translation>Regelfiler (*.toml)</translation>
    </message>
    <message>
        <source>Expected rules build on bills whose final text is not confirmed (such as the new employment act expected on 1 January 2027). Switched on, they give deadlines to every case they apply to. Check them against the adopted law.

Switch the {count} expected rules on and recompute all deadlines?</source>
        <translation>Forventede regler bygger på lovforslag, hvis endelige tekst ikke er bekræftet (fx den nye beskæftigelseslov, der forventes 1. januar 2027). Slås de til, giver de frister i alle sager, de gælder for. Kontrollér dem mod den vedtagne lov.

Slå de {count} forventede regler til og genberegn alle frister?</translation>
    </message>
    <message>
        <source>Switch the expected rules off? Their deadlines are removed from every case.</source>
        <translation>Slå de forventede regler fra? Deres frister fjernes fra alle sager.</translation>
    </message>
    <message>
        <source>Expected rules</source>
        <translation>Forventede regler</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>%v of %m cases</source>
        <translation>%v af %m sager</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Luk</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>{kind} (switched off)</source>
        <translation>{kind} (slået fra)</translation>
    </message>
</context>
<context>
    <name>SendWarning</name>
    <message>
        <source>Send the plan securely</source>
        <translation>Send planen sikkert</translation>
    </message>
    <message>
        <source>&lt;b&gt;The plan holds personal data.&lt;/b&gt; It must be sent by secure mail or Digital Post, never by ordinary e-mail.</source>
        <translation>&lt;b&gt;Planen indeholder personoplysninger.&lt;/b&gt; Den skal sendes med sikker mail eller Digital Post, aldrig med almindelig mail.</translation>
    </message>
    <message>
        <source>Your municipality sends by secure mail to {address}.</source>
        <translation>Kommunen sender med sikker mail til {address}.</translation>
    </message>
    <message>
        <source>Secure mail to {address}</source>
        <translation>Sikker mail til {address}</translation>
    </message>
    <message>
        <source>Your municipality&apos;s instruction: {instruction}</source>
        <translation>Kommunens vejledning: {instruction}</translation>
    </message>
    <message>
        <source>Save and open the folder</source>
        <translation>Gem og åbn mappen</translation>
    </message>
    <message>
        <source>The PDF is saved and its folder opened, so you can send it by Digital Post or secure mail. An administrator can set the municipality&apos;s secure route under Settings.</source>
        <translation>PDF&apos;en gemmes, og mappen åbnes, så du kan sende den med Digital Post eller sikker mail. Kommunens sikre vej kan angives under Indstillinger.</translation>
    </message>
    <message>
        <source>Ordinary e-mail anyway</source>
        <translation>Almindelig mail alligevel</translation>
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
        <source>e.g. secure mail address, or: Send it by Digital Post from the ESDH</source>
        <translation>fx sikker mailadresse, eller: Send den med Digital Post fra ESDH</translation>
    </message>
    <message>
        <source>Constitution Day (5 June)</source>
        <translation>Grundlovsdag (5. juni)</translation>
    </message>
    <message>
        <source>Christmas Eve (24 December)</source>
        <translation>Juleaftensdag (24. december)</translation>
    </message>
    <message>
        <source>New Year&apos;s Eve (31 December)</source>
        <translation>Nytårsaftensdag (31. december)</translation>
    </message>
    <message>
        <source>Recomputing deadlines: %v of %m cases</source>
        <translation>Genberegner frister: %v af %m sager</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>Stop the recompute: no setting is saved</source>
        <translation>Stop genberegningen: ingen indstilling gemmes</translation>
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
        <translation>Gem a&amp;fsluttede sager i</translation>
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
        <source>Weekdays and times when the UU counsellor is with your unit, e.g. tir 9-12, tor 9-12. Booking offers free times within them.</source>
        <translation>Ugedage og tider, hvor UU-vejlederen er hos jer, fx tir 9-12, tor 9-12. Ved booking foreslås ledige tider inden for dem.</translation>
    </message>
    <message>
        <source>&amp;Secure sending</source>
        <translation>Si&amp;kker afsendelse</translation>
    </message>
    <message>
        <source>A plan holds personal data: it must go by secure mail or Digital Post. A mail address here is used when the plan is sent; a text is shown as the instruction.</source>
        <translation>En plan indeholder personoplysninger: den skal sendes med sikker mail eller Digital Post. En mailadresse her bruges, når planen sendes; en tekst vises som vejledning.</translation>
    </message>
    <message>
        <source>Keep the coordination group&apos;s lists</source>
        <translation>Gem koordinationsgruppens lister i</translation>
    </message>
    <message>
        <source>Step after a month on the list</source>
        <translation>Skridt efter en måned på listen</translation>
    </message>
    <message>
        <source>Shown at the meeting for a young person on the coordination group&apos;s list more than a month in a row.</source>
        <translation>Vises på mødet ved en ung, der har stået på koordinationsgruppens liste mere end en måned i træk.</translation>
    </message>
    <message>
        <source>Hide small counts &amp;below</source>
        <translation>Skjul små tal u&amp;nder</translation>
    </message>
    <message>
        <source>Closing &amp;days</source>
        <translation>&amp;Lukkedage</translation>
    </message>
    <message>
        <source>Days the municipality keeps closed, skipped when deadlines are counted in working days. Weekends and public holidays are always skipped. A change recomputes all deadlines.</source>
        <translation>Dage, hvor kommunen holder lukket, og som springes over, når frister tælles i arbejdsdage. Weekender og helligdage springes altid over. En ændring genberegner alle frister.</translation>
    </message>
    <message>
        <source>C&amp;hoose logo…</source>
        <translation>&amp;Vælg logo…</translation>
    </message>
    <message>
        <source>Re&amp;move logo</source>
        <translation>&amp;Fjern logo</translation>
    </message>
    <message>
        <source>Logo on the plan</source>
        <translation>Logo på planen</translation>
    </message>
    <message>
        <source>In the figures files for the leader, a count from 1 up to below this number is not written: the file says &quot;under %1&quot;, so no young person can be recognised in a small team. A progression average also needs at least this many young people.</source>
        <translation>I filerne med tal til lederen skrives et antal fra 1 og op til under denne grænse ikke: filen siger »under %1«, så ingen ung kan genkendes i et lille team. Et gennemsnit for progression kræver også mindst så mange unge.</translation>
    </message>
    <message>
        <source>The plan&apos;s PDF carries the municipality&apos;s logo.</source>
        <translation>Planens PDF har kommunens logo.</translation>
    </message>
    <message>
        <source>No logo: the PDF shows the municipality&apos;s name only. PNG or JPEG, at most 2 MB.</source>
        <translation>Intet logo: PDF&apos;en viser kun kommunens navn. PNG eller JPEG, højst 2 MB.</translation>
    </message>
    <message>
        <source>Choose the municipality&apos;s logo</source>
        <translation>Vælg kommunens logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Billeder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Saving settings</source>
        <translation>Gemmer indstillinger</translation>
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
    <name>SpiderChart</name>
    <message>
        <source>(!) Differ by 3 or more: talk about it.</source>
        <translation>(!) 3 eller mere fra hinanden: tal om det.</translation>
    </message>
    <message>
        <source>No indicators chosen.</source>
        <translation>Ingen indikatorer valgt.</translation>
    </message>
    <message>
        <source>No measurements yet.</source>
        <translation>Ingen målinger endnu.</translation>
    </message>
    <message>
        <source>Nothing to show: pick a reading and whose scores.</source>
        <translation>Intet at vise: vælg en måling og hvis scorer.</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>Young person</source>
        <translation>Den unge</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Første</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Forrige</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Seneste</translation>
    </message>
</context>
<context>
    <name>SuggestionLink</name>
    <message>
        <source>Suggested name</source>
        <translation>Foreslået navn</translation>
    </message>
    <message>
        <source>Did you mean: {name}</source>
        <translation>Måske mente du: {name}</translation>
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
        <source>Choose target group …</source>
        <translation>Vælg målgruppe …</translation>
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
    <name>TeamBox</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>The people on the young person&apos;s team; former members in grey.</source>
        <translation>Personerne på den unges team; tidligere medlemmer står med gråt.</translation>
    </message>
    <message>
        <source>&amp;Add to the team…</source>
        <translation>&amp;Tilføj til teamet…</translation>
    </message>
    <message>
        <source>Take &amp;off the team</source>
        <translation>&amp;Fjern fra teamet</translation>
    </message>
    <message>
        <source>No coordinating caseworker is named: the responsible caseworker, {name}, is it until one is added.</source>
        <translation>Der er ikke udpeget en koordinerende sagsbehandler: den ansvarlige sagsbehandler, {name}, er det, indtil en anden tilføjes.</translation>
    </message>
    <message>
        <source>The young person has no coordinating caseworker.</source>
        <translation>Den unge har ingen koordinerende sagsbehandler.</translation>
    </message>
    <message>
        <source>Take off the team</source>
        <translation>Fjern fra teamet</translation>
    </message>
    <message>
        <source>Take {name} ({role}) off the team from today? The time on the team is kept.</source>
        <translation>Fjern {name} ({role}) fra teamet fra i dag? Tiden på teamet gemmes i historikken.</translation>
    </message>
</context>
<context>
    <name>TeamFiguresDialog</name>
    <message>
        <source>The team&apos;s figures</source>
        <translation>Teamets tal</translation>
    </message>
    <message>
        <source>Add the figures files your caseworkers saved with &quot;Save figures for the leader…&quot;. They are checked and added up: counts only, nothing about any young person.</source>
        <translation>Tilføj de filer med tal, som sagsbehandlerne har gemt med »Gem tal til lederen…«. De kontrolleres og lægges sammen: kun antal, intet om den enkelte unge.</translation>
    </message>
    <message>
        <source>Chosen files</source>
        <translation>Valgte filer</translation>
    </message>
    <message>
        <source>The figures files added up below; Delete removes the chosen file.</source>
        <translation>Filerne med tal, der lægges sammen nedenfor; Delete fjerner den valgte fil.</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Tilføj filer…</translation>
    </message>
    <message>
        <source>&amp;Remove file</source>
        <translation>&amp;Fjern fil</translation>
    </message>
    <message>
        <source>No files yet. Ask each caseworker to open Young people › Management figures, choose the period and press &quot;Save figures for the leader…&quot;, and to send you the file. Then add the files here with &quot;Add files…&quot;.</source>
        <translation>Ingen filer endnu. Bed hver sagsbehandler om at åbne Unge › Ledelsestal, vælge perioden, trykke på »Gem tal til lederen…« og sende dig filen. Tilføj derefter filerne her med »Tilføj filer…«.</translation>
    </message>
    <message>
        <source>Each figure per target group and in total, added up over the files; &quot;at least&quot; where a file hid a small count.</source>
        <translation>Hvert tal pr. målgruppe og i alt, lagt sammen over filerne; »mindst«, hvor en fil har skjult et lille tal.</translation>
    </message>
    <message>
        <source>&quot;at least&quot;: one or more files hid a small count here so that no young person can be recognised. Each hidden count is counted as 1, so the true sum is at least the number shown.</source>
        <translation>»mindst«: en eller flere filer har skjult et lille tal her, så ingen ung kan genkendes. Hvert skjult tal tælles som 1, så den rigtige sum er mindst det viste tal.</translation>
    </message>
    <message>
        <source>Save as &amp;spreadsheet…</source>
        <translation>Gem som &amp;regneark…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Lu&amp;k</translation>
    </message>
    <message>
        <source>Add figures files</source>
        <translation>Tilføj filer med tal</translation>
    </message>
    <message>
        <source>Figures for the leader (*.json);;All files (*)</source>
        <translation>Tal til lederen (*.json);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Kontrollerer filerne…</translation>
    </message>
    <message>
        <source>Nothing is added up: a file cannot be used.</source>
        <translation>Intet er lagt sammen: en fil kan ikke bruges.</translation>
    </message>
    <message>
        <source>Period %1 · %2 files</source>
        <translation>Periode %1 · %2 filer</translation>
    </message>
    <message>
        <source>Period %1 · 1 file</source>
        <translation>Periode %1 · 1 fil</translation>
    </message>
    <message>
        <source>Save the team&apos;s figures</source>
        <translation>Gem teamets tal</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>Regneark (*.xlsx)</translation>
    </message>
    <message>
        <source>The team&apos;s figures are saved as %1.</source>
        <translation>Teamets tal er gemt som %1.</translation>
    </message>
</context>
<context>
    <name>TeamModel</name>
    <message>
        <source>Figure</source>
        <translation>Tal</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindst %1</translation>
    </message>
    <message>
        <source>Hidden as a small count in %1 of the files; each counts as 1 here, so the true sum is at least this.</source>
        <translation>Skjult som et lille tal i %1 af filerne; hvert tælles her som 1, så den rigtige sum er mindst dette.</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>Talk about</source>
        <translation>Tal om det</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>Young person</source>
        <translation>Den unge</translation>
    </message>
    <message>
        <source>3+ apart: talk about</source>
        <translation>3+ fra hinanden: tal om det</translation>
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
        <source>Case {case} is written to an encrypted file named by the case number. Send the file, and tell the receiver the passphrase another way (by phone or in person), never in the same e-mail. The young person&apos;s team is not sent: its members are your colleagues and partners, and the receiver names its own coordinating caseworker and team.</source>
        <translation>Sag {case} skrives til en krypteret fil, der er navngivet efter sagsnummeret. Send filen, og fortæl modtageren adgangsfrasen på en anden måde (i telefonen eller personligt), aldrig i samme e-mail. Den unges team sendes ikke med: medlemmerne er dine kolleger og samarbejdspartnere, og modtageren udpeger sin egen koordinerende sagsbehandler og sit eget team.</translation>
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
    <message>
        <source>Writing the transfer file …</source>
        <translation>Skriver overførselsfilen …</translation>
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
        <translation>Overførselsf&amp;rase</translation>
    </message>
    <message>
        <source>A young person you do not have yet is registered with a new case number and you as caseworker. One you have gets what the file adds; if the file lacks entries made here or would overwrite later changes, you are asked first.</source>
        <translation>En ung, du ikke har i forvejen, registreres med et nyt sagsnummer og dig som sagsbehandler. En ung, du allerede har, får det, filen tilføjer; mangler filen noget, der er registreret her, eller ville den overskrive senere ændringer, bliver du spurgt først.</translation>
    </message>
    <message>
        <source>Receiving the case …</source>
        <translation>Modtager sagen …</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… og {count} mere</translation>
    </message>
    <message>
        <source>Entries here would be lost</source>
        <translation>Oplysninger her ville gå tabt</translation>
    </message>
    <message>
        <source>The file lacks entries that exist here, or it would overwrite changes made here later than the sender&apos;s. Nothing has been changed yet. This would be lost:</source>
        <translation>Filen mangler oplysninger, som findes her, eller den ville overskrive ændringer, der er lavet her senere end afsenderens. Intet er ændret endnu. Dette ville gå tabt:</translation>
    </message>
    <message>
        <source>Replace anyway?</source>
        <translation>Erstat alligevel?</translation>
    </message>
    <message>
        <source>Nothing was imported: the entries here are kept.</source>
        <translation>Intet er importeret: oplysningerne her er bevaret.</translation>
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
    <name>VersionsDialog</name>
    <message>
        <source>Handed-out versions</source>
        <translation>Udleverede versioner</translation>
    </message>
    <message>
        <source>Each version of the plan handed out to the young person, newest first.</source>
        <translation>Hver version af planen, der er udleveret til den unge, nyeste først.</translation>
    </message>
    <message>
        <source>Version {number}, {day}</source>
        <translation>Version {number}, {day}</translation>
    </message>
    <message>
        <source>Handed out by {who}</source>
        <translation>Udleveret af {who}</translation>
    </message>
    <message>
        <source>The draft has changed since version {number}:</source>
        <translation>Kladden er ændret siden version {number}:</translation>
    </message>
    <message>
        <source>The draft is the same as version {number}.</source>
        <translation>Kladden er den samme som version {number}.</translation>
    </message>
    <message>
        <source>Show &amp;PDF of this version</source>
        <translation>Vis &amp;PDF af denne version</translation>
    </message>
    <message>
        <source>Version {number}, handed out {day} by {who} (read-only)</source>
        <translation>Version {number}, udleveret {day} af {who} (kan kun læses)</translation>
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
        <source>Choose target group …</source>
        <translation>Vælg målgruppe …</translation>
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
        <source>&amp;KUI target group assessment to FGU (§ 2 k) on</source>
        <translation>&amp;KUI-målgruppevurderet til FGU (§ 2 k) den</translation>
    </message>
    <message>
        <source>Assessed for STU under t&amp;he STU law on</source>
        <translation>Vurderet til &amp;STU efter STU-loven den</translation>
    </message>
    <message>
        <source>Date of the assessment to FGU</source>
        <translation>Dato for målgruppevurderingen til FGU</translation>
    </message>
    <message>
        <source>Date of the STU assessment</source>
        <translation>Dato for STU-vurderingen</translation>
    </message>
    <message>
        <source>UU counsellor &amp;present</source>
        <translation>UU-vejleder &amp;til stede</translation>
    </message>
    <message>
        <source>Turned a&amp;way at the door (vendt i døren)</source>
        <translation>Vendt &amp;i døren</translation>
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
        <source>Target group assessment to FGU (KUI § 2 k)</source>
        <translation>Målgruppevurdering til FGU (KUI § 2 k)</translation>
    </message>
    <message>
        <source>STU assessment (STU law)</source>
        <translation>Vurdering til STU (STU-loven)</translation>
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
        <source>Each target group the young person has had, from which date and why.</source>
        <translation>Hver målgruppe, den unge har haft, fra hvilken dato og hvorfor.</translation>
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
        <source>Assessed {day}</source>
        <translation>Vurderet {day}</translation>
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
    <name>WaiveDialog</name>
    <message>
        <source>&amp;Exempt</source>
        <translation>&amp;Fritag</translation>
    </message>
    <message>
        <source>Exempt from deadline</source>
        <translation>Fritag for frist</translation>
    </message>
    <message>
        <source>{deadline}, due {day}</source>
        <translation>{deadline}, frist {day}</translation>
    </message>
    <message>
        <source>The law lets the municipality exempt up to 25 % by a concrete assessment. The deadline is then shown as exempt, not overdue. The decision is kept and can be revoked, never deleted.</source>
        <translation>Loven giver kommunen mulighed for at fritage op til 25 % efter en konkret vurdering. Fristen vises så som fritaget, ikke overskredet. Afgørelsen gemmes og kan tilbagekaldes, men aldrig slettes.</translation>
    </message>
    <message>
        <source>Empty: you</source>
        <translation>Tom: dig selv</translation>
    </message>
    <message>
        <source>The concrete assessment behind the decision</source>
        <translation>Den konkrete vurdering bag afgørelsen</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>&amp;Decided on</source>
        <translation>Afgørelsens &amp;dato</translation>
    </message>
    <message>
        <source>Decided &amp;by</source>
        <translation>Afgjort &amp;af</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Begrundelse</translation>
    </message>
</context>
<context>
    <name>WaiversModel</name>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Afgjort</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Afgjort af</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Tilbagekaldt</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Gælder</translation>
    </message>
    <message>
        <source>{day} ({by}): {reason}</source>
        <translation>{day} ({by}): {reason}</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Træk tilbage</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Træk samtykke tilbage</translation>
    </message>
    <message>
        <source>{areas}, given {day}</source>
        <translation>{areas}, givet {day}</translation>
    </message>
    <message>
        <source>&amp;Consent</source>
        <translation>&amp;Samtykke</translation>
    </message>
    <message>
        <source>Withdrawn &amp;on</source>
        <translation>Trukket tilbage &amp;den</translation>
    </message>
    <message>
        <source>Text in the plan about areas no longer covered is removed from the draft now. Versions already handed out stay as they were.</source>
        <translation>Tekst i planen om områder, der ikke længere er dækket, fjernes nu fra kladden. Allerede udleverede versioner forbliver, som de var.</translation>
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
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>Four digits; a Danish postcode fills in the town.</source>
        <translation>Fire cifre; et dansk postnummer udfylder byen.</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>By</translation>
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
    <name>_ProgressDialog</name>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopper …</translation>
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
