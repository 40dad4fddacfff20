<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArrivalsChartWidget</name>
    <message>
        <location filename="../../app/fedimove/ui/widgets/arrivals_chart.py" line="52"/>
        <location filename="../../app/fedimove/ui/widgets/arrivals_chart.py" line="78"/>
        <source>Arrivals over time</source>
        <translation>Ankünfte im Zeitverlauf</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/arrivals_chart.py" line="64"/>
        <source>%1 of %2 followers have arrived on the new account.</source>
        <translation>%1 von %2 Followern sind beim neuen Konto angekommen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/arrivals_chart.py" line="112"/>
        <source>Arrived: %1 of %2</source>
        <translation>Angekommen: %1 von %2</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/arrivals_chart.py" line="127"/>
        <source>No follower has arrived yet. Arrivals appear here as they happen.</source>
        <translation>Noch ist kein Follower angekommen. Ankünfte erscheinen hier, sobald sie geschehen.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/fedimove/ui/crash.py" line="98"/>
        <source>Fedimove had a problem</source>
        <translation>Fedimove hatte ein Problem</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/crash.py" line="99"/>
        <source>Crash report</source>
        <translation>Fehlerbericht</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/crash.py" line="108"/>
        <source>Something went wrong inside Fedimove. What was done so far is saved, and you can continue where it stopped. Please copy the report below and send it to the developers. It contains no passwords or sign-in tokens.</source>
        <translation>In Fedimove ist etwas schiefgegangen. Was bisher erledigt wurde, ist gespeichert, und du kannst dort weitermachen, wo es aufgehört hat. Bitte kopiere den Bericht unten und schicke ihn an die Entwickler. Er enthält keine Passwörter und keine Anmelde-Tokens.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/crash.py" line="119"/>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/crash.py" line="122"/>
        <source>&amp;Copy report</source>
        <translation>Bericht &amp;kopieren</translation>
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
        <source>That is not a web address</source>
        <translation>Das ist keine Webadresse</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="175"/>
        <source>Type a server address like example.social.</source>
        <translation>Gib eine Serveradresse wie example.social ein.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="179"/>
        <source>Connection problem</source>
        <translation>Verbindungsproblem</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="180"/>
        <source>Fedimove could not talk to the server. Check your internet connection.</source>
        <translation>Fedimove konnte den Server nicht erreichen. Prüfe deine Internetverbindung.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="187"/>
        <source>Server not reachable</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="188"/>
        <source>The server did not answer. It may be down, or the address may be wrong.</source>
        <translation>Der Server hat nicht geantwortet. Vielleicht ist er ausgefallen oder die Adresse ist falsch.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="195"/>
        <source>The server is slow</source>
        <translation>Der Server ist langsam</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="196"/>
        <source>The server took too long to answer.</source>
        <translation>Der Server hat zu lange für die Antwort gebraucht.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="200"/>
        <source>Secure connection failed</source>
        <translation>Sichere Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="201"/>
        <source>The server&apos;s security certificate could not be verified, so Fedimove did not connect.</source>
        <translation>Das Sicherheitszertifikat des Servers konnte nicht überprüft werden, daher hat Fedimove keine Verbindung aufgebaut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="208"/>
        <source>Insecure address</source>
        <translation>Unsichere Adresse</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="209"/>
        <source>Fedimove only connects to servers over HTTPS.</source>
        <translation>Fedimove verbindet sich nur über HTTPS mit Servern.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="213"/>
        <source>The server sends Fedimove in circles</source>
        <translation>Der Server schickt Fedimove im Kreis</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="214"/>
        <source>The server redirected too many times. It may be misconfigured.</source>
        <translation>Der Server hat zu oft umgeleitet. Vielleicht ist er falsch eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="220"/>
        <source>The server&apos;s answer was too large</source>
        <translation>Die Antwort des Servers war zu groß</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="221"/>
        <source>The server sent more data than expected, so Fedimove stopped reading.</source>
        <translation>Der Server hat mehr Daten geschickt als erwartet, daher hat Fedimove aufgehört zu lesen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="227"/>
        <source>The server had a problem</source>
        <translation>Der Server hatte ein Problem</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="228"/>
        <source>The server could not do what Fedimove asked.</source>
        <translation>Der Server konnte nicht ausführen, worum Fedimove gebeten hat.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="232"/>
        <source>The server is busy</source>
        <translation>Der Server ist ausgelastet</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="233"/>
        <source>The server is overloaded or under maintenance. Fedimove will try again.</source>
        <translation>Der Server ist überlastet oder wird gewartet. Fedimove versucht es erneut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="240"/>
        <source>The server asks Fedimove to slow down</source>
        <translation>Der Server bittet Fedimove, langsamer zu machen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="241"/>
        <source>The server&apos;s limit was reached. Fedimove waits and continues by itself.</source>
        <translation>Das Limit des Servers ist erreicht. Fedimove wartet und macht von selbst weiter.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="248"/>
        <source>Unexpected answer</source>
        <translation>Unerwartete Antwort</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="249"/>
        <source>The server answered in a way Fedimove does not understand.</source>
        <translation>Der Server hat auf eine Weise geantwortet, die Fedimove nicht versteht.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="255"/>
        <source>Not a Fediverse server</source>
        <translation>Kein Fediverse-Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="256"/>
        <source>There is a website at this address, but no Fediverse server.</source>
        <translation>Unter dieser Adresse gibt es eine Website, aber keinen Fediverse-Server.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="262"/>
        <source>Server software not supported</source>
        <translation>Server-Software wird nicht unterstützt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="263"/>
        <source>Fedimove cannot move accounts on this kind of server yet.</source>
        <translation>Fedimove kann Konten auf dieser Art von Server noch nicht umziehen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="269"/>
        <source>Server software too old</source>
        <translation>Server-Software zu alt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="270"/>
        <source>This server runs a version too old for Fedimove. Ask its admins to update.</source>
        <translation>Dieser Server läuft mit einer für Fedimove zu alten Version. Bitte die Admins um ein Update.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="277"/>
        <source>Account not found</source>
        <translation>Konto nicht gefunden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="278"/>
        <source>The server does not know this account. Check the spelling.</source>
        <translation>Der Server kennt dieses Konto nicht. Prüfe die Schreibweise.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="284"/>
        <source>Account suspended</source>
        <translation>Konto gesperrt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="285"/>
        <source>This account is suspended on its server, so it cannot be moved from or to.</source>
        <translation>Dieses Konto ist auf seinem Server gesperrt, daher kann weder von ihm noch zu ihm umgezogen werden.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="292"/>
        <source>Account already moved</source>
        <translation>Konto bereits umgezogen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="293"/>
        <source>This account has already moved to another one. Followers sent here would not arrive.</source>
        <translation>Dieses Konto ist bereits zu einem anderen umgezogen. Hierher geschickte Follower würden nicht ankommen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="300"/>
        <source>Account not usable</source>
        <translation>Konto nicht nutzbar</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="301"/>
        <source>The server says this account&apos;s login is disabled: it may have moved or still await approval.</source>
        <translation>Laut Server ist die Anmeldung für dieses Konto deaktiviert: Es ist vielleicht umgezogen oder wartet noch auf Freischaltung.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="308"/>
        <source>Not allowed</source>
        <translation>Nicht erlaubt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="309"/>
        <source>The server does not allow this for your account.</source>
        <translation>Der Server erlaubt das für dein Konto nicht.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="313"/>
        <source>More permission needed</source>
        <translation>Weitere Berechtigung nötig</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="314"/>
        <source>Fedimove needs a permission it was not given. Sign in again and allow it.</source>
        <translation>Fedimove braucht eine Berechtigung, die es nicht erhalten hat. Melde dich erneut an und erlaube sie.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="321"/>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="322"/>
        <source>Signing in did not work.</source>
        <translation>Die Anmeldung hat nicht funktioniert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="326"/>
        <source>Sign-in was declined</source>
        <translation>Anmeldung wurde abgelehnt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="327"/>
        <source>Access was not granted in the browser. Sign in again and choose Authorize.</source>
        <translation>Im Browser wurde kein Zugriff gewährt. Melde dich erneut an und wähle „Autorisieren“.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="334"/>
        <source>Sign-in could not be verified</source>
        <translation>Anmeldung konnte nicht überprüft werden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="335"/>
        <source>The answer from the browser did not match this sign-in, so Fedimove ignored it for your safety.</source>
        <translation>Die Antwort aus dem Browser passte nicht zu dieser Anmeldung, daher hat Fedimove sie zu deiner Sicherheit ignoriert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="342"/>
        <source>Sign-in expired</source>
        <translation>Anmeldung abgelaufen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="343"/>
        <source>The sign-in code was not accepted. It may have expired.</source>
        <translation>Der Anmeldecode wurde nicht akzeptiert. Vielleicht ist er abgelaufen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="349"/>
        <source>Sign-in took too long</source>
        <translation>Anmeldung hat zu lange gedauert</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="350"/>
        <source>Fedimove waited for the browser, but no answer came.</source>
        <translation>Fedimove hat auf den Browser gewartet, aber keine Antwort erhalten.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="354"/>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="355"/>
        <source>The server no longer accepts Fedimove&apos;s sign-in. Sign in again.</source>
        <translation>Der Server akzeptiert die Anmeldung von Fedimove nicht mehr. Melde dich erneut an.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="361"/>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="362"/>
        <source>Sign in to this account first.</source>
        <translation>Melde dich zuerst bei diesem Konto an.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="366"/>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="367"/>
        <source>You stopped this step. You can continue later where it stopped.</source>
        <translation>Du hast diesen Schritt angehalten. Du kannst später dort weitermachen, wo er aufgehört hat.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="373"/>
        <source>Not ready to move</source>
        <translation>Noch nicht bereit für den Umzug</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="374"/>
        <source>Some checks did not pass. Fix them before the move.</source>
        <translation>Einige Prüfungen sind nicht bestanden. Behebe sie vor dem Umzug.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="378"/>
        <source>Please confirm the move</source>
        <translation>Bitte bestätige den Umzug</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="379"/>
        <source>Type your new account&apos;s address to confirm the move.</source>
        <translation>Gib die Adresse deines neuen Kontos ein, um den Umzug zu bestätigen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="383"/>
        <source>Moved too recently</source>
        <translation>Zu kurz nach dem letzten Umzug</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="384"/>
        <source>This account moved recently; the server allows another move only after a waiting period.</source>
        <translation>Dieses Konto ist kürzlich umgezogen; der Server erlaubt einen weiteren Umzug erst nach einer Wartezeit.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="391"/>
        <source>Another Fedimove took over</source>
        <translation>Ein anderes Fedimove hat übernommen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="392"/>
        <source>Another Fedimove window or command continued this move while this one was paused. This window stopped so that nothing is done twice.</source>
        <translation>Ein anderes Fedimove-Fenster oder ein Befehl hat diesen Umzug fortgesetzt, während dieses Fenster pausiert war. Dieses Fenster hat angehalten, damit nichts doppelt geschieht.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="399"/>
        <source>Fedimove&apos;s record is damaged</source>
        <translation>Die Aufzeichnung von Fedimove ist beschädigt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="400"/>
        <source>Fedimove&apos;s record of your moves is damaged. A copy was kept; your accounts were not changed by this.</source>
        <translation>Die Aufzeichnung deiner Umzüge in Fedimove ist beschädigt. Eine Kopie wurde aufbewahrt; deine Konten wurden dadurch nicht verändert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="407"/>
        <source>Made by a newer Fedimove</source>
        <translation>Von einem neueren Fedimove erstellt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="408"/>
        <source>This move was recorded by a newer version of Fedimove. Update Fedimove to continue it.</source>
        <translation>Dieser Umzug wurde von einer neueren Version von Fedimove aufgezeichnet. Aktualisiere Fedimove, um ihn fortzusetzen.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="415"/>
        <source>Step out of order</source>
        <translation>Schritt in falscher Reihenfolge</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="416"/>
        <source>Fedimove refused a step that would have happened out of order. Nothing was changed.</source>
        <translation>Fedimove hat einen Schritt abgelehnt, der in falscher Reihenfolge geschehen wäre. Nichts wurde verändert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="423"/>
        <source>Move not found</source>
        <translation>Umzug nicht gefunden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="424"/>
        <source>Fedimove has no record of this move.</source>
        <translation>Fedimove hat keine Aufzeichnung dieses Umzugs.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="431"/>
        <source>The backup is damaged</source>
        <translation>Die Sicherung ist beschädigt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="432"/>
        <source>The beginning of this backup is damaged, or it was not written by an age tool.</source>
        <translation>Der Anfang dieser Sicherung ist beschädigt, oder sie wurde nicht mit einem age-Werkzeug geschrieben.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="439"/>
        <source>Backup format not supported</source>
        <translation>Sicherungsformat wird nicht unterstützt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="440"/>
        <source>This file is not a backup this version of Fedimove can open.</source>
        <translation>Diese Datei ist keine Sicherung, die diese Version von Fedimove öffnen kann.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="447"/>
        <source>Wrong kind of file</source>
        <translation>Falsche Art von Datei</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="448"/>
        <source>This file holds another kind of list than the one asked for (for example blocks instead of follows).</source>
        <translation>Diese Datei enthält eine andere Art von Liste als die gewünschte (zum Beispiel Blockierungen statt gefolgter Konten).</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="455"/>
        <source>The file is incomplete</source>
        <translation>Die Datei ist unvollständig</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="456"/>
        <source>This file ends too early; it was probably not saved completely.</source>
        <translation>Diese Datei endet zu früh; sie wurde wahrscheinlich nicht vollständig gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="463"/>
        <source>Signed in to another account</source>
        <translation>Bei einem anderen Konto angemeldet</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="464"/>
        <source>The browser signed in to a different account than the one you typed. Sign out there, or type that account instead.</source>
        <translation>Im Browser wurde ein anderes Konto angemeldet als das, das du eingegeben hast. Melde dich dort ab oder gib stattdessen dieses Konto ein.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="471"/>
        <source>The server refused Fedimove</source>
        <translation>Der Server hat Fedimove abgewiesen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="472"/>
        <source>The server did not let Fedimove register as an app. It may allow only a few sign-ins per hour; try again later.</source>
        <translation>Der Server hat Fedimove nicht als App registrieren lassen. Vielleicht erlaubt er nur wenige Anmeldungen pro Stunde; versuche es später erneut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="479"/>
        <source>The old server refused the move</source>
        <translation>Der alte Server hat den Umzug abgelehnt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="480"/>
        <source>Your old server did not accept the move. Nothing was changed; check the reason shown and try again.</source>
        <translation>Dein alter Server hat den Umzug nicht angenommen. Nichts wurde verändert; prüfe den angezeigten Grund und versuche es erneut.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="487"/>
        <source>The move is not confirmed yet</source>
        <translation>Der Umzug ist noch nicht bestätigt</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="488"/>
        <source>The move was asked for, but your old account does not show it yet. Fedimove keeps checking.</source>
        <translation>Der Umzug wurde angefordert, aber dein altes Konto zeigt ihn noch nicht an. Fedimove prüft weiter.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="495"/>
        <source>The accounts are not linked yet</source>
        <translation>Die Konten sind noch nicht verknüpft</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="496"/>
        <source>Your new account does not show your old one as an alias yet. It can take a few minutes; Fedimove keeps checking.</source>
        <translation>Dein neues Konto zeigt dein altes noch nicht als Alias an. Das kann ein paar Minuten dauern; Fedimove prüft weiter.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="503"/>
        <source>The move cannot be sent again</source>
        <translation>Der Umzug kann nicht erneut gesendet werden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/errors.py" line="504"/>
        <source>Your old server cannot send the move again, or not yet.</source>
        <translation>Dein alter Server kann den Umzug nicht erneut senden, oder noch nicht.</translation>
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
        <source>Your new account approves followers</source>
        <translation>Dein neues Konto bestätigt Follower</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="33"/>
        <source>Their server ignores moves</source>
        <translation>Ihr Server ignoriert Umzüge</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="34"/>
        <source>Their server did not answer</source>
        <translation>Ihr Server hat nicht geantwortet</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="35"/>
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
        <location filename="../../app/fedimove/ui/labels.py" line="46"/>
        <source>Seen</source>
        <translation>Gesehen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/labels.py" line="47"/>
        <source>Inferred</source>
        <translation>Erschlossen</translation>
    </message>
