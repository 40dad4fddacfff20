<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="29"/>
        <source>Fedimove sends the move for you.</source>
        <translation>Fedimove sendet den Umzug für dich.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="31"/>
        <source>You start the move on a settings page; Fedimove guides you.</source>
        <translation>Du startest den Umzug auf einer Einstellungsseite; Fedimove führt dich.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="37"/>
        <source>Fedimove links the accounts for you.</source>
        <translation>Fedimove verknüpft die Konten für dich.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="39"/>
        <source>You link the accounts on a settings page; Fedimove guides you.</source>
        <translation>Du verknüpfst die Konten auf einer Einstellungsseite; Fedimove führt dich.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="45"/>
        <source>This server allows 400 new follows a day through apps.</source>
        <translation>Dieser Server erlaubt Apps 400 neue Folgen pro Tag.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="51"/>
        <source>Support for this server software is experimental.</source>
        <translation>Die Unterstützung für diese Server-Software ist experimentell.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="99"/>
        <source>Your old account</source>
        <translation>Dein altes Konto</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="99"/>
        <source>Your new account</source>
        <translation>Dein neues Konto</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="101"/>
        <source>Which account are you moving away from? Type its address and sign in.</source>
        <translation>Von welchem Konto ziehst du weg? Gib seine Adresse ein und melde dich an.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="104"/>
        <source>Which account are you moving to? Create it on the new server first if you have not, then type its address and sign in.</source>
        <translation>Zu welchem Konto ziehst du um? Lege es zuerst auf dem neuen Server an, falls noch nicht geschehen, gib dann seine Adresse ein und melde dich an.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="108"/>
        <source>@you@example.social</source>
        <translation>@du@example.social</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="110"/>
        <source>Old account address</source>
        <translation>Adresse des alten Kontos</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="110"/>
        <source>New account address</source>
        <translation>Adresse des neuen Kontos</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="112"/>
        <source>&amp;Sign in with the browser</source>
        <translation>Im Browser &amp;anmelden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="114"/>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="115"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="115"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="115"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="115"/>
        <source>Counts</source>
        <translation>Anzahlen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="131"/>
        <source>Your browser opens the server&apos;s sign-in page. Allow access there, then come back here.</source>
        <translation>Dein Browser öffnet die Anmeldeseite des Servers. Erlaube dort den Zugriff und komm dann hierher zurück.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="147"/>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="156"/>
        <source>{followers} followers, following {following}</source>
        <translation>{followers} Follower, folgt {following}</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/account.py" line="164"/>
        <source>This account approves followers by hand. Before the move you can choose to approve the followers who come from your old account automatically.</source>
        <translation>Dieses Konto bestätigt Follower von Hand. Vor dem Umzug kannst du festlegen, dass Follower von deinem alten Konto automatisch bestätigt werden.</translation>
    </message>
</context>
<context>
    <name>AliasPage</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/alias.py" line="55"/>
        <source>Link the two accounts</source>
        <translation>Die beiden Konten verknüpfen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/alias.py" line="58"/>
        <source>Your new account must say that it is also your old one (an “alias”). Only then do your followers&apos; servers accept the move. This changes nothing for your followers yet.</source>
        <translation>Dein neues Konto muss angeben, dass es auch dein altes ist (ein „Alias“). Nur dann akzeptieren die Server deiner Follower den Umzug. Für deine Follower ändert sich dadurch noch nichts.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/alias.py" line="63"/>
        <source>&amp;Link the accounts</source>
        <translation>Konten &amp;verknüpfen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/alias.py" line="64"/>
        <source>In your browser</source>
        <translation>In deinem Browser</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/alias.py" line="65"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/alias.py" line="66"/>
        <source>Copy the old account&apos;s address</source>
        <translation>Adresse des alten Kontos kopieren</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/alias.py" line="67"/>
        <source>&amp;Open the page again</source>
        <translation>Seite erneut ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/alias.py" line="72"/>
        <source>Linking…</source>
        <translation>Wird verknüpft …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/alias.py" line="82"/>
        <source>Your browser opened the “Account aliases” page of your new server. Sign in there as {account} if it asks, paste this address into the alias field and save:</source>
        <translation>Dein Browser hat die Seite „Konto-Aliase“ deines neuen Servers geöffnet. Melde dich dort als {account} an, falls danach gefragt wird, füge diese Adresse in das Alias-Feld ein und speichere:</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/alias.py" line="88"/>
        <source>Waiting until the link is visible…</source>
        <translation>Warten, bis die Verknüpfung sichtbar ist …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/alias.py" line="104"/>
        <source>Linked. Your new account now names your old one.</source>
        <translation>Verknüpft. Dein neues Konto nennt jetzt dein altes.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/alias.py" line="108"/>
        <source>Linked, but this server hides the link from outside checks, so Fedimove cannot confirm it from here.</source>
        <translation>Verknüpft, aber dieser Server verbirgt die Verknüpfung vor Prüfungen von außen, daher kann Fedimove sie von hier nicht bestätigen.</translation>
    </message>
</context>
<context>
    <name>ArrivalsChartWidget</name>
    <message>
        <location filename="../../app/fedimove/ui/widgets/arrivals_chart.py" line="59"/>
        <location filename="../../app/fedimove/ui/widgets/arrivals_chart.py" line="94"/>
        <source>Arrivals over time</source>
        <translation>Ankünfte im Zeitverlauf</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/arrivals_chart.py" line="72"/>
        <source>%1 of %2 followers have arrived on the new account.</source>
        <translation>%1 von %2 Followern sind beim neuen Konto angekommen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/arrivals_chart.py" line="81"/>
        <source>Arrived: %1 of %2</source>
        <translation>Angekommen: %1 von %2</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/arrivals_chart.py" line="138"/>
        <source>No follower has arrived yet. Arrivals appear here as they happen.</source>
        <translation>Noch ist kein Follower angekommen. Ankünfte erscheinen hier, sobald sie geschehen.</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="95"/>
        <source>Save a backup</source>
        <translation>Eine Sicherung speichern</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="98"/>
        <source>Before anything changes, Fedimove saves everything it read into one encrypted file. It opens with Fedimove or any “age” tool, with the passphrase below.</source>
        <translation>Bevor sich etwas ändert, speichert Fedimove alles Gelesene in einer verschlüsselten Datei. Sie lässt sich mit Fedimove oder jedem „age“-Werkzeug und der Passphrase unten öffnen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="102"/>
        <source>Save to</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="103"/>
        <source>Backup file</source>
        <translation>Sicherungsdatei</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="104"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Auswählen …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="106"/>
        <source>Use this recovery phrase (write it down; it is shown once):</source>
        <translation>Diese Wiederherstellungsphrase verwenden (schreib sie auf; sie wird nur einmal gezeigt):</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="108"/>
        <source>Co&amp;py</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="109"/>
        <source>Copy the recovery phrase</source>
        <translation>Wiederherstellungsphrase kopieren</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="110"/>
        <source>Recovery phrase</source>
        <translation>Wiederherstellungsphrase</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="111"/>
        <source>Use my own passphrase</source>
        <translation>Eigene Passphrase verwenden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="114"/>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="116"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="114"/>
        <source>Again</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="117"/>
        <source>Passphrase again</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="118"/>
        <source>&amp;Write the backup</source>
        <translation>Sicherung &amp;schreiben</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="125"/>
        <source>Save the backup</source>
        <translation>Sicherung speichern</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="133"/>
        <source>The recovery phrase is on the clipboard.</source>
        <translation>Die Wiederherstellungsphrase ist in der Zwischenablage.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="140"/>
        <source>The two passphrases are not the same.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="144"/>
        <source>Use at least {n} characters.</source>
        <translation>Verwende mindestens {n} Zeichen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="156"/>
        <source>Writing the backup…</source>
        <translation>Sicherung wird geschrieben …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/backup.py" line="164"/>
        <source>Backup saved to {path}.</source>
        <translation>Sicherung gespeichert unter {path}.</translation>
    </message>
</context>
<context>
    <name>CheckWords</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="30"/>
        <source>The new account names the old one (alias)</source>
        <translation>Das neue Konto nennt das alte (Alias)</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="33"/>
        <source>Servers had time to see the alias</source>
        <translation>Die Server konnten den Alias schon sehen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="34"/>
        <source>The old account has not moved yet</source>
        <translation>Das alte Konto ist noch nicht umgezogen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="37"/>
        <source>The new account has not moved away</source>
        <translation>Das neue Konto ist nicht weggezogen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="40"/>
        <source>The new account works</source>
        <translation>Das neue Konto funktioniert</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="41"/>
        <source>New followers arrive without waiting for you</source>
        <translation>Neue Follower kommen an, ohne auf dich zu warten</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="44"/>
        <source>The two servers find each other</source>
        <translation>Die beiden Server finden einander</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="47"/>
        <source>No move in the last 30 days</source>
        <translation>Kein Umzug in den letzten 30 Tagen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="48"/>
        <source>Your old account was read just now</source>
        <translation>Dein altes Konto wurde gerade gelesen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="51"/>
        <source>A backup is saved</source>
        <translation>Eine Sicherung ist gespeichert</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="52"/>
        <source>Your followers are recorded</source>
        <translation>Deine Follower sind festgehalten</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="55"/>
        <source>Everything you ticked is copied</source>
        <translation>Alles Angehakte ist kopiert</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="58"/>
        <source>All your followers&apos; servers can move followers</source>
        <translation>Alle Server deiner Follower können Follower umziehen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="61"/>
        <source>No scheduled posts left on the old account</source>
        <translation>Keine geplanten Beiträge mehr im alten Konto</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="70"/>
        <source>Go back and link the accounts.</source>
        <translation>Geh zurück und verknüpfe die Konten.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="71"/>
        <source>Wait a little: Fedimove checks again by itself.</source>
        <translation>Warte kurz: Fedimove prüft von selbst erneut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="74"/>
        <source>Tick the box above if it is true.</source>
        <translation>Hake das Feld oben an, wenn es stimmt.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="77"/>
        <source>Let the copy finish, or tick the box above.</source>
        <translation>Lass das Kopieren fertig werden oder hake das Feld oben an.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="80"/>
        <source>Go back and save the backup.</source>
        <translation>Geh zurück und speichere die Sicherung.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="81"/>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="82"/>
        <source>Run the checks again.</source>
        <translation>Führe die Prüfungen erneut aus.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="83"/>
        <source>Choose another new account.</source>
        <translation>Wähle ein anderes neues Konto.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="86"/>
        <source>One server cannot find the other; try again later.</source>
        <translation>Ein Server findet den anderen nicht; versuch es später erneut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="89"/>
        <source>Sign in to the new account again.</source>
        <translation>Melde dich erneut beim neuen Konto an.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="92"/>
        <source>Try again.</source>
        <translation>Versuch es erneut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="93"/>
        <source>Fedimove cannot see them; look in your old account.</source>
        <translation>Fedimove kann sie nicht sehen; schau in deinem alten Konto nach.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="96"/>
        <source>Followers there will not move; tell them your new address.</source>
        <translation>Follower dort ziehen nicht um; sag ihnen deine neue Adresse.</translation>
    </message>
