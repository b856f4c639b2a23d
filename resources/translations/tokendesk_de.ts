<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountDelegate</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>e.g. Production Dynatrace</source>
        <translation>z. B. Dynatrace Produktion</translation>
    </message>
    <message>
        <source>Admin credential</source>
        <translation>Admin-Zugangsdaten</translation>
    </message>
    <message>
        <source>Stored only in your system keychain</source>
        <translation>Werden nur im Schlüsselbund Ihres Systems gespeichert</translation>
    </message>
    <message>
        <source>Show credential</source>
        <translation>Zugangsdaten anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the credential</source>
        <translation>Zugangsdaten anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>Optional: PEM file of a private certificate authority</source>
        <translation>Optional: PEM-Datei einer privaten Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Choose CA file…</source>
        <translation>CA-Datei auswählen…</translation>
    </message>
    <message>
        <source>Choose CA certificate</source>
        <translation>CA-Zertifikat auswählen</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Zertifikate (*.pem *.crt)</translation>
    </message>
    <message>
        <source>What TokenDesk can do with this provider</source>
        <translation>Was TokenDesk mit diesem Anbieter tun kann</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>Make one authenticated call with this credential, without saving anything</source>
        <translation>Einen authentifizierten Aufruf mit diesen Zugangsdaten ausführen, ohne etwas zu speichern</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>&amp;Credential:</source>
        <translation>&amp;Zugangsdaten:</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>Enter a name for the account.</source>
        <translation>Geben Sie einen Namen für das Konto ein.</translation>
    </message>
    <message>
        <source>Enter the provider&apos;s base URL, e.g. https://abc12345.live.dynatrace.com.</source>
        <translation>Geben Sie die Basis-URL des Anbieters ein, z. B. https://abc12345.live.dynatrace.com.</translation>
    </message>
    <message>
        <source>Use https:// — plain http:// is only allowed to this computer (localhost).</source>
        <translation>Verwenden Sie https:// – unverschlüsseltes http:// ist nur zu diesem Computer (localhost) erlaubt.</translation>
    </message>
    <message>
        <source>The base URL must start with https://.</source>
        <translation>Die Basis-URL muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>Enter the account&apos;s admin credential.</source>
        <translation>Geben Sie die Admin-Zugangsdaten des Kontos ein.</translation>
    </message>
    <message>
        <source>&lt;b&gt;TokenDesk can:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;TokenDesk kann:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>noch nichts</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet…</translation>
    </message>
    <message>
        <source>✔ %1</source>
        <translation>✔ %1</translation>
    </message>
    <message>
        <source>✘ Connection failed: %1</source>
        <translation>✘ Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Saving the credential to the system keychain…</source>
        <translation>Zugangsdaten werden im System-Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>The account was not added: %1</source>
        <translation>Das Konto wurde nicht hinzugefügt: %1</translation>
    </message>
</context>
<context>
    <name>AccountListModel</name>
    <message>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Authentifizierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Provider error</source>
        <translation>Anbieterfehler</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>Every account of the workspace</source>
        <translation>Alle Konten des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 unter %2</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due soon</source>
        <translation>
            <numerusform>%n bald fällig</numerusform>
            <numerusform>%n bald fällig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n überfällig</numerusform>
            <numerusform>%n überfällig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n Konto</numerusform>
            <numerusform>%n Konten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>request failed</source>
        <translation>Anfrage fehlgeschlagen</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>request %1</source>
        <translation>Anfrage %1</translation>
    </message>
    <message>
        <source>Unexpected answer from the provider: %1</source>
        <translation>Unerwartete Antwort des Anbieters: %1</translation>
    </message>
</context>
<context>
    <name>ApiRequest</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>No complete answer from %1 within the call&apos;s deadline of %2 s</source>
        <translation>Keine vollständige Antwort von %1 innerhalb der Frist des Aufrufs von %2 s</translation>
    </message>
    <message>
        <source>Refused to follow more than %1 redirects (the last one to %2)</source>
        <translation>Mehr als %1 Weiterleitungen werden nicht verfolgt (die letzte nach %2)</translation>
    </message>
    <message>
        <source>%1; it asks to be called again in %2 s, after this call&apos;s deadline</source>
        <translation>%1; der Server bittet um einen neuen Aufruf in %2 s, nach Ablauf der Frist dieses Aufrufs</translation>
    </message>
    <message>
        <source>No free connection to %1 within the call&apos;s deadline of %2 s</source>
        <translation>Keine freie Verbindung zu %1 innerhalb der Frist des Aufrufs von %2 s</translation>
    </message>
    <message>
        <source>No answer from %1 within the call&apos;s deadline of %2 s</source>
        <translation>Keine Antwort von %1 innerhalb der Frist des Aufrufs von %2 s</translation>
    </message>
</context>
<context>
    <name>AttemptOutcome</name>
    <message>
        <source>Secure connection to %1 failed: %2</source>
        <translation>Sichere Verbindung zu %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The connection to %1 closed after %2 of %3 bytes of the answer</source>
        <translation>Die Verbindung zu %1 wurde nach %2 von %3 Bytes der Antwort geschlossen</translation>
    </message>
    <message>
        <source>The server answered with an error status</source>
        <translation>Der Server antwortete mit einem Fehlerstatus</translation>
    </message>
    <message>
        <source>The server answered: %1</source>
        <translation>Der Server antwortete: %1</translation>
    </message>
    <message>
        <source>No data from %1 for %2 s</source>
        <translation>Seit %2 s keine Daten von %1</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <source>The connection to %1 closed before an answer came; the call was not sent again because it must not run twice</source>
        <translation>Die Verbindung zu %1 wurde vor der Antwort geschlossen; der Aufruf wurde nicht erneut gesendet, weil er nicht zweimal ausgeführt werden darf</translation>
    </message>
    <message>
        <source>Refused by TokenDesk: %1</source>
        <translation>Von TokenDesk abgelehnt: %1</translation>
    </message>
    <message>
        <source>Network error with %1: %2</source>
        <translation>Netzwerkfehler bei %1: %2</translation>
    </message>
</context>
<context>
    <name>AuditChain</name>
    <message>
        <source>The audit log cannot be read: %1</source>
        <translation>Das Prüfprotokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Audit row %1 is not the start of the log: rows before it were deleted.</source>
        <translation>Protokollzeile %1 ist nicht der Anfang des Protokolls: Zeilen davor wurden gelöscht.</translation>
    </message>
    <message>
        <source>Audit row %1 does not follow row %2: a row between them was deleted or inserted.</source>
        <translation>Protokollzeile %1 folgt nicht auf Zeile %2: Dazwischen wurde eine Zeile gelöscht oder eingefügt.</translation>
    </message>
    <message>
        <source>Audit row %1 was changed after it was written.</source>
        <translation>Protokollzeile %1 wurde nach dem Schreiben verändert.</translation>
    </message>
    <message>
        <source>Rows were deleted from the end of the audit log: %1 written, %2 left (the last intact row is %3).</source>
        <translation>Am Ende des Prüfprotokolls wurden Zeilen gelöscht: %1 geschrieben, %2 übrig (die letzte unversehrte Zeile ist %3).</translation>
    </message>
    <message>
        <source>The audit log&apos;s end does not match the workspace&apos;s record of it (after row %1).</source>
        <translation>Das Ende des Prüfprotokolls stimmt nicht mit dem im Arbeitsbereich vermerkten Ende überein (nach Zeile %1).</translation>
    </message>
