<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>CredentialStore</name>
    <message>
        <source>the Hetzner Cloud API token</source>
        <translation>das Hetzner-Cloud-API-Token</translation>
    </message>
    <message>
        <source>the secret “%1”</source>
        <translation>das Geheimnis „%1“</translation>
    </message>
    <message>
        <source>Install and start a keyring service such as GNOME Keyring (package gnome-keyring) or KWallet, log in to a desktop session so it is unlocked, and try again. To use the command line without a keyring, set the HCLOUD_TOKEN environment variable.</source>
        <translation>Installieren und starten Sie einen Schlüsselbund-Dienst wie GNOME Keyring (Paket gnome-keyring) oder KWallet, melden Sie sich an einer Desktop-Sitzung an, damit er entsperrt ist, und versuchen Sie es erneut. Um die Kommandozeile ohne Schlüsselbund zu nutzen, setzen Sie die Umgebungsvariable HCLOUD_TOKEN.</translation>
    </message>
    <message>
        <source>Make sure you are logged in to your user account and try again. To use the command line without the keychain, set the HCLOUD_TOKEN environment variable.</source>
        <translation>Stellen Sie sicher, dass Sie an Ihrem Benutzerkonto angemeldet sind, und versuchen Sie es erneut. Um die Kommandozeile ohne Schlüsselbund zu nutzen, setzen Sie die Umgebungsvariable HCLOUD_TOKEN.</translation>
    </message>
    <message>
        <source>No system keychain is available to keep secrets safe.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar, um Geheimnisse sicher aufzubewahren.</translation>
    </message>
    <message>
        <source>Internal error: a secret was requested without a valid name.</source>
        <translation>Interner Fehler: Ein Geheimnis wurde ohne gültigen Namen angefordert.</translation>
    </message>
    <message>
        <source>No Hetzner Cloud API token is saved in the system keychain. Enter it in the wizard, or set the HCLOUD_TOKEN environment variable.</source>
        <translation>Im Schlüsselbund des Systems ist kein Hetzner-Cloud-API-Token gespeichert. Geben Sie es im Assistenten ein oder setzen Sie die Umgebungsvariable HCLOUD_TOKEN.</translation>
    </message>
    <message>
        <source>The secret “%1” is not in the system keychain.</source>
        <translation>Das Geheimnis „%1“ ist nicht im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>The system keychain refused access to %1. Unlock your keyring, allow Jitsi Deployer when asked, and try again.</source>
        <translation>Der Schlüsselbund des Systems hat den Zugriff auf %1 verweigert. Entsperren Sie Ihren Schlüsselbund, erlauben Sie Jitsi Deployer den Zugriff, wenn Sie gefragt werden, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not read %1 from the system keychain.</source>
        <translation>Der Schlüsselbund des Systems konnte %1 nicht liefern.</translation>
    </message>
    <message>
        <source>Could not save %1 in the system keychain.</source>
        <translation>Der Schlüsselbund des Systems konnte %1 nicht speichern.</translation>
    </message>
    <message>
        <source>Could not remove %1 from the system keychain.</source>
        <translation>Der Schlüsselbund des Systems konnte %1 nicht entfernen.</translation>
    </message>
    <message>
        <source>Make sure your keyring (GNOME Keyring, KWallet or the system keychain) is running and unlocked, then try again.</source>
        <translation>Stellen Sie sicher, dass Ihr Schlüsselbund (GNOME Keyring, KWallet oder der Schlüsselbund des Systems) läuft und entsperrt ist, und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>TokenController</name>
    <message>
        <source>HCLOUD_ENDPOINT is not a usable API address: %1 Correct or unset it, then restart Jitsi Deployer.</source>
        <translation>HCLOUD_ENDPOINT ist keine verwendbare API-Adresse: %1 Korrigieren oder entfernen Sie die Variable und starten Sie Jitsi Deployer dann neu.</translation>
    </message>
    <message>
        <source>This token can only read. Jitsi Deployer creates servers, so it needs a token with Read &amp; Write permission: create one in the Hetzner Console under Security → API tokens and paste it here.</source>
        <translation>Dieses Token darf nur lesen. Jitsi Deployer legt Server an und braucht deshalb ein Token mit der Berechtigung „Read &amp; Write“: Erstellen Sie eines in der Hetzner Console unter Security → API tokens und fügen Sie es hier ein.</translation>
    </message>
    <message>
        <source>The token works: read &amp; write access. Servers in the project: %1.</source>
        <translation>Das Token funktioniert: Lese- und Schreibzugriff. Server im Projekt: %1.</translation>
    </message>
    <message>
        <source>It comes from the HCLOUD_TOKEN environment variable and is not saved in the keychain.</source>
        <translation>Es stammt aus der Umgebungsvariable HCLOUD_TOKEN und wird nicht im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>It is saved in your system keychain.</source>
        <translation>Es ist im Schlüsselbund Ihres Systems gespeichert.</translation>
    </message>
    <message>
        <source>It could not be saved, so you will have to enter it again next time (it is kept only until Jitsi Deployer closes). %1</source>
        <translation>Es konnte nicht gespeichert werden; Sie müssen es beim nächsten Mal erneut eingeben (es bleibt nur erhalten, bis Jitsi Deployer beendet wird). %1</translation>
    </message>