</context>
<context>
    <name>ChecksPage</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="135"/>
        <source>Check before the move</source>
        <translation>Prüfen vor dem Umzug</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="138"/>
        <source>The move cannot be undone, so Fedimove checks everything first. Answer what only you know, then run the checks.</source>
        <translation>Der Umzug lässt sich nicht rückgängig machen, deshalb prüft Fedimove zuerst alles. Beantworte, was nur du weißt, und starte dann die Prüfungen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="143"/>
        <source>I have not moved this old account to another account in the last 30 days</source>
        <translation>Ich bin mit diesem alten Konto in den letzten 30 Tagen nicht zu einem anderen Konto umgezogen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="146"/>
        <source>Move now even if some things are not copied yet (the copy goes on after)</source>
        <translation>Jetzt umziehen, auch wenn noch nicht alles kopiert ist (das Kopieren geht danach weiter)</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="149"/>
        <source>Approve follow requests from my old followers automatically</source>
        <translation>Folgeanfragen meiner alten Follower automatisch bestätigen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="151"/>
        <source>&amp;Run the checks</source>
        <translation>Prüfungen &amp;starten</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="152"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="152"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="153"/>
        <source>Check results</source>
        <translation>Prüfergebnisse</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="170"/>
        <source>Checking… (this reads your old account once more)</source>
        <translation>Wird geprüft … (dabei wird dein altes Konto noch einmal gelesen)</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="179"/>
        <source>Everything else passed. Servers need 15 minutes to see the new alias: the move is possible from {time}; Fedimove checks again by itself.</source>
        <translation>Alles andere ist bestanden. Server brauchen 15 Minuten, um den neuen Alias zu sehen: Der Umzug ist ab {time} möglich; Fedimove prüft dann von selbst erneut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="193"/>
        <source>{n} checks need your attention before the move.</source>
        <translation>{n} Prüfungen brauchen vor dem Umzug deine Aufmerksamkeit.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="198"/>
        <source>Every check passed. You can move.</source>
        <translation>Alle Prüfungen bestanden. Du kannst umziehen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="204"/>
        <source>✔ Passed</source>
        <translation>✔ Bestanden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="206"/>
        <source>✖ Must be fixed: </source>
        <translation>✖ Muss behoben werden: </translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="208"/>
        <source>! Worth knowing: </source>
        <translation>! Gut zu wissen: </translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/checks.py" line="221"/>
        <source>servers need 15 minutes to see the alias; possible from {time}.</source>
        <translation>Server brauchen 15 Minuten, um den Alias zu sehen; möglich ab {time}.</translation>
    </message>