</context>
<context>
    <name>AuditEvent</name>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>AuditLogWindow</name>
    <message>
        <source>&amp;Verify Again</source>
        <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
        <source>Audit Log — %1</source>
        <translation>Prüfprotokoll – %1</translation>
    </message>
    <message>
        <source>Hash chain status</source>
        <translation>Status der Hash-Kette</translation>
    </message>
    <message>
        <source>Verify the hash chain again</source>
        <translation>Hash-Kette erneut prüfen</translation>
    </message>
    <message>
        <source>Check every entry of the audit log against its hash again (F5)</source>
        <translation>Jeden Eintrag des Prüfprotokolls erneut mit seinem Hash abgleichen (F5)</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Ergebnis des Exports</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>Only events from a time on</source>
        <translation>Nur Ereignisse ab einem Zeitpunkt</translation>
    </message>
    <message>
        <source>Events from</source>
        <translation>Ereignisse ab</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>Only events up to a time</source>
        <translation>Nur Ereignisse bis zu einem Zeitpunkt</translation>
    </message>
    <message>
        <source>Events up to</source>
        <translation>Ereignisse bis</translation>
    </message>
    <message>
        <source>Unchecked: any time</source>
        <translation>Nicht aktiviert: jeder Zeitpunkt</translation>
    </message>
    <message>
        <source>Account filter</source>
        <translation>Kontofilter</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>Token filter</source>
        <translation>Token-Filter</translation>
    </message>
    <message>
        <source>Token name or id</source>
        <translation>Token-Name oder -ID</translation>
    </message>
    <message>
        <source>Find Token</source>
        <translation>Token suchen</translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Aktionsfilter</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Outcome filter</source>
        <translation>Ergebnisfilter</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Alle Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Export the events shown as CSV</source>
        <translation>Die angezeigten Ereignisse als CSV exportieren</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Als &amp;JSON exportieren…</translation>
    </message>
    <message>
        <source>Export the events shown as JSON</source>
        <translation>Die angezeigten Ereignisse als JSON exportieren</translation>
    </message>
    <message>
        <source>Write the events that pass the filters, oldest first, with their chain hashes</source>
        <translation>Die Ereignisse, die die Filter passieren, mit ihren Ketten-Hashes schreiben, die ältesten zuerst</translation>
    </message>
    <message>
        <source>Workspace (no account)</source>
        <translation>Arbeitsbereich (kein Konto)</translation>
    </message>
    <message>
        <source>Account #%1</source>
        <translation>Konto Nr. %1</translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1 (Nr. %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 von %n Ereignis</numerusform>
            <numerusform>%1 von %n Ereignissen</numerusform>
        </translation>
    </message>
    <message>
        <source>Export writes all events shown, oldest first:</source>
        <translation>Der Export schreibt alle angezeigten Ereignisse, die ältesten zuerst:</translation>
    </message>
    <message>
        <source>Export writes only the filtered events shown, oldest first:</source>
        <translation>Der Export schreibt nur die gefilterten, angezeigten Ereignisse, die ältesten zuerst:</translation>
    </message>
    <message>
        <source>Verifying the hash chain…</source>
        <translation>Hash-Kette wird geprüft…</translation>
    </message>
    <message numerus="yes">
        <source>Hash chain verified: %n entries intact</source>
        <translation>
            <numerusform>Hash-Kette geprüft: %n Eintrag unversehrt</numerusform>
            <numerusform>Hash-Kette geprüft: %n Einträge unversehrt</numerusform>
        </translation>
    </message>
    <message>
        <source>Hash chain BROKEN at entry #%1: %2</source>
        <translation>Hash-Kette GEBROCHEN bei Eintrag Nr. %1: %2</translation>
    </message>
    <message>
        <source>Hash chain BROKEN: %1</source>
        <translation>Hash-Kette GEBROCHEN: %1</translation>
    </message>
    <message>
        <source>Every entry matches its hash and the workspace&apos;s record of the end.</source>
        <translation>Jeder Eintrag passt zu seinem Hash und zum im Arbeitsbereich vermerkten Ende.</translation>
    </message>
    <message>
        <source>The audit log was changed outside TokenDesk. Keep a copy of the workspace file and compare it with an earlier export.</source>
        <translation>Das Prüfprotokoll wurde außerhalb von TokenDesk verändert. Bewahren Sie eine Kopie der Arbeitsbereichsdatei auf und vergleichen Sie sie mit einem früheren Export.</translation>
    </message>
    <message>
        <source>Export Audit Log as CSV</source>
        <translation>Prüfprotokoll als CSV exportieren</translation>
    </message>
    <message>
        <source>Export Audit Log as JSON</source>
        <translation>Prüfprotokoll als JSON exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Could not export to %1: %2. Nothing was written.</source>
        <translation>Export nach %1 nicht möglich: %2. Es wurde nichts geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation>
            <numerusform>%n Ereignis nach %1 exportiert.</numerusform>
            <numerusform>%n Ereignisse nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>TokenDesk command line.

Commands:
  list        list the workspace&apos;s tokens
  accounts    list the workspace&apos;s provider accounts
  rotate TOKEN... | --due    rotate tokens (name, id or provider id), or every automatic
                             token whose rotation is overdue
  resume                     finish or undo rotations an earlier run left unfinished,
                             and revoke old versions whose grace period has ended
  revoke --emergency TOKEN... | --account NAME | --all
                             revoke current and grace versions now, in parallel
  plan rotate|revoke TOKEN... | --account NAME | --all
                             the dry run: every step and HTTP call, nothing changes
  audit verify               check the audit log&apos;s hash chain; exit 1 if it is broken
  audit export [--format csv|json] [--output FILE]
                             write the audit log (standard output by default)

Exit codes: 0 success, 1 failure, 2 usage error, 3 workspace unavailable (missing, locked or from a newer TokenDesk).</source>
        <translation>TokenDesk-Befehlszeile.

Befehle:
  list        die Tokens des Arbeitsbereichs auflisten
  accounts    die Anbieterkonten des Arbeitsbereichs auflisten
  rotate TOKEN... | --due    Tokens rotieren (Name, ID oder Anbieter-ID) oder jedes automatische
                             Token, dessen Rotation überfällig ist
  resume                     Rotationen abschließen oder rückgängig machen, die ein früherer Lauf
                             nicht beendet hat, und alte Versionen widerrufen, deren
                             Übergangsfrist abgelaufen ist
  revoke --emergency TOKEN... | --account NAME | --all
                             aktuelle Versionen und Versionen in der Übergangsfrist sofort
                             und parallel widerrufen
  plan rotate|revoke TOKEN... | --account NAME | --all
                             der Probelauf: jeder Schritt und HTTP-Aufruf, nichts wird geändert
  audit verify               die Hash-Kette des Prüfprotokolls prüfen; Exit-Code 1, wenn sie
                             gebrochen ist
  audit export [--format csv|json] [--output FILE]
                             das Prüfprotokoll schreiben (standardmäßig auf die Standardausgabe)

Exit-Codes: 0 Erfolg, 1 Fehler, 2 Aufruffehler, 3 Arbeitsbereich nicht verfügbar (fehlt, gesperrt oder von einem neueren TokenDesk).</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Export format: csv (default) or json.</source>
        <translation>Exportformat: csv (Standard) oder json.</translation>
    </message>
    <message>
        <source>Write the export to FILE instead of standard output.</source>
        <translation>Den Export in FILE statt auf die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>rotate: every automatic token that is overdue.</source>
        <translation>rotate: jedes automatische Token, das überfällig ist.</translation>
    </message>
    <message>
        <source>revoke: confirm an emergency revocation (no grace period).</source>
        <translation>revoke: einen Notfall-Widerruf bestätigen (ohne Übergangsfrist).</translation>
    </message>
    <message>
        <source>revoke/plan: every token of the account NAME.</source>
        <translation>revoke/plan: jedes Token des Kontos NAME.</translation>
    </message>
    <message>
        <source>revoke/plan: every token of the workspace.</source>
        <translation>revoke/plan: jedes Token des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>list | accounts | audit verify | audit export</source>
        <translation>list | accounts | audit verify | audit export</translation>
    </message>
    <message>
        <source>No command given. Try --help.</source>
        <translation>Kein Befehl angegeben. Versuchen Sie --help.</translation>
    </message>
    <message>
        <source>Give “rotate” either token names or --due.</source>
        <translation>Geben Sie bei „rotate“ entweder Token-Namen oder --due an.</translation>
    </message>
    <message>
        <source>“revoke” acts at once, without grace periods: add --emergency to confirm.</source>
        <translation>„revoke“ wirkt sofort, ohne Übergangsfristen: Fügen Sie zur Bestätigung --emergency hinzu.</translation>
    </message>
    <message>
        <source>Unknown command “%1”. Try --help.</source>
        <translation>Unbekannter Befehl „%1“. Versuchen Sie --help.</translation>
    </message>
    <message>
        <source>The workspace %1 has no tokens yet.</source>
        <translation>Der Arbeitsbereich %1 hat noch keine Tokens.</translation>
    </message>
    <message>
        <source>Listing accounts reads no secret.</source>
        <translation>Das Auflisten der Konten liest kein Secret.</translation>
    </message>
    <message>
        <source>can: %1</source>
        <translation>kann: %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>limit: %1</source>
        <translation>Einschränkung: %1</translation>
    </message>
    <message>
        <source>Use “audit verify” or “audit export”.</source>
        <translation>Verwenden Sie „audit verify“ oder „audit export“.</translation>
    </message>
    <message>
        <source>Unknown export format “%1”: use csv or json.</source>
        <translation>Unbekanntes Exportformat „%1“: Verwenden Sie csv oder json.</translation>
    </message>
    <message numerus="yes">
        <source>Audit log intact: %n row(s) verified.</source>
        <translation>
            <numerusform>Prüfprotokoll unversehrt: %n Zeile geprüft.</numerusform>
            <numerusform>Prüfprotokoll unversehrt: %n Zeilen geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit log BROKEN: %1</source>
        <translation>Prüfprotokoll GEBROCHEN: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Name the tokens to revoke, or give --account NAME or --all (one of them).</source>
        <translation>Nennen Sie die zu widerrufenden Tokens oder geben Sie --account NAME oder --all an (nur eines davon).</translation>
    </message>
    <message>
        <source>Use “plan rotate|revoke TOKEN...”, or --account NAME or --all instead of tokens.</source>
        <translation>Verwenden Sie „plan rotate|revoke TOKEN...“ oder statt Tokens --account NAME oder --all.</translation>
    </message>
    <message>
        <source>A dry run reads no secret.</source>
        <translation>Ein Probelauf liest kein Secret.</translation>
    </message>
</context>
<context>
    <name>CommandLineOptions</name>
    <message>
        <source>Open the workspace file PATH instead of the default.</source>
        <translation>Die Arbeitsbereichsdatei PATH statt der Standarddatei öffnen.</translation>
    </message>
</context>
<context>
    <name>ConnectionCheck</name>
    <message>
        <source>Connected to %1 at %2 in %3 ms.</source>
        <translation>Verbunden mit %1 unter %2 in %3 ms.</translation>
    </message>
    <message>
        <source>The credential is “%1”.</source>
        <translation>Verwendete Zugangsdaten: „%1“.</translation>
    </message>
    <message>
        <source>Scopes: %1.</source>
        <translation>Berechtigungen: %1.</translation>
    </message>
    <message>
        <source>TokenDesk cannot test %1 accounts.</source>
        <translation>TokenDesk kann %1-Konten nicht testen.</translation>
    </message>
</context>
<context>
    <name>DemoWorkspace</name>
    <message>
        <source>Pangea Vault (sandbox)</source>
        <translation>Pangea Vault (Sandbox)</translation>
    </message>
    <message>
        <source>Dynatrace (sandbox)</source>
        <translation>Dynatrace (Sandbox)</translation>
    </message>
    <message>
        <source>Piiano customers (sandbox)</source>
        <translation>Piiano-Kunden (Sandbox)</translation>
    </message>
    <message>
        <source>Glean indexing (sandbox)</source>
        <translation>Glean-Indexierung (Sandbox)</translation>
    </message>
    <message>
        <source>HashiCorp Vault (sandbox)</source>
        <translation>HashiCorp Vault (Sandbox)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The sandbox did not announce %1.</source>
        <translation>Die Sandbox hat %1 nicht angekündigt.</translation>
    </message>
</context>
<context>
    <name>DurationField</name>
    <message>
        <source>A number and a unit (30 days, 6 months, 1year, 44h) or ISO 8601 (P30D, PT5H)</source>
        <translation>Eine Zahl und eine englische Einheit (30 days, 6 months, 1year, 44h) oder ISO 8601 (P30D, PT5H)</translation>
    </message>
    <message>
        <source>(various)</source>
        <translation>(verschieden)</translation>
    </message>
</context>
<context>
    <name>DynatraceParser</name>
    <message>
        <source>repeats an id listed before</source>
        <translation>wiederholt eine bereits aufgeführte ID</translation>
    </message>
    <message>
        <source>Dynatrace rejected the request as invalid</source>
        <translation>Dynatrace hat die Anfrage als ungültig abgelehnt</translation>
    </message>
    <message>
        <source>The Dynatrace token is missing, invalid or expired</source>
        <translation>Das Dynatrace-Token fehlt, ist ungültig oder abgelaufen</translation>
    </message>
    <message>
        <source>The Dynatrace token lacks the scope this call needs (apiTokens.read or apiTokens.write)</source>
        <translation>Dem Dynatrace-Token fehlt die Berechtigung, die dieser Aufruf braucht (apiTokens.read oder apiTokens.write)</translation>
    </message>
    <message>
        <source>Dynatrace knows no token with this id or secret</source>
        <translation>Dynatrace kennt kein Token mit dieser ID oder diesem Secret</translation>
    </message>
    <message>
        <source>Dynatrace is rate-limiting requests; try again later</source>
        <translation>Dynatrace begrenzt die Anfragerate; versuchen Sie es später erneut</translation>
    </message>
    <message>
        <source>Dynatrace had a server error (HTTP %1)</source>
        <translation>Bei Dynatrace ist ein Serverfehler aufgetreten (HTTP %1)</translation>
    </message>
    <message>
        <source>Dynatrace answered with unexpected HTTP status %1</source>
        <translation>Dynatrace antwortete mit dem unerwarteten HTTP-Status %1</translation>
    </message>
</context>
<context>
    <name>DynatraceProvider</name>
    <message>
        <source>Dynatrace has no rotate call: TokenDesk creates a replacement with the same name and scopes, stores and verifies it, then disables the old token and deletes it later.</source>
        <translation>Dynatrace hat keinen Aufruf zum Rotieren: TokenDesk erstellt einen Ersatz mit demselben Namen und denselben Berechtigungen, speichert und überprüft ihn, deaktiviert dann das alte Token und löscht es später.</translation>
    </message>
    <message>
        <source>A token cannot disable or delete itself: the account&apos;s management token must not be one of the tokens it rotates.</source>
        <translation>Ein Token kann sich nicht selbst deaktivieren oder löschen: Das Verwaltungs-Token des Kontos darf keines der Tokens sein, die es rotiert.</translation>
    </message>
    <message>
        <source>Dynatrace does not let a token %1 itself, and %2 is this account&apos;s management token. Use a separate management token for the account.</source>
        <translation>Dynatrace erlaubt einem Token nicht, sich selbst zu %1, und %2 ist das Verwaltungs-Token dieses Kontos. Verwenden Sie für das Konto ein eigenes Verwaltungs-Token.</translation>
    </message>
    <message>
        <source>A Dynatrace replacement needs the old token&apos;s name and scopes; refresh the account first.</source>
        <translation>Ein Dynatrace-Ersatz braucht den Namen und die Berechtigungen des alten Tokens; aktualisieren Sie zuerst das Konto.</translation>
    </message>
    <message>
        <source>The token %1 is disabled.</source>
        <translation>Das Token %1 ist deaktiviert.</translation>
    </message>
    <message>
        <source>the secret belongs to token %1, not %2</source>
        <translation>das Secret gehört zu Token %1, nicht zu %2</translation>
    </message>
    <message>
        <source>disable</source>
        <translation>deaktivieren</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
</context>
<context>
    <name>EmergencyRevocation</name>
    <message>
        <source>Glean has no revoke call: revoke the token in the Glean admin console.</source>
        <translation>Glean hat keinen Aufruf zum Widerrufen: Widerrufen Sie das Token in der Glean-Verwaltungskonsole.</translation>
    </message>
    <message>
        <source>Piiano ids cannot be revoked: rotate them to retire the old ids at once.</source>
        <translation>Piiano-IDs können nicht widerrufen werden: Rotieren Sie sie, um die alten IDs sofort außer Kraft zu setzen.</translation>
    </message>
    <message>
        <source>Already revoked: no version works any more.</source>
        <translation>Bereits widerrufen: Keine Version funktioniert mehr.</translation>
    </message>
    <message>
        <source>The token is no longer in the workspace.</source>
        <translation>Das Token ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The account&apos;s credential could not be read: %1</source>
        <translation>Die Zugangsdaten des Kontos konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>v%1: %2</source>
        <translation>v%1: %2</translation>
    </message>
</context>
<context>
    <name>EmptyStateWidget</name>
    <message>
        <source>Add Account…</source>
        <translation>Konto hinzufügen…</translation>
    </message>
    <message>
        <source>Add a provider account</source>
        <translation>Ein Anbieterkonto hinzufügen</translation>
    </message>
    <message>
        <source>No tokens yet</source>
        <translation>Noch keine Tokens</translation>
    </message>
    <message>
        <source>Add the account of a provider (Pangea Vault, Glean, Dynatrace, Piiano Vault) with its admin credential. TokenDesk keeps the credential in your system keychain and lists the account&apos;s tokens here, with their versions and rotation policies.</source>
        <translation>Fügen Sie das Konto eines Anbieters (Pangea Vault, Glean, Dynatrace, Piiano Vault) mit seinen Admin-Zugangsdaten hinzu. TokenDesk bewahrt die Zugangsdaten im Schlüsselbund Ihres Systems auf und listet hier die Tokens des Kontos mit ihren Versionen und Rotationsrichtlinien auf.</translation>
    </message>
    <message>
        <source>No tokens in this workspace</source>
        <translation>Keine Tokens in diesem Arbeitsbereich</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) are set up, but none of their tokens are known yet. Add another account, or refresh an account to read its tokens.</source>
        <translation>
            <numerusform>%n Konto ist eingerichtet, aber noch keines seiner Tokens ist bekannt. Fügen Sie ein weiteres Konto hinzu oder aktualisieren Sie ein Konto, um seine Tokens zu lesen.</numerusform>
            <numerusform>%n Konten sind eingerichtet, aber noch keines ihrer Tokens ist bekannt. Fügen Sie ein weiteres Konto hinzu oder aktualisieren Sie ein Konto, um seine Tokens zu lesen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GleanParser</name>
    <message>
        <source>Glean rejected the rotate request as invalid (bad request)</source>
        <translation>Glean hat die Rotationsanfrage als ungültig abgelehnt (Bad Request)</translation>
    </message>
    <message>
        <source>The Glean token is not valid, or was already rotated or has expired</source>
        <translation>Das Glean-Token ist ungültig, wurde bereits rotiert oder ist abgelaufen</translation>
    </message>
    <message>
        <source>The source IP address is not in the Glean token&apos;s allow-list</source>
        <translation>Die Quell-IP-Adresse steht nicht auf der Zulassungsliste des Glean-Tokens</translation>
    </message>
    <message>
        <source>Glean has no rotate endpoint at this address; check the instance URL</source>
        <translation>Glean hat unter dieser Adresse keinen Endpunkt zum Rotieren; prüfen Sie die Instanz-URL</translation>
    </message>
    <message>
        <source>Glean is rate-limiting requests; try again later</source>
        <translation>Glean begrenzt die Anfragerate; versuchen Sie es später erneut</translation>
    </message>
    <message>
        <source>Glean had a server error (HTTP %1); try again later</source>
        <translation>Bei Glean ist ein Serverfehler aufgetreten (HTTP %1); versuchen Sie es später erneut</translation>
    </message>
    <message>
        <source>Glean answered with unexpected HTTP status %1</source>
        <translation>Glean antwortete mit dem unerwarteten HTTP-Status %1</translation>
    </message>
