<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ActivityPanel</name>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Apply the plan of the selected dry run</source>
        <translation>Den Plan des gewählten Probelaufs anwenden</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abb&amp;rechen</translation>
    </message>
    <message>
        <source>Stop the selected job (steps in flight finish their call first)</source>
        <translation>Den gewählten Job anhalten (laufende Schritte beenden zuerst ihren Aufruf)</translation>
    </message>
    <message>
        <source>&amp;Retry Failed</source>
        <translation>&amp;Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Run the failed targets again, or resume an interrupted or cancelled job</source>
        <translation>Die fehlgeschlagenen Ziele erneut ausführen oder einen unterbrochenen oder abgebrochenen Job fortsetzen</translation>
    </message>
    <message>
        <source>Reload &amp;History</source>
        <translation>&amp;Verlauf neu laden</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save what the selected job did per target and step (ids, durations, errors) as CSV or JSON</source>
        <translation>Speichern, was der gewählte Job je Ziel und Schritt getan hat (IDs, Dauer, Fehler), als CSV oder JSON</translation>
    </message>
    <message>
        <source>Select a job, target or step to see what it did.</source>
        <translation>Wählen Sie einen Job, ein Ziel oder einen Schritt, um zu sehen, was er getan hat.</translation>
    </message>
    <message>
        <source>The plan cannot run: %1</source>
        <translation>Der Plan kann nicht laufen: %1</translation>
    </message>
    <message>
        <source>Dry run of %1…</source>
        <translation>Probelauf von %1…</translation>
    </message>
    <message>
        <source>Applying %1…</source>
        <translation>%1 wird angewendet…</translation>
    </message>
    <message numerus="yes">
        <source>Dry run of %1 done: %n target(s) ready. Review the steps, then Apply.</source>
        <translation>
            <numerusform>Probelauf von %1 fertig: %n Ziel bereit. Prüfen Sie die Schritte, dann Anwenden.</numerusform>
            <numerusform>Probelauf von %1 fertig: %n Ziele bereit. Prüfen Sie die Schritte, dann Anwenden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dry run of %1 done: %2 blocked, %3 failed — fix the plan before applying.</source>
        <translation>Probelauf von %1 fertig: %2 blockiert, %3 fehlgeschlagen — korrigieren Sie den Plan vor dem Anwenden.</translation>
    </message>
    <message>
        <source>%1: %2 — %3 succeeded, %4 failed, %5 blocked, %6 cancelled.</source>
        <translation>%1: %2 — %3 erfolgreich, %4 fehlgeschlagen, %5 blockiert, %6 abgebrochen.</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Job: %1</source>
        <translation>Job: %1</translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>Journal: %1</translation>
    </message>
    <message>
        <source>Resumable: Retry Failed completes it from its journal.</source>
        <translation>Fortsetzbar: „Fehlgeschlagene wiederholen“ schließt ihn anhand seines Journals ab.</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>Host: %1</translation>
    </message>
    <message>
        <source>Step: %1 (%2)</source>
        <translation>Schritt: %1 (%2)</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Probed once step %1 has run</source>
        <translation>Wird geprüft, sobald Schritt %1 gelaufen ist</translation>
    </message>
    <message>
        <source>Apply attempts: %1</source>
        <translation>Anwendungsversuche: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>Updated: %1</source>
        <translation>Aktualisiert: %1</translation>
    </message>
    <message>
        <source>API calls:
  %1</source>
        <translation>API-Aufrufe:
  %1</translation>
    </message>
    <message>
        <source>Cannot apply: %1</source>
        <translation>Anwenden nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Cannot retry: %1</source>
        <translation>Wiederholen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Select a job to export its report</source>
        <translation>Wählen Sie einen Job, um seinen Bericht zu exportieren</translation>
    </message>
    <message>
        <source>Cannot export to %1: the name must end in .csv or .json</source>
        <translation>Export nach %1 nicht möglich: der Name muss auf .csv oder .json enden</translation>
    </message>
    <message>
        <source>Cannot read job %1: %2</source>
        <translation>Job %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n report row(s) to %1</source>
        <translation>
            <numerusform>%n Berichtszeile nach %1 exportiert</numerusform>
            <numerusform>%n Berichtszeilen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;JSON files (*.json)</source>
        <translation>CSV-Dateien (*.csv);;JSON-Dateien (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) on %1</source>
        <translation>
            <numerusform>%n Element auf %1</numerusform>
            <numerusform>%n Elemente auf %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Applying this plan &lt;b&gt;deletes&lt;/b&gt; content for good: %1. Nothing deleted can be restored.</source>
        <translation>Dieser Plan &lt;b&gt;löscht&lt;/b&gt; Inhalte endgültig: %1. Gelöschtes lässt sich nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>Delete Content</source>
        <translation>Inhalte löschen</translation>
    </message>
    <message>
        <source>delete %1 items</source>
        <translation>%1 Elemente löschen</translation>
    </message>
    <message>
        <source>Delete %1 Items</source>
        <translation>%1 Elemente löschen</translation>
    </message>
</context>
<context>
    <name>AuditEventModel</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>The audit events of %1 could not be loaded: %2</source>
        <translation>Die Audit-Ereignisse von %1 konnten nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>The audit events of %1 are not what the API describes: %2</source>
        <translation>Die Audit-Ereignisse von %1 entsprechen nicht der API-Beschreibung: %2</translation>
    </message>
    <message>
        <source>%1 (bot user)</source>
        <translation>%1 (Bot-Benutzer)</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Any event type</source>
        <translation>Jeder Ereignistyp</translation>
    </message>
    <message>
        <source>Any user</source>
        <translation>Jeder Benutzer</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Export the loaded events to CSV</source>
        <translation>Die geladenen Ereignisse als CSV exportieren</translation>
    </message>
    <message>
        <source>Export the loaded events to JSON</source>
        <translation>Die geladenen Ereignisse als JSON exportieren</translation>
    </message>
    <message>
        <source>Load More</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <source>The time range ends before it starts: %1 is after %2.</source>
        <translation>Der Zeitraum endet, bevor er beginnt: %1 liegt nach %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) loaded, loading more…</source>
        <translation>
            <numerusform>%n Ereignis geladen, weitere werden geladen…</numerusform>
            <numerusform>%n Ereignisse geladen, weitere werden geladen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) loaded; more on the server</source>
        <translation>
            <numerusform>%n Ereignis geladen; weitere auf dem Server</numerusform>
            <numerusform>%n Ereignisse geladen; weitere auf dem Server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1</source>
        <translation>
            <numerusform>%n Ereignis nach %1 exportiert</numerusform>
            <numerusform>%n Ereignisse nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>Export to JSON</source>
        <translation>Als JSON exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
</context>
<context>
    <name>Cloud::CredentialCheck</name>
    <message>
        <source>Connected to %1 as the bot user “%2” (%3)%4.</source>
        <translation>Verbunden mit %1 als Bot-Benutzer „%2“ (%3)%4.</translation>
    </message>
    <message>
        <source>, roles %1</source>
        <translation>, Rollen %1</translation>
    </message>
    <message>
        <source>%1 accepted the region client. Its bot user is created in each tenant at the first sign-in there.</source>
        <translation>%1 hat den Regions-Client akzeptiert. Sein Bot-Benutzer wird in jedem Mandanten bei der ersten Anmeldung dort angelegt.</translation>
    </message>
    <message>
        <source>%1 accepted the organization client. Add a subscription id to list its tenants.</source>
        <translation>%1 hat den Organisations-Client akzeptiert. Fügen Sie eine Abonnement-ID hinzu, um seine Mandanten aufzulisten.</translation>
    </message>
    <message numerus="yes">
        <source>%1 accepted the organization client; subscription %2 has %n tenant(s).</source>
        <translation>
            <numerusform>%1 hat den Organisations-Client akzeptiert; Abonnement %2 hat %n Mandanten.</numerusform>
            <numerusform>%1 hat den Organisations-Client akzeptiert; Abonnement %2 hat %n Mandanten.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 accepted the organization client and lists the tenants of subscription %2.</source>
        <translation>%1 hat den Organisations-Client akzeptiert und listet die Mandanten des Abonnements %2 auf.</translation>
    </message>