</context>
<context>
    <name>CopyPage</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="74"/>
        <source>Copy to your new account</source>
        <translation>Auf dein neues Konto kopieren</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="77"/>
        <source>Fedimove re-creates what you ticked on your new account. You can pause, close the app and come back: it goes on where it stopped, and never adds anything twice.</source>
        <translation>Fedimove legt an, was du auf deinem neuen Konto angehakt hast. Du kannst pausieren, die App schließen und wiederkommen: Es geht dort weiter, wo es aufgehört hat, und fügt nie etwas doppelt hinzu.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="83"/>
        <source>One thing to do by hand</source>
        <translation>Eine Sache von Hand</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="84"/>
        <source>&amp;Open the import page</source>
        <translation>Import-Seite ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="171"/>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="180"/>
        <source>Copying…</source>
        <translation>Wird kopiert …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="151"/>
        <source>Your new server allows only 400 new follows a day through the app, but its import page has no limit. Open the import page, choose “Following list”, choose “Merge” (never “Overwrite”), and upload this file:
{files}
Fedimove watches the import and fills any gaps by itself.</source>
        <translation>Dein neuer Server erlaubt über die App nur 400 neue gefolgte Konten pro Tag, seine Import-Seite hat aber kein Limit. Öffne die Import-Seite, wähle „Liste der gefolgten Konten“, wähle „Zusammenführen“ (niemals „Überschreiben“) und lade diese Datei hoch:
{files}
Fedimove beobachtet den Import und füllt Lücken von selbst.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="173"/>
        <source>Pausing… Fedimove first finishes what it is sending right now.</source>
        <translation>Wird angehalten … Fedimove schließt zuerst ab, was es gerade sendet.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="178"/>
        <source>Paused. Nothing is sent until you resume.</source>
        <translation>Angehalten. Bis du fortsetzt, wird nichts gesendet.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="184"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="184"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="186"/>
        <source>Resume copying</source>
        <translation>Kopieren fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="186"/>
        <source>Pause copying</source>
        <translation>Kopieren pausieren</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="199"/>
        <source>Copied: {done} done, {skipped} skipped, {failed} could not be copied.</source>
        <translation>Kopiert: {done} erledigt, {skipped} übersprungen, {failed} konnten nicht kopiert werden.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/copy.py" line="208"/>
        <source>The copy stopped. Go back and forth to try again.</source>
        <translation>Das Kopieren wurde angehalten. Geh zurück und wieder vor, um es erneut zu versuchen.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/fedimove/ui/crash.py" line="102"/>
        <source>Fedimove had a problem</source>
        <translation>Fedimove hatte ein Problem</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/crash.py" line="103"/>
        <source>Crash report</source>
        <translation>Fehlerbericht</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/crash.py" line="112"/>
        <source>Something went wrong inside Fedimove. What was done so far is saved, and you can continue where it stopped. Please copy the report below and send it to the developers. It contains no passwords or sign-in tokens.</source>
        <translation>In Fedimove ist etwas schiefgegangen. Was bisher erledigt wurde, ist gespeichert, und du kannst dort weitermachen, wo es aufgehört hat. Bitte kopiere den Bericht unten und schicke ihn an die Entwickler. Er enthält keine Passwörter und keine Anmelde-Tokens.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/crash.py" line="123"/>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/crash.py" line="126"/>
        <source>&amp;Copy report</source>
        <translation>Bericht &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="79"/>
        <source>&amp;Close</source>
        <extracomment>The files path (old server gone): who moved from where, for the &quot;we moved&quot; post. The last step: `locked` back, Fedimove signed out, the apps pages (§0.16).</extracomment>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="88"/>
        <source>A “we moved” post for your new account</source>
        <translation>Ein „Wir sind umgezogen“-Beitrag für dein neues Konto</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="89"/>
        <source>The “we moved” post</source>
        <translation>Der „Wir sind umgezogen“-Beitrag</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="90"/>
        <source>Cop&amp;y the post</source>
        <translation>Beitrag &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="91"/>
        <source>Copy the post to the clipboard</source>
        <translation>Den Beitrag in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="92"/>
        <source>Open your &amp;posts</source>
        <translation>Deine &amp;Beiträge öffnen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="93"/>
        <source>Open your old posts, kept as a page</source>
        <translation>Deine alten Beiträge öffnen, als Seite aufbewahrt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="98"/>
        <source>Your move is done</source>
        <translation>Dein Umzug ist abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="101"/>
        <source>Followers keep arriving for a while; the followers page shows each one. The report lists everything that moved, what was skipped and why.</source>
        <translation>Follower kommen noch eine Weile an; die Follower-Seite zeigt jeden einzelnen. Der Bericht listet alles auf, was umgezogen ist, was übersprungen wurde und warum.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="105"/>
        <location filename="../../app/fedimove/ui/pages/done.py" line="135"/>
        <source>&amp;Save the report</source>
        <translation>Bericht &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="106"/>
        <location filename="../../app/fedimove/ui/pages/done.py" line="136"/>
        <source>&amp;Open the report</source>
        <translation>Bericht ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="109"/>
        <source>Still to do by hand: posts for followers only stay on your old server, and scheduled posts on your old account will not be published.</source>
        <translation>Noch von Hand zu tun: Beiträge nur für Follower bleiben auf deinem alten Server, und geplante Beiträge auf deinem alten Konto werden nicht veröffentlicht.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="139"/>
        <source>Your posts could not move either; a Fedimove backup or Mastodon&apos;s archive keeps them.</source>
        <translation>Auch deine Beiträge konnten nicht umziehen; eine Fedimove-Sicherung oder Mastodons Archiv bewahrt sie auf.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="115"/>
        <source>Everything your files held is copied</source>
        <translation>Alles aus deinen Dateien ist kopiert</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="118"/>
        <source>Your followers could not move (cannot move: old server gone): only your old server could have told them. The report lists everything that was copied, what was skipped and why, and every follower your files knew, so you can look people up.</source>
        <translation>Deine Follower konnten nicht umziehen (Umzug nicht möglich: alter Server nicht mehr da): Nur dein alter Server hätte es ihnen sagen können. Der Bericht listet alles auf, was kopiert wurde, was übersprungen wurde und warum, und jeden Follower, den deine Dateien kannten, damit du die Leute wiederfinden kannst.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="127"/>
        <source>We moved! I used to be {old}, but {server} has shut down, so my followers could not be moved automatically. If you followed me there, please follow me here ({new}) and boost this so others find me too. Thank you!</source>
        <translation>Umgezogen! Ich war bisher {old}, aber {server} wurde abgeschaltet, deshalb konnten meine Follower nicht automatisch umziehen. Wenn du mir dort gefolgt bist, folge mir bitte hier ({new}) und teile diesen Beitrag, damit mich auch andere finden. Danke!</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="159"/>
        <source>The post is copied; paste it into a new post.</source>
        <translation>Der Beitrag ist kopiert; füge ihn in einen neuen Beitrag ein.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="169"/>
        <source>Writing the report…</source>
        <translation>Bericht wird geschrieben …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done.py" line="177"/>
        <source>Report saved: {html} and {csv}</source>
        <translation>Bericht gespeichert: {html} und {csv}</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="45"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="46"/>
        <source>Try again later</source>
        <translation>Später erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="47"/>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="48"/>
        <source>Change what you typed</source>
        <translation>Eingabe ändern</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="49"/>
        <source>Choose another server</source>
        <translation>Anderen Server wählen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="50"/>
        <source>Choose another place</source>
        <translation>Anderen Ort wählen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="51"/>
        <source>Open settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="52"/>
        <source>Review the checks</source>
        <translation>Prüfungen ansehen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="53"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="54"/>
        <source>Report the problem</source>
        <translation>Problem melden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="71"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="72"/>
        <source>Fedimove ran into a problem it did not expect. Nothing was lost: what was done so far is saved.</source>
        <translation>Fedimove ist auf ein unerwartetes Problem gestoßen. Nichts ging verloren: Was bisher erledigt wurde, ist gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="79"/>
        <source>Settings could not be read</source>
        <translation>Einstellungen konnten nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="80"/>
        <source>Fedimove&apos;s settings file is damaged. Fedimove will use its defaults.</source>
        <translation>Die Einstellungsdatei von Fedimove ist beschädigt. Fedimove verwendet die Standardwerte.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="86"/>
        <source>No password store found</source>
        <translation>Kein Passwortspeicher gefunden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="87"/>
        <source>This computer has no password store Fedimove can use, so it cannot remember your sign-in. You can continue: you will sign in again next time.</source>
        <translation>Dieser Computer hat keinen Passwortspeicher, den Fedimove nutzen kann, daher kann es sich deine Anmeldung nicht merken. Du kannst trotzdem weitermachen: Beim nächsten Mal meldest du dich erneut an.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="94"/>
        <source>Password store is locked</source>
        <translation>Passwortspeicher ist gesperrt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="95"/>
        <source>Your computer&apos;s password store is locked. Unlock it, then try again.</source>
        <translation>Der Passwortspeicher deines Computers ist gesperrt. Entsperre ihn und versuche es dann erneut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="101"/>
        <source>Could not save</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="102"/>
        <source>Fedimove could not write to this computer&apos;s disk.</source>
        <translation>Fedimove konnte nicht auf die Festplatte dieses Computers schreiben.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="106"/>
        <source>The disk is full</source>
        <translation>Der Datenträger ist voll</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="107"/>
        <source>There is not enough free space. Free some space or choose another place, then try again.</source>
        <translation>Es ist nicht genug Speicherplatz frei. Gib Speicher frei oder wähle einen anderen Ort und versuche es dann erneut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="114"/>
        <source>This place is read-only</source>
        <translation>Dieser Ort ist schreibgeschützt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="115"/>
        <source>Fedimove is not allowed to write here. Choose another place.</source>
        <translation>Fedimove darf hier nicht schreiben. Wähle einen anderen Ort.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="121"/>
        <source>Progress could not be saved</source>
        <translation>Fortschritt konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="122"/>
        <source>Fedimove could not update its record of this move. It stopped so that nothing is done twice.</source>
        <translation>Fedimove konnte seine Aufzeichnung dieses Umzugs nicht aktualisieren. Es hat angehalten, damit nichts doppelt geschieht.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="129"/>
        <source>Fedimove is already working on this move</source>
        <translation>Fedimove arbeitet bereits an diesem Umzug</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="130"/>
        <source>Another Fedimove window or command is running this move. Close it or wait until it finishes.</source>
        <translation>Ein anderes Fedimove-Fenster oder ein Befehl führt diesen Umzug gerade aus. Schließe es oder warte, bis es fertig ist.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="137"/>
        <source>Not a Fedimove backup</source>
        <translation>Keine Fedimove-Sicherung</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="138"/>
        <source>This file is not a backup Fedimove can open.</source>
        <translation>Diese Datei ist keine Sicherung, die Fedimove öffnen kann.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="142"/>
        <source>Wrong passphrase</source>
        <translation>Falsche Passphrase</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="143"/>
        <source>The passphrase does not open this backup. Check it and try again.</source>
        <translation>Die Passphrase öffnet diese Sicherung nicht. Prüfe sie und versuche es erneut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="149"/>
        <source>The backup was changed</source>
        <translation>Die Sicherung wurde verändert</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="150"/>
        <source>This backup was changed or damaged after it was written, so Fedimove will not trust it.</source>
        <translation>Diese Sicherung wurde nach dem Schreiben verändert oder beschädigt, daher vertraut Fedimove ihr nicht.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="157"/>
        <source>The backup is incomplete</source>
        <translation>Die Sicherung ist unvollständig</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="158"/>
        <source>This backup ends too early; it was probably not copied completely.</source>
        <translation>Diese Sicherung endet zu früh; sie wurde wahrscheinlich nicht vollständig kopiert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="164"/>
        <source>The file could not be read</source>
        <translation>Die Datei konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="165"/>
        <source>This file is not in the format Fedimove expects.</source>
        <translation>Diese Datei hat nicht das Format, das Fedimove erwartet.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="169"/>
        <source>That is not an account address</source>
        <translation>Das ist keine Kontoadresse</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="170"/>
        <source>Type your account like @name@example.social.</source>
        <translation>Gib dein Konto in der Form @name@example.social ein.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="174"/>
        <source>That is the same account</source>
        <translation>Das ist dasselbe Konto</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="175"/>
        <source>The new account must be a different account from the old one.</source>
        <translation>Das neue Konto muss ein anderes sein als das alte.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="181"/>
        <source>Not available yet</source>
        <translation>Noch nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="182"/>
        <source>This version of Fedimove cannot do this step yet.</source>
        <translation>Diese Version von Fedimove kann diesen Schritt noch nicht ausführen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="186"/>
        <source>These files cannot be used</source>
        <translation>Diese Dateien können nicht verwendet werden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="187"/>
        <source>Fedimove cannot use these files as your old account. Nothing was changed.</source>
        <translation>Fedimove kann diese Dateien nicht als dein altes Konto verwenden. Nichts wurde verändert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="194"/>
        <source>Unsafe archive refused</source>
        <translation>Unsicheres Archiv abgelehnt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="195"/>
        <source>This zip file holds entries that could write outside its folder. Fedimove did not open it.</source>
        <translation>Diese ZIP-Datei enthält Einträge, die außerhalb ihres Ordners schreiben könnten. Fedimove hat sie nicht geöffnet.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="202"/>
        <source>Archive too large</source>
        <translation>Archiv zu groß</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="203"/>
        <source>This zip file unpacks to far more than an account archive holds. Fedimove did not open it.</source>
        <translation>Diese ZIP-Datei entpackt sich zu weit mehr, als ein Kontoarchiv enthält. Fedimove hat sie nicht geöffnet.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="210"/>
        <source>That is not a web address</source>
        <translation>Das ist keine Webadresse</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="211"/>
        <source>Type a server address like example.social.</source>
        <translation>Gib eine Serveradresse wie example.social ein.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="215"/>
        <source>Connection problem</source>
        <translation>Verbindungsproblem</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="216"/>
        <source>Fedimove could not talk to the server. Check your internet connection.</source>
        <translation>Fedimove konnte den Server nicht erreichen. Prüfe deine Internetverbindung.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="223"/>
        <source>Server not reachable</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="224"/>
        <source>The server did not answer. It may be down, or the address may be wrong.</source>
        <translation>Der Server hat nicht geantwortet. Vielleicht ist er ausgefallen oder die Adresse ist falsch.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="231"/>
        <source>The server is slow</source>
        <translation>Der Server ist langsam</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="232"/>
        <source>The server took too long to answer.</source>
        <translation>Der Server hat zu lange für die Antwort gebraucht.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="236"/>
        <source>Secure connection failed</source>
        <translation>Sichere Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="237"/>
        <source>The server&apos;s security certificate could not be verified, so Fedimove did not connect.</source>
        <translation>Das Sicherheitszertifikat des Servers konnte nicht überprüft werden, daher hat Fedimove keine Verbindung aufgebaut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="244"/>
        <source>Insecure address</source>
        <translation>Unsichere Adresse</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="245"/>
        <source>Fedimove only connects to servers over HTTPS.</source>
        <translation>Fedimove verbindet sich nur über HTTPS mit Servern.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="249"/>
        <source>The server sends Fedimove in circles</source>
        <translation>Der Server schickt Fedimove im Kreis</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="250"/>
        <source>The server redirected too many times. It may be misconfigured.</source>
        <translation>Der Server hat zu oft umgeleitet. Vielleicht ist er falsch eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="256"/>
        <source>The server&apos;s answer was too large</source>
        <translation>Die Antwort des Servers war zu groß</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="257"/>
        <source>The server sent more data than expected, so Fedimove stopped reading.</source>
        <translation>Der Server hat mehr Daten geschickt als erwartet, daher hat Fedimove aufgehört zu lesen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="263"/>
        <source>The server had a problem</source>
        <translation>Der Server hatte ein Problem</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="264"/>
        <source>The server could not do what Fedimove asked.</source>
        <translation>Der Server konnte nicht ausführen, worum Fedimove gebeten hat.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="268"/>
        <source>The server is busy</source>
        <translation>Der Server ist ausgelastet</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="269"/>
        <source>The server is overloaded or under maintenance. Fedimove will try again.</source>
        <translation>Der Server ist überlastet oder wird gewartet. Fedimove versucht es erneut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="276"/>
        <source>The server asks Fedimove to slow down</source>
        <translation>Der Server bittet Fedimove, langsamer zu machen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="277"/>
        <source>The server&apos;s limit was reached. Fedimove waits and continues by itself.</source>
        <translation>Das Limit des Servers ist erreicht. Fedimove wartet und macht von selbst weiter.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="284"/>
        <source>Unexpected answer</source>
        <translation>Unerwartete Antwort</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="285"/>
        <source>The server answered in a way Fedimove does not understand.</source>
        <translation>Der Server hat auf eine Weise geantwortet, die Fedimove nicht versteht.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="291"/>
        <source>Not a Fediverse server</source>
        <translation>Kein Fediverse-Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="292"/>
        <source>There is a website at this address, but no Fediverse server.</source>
        <translation>Unter dieser Adresse gibt es eine Website, aber keinen Fediverse-Server.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="298"/>
        <source>Server software not supported</source>
        <translation>Server-Software wird nicht unterstützt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="299"/>
        <source>Fedimove cannot move accounts on this kind of server yet.</source>
        <translation>Fedimove kann Konten auf dieser Art von Server noch nicht umziehen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="305"/>
        <source>Server software too old</source>
        <translation>Server-Software zu alt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="306"/>
        <source>This server runs a version too old for Fedimove. Ask its admins to update.</source>
        <translation>Dieser Server läuft mit einer für Fedimove zu alten Version. Bitte die Admins um ein Update.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="313"/>
        <source>Account not found</source>
        <translation>Konto nicht gefunden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="314"/>
        <source>The server does not know this account. Check the spelling.</source>
        <translation>Der Server kennt dieses Konto nicht. Prüfe die Schreibweise.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="320"/>
        <source>Account suspended</source>
        <translation>Konto gesperrt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="321"/>
        <source>This account is suspended on its server, so it cannot be moved from or to.</source>
        <translation>Dieses Konto ist auf seinem Server gesperrt, daher kann weder von ihm noch zu ihm umgezogen werden.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="328"/>
        <source>Account already moved</source>
        <translation>Konto bereits umgezogen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="329"/>
        <source>This account has already moved to another one. Followers sent here would not arrive.</source>
        <translation>Dieses Konto ist bereits zu einem anderen umgezogen. Hierher geschickte Follower würden nicht ankommen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="336"/>
        <source>Account not usable</source>
        <translation>Konto nicht nutzbar</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="337"/>
        <source>The server says this account&apos;s login is disabled: it may have moved or still await approval.</source>
        <translation>Laut Server ist die Anmeldung für dieses Konto deaktiviert: Es ist vielleicht umgezogen oder wartet noch auf Freischaltung.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="344"/>
        <source>Not allowed</source>
        <translation>Nicht erlaubt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="345"/>
        <source>The server does not allow this for your account.</source>
        <translation>Der Server erlaubt das für dein Konto nicht.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="349"/>
        <source>More permission needed</source>
        <translation>Weitere Berechtigung nötig</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="350"/>
        <source>Fedimove needs a permission it was not given. Sign in again and allow it.</source>
        <translation>Fedimove braucht eine Berechtigung, die es nicht erhalten hat. Melde dich erneut an und erlaube sie.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="357"/>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="358"/>
        <source>Signing in did not work.</source>
        <translation>Die Anmeldung hat nicht funktioniert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="362"/>
        <source>Sign-in was declined</source>
        <translation>Anmeldung wurde abgelehnt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="363"/>
        <source>Access was not granted in the browser. Sign in again and choose Authorize.</source>
        <translation>Im Browser wurde kein Zugriff gewährt. Melde dich erneut an und wähle „Autorisieren“.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="370"/>
        <source>Sign-in could not be verified</source>
        <translation>Anmeldung konnte nicht überprüft werden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="371"/>
        <source>The answer from the browser did not match this sign-in, so Fedimove ignored it for your safety.</source>
        <translation>Die Antwort aus dem Browser passte nicht zu dieser Anmeldung, daher hat Fedimove sie zu deiner Sicherheit ignoriert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="378"/>
        <source>Sign-in expired</source>
        <translation>Anmeldung abgelaufen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="379"/>
        <source>The sign-in code was not accepted. It may have expired.</source>
        <translation>Der Anmeldecode wurde nicht akzeptiert. Vielleicht ist er abgelaufen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="385"/>
        <source>Sign-in took too long</source>
        <translation>Anmeldung hat zu lange gedauert</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="386"/>
        <source>Fedimove waited for the browser, but no answer came.</source>
        <translation>Fedimove hat auf den Browser gewartet, aber keine Antwort erhalten.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="390"/>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="391"/>
        <source>The server no longer accepts Fedimove&apos;s sign-in. Sign in again.</source>
        <translation>Der Server akzeptiert die Anmeldung von Fedimove nicht mehr. Melde dich erneut an.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="397"/>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="398"/>
        <source>Sign in to this account first.</source>
        <translation>Melde dich zuerst bei diesem Konto an.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="402"/>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="403"/>
        <source>You stopped this step. You can continue later where it stopped.</source>
        <translation>Du hast diesen Schritt angehalten. Du kannst später dort weitermachen, wo er aufgehört hat.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="409"/>
        <source>Not ready to move</source>
        <translation>Noch nicht bereit für den Umzug</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="410"/>
        <source>Some checks did not pass. Fix them before the move.</source>
        <translation>Einige Prüfungen sind nicht bestanden. Behebe sie vor dem Umzug.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="414"/>
        <source>Please confirm the move</source>
        <translation>Bitte bestätige den Umzug</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="415"/>
        <source>Type your new account&apos;s address to confirm the move.</source>
        <translation>Gib die Adresse deines neuen Kontos ein, um den Umzug zu bestätigen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="419"/>
        <source>Moved too recently</source>
        <translation>Zu kurz nach dem letzten Umzug</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="420"/>
        <source>This account moved recently; the server allows another move only after a waiting period.</source>
        <translation>Dieses Konto ist kürzlich umgezogen; der Server erlaubt einen weiteren Umzug erst nach einer Wartezeit.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="427"/>
        <source>Another Fedimove took over</source>
        <translation>Ein anderes Fedimove hat übernommen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="428"/>
        <source>Another Fedimove window or command continued this move while this one was paused. This window stopped so that nothing is done twice.</source>
        <translation>Ein anderes Fedimove-Fenster oder ein Befehl hat diesen Umzug fortgesetzt, während dieses Fenster pausiert war. Dieses Fenster hat angehalten, damit nichts doppelt geschieht.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="435"/>
        <source>Fedimove&apos;s record is damaged</source>
        <translation>Die Aufzeichnung von Fedimove ist beschädigt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="436"/>
        <source>Fedimove&apos;s record of your moves is damaged. A copy was kept; your accounts were not changed by this.</source>
        <translation>Die Aufzeichnung deiner Umzüge in Fedimove ist beschädigt. Eine Kopie wurde aufbewahrt; deine Konten wurden dadurch nicht verändert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="443"/>
        <source>Made by a newer Fedimove</source>
        <translation>Von einem neueren Fedimove erstellt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="444"/>
        <source>This move was recorded by a newer version of Fedimove. Update Fedimove to continue it.</source>
        <translation>Dieser Umzug wurde von einer neueren Version von Fedimove aufgezeichnet. Aktualisiere Fedimove, um ihn fortzusetzen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="451"/>
        <source>Step out of order</source>
        <translation>Schritt in falscher Reihenfolge</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="452"/>
        <source>Fedimove refused a step that would have happened out of order. Nothing was changed.</source>
        <translation>Fedimove hat einen Schritt abgelehnt, der in falscher Reihenfolge geschehen wäre. Nichts wurde verändert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="459"/>
        <source>Move not found</source>
        <translation>Umzug nicht gefunden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="460"/>
        <source>Fedimove has no record of this move.</source>
        <translation>Fedimove hat keine Aufzeichnung dieses Umzugs.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="467"/>
        <source>The backup is damaged</source>
        <translation>Die Sicherung ist beschädigt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="468"/>
        <source>The beginning of this backup is damaged, or it was not written by an age tool.</source>
        <translation>Der Anfang dieser Sicherung ist beschädigt, oder sie wurde nicht mit einem age-Werkzeug geschrieben.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="475"/>
        <source>Backup format not supported</source>
        <translation>Sicherungsformat wird nicht unterstützt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="476"/>
        <source>This file is not a backup this version of Fedimove can open.</source>
        <translation>Diese Datei ist keine Sicherung, die diese Version von Fedimove öffnen kann.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="483"/>
        <source>Wrong kind of file</source>
        <translation>Falsche Art von Datei</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="484"/>
        <source>This file holds another kind of list than the one asked for (for example blocks instead of follows).</source>
        <translation>Diese Datei enthält eine andere Art von Liste als die gewünschte (zum Beispiel Blockierungen statt gefolgter Konten).</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="491"/>
        <source>The file is incomplete</source>
        <translation>Die Datei ist unvollständig</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="492"/>
        <source>This file ends too early; it was probably not saved completely.</source>
        <translation>Diese Datei endet zu früh; sie wurde wahrscheinlich nicht vollständig gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="499"/>
        <source>Signed in to another account</source>
        <translation>Bei einem anderen Konto angemeldet</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="500"/>
        <source>The browser signed in to a different account than the one you typed. Sign out there, or type that account instead.</source>
        <translation>Im Browser wurde ein anderes Konto angemeldet als das, das du eingegeben hast. Melde dich dort ab oder gib stattdessen dieses Konto ein.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="507"/>
        <source>The server refused Fedimove</source>
        <translation>Der Server hat Fedimove abgewiesen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="508"/>
        <source>The server did not let Fedimove register as an app. It may allow only a few sign-ins per hour; try again later.</source>
        <translation>Der Server hat Fedimove nicht als App registrieren lassen. Vielleicht erlaubt er nur wenige Anmeldungen pro Stunde; versuche es später erneut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="515"/>
        <source>The old server refused the move</source>
        <translation>Der alte Server hat den Umzug abgelehnt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="516"/>
        <source>Your old server did not accept the move. Nothing was changed; check the reason shown and try again.</source>
        <translation>Dein alter Server hat den Umzug nicht angenommen. Nichts wurde verändert; prüfe den angezeigten Grund und versuche es erneut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="523"/>
        <source>The move is not confirmed yet</source>
        <translation>Der Umzug ist noch nicht bestätigt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="524"/>
        <source>The move was asked for, but your old account does not show it yet. Fedimove keeps checking.</source>
        <translation>Der Umzug wurde angefordert, aber dein altes Konto zeigt ihn noch nicht an. Fedimove prüft weiter.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="531"/>
        <source>The accounts are not linked yet</source>
        <translation>Die Konten sind noch nicht verknüpft</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="532"/>
        <source>Your new account does not show your old one as an alias yet. It can take a few minutes; Fedimove keeps checking.</source>
        <translation>Dein neues Konto zeigt dein altes noch nicht als Alias an. Das kann ein paar Minuten dauern; Fedimove prüft weiter.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="539"/>
        <source>The new server refused the link</source>
        <translation>Der neue Server hat die Verknüpfung abgelehnt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="540"/>
        <source>Your new server did not accept your old account as an alias. It may not have found your old account: check that your old server is reachable, then try again.</source>
        <translation>Dein neuer Server hat dein altes Konto nicht als Alias angenommen. Vielleicht hat er dein altes Konto nicht gefunden: Prüfe, ob dein alter Server erreichbar ist, und versuche es dann noch einmal.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="547"/>
        <source>The move cannot be sent again</source>
        <translation>Der Umzug kann nicht erneut gesendet werden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="548"/>
        <source>Your old server cannot send the move again, or not yet.</source>
        <translation>Dein alter Server kann den Umzug nicht erneut senden, oder noch nicht.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="555"/>
        <source>The practice move stopped</source>
        <translation>Der Übungsumzug wurde angehalten</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="556"/>
        <source>The practice move could not be taken to its end. Nothing real was touched; try again, and report a problem if it keeps happening.</source>
        <translation>Der Übungsumzug konnte nicht zu Ende geführt werden. Nichts Echtes wurde verändert; versuch es noch einmal und melde ein Problem, wenn es wieder passiert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="564"/>
        <source>Follower tracking has not ended yet</source>
        <translation>Die Verfolgung der Follower ist noch nicht beendet</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="565"/>
        <source>Finishing signs Fedimove out and puts your settings back, so it waits until follower tracking has ended. Finish tracking on the followers page first.</source>
        <translation>Beim Abschließen meldet sich Fedimove ab und stellt deine Einstellungen wieder her, deshalb wartet es, bis die Verfolgung der Follower beendet ist. Beende zuerst die Verfolgung auf der Follower-Seite.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="572"/>
        <source>Self-test not run</source>
        <translation>Selbsttest nicht ausgeführt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="573"/>
        <source>The self-test only runs on throwaway accounts, and only after you type the confirmation exactly.</source>
        <translation>Der Selbsttest läuft nur mit Wegwerf-Konten und erst, nachdem du die Bestätigung genau eingegeben hast.</translation>
    </message>