</context>
<context>
    <name>GleanProvider</name>
    <message>
        <source>Glean has no revoke call: an old secret stays valid for its 10-minute buffer.</source>
        <translation>Glean hat keinen Aufruf zum Widerrufen: Ein altes Secret bleibt für seinen Puffer von 10 Minuten gültig.</translation>
    </message>
    <message>
        <source>Glean has no call that lists tokens: add each token with its secret.</source>
        <translation>Glean hat keinen Aufruf, der Tokens auflistet: Fügen Sie jedes Token mit seinem Secret hinzu.</translation>
    </message>
    <message>
        <source>The rotation period is fixed when the token is created in the Glean admin console.</source>
        <translation>Der Rotationszeitraum wird beim Erstellen des Tokens in der Glean-Verwaltungskonsole festgelegt.</translation>
    </message>
    <message>
        <source>A Glean token rotates only itself: TokenDesk needs each token&apos;s current secret, not an admin credential, to rotate it.</source>
        <translation>Ein Glean-Token rotiert nur sich selbst: TokenDesk braucht zum Rotieren das aktuelle Secret jedes Tokens, keine Admin-Zugangsdaten.</translation>
    </message>
    <message>
        <source>There is no secret to check.</source>
        <translation>Es gibt kein Secret zum Prüfen.</translation>
    </message>
    <message>
        <source>Glean has no indexing API at this address; check the instance URL</source>
        <translation>Glean hat unter dieser Adresse keine Indexierungs-API; prüfen Sie die Instanz-URL</translation>
    </message>
    <message>
        <source>A Glean token can only be rotated with its own current secret, and TokenDesk has none for %1.</source>
        <translation>Ein Glean-Token kann nur mit seinem eigenen aktuellen Secret rotiert werden, und TokenDesk hat keines für %1.</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>the answer is %1 bytes, more than the %2 MiB TokenDesk accepts</source>
        <translation>die Antwort ist %1 Bytes groß, mehr als die %2 MiB, die TokenDesk annimmt</translation>
    </message>
    <message>
        <source>the answer is empty</source>
        <translation>die Antwort ist leer</translation>
    </message>
    <message>
        <source>the answer is not valid JSON (%1 at byte %2)</source>
        <translation>die Antwort ist kein gültiges JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <source>the answer should be a JSON object, not an array</source>
        <translation>die Antwort sollte ein JSON-Objekt sein, kein Array</translation>
    </message>
    <message>
        <source>the answer should be a JSON array, not an object</source>
        <translation>die Antwort sollte ein JSON-Array sein, kein Objekt</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>should be %1, not %2</source>
        <translation>sollte %1 sein, ist aber %2</translation>
    </message>
    <message>
        <source>is null</source>
        <translation>ist null</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>is out of range (%1 to %2)</source>
        <translation>liegt außerhalb des Bereichs (%1 bis %2)</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>is not an ISO 8601 date and time</source>
        <translation>ist kein Datum mit Uhrzeit nach ISO 8601</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>Secret Service (GNOME Keyring or KWallet)</source>
        <translation>Secret Service (GNOME Keyring oder KWallet)</translation>
    </message>
    <message>
        <source>No keychain key was given. This is a bug in TokenDesk.</source>
        <translation>Es wurde kein Schlüssel für den Schlüsselbund angegeben. Das ist ein Fehler in TokenDesk.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TokenDesk — %1</source>
        <translation>TokenDesk – %1</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read every account&apos;s tokens from its provider again (F5)</source>
        <translation>Die Tokens aller Konten erneut von ihren Anbietern lesen (F5)</translation>
    </message>
    <message>
        <source>Edit &amp;Policy…</source>
        <translation>Richtlinie &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the rotation policy of the selected tokens (Ctrl+E)</source>
        <translation>Die Rotationsrichtlinie der ausgewählten Tokens bearbeiten (Strg+E)</translation>
    </message>
    <message>
        <source>Audit &amp;Log</source>
        <translation>&amp;Prüfprotokoll</translation>
    </message>
    <message>
        <source>Every rotation and revocation step, with its hash chain (Ctrl+L)</source>
        <translation>Jeder Schritt jeder Rotation und jedes Widerrufs, mit seiner Hash-Kette (Strg+L)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n token(s)</source>
        <translation>
            <numerusform>%1 von %n Token</numerusform>
            <numerusform>%1 von %n Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Policy saved for %n token(s).</source>
        <translation>
            <numerusform>Richtlinie für %n Token gespeichert.</numerusform>
            <numerusform>Richtlinie für %n Tokens gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: the audit log&apos;s hash chain is broken; see the Audit Log window.</source>
        <translation>Warnung: Die Hash-Kette des Prüfprotokolls ist gebrochen; siehe Fenster „Prüfprotokoll“.</translation>
    </message>
    <message>
        <source>Loading tokens…</source>
        <translation>Tokens werden geladen…</translation>
    </message>
    <message>
        <source>Reading the workspace in the background failed (%1); it was read directly.</source>
        <translation>Das Lesen des Arbeitsbereichs im Hintergrund ist fehlgeschlagen (%1); er wurde direkt gelesen.</translation>
    </message>
</context>
<context>
    <name>MainWindowChrome</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About TokenDesk</source>
        <translation>&amp;Über TokenDesk</translation>
    </message>
    <message>
        <source>About TokenDesk</source>
        <translation>Über TokenDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;TokenDesk %1&lt;/b&gt;&lt;p&gt;Browse, rotate and revoke the API tokens of your services. Secrets stay in your system keychain.&lt;/p&gt;</source>
        <translation>&lt;b&gt;TokenDesk %1&lt;/b&gt;&lt;p&gt;Die API-Tokens Ihrer Dienste durchsuchen, rotieren und widerrufen. Secrets bleiben im Schlüsselbund Ihres Systems.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
</context>
<context>
    <name>OriginPolicy</name>
    <message>
        <source>Refused to send to %1: not a valid http(s) URL</source>
        <translation>Senden an %1 abgelehnt: keine gültige http(s)-URL</translation>
    </message>
    <message>
        <source>Refused to send to %1: the URL contains a user name or password</source>
        <translation>Senden an %1 abgelehnt: Die URL enthält einen Benutzernamen oder ein Passwort</translation>
    </message>
    <message>
        <source>Refused to send to %1: plain http is only allowed to this computer (localhost); use https</source>
        <translation>Senden an %1 abgelehnt: Unverschlüsseltes http ist nur zu diesem Computer (localhost) erlaubt; verwenden Sie https</translation>
    </message>
    <message>
        <source>Refused to send to %1: only https URLs are supported</source>
        <translation>Senden an %1 abgelehnt: Nur https-URLs werden unterstützt</translation>
    </message>
    <message>
        <source>Refused to follow the redirect to %1: it drops from https to an unencrypted connection</source>
        <translation>Weiterleitung nach %1 abgelehnt: Sie wechselt von https zu einer unverschlüsselten Verbindung</translation>
    </message>
    <message>
        <source>Refused to follow the redirect to %1: it leaves %2, and the credential must not go to another server. Check the account&apos;s base URL.</source>
        <translation>Weiterleitung nach %1 abgelehnt: Sie verlässt %2, und die Zugangsdaten dürfen nicht an einen anderen Server gehen. Prüfen Sie die Basis-URL des Kontos.</translation>
    </message>
    <message>
        <source>Refused to follow the redirect of a %1 call to %2: the call must not be sent twice. Check the account&apos;s base URL.</source>
        <translation>Weiterleitung eines %1-Aufrufs nach %2 abgelehnt: Der Aufruf darf nicht zweimal gesendet werden. Prüfen Sie die Basis-URL des Kontos.</translation>
    </message>
    <message>
        <source>Refused to follow the HTTP %1 redirect of a %2 call to %3: it asks for a GET without the call&apos;s body. Check the account&apos;s base URL.</source>
        <translation>HTTP-%1-Weiterleitung eines %2-Aufrufs nach %3 abgelehnt: Sie verlangt ein GET ohne den Inhalt des Aufrufs. Prüfen Sie die Basis-URL des Kontos.</translation>
    </message>
</context>
<context>
    <name>PangeaLegacyParser</name>
    <message>
        <source>is not a Pangea duration: %1</source>
        <translation>ist keine Pangea-Dauer: %1</translation>
    </message>
    <message>
        <source>is %1, not a Pangea version state</source>
        <translation>ist %1, kein Pangea-Versionsstatus</translation>
    </message>
    <message>
        <source>repeats version %1</source>
        <translation>wiederholt Version %1</translation>
    </message>
    <message>
        <source>is %1, not a Pangea API token</source>
        <translation>ist %1, kein Pangea-API-Token</translation>
    </message>
</context>
<context>
    <name>PangeaParser</name>
    <message>
        <source>is not a Pangea duration: %1</source>
        <translation>ist keine Pangea-Dauer: %1</translation>
    </message>
    <message>
        <source>repeats version %1</source>
        <translation>wiederholt Version %1</translation>
    </message>
    <message>
        <source>is %1, not a Pangea version state</source>
        <translation>ist %1, kein Pangea-Versionsstatus</translation>
    </message>
    <message>
        <source>is %1, not a Pangea API token</source>
        <translation>ist %1, kein Pangea-API-Token</translation>
    </message>
    <message>
        <source>status “Success” came with HTTP %1</source>
        <translation>Status „Success“ kam mit HTTP %1</translation>
    </message>
    <message>
        <source>Pangea answered HTTP %1 without its error envelope</source>
        <translation>Pangea antwortete mit HTTP %1 ohne seine Fehlerhülle</translation>
    </message>
    <message>
        <source>repeats an id listed before</source>
        <translation>wiederholt eine bereits aufgeführte ID</translation>
    </message>
    <message>
        <source>has no active version</source>
        <translation>hat keine aktive Version</translation>
    </message>
</context>
<context>
    <name>PangeaProvider</name>
    <message>
        <source>Pangea answered “Accepted” where a result was due</source>
        <translation>Pangea antwortete mit „Accepted“, wo ein Ergebnis fällig war</translation>
    </message>
    <message>
        <source>Pangea rotates tokens on its own schedule: TokenDesk pushes the rotation policy (frequency, grace period, old versions deactivated) and tracks the versions Pangea reports.</source>
        <translation>Pangea rotiert Tokens nach eigenem Zeitplan: TokenDesk überträgt die Rotationsrichtlinie (Häufigkeit, Übergangsfrist, Deaktivierung alter Versionen) und verfolgt die Versionen, die Pangea meldet.</translation>
    </message>
    <message>
        <source>Revoking deactivates one named version of a Pangea item; a version Pangea has already destroyed but still accepts during its grace period is destroyed at once instead.</source>
        <translation>Widerrufen deaktiviert eine benannte Version eines Pangea-Elements; eine Version, die Pangea bereits vernichtet hat, aber während ihrer Übergangsfrist noch annimmt, wird stattdessen sofort vernichtet.</translation>
    </message>
    <message>
        <source>Checking a new Pangea token reads its own item from Vault with it, so the token needs Vault access.</source>
        <translation>Zum Prüfen liest ein neues Pangea-Token damit sein eigenes Element aus Vault, daher braucht das Token Zugriff auf Vault.</translation>
    </message>
    <message>
        <source>Pangea items are created and deleted in the Pangea console, not by TokenDesk.</source>
        <translation>Pangea-Elemente werden in der Pangea-Konsole erstellt und gelöscht, nicht von TokenDesk.</translation>
    </message>
    <message>
        <source>Pangea accepted a request without giving its request_id</source>
        <translation>Pangea hat eine Anfrage angenommen, ohne ihre request_id anzugeben</translation>
    </message>
    <message numerus="yes">
        <source>Pangea accepted the request but had not finished it after %n poll(s); its outcome can be read at /request/%1. Refresh the item before trying again.</source>
        <translation>
            <numerusform>Pangea hat die Anfrage angenommen, sie aber nach %n Abfrage nicht abgeschlossen; ihr Ergebnis kann unter /request/%1 gelesen werden. Aktualisieren Sie das Element, bevor Sie es erneut versuchen.</numerusform>
            <numerusform>Pangea hat die Anfrage angenommen, sie aber nach %n Abfragen nicht abgeschlossen; ihr Ergebnis kann unter /request/%1 gelesen werden. Aktualisieren Sie das Element, bevor Sie es erneut versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pangea no longer keeps the result of request %1.</source>
        <translation>Pangea bewahrt das Ergebnis der Anfrage %1 nicht mehr auf.</translation>
    </message>
    <message>
        <source>Pangea&apos;s list cursor did not move</source>
        <translation>Der Listen-Cursor von Pangea hat sich nicht bewegt</translation>
    </message>
    <message>
        <source>A Pangea rotation needs the item id (pvi_…) of the token.</source>
        <translation>Eine Pangea-Rotation braucht die Element-ID (pvi_…) des Tokens.</translation>
    </message>
    <message>
        <source>There is no secret to check.</source>
        <translation>Es gibt kein Secret zum Prüfen.</translation>
    </message>
    <message>
        <source>the secret is not the current token of item %1</source>
        <translation>das Secret ist nicht das aktuelle Token des Elements %1</translation>
    </message>
    <message>
        <source>Pangea revokes one version of an item: name the version to deactivate (the current one is never implied).</source>
        <translation>Pangea widerruft eine Version eines Elements: Nennen Sie die zu deaktivierende Version (die aktuelle ist nie implizit gemeint).</translation>
    </message>
    <message>
        <source>Pangea&apos;s answer does not have version %1 of %2</source>
        <translation>Die Antwort von Pangea enthält Version %1 von %2 nicht</translation>
    </message>
</context>
<context>
    <name>PiianoParser</name>
    <message>
        <source>is missing: the answer does not map this requested token id</source>
        <translation>fehlt: Die Antwort ordnet dieser angefragten Token-ID nichts zu</translation>
    </message>
    <message>
        <source>should be a string, not %1</source>
        <translation>sollte eine Zeichenkette sein, ist aber %1</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>maps to a new id already given to another token</source>
        <translation>verweist auf eine neue ID, die schon ein anderes Token hat</translation>
    </message>
    <message>
        <source>repeats a token id listed before</source>
        <translation>wiederholt eine bereits aufgeführte Token-ID</translation>
    </message>
    <message>
        <source>Piiano Vault had a server error (HTTP %1)</source>
        <translation>Bei Piiano Vault ist ein Serverfehler aufgetreten (HTTP %1)</translation>
    </message>
    <message>
        <source>Piiano Vault answered HTTP %1 without an error code</source>
        <translation>Piiano Vault antwortete mit HTTP %1 ohne Fehlercode</translation>
    </message>
    <message>
        <source>Piiano Vault reported an error</source>
        <translation>Piiano Vault hat einen Fehler gemeldet</translation>
    </message>
</context>
<context>
    <name>PiianoProvider</name>
    <message>
        <source>The Piiano Vault base URL names no collection: add ?collection=&lt;name&gt; to it.</source>
        <translation>Die Basis-URL von Piiano Vault nennt keine Collection: Ergänzen Sie ?collection=&lt;name&gt;.</translation>
    </message>
    <message>
        <source>“%1” is not a Piiano collection name: it must start with a letter and have at most %2 letters, digits and underscores.</source>
        <translation>„%1“ ist kein Piiano-Collection-Name: Er muss mit einem Buchstaben beginnen und darf höchstens %2 Buchstaben, Ziffern und Unterstriche haben.</translation>
    </message>
    <message>
        <source>Piiano rotation issues new ids for the same data and the old ids stop working at once: every application that stores them must switch to the new ids TokenDesk reports.</source>
        <translation>Eine Piiano-Rotation vergibt neue IDs für dieselben Daten, und die alten IDs funktionieren sofort nicht mehr: Jede Anwendung, die sie speichert, muss auf die neuen IDs umstellen, die TokenDesk meldet.</translation>
    </message>
    <message>
        <source>One rotation is all or nothing: if Piiano does not know one of the ids, it rotates none of them.</source>
        <translation>Eine Rotation gilt ganz oder gar nicht: Kennt Piiano eine der IDs nicht, rotiert es keine davon.</translation>
    </message>
    <message>
        <source>TokenDesk neither revokes nor deletes Piiano tokens: rotation already retires the old ids, and deleting a data token would cut applications off from the data it stands for.</source>
        <translation>TokenDesk widerruft und löscht keine Piiano-Tokens: Die Rotation setzt die alten IDs bereits außer Kraft, und das Löschen eines Daten-Tokens würde Anwendungen von den Daten abschneiden, für die es steht.</translation>
    </message>
    <message>
        <source>Piiano cannot list a whole collection: name the tags of the tokens to manage in the base URL (…&amp;tag=&lt;tag&gt;) to list them.</source>
        <translation>Piiano kann keine ganze Collection auflisten: Nennen Sie die Tags der zu verwaltenden Tokens in der Basis-URL (…&amp;tag=&lt;tag&gt;), um sie aufzulisten.</translation>
    </message>
    <message>
        <source>Piiano cannot list a whole collection: name the tags of the tokens to manage in the base URL (…&amp;tag=&lt;tag&gt;).</source>
        <translation>Piiano kann keine ganze Collection auflisten: Nennen Sie die Tags der zu verwaltenden Tokens in der Basis-URL (…&amp;tag=&lt;tag&gt;).</translation>
    </message>
    <message>
        <source>“%1” is not a Piiano token id TokenDesk can rotate.</source>
        <translation>„%1“ ist keine Piiano-Token-ID, die TokenDesk rotieren kann.</translation>
    </message>
    <message>
        <source>%1 token ids are too many for one Piiano rotation (at most %2); rotate them in batches.</source>
        <translation>%1 Token-IDs sind zu viele für eine Piiano-Rotation (höchstens %2); rotieren Sie sie in Teilmengen.</translation>
    </message>
    <message>
        <source>Piiano rotated none of the requested tokens.</source>
        <translation>Piiano hat keines der angefragten Tokens rotiert.</translation>
    </message>
    <message>
        <source>The rotation may have happened anyway: list the tokens before trying again.</source>
        <translation>Die Rotation ist möglicherweise trotzdem erfolgt: Listen Sie die Tokens auf, bevor Sie es erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>PolicyApplier</name>
    <message>
        <source>no policy</source>
        <translation>keine Richtlinie</translation>
    </message>
    <message>
        <source>every %1, grace %2, revoke after %3, delete after %4, notify %5 before, %6</source>
        <translation>alle %1, Übergangsfrist %2, widerrufen nach %3, löschen nach %4, Vorwarnzeit %5, %6</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>The token is no longer in the workspace.</source>
        <translation>Das Token ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The token&apos;s account is no longer in the workspace.</source>
        <translation>Das Konto des Tokens ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The policy was not pushed: the credential of %1 could not be read: %2</source>
        <translation>Die Richtlinie wurde nicht übertragen: Die Zugangsdaten von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 refused the policy: %2</source>
        <translation>%1 hat die Richtlinie abgelehnt: %2</translation>
    </message>
    <message>
        <source>The policy could not be saved: %1</source>
        <translation>Die Richtlinie konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The policy was pushed to %1 but could not be saved in the workspace: %2</source>
        <translation>Die Richtlinie wurde an %1 übertragen, konnte aber nicht im Arbeitsbereich gespeichert werden: %2</translation>
    </message>
    <message>
        <source>%1 (was: %2)</source>
        <translation>%1 (vorher: %2)</translation>
    </message>
    <message>
        <source>%1 (was: %2); pushed to %3</source>
        <translation>%1 (vorher: %2); an %3 übertragen</translation>
    </message>