</context>
<context>
    <name>FollowerTableModel</name>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_table.py" line="147"/>
        <source>Follower</source>
        <extracomment>Emitted after a batch changed any counter (see `stats`).</extracomment>
        <translation>Follower</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_table.py" line="148"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_table.py" line="151"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_table.py" line="154"/>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_table.py" line="149"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_table.py" line="150"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_table.py" line="153"/>
        <source>Evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/models/follower_table.py" line="152"/>
        <source>Arrived</source>
        <translation>Angekommen</translation>
    </message>
</context>
<context>
    <name>FollowersPage</name>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="179"/>
        <source>Your followers</source>
        <translation>Deine Follower</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="182"/>
        <source>Each follower&apos;s server moves them to your new account by itself. This table shows who has arrived, who is waiting for your approval, and who cannot move and why.</source>
        <translation>Der Server jedes Followers zieht ihn von selbst zu deinem neuen Konto um. Diese Tabelle zeigt, wer angekommen ist, wer auf deine Bestätigung wartet und wer nicht umziehen kann und warum.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="187"/>
        <source>Search by handle or name</source>
        <translation>Nach Adresse oder Name suchen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="188"/>
        <source>Search followers</source>
        <translation>Follower durchsuchen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="189"/>
        <source>Filter by server</source>
        <translation>Nach Server filtern</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="191"/>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="244"/>
        <source>All servers</source>
        <translation>Alle Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="192"/>
        <source>Show &amp;all</source>
        <translation>&amp;Alle zeigen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="193"/>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="194"/>
        <source>A&amp;pprove migrated followers</source>
        <translation>Umgezogene Follower &amp;bestätigen</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="196"/>
        <source>Accept the follow requests of people who followed your old account</source>
        <translation>Die Folgeanfragen der Personen annehmen, die deinem alten Konto gefolgt sind</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="198"/>
        <source>&amp;Export those who did not arrive…</source>
        <translation>Nicht Angekommene &amp;exportieren …</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="199"/>
        <source>&amp;Re-send the move</source>
        <translation>Umzug erneut &amp;senden</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="228"/>
        <source>No follower matches these filters.</source>
        <translation>Kein Follower passt zu diesen Filtern.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="230"/>
        <source>Your followers appear here once the move has been sent.</source>
        <translation>Deine Follower erscheinen hier, sobald der Umzug gesendet wurde.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="284"/>
        <source>Save the list of followers who did not arrive</source>
        <translation>Liste der nicht angekommenen Follower speichern</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/pages/followers.py" line="286"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>ServerBreakdownWidget</name>
    <message>
        <location filename="../../app/fedimove/ui/widgets/server_breakdown.py" line="38"/>
        <location filename="../../app/fedimove/ui/widgets/server_breakdown.py" line="71"/>
        <source>Followers by server</source>
        <extracomment>A server&apos;s bar was clicked (its name), to filter the table by it.</extracomment>
        <translation>Follower nach Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/server_breakdown.py" line="58"/>
        <source>Other servers</source>
        <translation>Andere Server</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/widgets/server_breakdown.py" line="86"/>
        <source>No followers yet.</source>
        <translation>Noch keine Follower.</translation>
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
        <location filename="../../app/fedimove/ui/wizard.py" line="25"/>
        <source>Move your Fediverse account</source>
        <translation>Zieh mit deinem Fediverse-Konto um</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="33"/>
        <source>Fedimove moves your account to a new server and brings your followers, follows, lists, bookmarks, blocks and mutes with it. It makes a backup first, shows you everything before it changes anything, and asks before the one step that cannot be undone.</source>
        <translation>Fedimove zieht dein Konto auf einen neuen Server um und nimmt deine Follower, gefolgten Konten, Listen, Lesezeichen, Blockierungen und Stummschaltungen mit. Es legt zuerst eine Sicherung an, zeigt dir alles, bevor es etwas ändert, und fragt vor dem einen Schritt, der sich nicht rückgängig machen lässt.</translation>
    </message>
</context>
<context>
    <name>WizardWindow</name>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="50"/>
        <source>Fedimove</source>
        <translation>Fedimove</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="55"/>
        <source>Practice mode: nothing here touches a real account.</source>
        <translation>Übungsmodus: Nichts hier berührt ein echtes Konto.</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="57"/>
        <source>Practice mode banner</source>
        <translation>Hinweis Übungsmodus</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="67"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location filename="../../app/fedimove/ui/wizard.py" line="69"/>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
</context>
</TS>