</context>
<context>
    <name>FinishBox</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="82"/>
        <source>Finish: tidy up after your move</source>
        <extracomment>&quot;Open the authorized apps&quot; of each server whose page Fedimove knows.</extracomment>
        <translation>Abschließen: nach dem Umzug aufräumen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="83"/>
        <source>Finish</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="84"/>
        <source>&amp;Lock your new account again, as your account was</source>
        <translation>&amp;Dein neues Konto wieder sperren, wie dein Konto vorher war</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="87"/>
        <source>Fedimove&apos;s access is revoked on the server and forgotten on this computer. You can sign in again whenever you like.</source>
        <translation>Fedimoves Zugriff wird auf dem Server widerrufen und auf diesem Computer vergessen. Du kannst dich jederzeit wieder anmelden.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="92"/>
        <source>Fi&amp;nish</source>
        <translation>Abschließe&amp;n</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="93"/>
        <source>Finish the move</source>
        <translation>Den Umzug abschließen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="94"/>
        <source>Finish status</source>
        <translation>Stand des Abschlusses</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="95"/>
        <source>What finishing did</source>
        <translation>Was beim Abschließen geschah</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="103"/>
        <source>Sign Fedimove out of your new &amp;account</source>
        <translation>Fedimove von deinem neuen Konto &amp;abmelden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="105"/>
        <source>Sign Fedimove out of both &amp;accounts</source>
        <translation>Fedimove von beiden Konten &amp;abmelden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="127"/>
        <source>Checking what is left to tidy up…</source>
        <translation>Prüfe, was noch aufzuräumen ist …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="130"/>
        <source>Nothing is left to tidy up. Below: what Fedimove did, and where your servers list the apps you authorized.</source>
        <translation>Es ist nichts mehr aufzuräumen. Unten steht, was Fedimove getan hat und wo deine Server die Apps auflisten, die du autorisiert hast.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="135"/>
        <source>Available once follower tracking has ended: go back to the followers page and finish tracking there.</source>
        <translation>Verfügbar, sobald die Verfolgung der Follower beendet ist: Geh zurück zur Follower-Seite und beende dort die Verfolgung.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="139"/>
        <source>Your copy is done. Fedimove can now tidy up on your new account.</source>
        <translation>Das Kopieren ist fertig. Fedimove kann jetzt auf deinem neuen Konto aufräumen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="142"/>
        <source>Fedimove no longer watches your followers. It can now put your settings back and remove its own access to your accounts.</source>
        <translation>Fedimove beobachtet deine Follower nicht mehr. Es kann jetzt deine Einstellungen zurücksetzen und seinen eigenen Zugriff auf deine Konten entfernen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="146"/>
        <source>Fedimove no longer watches your followers. It can now remove its own access to your accounts.</source>
        <translation>Fedimove beobachtet deine Follower nicht mehr. Es kann jetzt seinen eigenen Zugriff auf deine Konten entfernen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="153"/>
        <source>Your account was locked: you approve each new follower. Your new account is open now; once it is locked, new followers come as requests that you approve.</source>
        <translation>Dein Konto war gesperrt: Du bestätigst jeden neuen Follower. Dein neues Konto ist jetzt offen; sobald es gesperrt ist, kommen neue Follower als Anfragen, die du bestätigst.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="158"/>
        <source>Your account was locked: you approve each new follower. Fedimove kept your new account open during the move so your followers could arrive by themselves. Once it is locked, anyone who still arrives from your old account comes as a follow request that you approve.</source>
        <translation>Dein Konto war gesperrt: Du bestätigst jeden neuen Follower. Fedimove hat dein neues Konto während des Umzugs offen gelassen, damit deine Follower von selbst ankommen konnten. Sobald es gesperrt ist, kommt jeder, der noch von deinem alten Konto ankommt, als Folgeanfrage, die du bestätigst.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="177"/>
        <source>Authorized apps on {server}</source>
        <translation>Autorisierte Apps auf {server}</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="179"/>
        <source>Open the authorized apps page of {server}</source>
        <translation>Die Seite mit den autorisierten Apps von {server} öffnen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="185"/>
        <source>Fedimove does not know where {server} lists the apps you authorized: check your server&apos;s settings.</source>
        <translation>Fedimove weiß nicht, wo {server} die Apps auflistet, die du autorisiert hast: Sieh in den Einstellungen deines Servers nach.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="195"/>
        <source>Your new account is locked again: you approve each new follower.</source>
        <translation>Dein neues Konto ist wieder gesperrt: Du bestätigst jeden neuen Follower.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="197"/>
        <source>Your new account was already locked.</source>
        <translation>Dein neues Konto war schon gesperrt.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="200"/>
        <source>Your new account stays open: anyone can follow it without asking.</source>
        <translation>Dein neues Konto bleibt offen: Jeder kann ihm ohne Anfrage folgen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="203"/>
        <source>Your new server did not confirm the lock: lock your account in its settings.</source>
        <translation>Dein neuer Server hat die Sperre nicht bestätigt: Sperre dein Konto in seinen Einstellungen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="210"/>
        <source>{server}: Fedimove&apos;s access is revoked and forgotten on this computer.</source>
        <translation>{server}: Fedimoves Zugriff ist widerrufen und auf diesem Computer vergessen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="213"/>
        <source>{server}: forgotten on this computer, but the server did not confirm: remove Fedimove from its authorized apps yourself.</source>
        <translation>{server}: auf diesem Computer vergessen, aber der Server hat es nicht bestätigt: Entferne Fedimove selbst aus seinen autorisierten Apps.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="216"/>
        <source>{server}: Fedimove is already signed out.</source>
        <translation>{server}: Fedimove ist bereits abgemeldet.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="217"/>
        <source>{server}: Fedimove stays signed in, as you chose.</source>
        <translation>{server}: Fedimove bleibt angemeldet, wie du es gewählt hast.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="231"/>
        <source>Finishing…</source>
        <translation>Wird abgeschlossen …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="247"/>
        <source>Finished.</source>
        <translation>Abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/done_finish.py" line="249"/>
        <source>Finished, but a server did not confirm everything: see below.</source>
        <translation>Abgeschlossen, aber ein Server hat nicht alles bestätigt: siehe unten.</translation>
    </message>