</context>
<context>
    <name>PolicyDuration</name>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 Wochen</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 Monate</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 Jahre</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n Woche</numerusform>
            <numerusform>%n Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n Monat</numerusform>
            <numerusform>%n Monate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n Jahr</numerusform>
            <numerusform>%n Jahre</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PolicyEditorDialog</name>
    <message>
        <source>Rotate &amp;automatically when due</source>
        <translation>Bei Fälligkeit &amp;automatisch rotieren</translation>
    </message>
    <message>
        <source>Edit Policy of %1</source>
        <translation>Richtlinie von %1 bearbeiten</translation>
    </message>
    <message numerus="yes">
        <source>Edit Policy of %n Token(s)</source>
        <translation>
            <numerusform>Richtlinie von %n Token bearbeiten</numerusform>
            <numerusform>Richtlinie von %n Tokens bearbeiten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 unter %2</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens. A field showing “(various)” differs among them and stays as each token has it unless you type a value.</source>
        <translation>
            <numerusform>%n Token. Ein Feld mit „(verschieden)“ unterscheidet sich zwischen ihnen und bleibt bei jedem Token, wie es ist, wenn Sie keinen Wert eingeben.</numerusform>
            <numerusform>%n Tokens. Ein Feld mit „(verschieden)“ unterscheidet sich zwischen ihnen und bleibt bei jedem Token, wie es ist, wenn Sie keinen Wert eingeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>None of the selected tokens is in the workspace any more.</source>
        <translation>Keines der ausgewählten Tokens ist noch im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>none: the old version stops at the rotation</source>
        <translation>keine: Die alte Version endet mit der Rotation</translation>
    </message>
    <message>
        <source>fixed by the provider: %1</source>
        <translation>vom Anbieter festgelegt: %1</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>&amp;Intervall:</translation>
    </message>
    <message>
        <source>Rotation interval</source>
        <translation>Rotationsintervall</translation>
    </message>
    <message>
        <source>e.g. 30 days, 6 months or P30D</source>
        <translation>z. B. 30 days, 6 months oder P30D</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>Übergangs&amp;frist:</translation>
    </message>
    <message>
        <source>Grace period of the old version</source>
        <translation>Übergangsfrist der alten Version</translation>
    </message>
    <message>
        <source>&amp;Revoke after:</source>
        <translation>&amp;Widerrufen nach:</translation>
    </message>
    <message>
        <source>Revoke the old version after</source>
        <translation>Die alte Version widerrufen nach</translation>
    </message>
    <message>
        <source>at the end of the grace period</source>
        <translation>am Ende der Übergangsfrist</translation>
    </message>
    <message>
        <source>&amp;Delete after:</source>
        <translation>&amp;Löschen nach:</translation>
    </message>
    <message>
        <source>Delete the old version after its revocation</source>
        <translation>Die alte Version nach ihrem Widerruf löschen</translation>
    </message>
    <message>
        <source>never: TokenDesk does not delete these tokens</source>
        <translation>nie: TokenDesk löscht diese Tokens nicht</translation>
    </message>
    <message>
        <source>&amp;Notify before:</source>
        <translation>&amp;Vorwarnzeit:</translation>
    </message>
    <message>
        <source>Notify before a rotation is due</source>
        <translation>Vorwarnzeit vor einer fälligen Rotation</translation>
    </message>
    <message>
        <source>Rotate automatically when due</source>
        <translation>Bei Fälligkeit automatisch rotieren</translation>
    </message>
    <message>
        <source>Off: TokenDesk only reminds you; nothing rotates unless you start it.</source>
        <translation>Aus: TokenDesk erinnert Sie nur; nichts wird rotiert, solange Sie es nicht starten.</translation>
    </message>
    <message>
        <source>What the provider cannot honour</source>
        <translation>Was der Anbieter nicht umsetzen kann</translation>
    </message>
    <message>
        <source>Apply progress and result</source>
        <translation>Fortschritt und Ergebnis des Übernehmens</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>Save the policy for the selected tokens (and push it to providers that keep their own)</source>
        <translation>Die Richtlinie für die ausgewählten Tokens speichern (und an Anbieter übertragen, die eine eigene führen)</translation>
    </message>
    <message>
        <source>Pushing to %1: %2 of %3…</source>
        <translation>Übertragung an %1: %2 von %3…</translation>
    </message>
    <message>
        <source>Correct the fields marked in red to see the next rotations.</source>
        <translation>Korrigieren Sie die rot markierten Felder, um die nächsten Rotationen zu sehen.</translation>
    </message>
    <message>
        <source>Next rotations of %1:</source>
        <translation>Nächste Rotationen von %1:</translation>
    </message>
    <message numerus="yes">
        <source>Next rotations of %1, the first of %n selected tokens:</source>
        <translation>
            <numerusform>Nächste Rotationen von %1, dem ersten von %n ausgewählten Token:</numerusform>
            <numerusform>Nächste Rotationen von %1, dem ersten von %n ausgewählten Tokens:</numerusform>
        </translation>
    </message>
    <message>
        <source>No rotation of %1 can be scheduled.</source>
        <translation>Für %1 kann keine Rotation geplant werden.</translation>
    </message>
    <message>
        <source>Manual only: automatic rotation is off, so nothing rotates unless someone starts it. These are the due dates.</source>
        <translation>Nur manuell: Die automatische Rotation ist aus, daher wird nichts rotiert, solange niemand es startet. Dies sind die Fälligkeitstermine.</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiteres</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ %1: %2</source>
        <translation>⚠ %1: %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message numerus="yes">
        <source>✔ The policy was saved for %n token(s).</source>
        <translation>
            <numerusform>✔ Die Richtlinie wurde für %n Token gespeichert.</numerusform>
            <numerusform>✔ Die Richtlinie wurde für %n Tokens gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✘ %n token(s) kept their previous policy:</source>
        <translation>
            <numerusform>✘ %n Token hat seine bisherige Richtlinie behalten:</numerusform>
            <numerusform>✘ %n Tokens haben ihre bisherige Richtlinie behalten:</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply again to retry them.</source>
        <translation>Übernehmen Sie erneut, um sie noch einmal zu versuchen.</translation>
    </message>
</context>
<context>
    <name>PolicyParser</name>
    <message>
        <source>Enter a duration such as 30days or P30D.</source>
        <translation>Geben Sie eine Dauer wie 30days oder P30D ein.</translation>
    </message>
    <message>
        <source>Use a whole number instead of %1.</source>
        <translation>Verwenden Sie statt %1 eine ganze Zahl.</translation>
    </message>
    <message>
        <source>Durations must be positive: remove the minus sign from %1.</source>
        <translation>Eine Dauer muss positiv sein: Entfernen Sie das Minuszeichen aus %1.</translation>
    </message>
    <message>
        <source>Use a single number and unit: remove %1 after %2, or convert the whole duration to one unit.</source>
        <translation>Verwenden Sie nur eine Zahl und eine Einheit: Entfernen Sie %1 nach %2 oder rechnen Sie die ganze Dauer in eine Einheit um.</translation>
    </message>
    <message>
        <source>Unexpected %1 after %2.</source>
        <translation>Unerwartet: %1 nach %2.</translation>
    </message>
    <message>
        <source>Unexpected %1: start with a number.</source>
        <translation>Unerwartet: %1. Beginnen Sie mit einer Zahl.</translation>
    </message>
    <message>
        <source>Enter a number before %1, e.g. 30days.</source>
        <translation>Geben Sie vor %1 eine Zahl ein, z. B. 30days.</translation>
    </message>
    <message>
        <source>%1 is not a duration. Enter one such as 30days or P30D.</source>
        <translation>%1 ist keine Dauer. Geben Sie eine Dauer wie 30days oder P30D ein.</translation>
    </message>
    <message>
        <source>Unexpected %1: expected a unit such as days.</source>
        <translation>Unerwartet: %1. Erwartet wird eine Einheit wie days.</translation>
    </message>
    <message>
        <source>Durations must be positive, not %1.</source>
        <translation>Eine Dauer muss positiv sein, nicht %1.</translation>
    </message>
    <message>
        <source>Add a unit to %1, e.g. %2days.</source>
        <translation>Ergänzen Sie eine Einheit zu %1, z. B. %2days.</translation>
    </message>
    <message>
        <source>Unknown unit %1 in %2. Use seconds, minutes, hours, days, weeks, months or years.</source>
        <translation>Unbekannte Einheit %1 in %2. Verwenden Sie seconds, minutes, hours, days, weeks, months oder years.</translation>
    </message>
    <message>
        <source>Unknown unit %1 in %2. Did you mean %3?</source>
        <translation>Unbekannte Einheit %1 in %2. Meinten Sie %3?</translation>
    </message>
    <message>
        <source>%1 exceeds the %2-year maximum.</source>
        <translation>%1 überschreitet das Maximum von %2 Jahren.</translation>
    </message>
    <message>
        <source>Unexpected second %1: the time part starts only once.</source>
        <translation>Unerwartetes zweites %1: Der Zeitteil beginnt nur einmal.</translation>
    </message>
    <message>
        <source>Unexpected %1: expected a number.</source>
        <translation>Unerwartet: %1. Erwartet wird eine Zahl.</translation>
    </message>
    <message>
        <source>Add a unit letter after %1, e.g. P30D or PT5H.</source>
        <translation>Ergänzen Sie nach %1 einen Einheitenbuchstaben, z. B. P30D oder PT5H.</translation>
    </message>
    <message>
        <source>%1 needs a T before it, as in PT5H or P1DT12H.</source>
        <translation>%1 braucht ein T davor, wie in PT5H oder P1DT12H.</translation>
    </message>
    <message>
        <source>%1 must come before the T, as in P1DT12H.</source>
        <translation>%1 muss vor dem T stehen, wie in P1DT12H.</translation>
    </message>
    <message>
        <source>Unknown unit %1. Use Y, M, W or D, and H, M or S after T.</source>
        <translation>Unbekannte Einheit %1. Verwenden Sie Y, M, W oder D und nach T H, M oder S.</translation>
    </message>
    <message>
        <source>%1 is repeated or out of order; ISO 8601 goes from years to seconds.</source>
        <translation>%1 ist wiederholt oder steht an falscher Stelle; ISO 8601 geht von Jahren zu Sekunden.</translation>
    </message>
    <message>
        <source>%1 has no number and unit; write e.g. P30D or PT5H.</source>
        <translation>%1 hat keine Zahl und Einheit; schreiben Sie z. B. P30D oder PT5H.</translation>
    </message>
    <message>
        <source>%1 must be followed by hours, minutes or seconds.</source>
        <translation>Auf %1 müssen Stunden, Minuten oder Sekunden folgen.</translation>
    </message>
    <message>
        <source>%1 mixes years or months with weeks, days or time, which cannot be expressed in one unit.</source>
        <translation>%1 mischt Jahre oder Monate mit Wochen, Tagen oder Uhrzeit, was sich nicht in einer Einheit ausdrücken lässt.</translation>
    </message>