</context>
<context>
    <name>Cloud::TenantLifecycle</name>
    <message>
        <source>Enter the alias hostname, e.g. customer-a.%1.qlikcloud.com.</source>
        <translation>Geben Sie den Alias-Hostnamen ein, z. B. customer-a.%1.qlikcloud.com.</translation>
    </message>
    <message>
        <source>The tenant&apos;s region is not known, so its alias cannot be checked.</source>
        <translation>Die Region des Mandanten ist nicht bekannt, daher kann sein Alias nicht geprüft werden.</translation>
    </message>
    <message>
        <source>The alias &apos;%1&apos; must end with %2 (the tenant&apos;s region).</source>
        <translation>Der Alias „%1“ muss auf %2 enden (die Region des Mandanten).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a hostname label: use lower-case letters, digits and &apos;-&apos;.</source>
        <translation>„%1“ ist kein Hostnamen-Label: verwenden Sie Kleinbuchstaben, Ziffern und „-“.</translation>
    </message>
    <message>
        <source>&apos;register&apos; is Qlik&apos;s registration host, not a tenant alias.</source>
        <translation>„register“ ist Qliks Registrierungs-Host, kein Mandanten-Alias.</translation>
    </message>
    <message>
        <source>The request may or may not have taken effect: refresh the tenant before trying again.</source>
        <translation>Die Anfrage hat möglicherweise gewirkt, möglicherweise nicht: aktualisieren Sie den Mandanten, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The tenant did not say its id (GET /api/v1/tenants/me).</source>
        <translation>Der Mandant hat seine ID nicht genannt (GET /api/v1/tenants/me).</translation>
    </message>
    <message>
        <source>The tenant&apos;s alias is now %1.</source>
        <translation>Der Alias des Mandanten ist jetzt %1.</translation>
    </message>
    <message>
        <source>The purge delay must be %1 to %2 days, not %3.</source>
        <translation>Die Löschfrist muss %1 bis %2 Tage betragen, nicht %3.</translation>
    </message>
    <message>
        <source>The tenant&apos;s region is not known: its register host cannot be chosen.</source>
        <translation>Die Region des Mandanten ist nicht bekannt: sein Register-Host kann nicht gewählt werden.</translation>
    </message>
    <message>
        <source>Name a hostname of the tenant to confirm (qlik-confirm-hostname).</source>
        <translation>Nennen Sie zur Bestätigung einen Hostnamen des Mandanten (qlik-confirm-hostname).</translation>
    </message>
    <message>
        <source>Tenant deactivated; Qlik purges it from %1 unless it is reactivated before.</source>
        <translation>Mandant deaktiviert; Qlik löscht ihn endgültig ab %1, sofern er nicht vorher reaktiviert wird.</translation>
    </message>
    <message>
        <source>Tenant deactivated.</source>
        <translation>Mandant deaktiviert.</translation>
    </message>
    <message>
        <source>Tenant reactivated.</source>
        <translation>Mandant reaktiviert.</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Type a command or a tenant…</source>
        <translation>Befehl oder Mandant eingeben…</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Reconnecting to %1…</source>
        <translation>Verbindung zu %1 wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Cannot reach %1</source>
        <translation>%1 ist nicht erreichbar</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) answering</source>
        <translation>
            <numerusform>%n Host antwortet</numerusform>
            <numerusform>%n Hosts antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>Waiting %1 s for rate limit (%2, tenant %3)</source>
        <translation>Wartet %1 s wegen Ratenlimit (%2, Mandant %3)</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weiterer</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>console (no subscription)</source>
        <translation>console (kein Abonnement)</translation>
    </message>
    <message>
        <source>console, subscription %1</source>
        <translation>console, Abonnement %1</translation>
    </message>
    <message>
        <source>region %1</source>
        <translation>Region %1</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>&amp;Import from qlik-cli…</source>
        <translation>Aus qlik-cli &amp;importieren…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>e.g. acme-eu (letters, digits, &apos;-&apos; or &apos;_&apos;)</source>
        <translation>z. B. acme-eu (Buchstaben, Ziffern, „-“ oder „_“)</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>%1 — %2 (%3, id not documented by Qlik)</source>
        <translation>%1 — %2 (%3, ID von Qlik nicht dokumentiert)</translation>
    </message>
    <message>
        <source>acme.eu.qlikcloud.com</source>
        <translation>acme.eu.qlikcloud.com</translation>
    </message>
    <message>
        <source>subscription (license) numbers, comma-separated</source>
        <translation>Abonnement-(Lizenz-)Nummern, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>The organization API lists tenants per subscription; My Qlik shows the numbers.</source>
        <translation>Die Organisations-API listet Mandanten je Abonnement auf; My Qlik zeigt die Nummern.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>E&amp;bene:</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>Tenant &amp;host:</source>
        <translation>Mandanten-&amp;Host:</translation>
    </message>
    <message>
        <source>S&amp;ubscriptions:</source>
        <translation>Ab&amp;onnements:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>Be&amp;zeichnung:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client-&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>required; kept only in the OS keychain</source>
        <translation>erforderlich; nur im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <source>stored in the keychain; type a new one to replace it</source>
        <translation>im Schlüsselbund gespeichert; geben Sie ein neues ein, um es zu ersetzen</translation>
    </message>
    <message>
        <source>Enter a profile name.</source>
        <translation>Geben Sie einen Profilnamen ein.</translation>
    </message>
    <message>
        <source>Enter the client id of the OAuth client.</source>
        <translation>Geben Sie die Client-ID des OAuth-Clients ein.</translation>
    </message>
    <message>
        <source>Enter the tenant&apos;s hostname, e.g. acme.eu.qlikcloud.com.</source>
        <translation>Geben Sie den Hostnamen des Mandanten ein, z. B. acme.eu.qlikcloud.com.</translation>
    </message>
    <message>
        <source>Region &apos;%1&apos; is not one Tenantry knows (%2).</source>
        <translation>Die Region „%1“ kennt Tenantry nicht (%2).</translation>
    </message>
    <message>
        <source>Enter the client secret: Qlik shows it once, when the OAuth client is created.</source>
        <translation>Geben Sie das Client-Geheimnis ein: Qlik zeigt es nur einmal, beim Anlegen des OAuth-Clients.</translation>
    </message>
    <message>
        <source>Saving the secret in the keychain…</source>
        <translation>Das Geheimnis wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>The secret was not saved, nor the profile: %1</source>
        <translation>Weder das Geheimnis noch das Profil wurde gespeichert: %1</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; added; its secret is in %2.</source>
        <translation>Profil „%1“ hinzugefügt; sein Geheimnis liegt in %2.</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; saved with its new secret.</source>
        <translation>Profil „%1“ mit neuem Geheimnis gespeichert.</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; saved.</source>
        <translation>Profil „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove the profile &apos;%1&apos; and its secret from the keychain?</source>
        <translation>Das Profil „%1“ und sein Geheimnis aus dem Schlüsselbund entfernen?</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; removed, but its secret is still in the keychain: %2</source>
        <translation>Profil „%1“ entfernt, aber sein Geheimnis ist noch im Schlüsselbund: %2</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; and its secret removed.</source>
        <translation>Profil „%1“ und sein Geheimnis entfernt.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet…</translation>
    </message>
    <message>
        <source> (code %1)</source>
        <translation> (Code %1)</translation>
    </message>
    <message>
        <source>Import qlik-cli Contexts</source>
        <translation>qlik-cli-Kontexte importieren</translation>
    </message>
    <message>
        <source>qlik-cli contexts (*.yml *.yaml);;All files (*)</source>
        <translation>qlik-cli-Kontexte (*.yml *.yaml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>%1 Nothing was imported.</source>
        <translation>%1 Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>No contexts in %1.</source>
        <translation>Keine Kontexte in %1.</translation>
    </message>
    <message>
        <source>%1 imported, %2 updated, %3 unchanged, %4 skipped, %5 refused, %6 failed.</source>
        <translation>%1 importiert, %2 aktualisiert, %3 unverändert, %4 übersprungen, %5 abgelehnt, %6 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>%1 (line %2): %3</source>
        <translation>%1 (Zeile %2): %3</translation>
    </message>
    <message>
        <source> → profile &apos;%1&apos; (%2)</source>
        <translation> → Profil „%1“ (%2)</translation>
    </message>
    <message>
        <source>Reminder: %1</source>
        <translation>Erinnerung: %1</translation>
    </message>
    <message>
        <source>qlik-cli Import</source>
        <translation>qlik-cli-Import</translation>
    </message>
    <message>
        <source>&lt;b&gt;The OS keychain (%1) is unavailable:&lt;/b&gt; profiles cannot be added, changed or removed until it is, and no secret is kept anywhere else. %2</source>
        <translation>&lt;b&gt;Der Schlüsselbund des Systems (%1) ist nicht verfügbar:&lt;/b&gt; Profile können erst hinzugefügt, geändert oder entfernt werden, wenn er es ist, und kein Geheimnis wird anderswo gespeichert. %2</translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <source>This page has nothing to export.</source>
        <translation>Diese Seite hat nichts zu exportieren.</translation>
    </message>
</context>
<context>
    <name>EstateModel</name>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message numerus="yes">
        <source>%n tenant(s) of the organization API could not be read: %1</source>
        <translation>
            <numerusform>%n Mandant der Organisations-API konnte nicht gelesen werden: %1</numerusform>
            <numerusform>%n Mandanten der Organisations-API konnten nicht gelesen werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The organization API may want the subscription id of your organization client (My Qlik shows it).</source>
        <translation>Die Organisations-API erwartet womöglich die Abonnement-ID Ihres Organisations-Clients (My Qlik zeigt sie).</translation>
    </message>
    <message>
        <source>Region unknown</source>
        <translation>Region unbekannt</translation>
    </message>
    <message>
        <source>Tags are not available.</source>
        <translation>Tags sind nicht verfügbar.</translation>
    </message>
    <message>
        <source>There is no tag &apos;%1&apos;.</source>
        <translation>Es gibt kein Tag „%1“.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Spaces</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Designs</translation>
    </message>
    <message>
        <source>Identity providers</source>
        <translation>Identitätsanbieter</translation>
    </message>
    <message>
        <source>CSP origins</source>
        <translation>CSP-Ursprünge</translation>
    </message>
    <message>
        <source>Web integrations</source>
        <translation>Web-Integrationen</translation>
    </message>
    <message>
        <source>Automations</source>
        <translation>Automatisierungen</translation>
    </message>
    <message>
        <source>Bot users</source>
        <translation>Bot-Benutzer</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>published copy</source>
        <translation>veröffentlichte Kopie</translation>
    </message>
    <message>
        <source> · interactive</source>
        <translation> · interaktiv</translation>
    </message>
    <message>
        <source> · inactive</source>
        <translation> · inaktiv</translation>
    </message>
    <message>
        <source>Unexpected answer from %1: %2</source>
        <translation>Unerwartete Antwort von %1: %2</translation>
    </message>
    <message>
        <source>%1 tenants</source>
        <translation>%1 Mandanten</translation>
    </message>
    <message>
        <source>loading… %1</source>
        <translation>lädt… %1</translation>
    </message>
    <message>
        <source>%1 · error</source>
        <translation>%1 · Fehler</translation>
    </message>
    <message>
        <source> · purge %1</source>
        <translation> · Löschung %1</translation>
    </message>
    <message>
        <source> · auto-assigns seats</source>
        <translation> · weist Plätze automatisch zu</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>lädt…</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source> · orphaned</source>
        <translation> · verwaist</translation>
    </message>
    <message>
        <source>%1 could not be loaded (F5 retries):
%2</source>
        <translation>%1 konnte nicht geladen werden (F5 versucht es erneut):
%2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Purge after: %1</source>
        <translation>Löschen nach: %1</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>Label: %1</source>
        <translation>Bezeichnung: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
</context>
<context>
    <name>EstateSession</name>
    <message>
        <source>Sandbox organization</source>
        <translation>Sandbox-Organisation</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message numerus="yes">
        <source>%n organization client(s)</source>
        <translation>
            <numerusform>%n Organisations-Client</numerusform>
            <numerusform>%n Organisations-Clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n region client(s)</source>
        <translation>
            <numerusform>%n Regions-Client</numerusform>
            <numerusform>%n Regions-Clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tenant client(s)</source>
        <translation>
            <numerusform>%n Mandanten-Client</numerusform>
            <numerusform>%n Mandanten-Clients</numerusform>
        </translation>
    </message>
    <message>
        <source>no credentials</source>
        <translation>keine Zugangsdaten</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Tenantry</source>
        <translation>Willkommen bei Tenantry</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No Qlik Cloud credentials yet&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Noch keine Zugangsdaten für Qlik Cloud&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Tenantry signs in to Qlik Cloud with OAuth machine-to-machine clients: an &lt;b&gt;organization&lt;/b&gt; client lists your tenants across regions, a &lt;b&gt;region&lt;/b&gt; client creates and manages the tenants of a region, a &lt;b&gt;tenant&lt;/b&gt; client reaches one tenant. Their secrets are kept only in the OS keychain.&lt;p&gt;Or try everything first against a local sandbox of Qlik Cloud with a demo estate: nothing leaves this computer.&lt;/p&gt;</source>
        <translation>Tenantry meldet sich bei Qlik Cloud mit OAuth-Clients für Maschinen an: ein &lt;b&gt;Organisations&lt;/b&gt;-Client listet Ihre Mandanten über alle Regionen auf, ein &lt;b&gt;Regions&lt;/b&gt;-Client legt die Mandanten einer Region an und verwaltet sie, ein &lt;b&gt;Mandanten&lt;/b&gt;-Client erreicht einen Mandanten. Ihre Geheimnisse liegen nur im Schlüsselbund des Systems.&lt;p&gt;Oder probieren Sie zuerst alles an einer lokalen Sandbox von Qlik Cloud mit einem Demo-Bestand aus: nichts verlässt diesen Computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Add Credentials…</source>
        <translation>Zugangsdaten &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Try the &amp;Sandbox</source>
        <translation>&amp;Sandbox ausprobieren</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
</context>
<context>
    <name>InteractiveLoginBox</name>
    <message>
        <source>Also let the customer&apos;s people sign in interactively (&amp;OIDC)</source>
        <translation>Auch die Leute des Kunden interaktiv anmelden lassen (&amp;OIDC)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Trust the provider&apos;s email addresses as verified</source>
        <translation>E-Mail-Adressen des Anbieters als bestätigt &amp;behandeln</translation>
    </message>
    <message>
        <source>the application&apos;s client secret</source>
        <translation>das Client-Geheimnis der Anwendung</translation>
    </message>
    <message>
        <source>&amp;Store in Keychain</source>
        <translation>Im Schlüsselbund s&amp;peichern</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>Anbie&amp;ter:</translation>
    </message>
    <message>
        <source>&amp;Discovery URL:</source>
        <translation>&amp;Discovery-URL:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>&amp;Realm:</source>
        <translation>&amp;Realm:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client-&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>Name the customer first: the secret is kept under the customer&apos;s id.</source>
        <translation>Zuerst den Kunden benennen: das Geheimnis wird unter der ID des Kunden abgelegt.</translation>
    </message>
    <message>
        <source>Looking in the keychain…</source>
        <translation>Suche im Schlüsselbund …</translation>
    </message>
    <message>
        <source>Not in the keychain yet: type it and store it (%1).</source>
        <translation>Noch nicht im Schlüsselbund: eingeben und speichern (%1).</translation>
    </message>
    <message>
        <source>Stored in %1. Type a new one and store it to replace it.</source>
        <translation>Gespeichert in %1. Zum Ersetzen ein neues eingeben und speichern.</translation>
    </message>
    <message>
        <source>Storing in the keychain…</source>
        <translation>Speichere im Schlüsselbund …</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>Der Schlüsselbund meldet einen Fehler: %1</translation>
    </message>
    <message>
        <source>The client id of the tenant&apos;s application at the provider.</source>
        <translation>Die Client-ID der Anwendung des Tenants beim Anbieter.</translation>
    </message>
</context>
<context>
    <name>InterfaceLanguage</name>
    <message>
        <source>Cannot load the translation %1 (%2): Tenantry stays in English.</source>
        <translation>Die Übersetzung %1 (%2) kann nicht geladen werden: Tenantry bleibt auf Englisch.</translation>
    </message>
</context>
<context>
    <name>JobBoard</name>
    <message>
        <source>no job %1 in %2</source>
        <translation>kein Job %1 in %2</translation>
    </message>
    <message>
        <source>job %1 is not a dry run of this session</source>
        <translation>Job %1 ist kein Probelauf dieser Sitzung</translation>
    </message>
    <message>
        <source>the dry run %1 has not finished yet</source>
        <translation>der Probelauf %1 ist noch nicht fertig</translation>
    </message>
    <message>
        <source>not connected: jobs need a connection to Qlik Cloud (or the sandbox)</source>
        <translation>nicht verbunden: Jobs brauchen eine Verbindung zu Qlik Cloud (oder zur Sandbox)</translation>
    </message>
    <message>
        <source>job %1 is not running in this session</source>
        <translation>Job %1 läuft nicht in dieser Sitzung</translation>
    </message>
    <message>
        <source>job %1 is still running</source>
        <translation>Job %1 läuft noch</translation>
    </message>
    <message>
        <source>job %1 has no journal to resume from</source>
        <translation>Job %1 hat kein Journal zum Fortsetzen</translation>
    </message>
</context>
<context>
    <name>JobListModel</name>
    <message>
        <source>will update</source>
        <translation>wird aktualisiert</translation>
    </message>
    <message>
        <source>will create</source>
        <translation>wird angelegt</translation>
    </message>
    <message>
        <source>%1 targets: %2 succeeded, %3 failed, %4 blocked</source>
        <translation>%1 Ziele: %2 erfolgreich, %3 fehlgeschlagen, %4 blockiert</translation>
    </message>
    <message>
        <source>dry run of %1 targets</source>
        <translation>Probelauf über %1 Ziele</translation>
    </message>
    <message>
        <source>%1 targets</source>
        <translation>%1 Ziele</translation>
    </message>
    <message>
        <source> (dry run)</source>
        <translation> (Probelauf)</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>LicensePage</name>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>Overage</source>
        <translation>Überschreitung</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Excess</source>
        <translation>Überschuss</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Shared pool&lt;/b&gt; (the subscription&apos;s entitlement: every tenant on it draws on these seats)</source>
        <translation>&lt;b&gt;Gemeinsamer Pool&lt;/b&gt; (die Berechtigung des Abonnements: jeder Mandant darauf greift auf diese Plätze zu)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Assigned seats&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zugewiesene Plätze&lt;/b&gt;</translation>
    </message>
    <message>
        <source>License of %1</source>
        <translation>Lizenz von %1</translation>
    </message>
    <message>
        <source>license %1</source>
        <translation>Lizenz %1</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>lädt…</translation>
    </message>
    <message>
        <source>unbounded</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Automatic assignment to new users: professional %1, analyzer %2</source>
        <translation>Automatische Zuweisung an neue Benutzer: Professional %1, Analyzer %2</translation>
    </message>
    <message>
        <source>Automatic assignment: loading…</source>
        <translation>Automatische Zuweisung: lädt…</translation>
    </message>
    <message>
        <source>Automatic assignment: unknown</source>
        <translation>Automatische Zuweisung: unbekannt</translation>
    </message>
    <message>
        <source>professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>analyzer</source>
        <translation>Analyzer</translation>
    </message>
    <message>
        <source>New users of this tenant take a %1 seat from the shared pool automatically: every login of someone new uses up a seat other tenants of the subscription also need.</source>
        <translation>Neue Benutzer dieses Mandanten erhalten automatisch einen %1-Platz aus dem gemeinsamen Pool: jede erste Anmeldung einer neuen Person verbraucht einen Platz, den auch andere Mandanten des Abonnements brauchen.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tenantry</source>
        <translation>Tenantry</translation>
    </message>
    <message>
        <source>Filter tenants (name, hostname, label, tag)</source>
        <translation>Mandanten filtern (Name, Hostname, Bezeichnung, Tag)</translation>
    </message>
    <message>
        <source>Estate</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Select a tenant or a resource in the estate to see its details.</source>
        <translation>Wählen Sie einen Mandanten oder eine Ressource im Bestand, um die Details zu sehen.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>None of %1 tenants checked takes seats automatically.</source>
        <translation>Keiner der %1 geprüften Mandanten weist Plätze automatisch zu.</translation>
    </message>
    <message>
        <source>%1 of %2 tenants checked take seats automatically: %3</source>
        <translation>%1 von %2 geprüften Mandanten weisen Plätze automatisch zu: %3</translation>
    </message>
    <message>
        <source>%1 could not be checked: %2</source>
        <translation>%1 konnte nicht geprüft werden: %2</translation>
    </message>
    <message>
        <source>Checking the license settings of %1 tenants…</source>
        <translation>Die Lizenzeinstellungen von %1 Mandanten werden geprüft…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Publish Apps…</source>
        <translation>Apps &amp;veröffentlichen…</translation>
    </message>
    <message>
        <source>Check &amp;Seat Auto-Assignment</source>
        <translation>&amp;Automatische Platzzuweisung prüfen</translation>
    </message>
    <message>
        <source>Read the license settings of the selected tenants and flag those whose new users take seats automatically</source>
        <translation>Die Lizenzeinstellungen der gewählten Mandanten lesen und jene markieren, deren neue Benutzer automatisch Plätze erhalten</translation>
    </message>
    <message>
        <source>&amp;Inspect Ownership…</source>
        <translation>&amp;Eigentum prüfen…</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>Connect first: the ownership audit needs the estate&apos;s tenants.</source>
        <translation>Verbinden Sie sich zuerst: die Eigentumsprüfung braucht die Mandanten des Bestands.</translation>
    </message>
    <message>
        <source>Reassign dry run: job %1 in the activity panel, Apply from there</source>
        <translation>Probelauf der Neuzuweisung: Job %1 im Aktivitätsbereich, dort anwenden</translation>
    </message>
    <message>
        <source>Connect first: publishing needs the estate&apos;s tenants.</source>
        <translation>Verbinden Sie sich zuerst: das Veröffentlichen braucht die Mandanten des Bestands.</translation>
    </message>
    <message>
        <source>Publishing: job %1 in the activity panel</source>
        <translation>Veröffentlichen: Job %1 im Aktivitätsbereich</translation>
    </message>
    <message>
        <source>%1 of %2 tenants</source>
        <translation>%1 von %2 Mandanten</translation>
    </message>
    <message>
        <source>%1 tenants</source>
        <translation>%1 Mandanten</translation>
    </message>
    <message>
        <source>, loading…</source>
        <translation>, lädt…</translation>
    </message>
    <message>
        <source>Jobs Are Running</source>
        <translation>Jobs laufen</translation>
    </message>
    <message>
        <source>A job is still changing tenants.</source>
        <translation>Ein Job ändert noch Mandanten.</translation>
    </message>
    <message>
        <source>%1 jobs are still changing tenants.</source>
        <translation>%1 Jobs ändern noch Mandanten.</translation>
    </message>
    <message>
        <source>Quitting stops them at their next safe point. What is done stays done, and Retry in the Activity panel resumes them from their journals later.</source>
        <translation>Beenden hält sie am nächsten sicheren Punkt an. Was erledigt ist, bleibt erledigt, und „Fehlgeschlagene wiederholen“ im Aktivitätsbereich setzt sie später anhand ihrer Journale fort.</translation>
    </message>
    <message>
        <source>Stop Jobs and Quit</source>
        <translation>Jobs anhalten und beenden</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Stopping the running jobs…</source>
        <translation>Die laufenden Jobs werden angehalten…</translation>
    </message>
    <message>
        <source>Open Log Folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <source>The log folder could not be opened. Tenantry writes its logs to:
%1</source>
        <translation>Der Protokollordner konnte nicht geöffnet werden. Tenantry schreibt seine Protokolle nach:
%1</translation>
    </message>
    <message>
        <source>(no writable data folder)</source>
        <translation>(kein beschreibbarer Datenordner)</translation>
    </message>
    <message>
        <source>This window runs on the sandbox and its seed clients. The profiles below are your saved ones for Qlik Cloud: changes apply when Tenantry starts without --sandbox, and Test Connection reaches the real Qlik Cloud.</source>
        <translation>Dieses Fenster läuft auf der Sandbox und ihren Seed-Clients. Die Profile unten sind Ihre gespeicherten für Qlik Cloud: Änderungen gelten, wenn Tenantry ohne --sandbox startet, und „Verbindung testen“ erreicht die echte Qlik Cloud.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>%1 was created but not added to the inventory: %2</source>
        <translation>%1 wurde angelegt, aber nicht ins Inventar aufgenommen: %2</translation>
    </message>
    <message>
        <source>Apply Plan</source>
        <translation>Plan anwenden</translation>
    </message>
    <message>
        <source>Tenantry plans (*.json);;All files (*)</source>
        <translation>Tenantry-Pläne (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Credentials…</source>
        <translation>&amp;Zugangsdaten…</translation>
    </message>
    <message>
        <source>&amp;Apply Plan…</source>
        <translation>Plan &amp;anwenden…</translation>
    </message>
    <message>
        <source>Dry-run a plan file in the activity panel, then apply it</source>
        <translation>Eine Plandatei im Aktivitätsbereich als Probelauf ausführen, dann anwenden</translation>
    </message>
    <message>
        <source>What orphaned bots, every bot or one user own on the selected tenants (or the whole estate)</source>
        <translation>Was verwaiste Bots, alle Bots oder ein Benutzer auf den gewählten Mandanten (oder dem ganzen Bestand) besitzen</translation>
    </message>
    <message>
        <source>Publish or republish source apps to the managed space of many tenants</source>
        <translation>Quell-Apps in den verwalteten Bereich vieler Mandanten veröffentlichen oder neu veröffentlichen</translation>
    </message>
    <message>
        <source>P&amp;references…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Filter Estate</source>
        <translation>Bestand &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>&amp;Befehlspalette…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>&amp;About Tenantry</source>
        <translation>&amp;Über Tenantry</translation>
    </message>
    <message>
        <source>About Tenantry</source>
        <translation>Über Tenantry</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tenantry %1&lt;/h3&gt;&lt;p&gt;A desktop console for Qlik Cloud platform operations: one estate across regions, onboarding, publishing and ownership audits.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tenantry %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Konsole für den Betrieb von Qlik Cloud: ein Bestand über alle Regionen, Onboarding, Veröffentlichen und Eigentumsprüfungen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Connect first: onboarding needs the estate&apos;s source tenants.</source>
        <translation>Verbinden Sie sich zuerst: das Onboarding braucht die Quell-Mandanten des Bestands.</translation>
    </message>
    <message>
        <source>Onboarding: job %1 in the activity panel</source>
        <translation>Onboarding: Job %1 im Aktivitätsbereich</translation>
    </message>
    <message>
        <source>Saved the onboarding template to %1</source>
        <translation>Onboarding-Vorlage nach %1 gespeichert</translation>
    </message>
    <message>
        <source>The template was not saved: %1</source>
        <translation>Die Vorlage wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>&amp;Onboard Customer…</source>
        <translation>Kunden &amp;onboarden…</translation>
    </message>
    <message>
        <source>Create and set up a customer&apos;s tenant from a template, with a dry run first</source>
        <translation>Den Mandanten eines Kunden aus einer Vorlage anlegen und einrichten, zuerst als Probelauf</translation>
    </message>
    <message>
        <source>Delete dry run: job %1 in the activity panel, Apply there asks for a typed confirmation</source>
        <translation>Probelauf zum Löschen: Auftrag %1 im Aktivitätsbereich; „Anwenden“ verlangt dort eine getippte Bestätigung</translation>
    </message>
</context>
<context>
    <name>OnboardingContentPage</name>
    <message>
        <source>Content</source>
        <translation>Inhalte</translation>
    </message>
    <message>
        <source>Apps of the source tenant&apos;s shared spaces to import into staging and publish to production.</source>
        <translation>Apps aus den freigegebenen Bereichen des Quell-Mandanten, die in Staging importiert und in Produktion veröffentlicht werden.</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Shared space</source>
        <translation>Freigegebener Bereich</translation>
    </message>
    <message>
        <source>Loading the apps of %1…</source>
        <translation>Die Apps von %1 werden geladen…</translation>
    </message>
    <message>
        <source>Could not list every app of %1: %2</source>
        <translation>Nicht alle Apps von %1 ließen sich auflisten: %2</translation>
    </message>
    <message>
        <source>%1 has no app in a shared space; the tenant starts empty.</source>
        <translation>%1 hat keine App in einem freigegebenen Bereich; der Mandant beginnt leer.</translation>
    </message>
    <message numerus="yes">
        <source>%n app(s) of %1. Check the apps the customer gets; none is fine.</source>
        <translation>
            <numerusform>%n App von %1. Haken Sie die Apps an, die der Kunde erhält; keine ist auch in Ordnung.</numerusform>
            <numerusform>%n Apps von %1. Haken Sie die Apps an, die der Kunde erhält; keine ist auch in Ordnung.</numerusform>
        </translation>
    </message>
    <message>
        <source>extensions %1</source>
        <translation>Erweiterungen %1</translation>
    </message>
    <message>
        <source>themes %1</source>
        <translation>Designs %1</translation>
    </message>
    <message>
        <source>automations %1</source>
        <translation>Automatisierungen %1</translation>
    </message>
    <message>
        <source>The template copies no extension, theme or automation from %1.</source>
        <translation>Die Vorlage kopiert keine Erweiterung, kein Design und keine Automatisierung aus %1.</translation>
    </message>
    <message>
        <source>Also copied from %1, as the template says: %2.</source>
        <translation>Laut Vorlage werden außerdem aus %1 kopiert: %2.</translation>
    </message>
    <message>
        <source>Brandin&amp;g (optional)</source>
        <translation>Brandin&amp;g (optional)</translation>
    </message>
    <message>
        <source>Upload the customer&apos;s logo and favicon as a brand and make it the tenant&apos;s active one.</source>
        <translation>Lädt Logo und Favicon des Kunden als Marke hoch und macht sie zur aktiven Marke des Tenants.</translation>
    </message>
    <message>
        <source>e.g. ${vars.customer}</source>
        <translation>z. B. ${vars.customer}</translation>
    </message>
    <message>
        <source>PNG or JPEG, at most 300 KB</source>
        <translation>PNG oder JPEG, höchstens 300 KB</translation>
    </message>
    <message>
        <source>ICO, at most 100 KB</source>
        <translation>ICO, höchstens 100 KB</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Brand na&amp;me:</source>
        <translation>&amp;Markenname:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo:</translation>
    </message>
    <message>
        <source>Fav&amp;icon:</source>
        <translation>Fav&amp;icon:</translation>
    </message>
    <message>
        <source>Choose the Brand&apos;s Logo</source>
        <translation>Logo der Marke auswählen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Choose the Brand&apos;s Favicon</source>
        <translation>Favicon der Marke auswählen</translation>
    </message>
    <message>
        <source>Icons (*.ico)</source>
        <translation>Symbole (*.ico)</translation>
    </message>
    <message>
        <source>Customer-managed &amp;encryption key (optional)</source>
        <translation>Vom Kunden verwalteter &amp;Verschlüsselungsschlüssel (optional)</translation>
    </message>
    <message>
        <source>Register the customer&apos;s AWS KMS key, test it, and move the tenant&apos;s encryption to it. A key that fails the test is never moved to.</source>
        <translation>Registriert den AWS-KMS-Schlüssel des Kunden, testet ihn und stellt die Verschlüsselung des Tenants auf ihn um. Auf einen Schlüssel, der den Test nicht besteht, wird nie umgestellt.</translation>
    </message>
    <message>
        <source>e.g. ${vars.customer} key</source>
        <translation>z. B. ${vars.customer} key</translation>
    </message>
    <message>
        <source>&amp;Key ARN:</source>
        <translation>&amp;Schlüssel-ARN:</translation>
    </message>
    <message>
        <source>Provider n&amp;ame:</source>
        <translation>&amp;Name des Anbieters:</translation>
    </message>
    <message>
        <source>The brand needs a name.</source>
        <translation>Die Marke braucht einen Namen.</translation>
    </message>
    <message>
        <source>Choose the logo: a PNG or JPEG file of at most 300 KB.</source>
        <translation>Wählen Sie das Logo: eine PNG- oder JPEG-Datei von höchstens 300 KB.</translation>
    </message>
    <message>
        <source>Choose the favicon: an ICO file of at most 100 KB.</source>
        <translation>Wählen Sie das Favicon: eine ICO-Datei von höchstens 100 KB.</translation>
    </message>
    <message>
        <source>Type the ARN of the customer&apos;s AWS KMS key.</source>
        <translation>Geben Sie den ARN des AWS-KMS-Schlüssels des Kunden ein.</translation>
    </message>
    <message>
        <source>The key provider needs a name.</source>
        <translation>Der Schlüsselanbieter braucht einen Namen.</translation>
    </message>
    <message>
        <source>extensions tagged %1</source>
        <translation>Erweiterungen mit dem Tag %1</translation>
    </message>
    <message>
        <source>themes tagged %1</source>
        <translation>Designs mit dem Tag %1</translation>
    </message>
</context>
<context>
    <name>OnboardingCustomerPage</name>
    <message>
        <source>Customer and region</source>
        <translation>Kunde und Region</translation>
    </message>
    <message>
        <source>Who the new tenant is for, where it lives, and the hostname people will use for it.</source>
        <translation>Für wen der neue Mandant ist, wo er liegt und unter welchem Hostnamen man ihn erreicht.</translation>
    </message>
    <message>
        <source>e.g. Demo Customer</source>
        <translation>z. B. Demo-Kunde</translation>
    </message>
    <message>
        <source>name.region.qlikcloud.com</source>
        <translation>name.region.qlikcloud.com</translation>
    </message>
    <message>
        <source>Customer &amp;name:</source>
        <translation>&amp;Name des Kunden:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>&amp;Alias hostname:</source>
        <translation>&amp;Alias-Hostname:</translation>
    </message>
    <message>
        <source>The name needs at least one letter.</source>
        <translation>Der Name braucht mindestens einen Buchstaben.</translation>
    </message>
</context>
<context>
    <name>OnboardingGroupsPage</name>
    <message>
        <source>Groups and roles</source>
        <translation>Gruppen und Rollen</translation>
    </message>
    <message>
        <source>The customer&apos;s groups and the tenant roles each one has (comma separated, e.g. SharedSpaceCreator). ${vars.customer} is the customer&apos;s name.</source>
        <translation>Die Gruppen des Kunden und die Mandantenrollen jeder Gruppe (durch Kommas getrennt, z. B. SharedSpaceCreator). ${vars.customer} ist der Name des Kunden.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Tenant roles</source>
        <translation>Mandantenrollen</translation>
    </message>
    <message>
        <source>&amp;Add Group</source>
        <translation>Gruppe &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>${vars.customer} Group %1</source>
        <translation>${vars.customer} Gruppe %1</translation>
    </message>
    <message>
        <source>row %1: the group has no name</source>
        <translation>Zeile %1: die Gruppe hat keinen Namen</translation>
    </message>
    <message>
        <source>row %1: &quot;%2&quot; is listed twice; group names are unique in a tenant</source>
        <translation>Zeile %1: „%2“ steht doppelt in der Liste; Gruppennamen sind in einem Mandanten eindeutig</translation>
    </message>
    <message>
        <source>Set the tenant&apos;s &amp;group settings</source>
        <translation>&amp;Gruppeneinstellungen des Tenants setzen</translation>
    </message>
    <message>
        <source>Create the groups a login names that do not exist yet</source>
        <translation>Gruppen anlegen, die eine Anmeldung nennt und die es noch nicht gibt</translation>
    </message>
    <message>
        <source>Keep each user&apos;s groups in step with the identity provider</source>
        <translation>Die Gruppen jedes Benutzers mit dem Identitätsanbieter abgleichen</translation>
    </message>
</context>
<context>
    <name>OnboardingIdentityPage</name>
    <message>
        <source>Identity provider</source>
        <translation>Identitätsanbieter</translation>
    </message>
    <message>
        <source>&amp;No identity provider for now</source>
        <translation>Vorerst &amp;kein Identitätsanbieter</translation>
    </message>
    <message>
        <source>JWT, &amp;generate a key pair (the private key stays in the keychain)</source>
        <translation>JWT, Schlüsselpaar &amp;erzeugen (der private Schlüssel bleibt im Schlüsselbund)</translation>
    </message>
    <message>
        <source>JWT, &amp;import the customer&apos;s public key or certificate (PEM)</source>
        <translation>JWT, öffentlichen Schlüssel oder Zertifikat des Kunden &amp;importieren (PEM)</translation>
    </message>
    <message>
        <source>${target.id} in the issuer is the customer&apos;s id (e.g. demo-customer); the key id is &lt;id&gt;-1 and a generated key is kept under &lt;id&gt;.</source>
        <translation>${target.id} im Aussteller ist die ID des Kunden (z. B. demo-customer); die Schlüssel-ID ist &lt;id&gt;-1, und ein erzeugter Schlüssel wird unter &lt;id&gt; aufbewahrt.</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>&amp;Aussteller:</translation>
    </message>
    <message>
        <source>&amp;Public key:</source>
        <translation>Öffentlicher &amp;Schlüssel:</translation>
    </message>
    <message>
        <source>A JWT identity provider needs the issuer its tokens carry.</source>
        <translation>Ein JWT-Identitätsanbieter braucht den Aussteller, den seine Tokens tragen.</translation>
    </message>
    <message>
        <source>How the customer&apos;s portal signs its users in to the tenant (JWT, for embedded analytics), and, if wanted, how the customer&apos;s own people sign in (OIDC).</source>
        <translation>Wie das Portal des Kunden seine Benutzer beim Tenant anmeldet (JWT, für eingebettete Analysen) und, falls gewünscht, wie sich die eigenen Leute des Kunden anmelden (OIDC).</translation>
    </message>
</context>
<context>
    <name>OnboardingOriginsPage</name>
    <message>
        <source>Web origins</source>
        <translation>Web-Ursprünge</translation>
    </message>
    <message>
        <source>The origins of the customer&apos;s web apps that embed the tenant, one per line. Each may frame the tenant (CSP frame-ancestors); together they make the web integration.</source>
        <translation>Die Ursprünge der Web-Apps des Kunden, die den Mandanten einbetten, einer pro Zeile. Jeder darf den Mandanten einrahmen (CSP frame-ancestors); zusammen bilden sie die Web-Integration.</translation>
    </message>
    <message>
        <source>&amp;Origins:</source>
        <translation>&amp;Ursprünge:</translation>
    </message>
    <message>
        <source>Web &amp;integration:</source>
        <translation>Web-&amp;Integration:</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>line %1: %2 is listed twice</source>
        <translation>Zeile %1: %2 steht doppelt in der Liste</translation>
    </message>
    <message>
        <source>The web integration needs a name.</source>
        <translation>Die Web-Integration braucht einen Namen.</translation>
    </message>
</context>
<context>
    <name>OnboardingReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>What Apply would do, step by step, read from Qlik Cloud now. Nothing changes until you apply.</source>
        <translation>Was „Anwenden“ Schritt für Schritt tun würde, jetzt aus Qlik Cloud gelesen. Nichts ändert sich, bis Sie anwenden.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>API calls</source>
        <translation>API-Aufrufe</translation>
    </message>
    <message>
        <source>The onboarding cannot be planned yet:
%1</source>
        <translation>Das Onboarding kann noch nicht geplant werden:
%1</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>The onboarding is not a valid plan:
%1</source>
        <translation>Das Onboarding ist kein gültiger Plan:
%1</translation>
    </message>
    <message>
        <source>The dry run could not start: %1</source>
        <translation>Der Probelauf konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>%1 create · %2 update · %3 no change · %4 blocked · %5 failed</source>
        <translation>%1 anlegen · %2 aktualisieren · %3 unverändert · %4 blockiert · %5 fehlgeschlagen</translation>
    </message>
    <message>
        <source> · %1 still being checked</source>
        <translation> · %1 werden noch geprüft</translation>
    </message>
    <message>
        <source> — nothing to do</source>
        <translation> — nichts zu tun</translation>
    </message>
    <message>
        <source>Apply could not start: %1</source>
        <translation>Anwenden konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>there is no plan to save yet</source>
        <translation>es gibt noch keinen Plan zum Speichern</translation>
    </message>
    <message>
        <source>cannot write the plan to %1: %2</source>
        <translation>der Plan kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save Onboarding as Plan</source>
        <translation>Onboarding als Plan speichern</translation>
    </message>
    <message>
        <source>Tenantry plans (*.json)</source>
        <translation>Tenantry-Pläne (*.json)</translation>
    </message>
    <message>
        <source>Saved the plan to %1; `tenantryctl apply %1` runs it.</source>
        <translation>Plan nach %1 gespeichert; `tenantryctl apply %1` führt ihn aus.</translation>
    </message>
</context>
<context>
    <name>OnboardingSpacesPage</name>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Spaces</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>A shared staging space where apps are imported, and a managed production space they are published to; the roles each group has there (empty: not a member).</source>
        <translation>Ein freigegebener Staging-Bereich, in den Apps importiert werden, und ein verwalteter Produktionsbereich, in dem sie veröffentlicht werden; dazu die Rollen jeder Gruppe dort (leer: kein Mitglied).</translation>
    </message>
    <message>
        <source>Roles of a %1 space: %2</source>
        <translation>Rollen eines %1-Bereichs: %2</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Staging (shared)</source>
        <translation>Staging (freigegeben)</translation>
    </message>
    <message>
        <source>Production (managed)</source>
        <translation>Produktion (verwaltet)</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Name: the same as the production space&apos;s; space names are unique in a tenant</source>
        <translation>Name: derselbe wie beim Produktionsbereich; Bereichsnamen sind in einem Mandanten eindeutig</translation>
    </message>
</context>
<context>
    <name>OnboardingTemplatePage</name>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Everything but the customer: load a saved template, or fill in the pages and save them as one for the next customer.</source>
        <translation>Alles außer dem Kunden: laden Sie eine gespeicherte Vorlage, oder füllen Sie die Seiten aus und speichern Sie sie als Vorlage für den nächsten Kunden.</translation>
    </message>
    <message>
        <source>e.g. Embedded analytics, eu</source>
        <translation>z. B. Eingebettete Analysen, eu</translation>
    </message>
    <message>
        <source>&amp;Load Template…</source>
        <translation>Vorlage &amp;laden…</translation>
    </message>
    <message>
        <source>Choose the source tenant</source>
        <translation>Quell-Mandanten wählen</translation>
    </message>
    <message>
        <source>a user of the source tenant; empty: no recovery admin</source>
        <translation>ein Benutzer des Quell-Mandanten; leer: kein Wiederherstellungs-Admin</translation>
    </message>
    <message>
        <source>Give new users a &amp;professional seat automatically</source>
        <translation>Neuen Benutzern automatisch einen &amp;Professional-Platz geben</translation>
    </message>
    <message>
        <source>Give new users an a&amp;nalyzer seat automatically</source>
        <translation>Neuen Benutzern automatisch einen A&amp;nalyzer-Platz geben</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>analyzer</source>
        <translation>Analyzer</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>&amp;Source tenant:</source>
        <translation>&amp;Quell-Mandant:</translation>
    </message>
    <message>
        <source>&amp;Recovery admin:</source>
        <translation>&amp;Wiederherstellungs-Admin:</translation>
    </message>
    <message>
        <source>Admin&apos;s &amp;seat:</source>
        <translation>&amp;Platz des Admins:</translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation>Plätze:</translation>
    </message>
    <message>
        <source>Keep free in the pool:</source>
        <translation>Im Pool frei halten:</translation>
    </message>
    <message>
        <source>A seat for the admin needs a recovery admin.</source>
        <translation>Ein Platz für den Admin braucht einen Wiederherstellungs-Admin.</translation>
    </message>
    <message>
        <source>Not loaded:
%1</source>
        <translation>Nicht geladen:
%1</translation>
    </message>
    <message>
        <source>Loaded %1. The next pages show what it holds.</source>
        <translation>%1 geladen. Die nächsten Seiten zeigen, was sie enthält.</translation>
    </message>
    <message>
        <source>Load Onboarding Template</source>
        <translation>Onboarding-Vorlage laden</translation>
    </message>
    <message>
        <source>Onboarding templates (*.json);;All files (*)</source>
        <translation>Onboarding-Vorlagen (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>OnboardingWizard</name>
    <message>
        <source> (once step &quot;%1&quot; has run)</source>
        <translation> (sobald Schritt „%1“ gelaufen ist)</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>update</source>
        <translation>aktualisieren</translation>
    </message>
    <message>
        <source>create</source>
        <translation>anlegen</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>blocked: %1</source>
        <translation>blockiert: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>blocked: an earlier step cannot run</source>
        <translation>blockiert: ein früherer Schritt kann nicht laufen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Onboard Customer</source>
        <translation>Kunden onboarden</translation>
    </message>
    <message>
        <source>Save as &amp;Plan…</source>
        <translation>Als &amp;Plan speichern…</translation>
    </message>
    <message>
        <source>Save as &amp;Template…</source>
        <translation>Als &amp;Vorlage speichern…</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>the template is not complete yet:
%1</source>
        <translation>die Vorlage ist noch nicht vollständig:
%1</translation>
    </message>
    <message>
        <source>Save as Onboarding Template</source>
        <translation>Als Onboarding-Vorlage speichern</translation>
    </message>
    <message>
        <source>Onboarding templates (*.json)</source>
        <translation>Onboarding-Vorlagen (*.json)</translation>
    </message>
</context>
<context>
    <name>OwnershipInspector</name>
    <message>
        <source>Ownership Inspector</source>
        <translation>Eigentumsprüfung</translation>
    </message>
    <message>
        <source>Tenant: %1</source>
        <translation>Mandant: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n tenant(s): %1</source>
        <translation>
            <numerusform>%n Mandant: %1</numerusform>
            <numerusform>%n Mandanten: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>All orphaned bots</source>
        <translation>Alle verwaisten Bots</translation>
    </message>
    <message>
        <source>All bots</source>
        <translation>Alle Bots</translation>
    </message>
    <message>
        <source>A user or bot, by subject</source>
        <translation>Ein Benutzer oder Bot, nach Subjekt</translation>
    </message>
    <message>
        <source>qlikbot\&lt;clientId&gt; or a user&apos;s subject</source>
        <translation>qlikbot\&lt;clientId&gt; oder das Subjekt eines Benutzers</translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>Zeilen filtern</translation>
    </message>
    <message>
        <source>Export the shown rows to CSV…</source>
        <translation>Die angezeigten Zeilen als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export the shown rows to JSON…</source>
        <translation>Die angezeigten Zeilen als JSON exportieren…</translation>
    </message>
    <message>
        <source>New owner: qlikbot\&lt;clientId&gt;, a subject or an email</source>
        <translation>Neuer Eigentümer: qlikbot\&lt;clientId&gt;, ein Subjekt oder eine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>&amp;Reassign to…</source>
        <translation>&amp;Neu zuweisen an…</translation>
    </message>
    <message>
        <source>Dry run of moving every listed item to the new owner, in the activity panel</source>
        <translation>Probelauf der Übertragung aller aufgelisteten Elemente an den neuen Eigentümer, im Aktivitätsbereich</translation>
    </message>
    <message>
        <source>Reassign to:</source>
        <translation>Neu zuweisen an:</translation>
    </message>
    <message>
        <source>Not connected: the audit needs the estate&apos;s connection.</source>
        <translation>Nicht verbunden: die Prüfung braucht die Verbindung des Bestands.</translation>
    </message>
    <message>
        <source>No tenant chosen: select tenants in the estate tree first.</source>
        <translation>Kein Mandant gewählt: wählen Sie zuerst Mandanten im Bestandsbaum.</translation>
    </message>
    <message>
        <source>Type the subject of the user or bot whose content to list.</source>
        <translation>Geben Sie das Subjekt des Benutzers oder Bots ein, dessen Inhalte aufgelistet werden sollen.</translation>
    </message>
    <message numerus="yes">
        <source>Auditing %n tenant(s)…</source>
        <translation>
            <numerusform>%n Mandant wird geprüft…</numerusform>
            <numerusform>%n Mandanten werden geprüft…</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not learn which clients are gone: %1</source>
        <translation>Es ließ sich nicht ermitteln, welche Clients nicht mehr existieren: %1</translation>
    </message>
    <message numerus="yes">
        <source>Auditing: %1 of %n tenant(s) done…</source>
        <translation>
            <numerusform>Prüfung: %1 von %n Mandanten fertig…</numerusform>
            <numerusform>Prüfung: %1 von %n Mandanten fertig…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) owned</source>
        <translation>
            <numerusform>%n Element im Besitz</numerusform>
            <numerusform>%n Elemente im Besitz</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> on %n tenant(s)</source>
        <translation>
            <numerusform> auf %n Mandanten</numerusform>
            <numerusform> auf %n Mandanten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n request(s)</source>
        <translation>
            <numerusform>, %n Anfrage</numerusform>
            <numerusform>, %n Anfragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n tenant(s) could not be read completely (see the summary)</source>
        <translation>
            <numerusform>; %n Mandant konnte nicht vollständig gelesen werden (siehe Zusammenfassung)</numerusform>
            <numerusform>; %n Mandanten konnten nicht vollständig gelesen werden (siehe Zusammenfassung)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>Export to JSON</source>
        <translation>Als JSON exportieren</translation>
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
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message numerus="yes">
        <source> (%n item(s) have no owner-change call and stay as they are)</source>
        <translation>
            <numerusform> (%n Element hat keinen Aufruf zum Eigentümerwechsel und bleibt, wie es ist)</numerusform>
            <numerusform> (%n Elemente haben keinen Aufruf zum Eigentümerwechsel und bleiben, wie sie sind)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to reassign</source>
        <translation>Nichts neu zuzuweisen</translation>
    </message>
    <message>
        <source>Could not start the dry run: %1</source>
        <translation>Der Probelauf konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Dry run of &quot;%1&quot; in the activity panel: apply it from there</source>
        <translation>Probelauf von „%1“ im Aktivitätsbereich: dort anwenden</translation>
    </message>
    <message>
        <source>Your staff&apos;s email domains, e.g. acme.example, acme.dev</source>
        <translation>E-Mail-Domains Ihrer Mitarbeiter, z. B. acme.example, acme.dev</translation>
    </message>
    <message>
        <source>Partner domains:</source>
        <translation>Partner-Domains:</translation>
    </message>
    <message>
        <source>People holding TenantAdmin (name your staff&apos;s domains above to keep only end customers):</source>
        <translation>Personen mit TenantAdmin (tragen Sie oben die Domains Ihrer Mitarbeiter ein, um nur Endkunden zu sehen):</translation>
    </message>
    <message>
        <source>End customers holding TenantAdmin, the management console:</source>
        <translation>Endkunden mit TenantAdmin, also Zugang zur Management Console:</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Dry run of deleting every listed item, in the activity panel; applying it asks you to type a confirmation</source>
        <translation>Probelauf zum Löschen aller aufgeführten Elemente im Aktivitätsbereich; zum Anwenden tippen Sie eine Bestätigung</translation>
    </message>
    <message numerus="yes">
        <source> (%n item(s) have no delete call here and stay as they are)</source>
        <translation>
            <numerusform> (%n Element hat hier keinen Löschaufruf und bleibt, wie es ist)</numerusform>
            <numerusform> (%n Elemente haben hier keinen Löschaufruf und bleiben, wie sie sind)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to delete</source>
        <translation>Nichts zu löschen</translation>
    </message>
    <message>
        <source>Dry run of &quot;%1&quot; in the activity panel: applying it there asks you to type a confirmation</source>
        <translation>Probelauf von „%1“ im Aktivitätsbereich: zum Anwenden tippen Sie dort eine Bestätigung</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Active bot</source>
        <translation>Aktiver Bot</translation>
    </message>
    <message>
        <source>New owner (empty: as below)</source>
        <translation>Neuer Besitzer (leer: wie unten)</translation>
    </message>
    <message>
        <source>The new owner on each tenant: a subject (qlikbot\&lt;clientId&gt; for a bot) or an email, looked up on that tenant</source>
        <translation>Der neue Besitzer je Mandant: ein Subject (qlikbot\&lt;clientId&gt; für einen Bot) oder eine E-Mail, auf diesem Mandanten nachgeschlagen</translation>
    </message>
    <message>
        <source>Each Tenant&apos;s Active &amp;Bot</source>
        <translation>Aktiver &amp;Bot je Mandant</translation>
    </message>
    <message>
        <source>%1 is one of the listed owners on %2: choose another new owner.</source>
        <translation>%1 ist auf %2 einer der aufgeführten Besitzer: Wählen Sie einen anderen neuen Besitzer.</translation>
    </message>
    <message>
        <source>Name a new owner, below or per tenant.</source>
        <translation>Nennen Sie einen neuen Besitzer, unten oder je Mandant.</translation>
    </message>
    <message numerus="yes">
        <source> (%n tenant(s) without a new owner are left out)</source>
        <translation>
            <numerusform> (%n Mandant ohne neuen Besitzer bleibt außen vor)</numerusform>
            <numerusform> (%n Mandanten ohne neuen Besitzer bleiben außen vor)</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Partner domains: %1 is not an email domain (e.g. acme.example) and is left out</source>
        <translation>Partner-Domains: %1 ist keine E-Mail-Domain (z. B. acme.example) und bleibt unberücksichtigt</translation>
    </message>
    <message>
        <source>The plan &quot;%1&quot; is not valid: %2</source>
        <translation>Der Plan „%1“ ist ungültig: %2</translation>
    </message>
</context>
<context>
    <name>OwnershipTableModel</name>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>%1: TenantAdmin held by %2 &lt;%3&gt;</source>
        <translation>%1: TenantAdmin bei %2 &lt;%3&gt;</translation>
    </message>
    <message>
        <source>last active %1</source>
        <translation>zuletzt aktiv %1</translation>
    </message>
    <message>
        <source>no audit event</source>
        <translation>kein Audit-Ereignis</translation>
    </message>
    <message>
        <source>%1 bots: %2</source>
        <translation>%1 Bots: %2</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Concurrency %1 is out of range: use %2 to %3 tenants.</source>
        <translation>Parallelität %1 liegt außerhalb des Bereichs: verwenden Sie %2 bis %3 Mandanten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Qlik Cloud region: use one of %2.</source>
        <translation>„%1“ ist keine Region von Qlik Cloud: verwenden Sie eine von %2.</translation>
    </message>
    <message>
        <source>Tenantry has no translation &quot;%1&quot;: use one of %2.</source>
        <translation>Tenantry hat keine Übersetzung „%1“: verwenden Sie eine von %2.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> tenants in parallel</source>
        <translation> Mandanten parallel</translation>
    </message>
    <message>
        <source>How many tenants the publish and reassign plans Tenantry builds work on at once. Plan files keep their own concurrency.</source>
        <translation>Wie viele Mandanten die Veröffentlichungs- und Neuzuweisungspläne, die Tenantry erstellt, gleichzeitig bearbeiten. Plandateien behalten ihre eigene Parallelität.</translation>
    </message>
    <message>
        <source>every region, e.g. eu, us</source>
        <translation>jede Region, z. B. eu, us</translation>
    </message>
    <message>
        <source>Region ids, separated by commas: %1. These regions open in the estate tree and the first is preselected where a region is chosen.</source>
        <translation>Regions-IDs, durch Kommas getrennt: %1. Diese Regionen werden im Bestandsbaum geöffnet, und die erste ist vorausgewählt, wo eine Region gewählt wird.</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Information (default)</source>
        <translation>Informationen (Standard)</translation>
    </message>
    <message>
        <source>Debug (verbose)</source>
        <translation>Debug (ausführlich)</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>System (%1)</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>Die Sprache wechselt beim nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>&amp;Parallelität:</translation>
    </message>
    <message>
        <source>Default &amp;regions:</source>
        <translation>Standard-&amp;Regionen:</translation>
    </message>
    <message>
        <source>&amp;Log level:</source>
        <translation>&amp;Protokollstufe:</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Default regions: &quot;%1&quot; is not a Qlik Cloud region; use one of %2.</source>
        <translation>Standard-Regionen: „%1“ ist keine Region von Qlik Cloud; verwenden Sie eine von %2.</translation>
    </message>
    <message>
        <source>Concurrency: use %1 to %2 tenants.</source>
        <translation>Parallelität: verwenden Sie %1 bis %2 Mandanten.</translation>
    </message>
    <message>
        <source>Always (deactivations, production aliases)</source>
        <translation>Immer (Deaktivierungen, Aliasse in Produktion)</translation>
    </message>
    <message>
        <source>Only for several tenants at once</source>
        <translation>Nur bei mehreren Mandanten auf einmal</translation>
    </message>
    <message>
        <source>Always: the tenant&apos;s hostname is typed for every deactivation and for the alias change of a production tenant. Otherwise only changes to several tenants at once ask for typing; one tenant is confirmed with the button.</source>
        <translation>Immer: der Hostname des Mandanten wird bei jeder Deaktivierung und bei der Alias-Änderung eines Produktions-Mandanten eingetippt. Sonst verlangen nur Änderungen an mehreren Mandanten auf einmal das Eintippen; ein einzelner Mandant wird mit der Schaltfläche bestätigt.</translation>
    </message>
    <message>
        <source>Confirm by &amp;typing:</source>
        <translation>Durch &amp;Eintippen bestätigen:</translation>
    </message>
</context>
<context>
    <name>PropertiesPage</name>
    <message>
        <source>This resource was refreshed away; select it again in the estate.</source>
        <translation>Diese Ressource ist durch eine Aktualisierung verschwunden; wählen Sie sie im Bestand erneut.</translation>
    </message>
    <message>
        <source>Nothing is known about %1 yet.</source>
        <translation>Über %1 ist noch nichts bekannt.</translation>
    </message>
    <message>
        <source>Copied %1 as JSON</source>
        <translation>%1 als JSON kopiert</translation>
    </message>
</context>
<context>
    <name>PropertiesView</name>
    <message>
        <source>Raw JSON</source>
        <translation>Rohes JSON</translation>
    </message>
    <message>
        <source>Show the resource as the server sent it</source>
        <translation>Die Ressource so zeigen, wie der Server sie gesendet hat</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Select a row to see its properties.</source>
        <translation>Wählen Sie eine Zeile, um ihre Eigenschaften zu sehen.</translation>
    </message>
</context>
<context>
    <name>PublishDryRunPage</name>
    <message>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>What Apply would do on each tenant, read from the tenants now. Nothing changes until you apply.</source>
        <translation>Was „Anwenden“ auf jedem Mandanten tun würde, jetzt von den Mandanten gelesen. Nichts ändert sich, bis Sie anwenden.</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>The rollout is not a valid plan:
%1</source>
        <translation>Das Rollout ist kein gültiger Plan:
%1</translation>
    </message>
    <message>
        <source>The dry run could not start: %1</source>
        <translation>Der Probelauf konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>%1 publish · %2 republish · %3 up to date · %4 blocked · %5 failed</source>
        <translation>%1 veröffentlichen · %2 neu veröffentlichen · %3 aktuell · %4 blockiert · %5 fehlgeschlagen</translation>
    </message>
    <message>
        <source> · %1 still being checked</source>
        <translation> · %1 werden noch geprüft</translation>
    </message>
    <message>
        <source> — nothing to publish</source>
        <translation> — nichts zu veröffentlichen</translation>
    </message>
    <message>
        <source>Apply could not start: %1</source>
        <translation>Anwenden konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>there is no rollout to save yet</source>
        <translation>es gibt noch kein Rollout zum Speichern</translation>
    </message>
    <message>
        <source>cannot write the plan to %1: %2</source>
        <translation>der Plan kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save Rollout as Plan</source>
        <translation>Rollout als Plan speichern</translation>
    </message>
    <message>
        <source>Tenantry plans (*.json)</source>
        <translation>Tenantry-Pläne (*.json)</translation>
    </message>
    <message>
        <source>Saved the plan to %1; `tenantryctl apply %1` runs it.</source>
        <translation>Plan nach %1 gespeichert; `tenantryctl apply %1` führt ihn aus.</translation>
    </message>
</context>
<context>
    <name>PublishOptionsPage</name>
    <message>
        <source>Spaces and options</source>
        <translation>Bereiche und Optionen</translation>
    </message>
    <message>
        <source>Where the apps go on each target, and how the rollout runs.</source>
        <translation>Wohin die Apps auf jedem Ziel kommen und wie das Rollout läuft.</translation>
    </message>
    <message>
        <source>the managed space&apos;s name, e.g. Customer Apps</source>
        <translation>Name des verwalteten Bereichs, z. B. Kunden-Apps</translation>
    </message>
    <message>
        <source>Create the spaces where they are missing</source>
        <translation>Fehlende Bereiche anlegen</translation>
    </message>
    <message>
        <source>Qlik&apos;s default</source>
        <translation>Standard von Qlik</translation>
    </message>
    <message>
        <source>Publish the source&apos;s data</source>
        <translation>Die Daten der Quelle veröffentlichen</translation>
    </message>
    <message>
        <source>Keep the published copy&apos;s data</source>
        <translation>Die Daten der veröffentlichten Kopie behalten</translation>
    </message>
    <message>
        <source>Republish over the copy published earlier</source>
        <translation>Über die früher veröffentlichte Kopie neu veröffentlichen</translation>
    </message>
    <message>
        <source>Publish new copies only (keep existing ones)</source>
        <translation>Nur neue Kopien veröffentlichen (bestehende behalten)</translation>
    </message>
    <message>
        <source>Reload each published copy afterwards</source>
        <translation>Jede veröffentlichte Kopie danach neu laden</translation>
    </message>
    <message>
        <source>Republish over a copy of the same name Tenantry cannot trace</source>
        <translation>Über eine gleichnamige Kopie neu veröffentlichen, die Tenantry nicht zuordnen kann</translation>
    </message>
    <message>
        <source>Keep the latest staged copy</source>
        <translation>Die neueste bereitgestellte Kopie behalten</translation>
    </message>
    <message>
        <source>Delete staged copies</source>
        <translation>Bereitgestellte Kopien löschen</translation>
    </message>
    <message>
        <source>Keep every staged copy</source>
        <translation>Jede bereitgestellte Kopie behalten</translation>
    </message>
    <message>
        <source> tenants in parallel</source>
        <translation> Mandanten parallel</translation>
    </message>
    <message>
        <source>All tenants at once</source>
        <translation>Alle Mandanten auf einmal</translation>
    </message>
    <message>
        <source>First wave: the first tenants</source>
        <translation>Erste Welle: die ersten Mandanten</translation>
    </message>
    <message>
        <source>First wave: the tenants tagged</source>
        <translation>Erste Welle: die Mandanten mit Tag</translation>
    </message>
    <message>
        <source> tenants</source>
        <translation> Mandanten</translation>
    </message>
    <message>
        <source>stop when more than </source>
        <translation>anhalten bei mehr als </translation>
    </message>
    <message>
        <source>&amp;Managed space:</source>
        <translation>&amp;Verwalteter Bereich:</translation>
    </message>
    <message>
        <source>S&amp;taging space (shared):</source>
        <translation>S&amp;taging-Bereich (freigegeben):</translation>
    </message>
    <message>
        <source>&amp;Existing copies:</source>
        <translation>&amp;Bestehende Kopien:</translation>
    </message>
    <message>
        <source>&amp;Data:</source>
        <translation>&amp;Daten:</translation>
    </message>
    <message>
        <source>Staged &amp;copies:</source>
        <translation>Bereitgestellte &amp;Kopien:</translation>
    </message>
    <message>
        <source>C&amp;oncurrency:</source>
        <translation>P&amp;arallelität:</translation>
    </message>
    <message>
        <source>Staged &amp;rollout:</source>
        <translation>Gestaffeltes &amp;Rollout:</translation>
    </message>
    <message>
        <source>Name the %1.</source>
        <translation>Benennen Sie den %1.</translation>
    </message>
    <message>
        <source>The %1&apos;s name is longer than 256 characters.</source>
        <translation>Der Name für den %1 ist länger als 256 Zeichen.</translation>
    </message>
    <message>
        <source>The %1&apos;s name may not contain %2</source>
        <translation>Der Name für den %1 darf %2 nicht enthalten</translation>
    </message>
    <message>
        <source>managed space</source>
        <translation>verwalteten Bereich</translation>
    </message>
    <message>
        <source>staging space</source>
        <translation>Staging-Bereich</translation>
    </message>
    <message>
        <source>The managed and the staging space must be two spaces.</source>
        <translation>Der verwaltete und der Staging-Bereich müssen zwei verschiedene Bereiche sein.</translation>
    </message>
    <message>
        <source>then waves of </source>
        <translation>dann Wellen zu </translation>
    </message>
    <message>
        <source>then all the others</source>
        <translation>dann alle übrigen</translation>
    </message>
</context>
<context>
    <name>PublishSourcePage</name>
    <message>
        <source>Source apps</source>
        <translation>Quell-Apps</translation>
    </message>
    <message>
        <source>Choose the source tenant</source>
        <translation>Quell-Mandanten wählen</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Shared space</source>
        <translation>Freigegebener Bereich</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>&amp;Source tenant:</source>
        <translation>&amp;Quell-Mandant:</translation>
    </message>
    <message>
        <source>Loading the apps of %1…</source>
        <translation>Die Apps von %1 werden geladen…</translation>
    </message>
    <message>
        <source>Could not list every app of %1: %2</source>
        <translation>Nicht alle Apps von %1 ließen sich auflisten: %2</translation>
    </message>
    <message>
        <source>%1 has no app in a shared space.</source>
        <translation>%1 hat keine App in einem freigegebenen Bereich.</translation>
    </message>
    <message numerus="yes">
        <source>%n app(s) in %1 shared space(s). Check the apps to publish.</source>
        <translation>
            <numerusform>%n App in %1 freigegebenen Bereichen. Haken Sie die zu veröffentlichenden Apps an.</numerusform>
            <numerusform>%n Apps in %1 freigegebenen Bereichen. Haken Sie die zu veröffentlichenden Apps an.</numerusform>
        </translation>
    </message>
    <message>
        <source>The tenant the apps come from and the apps of its shared spaces to publish, or local app files.</source>
        <translation>Der Mandant, von dem die Apps kommen, und die zu veröffentlichenden Apps seiner freigegebenen Bereiche, oder lokale App-Dateien.</translation>
    </message>
    <message>
        <source>Add App &amp;Files…</source>
        <translation>App-&amp;Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Or local app files (.qvf), uploaded to each tenant:</source>
        <translation>Oder lokale App-Dateien (.qvf), die in jeden Mandanten hochgeladen werden:</translation>
    </message>
    <message>
        <source>Add App Files</source>
        <translation>App-Dateien hinzufügen</translation>
    </message>
    <message>
        <source>Qlik Sense apps (*.qvf)</source>
        <translation>Qlik-Sense-Apps (*.qvf)</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Nicht hinzugefügt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n app file(s) added.</source>
        <translation>
            <numerusform>%n App-Datei hinzugefügt.</numerusform>
            <numerusform>%n App-Dateien hinzugefügt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishTargetsPage</name>
    <message>
        <source>Target tenants</source>
        <translation>Ziel-Mandanten</translation>
    </message>
    <message>
        <source>The tenants whose managed space gets the apps. The tenants selected in the estate start checked.</source>
        <translation>Die Mandanten, deren verwalteter Bereich die Apps erhält. Die im Bestand gewählten Mandanten sind zu Beginn angehakt.</translation>
    </message>
    <message>
        <source>name, hostname, label or tag</source>
        <translation>Name, Hostname, Bezeichnung oder Tag</translation>
    </message>
    <message>
        <source>Check &amp;Matching</source>
        <translation>&amp;Passende anhaken</translation>
    </message>
    <message>
        <source>Check &amp;Tagged</source>
        <translation>Mit &amp;Tag anhaken</translation>
    </message>
    <message>
        <source>Check All in &amp;Region</source>
        <translation>Alle der &amp;Region anhaken</translation>
    </message>
    <message>
        <source>&amp;Uncheck All</source>
        <translation>Alle a&amp;bhaken</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Tag:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>%1 of %2 tenants checked</source>
        <translation>%1 von %2 Mandanten angehakt</translation>
    </message>
</context>
<context>
    <name>PublishWizard</name>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>publish</source>
        <translation>veröffentlichen</translation>
    </message>
    <message>
        <source>up to date (finish)</source>
        <translation>aktuell (abschließen)</translation>
    </message>
    <message>
        <source>republish over %1</source>
        <translation>über %1 neu veröffentlichen</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>blocked: %1</source>
        <translation>blockiert: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>blocked: an earlier app of this tenant cannot go</source>
        <translation>blockiert: eine frühere App dieses Mandanten kann nicht veröffentlicht werden</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Publish Apps</source>
        <translation>Apps veröffentlichen</translation>
    </message>
    <message>
        <source>Save as &amp;Plan…</source>
        <translation>Als &amp;Plan speichern…</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Hostname</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Purge date</source>
        <translation>Löschdatum</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>AWS region</source>
        <translation>AWS-Region</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Bot users</source>
        <translation>Bot-Benutzer</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>orphaned</source>
        <translation>verwaist</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>Spaces</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Owner id</source>
        <translation>Eigentümer-ID</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Apps</translation>
    </message>
    <message>
        <source>Published copy</source>
        <translation>Veröffentlichte Kopie</translation>
    </message>
    <message>
        <source>Origin app</source>
        <translation>Ursprungs-App</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Last reload</source>
        <translation>Letztes Neuladen</translation>
    </message>
    <message>
        <source>App id</source>
        <translation>App-ID</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Designs</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Identity providers</source>
        <translation>Identitätsanbieter</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Interactive</source>
        <translation>Interaktiv</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>CSP origins</source>
        <translation>CSP-Ursprünge</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Ursprung</translation>
    </message>
    <message>
        <source>Directives</source>
        <translation>Direktiven</translation>
    </message>
    <message>
        <source>Web integrations</source>
        <translation>Web-Integrationen</translation>
    </message>
    <message>
        <source>Valid origins</source>
        <translation>Gültige Ursprünge</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Automations</source>
        <translation>Automatisierungen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Run mode</source>
        <translation>Ausführungsmodus</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzte Ausführung</translation>
    </message>
    <message>
        <source>Last run at</source>
        <translation>Zuletzt ausgeführt am</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ResourceDocument</name>
    <message>
        <source>%1 answered without a JSON object.</source>
        <translation>%1 hat ohne JSON-Objekt geantwortet.</translation>
    </message>
</context>
<context>
    <name>ResourceTableModel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>ResourceTablePage</name>
    <message>
        <source>Filter rows</source>
        <translation>Zeilen filtern</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Export the rows shown to CSV</source>
        <translation>Die angezeigten Zeilen als CSV exportieren</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Export the resources shown to JSON</source>
        <translation>Die angezeigten Ressourcen als JSON exportieren</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Copy Rows</source>
        <translation>Zeilen kopieren</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Tenants in %1</source>
        <translation>Mandanten in %1</translation>
    </message>
    <message>
        <source>This list was refreshed away; select it again in the estate.</source>
        <translation>Diese Liste ist durch eine Aktualisierung verschwunden; wählen Sie sie im Bestand erneut.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Could not load:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Konnte nicht geladen werden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
    <message>
        <source>, loading…</source>
        <translation>, lädt…</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s)</source>
        <translation>
            <numerusform>%n Zeile kopiert</numerusform>
            <numerusform>%n Zeilen kopiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>%n Zeile nach %1 exportiert</numerusform>
            <numerusform>%n Zeilen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>Export to JSON</source>
        <translation>Als JSON exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
</context>
<context>
    <name>SessionLauncher</name>
    <message>
        <source>Starting the sandbox (%1)…</source>
        <translation>Die Sandbox wird gestartet (%1)…</translation>
    </message>
    <message>
        <source>The sandbox did not start: %1</source>
        <translation>Die Sandbox ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Sandbox (%1) on 127.0.0.1:%2</source>
        <translation>Sandbox (%1) auf 127.0.0.1:%2</translation>
    </message>
    <message>
        <source>Qlik Cloud: no credentials (tenantryctl credentials set, or --sandbox)</source>
        <translation>Qlik Cloud: keine Zugangsdaten (tenantryctl credentials set oder --sandbox)</translation>
    </message>
    <message numerus="yes">
        <source>Qlik Cloud: %n credential profile(s)</source>
        <translation>
            <numerusform>Qlik Cloud: %n Zugangsprofil</numerusform>
            <numerusform>Qlik Cloud: %n Zugangsprofile</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceAppCatalog</name>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>unexpected spaces list from %1: %2</source>
        <translation>unerwartete Bereichsliste von %1: %2</translation>
    </message>
    <message>
        <source>spaces of %1: %2</source>
        <translation>Bereiche von %1: %2</translation>
    </message>
    <message>
        <source>unexpected items list of space &apos;%1&apos;: %2</source>
        <translation>unerwartete Elementliste des Bereichs „%1“: %2</translation>
    </message>
    <message>
        <source>apps of space &apos;%1&apos;: %2</source>
        <translation>Apps des Bereichs „%1“: %2</translation>
    </message>
</context>
<context>
    <name>TenantActions</name>
    <message>
        <source>and %1 more.</source>
        <translation>und %1 weitere.</translation>
    </message>
    <message>
        <source>&amp;Add Tenant by Hostname…</source>
        <translation>Mandanten per Hostname &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Deactivate %1 Tenants…</source>
        <translation>%1 Mandanten &amp;deaktivieren…</translation>
    </message>
    <message>
        <source>&amp;Reactivate %1 Tenants…</source>
        <translation>%1 Mandanten &amp;reaktivieren…</translation>
    </message>
    <message>
        <source>Edit &amp;Alias…</source>
        <translation>&amp;Alias bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Deaktivieren…</translation>
    </message>
    <message>
        <source>&amp;Reactivate…</source>
        <translation>&amp;Reaktivieren…</translation>
    </message>
    <message>
        <source>Add Tenant by Hostname</source>
        <translation>Mandanten per Hostname hinzufügen</translation>
    </message>
    <message>
        <source>The tenant&apos;s hostname (its generated name or its alias), e.g. acme.eu.qlikcloud.com. It is added to this computer&apos;s tenant inventory.</source>
        <translation>Der Hostname des Mandanten (sein erzeugter Name oder sein Alias), z. B. acme.eu.qlikcloud.com. Er wird in das Mandanten-Inventar dieses Computers aufgenommen.</translation>
    </message>
    <message>
        <source>%1 is already in the estate.</source>
        <translation>%1 ist bereits im Bestand.</translation>
    </message>
    <message>
        <source>%1 added to the tenant inventory.</source>
        <translation>%1 wurde in das Mandanten-Inventar aufgenommen.</translation>
    </message>
    <message>
        <source>Edit Alias Hostname</source>
        <translation>Alias-Hostnamen bearbeiten</translation>
    </message>
    <message>
        <source>The alias of %1, a hostname in its region (e.g. customer-a.%2.qlikcloud.com):</source>
        <translation>Der Alias von %1, ein Hostname in seiner Region (z. B. customer-a.%2.qlikcloud.com):</translation>
    </message>
    <message>
        <source>Change a Production Tenant&apos;s Alias</source>
        <translation>Alias eines Produktions-Mandanten ändern</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is tagged production. Its users and embedding sites reach it by this hostname; after the change they must use &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ist als Produktion markiert. Seine Benutzer und einbettenden Websites erreichen ihn über diesen Hostnamen; nach der Änderung müssen sie &lt;b&gt;%2&lt;/b&gt; verwenden.</translation>
    </message>
    <message>
        <source>Change Alias</source>
        <translation>Alias ändern</translation>
    </message>
    <message>
        <source>Deactivating &lt;b&gt;%1&lt;/b&gt; signs everyone out and refuses every call to it. Qlik purges it (with all its content) after the delay below; until then it can be reactivated.</source>
        <translation>Das Deaktivieren von &lt;b&gt;%1&lt;/b&gt; meldet alle ab und weist jeden Aufruf ab. Qlik löscht ihn (mit allen Inhalten) nach der unten gewählten Frist endgültig; bis dahin kann er reaktiviert werden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This tenant is tagged production.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dieser Mandant ist als Produktion markiert.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Deactivate Tenant</source>
        <translation>Mandanten deaktivieren</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Purge after:</source>
        <translation>Löschen nach:</translation>
    </message>
    <message>
        <source>Reactivate Tenant</source>
        <translation>Mandanten reaktivieren</translation>
    </message>
    <message>
        <source>Reactivate %1? It is due to be purged from %2.</source>
        <translation>%1 reaktivieren? Er wird ab %2 endgültig gelöscht.</translation>
    </message>
    <message>
        <source>Reactivate %1?</source>
        <translation>%1 reaktivieren?</translation>
    </message>
    <message>
        <source>Deactivating these %1 tenants signs everyone out of them and refuses every call. Qlik purges each (with all its content) after the delay below; until then each can be reactivated.</source>
        <translation>Das Deaktivieren dieser %1 Mandanten meldet dort alle ab und weist jeden Aufruf ab. Qlik löscht jeden (mit allen Inhalten) nach der unten gewählten Frist endgültig; bis dahin kann jeder reaktiviert werden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 of them are tagged production.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 davon sind als Produktion markiert.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Deactivate Tenants</source>
        <translation>Mandanten deaktivieren</translation>
    </message>
    <message>
        <source>deactivate %1 tenants</source>
        <translation>%1 Mandanten deaktivieren</translation>
    </message>
    <message>
        <source>Deactivate %1 Tenants</source>
        <translation>%1 Mandanten deaktivieren</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>Reactivate Tenants</source>
        <translation>Mandanten reaktivieren</translation>
    </message>
    <message>
        <source>Reactivate these %1 tenants?</source>
        <translation>Diese %1 Mandanten reaktivieren?</translation>
    </message>
    <message>
        <source>reactivated</source>
        <translation>reaktiviert</translation>
    </message>
    <message>
        <source>%1 tenants %2.</source>
        <translation>%1 Mandanten %2.</translation>
    </message>
    <message>
        <source>%1 of %2 tenants %3; %4 failed:
%5</source>
        <translation>%1 von %2 Mandanten %3; %4 fehlgeschlagen:
%5</translation>
    </message>
</context>
<context>
    <name>TenantLicense</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>License overview: %1</source>
        <translation>Lizenzübersicht: %1</translation>
    </message>
    <message>
        <source>License settings: %1</source>
        <translation>Lizenzeinstellungen: %1</translation>
    </message>
    <message>
        <source>License assignments: %1</source>
        <translation>Lizenzzuweisungen: %1</translation>
    </message>
</context>
<context>
    <name>TenantPage</name>
    <message>
        <source>Spaces</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Bot users</source>
        <translation>Bot-Benutzer</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>This tenant is no longer in the estate.</source>
        <translation>Dieser Mandant ist nicht mehr im Bestand.</translation>
    </message>
    <message>
        <source>region unknown</source>
        <translation>Region unbekannt</translation>
    </message>
    <message>
        <source>region %1</source>
        <translation>Region %1</translation>
    </message>
    <message>
        <source>tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
</context>
<context>
    <name>TenantTagStore</name>
    <message>
        <source>Tag name &apos;%1&apos; is not valid: use 1 to 32 letters, digits, spaces, &apos;-&apos; or &apos;_&apos;, starting with a letter or digit.</source>
        <translation>Der Tag-Name „%1“ ist ungültig: verwenden Sie 1 bis 32 Buchstaben, Ziffern, Leerzeichen, „-“ oder „_“, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>Tag colour &apos;%1&apos; is not valid: expected #rrggbb.</source>
        <translation>Die Tag-Farbe „%1“ ist ungültig: erwartet wird #rrggbb.</translation>
    </message>
    <message>
        <source>There is no tag &apos;%1&apos;.</source>
        <translation>Es gibt kein Tag „%1“.</translation>
    </message>
    <message>
        <source>The tag &apos;%1&apos; is built in and cannot be removed.</source>
        <translation>Das Tag „%1“ ist eingebaut und kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>A tenant needs an id or a hostname to carry tags.</source>
        <translation>Ein Mandant braucht eine ID oder einen Hostnamen, um Tags zu tragen.</translation>
    </message>
    <message>
        <source>There is no tag &apos;%1&apos;; define it first.</source>
        <translation>Es gibt kein Tag „%1“; legen Sie es zuerst an.</translation>
    </message>
</context>
<context>
    <name>TypedConfirmationDialog</name>
    <message>
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>Geben Sie zur Bestätigung &lt;b&gt;%1&lt;/b&gt; ein:</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Tenantry: a desktop console for Qlik Cloud platform operations.</source>
        <translation>Tenantry: eine Desktop-Konsole für den Betrieb von Qlik Cloud.</translation>
    </message>
    <message>
        <source>Log debug messages too (log file and stderr).</source>
        <translation>Auch Debug-Meldungen protokollieren (Protokolldatei und stderr).</translation>
    </message>
    <message>
        <source>Start a local sandbox of Qlik Cloud in this process and show its estate.</source>
        <translation>Eine lokale Sandbox von Qlik Cloud in diesem Prozess starten und ihren Bestand zeigen.</translation>
    </message>
    <message>
        <source>The sandbox&apos;s seed: demo (default), empty, or estate:TENANTS[:REGIONS].</source>
        <translation>Der Seed der Sandbox: demo (Standard), empty oder estate:TENANTS[:REGIONS].</translation>
    </message>
    <message>
        <source>The language of this run: en, or a shipped translation (%1). Overrides the preference and the system&apos;s language.</source>
        <translation>Die Sprache dieses Laufs: en oder eine mitgelieferte Übersetzung (%1). Hat Vorrang vor der Einstellung und der Sprache des Systems.</translation>
    </message>
</context>
</TS>