</context>
<context>
    <name>FollowerActionsBar</name>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="52"/>
        <source>Followers status</source>
        <extracomment>The file the person chose for the list of followers who did not arrive. The person confirmed that tracking should end.</extracomment>
        <translation>Stand der Follower</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="77"/>
        <source>A&amp;pprove migrated followers</source>
        <translation>Umgezogene Follower &amp;bestätigen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="79"/>
        <source>Accept the follow requests of people who followed your old account</source>
        <translation>Die Folgeanfragen der Personen annehmen, die deinem alten Konto gefolgt sind</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="81"/>
        <source>&amp;Export those who did not arrive…</source>
        <translation>Nicht Angekommene &amp;exportieren …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="83"/>
        <source>Save a CSV file of the followers who are not on your new account, with why</source>
        <translation>Eine CSV-Datei der Follower speichern, die nicht bei deinem neuen Konto sind, mit dem Grund</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="85"/>
        <source>&amp;Re-send the move</source>
        <translation>Umzug erneut &amp;senden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="86"/>
        <source>&amp;Finish tracking…</source>
        <translation>Verfolgung beende&amp;n …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="88"/>
        <source>Check one last time who stayed behind and why, then stop watching</source>
        <translation>Ein letztes Mal prüfen, wer zurückgeblieben ist und warum, dann nicht mehr beobachten</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="105"/>
        <source>Your old server cannot send the move again</source>
        <translation>Dein alter Server kann den Umzug nicht erneut senden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="107"/>
        <source>Send the move again, for followers whose servers missed it</source>
        <translation>Den Umzug erneut senden, für Follower, deren Server ihn verpasst haben</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="117"/>
        <source>Re-send available from %1</source>
        <translation>Erneutes Senden möglich ab %1</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="126"/>
        <source>Tracking has finished. Followers who arrive later still follow you.</source>
        <translation>Die Verfolgung ist beendet. Follower, die später ankommen, folgen dir trotzdem.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="133"/>
        <source>Follow requests of migrated followers approved: %1</source>
        <translation>Bestätigte Folgeanfragen umgezogener Follower: %1</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="138"/>
        <source>The move was sent again.</source>
        <translation>Der Umzug wurde erneut gesendet.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="143"/>
        <source>List saved: %1</source>
        <translation>Liste gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="152"/>
        <source>Save the list of followers who did not arrive</source>
        <translation>Liste der nicht angekommenen Follower speichern</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="154"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="166"/>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="176"/>
        <source>Finish tracking</source>
        <translation>Verfolgung beenden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="168"/>
        <source>Stop watching your followers?</source>
        <translation>Deine Follower nicht mehr beobachten?</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/follower_actions.py" line="171"/>
        <source>Fedimove checks your old account one last time and notes who stayed behind and why. Followers who arrive later still count: they follow your new account as usual. This page just stops watching for them.</source>
        <translation>Fedimove prüft dein altes Konto ein letztes Mal und notiert, wer zurückgeblieben ist und warum. Follower, die später ankommen, zählen trotzdem: Sie folgen deinem neuen Konto wie gewohnt. Diese Seite hört nur auf, nach ihnen Ausschau zu halten.</translation>
    </message>