</context>
<context>
    <name>PolicyPreview</name>
    <message>
        <source>After each rotation this token would be due again at once: it expires within a day of being rotated, and TokenDesk rotates a day before an expiry.</source>
        <translation>Nach jeder Rotation wäre dieses Token sofort wieder fällig: Es läuft innerhalb eines Tages nach der Rotation ab, und TokenDesk rotiert einen Tag vor einem Ablauf.</translation>
    </message>
    <message>
        <source>A HashiCorp Vault account stores secrets; it has no tokens to rotate.</source>
        <translation>Ein HashiCorp-Vault-Konto speichert Secrets; es hat keine Tokens zum Rotieren.</translation>
    </message>
    <message>
        <source>This token is revoked: nothing will be rotated.</source>
        <translation>Dieses Token ist widerrufen: Es wird nichts rotiert.</translation>
    </message>
    <message>
        <source>TokenDesk does not know when this token was created or last rotated, so it cannot schedule it: rotate it once by hand to start the schedule.</source>
        <translation>TokenDesk weiß nicht, wann dieses Token erstellt oder zuletzt rotiert wurde, und kann es daher nicht einplanen: Rotieren Sie es einmal von Hand, um den Zeitplan zu starten.</translation>
    </message>
    <message>
        <source>The old version stays valid for %1 after a rotation, longer than revoke-after (%2).</source>
        <translation>Die alte Version bleibt nach einer Rotation %1 gültig, länger als „Widerrufen nach“ (%2).</translation>
    </message>
    <message>
        <source>This token expires %1 after each rotation, before the interval (%2) ends: TokenDesk rotates it a day before each expiry instead, every %3.</source>
        <translation>Dieses Token läuft %1 nach jeder Rotation ab, bevor das Intervall (%2) endet: TokenDesk rotiert es stattdessen einen Tag vor jedem Ablauf, also alle %3.</translation>
    </message>
    <message>
        <source>Glean fixes this token&apos;s rotation period (%1) when the token is created in the Glean console; TokenDesk cannot change it. A secret not rotated within it stops working, so schedule rotations well inside it.</source>
        <translation>Glean legt den Rotationszeitraum dieses Tokens (%1) beim Erstellen in der Glean-Konsole fest; TokenDesk kann ihn nicht ändern. Ein Secret, das nicht innerhalb dieses Zeitraums rotiert wird, funktioniert nicht mehr; planen Sie Rotationen daher deutlich innerhalb davon.</translation>
    </message>
    <message>
        <source>Glean fixes the rotation period when the token is created in the Glean console; TokenDesk cannot change it. A secret not rotated within that period stops working, so choose an interval well inside it.</source>
        <translation>Glean legt den Rotationszeitraum beim Erstellen des Tokens in der Glean-Konsole fest; TokenDesk kann ihn nicht ändern. Ein Secret, das nicht innerhalb dieses Zeitraums rotiert wird, funktioniert nicht mehr; wählen Sie daher ein Intervall deutlich innerhalb davon.</translation>
    </message>
    <message>
        <source>Glean ends an old secret %1 after a rotation, whatever the grace period says.</source>
        <translation>Glean beendet ein altes Secret %1 nach einer Rotation, unabhängig von der Übergangsfrist.</translation>
    </message>
    <message>
        <source>Pangea rotates this item on its own every %1 (its rotation frequency), even while TokenDesk is not running.</source>
        <translation>Pangea rotiert dieses Element selbst alle %1 (seine Rotationshäufigkeit), auch wenn TokenDesk nicht läuft.</translation>
    </message>
    <message>
        <source>Automatic rotation is off, so Pangea&apos;s own schedule for this item is switched off too (rotation frequency “never”).</source>
        <translation>Die automatische Rotation ist aus, daher ist auch der eigene Zeitplan von Pangea für dieses Element abgeschaltet (Rotationshäufigkeit „never“).</translation>
    </message>
    <message>
        <source>No grace period is set: Pangea keeps the item&apos;s own grace period, and without one the old version stops working at the rotation.</source>
        <translation>Es ist keine Übergangsfrist festgelegt: Pangea behält die eigene Übergangsfrist des Elements, und ohne eine solche funktioniert die alte Version ab der Rotation nicht mehr.</translation>
    </message>
    <message>
        <source>Pangea stores only the rotation frequency and the grace period: revoke-after and notify-before are applied by TokenDesk alone.</source>
        <translation>Pangea speichert nur die Rotationshäufigkeit und die Übergangsfrist: „Widerrufen nach“ und „Vorwarnzeit“ wendet TokenDesk allein an.</translation>
    </message>
    <message>
        <source>Piiano&apos;s old ids stop working at the rotation: the grace period has no effect, and every application must switch to the new ids at once.</source>
        <translation>Die alten IDs von Piiano funktionieren ab der Rotation nicht mehr: Die Übergangsfrist hat keine Wirkung, und jede Anwendung muss sofort auf die neuen IDs umstellen.</translation>
    </message>
    <message>
        <source>TokenDesk never deletes %1 tokens: delete-after has no effect.</source>
        <translation>TokenDesk löscht niemals %1-Tokens: „Löschen nach“ hat keine Wirkung.</translation>
    </message>
</context>
<context>
    <name>PolicyPreviewTable</name>
    <message>
        <source>Next rotations under this policy</source>
        <translation>Nächste Rotationen unter dieser Richtlinie</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Old version revoked</source>
        <translation>Alte Version widerrufen</translation>
    </message>
    <message>
        <source>Old version deleted</source>
        <translation>Alte Version gelöscht</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>%1 local time, %2</source>
        <translation>%1 Ortszeit, %2</translation>
    </message>
    <message>
        <source>Due (manual only)</source>
        <translation>Fällig (nur manuell)</translation>
    </message>
    <message>
        <source>Now (overdue since %1)</source>
        <translation>Jetzt (überfällig seit %1)</translation>
    </message>
    <message>
        <source>Starts at %1 local time, %2, ahead of its due time %3 local time, so that it is done in time.</source>
        <translation>Beginnt am %1 Ortszeit, %2, vor ihrem Fälligkeitszeitpunkt am %3 Ortszeit, damit sie rechtzeitig fertig ist.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>TokenDesk never deletes %1 tokens.</source>
        <translation>TokenDesk löscht niemals %1-Tokens.</translation>
    </message>
</context>
<context>
    <name>Provider</name>
    <message>
        <source>%1 has no call that reads a single token.</source>
        <translation>%1 hat keinen Aufruf, der ein einzelnes Token liest.</translation>
    </message>
    <message>
        <source>%1 has no rotate call.</source>
        <translation>%1 hat keinen Aufruf zum Rotieren.</translation>
    </message>
    <message>
        <source>%1 offers no call to check a token.</source>
        <translation>%1 bietet keinen Aufruf zum Prüfen eines Tokens.</translation>
    </message>
    <message>
        <source>%1 has no revoke call.</source>
        <translation>%1 hat keinen Aufruf zum Widerrufen.</translation>
    </message>
    <message>
        <source>%1 has no delete call.</source>
        <translation>%1 hat keinen Aufruf zum Löschen.</translation>
    </message>
    <message>
        <source>%1 does not accept a rotation policy; TokenDesk schedules rotations itself.</source>
        <translation>%1 nimmt keine Rotationsrichtlinie an; TokenDesk plant Rotationen selbst.</translation>
    </message>
    <message>
        <source>%1 cannot look a token up by its secret.</source>
        <translation>%1 kann ein Token nicht anhand seines Secrets finden.</translation>
    </message>
</context>
<context>
    <name>ProviderCapabilities</name>
    <message>
        <source>list tokens</source>
        <translation>Tokens auflisten</translation>
    </message>
    <message>
        <source>version history</source>
        <translation>Versionsverlauf</translation>
    </message>
    <message>
        <source>rotate</source>
        <translation>rotieren</translation>
    </message>
    <message>
        <source>create a replacement</source>
        <translation>Ersatz erstellen</translation>
    </message>
    <message>
        <source>revoke</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>push the rotation policy</source>
        <translation>Rotationsrichtlinie übertragen</translation>
    </message>
</context>
<context>
    <name>ProviderFactory</name>
    <message>
        <source>HashiCorp Vault KV stores the new secrets of other tokens; it has no tokens of its own to rotate.</source>
        <translation>HashiCorp Vault KV speichert die neuen Secrets anderer Tokens; es hat keine eigenen Tokens zum Rotieren.</translation>
    </message>
</context>
<context>
    <name>ProviderKind</name>
    <message>
        <source>Pangea Vault</source>
        <translation>Pangea Vault</translation>
    </message>
    <message>
        <source>Glean</source>
        <translation>Glean</translation>
    </message>
    <message>
        <source>Dynatrace</source>
        <translation>Dynatrace</translation>
    </message>
    <message>
        <source>Piiano Vault</source>
        <translation>Piiano Vault</translation>
    </message>
    <message>
        <source>HashiCorp Vault KV</source>
        <translation>HashiCorp Vault KV</translation>
    </message>
</context>
<context>
    <name>RefreshRound</name>
    <message>
        <source>A refresh is already running.</source>
        <translation>Eine Aktualisierung läuft bereits.</translation>
    </message>
    <message>
        <source>No account to refresh: add an account first.</source>
        <translation>Kein Konto zum Aktualisieren: Fügen Sie zuerst ein Konto hinzu.</translation>
    </message>
    <message numerus="yes">
        <source>Refreshing %n account(s)…</source>
        <translation>
            <numerusform>%n Konto wird aktualisiert…</numerusform>
            <numerusform>%n Konten werden aktualisiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Refreshed: %n token(s) listed.</source>
        <translation>
            <numerusform>Aktualisiert: %n Token aufgelistet.</numerusform>
            <numerusform>Aktualisiert: %n Tokens aufgelistet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh finished with problems. %1</source>
        <translation>Aktualisierung mit Problemen abgeschlossen. %1</translation>
    </message>
</context>
<context>
    <name>RevocationCommand</name>
    <message>
        <source>No token to revoke.</source>
        <translation>Kein Token zum Widerrufen.</translation>
    </message>
    <message>
        <source>REVOKED      %1 (%2): %3</source>
        <translation>WIDERRUFEN       %1 (%2): %3</translation>
    </message>
    <message>
        <source>FAILED       %1 (%2): %3</source>
        <translation>FEHLGESCHLAGEN   %1 (%2): %3</translation>
    </message>
    <message>
        <source>STILL VALID  %1 (%2) until %3: %4</source>
        <translation>NOCH GÜLTIG      %1 (%2) bis %3: %4</translation>
    </message>
    <message>
        <source>it expires</source>
        <translation>zum Ablauf</translation>
    </message>
</context>
<context>
    <name>RevocationReportDialog</name>
    <message>
        <source>&amp;Retry Failed</source>
        <translation>Fehlgeschlagene &amp;wiederholen</translation>
    </message>
    <message>
        <source>Emergency Revocation Report</source>
        <translation>Bericht zum Notfall-Widerruf</translation>
    </message>
    <message>
        <source>&lt;b&gt;Emergency revocation: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Notfall-Widerruf: %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Revocation progress</source>
        <translation>Fortschritt des Widerrufs</translation>
    </message>
    <message>
        <source>%v of %m tokens done</source>
        <translation>%v von %m Tokens erledigt</translation>
    </message>
    <message>
        <source>Revocation report</source>
        <translation>Widerrufsbericht</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Retrying the failed tokens…</source>
        <translation>Die fehlgeschlagenen Tokens werden erneut versucht…</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>Wird widerrufen…</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>✔ Revoked</source>
        <translation>✔ Widerrufen</translation>
    </message>
    <message>
        <source>✘ Failed</source>
        <translation>✘ Fehlgeschlagen</translation>
    </message>
    <message>
        <source>⚠ Stays valid</source>
        <translation>⚠ Bleibt gültig</translation>
    </message>
    <message>
        <source>until %1: %2</source>
        <translation>bis %1: %2</translation>
    </message>
    <message>
        <source>%1 revoked, %2 failed, %3 stay valid.</source>
        <translation>%1 widerrufen, %2 fehlgeschlagen, %3 bleiben gültig.</translation>
    </message>
</context>
<context>
    <name>Rotation</name>
    <message>
        <source>Check keychain</source>
        <translation>Schlüsselbund prüfen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Write to Vault</source>
        <translation>In Vault schreiben</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>Umstellen</translation>
    </message>
    <message>
        <source>Revoke old</source>
        <translation>Alte widerrufen</translation>
    </message>
    <message>
        <source>Delete old</source>
        <translation>Alte löschen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>RotationCommand</name>
    <message numerus="yes">
        <source>Resuming %n unfinished rotation(s) first.</source>
        <translation>
            <numerusform>Zuerst wird %n unvollendete Rotation fortgesetzt.</numerusform>
            <numerusform>Zuerst werden %n unvollendete Rotationen fortgesetzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: rotated, version %2 is current.</source>
        <translation>%1: rotiert, Version %2 ist aktuell.</translation>
    </message>
    <message>
        <source>%1: version %2 is current; version %3 is revoked at %4.</source>
        <translation>%1: Version %2 ist aktuell; Version %3 wird am %4 widerrufen.</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>Nothing to rotate.</source>
        <translation>Nichts zu rotieren.</translation>
    </message>
</context>
<context>
    <name>RotationEngine</name>
    <message>
        <source>There is no token %1 in the workspace.</source>
        <translation>Im Arbeitsbereich gibt es kein Token %1.</translation>
    </message>
    <message>
        <source>The token&apos;s account is no longer in the workspace.</source>
        <translation>Das Konto des Tokens ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The token already has a rotation queued or in progress.</source>
        <translation>Für das Token ist bereits eine Rotation eingereiht oder in Arbeit.</translation>
    </message>
    <message>
        <source>The token or its account is no longer in the workspace.</source>
        <translation>Das Token oder sein Konto ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>from version %1</source>
        <translation>von Version %1</translation>
    </message>
</context>
<context>
    <name>RotationPlan</name>
    <message>
        <source>system keychain: reserve the new version&apos;s entry</source>
        <translation>System-Schlüsselbund: den Eintrag der neuen Version reservieren</translation>
    </message>
    <message>
        <source>There is no token %1 in the workspace.</source>
        <translation>Im Arbeitsbereich gibt es kein Token %1.</translation>
    </message>
    <message>
        <source>a new token “%1” with scopes %2</source>
        <translation>ein neues Token „%1“ mit den Berechtigungen %2</translation>
    </message>
    <message>
        <source>authenticated with the new token</source>
        <translation>authentifiziert mit dem neuen Token</translation>
    </message>
    <message>
        <source>{&quot;enabled&quot;: false}</source>
        <translation>{&quot;enabled&quot;: false}</translation>
    </message>
    <message>
        <source>item %1 gets a new version</source>
        <translation>Element %1 erhält eine neue Version</translation>
    </message>
    <message>
        <source>authenticated with the new version</source>
        <translation>authentifiziert mit der neuen Version</translation>
    </message>
    <message>
        <source>the old version&apos;s state</source>
        <translation>der Status der alten Version</translation>
    </message>
    <message>
        <source>version %1 deactivated (Pangea may already have ended it after its own grace period)</source>
        <translation>Version %1 deaktiviert (Pangea hat sie womöglich schon nach seiner eigenen Übergangsfrist beendet)</translation>
    </message>
    <message>
        <source>authenticated with the token&apos;s current secret</source>
        <translation>authentifiziert mit dem aktuellen Secret des Tokens</translation>
    </message>
    <message>
        <source>authenticated with the new secret</source>
        <translation>authentifiziert mit dem neuen Secret</translation>
    </message>
    <message>
        <source>no call: Glean ends the old secret after its 10-minute buffer</source>
        <translation>kein Aufruf: Glean beendet das alte Secret nach seinem Puffer von 10 Minuten</translation>
    </message>
    <message>
        <source>token id %1 replaced by a new id; the old id stops at once</source>
        <translation>Token-ID %1 wird durch eine neue ID ersetzt; die alte ID endet sofort</translation>
    </message>
    <message>
        <source>A HashiCorp Vault account stores secrets; it has no tokens to rotate.</source>
        <translation>Ein HashiCorp-Vault-Konto speichert Secrets; es hat keine Tokens zum Rotieren.</translation>
    </message>
    <message>
        <source>system keychain: the new secret; workspace: version %1 pending</source>
        <translation>System-Schlüsselbund: das neue Secret; Arbeitsbereich: Version %1 ausstehend</translation>
    </message>
    <message>
        <source>current version of %1 (for check-and-set)</source>
        <translation>aktuelle Version von %1 (für Check-and-Set)</translation>
    </message>
    <message>
        <source>field “%1”, check-and-set</source>
        <translation>Feld „%1“, Check-and-Set</translation>
    </message>
    <message>
        <source>version %1 current; version %2 valid until %3</source>
        <translation>Version %1 aktuell; Version %2 gültig bis %3</translation>
    </message>
    <message>
        <source>version %1: {&quot;enabled&quot;: false}</source>
        <translation>Version %1: {&quot;enabled&quot;: false}</translation>
    </message>
    <message>
        <source>version %1&apos;s state</source>
        <translation>Status von Version %1</translation>
    </message>
    <message>
        <source>version %1 of %2 deactivated</source>
        <translation>Version %1 von %2 deaktiviert</translation>
    </message>
    <message>
        <source>Glean has no revoke call: the secret stays valid until %1; revoke the token in the Glean admin console.</source>
        <translation>Glean hat keinen Aufruf zum Widerrufen: Das Secret bleibt gültig bis %1; widerrufen Sie das Token in der Glean-Verwaltungskonsole.</translation>
    </message>
    <message>
        <source>it expires</source>
        <translation>zum Ablauf</translation>
    </message>
    <message>
        <source>Piiano ids cannot be revoked: rotate them to retire the old ids at once.</source>
        <translation>Piiano-IDs können nicht widerrufen werden: Rotieren Sie sie, um die alten IDs sofort außer Kraft zu setzen.</translation>
    </message>
    <message>
        <source>A HashiCorp Vault account stores secrets; it has no tokens to revoke.</source>
        <translation>Ein HashiCorp-Vault-Konto speichert Secrets; es hat keine Tokens zum Widerrufen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>old version deleted at %1</source>
        <translation>alte Version gelöscht am %1</translation>
    </message>