</context>
<context>
    <name>TokenPage</name>
    <message>
        <source>Hetzner Cloud API token</source>
        <translation>Hetzner-Cloud-API-Token</translation>
    </message>
    <message>
        <source>The token lets Jitsi Deployer create and manage servers in your Hetzner Cloud project.</source>
        <translation>Mit dem Token kann Jitsi Deployer Server in Ihrem Hetzner-Cloud-Projekt anlegen und verwalten.</translation>
    </message>
    <message>
        <source>In the Hetzner Cloud Console, open your project, go to Security, then API tokens, and generate a token with Read &amp; Write permission. Paste it here.</source>
        <translation>Öffnen Sie in der Hetzner Cloud Console Ihr Projekt, gehen Sie zu Sicherheit und dann zu API-Tokens, und erzeugen Sie ein Token mit der Berechtigung Lesen &amp; Schreiben. Fügen Sie es hier ein.</translation>
    </message>
    <message>
        <source>Paste your API token</source>
        <translation>API-Token hier einfügen</translation>
    </message>
    <message>
        <source>Check token</source>
        <translation>Token prüfen</translation>
    </message>
    <message>
        <source>The token is kept in your system keychain, never in a file. Anyone with the token can create servers at your expense, so do not share it.</source>
        <translation>Das Token wird im Schlüsselbund Ihres Systems aufbewahrt, nie in einer Datei. Wer das Token hat, kann auf Ihre Kosten Server anlegen – geben Sie es also nicht weiter.</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>The token works.</source>
        <translation>Das Token funktioniert.</translation>
    </message>
    <message>
        <source>The token was not accepted.</source>
        <translation>Das Token wurde nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Checking the token with Hetzner Cloud…</source>
        <translation>Das Token wird bei Hetzner Cloud geprüft …</translation>
    </message>
</context>
<context>
    <name>TokenSource</name>
    <message>
        <source>No Hetzner Cloud API token found. Set the HCLOUD_TOKEN environment variable, or save a token with the wizard (start jitsi-deployer without arguments).</source>
        <translation>Kein Hetzner-Cloud-API-Token gefunden. Setzen Sie die Umgebungsvariable HCLOUD_TOKEN oder speichern Sie ein Token mit dem Assistenten (jitsi-deployer ohne Argumente starten).</translation>
    </message>
    <message>
        <source>No Hetzner Cloud API token found: HCLOUD_TOKEN is not set and no system keychain is available to read a saved token from. Set HCLOUD_TOKEN, or start a keyring service such as GNOME Keyring or KWallet.</source>
        <translation>Kein Hetzner-Cloud-API-Token gefunden: HCLOUD_TOKEN ist nicht gesetzt, und es ist kein Schlüsselbund des Systems verfügbar, aus dem ein gespeichertes Token gelesen werden könnte. Setzen Sie HCLOUD_TOKEN oder starten Sie einen Schlüsselbund-Dienst wie GNOME Keyring oder KWallet.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Jitsi Deployer</source>
        <translation>Willkommen bei Jitsi Deployer</translation>
    </message>
    <message>
        <source>Your own video meetings, on servers you rent from Hetzner Cloud.</source>
        <translation>Ihre eigenen Videokonferenzen, auf Servern, die Sie bei Hetzner Cloud mieten.</translation>
    </message>
    <message>
        <source>This wizard sets up Jitsi Meet in your Hetzner Cloud project: one web server and as many video bridges as your meetings need. Before it calls the job done, it checks that every bridge is really connected.</source>
        <translation>Dieser Assistent richtet Jitsi Meet in Ihrem Hetzner-Cloud-Projekt ein: einen Webserver und so viele Video-Bridges, wie Ihre Konferenzen brauchen. Bevor er fertig meldet, prüft er, dass jede Bridge wirklich verbunden ist.</translation>
    </message>
    <message>
        <source>&lt;b&gt;API token&lt;/b&gt;: connect to your Hetzner Cloud project.</source>
        <translation>&lt;b&gt;API-Token&lt;/b&gt;: Verbindung zu Ihrem Hetzner-Cloud-Projekt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Deployment&lt;/b&gt;: the address of your meetings and an e-mail for the certificate.</source>
        <translation>&lt;b&gt;Installation&lt;/b&gt;: die Adresse Ihrer Konferenzen und eine E-Mail-Adresse für das Zertifikat.</translation>
    </message>
    <message>
        <source>&lt;b&gt;SSH key&lt;/b&gt;: how the wizard logs in to the new servers.</source>
        <translation>&lt;b&gt;SSH-Schlüssel&lt;/b&gt;: wie sich der Assistent an den neuen Servern anmeldet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Servers&lt;/b&gt;: size, location and number of video bridges, with their prices.</source>
        <translation>&lt;b&gt;Server&lt;/b&gt;: Größe, Standort und Anzahl der Video-Bridges, mit ihren Preisen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Review&lt;/b&gt;: everything that will be created and what it costs per month.</source>
        <translation>&lt;b&gt;Überprüfung&lt;/b&gt;: alles, was angelegt wird, und was es im Monat kostet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Deploy&lt;/b&gt;: the servers are set up, DNS is checked and HTTPS is switched on.</source>
        <translation>&lt;b&gt;Einrichtung&lt;/b&gt;: Die Server werden eingerichtet, DNS wird geprüft und HTTPS eingeschaltet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Verify&lt;/b&gt;: proof that every bridge takes part in meetings.</source>
        <translation>&lt;b&gt;Nachweis&lt;/b&gt;: der Beleg, dass jede Bridge an Konferenzen teilnimmt.</translation>
    </message>
    <message>
        <source>The steps ahead:</source>
        <translation>Die nächsten Schritte:</translation>
    </message>
    <message>
        <source>Nothing is created, and nothing costs money, until you confirm on the Review page.</source>
        <translation>Nichts wird angelegt und nichts kostet Geld, bevor Sie auf der Seite „Überprüfung“ bestätigen.</translation>
    </message>
</context>
<context>
    <name>WizardShell</name>
    <message>
        <source>Jitsi Deployer</source>
        <translation>Jitsi Deployer</translation>
    </message>
</context>
</TS>