</context>
<context>
    <name>FollowerStates</name>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="15"/>
        <source>Waiting for approval</source>
        <translation>Wartet auf Bestätigung</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="16"/>
        <source>Still on old account</source>
        <translation>Noch beim alten Konto</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="17"/>
        <source>Server can&apos;t move</source>
        <translation>Server kann nicht umziehen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="18"/>
        <source>Server unreachable</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="19"/>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="20"/>
        <source>Account gone</source>
        <translation>Konto weg</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="21"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="22"/>
        <source>Moved</source>
        <translation>Umgezogen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="32"/>
        <location filename="../../app/fedimove/ui/labels.py" line="45"/>
        <source>Your new account approves followers</source>
        <translation>Dein neues Konto bestätigt Follower</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="33"/>
        <location filename="../../app/fedimove/ui/labels.py" line="50"/>
        <source>Their server ignores moves</source>
        <translation>Ihr Server ignoriert Umzüge</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="34"/>
        <location filename="../../app/fedimove/ui/labels.py" line="49"/>
        <source>Their server did not answer</source>
        <translation>Ihr Server hat nicht geantwortet</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="35"/>
        <location filename="../../app/fedimove/ui/labels.py" line="47"/>
        <source>Your new server blocks their server</source>
        <translation>Dein neuer Server blockiert ihren Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="36"/>
        <source>Their account was suspended</source>
        <translation>Ihr Konto wurde gesperrt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="37"/>
        <source>Their account was deleted</source>
        <translation>Ihr Konto wurde gelöscht</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="38"/>
        <source>Not arrived yet</source>
        <translation>Noch nicht angekommen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="39"/>
        <source>Confirmed by a full check</source>
        <translation>Durch eine vollständige Prüfung bestätigt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="42"/>
        <source>Approved by Fedimove</source>
        <translation>Von Fedimove bestätigt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="43"/>
        <source>Already followed your new account</source>
        <translation>Folgte deinem neuen Konto schon</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="44"/>
        <source>A new follower</source>
        <translation>Ein neuer Follower</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="46"/>
        <source>Your new server limits their server</source>
        <translation>Dein neuer Server schränkt ihren Server ein</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="48"/>
        <source>Left your old account, not seen on the new one</source>
        <translation>Hat dein altes Konto verlassen, beim neuen nicht gesehen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="51"/>
        <source>No reason known</source>
        <translation>Kein Grund bekannt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="52"/>
        <source>Their account is gone</source>
        <translation>Ihr Konto existiert nicht mehr</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="59"/>
        <source>Seen</source>
        <translation>Gesehen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="60"/>
        <source>Inferred</source>
        <translation>Erschlossen</translation>
    </message>
</context>
<context>
    <name>FollowerTableModel</name>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_cells.py" line="69"/>
        <source>Follower</source>
        <translation>Follower</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_cells.py" line="70"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_cells.py" line="73"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_cells.py" line="76"/>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_cells.py" line="71"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_cells.py" line="72"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_cells.py" line="75"/>
        <source>Evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_cells.py" line="74"/>
        <source>Arrived</source>
        <translation>Angekommen</translation>
    </message>
</context>
<context>
    <name>FollowersPage</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="182"/>
        <source>Your followers</source>
        <translation>Deine Follower</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="185"/>
        <source>Each follower&apos;s server moves them to your new account by itself. This table shows who has arrived, who is waiting for your approval, and who cannot move and why.</source>
        <translation>Der Server jedes Followers zieht ihn von selbst zu deinem neuen Konto um. Diese Tabelle zeigt, wer angekommen ist, wer auf deine Bestätigung wartet und wer nicht umziehen kann und warum.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="190"/>
        <source>Search by handle or name</source>
        <translation>Nach Adresse oder Name suchen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="191"/>
        <source>Search followers</source>
        <translation>Follower durchsuchen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="192"/>
        <source>Filter by server</source>
        <translation>Nach Server filtern</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="194"/>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="257"/>
        <source>All servers</source>
        <translation>Alle Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="195"/>
        <source>Show &amp;all</source>
        <translation>&amp;Alle zeigen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="196"/>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="241"/>
        <source>No follower matches these filters.</source>
        <translation>Kein Follower passt zu diesen Filtern.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="243"/>
        <source>Your followers appear here once the move has been sent.</source>
        <translation>Deine Follower erscheinen hier, sobald der Umzug gesendet wurde.</translation>
    </message>
</context>
<context>
    <name>FollowersStepPage</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers_step.py" line="45"/>
        <source>Checking one last time who stayed behind…</source>
        <translation>Ein letztes Mal prüfen, wer zurückgeblieben ist …</translation>
    </message>