</context>
<context>
    <name>RotationPolicy</name>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>alle %1</translation>
    </message>
    <message>
        <source>, grace %1</source>
        <translation>, Übergangsfrist %1</translation>
    </message>
    <message>
        <source>, automatic</source>
        <translation>, automatisch</translation>
    </message>
    <message>
        <source>The grace period (%1) is not shorter than the interval (%2): old versions would pile up.</source>
        <translation>Die Übergangsfrist (%1) ist nicht kürzer als das Intervall (%2): Alte Versionen würden sich ansammeln.</translation>
    </message>
    <message>
        <source>Revoke-after (%1) ends before the grace period (%2).</source>
        <translation>„Widerrufen nach“ (%1) endet vor der Übergangsfrist (%2).</translation>
    </message>
    <message>
        <source>Notify-before (%1) is not shorter than the interval (%2).</source>
        <translation>„Vorwarnzeit“ (%1) ist nicht kürzer als das Intervall (%2).</translation>
    </message>
</context>
<context>
    <name>RotationProgressDialog</name>
    <message>
        <source>Cancel Remaining</source>
        <translation>Übrige abbrechen</translation>
    </message>
    <message>
        <source>&amp;Retry Failed</source>
        <translation>Fehlgeschlagene &amp;wiederholen</translation>
    </message>
    <message>
        <source>&amp;Copy New Secret</source>
        <translation>Neues Secret &amp;kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <source>Rotate %n Token(s)</source>
        <translation>
            <numerusform>%n Token rotieren</numerusform>
            <numerusform>%n Tokens rotieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Rotations</source>
        <translation>Rotationen</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>Gesamtfortschritt</translation>
    </message>
    <message>
        <source>%v of %m done</source>
        <translation>%v von %m erledigt</translation>
    </message>
    <message>
        <source>Withdraw the tokens that have not started; rotations under way finish safely</source>
        <translation>Die noch nicht gestarteten Tokens zurückziehen; laufende Rotationen werden sicher abgeschlossen</translation>
    </message>
    <message>
        <source>Copy the selected token&apos;s new secret to the clipboard, once</source>
        <translation>Das neue Secret des ausgewählten Tokens einmalig in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>The clipboard was cleared.</source>
        <translation>Die Zwischenablage wurde geleert.</translation>
    </message>
    <message>
        <source>The clipboard no longer held the secret; it was left alone.</source>
        <translation>Die Zwischenablage enthielt das Secret nicht mehr; sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Not rotated: %1</source>
        <translation>Nicht rotiert: %1</translation>
    </message>
    <message>
        <source>Cancelled before it started; nothing changed</source>
        <translation>Vor dem Start abgebrochen; nichts wurde geändert</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>Läuft: %1</translation>
    </message>
    <message>
        <source>Rotated: version %1 is current</source>
        <translation>Rotiert: Version %1 ist aktuell</translation>
    </message>
    <message>
        <source>; the old one is revoked %1</source>
        <translation>; die alte wird am %1 widerrufen</translation>
    </message>
    <message>
        <source>Failed, undone: the old version is still current. %1</source>
        <translation>Fehlgeschlagen, rückgängig gemacht: Die alte Version ist weiterhin aktuell. %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 rotated, %2 failed, %3 cancelled.</source>
        <translation>%1 rotiert, %2 fehlgeschlagen, %3 abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) withdrawn; rotations under way finish safely.</source>
        <translation>
            <numerusform>%n Token zurückgezogen; laufende Rotationen werden sicher abgeschlossen.</numerusform>
            <numerusform>%n Tokens zurückgezogen; laufende Rotationen werden sicher abgeschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued again</source>
        <translation>Erneut eingereiht</translation>
    </message>
    <message>
        <source>This secret is kept in Vault; read it there.</source>
        <translation>Dieses Secret wird in Vault aufbewahrt; lesen Sie es dort.</translation>
    </message>
    <message>
        <source>Could not read the new secret: %1</source>
        <translation>Das neue Secret konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>New secret copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Neues Secret kopiert. Die Zwischenablage wird in %n Sekunde geleert.</numerusform>
            <numerusform>Neues Secret kopiert. Die Zwischenablage wird in %n Sekunden geleert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>RotationRun</name>
    <message>
        <source>The token or its account is no longer in the workspace.</source>
        <translation>Das Token oder sein Konto ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The account&apos;s credential could not be read: %1</source>
        <translation>Die Zugangsdaten des Kontos konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 tokens cannot be rotated.</source>
        <translation>%1-Tokens können nicht rotiert werden.</translation>
    </message>
    <message>
        <source>TokenDesk stopped before the new secret was stored; the replacement is removed.</source>
        <translation>TokenDesk wurde beendet, bevor das neue Secret gespeichert war; der Ersatz wird entfernt.</translation>
    </message>
    <message>
        <source>The new secret is missing from the keychain.</source>
        <translation>Das neue Secret fehlt im Schlüsselbund.</translation>
    </message>
    <message>
        <source>The keychain cannot take the new secret: %1</source>
        <translation>Der Schlüsselbund kann das neue Secret nicht aufnehmen: %1</translation>
    </message>
    <message>
        <source>keychain ready for version %1</source>
        <translation>Schlüsselbund bereit für Version %1</translation>
    </message>
    <message>
        <source>%1; the answer was lost, so a replacement may exist that TokenDesk has no secret of.</source>
        <translation>%1; die Antwort ging verloren, daher existiert womöglich ein Ersatz, dessen Secret TokenDesk nicht hat.</translation>
    </message>
    <message>
        <source>new id %1 replaces %2</source>
        <translation>neue ID %1 ersetzt %2</translation>
    </message>
    <message>
        <source>version %1 created (%2)</source>
        <translation>Version %1 erstellt (%2)</translation>
    </message>
    <message>
        <source>The new secret could not be stored in the keychain: %1</source>
        <translation>Das neue Secret konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>%1 %2 has already issued it and the old secret works only until the provider ends it; issue a new token in the provider&apos;s console if it stops.</source>
        <translation>%1 %2 hat es bereits ausgestellt, und das alte Secret funktioniert nur, bis der Anbieter es beendet; stellen Sie in der Konsole des Anbieters ein neues Token aus, wenn es nicht mehr funktioniert.</translation>
    </message>
    <message>
        <source>version %1 stored as pending</source>
        <translation>Version %1 als ausstehend gespeichert</translation>
    </message>
    <message>
        <source>no Vault destination configured</source>
        <translation>kein Vault-Ziel eingerichtet</translation>
    </message>
    <message>
        <source>the new secret works</source>
        <translation>das neue Secret funktioniert</translation>
    </message>
    <message>
        <source>version %1 is current; version %2 stays valid until %3</source>
        <translation>Version %1 ist aktuell; Version %2 bleibt gültig bis %3</translation>
    </message>
    <message>
        <source>version %1 expired on its own (no revoke call)</source>
        <translation>Version %1 ist von selbst abgelaufen (kein Aufruf zum Widerrufen)</translation>
    </message>
    <message>
        <source>version %1 revoked</source>
        <translation>Version %1 widerrufen</translation>
    </message>
    <message>
        <source>version %1 deleted</source>
        <translation>Version %1 gelöscht</translation>
    </message>
    <message>
        <source>TokenDesk stopped while Piiano was rotating %1. Whether Piiano issued a new id is unknown: list the collection by tag to find it before using the old id again.</source>
        <translation>TokenDesk wurde beendet, während Piiano %1 rotierte. Ob Piiano eine neue ID vergeben hat, ist unbekannt: Listen Sie die Collection nach Tag auf, um sie zu finden, bevor Sie die alte ID wieder verwenden.</translation>
    </message>
    <message>
        <source>The search for a replacement made before its answer was lost failed (%1); TokenDesk looks again at the next start or “resume”.</source>
        <translation>Die Suche nach einem Ersatz, der vor dem Verlust seiner Antwort erstellt wurde, ist fehlgeschlagen (%1); TokenDesk sucht beim nächsten Start oder „resume“ erneut.</translation>
    </message>
    <message>
        <source>A replacement whose secret was never received could not be removed: %1</source>
        <translation>Ein Ersatz, dessen Secret nie empfangen wurde, konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>%1 The undo is incomplete (%2); TokenDesk retries it at the next start or “resume”.</source>
        <translation>%1 Das Rückgängigmachen ist unvollständig (%2); TokenDesk versucht es beim nächsten Start oder „resume“ erneut.</translation>
    </message>
    <message>
        <source>undone; version %1 stays current</source>
        <translation>rückgängig gemacht; Version %1 bleibt aktuell</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 TokenDesk stopped right after %2 issued a new secret, before it was stored, and the provider refuses to rotate the old secret again. Version %3 keeps working only until the provider ends it (Glean: 10 minutes after that rotation); issue a new token in the provider&apos;s console and add it to TokenDesk.</source>
        <translation>%1 TokenDesk wurde direkt beendet, nachdem %2 ein neues Secret ausgestellt hatte und bevor es gespeichert war, und der Anbieter verweigert eine erneute Rotation des alten Secrets. Version %3 funktioniert nur noch, bis der Anbieter sie beendet (Glean: 10 Minuten nach dieser Rotation); stellen Sie in der Konsole des Anbieters ein neues Token aus und fügen Sie es TokenDesk hinzu.</translation>
    </message>
    <message>
        <source>%1 Nothing changed; version %2 stays current.</source>
        <translation>%1 Nichts wurde geändert; Version %2 bleibt aktuell.</translation>
    </message>
    <message>
        <source>%1 %2 already issued version %3, which is kept in the keychain as pending; version %4 stays valid until the provider ends it.</source>
        <translation>%1 %2 hat Version %3 bereits ausgestellt; sie wird im Schlüsselbund als ausstehend aufbewahrt. Version %4 bleibt gültig, bis der Anbieter sie beendet.</translation>
    </message>
</context>
<context>
    <name>RotationStore</name>
    <message>
        <source>The token already has a rotation in progress (step “%1”, started %2).</source>
        <translation>Für das Token läuft bereits eine Rotation (Schritt „%1“, gestartet %2).</translation>
    </message>
    <message>
        <source>Cannot record the rotation: %1</source>
        <translation>Die Rotation kann nicht aufgezeichnet werden: %1</translation>
    </message>
    <message>
        <source>Cannot save the token&apos;s Vault destinations: %1</source>
        <translation>Die Vault-Ziele des Tokens können nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>RotationUndo</name>
    <message>
        <source>The provider is no longer available.</source>
        <translation>Der Anbieter ist nicht mehr verfügbar.</translation>
    </message>
</context>
<context>
    <name>SandboxLauncher</name>
    <message>
        <source>The sandbox did not announce its services within %1 s.</source>
        <translation>Die Sandbox hat ihre Dienste nicht innerhalb von %1 s angekündigt.</translation>
    </message>
    <message>
        <source>The sandbox could not be started (%1): %2</source>
        <translation>Die Sandbox konnte nicht gestartet werden (%1): %2</translation>
    </message>
    <message>
        <source>The sandbox stopped (exit code %1). %2</source>
        <translation>Die Sandbox wurde beendet (Exit-Code %1). %2</translation>
    </message>
    <message>
        <source>The sandbox printed something that is not JSON: %1</source>
        <translation>Die Sandbox hat etwas ausgegeben, das kein JSON ist: %1</translation>
    </message>
    <message>
        <source>The sandbox announced a service that is not on this computer: %1</source>
        <translation>Die Sandbox hat einen Dienst angekündigt, der nicht auf diesem Computer läuft: %1</translation>
    </message>
</context>
<context>
    <name>SchemaMigrations</name>
    <message>
        <source>This workspace was written by a newer TokenDesk (schema %1; this version knows up to %2). Update TokenDesk to open it.</source>
        <translation>Dieser Arbeitsbereich wurde von einem neueren TokenDesk geschrieben (Schema %1; diese Version kennt Schemas bis %2). Aktualisieren Sie TokenDesk, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>Schema migration %1 failed: %2</source>
        <translation>Schemamigration %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>SecretCustody</name>
    <message>
        <source>Enter the account&apos;s credential.</source>
        <translation>Geben Sie die Zugangsdaten des Kontos ein.</translation>
    </message>
    <message>
        <source>The account is no longer in the workspace.</source>
        <translation>Das Konto ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The token&apos;s account is no longer in the workspace.</source>
        <translation>Das Konto des Tokens ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
