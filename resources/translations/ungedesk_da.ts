<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
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
        <source>&amp;Search</source>
        <translation>&amp;Søg</translation>
    </message>
    <message>
        <source>&amp;Close record</source>
        <translation>&amp;Luk sagen</translation>
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