</context>
<context>
    <name>MovePage</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/move.py" line="79"/>
        <source>Move your account</source>
        <translation>Dein Konto umziehen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/move.py" line="82"/>
        <source>Your old account will point to {new}, and every follower whose server supports it will follow {new} instead. Your old account stays, but you cannot post from it anymore, and Mastodon allows the next move only after 30 days.</source>
        <translation>Dein altes Konto wird auf {new} verweisen, und jeder Follower, dessen Server es unterstützt, folgt stattdessen {new}. Dein altes Konto bleibt bestehen, aber du kannst von ihm nicht mehr posten, und Mastodon erlaubt den nächsten Umzug erst nach 30 Tagen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/move.py" line="85"/>
        <source>your new account</source>
        <translation>dein neues Konto</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/move.py" line="87"/>
        <source>This cannot be undone.</source>
        <translation>Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/move.py" line="94"/>
        <location filename="../../app/fedimove/ui/pages/move.py" line="100"/>
        <source>Type your new address to confirm</source>
        <translation>Gib zur Bestätigung deine neue Adresse ein</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/move.py" line="95"/>
        <location filename="../../app/fedimove/ui/pages/move.py" line="101"/>
        <source>Password of your old account</source>
        <translation>Passwort deines alten Kontos</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/move.py" line="102"/>
        <source>&amp;Move my account</source>
        <translation>Mein Konto &amp;umziehen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/move.py" line="103"/>
        <source>In your browser</source>
        <translation>In deinem Browser</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/move.py" line="123"/>
        <source>Moving…</source>
        <translation>Umzug läuft …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/move.py" line="131"/>
        <source>Your browser opened the “Move to a different account” page of your old server. Sign in there as {account} if it asks, enter this address and your password, and confirm:</source>
        <translation>Dein Browser hat die Seite „Zu einem anderen Konto umziehen“ deines alten Servers geöffnet. Melde dich dort als {account} an, falls danach gefragt wird, gib diese Adresse und dein Passwort ein und bestätige:</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/move.py" line="138"/>
        <source>Waiting until your old server confirms the move…</source>
        <translation>Warten, bis dein alter Server den Umzug bestätigt …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/move.py" line="145"/>
        <source>Moved. Your followers are on their way.</source>
        <translation>Umgezogen. Deine Follower sind unterwegs.</translation>
    </message>
</context>
<context>
    <name>OldFilesPage</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="111"/>
        <source>Your old server is gone</source>
        <extracomment>Names that look like a Fedimove backup (the service recognises it by its content).</extracomment>
        <translation>Dein alter Server ist nicht mehr da</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="114"/>
        <source>Fedimove can still bring across what your files hold. Choose a Fedimove backup, Mastodon&apos;s archive zip, or the CSV files from your old server&apos;s export page (several at once, or a folder). Nothing changes until the copy starts.</source>
        <translation>Fedimove kann trotzdem mitnehmen, was deine Dateien enthalten. Wähle eine Fedimove-Sicherung, Mastodons Archiv-ZIP oder die CSV-Dateien von der Exportseite deines alten Servers (mehrere auf einmal oder einen Ordner). Bis das Kopieren beginnt, ändert sich nichts.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="120"/>
        <source>Your followers cannot come with you</source>
        <translation>Deine Follower können nicht mitkommen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="123"/>
        <source>Only your old server could tell your followers that you moved, so they have to find you again. What helps: a “we moved” post from your new account (the last page gives you one to copy), and the report, which lists every follower a Fedimove backup knows, so you can look people up.</source>
        <translation>Nur dein alter Server hätte deinen Followern sagen können, dass du umgezogen bist, deshalb müssen sie dich wiederfinden. Was hilft: ein „Wir sind umgezogen“-Beitrag von deinem neuen Konto (die letzte Seite gibt dir einen zum Kopieren) und der Bericht, der jeden Follower auflistet, den eine Fedimove-Sicherung kennt, damit du die Leute wiederfinden kannst.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="129"/>
        <source>Chosen files</source>
        <translation>Gewählte Dateien</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="130"/>
        <source>Add &amp;files…</source>
        <translation>&amp;Dateien hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="131"/>
        <source>Add a f&amp;older…</source>
        <translation>&amp;Ordner hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="132"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="133"/>
        <source>Remove the selected file</source>
        <translation>Die gewählte Datei entfernen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="134"/>
        <source>Backup passphrase</source>
        <translation>Passphrase der Sicherung</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="135"/>
        <source>Old account address</source>
        <translation>Adresse des alten Kontos</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="136"/>
        <source>@you@old.server</source>
        <translation>@du@alter.server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="137"/>
        <source>&amp;Check the files</source>
        <translation>Dateien &amp;prüfen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="141"/>
        <source>Backup &amp;passphrase:</source>
        <translation>Passp&amp;hrase der Sicherung:</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="142"/>
        <source>Old &amp;account:</source>
        <translation>Altes &amp;Konto:</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="175"/>
        <source>Choose your old account&apos;s files</source>
        <translation>Die Dateien deines alten Kontos wählen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="177"/>
        <source>Backups, archives and CSV files</source>
        <translation>Sicherungen, Archive und CSV-Dateien</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="179"/>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="185"/>
        <source>Choose a folder of export files</source>
        <translation>Einen Ordner mit Exportdateien wählen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="197"/>
        <source>Reading and checking the files…</source>
        <translation>Die Dateien werden gelesen und geprüft …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="207"/>
        <source>Checked. Nothing was changed.</source>
        <translation>Geprüft. Nichts wurde geändert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="214"/>
        <source>Old account {handle}: following {following}; {followers} followers known.</source>
        <translation>Altes Konto {handle}: folgt {following}; {followers} Follower bekannt.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="239"/>
        <source>Chosen fi&amp;les:</source>
        <translation>Gewählte Date&amp;ien:</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="239"/>
        <source>Chosen fi&amp;les (none yet):</source>
        <translation>Gewählte Date&amp;ien (noch keine):</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="266"/>
        <source>The backup needs its passphrase: type it above.</source>
        <translation>Die Sicherung braucht ihre Passphrase: Gib sie oben ein.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="268"/>
        <source>CSV files do not say whose they are: type your old account&apos;s address above.</source>
        <translation>CSV-Dateien sagen nicht, wem sie gehören: Gib oben die Adresse deines alten Kontos ein.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="271"/>
        <source>{file} is none of: a Fedimove backup, Mastodon&apos;s archive zip, CSV export files.</source>
        <translation>{file} ist weder eine Fedimove-Sicherung noch Mastodons Archiv-ZIP noch eine CSV-Exportdatei.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="273"/>
        <source>Choose one backup only.</source>
        <translation>Wähle nur eine Sicherung.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="274"/>
        <source>The files belong to different accounts.</source>
        <translation>Die Dateien gehören zu verschiedenen Konten.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="275"/>
        <source>{file} is not there any more.</source>
        <translation>{file} ist nicht mehr da.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="276"/>
        <source>Two files hold the same kind of list ({file}).</source>
        <translation>Zwei Dateien enthalten dieselbe Art von Liste ({file}).</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="277"/>
        <source>The zip file is not Mastodon&apos;s archive.</source>
        <translation>Die ZIP-Datei ist nicht Mastodons Archiv.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="281"/>
        <source>The file: {file}</source>
        <translation>Die Datei: {file}</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/old_files.py" line="285"/>
        <source>Nothing was changed.</source>
        <translation>Nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="72"/>
        <source>What will move</source>
        <extracomment>Not copied: followers come by the Move itself; posts stay in the backup.</extracomment>
        <translation>Was umzieht</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="75"/>
        <source>Nothing has changed yet. Tick what Fedimove should copy to your new account. Your followers come with the move itself.</source>
        <translation>Noch hat sich nichts geändert. Hake an, was Fedimove auf dein neues Konto kopieren soll. Deine Follower kommen mit dem Umzug selbst.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="80"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="80"/>
        <source>How many</source>
        <translation>Wie viele</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="80"/>
        <source>For example</source>
        <translation>Zum Beispiel</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="80"/>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="82"/>
        <source>Categories to copy</source>
        <translation>Zu kopierende Kategorien</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="83"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="83"/>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="83"/>
        <source>Outlook</source>
        <translation>Aussicht</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="84"/>
        <source>Followers by server</source>
        <translation>Follower nach Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="91"/>
        <source>Reading your old account…</source>
        <translation>Dein altes Konto wird gelesen …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="99"/>
        <source>Asking your followers&apos; servers about moves…</source>
        <translation>Die Server deiner Follower werden zu Umzügen befragt …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="102"/>
        <source>Reading {what}: {done}</source>
        <translation>Lese {what}: {done}</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="116"/>
        <source>Read. Nothing was changed.</source>
        <translation>Gelesen. Nichts wurde verändert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="122"/>
        <source>{n} already there</source>
        <translation>{n} schon vorhanden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/preview.py" line="154"/>
        <source>Your {total} followers: {parts}.</source>
        <translation>Deine {total} Follower: {parts}.</translation>
    </message>
</context>
<context>
    <name>ServerBreakdownWidget</name>
    <message>
        <location filename="../../app/fedimove/ui/widgets/server_breakdown.py" line="43"/>
        <location filename="../../app/fedimove/ui/widgets/server_breakdown.py" line="80"/>
        <source>Followers by server</source>
        <extracomment>A server&apos;s bar was clicked (its name), to filter the table by it. The widget&apos;s size changed (a different number of bars fits). Off when a page refreshes this with its other summaries (on `resized`), so the bars never show a newer moment than the counters beside them.</extracomment>
        <translation>Follower nach Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/server_breakdown.py" line="65"/>
        <source>Other servers</source>
        <translation>Andere Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/server_breakdown.py" line="95"/>
        <source>No followers yet.</source>
        <translation>Noch keine Follower.</translation>
    </message>