</context>
<context>
    <name>SecretJob</name>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s). If it shows an unlock prompt, answer it; otherwise restart your keyring and try again.</source>
        <translation>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Sekunde geantwortet. Wenn er zum Entsperren auffordert, antworten Sie darauf; andernfalls starten Sie Ihren Schlüsselbund neu und versuchen Sie es erneut.</numerusform>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Sekunden geantwortet. Wenn er zum Entsperren auffordert, antworten Sie darauf; andernfalls starten Sie Ihren Schlüsselbund neu und versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>No secret is stored in the keychain under “%1”. Enter the secret again to store it.</source>
        <translation>Im Schlüsselbund ist unter „%1“ kein Secret gespeichert. Geben Sie das Secret erneut ein, um es zu speichern.</translation>
    </message>
    <message>
        <source>No Secret Service is running (gnome-keyring or KWallet). Start your desktop&apos;s keyring and try again.</source>
        <translation>Es läuft kein Secret Service (gnome-keyring oder KWallet). Starten Sie den Schlüsselbund Ihres Desktops und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The system keychain is not available. Sign in to your desktop session and try again.</source>
        <translation>Der System-Schlüsselbund ist nicht verfügbar. Melden Sie sich an Ihrer Desktop-Sitzung an und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keyring is locked. Unlock it and try again.</source>
        <translation>Der Schlüsselbund ist gesperrt. Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain refused access to the secret “%1”. Allow TokenDesk to use it and try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff auf das Secret „%1“ verweigert. Erlauben Sie TokenDesk die Nutzung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain did not answer in time. If it shows an unlock prompt, answer it; otherwise restart your keyring and try again.</source>
        <translation>Der Schlüsselbund hat nicht rechtzeitig geantwortet. Wenn er zum Entsperren auffordert, antworten Sie darauf; andernfalls starten Sie Ihren Schlüsselbund neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain could not handle the secret “%1”. Try again; if it keeps failing, check your keyring.</source>
        <translation>Der Schlüsselbund konnte das Secret „%1“ nicht verarbeiten. Versuchen Sie es erneut; wenn es weiterhin fehlschlägt, prüfen Sie Ihren Schlüsselbund.</translation>
    </message>
    <message>
        <source>(Keychain: %1)</source>
        <translation>(Schlüsselbund: %1)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>&amp;Keep running in the system tray when the window is closed</source>
        <translation>Beim Schließen des Fensters im &amp;Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Show &amp;notifications about scheduled rotations</source>
        <translation>&amp;Benachrichtigungen zu geplanten Rotationen anzeigen</translation>
    </message>
    <message>
        <source>&amp;Warn before a rotation is due</source>
        <translation>Vor einer fälligen Rotation &amp;warnen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Clear copied secrets after, in seconds</source>
        <translation>Kopierte Secrets löschen nach, in Sekunden</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A secret copied from TokenDesk is taken off the clipboard after this time</source>
        <translation>Ein aus TokenDesk kopiertes Secret wird nach dieser Zeit aus der Zwischenablage entfernt</translation>
    </message>
    <message>
        <source>Keep running in the system tray</source>
        <translation>Im Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Scheduled rotations only run while TokenDesk runs. Needs a desktop with a system tray; without one, closing the window quits.</source>
        <translation>Geplante Rotationen laufen nur, während TokenDesk läuft. Erfordert einen Desktop mit Infobereich; ohne einen solchen beendet das Schließen des Fensters das Programm.</translation>
    </message>
    <message>
        <source>Show notifications</source>
        <translation>Benachrichtigungen anzeigen</translation>
    </message>
    <message>
        <source>Overdue and failed rotations, and a summary after TokenDesk was not running</source>
        <translation>Überfällige und fehlgeschlagene Rotationen sowie eine Zusammenfassung, nachdem TokenDesk nicht lief</translation>
    </message>
    <message>
        <source>Warn before a rotation is due</source>
        <translation>Vor einer fälligen Rotation warnen</translation>
    </message>
    <message>
        <source>When a token enters the notify-before window of its policy (7 days by default)</source>
        <translation>Wenn für ein Token die Vorwarnzeit seiner Richtlinie beginnt (standardmäßig 7 Tage)</translation>
    </message>
    <message>
        <source>Timeline length, in days</source>
        <translation>Länge der Zeitleiste, in Tagen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>&amp;Clear copied secrets after:</source>
        <translation>Kopierte Secrets &amp;löschen nach:</translation>
    </message>
    <message>
        <source>&amp;Timeline shows the next:</source>
        <translation>&amp;Zeitleiste zeigt die nächsten:</translation>
    </message>
</context>
<context>
    <name>SinkWriter</name>
    <message>
        <source>The Vault account of %1/%2 is no longer in the workspace.</source>
        <translation>Das Vault-Konto von %1/%2 ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The Vault token of “%1” could not be read: %2</source>
        <translation>Das Vault-Token von „%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1/%2: %3</source>
        <translation>%1/%2: %3</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Rotation due</source>
        <translation>Rotation fällig</translation>
    </message>
    <message>
        <source>Grace period ends</source>
        <translation>Übergangsfrist endet</translation>
    </message>
    <message>
        <source>Old version revoked</source>
        <translation>Alte Version widerrufen</translation>
    </message>
    <message>
        <source>Old version deleted</source>
        <translation>Alte Version gelöscht</translation>
    </message>
    <message>
        <source>Token expires</source>
        <translation>Token läuft ab</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (Version %2)</translation>
    </message>
    <message>
        <source>%1
%2
%3</source>
        <translation>%1
%2
%3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline of upcoming rotations</source>
        <translation>Zeitleiste der anstehenden Rotationen</translation>
    </message>
    <message>
        <source>Rotations</source>
        <translation>Rotationen</translation>
    </message>
    <message>
        <source>Grace ends</source>
        <translation>Fristende</translation>
    </message>
    <message>
        <source>Revocations</source>
        <translation>Widerrufe</translation>
    </message>
    <message>
        <source>Deletions</source>
        <translation>Löschungen</translation>
    </message>
    <message>
        <source>Expiries</source>
        <translation>Abläufe</translation>
    </message>
    <message>
        <source>%1: %2, %3 (%4 UTC)</source>
        <translation>%1: %2, %3 (%4 UTC)</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more event(s)</source>
        <translation>
            <numerusform>…und %n weiteres Ereignis</numerusform>
            <numerusform>…und %n weitere Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in the next %1 days</source>
        <translation>
            <numerusform>%n Ereignis in den nächsten %1 Tagen</numerusform>
            <numerusform>%n Ereignisse in den nächsten %1 Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message numerus="yes">
        <source>Nothing is due in the next %n day(s).</source>
        <translation>
            <numerusform>Innerhalb von %n Tag ist nichts fällig.</numerusform>
            <numerusform>Innerhalb von %n Tagen ist nichts fällig.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TlsConfig</name>
    <message>
        <source>Cannot read the CA certificate file %1: %2</source>
        <translation>Die CA-Zertifikatsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The CA certificate file %1 is too large to be a certificate</source>
        <translation>Die CA-Zertifikatsdatei %1 ist zu groß für ein Zertifikat</translation>
    </message>
    <message>
        <source>The CA certificate file %1 holds no PEM or DER certificate</source>
        <translation>Die CA-Zertifikatsdatei %1 enthält kein PEM- oder DER-Zertifikat</translation>
    </message>
</context>
<context>
    <name>TokenActions</name>
    <message>
        <source>&amp;Rotate Now</source>
        <translation>Jetzt &amp;rotieren</translation>
    </message>
    <message>
        <source>&amp;Plan (Dry Run)…</source>
        <translation>&amp;Planen (Probelauf)…</translation>
    </message>
    <message>
        <source>&amp;Emergency Revoke…</source>
        <translation>&amp;Notfall-Widerruf…</translation>
    </message>
    <message>
        <source>Emergency Revoke &amp;Account…</source>
        <translation>Notfall-Widerruf für &amp;Konto…</translation>
    </message>
    <message>
        <source>Emergency Revoke E&amp;verything…</source>
        <translation>Notfall-Widerruf für &amp;alles…</translation>
    </message>
    <message>
        <source>Rotate the selected tokens now (Ctrl+R)</source>
        <translation>Die ausgewählten Tokens jetzt rotieren (Strg+R)</translation>
    </message>
    <message>
        <source>Show exactly what rotating or revoking the selected tokens would do, without doing it</source>
        <translation>Genau zeigen, was das Rotieren oder Widerrufen der ausgewählten Tokens bewirken würde, ohne es auszuführen</translation>
    </message>
    <message>
        <source>Revoke every working version of the selected tokens at once, without grace</source>
        <translation>Jede gültige Version der ausgewählten Tokens sofort widerrufen, ohne Übergangsfrist</translation>
    </message>
    <message>
        <source>Revoke every token of the selected account at once</source>
        <translation>Jedes Token des ausgewählten Kontos sofort widerrufen</translation>
    </message>
    <message>
        <source>Revoke every token of the workspace at once</source>
        <translation>Jedes Token des Arbeitsbereichs sofort widerrufen</translation>
    </message>
    <message numerus="yes">
        <source>%n selected token(s)</source>
        <translation>
            <numerusform>%n ausgewähltes Token</numerusform>
            <numerusform>%n ausgewählte Tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>every token of %1</source>
        <translation>jedes Token von %1</translation>
    </message>
    <message>
        <source>every token of the workspace</source>
        <translation>jedes Token des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>%1: not rotated: %2</source>
        <translation>%1: nicht rotiert: %2</translation>
    </message>
    <message numerus="yes">
        <source>Rotating %n token(s)…</source>
        <translation>
            <numerusform>%n Token wird rotiert…</numerusform>
            <numerusform>%n Tokens werden rotiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>== Rotation ==</source>
        <translation>== Rotation ==</translation>
    </message>
    <message>
        <source>== Emergency revocation ==</source>
        <translation>== Notfall-Widerruf ==</translation>
    </message>
    <message>
        <source>Plan (Dry Run): nothing has been sent</source>
        <translation>Plan (Probelauf): Es wurde nichts gesendet</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>%1: version %2 is current.</source>
        <translation>%1: Version %2 ist aktuell.</translation>
    </message>
    <message>
        <source>%1: rotation failed: %2</source>
        <translation>%1: Rotation fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Nothing to revoke: %1 has no tokens.</source>
        <translation>Nichts zu widerrufen: %1 hat keine Tokens.</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt; (%2): %3&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt; (%2): %3&lt;/li&gt;</translation>
    </message>
    <message>
        <source>Revoke %1 (%2): %3</source>
        <translation>%1 (%2) widerrufen: %3</translation>
    </message>
    <message>
        <source>it expires</source>
        <translation>zum Ablauf</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt; (%2) stays valid until %3: %4&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt; (%2) bleibt gültig bis %3: %4&lt;/li&gt;</translation>
    </message>
    <message>
        <source>Stays valid until %1: %2 (%3): %4</source>
        <translation>Bleibt gültig bis %1: %2 (%3): %4</translation>
    </message>
    <message numerus="yes">
        <source>&lt;li&gt;… and %n more (see Show Details)&lt;/li&gt;</source>
        <translation>
            <numerusform>&lt;li&gt;… und %n weiteres (siehe „Details einblenden“)&lt;/li&gt;</numerusform>
            <numerusform>&lt;li&gt;… und %n weitere (siehe „Details einblenden“)&lt;/li&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Emergency revocation of &lt;b&gt;%1&lt;/b&gt;. These versions stop working &lt;b&gt;now&lt;/b&gt;, without any grace period. Applications still using them will fail.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Notfall-Widerruf von &lt;b&gt;%1&lt;/b&gt;. Diese Versionen funktionieren &lt;b&gt;sofort&lt;/b&gt; nicht mehr, ohne jede Übergangsfrist. Anwendungen, die sie noch verwenden, werden fehlschlagen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Revoked:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Widerrufen wird:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Cannot be revoked from here:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Kann von hier aus nicht widerrufen werden:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Emergency Revocation</source>
        <translation>Notfall-Widerruf</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n Token(s) Now</source>
        <translation>
            <numerusform>%n Token jetzt widerrufen</numerusform>
            <numerusform>%n Tokens jetzt widerrufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Emergency revocation finished.</source>
        <translation>Notfall-Widerruf abgeschlossen.</translation>
    </message>
    <message numerus="yes">
        <source>Emergency revocation finished; %n token(s) failed.</source>
        <translation>
            <numerusform>Notfall-Widerruf abgeschlossen; %n Token fehlgeschlagen.</numerusform>
            <numerusform>Notfall-Widerruf abgeschlossen; %n Tokens fehlgeschlagen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenBadgeDelegate</name>
    <message>
        <source>rotation failed</source>
        <translation>Rotation fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>TokenDetailsPanel</name>
    <message>
        <source>Edit &amp;Policy…</source>
        <translation>Richtlinie &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Token details</source>
        <translation>Token-Details</translation>
    </message>
    <message>
        <source>Select a token to see its versions, policy, notes and history.</source>
        <translation>Wählen Sie ein Token aus, um seine Versionen, Richtlinie, Notizen und seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>&amp;Versions</source>
        <translation>&amp;Versionen</translation>
    </message>
    <message>
        <source>P&amp;olicy</source>
        <translation>&amp;Richtlinie</translation>
    </message>
    <message>
        <source>Consumer notes</source>
        <translation>Notizen zur Verwendung</translation>
    </message>
    <message>
        <source>Which applications use this token, who to tell before rotating it…</source>
        <translation>Welche Anwendungen dieses Token verwenden, wen man vor dem Rotieren informieren muss…</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <source>Audit events of this token</source>
        <translation>Protokollereignisse dieses Tokens</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>owner %1</source>
        <translation>Besitzer %1</translation>
    </message>
    <message>
        <source>scopes: %1</source>
        <translation>Berechtigungen: %1</translation>
    </message>
    <message>
        <source>TokenDesk can: %1</source>
        <translation>TokenDesk kann: %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;No rotation policy: this token is rotated only by hand.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Keine Rotationsrichtlinie: Dieses Token wird nur von Hand rotiert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;⚠ %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;⚠ %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Next rotation due: %1 (%2 UTC)&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nächste Rotation fällig: %1 (%2 UTC)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Expires: %1 (%2 UTC)&lt;/p&gt;</source>
        <translation>&lt;p&gt;Läuft ab: %1 (%2 UTC)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>TokenFilterBar</name>
    <message>
        <source>Rotation &amp;failed</source>
        <translation>Rotation &amp;fehlgeschlagen</translation>
    </message>
    <message>
        <source>Search tokens, accounts, owners, scopes…</source>
        <translation>Tokens, Konten, Besitzer, Berechtigungen durchsuchen…</translation>
    </message>
    <message>
        <source>Search tokens</source>
        <translation>Tokens durchsuchen</translation>
    </message>
    <message>
        <source>Provider filter</source>
        <translation>Anbieterfilter</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>Alle Anbieter</translation>
    </message>
    <message>
        <source>State filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Due filter</source>
        <translation>Fälligkeitsfilter</translation>
    </message>
    <message>
        <source>Any due date</source>
        <translation>Beliebige Fälligkeit</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message numerus="yes">
        <source>Due within %n day(s)</source>
        <translation>
            <numerusform>Fällig innerhalb von %n Tag</numerusform>
            <numerusform>Fällig innerhalb von %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Only tokens whose last rotation failed</source>
        <translation>Nur Tokens, deren letzte Rotation fehlgeschlagen ist</translation>
    </message>
</context>
<context>
    <name>TokenSelection</name>
    <message>
        <source>No account “%1” in the workspace (see “tokendesk-cli accounts”).</source>
        <translation>Kein Konto „%1“ im Arbeitsbereich (siehe „tokendesk-cli accounts“).</translation>
    </message>
    <message>
        <source>No token “%1” in the workspace (give its name, id or provider id).</source>
        <translation>Kein Token „%1“ im Arbeitsbereich (geben Sie seinen Namen, seine ID oder Anbieter-ID an).</translation>
    </message>
    <message numerus="yes">
        <source>“%1” names %n tokens; give the id instead (see “tokendesk-cli list --json”).</source>
        <translation>
            <numerusform>„%1“ bezeichnet %n Token; geben Sie stattdessen die ID an (siehe „tokendesk-cli list --json“).</numerusform>
            <numerusform>„%1“ bezeichnet %n Tokens; geben Sie stattdessen die ID an (siehe „tokendesk-cli list --json“).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenState</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Rotating</source>
        <translation>Wird rotiert</translation>
    </message>
    <message>
        <source>Rotation failed</source>
        <translation>Rotation fehlgeschlagen</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
</context>
<context>
    <name>TokenTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Next rotation</source>
        <translation>Nächste Rotation</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>%1 (local time)
%2 UTC</source>
        <translation>%1 (Ortszeit)
%2 UTC</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>%1 überfällig</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>manual, before %1</source>
        <translation>manuell, vor %1</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <source>TokenDesk tray menu</source>
        <translation>TokenDesk-Menü im Infobereich</translation>
    </message>
    <message>
        <source>TokenDesk</source>
        <translation>TokenDesk</translation>
    </message>
    <message>
        <source>TokenDesk is still running</source>
        <translation>TokenDesk läuft weiter</translation>
    </message>
    <message>
        <source>Scheduled rotations go on. Use the tray icon to open the window again or to quit.</source>
        <translation>Geplante Rotationen laufen weiter. Über das Symbol im Infobereich öffnen Sie das Fenster wieder oder beenden das Programm.</translation>
    </message>
    <message>
        <source>token %1</source>
        <translation>Token %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiteres</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>TokenDesk caught up</source>
        <translation>TokenDesk holt Versäumtes nach</translation>
    </message>
    <message>
        <source>No scheduled rotation ran for %1 (the computer slept or TokenDesk was not running). Rotations that came due meanwhile start now.</source>
        <translation>%1 lang lief keine geplante Rotation (der Computer schlief oder TokenDesk lief nicht). Rotationen, die inzwischen fällig wurden, starten jetzt.</translation>
    </message>
    <message>
        <source>Rotation due soon</source>
        <translation>Rotation bald fällig</translation>
    </message>
    <message>
        <source>%1 is due for rotation on %2.</source>
        <translation>%1 ist am %2 zur Rotation fällig.</translation>
    </message>
    <message>
        <source>Rotations due soon</source>
        <translation>Rotationen bald fällig</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) are due for rotation soon: %1.</source>
        <translation>
            <numerusform>%n Token ist bald zur Rotation fällig: %1.</numerusform>
            <numerusform>%n Tokens sind bald zur Rotation fällig: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rotation overdue</source>
        <translation>Rotation überfällig</translation>
    </message>
    <message>
        <source>%1 was due for rotation on %2 and has not been rotated.</source>
        <translation>%1 war am %2 zur Rotation fällig und wurde nicht rotiert.</translation>
    </message>
    <message>
        <source>Rotations overdue</source>
        <translation>Rotationen überfällig</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) are overdue for rotation: %1.</source>
        <translation>
            <numerusform>%n Token ist zur Rotation überfällig: %1.</numerusform>
            <numerusform>%n Tokens sind zur Rotation überfällig: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rotation failed</source>
        <translation>Rotation fehlgeschlagen</translation>
    </message>
    <message>
        <source>The rotation of %1 failed: %2</source>
        <translation>Die Rotation von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…und %n weiteres.</numerusform>
            <numerusform>…und %n weitere.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rotation(s) failed</source>
        <translation>
            <numerusform>%n Rotation fehlgeschlagen</numerusform>
            <numerusform>%n Rotationen fehlgeschlagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnavailableSecretStore</name>
    <message>
        <source>No keychain</source>
        <translation>Kein Schlüsselbund</translation>
    </message>
</context>
<context>
    <name>VaultKvClient</name>
    <message>
        <source>The Vault address is not a valid URL.</source>
        <translation>Die Vault-Adresse ist keine gültige URL.</translation>
    </message>
    <message>
        <source>No KV v2 mount is configured for Vault.</source>
        <translation>Für Vault ist kein KV-v2-Mount eingerichtet.</translation>
    </message>
    <message>
        <source>No Vault token is configured.</source>
        <translation>Es ist kein Vault-Token eingerichtet.</translation>
    </message>
    <message>
        <source>“%1” is not a Vault secret path.</source>
        <translation>„%1“ ist kein Vault-Secret-Pfad.</translation>
    </message>
    <message>
        <source>A Vault read needs a field name and a version of 0 or more.</source>
        <translation>Ein Lesezugriff auf Vault braucht einen Feldnamen und eine Version von 0 oder mehr.</translation>
    </message>
    <message>
        <source>A Vault write needs a field name, a value and a cas of 0 or more.</source>
        <translation>Ein Schreibzugriff auf Vault braucht einen Feldnamen, einen Wert und einen cas-Wert von 0 oder mehr.</translation>
    </message>
    <message>
        <source>The secret is not valid UTF-8, so Vault&apos;s JSON cannot carry it.</source>
        <translation>Das Secret ist kein gültiges UTF-8, daher kann das JSON von Vault es nicht transportieren.</translation>
    </message>
    <message>
        <source>Vault may have stored the new version anyway: read the metadata before writing again.</source>
        <translation>Vault hat die neue Version womöglich trotzdem gespeichert: Lesen Sie die Metadaten, bevor Sie erneut schreiben.</translation>
    </message>
    <message>
        <source>Vault versions start at 1.</source>
        <translation>Vault-Versionen beginnen bei 1.</translation>
    </message>
    <message>
        <source>No Vault version to destroy was given.</source>
        <translation>Es wurde keine zu vernichtende Vault-Version angegeben.</translation>
    </message>
</context>
<context>
    <name>VaultKvParser</name>
    <message>
        <source>Vault rejected the request as invalid</source>
        <translation>Vault hat die Anfrage als ungültig abgelehnt</translation>
    </message>
    <message>
        <source>Vault denied permission (token invalid, expired or without the needed policy)</source>
        <translation>Vault hat die Berechtigung verweigert (Token ungültig, abgelaufen oder ohne die nötige Vault-Richtlinie)</translation>
    </message>
    <message>
        <source>Vault has no secret at this path (or the token may not see it)</source>
        <translation>Vault hat unter diesem Pfad kein Secret (oder das Token darf es nicht sehen)</translation>
    </message>
    <message>
        <source>Vault does not support this method here</source>
        <translation>Vault unterstützt diese Methode hier nicht</translation>
    </message>
    <message>
        <source>Vault answered from a standby node or is rate-limiting</source>
        <translation>Vault antwortete von einem Standby-Knoten oder begrenzt die Anfragerate</translation>
    </message>
    <message>
        <source>Vault is sealed or under maintenance</source>
        <translation>Vault ist versiegelt oder in Wartung</translation>
    </message>
    <message>
        <source>Vault answered HTTP %1</source>
        <translation>Vault antwortete mit HTTP %1</translation>
    </message>
    <message>
        <source>is missing; the secret has the fields %1</source>
        <translation>fehlt; das Secret hat die Felder %1</translation>
    </message>
    <message>
        <source>should be a string, not %1</source>
        <translation>sollte eine Zeichenkette sein, ist aber %1</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>is not a version number</source>
        <translation>ist keine Versionsnummer</translation>
    </message>
    <message>
        <source>does not list the current version %1</source>
        <translation>führt die aktuelle Version %1 nicht auf</translation>
    </message>
</context>
<context>
    <name>VaultSecretStore</name>
    <message>
        <source>HashiCorp Vault</source>
        <translation>HashiCorp Vault</translation>
    </message>
    <message>
        <source>HashiCorp Vault at %1 (KV mount “%2”)</source>
        <translation>HashiCorp Vault unter %1 (KV-Mount „%2“)</translation>
    </message>
    <message>
        <source>The Vault connection is gone.</source>
        <translation>Die Verbindung zu Vault besteht nicht mehr.</translation>
    </message>
    <message>
        <source>“%1” is not a valid Vault secret key.</source>
        <translation>„%1“ ist kein gültiger Vault-Secret-Schlüssel.</translation>
    </message>
    <message>
        <source>An empty secret cannot be stored in Vault.</source>
        <translation>Ein leeres Secret kann nicht in Vault gespeichert werden.</translation>
    </message>
    <message>
        <source>No secret is stored in Vault at “%1”. Enter the secret again to store it.</source>
        <translation>In Vault ist unter „%1“ kein Secret gespeichert. Geben Sie das Secret erneut ein, um es zu speichern.</translation>
    </message>
    <message>
        <source>Vault refused access to “%1”: its token is invalid or expired, or its policy does not allow this. (Vault: %2)</source>
        <translation>Vault hat den Zugriff auf „%1“ verweigert: Das Token ist ungültig oder abgelaufen, oder seine Vault-Richtlinie erlaubt dies nicht. (Vault: %2)</translation>
    </message>
    <message>
        <source>Vault is sealed. Ask a Vault operator to unseal it, then try again. (Vault: %1)</source>
        <translation>Vault ist versiegelt. Bitten Sie einen Vault-Betreiber, es zu entsiegeln, und versuchen Sie es dann erneut. (Vault: %1)</translation>
    </message>
    <message>
        <source>Cannot reach Vault: %1</source>
        <translation>Vault ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Vault did not answer in time: %1</source>
        <translation>Vault hat nicht rechtzeitig geantwortet: %1</translation>
    </message>
    <message>
        <source>Vault could not handle the secret at “%1”: %2</source>
        <translation>Vault konnte das Secret unter „%1“ nicht verarbeiten: %2</translation>
    </message>
</context>
<context>
    <name>VersionState</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Grace</source>
        <translation>Übergangsfrist</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>Vernichtet</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
</context>
<context>
    <name>VersionTableModel</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Provider ID</source>
        <translation>Anbieter-ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Revoke at</source>
        <translation>Widerruf am</translation>
    </message>
    <message>
        <source>Delete at</source>
        <translation>Löschung am</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>nicht geplant</translation>
    </message>
</context>
<context>
    <name>WorkspaceLock</name>
    <message>
        <source>The workspace “%1” is already open for writing in %2 (process %3 on %4). Close it there first, or open this workspace read-only.</source>
        <translation>Der Arbeitsbereich „%1“ ist bereits in %2 zum Schreiben geöffnet (Prozess %3 auf %4). Schließen Sie ihn dort zuerst oder öffnen Sie diesen Arbeitsbereich schreibgeschützt.</translation>
    </message>
    <message>
        <source>Cannot create the lock file beside the workspace “%1”: permission denied.</source>
        <translation>Die Sperrdatei neben dem Arbeitsbereich „%1“ kann nicht angelegt werden: Zugriff verweigert.</translation>
    </message>
    <message>
        <source>Cannot lock the workspace “%1”.</source>
        <translation>Der Arbeitsbereich „%1“ kann nicht gesperrt werden.</translation>
    </message>
</context>
<context>
    <name>WorkspaceStore</name>
    <message>
        <source>The workspace “%1” does not exist.</source>
        <translation>Der Arbeitsbereich „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot create the folder “%1”.</source>
        <translation>Der Ordner „%1“ kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open the workspace “%1”: %2</source>
        <translation>Der Arbeitsbereich „%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>schema version %1 is not the one this TokenDesk reads (%2); open it once for writing to migrate</source>
        <translation>Schemaversion %1 ist nicht die, die dieses TokenDesk liest (%2); öffnen Sie ihn einmal zum Schreiben, um ihn zu migrieren</translation>
    </message>
    <message>
        <source>the workspace has no id: %1</source>
        <translation>der Arbeitsbereich hat keine ID: %1</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Es ist kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>The workspace is open read-only.</source>
        <translation>Der Arbeitsbereich ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>Cannot save the account “%1”: %2</source>
        <translation>Das Konto „%1“ kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The account “%1” is no longer in the workspace.</source>
        <translation>Das Konto „%1“ ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Cannot remove the account: %1</source>
        <translation>Das Konto kann nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Cannot save the token “%1”: %2</source>
        <translation>Das Token „%1“ kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Cannot save tokens: %1</source>
        <translation>Tokens können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The token “%1” is no longer in the workspace.</source>
        <translation>Das Token „%1“ ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Cannot remove the token: %1</source>
        <translation>Das Token kann nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Cannot save version %1: %2</source>
        <translation>Version %1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Version %1 is no longer in the workspace.</source>
        <translation>Version %1 ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Cannot write the audit log: %1</source>
        <translation>Das Prüfprotokoll kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>WorkspaceSync</name>
    <message>
        <source>The account&apos;s credential could not be read: %1</source>
        <translation>Die Zugangsdaten des Kontos konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>TokenDesk cannot list tokens of %1 accounts.</source>
        <translation>TokenDesk kann keine Tokens von %1-Konten auflisten.</translation>
    </message>
    <message>
        <source>%1 tokens listed, %2 new, %3 changed</source>
        <translation>%1 Tokens aufgelistet, %2 neu, %3 geändert</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>TokenDesk</source>
        <translation>TokenDesk</translation>
    </message>
    <message>
        <source>Starting the provider sandbox…</source>
        <translation>Die Anbieter-Sandbox wird gestartet…</translation>
    </message>
    <message>
        <source>Sandbox unavailable: %1</source>
        <translation>Sandbox nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Sandbox ready: demo accounts on this computer only; nothing reaches a real provider.</source>
        <translation>Sandbox bereit: Demokonten nur auf diesem Computer; nichts erreicht einen echten Anbieter.</translation>
    </message>
    <message>
        <source>Sandbox ready with problems: %1</source>
        <translation>Sandbox mit Problemen bereit: %1</translation>
    </message>
    <message>
        <source>Rotate and revoke API tokens.</source>
        <translation>API-Tokens rotieren und widerrufen.</translation>
    </message>
    <message>
        <source>Start PROGRAM (tokendesk-sandbox: fake providers on this computer) and open a demo workspace with one account per provider. The demo workspace is separate from your own and rebuilt at each start.</source>
        <translation>PROGRAM starten (tokendesk-sandbox: simulierte Anbieter auf diesem Computer) und einen Demo-Arbeitsbereich mit einem Konto pro Anbieter öffnen. Der Demo-Arbeitsbereich ist von Ihrem eigenen getrennt und wird bei jedem Start neu aufgebaut.</translation>
    </message>
    <message>
        <source>--sandbox uses its own workspace; leave out --workspace.</source>
        <translation>--sandbox verwendet einen eigenen Arbeitsbereich; lassen Sie --workspace weg.</translation>
    </message>
    <message>
        <source>&amp;Show TokenDesk</source>
        <translation>TokenDesk &amp;anzeigen</translation>
    </message>
    <message>
        <source>Scheduled rotation of %1 started.</source>
        <translation>Geplante Rotation von %1 gestartet.</translation>
    </message>
    <message>
        <source>%1 is overdue for rotation (due %2).</source>
        <translation>%1 ist überfällig für die Rotation (fällig %2).</translation>
    </message>
    <message>
        <source>Scheduled rotation of %1 failed: %2</source>
        <translation>Geplante Rotation von %1 fehlgeschlagen: %2</translation>
    </message>
</context>
</TS>