</context>
<context>
    <name>SignInsInMemoryNotice</name>
    <message>
        <location filename="../../app/fedimove/ui/widgets/notice_bar.py" line="91"/>
        <source>Your sign-ins are kept only until Fedimove closes</source>
        <extracomment>Soft amber in a light palette, a deep one in a dark palette: noticeable, not alarming.</extracomment>
        <translation>Deine Anmeldungen bleiben nur erhalten, bis Fedimove geschlossen wird</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/notice_bar.py" line="93"/>
        <source>Fedimove found no password store (keyring) it can use on this computer, so it keeps your sign-ins in memory. Nothing is lost if you close Fedimove before the move is finished: it goes on where it stopped, but you will have to sign in to both accounts again first. To have your sign-ins remembered, install or unlock your system&apos;s keyring (for example GNOME Keyring or KWallet), then start Fedimove again.</source>
        <translation>Fedimove hat auf diesem Computer keinen nutzbaren Passwortspeicher (Schlüsselbund) gefunden und hält deine Anmeldungen deshalb im Arbeitsspeicher. Nichts geht verloren, wenn du Fedimove vor dem Ende des Umzugs schließt: Es macht dort weiter, wo es aufgehört hat, aber du musst dich vorher wieder bei beiden Konten anmelden. Damit deine Anmeldungen gespeichert werden, installiere oder entsperre den Schlüsselbund deines Systems (zum Beispiel GNOME Keyring oder KWallet) und starte Fedimove dann neu.</translation>
    </message>
</context>
<context>
    <name>StateCountersWidget</name>
    <message>
        <location filename="../../app/fedimove/ui/widgets/state_counters.py" line="52"/>
        <source>Show only: %1 (%2)</source>
        <extracomment>The set of checked states changed (empty: show every state).</extracomment>
        <translation>Nur zeigen: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/state_counters.py" line="56"/>
        <source>Show only followers in this state</source>
        <translation>Nur Follower mit diesem Status zeigen</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="71"/>
        <source>Move your Fediverse account</source>
        <extracomment>Where a resumed migration goes on (page names of the wizard). The person&apos;s old server is gone: the wizard takes the files path (issue 12).</extracomment>
        <translation>Zieh mit deinem Fediverse-Konto um</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="74"/>
        <source>Fedimove moves your account to a new server, one step at a time. It makes a backup first, shows you everything before it changes anything, and asks before the one step that cannot be undone.</source>
        <translation>Fedimove zieht dein Konto Schritt für Schritt auf einen neuen Server um. Es legt zuerst eine Sicherung an, zeigt dir alles, bevor es etwas ändert, und fragt vor dem einen Schritt, der sich nicht rückgängig machen lässt.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="81"/>
        <source>What comes with you: your followers, the accounts you follow, lists, bookmarks, blocks, mutes, hidden servers, followed hashtags, filters and your profile.</source>
        <translation>Was mitkommt: deine Follower, die Konten, denen du folgst, Listen, Lesezeichen, Blockierungen, Stummschaltungen, ausgeblendete Server, gefolgte Hashtags, Filter und dein Profil.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="88"/>
        <source>What stays behind: your posts. No server accepts them through a move; they are kept in your backup.</source>
        <translation>Was zurückbleibt: deine Beiträge. Kein Server übernimmt sie bei einem Umzug; sie bleiben in deiner Sicherung erhalten.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="92"/>
        <source>Is your old server gone?</source>
        <translation>Ist dein alter Server nicht mehr da?</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="95"/>
        <source>If your old server has shut down, Fedimove can still bring across what your Fedimove backup or your old server&apos;s export files hold. Your followers cannot come along that way; Fedimove tells you what helps.</source>
        <translation>Wenn dein alter Server abgeschaltet wurde, kann Fedimove trotzdem mitnehmen, was deine Fedimove-Sicherung oder die Exportdateien deines alten Servers enthalten. Deine Follower können so nicht mitkommen; Fedimove sagt dir, was hilft.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="100"/>
        <source>My old server is &amp;gone</source>
        <translation>Mein alter Server ist &amp;weg</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="101"/>
        <source>My old server is gone: use my files</source>
        <translation>Mein alter Server ist weg: meine Dateien verwenden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="102"/>
        <source>An unfinished move</source>
        <translation>Ein unvollendeter Umzug</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="103"/>
        <source>&amp;Resume the move</source>
        <translation>Umzug &amp;fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="104"/>
        <source>Resume the unfinished move</source>
        <translation>Den unvollendeten Umzug fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="109"/>
        <source>Start a &amp;new move</source>
        <translation>&amp;Neuen Umzug beginnen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="110"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="126"/>
        <source>Resume the move from your files of {old} to {new}? Fedimove checks your new account&apos;s sign-in first, then goes on where it stopped.</source>
        <translation>Den Umzug aus deinen Dateien von {old} zu {new} fortsetzen? Fedimove prüft zuerst die Anmeldung deines neuen Kontos und macht dann dort weiter, wo es aufgehört hat.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="133"/>
        <source>Resume the move from {old} to {new}? Fedimove checks both sign-ins first, then goes on where it stopped.</source>
        <translation>Den Umzug von {old} zu {new} fortsetzen? Fedimove prüft zuerst beide Anmeldungen und macht dann dort weiter, wo es aufgehört hat.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/welcome.py" line="142"/>
        <source>Checking your sign-ins…</source>
        <translation>Deine Anmeldungen werden geprüft …</translation>
    </message>
</context>
<context>
    <name>WizardPage</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/base.py" line="105"/>
        <source>Status</source>
        <extracomment>Asks the wizard to show another page (by name), e.g. after a resume.</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/base.py" line="133"/>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
</context>
<context>
    <name>WizardWindow</name>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="126"/>
        <source>Fedimove</source>
        <extracomment>The &quot;My old server is gone&quot; path: files instead of the old account (issue 12).</extracomment>
        <translation>Fedimove</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="129"/>
        <source>Practice mode: nothing here touches a real account. The demo accounts are filled in; their sign-in pages open in your browser.</source>
        <translation>Übungsmodus: Nichts hier berührt ein echtes Konto. Die Demo-Konten sind eingetragen; ihre Anmeldeseiten öffnen sich in deinem Browser.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="133"/>
        <source>Sign in there with: {logins}</source>
        <translation>Melde dich dort an mit: {logins}</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="137"/>
        <source>Practice mode banner</source>
        <translation>Hinweis Übungsmodus</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="139"/>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="139"/>
        <source>Old account</source>
        <translation>Altes Konto</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="139"/>
        <source>Your files</source>
        <translation>Deine Dateien</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="140"/>
        <source>New account</source>
        <translation>Neues Konto</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="140"/>
        <source>What will move</source>
        <translation>Was umzieht</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="140"/>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="140"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="141"/>
        <source>Link accounts</source>
        <translation>Konten verknüpfen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="141"/>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="141"/>
        <source>Move</source>
        <translation>Umzug</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="142"/>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="142"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="149"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="150"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="279"/>
        <source>Nothing has changed yet. Tick what Fedimove should copy to your new account.</source>
        <translation>Noch hat sich nichts geändert. Hake an, was Fedimove zu deinem neuen Konto kopieren soll.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="283"/>
        <source>Your followers cannot move: your old server is gone ({known} known from your files). The last page gives you a “we moved” post, and the report lists them.</source>
        <translation>Deine Follower können nicht umziehen: Dein alter Server ist nicht mehr da ({known} aus deinen Dateien bekannt). Die letzte Seite gibt dir einen „Wir sind umgezogen“-Beitrag, und der Bericht listet sie auf.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="16"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="17"/>
        <source>Accounts you follow</source>
        <translation>Konten, denen du folgst</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="18"/>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="19"/>
        <source>Lists</source>
        <translation>Listen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="20"/>
        <source>Bookmarks</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="21"/>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="22"/>
        <source>Blocked accounts</source>
        <translation>Blockierte Konten</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="23"/>
        <source>Muted accounts</source>
        <translation>Stummgeschaltete Konten</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="24"/>
        <source>Hidden servers</source>
        <translation>Ausgeblendete Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="25"/>
        <source>Followed hashtags</source>
        <translation>Gefolgte Hashtags</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="26"/>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="27"/>
        <source>Featured hashtags</source>
        <translation>Hervorgehobene Hashtags</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="28"/>
        <source>Featured accounts</source>
        <translation>Empfohlene Konten</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="29"/>
        <source>Private notes</source>
        <translation>Private Notizen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="30"/>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="40"/>
        <source>will move</source>
        <translation>ziehen um</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="41"/>
        <source>will arrive as follow requests</source>
        <translation>kommen als Folgeanfragen an</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="44"/>
        <source>their server cannot move followers</source>
        <translation>ihr Server kann keine Follower umziehen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="47"/>
        <source>their server does not answer</source>
        <translation>ihr Server antwortet nicht</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="48"/>
        <source>blocked by your new server</source>
        <translation>von deinem neuen Server blockiert</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="49"/>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="56"/>
        <source>off by default: notifies each author</source>
        <translation>standardmäßig aus: benachrichtigt jede Person</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="59"/>
        <source>already on the new account</source>
        <translation>schon im neuen Konto</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="60"/>
        <source>the account is suspended</source>
        <translation>das Konto ist gesperrt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="61"/>
        <source>the account or post is gone</source>
        <translation>das Konto oder der Beitrag ist weg</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="62"/>
        <source>your new server blocks that server</source>
        <translation>dein neuer Server blockiert diesen Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="63"/>
        <source>the mute has expired</source>
        <translation>die Stummschaltung ist abgelaufen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="64"/>
        <source>they did not accept the follow</source>
        <translation>die Person hat das Folgen nicht angenommen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="76"/>
        <source>Daily limit reached: goes on by itself on {when} (the server resets at {reset} UTC).</source>
        <translation>Tageslimit erreicht: geht von selbst weiter am {when} (der Server setzt um {reset} UTC zurück).</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/words.py" line="81"/>
        <source>Waiting for the server: goes on by itself at {when}.</source>
        <translation>Warten auf den Server: geht von selbst weiter um {when}.</translation>
    </message>
</context>
</TS>
