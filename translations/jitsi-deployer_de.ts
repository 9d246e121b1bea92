<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AccountRequest</name>
    <message>
        <source>The user name is empty; enter a name such as alice.</source>
        <translation>Der Benutzername ist leer; geben Sie einen Namen wie alice ein.</translation>
    </message>
    <message>
        <source>The user name &quot;%1&quot; is not allowed: use 1 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit (such as alice or j.doe).</source>
        <translation>Der Benutzername „%1“ ist nicht erlaubt: Verwenden Sie 1 bis 64 Kleinbuchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche, beginnend mit einem Buchstaben oder einer Ziffer (etwa alice oder j.doe).</translation>
    </message>
    <message numerus="yes">
        <source>The password has %n character(s); use at least %1, or let the app generate one.</source>
        <translation>
            <numerusform>Das Passwort hat %n Zeichen; verwenden Sie mindestens %1 oder lassen Sie die App eines erzeugen.</numerusform>
            <numerusform>Das Passwort hat %n Zeichen; verwenden Sie mindestens %1 oder lassen Sie die App eines erzeugen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The password is longer than %1 characters; use a shorter one.</source>
        <translation>Das Passwort ist länger als %1 Zeichen; verwenden Sie ein kürzeres.</translation>
    </message>
    <message>
        <source>The password contains a line break or another control character; use letters, digits and punctuation.</source>
        <translation>Das Passwort enthält einen Zeilenumbruch oder ein anderes Steuerzeichen; verwenden Sie Buchstaben, Ziffern und Satzzeichen.</translation>
    </message>
</context>
<context>
    <name>AccountsController</name>
    <message>
        <source>The accounts could not be read.</source>
        <translation>Die Konten ließen sich nicht lesen.</translation>
    </message>
    <message>
        <source>Accounts of %1</source>
        <translation>Konten von %1</translation>
    </message>
    <message>
        <source>Reading the accounts from the web server…</source>
        <translation>Die Konten werden vom Webserver gelesen …</translation>
    </message>
    <message>
        <source>Adding the account %1…</source>
        <translation>Das Konto %1 wird angelegt …</translation>
    </message>
    <message>
        <source>Removing the account %1…</source>
        <translation>Das Konto %1 wird entfernt …</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) may open meetings.</source>
        <translation>
            <numerusform>%n Konto darf Besprechungen eröffnen.</numerusform>
            <numerusform>%n Konten dürfen Besprechungen eröffnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Meetings on %1 are open to everyone, so accounts have no effect.</source>
        <translation>Besprechungen auf %1 stehen allen offen, daher haben Konten keine Wirkung.</translation>
    </message>
    <message>
        <source>The account %1 may now open meetings.</source>
        <translation>Das Konto %1 darf jetzt Besprechungen eröffnen.</translation>
    </message>
    <message>
        <source>The account %1 was removed; it can no longer open meetings.</source>
        <translation>Das Konto %1 wurde entfernt; es kann keine Besprechungen mehr eröffnen.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Only these accounts can open a meeting. Guests without an account join once someone with an account has opened it.</source>
        <translation>Nur diese Konten können eine Besprechung eröffnen. Gäste ohne Konto treten bei, sobald jemand mit Konto sie eröffnet hat.</translation>
    </message>
    <message>
        <source>A&amp;ccounts:</source>
        <translation>&amp;Konten:</translation>
    </message>
    <message>
        <source>Accounts that may open meetings</source>
        <translation>Konten, die Besprechungen eröffnen dürfen</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>Ausgewähltes &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove the selected account</source>
        <translation>Das ausgewählte Konto entfernen</translation>
    </message>
    <message>
        <source>New account&apos;s user name</source>
        <translation>Benutzername des neuen Kontos</translation>
    </message>
    <message>
        <source>alice</source>
        <translation>alice</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>New account&apos;s password</source>
        <translation>Passwort des neuen Kontos</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>Generate a password</source>
        <translation>Ein Passwort erzeugen</translation>
    </message>
    <message>
        <source>A random password of 16 letters and digits, shown once after the account is added</source>
        <translation>Ein zufälliges Passwort aus 16 Buchstaben und Ziffern, einmal angezeigt, nachdem das Konto angelegt ist</translation>
    </message>
    <message>
        <source>&amp;Add account</source>
        <translation>Konto &amp;anlegen</translation>
    </message>
    <message>
        <source>Add the account</source>
        <translation>Das Konto anlegen</translation>
    </message>
    <message>
        <source>The new account&apos;s generated password</source>
        <translation>Das erzeugte Passwort des neuen Kontos</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>K&amp;opieren</translation>
    </message>
    <message>
        <source>Copy the generated password</source>
        <translation>Das erzeugte Passwort kopieren</translation>
    </message>
    <message>
        <source>Password of %1 (shown only now; copy it and pass it on safely):</source>
        <translation>Passwort von %1 (nur jetzt angezeigt; kopieren Sie es und geben Sie es sicher weiter):</translation>
    </message>
</context>
<context>
    <name>AddBridgesController</name>
    <message>
        <source>%1/month</source>
        <translation>%1/Monat</translation>
    </message>
</context>
<context>
    <name>AddBridgesPage</name>
    <message>
        <source>Add bridges</source>
        <translation>Bridges hinzufügen</translation>
    </message>
    <message>
        <source>Each bridge carries the audio and video of its conferences; jicofo spreads new conferences over all of them. A new bridge runs the same Jitsi version as the others.</source>
        <translation>Jede Bridge überträgt Ton und Bild ihrer Konferenzen; jicofo verteilt neue Konferenzen auf alle. Eine neue Bridge läuft mit derselben Jitsi-Version wie die anderen.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Number of new bridges</source>
        <translation>Anzahl neuer Bridges</translation>
    </message>
    <message>
        <source>Location of the new bridges</source>
        <translation>Standort der neuen Bridges</translation>
    </message>
    <message>
        <source>Server type of the new bridges</source>
        <translation>Servertyp der neuen Bridges</translation>
    </message>
    <message>
        <source>&amp;Number of new bridges:</source>
        <translation>&amp;Anzahl neuer Bridges:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Standort:</translation>
    </message>
    <message>
        <source>Server &amp;type:</source>
        <translation>Server&amp;typ:</translation>
    </message>
    <message>
        <source>New servers:</source>
        <translation>Neue Server:</translation>
    </message>
    <message>
        <source>Monthly cost:</source>
        <translation>Monatliche Kosten:</translation>
    </message>
    <message>
        <source>Reading the server types and prices…</source>
        <translation>Servertypen und Preise werden gelesen…</translation>
    </message>
    <message>
        <source>The deployment has the most bridges one web server can serve well.</source>
        <translation>Die Installation hat bereits so viele Bridges, wie ein Webserver gut bedienen kann.</translation>
    </message>
    <message>
        <source>Bridges the deployment has now: %1.</source>
        <translation>Bridges der Installation bisher: %1.</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>noch nicht bekannt</translation>
    </message>
    <message>
        <source>%1 now, %2 with the new bridges</source>
        <translation>jetzt %1, mit den neuen Bridges %2</translation>
    </message>
    <message>
        <source>Adding bridges</source>
        <translation>Bridges werden hinzugefügt</translation>
    </message>
</context>
<context>
    <name>CliAdvice</name>
    <message>
        <source>Run the same command again: it continues where it stopped, completed steps are not repeated.</source>
        <translation>Rufen Sie denselben Befehl erneut auf: Er macht dort weiter, wo er angehalten hat; erledigte Schritte werden nicht wiederholt.</translation>
    </message>
    <message>
        <source>Run the same command again once DNS resolves to get the Let&apos;s Encrypt certificate.</source>
        <translation>Rufen Sie denselben Befehl erneut auf, sobald DNS aufgelöst wird, um das Zertifikat von Let&apos;s Encrypt zu erhalten.</translation>
    </message>
    <message>
        <source>`jitsi-deployer status` lists the deployments the project has.</source>
        <translation>`jitsi-deployer status` listet die Installationen des Projekts auf.</translation>
    </message>
    <message>
        <source>&quot;jitsi-deployer remove-bridge&quot; removes a bridge (drained first).</source>
        <translation>„jitsi-deployer remove-bridge“ entfernt eine Bridge (nachdem sie ausgelaufen ist).</translation>
    </message>
    <message>
        <source>&quot;jitsi-deployer remove-bridge %1&quot; removes it (drained first).</source>
        <translation>„jitsi-deployer remove-bridge %1“ entfernt sie (nachdem sie ausgelaufen ist).</translation>
    </message>
    <message>
        <source>&quot;jitsi-deployer hcloud server-types&quot; lists what can be ordered.</source>
        <translation>„jitsi-deployer hcloud server-types“ listet auf, was bestellt werden kann.</translation>
    </message>
    <message>
        <source>&quot;jitsi-deployer hcloud server-types --location %1&quot; lists what can be ordered there.</source>
        <translation>„jitsi-deployer hcloud server-types --location %1“ listet auf, was dort bestellt werden kann.</translation>
    </message>
    <message>
        <source>`jitsi-deployer update` brings every host to the current version, one bridge at a time.</source>
        <translation>`jitsi-deployer update` bringt jeden Server auf die aktuelle Version, eine Bridge nach der anderen.</translation>
    </message>
    <message>
        <source>Run the same command again when its meetings have ended, or add --force to go on anyway.</source>
        <translation>Rufen Sie denselben Befehl erneut auf, wenn ihre Konferenzen beendet sind, oder fügen Sie --force hinzu, um trotzdem fortzufahren.</translation>
    </message>
</context>
<context>
    <name>CliApplication</name>
    <message>
        <source>Usage: jitsi-deployer [command] [options]

Without a command the wizard opens. Commands run headless:
  hcloud check-token                        check the API token (HCLOUD_TOKEN or the keychain)
  hcloud server-types [--location L]        server types orderable in L, with prices
  hcloud locations                          the project&apos;s locations
  hcloud images [--architecture x86|arm]    orderable system images

Options:
  --api-endpoint URL   Hetzner Cloud API endpoint (default: HCLOUD_ENDPOINT, else %1)
  --json               print machine-readable JSON (documented in docs/cli.md)
  -h, --help           show this help
  -v, --version        show the version

The token is read from HCLOUD_TOKEN, else from the system keychain (saved by the wizard).
Exit codes: 0 success, 1 failed, 2 bad input, 3 token rejected, 4 API unreachable.</source>
        <translation>Aufruf: jitsi-deployer [Befehl] [Optionen]

Ohne Befehl öffnet sich der Assistent. Befehle laufen ohne grafische Oberfläche:
  hcloud check-token                        API-Token prüfen (HCLOUD_TOKEN oder Schlüsselbund)
  hcloud server-types [--location L]        in L bestellbare Servertypen, mit Preisen
  hcloud locations                          die Standorte des Projekts
  hcloud images [--architecture x86|arm]    bestellbare System-Images

Optionen:
  --api-endpoint URL   API-Endpunkt von Hetzner Cloud (Standard: HCLOUD_ENDPOINT, sonst %1)
  --json               maschinenlesbares JSON ausgeben (beschrieben in docs/cli.md)
  -h, --help           diese Hilfe anzeigen
  -v, --version        die Version anzeigen

Das Token wird aus HCLOUD_TOKEN gelesen, sonst aus dem Schlüsselbund des Systems (dort vom Assistenten gespeichert).
Exit-Codes: 0 Erfolg, 1 fehlgeschlagen, 2 ungültige Eingabe, 3 Token abgelehnt, 4 API nicht erreichbar.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>That option does not belong to &quot;hcloud %1&quot;.</source>
        <translation>Diese Option gehört nicht zu „hcloud %1“.</translation>
    </message>
    <message>
        <source>--location needs a location name such as fsn1; see &quot;hcloud locations&quot;.</source>
        <translation>--location braucht einen Standortnamen wie fsn1; siehe „hcloud locations“.</translation>
    </message>
    <message>
        <source>The Hetzner API rate limit is used up; waiting until %1 before continuing.</source>
        <translation>Das Anfragelimit der Hetzner-API ist ausgeschöpft; Jitsi Deployer wartet bis %1 und macht dann weiter.</translation>
    </message>
    <message>
        <source>Dry run (reads the API, creates nothing):
  plan --plan-file F --output-dir DIR       check the plan file (docs/plan-format.md) against the
                                            API and write each server&apos;s user-data and install
                                            files, secrets as placeholders, and a summary with
                                            the monthly cost; DIR must be new or empty</source>
        <translation>Probelauf (liest die API, legt nichts an):
  plan --plan-file F --output-dir DIR       die Plandatei (docs/plan-format.md) mit der API
                                            abgleichen und für jeden Server die user-data- und
                                            Installationsdateien schreiben, Geheimnisse als
                                            Platzhalter, dazu eine Übersicht mit den monatlichen
                                            Kosten; DIR muss neu oder leer sein</translation>
    </message>
    <message>
        <source>That option does not belong to &quot;plan&quot;.</source>
        <translation>Diese Option gehört nicht zu „plan“.</translation>
    </message>
    <message>
        <source>&quot;plan&quot; needs --plan-file and --output-dir.</source>
        <translation>„plan“ braucht --plan-file und --output-dir.</translation>
    </message>
    <message>
        <source>Cannot read the plan file %1: %2.</source>
        <translation>Die Plandatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The plan file %1 is not usable: %2</source>
        <translation>Die Plandatei %1 ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>Deployments (found by their labels in the project):
  status [--deployment D]                   each deployment&apos;s web host, bridges, network,
                                            firewalls and problems; D is a slug or a domain;
                                            exit 1 when D is not in the project</source>
        <translation>Installationen (anhand ihrer Labels im Projekt gefunden):
  status [--deployment D]                   Webserver, Bridges, Netzwerk, Firewalls und
                                            Probleme jeder Installation; D ist ein Slug oder
                                            eine Domain; Exit-Code 1, wenn D nicht im Projekt ist</translation>
    </message>
    <message>
        <source>That option does not belong to &quot;status&quot;.</source>
        <translation>Diese Option gehört nicht zu „status“.</translation>
    </message>
    <message>
        <source>--deployment needs a deployment&apos;s slug or domain; run &quot;status&quot; to list them.</source>
        <translation>--deployment braucht den Slug oder die Domain einer Installation; „status“ listet sie auf.</translation>
    </message>
    <message>
        <source>--count needs a whole number from 1 to %1.</source>
        <translation>--count braucht eine ganze Zahl von 1 bis %1.</translation>
    </message>
    <message>
        <source>--type needs a server type such as cx33; see &quot;hcloud server-types&quot;.</source>
        <translation>--type braucht einen Servertyp wie cx33; siehe „hcloud server-types“.</translation>
    </message>
    <message>
        <source>Cannot read the SSH private key %1 given to --identity.</source>
        <translation>Der bei --identity angegebene private SSH-Schlüssel %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is a public key; --identity needs the private key (the same name without .pub).</source>
        <translation>%1 ist ein öffentlicher Schlüssel; --identity braucht den privaten Schlüssel (derselbe Name ohne .pub).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a bridge&apos;s server name; &quot;status&quot; lists them (e.g. meet-example-org-jvb-2).</source>
        <translation>„%1“ ist nicht der Servername einer Bridge; „status“ listet sie auf (z. B. meet-example-org-jvb-2).</translation>
    </message>
    <message>
        <source>&quot;destroy&quot; asks you to type the domain to confirm, but there is no terminal to ask on. Pass --yes to confirm. Nothing was deleted.</source>
        <translation>„destroy“ verlangt zur Bestätigung die Eingabe der Domain, aber es gibt kein Terminal für diese Abfrage. Bestätigen Sie mit --yes. Es wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>Passphrase for %1: </source>
        <translation>Passphrase für %1: </translation>
    </message>
    <message>
        <source>&quot;remove-bridge&quot; needs the bridge&apos;s server name, e.g. remove-bridge meet-example-org-jvb-2; &quot;status&quot; lists them.</source>
        <translation>„remove-bridge“ braucht den Servernamen der Bridge, z. B. remove-bridge meet-example-org-jvb-2; „status“ listet die Bridges auf.</translation>
    </message>
    <message>
        <source>The option --%1 does not belong to &quot;%2&quot;.</source>
        <translation>Die Option --%1 gehört nicht zu „%2“.</translation>
    </message>
    <message>
        <source>&quot;deploy&quot; needs --plan-file F: the plan to deploy (docs/plan-format.md).</source>
        <translation>„deploy“ braucht --plan-file F: den Plan, der eingerichtet werden soll (docs/plan-format.md).</translation>
    </message>
    <message>
        <source>No SSH key to reach the servers: pass --identity FILE (the private key whose public half the plan names), or add the key to a running ssh-agent (ssh-add).</source>
        <translation>Kein SSH-Schlüssel für den Zugang zu den Servern: Geben Sie --identity FILE an (den privaten Schlüssel, dessen öffentlichen Teil der Plan nennt), oder fügen Sie den Schlüssel einem laufenden ssh-agent hinzu (ssh-add).</translation>
    </message>
    <message>
        <source>  --dns-server ADDRESS (deploy) check that the DNS records resolve with this DNS server
                       instead of the system&apos;s resolver</source>
        <translation>  --dns-server ADDRESS (deploy) mit diesem DNS-Server prüfen, ob die DNS-Einträge aufgelöst
                       werden, statt mit dem Resolver des Systems</translation>
    </message>
    <message>
        <source>--dns-server needs the IP address of a DNS server, such as 192.0.2.53; &quot;%1&quot; is not one.</source>
        <translation>--dns-server braucht die IP-Adresse eines DNS-Servers, zum Beispiel 192.0.2.53; „%1“ ist keine.</translation>
    </message>
    <message>
        <source>Secrets (the saved API token, each deployment&apos;s passwords):
  --secret-store keychain|file
                       keychain (default): the system keychain; file: files only you can
                       read, for machines without a keychain (a server over SSH), in
                       JITSI_DEPLOYER_SECRET_DIR or the app&apos;s data folder. The environment
                       variable JITSI_DEPLOYER_SECRET_STORE chooses the same.</source>
        <translation>Geheimnisse (das gespeicherte API-Token, die Passwörter jeder Installation):
  --secret-store keychain|file
                       keychain (Standard): der Schlüsselbund des Systems; file: Dateien, die
                       nur Sie lesen können, für Rechner ohne Schlüsselbund (ein Server über
                       SSH), in JITSI_DEPLOYER_SECRET_DIR oder im Datenordner der Anwendung.
                       Die Umgebungsvariable JITSI_DEPLOYER_SECRET_STORE wählt dasselbe.</translation>
    </message>
    <message>
        <source>Secrets: %1.</source>
        <translation>Geheimnisse: %1.</translation>
    </message>
    <message>
        <source>  status --health [--identity FILE]         also each host&apos;s live health over SSH: jicofo&apos;s
                                            bridge view, each bridge&apos;s figures, package versions</source>
        <translation>  status --health [--identity FILE]         zusätzlich der aktuelle Zustand jedes Hosts über SSH: die
                                            Bridge-Sicht von jicofo, die Werte jeder Bridge, Paketversionen</translation>
    </message>
    <message>
        <source>Deploying and managing (D may be left out when the project has exactly one deployment):
  deploy --plan-file F                      create or resume the deployment of plan F, verify it
  verify [--deployment D]                   check that every bridge is connected (read-only)
  add-bridge [--deployment D] [--count N] [--type T] [--location L]
                                            add N bridges (default 1, like the last bridge)
  remove-bridge NAME [--deployment D] [--force]
                                            drain bridge NAME, then delete it
  update [--deployment D] [--yes] [--force] rolling update of the Jitsi packages: one bridge
                                            at a time, then the web host (asks first, since
                                            its meetings restart, unless --yes)
  --force              delete or restart a bridge whose meetings have not ended within the
                       drain time without asking (they reconnect to the other bridges)
  destroy [--deployment D] [--yes]          delete everything of the deployment; asks to type
                                            its domain unless --yes
  --identity FILE      the SSH private key for the servers (default: the ssh-agent); a
                       passphrase is asked on the terminal
  --host-key NAME=SHA256:...
                       trust this host key fingerprint for server NAME (a server without a
                       host-key label, managed from another computer); repeatable
Ctrl-C stops at the next safe point; running the same command again resumes.
More exit codes: 5 deployed but not verified, 6 stopped by Ctrl-C.</source>
        <translation>Einrichten und Verwalten (D kann entfallen, wenn das Projekt genau eine Installation hat):
  deploy --plan-file F                      Installation nach Plan F anlegen oder fortsetzen, prüfen
  verify [--deployment D]                   prüfen, ob jede Bridge verbunden ist (nur lesend)
  add-bridge [--deployment D] [--count N] [--type T] [--location L]
                                            N Bridges hinzufügen (Standard 1, wie die letzte Bridge)
  remove-bridge NAME [--deployment D] [--force]
                                            Bridge NAME auslaufen lassen, dann löschen
  update [--deployment D] [--yes] [--force] schrittweise Aktualisierung der Jitsi-Pakete: eine
                                            Bridge nach der anderen, dann der Webserver (fragt
                                            vorher, da seine Konferenzen neu starten, außer bei --yes)
  --force              eine Bridge, deren Konferenzen in der Auslaufzeit nicht enden, ohne
                       Nachfrage löschen oder neu starten (sie verbinden sich mit den anderen Bridges)
  destroy [--deployment D] [--yes]          alle Ressourcen der Installation löschen; verlangt
                                            zur Bestätigung ihre Domain, außer bei --yes
  --identity FILE      der private SSH-Schlüssel für die Server (Standard: der ssh-agent);
                       eine Passphrase wird im Terminal abgefragt
  --host-key NAME=SHA256:...
                       diesem Fingerabdruck des Host-Schlüssels von Server NAME vertrauen
                       (ein Server ohne Host-Key-Label, verwaltet von einem anderen
                       Computer); wiederholbar
Strg+C hält am nächsten sicheren Punkt an; ein erneuter Aufruf desselben Befehls setzt fort.
Weitere Exit-Codes: 5 eingerichtet, aber nicht geprüft, 6 durch Strg+C angehalten.</translation>
    </message>
    <message>
        <source>&quot;update&quot; restarts the web host&apos;s services, which interrupts running meetings, and asks first; there is no terminal to ask on. Pass --yes to confirm. Nothing was changed.</source>
        <translation>„update“ startet die Dienste des Webservers neu, was laufende Konferenzen unterbricht, und fragt deshalb vorher; es gibt aber kein Terminal für diese Abfrage. Bestätigen Sie mit --yes. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>status --health reads the servers over SSH and needs a key: pass --identity FILE, or add the key to a running ssh-agent (ssh-add).</source>
        <translation>status --health liest die Server über SSH und braucht einen Schlüssel: Geben Sie --identity DATEI an oder fügen Sie den Schlüssel einem laufenden ssh-agent hinzu (ssh-add).</translation>
    </message>
    <message>
        <source>  test-meeting [--deployment D] [--every-bridge]
                                            a fresh meeting room to join, and each bridge&apos;s
                                            conferences, endpoints, ICE and data-channel figures
                                            while people are in it; Ctrl-C ends it. With
                                            --every-bridge all bridges but one are drained in
                                            turn (a new room each) until each carried the test;
                                            every drain is undone at the end</source>
        <translation>  test-meeting [--deployment D] [--every-bridge]
                                            ein neuer Besprechungsraum zum Beitreten und die
                                            Konferenzen, Endpunkte, ICE- und Datenkanal-Werte
                                            jeder Bridge, solange Leute darin sind; Strg-C beendet
                                            ihn. Mit --every-bridge werden reihum alle Bridges bis
                                            auf eine geleert (je ein neuer Raum), bis jede den Test
                                            getragen hat; jede Leerung wird am Ende rückgängig gemacht</translation>
    </message>
    <message>
        <source>Accounts that may open meetings (a deployment with meeting access &quot;moderated&quot;):
  account list [--deployment D]             the accounts of the meeting domain
  account add USER [--deployment D] [--password-stdin]
                                            add USER with a generated password, shown once;
                                            --password-stdin: read it from the first line of
                                            stdin instead (at least 8 characters)
  account remove USER [--deployment D]      USER can no longer open meetings</source>
        <translation>Konten, die Besprechungen eröffnen dürfen (eine Installation mit Besprechungszugang „moderated“):
  account list [--deployment D]             die Konten der Besprechungsdomain
  account add USER [--deployment D] [--password-stdin]
                                            USER mit einem erzeugten Passwort anlegen, das einmal
                                            angezeigt wird; --password-stdin: es stattdessen aus
                                            der ersten Zeile der Standardeingabe lesen (mindestens
                                            8 Zeichen)
  account remove USER [--deployment D]      USER kann keine Besprechungen mehr eröffnen</translation>
    </message>
    <message>
        <source>&quot;account&quot; needs list, add USER or remove USER, e.g. account add alice.</source>
        <translation>„account“ braucht list, add USER oder remove USER, z. B. account add alice.</translation>
    </message>
    <message>
        <source>&quot;account&quot; needs list, add USER or remove USER; &quot;%1&quot; is none of these.</source>
        <translation>„account“ braucht list, add USER oder remove USER; „%1“ ist nichts davon.</translation>
    </message>
</context>
<context>
    <name>CloudResources</name>
    <message>
        <source>web: the location &quot;%1&quot; does not exist in this project.</source>
        <translation>web: Den Standort „%1“ gibt es in diesem Projekt nicht.</translation>
    </message>
    <message>
        <source>%1 (%2 in %3) could not be created. %4</source>
        <translation>%1 (%2 in %3) konnte nicht angelegt werden. %4</translation>
    </message>
    <message>
        <source>The server %1 is not labelled as part of %2, so it is left alone.</source>
        <translation>Der Server %1 ist nicht per Label als Teil von %2 gekennzeichnet und wird daher nicht angetastet.</translation>
    </message>
    <message>
        <source>A network named %1 already exists in the project, but this deployment did not create it. Rename or delete it in the Hetzner Cloud Console first.</source>
        <translation>Im Projekt gibt es bereits ein Netzwerk namens %1, das nicht von dieser Installation angelegt wurde. Benennen Sie es zuerst in der Hetzner Cloud Console um oder löschen Sie es dort.</translation>
    </message>
    <message>
        <source>A firewall named %1 already exists in the project, but this deployment did not create it. Rename or delete it in the Hetzner Cloud Console first.</source>
        <translation>Im Projekt gibt es bereits eine Firewall namens %1, die nicht von dieser Installation angelegt wurde. Benennen Sie sie zuerst in der Hetzner Cloud Console um oder löschen Sie sie dort.</translation>
    </message>
    <message>
        <source>The server %1 belongs to this deployment but is labelled for another role. Delete it in the Hetzner Cloud Console, or remove it as a bridge, then deploy again.</source>
        <translation>Der Server %1 gehört zu dieser Installation, ist aber per Label für eine andere Rolle gekennzeichnet. Löschen Sie ihn in der Hetzner Cloud Console oder entfernen Sie ihn als Bridge, und richten Sie die Installation dann erneut ein.</translation>
    </message>
    <message>
        <source>A server named %1 already exists in the project, but this deployment did not create it. Rename or delete it in the Hetzner Cloud Console first.</source>
        <translation>Im Projekt gibt es bereits einen Server namens %1, der nicht von dieser Installation angelegt wurde. Benennen Sie ihn zuerst in der Hetzner Cloud Console um oder löschen Sie ihn dort.</translation>
    </message>
    <message>
        <source>%1 could not be created: the server type %2 is not available in %3 right now (sold out). Choose another type or location for it; the servers already created are reused.</source>
        <translation>%1 konnte nicht angelegt werden: Der Servertyp %2 ist in %3 zurzeit nicht verfügbar (ausverkauft). Wählen Sie dafür einen anderen Typ oder Standort; die bereits angelegten Server werden wiederverwendet.</translation>
    </message>
    <message>
        <source>%1 (%2 in %3) could not be created: the project has reached its server limit. Ask Hetzner to raise the limit or delete servers you no longer need first; the servers already created are reused.</source>
        <translation>%1 (%2 in %3) konnte nicht angelegt werden: Das Projekt hat sein Server-Limit erreicht. Bitten Sie zuerst Hetzner, das Limit zu erhöhen, oder löschen Sie Server, die Sie nicht mehr brauchen; die bereits angelegten Server werden wiederverwendet.</translation>
    </message>
    <message>
        <source>Hetzner could not finish creating %1 (%2 in %3): %4 The server is deleted again.</source>
        <translation>Hetzner konnte das Anlegen von %1 (%2 in %3) nicht abschließen: %4 Der Server wird wieder gelöscht.</translation>
    </message>
    <message>
        <source>The server %1 disappeared while it was being created; going on creates it anew.</source>
        <translation>Der Server %1 ist verschwunden, während er angelegt wurde; beim Fortsetzen wird er neu angelegt.</translation>
    </message>
</context>
<context>
    <name>ConsolePane</name>
    <message>
        <source>Install log per server</source>
        <translation>Installationsprotokoll je Server</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Find in the log</source>
        <translation>Im Protokoll suchen</translation>
    </message>
    <message>
        <source>Text to find (Ctrl+F)</source>
        <translation>Gesuchter Text (Strg+F)</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Finds the next place in this server&apos;s log with the text (F3)</source>
        <translation>Sucht die nächste Stelle mit dem Text im Protokoll dieses Servers (F3)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copies the selected lines, or the whole log shown in this tab</source>
        <translation>Kopiert die markierten Zeilen oder das ganze Protokoll dieses Reiters</translation>
    </message>
    <message>
        <source>&amp;Save log…</source>
        <translation>Protokoll s&amp;peichern …</translation>
    </message>
    <message>
        <source>Saves the full log of this run, every server and every line, to a file</source>
        <translation>Speichert das vollständige Protokoll dieses Laufs, alle Server und alle Zeilen, in eine Datei</translation>
    </message>
    <message>
        <source>Install log of %1</source>
        <translation>Installationsprotokoll von %1</translation>
    </message>
    <message numerus="yes">
        <source>[%n line(s) not shown here, they came faster than they can be shown. Every line is in the full log (Save log…).]</source>
        <translation>
            <numerusform>[%n Zeile hier nicht angezeigt, sie kam schneller, als sie sich anzeigen lässt. Jede Zeile steht im vollständigen Protokoll (Protokoll speichern …).]</numerusform>
            <numerusform>[%n Zeilen hier nicht angezeigt, sie kamen schneller, als sie sich anzeigen lassen. Jede Zeile steht im vollständigen Protokoll (Protokoll speichern …).]</numerusform>
        </translation>
    </message>
    <message>
        <source>Searched from the top again.</source>
        <translation>Erneut von oben gesucht.</translation>
    </message>
    <message>
        <source>“%1” is not in this server&apos;s log as shown; the full log may have it (Save log…).</source>
        <translation>„%1“ steht nicht im angezeigten Protokoll dieses Servers; das vollständige Protokoll enthält es vielleicht (Protokoll speichern …).</translation>
    </message>
    <message>
        <source>The whole log of this tab was copied.</source>
        <translation>Das ganze Protokoll dieses Reiters wurde kopiert.</translation>
    </message>
    <message>
        <source>The selected lines were copied.</source>
        <translation>Die markierten Zeilen wurden kopiert.</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>The log was saved to %1.</source>
        <translation>Das Protokoll wurde in %1 gespeichert.</translation>
    </message>
    <message>
        <source>The log could not be saved to %1: %2. Choose another folder.</source>
        <translation>Das Protokoll konnte nicht in %1 gespeichert werden: %2. Wählen Sie einen anderen Ordner.</translation>
    </message>
</context>
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
    <message>
        <source>No system keychain is available to keep secrets safe: this session has no D-Bus session bus (as in a login over SSH without a desktop), and GNOME Keyring and KWallet are reached over one.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar, um Geheimnisse sicher aufzubewahren: Diese Sitzung hat keinen D-Bus-Sitzungsbus (wie bei einer Anmeldung über SSH ohne Desktop), und GNOME Keyring und KWallet werden über einen solchen erreicht.</translation>
    </message>
    <message>
        <source>Either start a keyring for this session (dbus-run-session with gnome-keyring-daemon, as docs/cli.md shows), or keep the secrets in files only you can read: pass --secret-store file or set JITSI_DEPLOYER_SECRET_STORE=file (see docs/cli.md).</source>
        <translation>Starten Sie entweder einen Schlüsselbund für diese Sitzung (dbus-run-session mit gnome-keyring-daemon, wie in docs/cli.md gezeigt), oder bewahren Sie die Geheimnisse in Dateien auf, die nur Sie lesen können: Geben Sie --secret-store file an oder setzen Sie JITSI_DEPLOYER_SECRET_STORE=file (siehe docs/cli.md).</translation>
    </message>
    <message>
        <source>Make sure you are logged in to your user account and try again, or keep the secrets in files only you can read: pass --secret-store file or set JITSI_DEPLOYER_SECRET_STORE=file (see docs/cli.md).</source>
        <translation>Stellen Sie sicher, dass Sie an Ihrem Benutzerkonto angemeldet sind, und versuchen Sie es erneut, oder bewahren Sie die Geheimnisse in Dateien auf, die nur Sie lesen können: Geben Sie --secret-store file an oder setzen Sie JITSI_DEPLOYER_SECRET_STORE=file (siehe docs/cli.md).</translation>
    </message>
</context>
<context>
    <name>DeployCleanupDialog</name>
    <message>
        <source>Deployment stopped</source>
        <translation>Einrichtung angehalten</translation>
    </message>
    <message>
        <source>The deployment stopped before any server was created; nothing of it costs money.</source>
        <translation>Die Einrichtung wurde angehalten, bevor ein Server angelegt war; nichts davon kostet Geld.</translation>
    </message>
    <message>
        <source>The deployment stopped. This run created these servers; they cost money until they are deleted:</source>
        <translation>Die Einrichtung wurde angehalten. Dieser Lauf hat diese Server angelegt; sie kosten Geld, bis sie gelöscht werden:</translation>
    </message>
    <message>
        <source>Together: %1.</source>
        <translation>Zusammen: %1.</translation>
    </message>
    <message>
        <source>Keep them to resume later (running the wizard again with the same domain goes on where this run stopped), or delete them now.</source>
        <translation>Behalten Sie sie, um später fortzufahren (der Assistent macht mit derselben Domain dort weiter, wo dieser Lauf angehalten hat), oder löschen Sie sie jetzt.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Keep the servers</source>
        <translation>Server &amp;behalten</translation>
    </message>
    <message>
        <source>Nothing is deleted; a later run resumes the deployment</source>
        <translation>Nichts wird gelöscht; ein späterer Lauf setzt die Einrichtung fort</translation>
    </message>
    <message>
        <source>&amp;Delete them</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Deletes the servers, network and firewalls this run created</source>
        <translation>Löscht die Server, das Netzwerk und die Firewalls, die dieser Lauf angelegt hat</translation>
    </message>
</context>
<context>
    <name>DeployController</name>
    <message>
        <source>%1 %2/month</source>
        <translation>%1 %2/Monat</translation>
    </message>
    <message>
        <source>Everything this run created was deleted; nothing of it costs money any more.</source>
        <translation>Alles, was dieser Lauf angelegt hat, wurde gelöscht; nichts davon kostet mehr Geld.</translation>
    </message>
</context>
<context>
    <name>DeployPage</name>
    <message>
        <source>Cloud resources</source>
        <translation>Cloud-Ressourcen</translation>
    </message>
    <message>
        <source>Server installs</source>
        <translation>Server-Installation</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Deploying</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>The servers are created and installed in parallel; this takes a few minutes. You can cancel at any time and choose then whether to keep or delete what was created.</source>
        <translation>Die Server werden parallel angelegt und installiert; das dauert einige Minuten. Sie können jederzeit abbrechen und dann wählen, ob das Angelegte bleibt oder gelöscht wird.</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>&amp;Servers:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Servers and their progress</source>
        <translation>Server und ihr Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Last lines of its log:</source>
        <translation>&amp;Letzte Zeilen seines Protokolls:</translation>
    </message>
    <message>
        <source>Last lines of the failed server&apos;s log</source>
        <translation>Letzte Zeilen des Protokolls des fehlgeschlagenen Servers</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Runs the deployment again: it resumes where it stopped and creates nothing twice</source>
        <translation>Startet die Einrichtung erneut: Sie macht dort weiter, wo sie angehalten hat, und legt nichts doppelt an</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Deploying %1…</source>
        <translation>%1 wird eingerichtet …</translation>
    </message>
    <message>
        <source>Stopping at the next safe point…</source>
        <translation>Hält am nächsten sicheren Punkt an …</translation>
    </message>
    <message>
        <source>%1 is deployed. Next shows what was verified.</source>
        <translation>%1 ist eingerichtet. „Weiter“ zeigt, was geprüft wurde.</translation>
    </message>
    <message>
        <source>The deployment stopped with an error.</source>
        <translation>Die Einrichtung wurde mit einem Fehler beendet.</translation>
    </message>
    <message>
        <source>Stopped. What was created stays until you delete it; Retry goes on where the deployment stopped.</source>
        <translation>Angehalten. Das Angelegte bleibt, bis Sie es löschen; „Erneut versuchen“ macht dort weiter, wo die Einrichtung angehalten hat.</translation>
    </message>
    <message>
        <source>Deleting what this run created…</source>
        <translation>Das von diesem Lauf Angelegte wird gelöscht …</translation>
    </message>
    <message>
        <source>The full log of this run: %1</source>
        <translation>Das vollständige Protokoll dieses Laufs: %1</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Nicht gelöscht</translation>
    </message>
    <message>
        <source>%1 is destroyed: nothing of it costs money any more.</source>
        <translation>%1 ist gelöscht: nichts davon kostet mehr Geld.</translation>
    </message>
    <message>
        <source>%1: done. Next shows what was verified.</source>
        <translation>%1: fertig. „Weiter“ zeigt, was geprüft wurde.</translation>
    </message>
    <message>
        <source>This deployment existed before this run. Deleting here would delete all of it, also the servers it had before: %1. Jitsi Deployer does not do that from here; nothing was deleted. To remove the whole deployment on purpose, destroy %2 on its Manage page.</source>
        <translation>Diese Installation gab es schon vor diesem Lauf. Löschen würde hier alles von ihr löschen, auch die Server, die sie vorher hatte: %1. Jitsi Deployer tut das nicht von hier aus; es wurde nichts gelöscht. Um die ganze Installation absichtlich zu entfernen, löschen Sie %2 auf ihrer Verwaltungsseite.</translation>
    </message>
</context>
<context>
    <name>DeploymentController</name>
    <message>
        <source>Will be registered as %1.</source>
        <translation>Wird registriert als %1.</translation>
    </message>
    <message>
        <source>(made from the domain)</source>
        <translation>(aus der Domain gebildet)</translation>
    </message>
    <message>
        <source>The meeting domain</source>
        <translation>Die Meeting-Domain</translation>
    </message>
    <message>
        <source>Checking your Hetzner project for %1…</source>
        <translation>Ihr Hetzner-Projekt wird auf %1 geprüft …</translation>
    </message>
    <message>
        <source>There is no API token yet. Go back to the token page and check your token.</source>
        <translation>Es gibt noch kein API-Token. Gehen Sie zurück zur Token-Seite und prüfen Sie Ihr Token.</translation>
    </message>
    <message>
        <source>no servers are left</source>
        <translation>es sind keine Server mehr da</translation>
    </message>
    <message>
        <source>The DNS zone %1 is in this Hetzner project: the DNS records for %2 will be created automatically.</source>
        <translation>Die DNS-Zone %1 liegt in diesem Hetzner-Projekt: Die DNS-Einträge für %2 werden automatisch angelegt.</translation>
    </message>
    <message>
        <source>The DNS zone %1 in this project is a secondary zone, which Hetzner cannot change: you will create two DNS records for %2 yourself later, at your primary DNS server. The wizard shows them.</source>
        <translation>Die DNS-Zone %1 in diesem Projekt ist eine sekundäre Zone, die Hetzner nicht ändern kann: Sie legen später selbst zwei DNS-Einträge für %2 an, auf Ihrem primären DNS-Server. Der Assistent zeigt sie Ihnen.</translation>
    </message>
    <message>
        <source>%1 is not in a DNS zone of this Hetzner project: you will create two DNS records (A and AAAA) yourself later, where your domain&apos;s DNS is managed. The wizard shows them.</source>
        <translation>%1 liegt in keiner DNS-Zone dieses Hetzner-Projekts: Sie legen später selbst zwei DNS-Einträge (A und AAAA) an, dort, wo das DNS Ihrer Domain verwaltet wird. Der Assistent zeigt sie Ihnen.</translation>
    </message>
    <message>
        <source>Your Hetzner project could not be checked: %1 What you typed is kept; press Retry.</source>
        <translation>Ihr Hetzner-Projekt konnte nicht geprüft werden: %1 Ihre Eingaben bleiben erhalten; klicken Sie auf „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>A deployment for %1 already exists in this project (%2). Manage it (add or remove bridges, update, destroy) with the button below; to create a new deployment, enter another domain.</source>
        <translation>Für %1 gibt es in diesem Projekt schon eine Installation (%2). Verwalten Sie sie (Bridges hinzufügen oder entfernen, aktualisieren, löschen) mit der Schaltfläche unten; für eine neue Installation geben Sie eine andere Domain ein.</translation>
    </message>
</context>
<context>
    <name>DeploymentEngine</name>
    <message>
        <source>Another operation is still running; wait for it or cancel it first.</source>
        <translation>Es läuft noch ein anderer Vorgang; warten Sie, bis er abgeschlossen ist, oder brechen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>The number of bridges to add must be between 1 and %1.</source>
        <translation>Die Anzahl der hinzuzufügenden Bridges muss zwischen 1 und %1 liegen.</translation>
    </message>
    <message>
        <source>A deployment has at most %1 bridges; it has %2.</source>
        <translation>Eine Installation hat höchstens %1 Bridges; diese hat %2.</translation>
    </message>
    <message>
        <source>Checking the plan with Hetzner Cloud…</source>
        <translation>Der Plan wird bei Hetzner Cloud geprüft …</translation>
    </message>
    <message>
        <source>Creating the network, firewalls and servers…</source>
        <translation>Netzwerk, Firewalls und Server werden angelegt …</translation>
    </message>
    <message>
        <source>The DNS records were created in the project&apos;s zone.</source>
        <translation>Die DNS-Einträge wurden in der Zone des Projekts angelegt.</translation>
    </message>
    <message>
        <source>Create these DNS records at your DNS provider; the certificate follows once they resolve.</source>
        <translation>Legen Sie diese DNS-Einträge bei Ihrem DNS-Anbieter an; das Zertifikat folgt, sobald sie aufgelöst werden.</translation>
    </message>
    <message numerus="yes">
        <source>Installing %n host(s) in parallel…</source>
        <translation>
            <numerusform>%n Server wird installiert …</numerusform>
            <numerusform>%n Server werden parallel installiert …</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 waits for the web host, whose install failed.</source>
        <translation>%1 wartet auf den Webserver, dessen Installation fehlgeschlagen ist.</translation>
    </message>
    <message>
        <source>Waiting for DNS to point %1 at the web host…</source>
        <translation>Warten, bis DNS %1 auf den Webserver verweist …</translation>
    </message>
    <message>
        <source>Getting a Let&apos;s Encrypt certificate for %1…</source>
        <translation>Zertifikat von Let&apos;s Encrypt für %1 wird abgerufen …</translation>
    </message>
    <message>
        <source>Verifying that every bridge is connected…</source>
        <translation>Es wird geprüft, ob jede Bridge verbunden ist …</translation>
    </message>
    <message>
        <source>The deployment has no bridge &quot;%1&quot;. Its bridges: %2.</source>
        <translation>Die Installation hat keine Bridge „%1“. Ihre Bridges: %2.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Draining %1: no new conferences, waiting for the running ones to end…</source>
        <translation>%1 läuft aus: keine neuen Konferenzen mehr; es wird gewartet, bis die laufenden enden …</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>%1 wird gelöscht …</translation>
    </message>
    <message>
        <source>Deleting every resource of the deployment…</source>
        <translation>Alle Ressourcen der Installation werden gelöscht …</translation>
    </message>
    <message>
        <source>Waiting for the Let&apos;s Encrypt certificate for %1…</source>
        <translation>Warten auf das Zertifikat von Let&apos;s Encrypt für %1 …</translation>
    </message>
    <message>
        <source>The deployment&apos;s passwords are neither in this computer&apos;s secret store (%2) nor on its web host %1. Deploy it again from its plan file to restore them.</source>
        <translation>Die Passwörter der Installation sind weder im Geheimnisspeicher dieses Computers (%2) noch auf ihrem Webserver %1. Richten Sie die Installation mit ihrer Plandatei erneut ein, um die Passwörter wiederherzustellen.</translation>
    </message>
    <message>
        <source>The deployment&apos;s passwords were missing from this computer&apos;s secret store (%1); they were read from the web host over its pinned SSH connection and saved again.</source>
        <translation>Die Passwörter der Installation fehlten im Geheimnisspeicher dieses Computers (%1); sie wurden über die SSH-Verbindung mit festgelegtem Host-Schlüssel vom Webserver gelesen und erneut gespeichert.</translation>
    </message>
    <message>
        <source>waiting for the web host&apos;s firewall to allow it</source>
        <translation>wartet darauf, dass die Firewall des Web-Hosts sie zulässt</translation>
    </message>
    <message>
        <source>waiting for the web host&apos;s install to finish</source>
        <translation>wartet auf das Ende der Installation des Web-Hosts</translation>
    </message>
    <message>
        <source>The deployment&apos;s passwords are neither in this computer&apos;s secret store (%2) nor on its web host %1, which has already been set up with them. Destroy the deployment and deploy it again.</source>
        <translation>Die Passwörter der Installation sind weder im Geheimnisspeicher dieses Computers (%2) noch auf ihrem Webserver %1, der bereits mit ihnen eingerichtet wurde. Löschen Sie die Installation mit destroy und richten Sie sie erneut ein.</translation>
    </message>
    <message>
        <source>A server&apos;s set-up label could not be removed (%1); the deployment may show as interrupted until the next run.</source>
        <translation>Das Einrichtungs-Label eines Servers konnte nicht entfernt werden (%1); die Installation wird bis zum nächsten Lauf womöglich als unterbrochen angezeigt.</translation>
    </message>
    <message>
        <source>The host-key label of %1 could not be set (%2); another computer will ask to confirm its key.</source>
        <translation>Das Host-Key-Label von %1 konnte nicht gesetzt werden (%2); ein anderer Computer wird darum bitten, seinen Schlüssel zu bestätigen.</translation>
    </message>
    <message>
        <source>This computer had no host keys for %1; they were checked against the servers&apos; labels or your confirmation and pinned here.</source>
        <translation>Dieser Computer hatte keine Host-Schlüssel für %1; sie wurden mit den Labels der Server oder Ihrer Bestätigung geprüft und hier gespeichert.</translation>
    </message>
    <message>
        <source>This computer had no record of %1; its settings were read from the project and the web host and saved here.</source>
        <translation>Dieser Computer kannte %1 nicht; die Einstellungen wurden aus dem Projekt und vom Webserver gelesen und hier gespeichert.</translation>
    </message>
    <message>
        <source>Reading the health of every host…</source>
        <translation>Der Zustand jedes Hosts wird gelesen…</translation>
    </message>
    <message>
        <source>Cancelled. What was created stays: continue where it stopped, or destroy the deployment to remove it.</source>
        <translation>Abgebrochen. Was angelegt wurde, bleibt erhalten: Machen Sie dort weiter, wo angehalten wurde, oder löschen Sie die Installation, um sie zu entfernen.</translation>
    </message>
    <message>
        <source>The project has no deployment &quot;%1&quot;.</source>
        <translation>Das Projekt hat keine Installation „%1“.</translation>
    </message>
    <message>
        <source>This computer has no record of the deployment &quot;%1&quot;: its servers&apos; host keys are pinned on the computer that deployed it, and connecting without them would mean trusting whoever answers. Manage it from that computer.</source>
        <translation>Dieser Rechner kennt die Installation „%1“ nicht: Die Host-Schlüssel ihrer Server sind auf dem Rechner hinterlegt, der sie eingerichtet hat, und sich ohne sie zu verbinden hieße, jedem zu vertrauen, der antwortet. Verwalten Sie sie von jenem Rechner aus.</translation>
    </message>
    <message>
        <source>The deployment has no web host. Deploy it again with its plan to repair it.</source>
        <translation>Die Installation hat keinen Webserver. Richten Sie sie mit ihrem Plan erneut ein, um sie zu reparieren.</translation>
    </message>
    <message>
        <source>The bridge %1 is not in the plan; it is kept.</source>
        <translation>Die Bridge %1 steht nicht im Plan; sie bleibt erhalten.</translation>
    </message>
    <message>
        <source>The server %1 exists, but this computer does not know its host key, so it cannot be told apart from an impostor. Manage the deployment from the computer that created it, or delete the server and deploy again.</source>
        <translation>Der Server %1 existiert, aber dieser Rechner kennt seinen Host-Schlüssel nicht und kann ihn daher nicht von einem Betrüger unterscheiden. Verwalten Sie die Installation von dem Rechner aus, der sie angelegt hat, oder löschen Sie den Server und richten Sie sie erneut ein.</translation>
    </message>
    <message>
        <source> The web host keeps its self-signed certificate for now.</source>
        <translation> Der Webserver behält vorerst sein selbst signiertes Zertifikat.</translation>
    </message>
    <message>
        <source>it could not be reached (%1)</source>
        <translation>sie war nicht erreichbar (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n conference(s) still ran on it when the drain time ran out</source>
        <translation>
            <numerusform>auf ihr lief nach Ablauf der Auslaufzeit noch %n Konferenz</numerusform>
            <numerusform>auf ihr liefen nach Ablauf der Auslaufzeit noch %n Konferenzen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not confirmed drained (%2); going on as you chose: participants on it reconnect to the other bridges.</source>
        <translation>%1 ist nicht nachweislich ausgelaufen (%2); wie von Ihnen gewählt geht es weiter: Die Teilnehmer darauf verbinden sich mit den anderen Bridges.</translation>
    </message>
    <message>
        <source>Waiting again for the conferences on %1 to end…</source>
        <translation>Es wird erneut gewartet, bis die Konferenzen auf %1 enden …</translation>
    </message>
    <message>
        <source>%1 is not confirmed drained (%2), so it was left running.</source>
        <translation>Für %1 ist nicht bestätigt, dass sie ausgelaufen ist (%2), deshalb läuft sie weiter.</translation>
    </message>
    <message>
        <source>Reading the Jitsi package versions of every host…</source>
        <translation>Die Versionen der Jitsi-Pakete auf allen Servern werden gelesen …</translation>
    </message>
    <message>
        <source>before: %1 %2</source>
        <translation>vorher: %1 %2</translation>
    </message>
    <message>
        <source>after: %1 %2</source>
        <translation>nachher: %1 %2</translation>
    </message>
    <message>
        <source>Upgrading the Jitsi packages on %1…</source>
        <translation>Die Jitsi-Pakete auf %1 werden aktualisiert …</translation>
    </message>
    <message>
        <source>After the upgrade of %1, jicofo sees %2 of %3 bridges. Check jitsi-videobridge2 (journalctl -u jitsi-videobridge2) and jicofo on the web host, then run the update again.</source>
        <translation>Nach dem Update von %1 sieht jicofo %2 von %3 Bridges. Prüfen Sie jitsi-videobridge2 (journalctl -u jitsi-videobridge2) und jicofo auf dem Webserver und starten Sie das Update dann erneut.</translation>
    </message>
    <message>
        <source>Reading the Jitsi package versions after the update…</source>
        <translation>Die Versionen der Jitsi-Pakete nach dem Update werden gelesen …</translation>
    </message>
    <message>
        <source>Updating the web host %1 restarts prosody and jicofo: meetings running now are interrupted for a moment and their participants rejoin.</source>
        <translation>Das Update des Webservers %1 startet prosody und jicofo neu: Laufende Konferenzen werden kurz unterbrochen, und ihre Teilnehmer verbinden sich neu.</translation>
    </message>
    <message>
        <source>Reading the jitsi-videobridge2 version the bridges run…</source>
        <translation>Die Version von jitsi-videobridge2 auf den Bridges wird gelesen …</translation>
    </message>
    <message>
        <source>%1 runs %2</source>
        <translation>auf %1 läuft %2</translation>
    </message>
    <message>
        <source>The bridges do not run one jitsi-videobridge2 version (%1), so a new bridge cannot match them. Update every host to the current version first, then add the bridge. Nothing was created.</source>
        <translation>Die Bridges laufen nicht mit einer einzigen Version von jitsi-videobridge2 (%1), daher kann eine neue Bridge nicht zu ihnen passen. Bringen Sie zuerst jeden Server auf die aktuelle Version und fügen Sie dann die Bridge hinzu. Es wurde nichts angelegt.</translation>
    </message>
    <message>
        <source>The bridges run jitsi-videobridge2 %1, which the Jitsi repository no longer offers (it has %2), so a new bridge cannot match them. Update every host to the current version first, then add the bridge. Nothing was created.</source>
        <translation>Die Bridges laufen mit jitsi-videobridge2 %1, die das Jitsi-Repository nicht mehr anbietet (es hat %2), daher kann eine neue Bridge nicht zu ihnen passen. Bringen Sie zuerst jeden Server auf die aktuelle Version und fügen Sie dann die Bridge hinzu. Es wurde nichts angelegt.</translation>
    </message>
    <message>
        <source>New bridges install jitsi-videobridge2 %1, as the others run.</source>
        <translation>Neue Bridges installieren jitsi-videobridge2 %1, wie die übrigen es haben.</translation>
    </message>
    <message>
        <source>Taking the bridges an interrupted meeting test drained back into service: %1…</source>
        <translation>Die Bridges, die ein unterbrochener Besprechungstest geleert hat, werden wieder in Betrieb genommen: %1…</translation>
    </message>
    <message>
        <source>%1 is still in drain mode from an interrupted meeting test and cannot be reached now (%2); it is taken back into service the next time.</source>
        <translation>%1 ist noch von einem unterbrochenen Besprechungstest im Leerungsmodus und gerade nicht erreichbar (%2); sie wird beim nächsten Mal wieder in Betrieb genommen.</translation>
    </message>
    <message>
        <source>%1 is in drain mode, not by this test: it is left out and stays drained.</source>
        <translation>%1 ist im Leerungsmodus, nicht durch diesen Test: sie wird ausgelassen und bleibt geleert.</translation>
    </message>
    <message>
        <source>%1 cannot be read, so it is left out of the test.</source>
        <translation>%1 kann nicht gelesen werden und wird daher beim Test ausgelassen.</translation>
    </message>
    <message>
        <source>No bridge can take the test meeting: every bridge is drained or unreachable. Check them on the Manage page (status --health).</source>
        <translation>Keine Bridge kann die Testbesprechung aufnehmen: Jede Bridge ist geleert oder nicht erreichbar. Prüfen Sie sie auf der Seite „Verwalten“ (status --health).</translation>
    </message>
    <message>
        <source>Test meeting: join the room; the figures of every bridge follow.</source>
        <translation>Testbesprechung: Treten Sie dem Raum bei; die Werte jeder Bridge folgen.</translation>
    </message>
    <message>
        <source>%1 cannot be reached over SSH (%2); its figures stay empty.</source>
        <translation>%1 ist über SSH nicht erreichbar (%2); ihre Werte bleiben leer.</translation>
    </message>
    <message>
        <source>Test every bridge: %1 of %2, %3; draining the other bridges…</source>
        <translation>Jede Bridge testen: %1 von %2, %3; die anderen Bridges werden geleert…</translation>
    </message>
    <message>
        <source>Test every bridge: join the new room now; it opens on %1 (%2 of %3).</source>
        <translation>Jede Bridge testen: Treten Sie jetzt dem neuen Raum bei; er öffnet auf %1 (%2 von %3).</translation>
    </message>
    <message>
        <source>%1 could not be put into drain mode (%2); the test meeting may land on it too.</source>
        <translation>%1 konnte nicht in den Leerungsmodus versetzt werden (%2); die Testbesprechung kann auch auf ihr landen.</translation>
    </message>
    <message>
        <source>%1 could not be taken out of drain mode (%2); the next meeting test or opening the deployment tries again.</source>
        <translation>%1 konnte nicht aus dem Leerungsmodus genommen werden (%2); der nächste Besprechungstest oder das Öffnen der Installation versucht es erneut.</translation>
    </message>
    <message>
        <source>Ending the meeting test: the bridges it drained go back into service…</source>
        <translation>Der Besprechungstest endet: Die von ihm geleerten Bridges gehen wieder in Betrieb…</translation>
    </message>
    <message>
        <source>%1 is still in drain mode: take it back into service with &quot;jitsi-deployer test-meeting&quot; later, or POST 127.0.0.1:8080/colibri/drain/disable on it.</source>
        <translation>%1 ist noch im Leerungsmodus: Nehmen Sie sie später mit „jitsi-deployer test-meeting“ wieder in Betrieb, oder mit POST 127.0.0.1:8080/colibri/drain/disable auf ihr.</translation>
    </message>
    <message>
        <source>The DNS record %1 %2 is no longer labelled as part of %3, so it is left alone; nothing else was deleted.</source>
        <translation>Der DNS-Eintrag %1 %2 ist nicht mehr als Teil von %3 gekennzeichnet und bleibt daher unangetastet; sonst wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>Reading the accounts of %1…</source>
        <translation>Die Konten von %1 werden gelesen …</translation>
    </message>
    <message>
        <source>Adding the account %1 on %2…</source>
        <translation>Das Konto %1 wird auf %2 angelegt …</translation>
    </message>
    <message>
        <source>Removing the account %1 from %2…</source>
        <translation>Das Konto %1 wird von %2 entfernt …</translation>
    </message>
    <message>
        <source>Meetings on %1 are open to everyone, so accounts have no effect.</source>
        <translation>Besprechungen auf %1 stehen allen offen, daher haben Konten keine Wirkung.</translation>
    </message>
</context>
<context>
    <name>DeploymentHealth</name>
    <message>
        <source>Every bridge runs hot (stress up to %1; jicofo avoids a bridge from %2 on). Add a bridge.</source>
        <translation>Jede Bridge läuft heiß (Last bis %1; jicofo meidet eine Bridge ab %2). Fügen Sie eine Bridge hinzu.</translation>
    </message>
    <message>
        <source>The bridges carry %1 participants, %2 per bridge on average (more than %3). Add a bridge.</source>
        <translation>Die Bridges tragen %1 Teilnehmende, im Mittel %2 je Bridge (mehr als %3). Fügen Sie eine Bridge hinzu.</translation>
    </message>
</context>
<context>
    <name>DeploymentPage</name>
    <message>
        <source>Your meeting address</source>
        <translation>Ihre Meeting-Adresse</translation>
    </message>
    <message>
        <source>The domain people will open to join a meeting, and where Let&apos;s Encrypt may write about its certificate.</source>
        <translation>Die Domain, die Teilnehmende öffnen, um einem Meeting beizutreten, und wohin Let&apos;s Encrypt zu ihrem Zertifikat schreiben darf.</translation>
    </message>
    <message>
        <source>Meeting &amp;domain:</source>
        <translation>Meeting-&amp;Domain:</translation>
    </message>
    <message>
        <source>A domain you control, such as meet.example.org. It needs two DNS records pointing at the web server; the wizard creates them when the domain&apos;s zone is in this Hetzner project.</source>
        <translation>Eine Domain, über die Sie verfügen, etwa meet.example.org. Sie braucht zwei DNS-Einträge, die auf den Webserver zeigen; der Assistent legt sie an, wenn die Zone der Domain in diesem Hetzner-Projekt liegt.</translation>
    </message>
    <message>
        <source>meet.example.org</source>
        <translation>meet.example.org</translation>
    </message>
    <message>
        <source>&amp;E-mail for Let&apos;s Encrypt:</source>
        <translation>&amp;E-Mail für Let&apos;s Encrypt:</translation>
    </message>
    <message>
        <source>Let&apos;s Encrypt sends notices about the meeting&apos;s certificate to this address, such as when it would expire.</source>
        <translation>Let&apos;s Encrypt schickt Hinweise zum Zertifikat des Meetings an diese Adresse, etwa wenn es abzulaufen droht.</translation>
    </message>
    <message>
        <source>admin@example.org</source>
        <translation>admin@example.org</translation>
    </message>
    <message>
        <source>Server names:</source>
        <translation>Servernamen:</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>E&amp;rneut versuchen</translation>
    </message>
    <message>
        <source>Ask your Hetzner project again.</source>
        <translation>Ihr Hetzner-Projekt erneut fragen.</translation>
    </message>
    <message>
        <source>Meeting domain</source>
        <translation>Meeting-Domain</translation>
    </message>
    <message>
        <source>E-mail for Let&apos;s Encrypt</source>
        <translation>E-Mail für Let&apos;s Encrypt</translation>
    </message>
    <message>
        <source>Server names</source>
        <translation>Servernamen</translation>
    </message>
    <message>
        <source>Retry the project check</source>
        <translation>Projektprüfung wiederholen</translation>
    </message>
    <message>
        <source>&amp;Manage this deployment</source>
        <translation>Diese Installation &amp;verwalten</translation>
    </message>
    <message>
        <source>Who may &amp;open a meeting:</source>
        <translation>Wer darf eine Besprechung &amp;eröffnen:</translation>
    </message>
    <message>
        <source>Anyone with the link</source>
        <translation>Jeder mit dem Link</translation>
    </message>
    <message>
        <source>Whoever opens a meeting link starts the meeting. Nobody needs an account.</source>
        <translation>Wer einen Besprechungslink öffnet, startet die Besprechung. Niemand braucht ein Konto.</translation>
    </message>
    <message>
        <source>Only accounts you create (guests join once a meeting runs)</source>
        <translation>Nur Konten, die Sie anlegen (Gäste treten bei, sobald eine Besprechung läuft)</translation>
    </message>
    <message>
        <source>A meeting starts only when someone logs in with an account you create on the Manage page. Guests without an account wait until then and join without logging in.</source>
        <translation>Eine Besprechung beginnt erst, wenn sich jemand mit einem Konto anmeldet, das Sie auf der Seite „Verwalten“ anlegen. Gäste ohne Konto warten bis dahin und treten ohne Anmeldung bei.</translation>
    </message>
    <message>
        <source>Anyone with the link may open a meeting</source>
        <translation>Jeder mit dem Link darf eine Besprechung eröffnen</translation>
    </message>
    <message>
        <source>Only accounts you create may open a meeting</source>
        <translation>Nur Konten, die Sie anlegen, dürfen eine Besprechung eröffnen</translation>
    </message>
</context>
<context>
    <name>DeploymentPlan</name>
    <message>
        <source>domain</source>
        <translation>domain</translation>
    </message>
    <message>
        <source>domain &quot;%1&quot; must be written in lower case: %2.</source>
        <translation>domain „%1“ muss in Kleinbuchstaben geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>bridges is empty; a deployment needs at least one bridge.</source>
        <translation>bridges ist leer; eine Installation braucht mindestens eine Bridge.</translation>
    </message>
    <message>
        <source>The plan has %1 bridges; at most %2 are supported per deployment.</source>
        <translation>Der Plan enthält %1 Bridges; pro Installation werden höchstens %2 unterstützt.</translation>
    </message>
    <message>
        <source>ssh_public_key is empty; paste your public key, the one line from ~/.ssh/id_ed25519.pub.</source>
        <translation>ssh_public_key ist leer; fügen Sie Ihren öffentlichen Schlüssel ein, also die eine Zeile aus ~/.ssh/id_ed25519.pub.</translation>
    </message>
    <message>
        <source>ssh_public_key is not a valid OpenSSH public key: %1 Paste the one line from your .pub file, such as ~/.ssh/id_ed25519.pub.</source>
        <translation>ssh_public_key ist kein gültiger öffentlicher OpenSSH-Schlüssel: %1 Fügen Sie die eine Zeile aus Ihrer .pub-Datei ein, zum Beispiel aus ~/.ssh/id_ed25519.pub.</translation>
    </message>
    <message>
        <source>The server name &quot;%1&quot; made from the domain is not a valid host name (at most 63 letters, digits and hyphens).</source>
        <translation>Der aus der Domain gebildete Servername „%1“ ist kein gültiger Hostname (höchstens 63 Buchstaben, Ziffern und Bindestriche).</translation>
    </message>
    <message>
        <source>The plan has no &quot;version&quot;; this program reads &quot;version&quot;: %1.</source>
        <translation>Im Plan fehlt „version“; dieses Programm liest &quot;version&quot;: %1.</translation>
    </message>
    <message>
        <source>(not a number)</source>
        <translation>(keine Zahl)</translation>
    </message>
    <message>
        <source>The plan&apos;s version %1 is not supported; this program reads version %2. Use a matching release of jitsi-deployer or rewrite the plan (docs/plan-format.md).</source>
        <translation>Die Version %1 des Plans wird nicht unterstützt; dieses Programm liest Version %2. Verwenden Sie ein dazu passendes Release von jitsi-deployer oder schreiben Sie den Plan neu (docs/plan-format.md).</translation>
    </message>
    <message>
        <source>The plan has no &quot;web&quot;; it is required (see docs/plan-format.md).</source>
        <translation>Im Plan fehlt „web“; das Feld ist erforderlich (siehe docs/plan-format.md).</translation>
    </message>
    <message>
        <source>The plan has no &quot;bridges&quot;; it is required (see docs/plan-format.md).</source>
        <translation>Im Plan fehlt „bridges“; das Feld ist erforderlich (siehe docs/plan-format.md).</translation>
    </message>
    <message>
        <source>&quot;bridges&quot; must be a list of objects with server_type and location.</source>
        <translation>„bridges“ muss eine Liste von Objekten mit server_type und location sein.</translation>
    </message>
    <message>
        <source>&quot;options&quot; must be an object.</source>
        <translation>„options“ muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>&quot;options.ssh_source_cidrs&quot; must be a list of networks such as [&quot;203.0.113.7/32&quot;].</source>
        <translation>„options.ssh_source_cidrs“ muss eine Liste von Netzen sein, zum Beispiel [&quot;203.0.113.7/32&quot;].</translation>
    </message>
    <message>
        <source>&quot;options.ssh_source_cidrs[%1]&quot; must be a text string.</source>
        <translation>„options.ssh_source_cidrs[%1]“ muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>The plan file is not valid JSON: %1 at line %2, column %3.</source>
        <translation>Die Plandatei ist kein gültiges JSON: %1 in Zeile %2, Spalte %3.</translation>
    </message>
    <message>
        <source>The plan file must hold one JSON object (see docs/examples/plan.json).</source>
        <translation>Die Plandatei muss genau ein JSON-Objekt enthalten (siehe docs/examples/plan.json).</translation>
    </message>
    <message>
        <source>%1 is empty; enter a domain name such as meet.example.org.</source>
        <translation>%1 ist leer; geben Sie einen Domainnamen wie meet.example.org ein.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; contains non-ASCII characters; write an international domain in punycode (xn--…) or let the plan file convert it.</source>
        <translation>%1 „%2“ enthält Zeichen außerhalb von ASCII; schreiben Sie eine internationale Domain in Punycode (xn--…) oder lassen Sie die Plandatei sie umwandeln.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; ends with a dot; leave the final dot out.</source>
        <translation>%1 „%2“ endet mit einem Punkt; lassen Sie den letzten Punkt weg.</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; a domain name has at most 253.</source>
        <translation>%1 ist %2 Zeichen lang; ein Domainname hat höchstens 253.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a fully qualified domain name; use the full name, such as meet.example.org.</source>
        <translation>%1 „%2“ ist kein vollständiger Domainname; verwenden Sie den vollen Namen, zum Beispiel meet.example.org.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; has an empty part between dots.</source>
        <translation>%1 „%2“ hat einen leeren Teil zwischen zwei Punkten.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; has a part longer than 63 characters, the limit for one part of a domain name.</source>
        <translation>%1 „%2“ hat einen Teil mit mehr als 63 Zeichen, der Grenze für einen Teil eines Domainnamens.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; may only contain letters, digits, hyphens and dots, and no part may start or end with a hyphen.</source>
        <translation>%1 „%2“ darf nur Buchstaben, Ziffern, Bindestriche und Punkte enthalten, und kein Teil darf mit einem Bindestrich beginnen oder enden.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; looks like an IP address; use a domain name.</source>
        <translation>%1 „%2“ sieht aus wie eine IP-Adresse; verwenden Sie einen Domainnamen.</translation>
    </message>
    <message>
        <source>%1.server_type is empty; choose a server type such as cx33 (see &quot;jitsi-deployer hcloud server-types&quot;).</source>
        <translation>%1.server_type ist leer; wählen Sie einen Servertyp wie cx33 (siehe „jitsi-deployer hcloud server-types“).</translation>
    </message>
    <message>
        <source>%1.server_type &quot;%2&quot; is not a server type name; names look like cx33 or cpx32 (see &quot;jitsi-deployer hcloud server-types&quot;).</source>
        <translation>%1.server_type „%2“ ist kein Servertyp; die Namen sehen aus wie cx33 oder cpx32 (siehe „jitsi-deployer hcloud server-types“).</translation>
    </message>
    <message>
        <source>%1.location is empty; choose a location such as fsn1 (see &quot;jitsi-deployer hcloud locations&quot;).</source>
        <translation>%1.location ist leer; wählen Sie einen Standort wie fsn1 (siehe „jitsi-deployer hcloud locations“).</translation>
    </message>
    <message>
        <source>%1.location &quot;%2&quot; is not a location name; names look like fsn1 or hel1 (see &quot;jitsi-deployer hcloud locations&quot;).</source>
        <translation>%1.location „%2“ ist kein Standortname; die Namen sehen aus wie fsn1 oder hel1 (siehe „jitsi-deployer hcloud locations“).</translation>
    </message>
    <message>
        <source>email is empty; Let&apos;s Encrypt needs an address for expiry notices.</source>
        <translation>email ist leer; Let&apos;s Encrypt braucht eine Adresse für Hinweise zum Ablauf des Zertifikats.</translation>
    </message>
    <message>
        <source>email &quot;%1&quot; is not an e-mail address such as admin@example.org.</source>
        <translation>email „%1“ ist keine E-Mail-Adresse wie admin@example.org.</translation>
    </message>
    <message>
        <source>email &quot;%1&quot;: the part before @ may only contain letters, digits and . _ % + - (no spaces, quotes or other symbols).</source>
        <translation>email „%1“: Der Teil vor dem @ darf nur Buchstaben, Ziffern und . _ % + - enthalten (keine Leerzeichen, Anführungszeichen oder anderen Symbole).</translation>
    </message>
    <message>
        <source>The e-mail domain</source>
        <translation>Die Domain der E-Mail-Adresse</translation>
    </message>
    <message>
        <source>email &quot;%1&quot;: %2</source>
        <translation>email „%1“: %2</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; has no prefix length; write a network in CIDR form such as %2/32 (one IPv4 address) or %2/128 (one IPv6 address).</source>
        <translation>%1 „%2“ hat keine Präfixlänge; schreiben Sie ein Netz in CIDR-Form wie %2/32 (eine IPv4-Adresse) oder %2/128 (eine IPv6-Adresse).</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a network in CIDR form such as 203.0.113.0/24 or 2001:db8::/32.</source>
        <translation>%1 „%2“ ist kein Netz in CIDR-Form wie 203.0.113.0/24 oder 2001:db8::/32.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; has host bits set; the network is %3.</source>
        <translation>%1 „%2“ hat gesetzte Host-Bits; das Netz lautet %3.</translation>
    </message>
    <message>
        <source>The plan has no &quot;%1&quot;; it is required (see docs/plan-format.md).</source>
        <translation>Im Plan fehlt „%1“; das Feld ist erforderlich (siehe docs/plan-format.md).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a text string.</source>
        <translation>„%1“ muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false.</source>
        <translation>„%1“ muss true oder false sein.</translation>
    </message>
    <message>
        <source>The plan has an unknown field &quot;%1&quot;; check its spelling (known here: %2).</source>
        <translation>Der Plan enthält das unbekannte Feld „%1“; prüfen Sie die Schreibweise (hier bekannt: %2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object with server_type and location.</source>
        <translation>„%1“ muss ein Objekt mit server_type und location sein.</translation>
    </message>
    <message>
        <source>options.acme_directory_url &quot;%1&quot; is not a plain https URL such as https://acme-staging-v02.api.letsencrypt.org/directory; leave it out for Let&apos;s Encrypt.</source>
        <translation>options.acme_directory_url „%1“ ist keine einfache https-URL wie https://acme-staging-v02.api.letsencrypt.org/directory; lassen Sie das Feld für Let&apos;s Encrypt weg.</translation>
    </message>
    <message>
        <source>image &quot;%1&quot; is not supported; use debian-13 (the default), debian-12 or ubuntu-24.04.</source>
        <translation>image „%1“ wird nicht unterstützt; verwenden Sie debian-13 (Standard), debian-12 oder ubuntu-24.04.</translation>
    </message>
    <message>
        <source>options.meeting_access &quot;%1&quot; is not known; use &quot;open&quot; (anyone with the link may open a meeting, the default) or &quot;moderated&quot; (only accounts you create may).</source>
        <translation>options.meeting_access „%1“ ist unbekannt; verwenden Sie &quot;open&quot; (jeder mit dem Link darf eine Besprechung eröffnen, die Voreinstellung) oder &quot;moderated&quot; (nur Konten, die Sie anlegen).</translation>
    </message>
</context>
<context>
    <name>DeploymentSecretStore</name>
    <message>
        <source>The keychain holds incomplete or damaged passwords for deployment %1. Remove the entries &quot;deployment/%1/…&quot; of &quot;%2&quot; in your keychain manager, then destroy and deploy the deployment again.</source>
        <translation>Der Schlüsselbund enthält unvollständige oder beschädigte Passwörter für die Installation %1. Löschen Sie in Ihrer Schlüsselbundverwaltung die Einträge „deployment/%1/…“ von „%2“, entfernen Sie dann die Installation und richten Sie sie erneut ein.</translation>
    </message>
    <message>
        <source>The secret store (%2) holds incomplete or damaged passwords for deployment %1. Remove the folder &quot;deployment/%1&quot; in it; the next command reads the passwords back from the deployment&apos;s web host.</source>
        <translation>Der Geheimnisspeicher (%2) enthält unvollständige oder beschädigte Passwörter für die Installation %1. Entfernen Sie darin den Ordner „deployment/%1“; der nächste Befehl liest die Passwörter dann wieder vom Webserver der Installation.</translation>
    </message>
</context>
<context>
    <name>DeploymentSecrets</name>
    <message>
        <source>The secret contains characters other than letters A–Z, a–z and digits; those could break the HOCON, shell or debconf files it is written to. Generate a new one.</source>
        <translation>Das Geheimnis enthält andere Zeichen als die Buchstaben A–Z, a–z und Ziffern; diese könnten die HOCON-, Shell- oder debconf-Dateien beschädigen, in die es geschrieben wird. Erzeugen Sie ein neues.</translation>
    </message>
    <message>
        <source>The secret has %1 characters; at least %2 are needed. Generate a new one.</source>
        <translation>Das Geheimnis hat %1 Zeichen; mindestens %2 sind nötig. Erzeugen Sie ein neues.</translation>
    </message>
</context>
<context>
    <name>DeploymentStore</name>
    <message>
        <source>&quot;%1&quot; is not a deployment name. Use the name the app shows for the deployment, for example meet-example-org.</source>
        <translation>„%1“ ist kein Name einer Installation. Verwenden Sie den Namen, den Jitsi Deployer für die Installation anzeigt, zum Beispiel meet-example-org.</translation>
    </message>
    <message>
        <source>The saved state of this deployment (%1) is damaged, so the app cannot tell which server keys to trust. Restore the file from a backup. If you cannot, move it away: the app then no longer trusts the deployment&apos;s servers, and the deployment has to be destroyed and deployed again.</source>
        <translation>Der gespeicherte Stand dieser Installation (%1) ist beschädigt, daher kann Jitsi Deployer nicht erkennen, welchen Server-Schlüsseln es vertrauen soll. Stellen Sie die Datei aus einer Sicherung wieder her. Wenn das nicht möglich ist, verschieben Sie sie an einen anderen Ort: Jitsi Deployer vertraut dann den Servern der Installation nicht mehr, und die Installation muss entfernt und erneut eingerichtet werden.</translation>
    </message>
    <message>
        <source>The saved state of this deployment (%1) cannot be read. Check that the file belongs to you and is readable.</source>
        <translation>Der gespeicherte Stand dieser Installation (%1) kann nicht gelesen werden. Prüfen Sie, ob die Datei Ihnen gehört und lesbar ist.</translation>
    </message>
    <message>
        <source>The state of this deployment could not be saved to %1. Check that the folder is writable and the disk is not full.</source>
        <translation>Der Stand dieser Installation konnte nicht in %1 gespeichert werden. Prüfen Sie, ob der Ordner beschreibbar und der Datenträger nicht voll ist.</translation>
    </message>
    <message>
        <source>The saved state of this deployment (%1) was written by a newer version of the app. Update the app to manage this deployment.</source>
        <translation>Der gespeicherte Stand dieser Installation (%1) wurde von einer neueren Version von Jitsi Deployer geschrieben. Aktualisieren Sie Jitsi Deployer, um diese Installation zu verwalten.</translation>
    </message>
</context>
<context>
    <name>DestroyController</name>
    <message>
        <source>Server %1 (%2, %3) with its IPv4 address</source>
        <translation>Server %1 (%2, %3) mit seiner IPv4-Adresse</translation>
    </message>
    <message>
        <source>Network %1 (%2)</source>
        <translation>Netzwerk %1 (%2)</translation>
    </message>
    <message>
        <source>Firewall %1</source>
        <translation>Firewall %1</translation>
    </message>
    <message>
        <source>The SSH key Jitsi Deployer uploaded, when no other deployment uses it</source>
        <translation>Der von Jitsi Deployer hochgeladene SSH-Schlüssel, wenn keine andere Installation ihn nutzt</translation>
    </message>
    <message>
        <source>This computer&apos;s record of the deployment: its pinned host keys and its passwords</source>
        <translation>Was dieser Computer über die Installation weiß: die festgelegten Host-Schlüssel und die Passwörter</translation>
    </message>
    <message>
        <source>unknown (the prices could not be read)</source>
        <translation>unbekannt (die Preise konnten nicht gelesen werden)</translation>
    </message>
    <message>
        <source>unknown (the deployment has no web server)</source>
        <translation>unbekannt (die Installation hat keinen Webserver)</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>unbekannt (%1)</translation>
    </message>
    <message>
        <source>DNS record %1 (created by Jitsi Deployer)</source>
        <translation>DNS-Eintrag %1 (von Jitsi Deployer angelegt)</translation>
    </message>
    <message>
        <source>Looking for the DNS records Jitsi Deployer created for %1…</source>
        <translation>Suche die DNS-Einträge, die Jitsi Deployer für %1 angelegt hat…</translation>
    </message>
    <message>
        <source>The DNS records Jitsi Deployer created could not be listed (%1). Destroy tries again and stops before deleting anything if it still cannot.</source>
        <translation>Die von Jitsi Deployer angelegten DNS-Einträge konnten nicht aufgelistet werden (%1). Das Löschen versucht es erneut und hält an, bevor etwas gelöscht wird, falls es weiterhin nicht geht.</translation>
    </message>
    <message>
        <source>Jitsi Deployer created no DNS records for %1. Records you made yourself are never deleted: remove the A and AAAA records of %1 at your DNS provider, or they point at addresses that go to someone else.</source>
        <translation>Jitsi Deployer hat für %1 keine DNS-Einträge angelegt. Selbst angelegte Einträge werden nie gelöscht: Entfernen Sie die A- und AAAA-Einträge von %1 bei Ihrem DNS-Anbieter, sonst zeigen sie auf Adressen, die jemand anderes bekommt.</translation>
    </message>
    <message>
        <source>The DNS records Jitsi Deployer created for %1 are deleted with it (listed above). Records you made yourself in the zone stay as they are.</source>
        <translation>Die DNS-Einträge, die Jitsi Deployer für %1 angelegt hat, werden mit gelöscht (oben aufgeführt). Selbst angelegte Einträge in der Zone bleiben unverändert.</translation>
    </message>
</context>
<context>
    <name>DestroyPage</name>
    <message>
        <source>Destroy the deployment</source>
        <translation>Installation löschen</translation>
    </message>
    <message>
        <source>Delete every resource of the deployment.</source>
        <translation>Alle Ressourcen der Installation löschen.</translation>
    </message>
    <message>
        <source>&amp;Destroy</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;What will be deleted:</source>
        <translation>&amp;Was gelöscht wird:</translation>
    </message>
    <message>
        <source>Resources that will be deleted</source>
        <translation>Ressourcen, die gelöscht werden</translation>
    </message>
    <message>
        <source>Type the domain to confirm</source>
        <translation>Domain zur Bestätigung eingeben</translation>
    </message>
    <message>
        <source>Everything of %1 is deleted for good; meetings end at once. This cannot be undone.</source>
        <translation>Alles von %1 wird endgültig gelöscht; laufende Meetings enden sofort. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Monthly cost that stops: %1</source>
        <translation>Monatliche Kosten, die wegfallen: %1</translation>
    </message>
    <message>
        <source>To confirm, &amp;type the domain %1:</source>
        <translation>Zur Bestätigung die Domain %1 &amp;eingeben:</translation>
    </message>
    <message>
        <source>Destroying %1</source>
        <translation>%1 wird gelöscht</translation>
    </message>
</context>
<context>
    <name>Discovery</name>
    <message>
        <source>The %1 says its domain is %2, which does not belong to deployment %3. Correct or remove its jitsi-deployer/domain label in the Hetzner Console.</source>
        <translation>Die Ressource %1 gibt als Domain %2 an, die nicht zur Installation %3 gehört. Korrigieren oder entfernen Sie ihr Label jitsi-deployer/domain in der Hetzner Console.</translation>
    </message>
    <message>
        <source>The network %1 is labelled for deployment %2 but should be named %3. Rename it or remove its labels in the Hetzner Console.</source>
        <translation>Das Netzwerk %1 trägt die Labels der Installation %2, sollte aber %3 heißen. Benennen Sie es um oder entfernen Sie seine Labels in der Hetzner Console.</translation>
    </message>
    <message>
        <source>Deployment %1 has %2 private networks; it should have one (%3). Delete the extra network in the Hetzner Console once no server uses it.</source>
        <translation>Die Installation %1 hat %2 private Netzwerke; sie sollte eines haben (%3). Löschen Sie das überzählige Netzwerk in der Hetzner Console, sobald kein Server es mehr verwendet.</translation>
    </message>
    <message>
        <source>The bridge %1 has no bridge number in its name or labels; bridges of deployment %2 are named like %3. Rename it or correct its labels.</source>
        <translation>Die Bridge %1 hat weder im Namen noch in den Labels eine Bridge-Nummer; Bridges der Installation %2 heißen wie %3. Benennen Sie sie um oder korrigieren Sie ihre Labels.</translation>
    </message>
    <message>
        <source>The server %1 is labelled as bridge %2 of deployment %3 but should be named %4. Rename it or correct its labels.</source>
        <translation>Der Server %1 ist per Label als Bridge %2 der Installation %3 gekennzeichnet, sollte aber %4 heißen. Benennen Sie ihn um oder korrigieren Sie seine Labels.</translation>
    </message>
    <message>
        <source>The server %1 is labelled for deployment %2 but has no role label, so it is neither its web host nor a bridge.</source>
        <translation>Der Server %1 trägt die Labels der Installation %2, hat aber kein Rollen-Label und ist daher weder ihr Webserver noch eine Bridge.</translation>
    </message>
    <message>
        <source>The server %1 is labelled for deployment %2 with the unknown role &quot;%3&quot;.</source>
        <translation>Der Server %1 trägt die Labels der Installation %2 mit der unbekannten Rolle „%3“.</translation>
    </message>
    <message>
        <source>The server %1 is labelled as the web host of deployment %2 but should be named %3. Rename it or correct its labels.</source>
        <translation>Der Server %1 ist per Label als Webserver der Installation %2 gekennzeichnet, sollte aber %3 heißen. Benennen Sie ihn um oder korrigieren Sie seine Labels.</translation>
    </message>
    <message>
        <source>The server %1 is labelled as a second web host of deployment %2, which has one (%3). Delete it or correct its labels.</source>
        <translation>Der Server %1 ist per Label als zweiter Webserver der Installation %2 gekennzeichnet, die bereits einen hat (%3). Löschen Sie ihn oder korrigieren Sie seine Labels.</translation>
    </message>
    <message>
        <source>The servers %1 and %2 both claim to be bridge %3 of deployment %4; bridges need unique numbers (their XMPP nicknames). Delete one or correct its labels.</source>
        <translation>Die Server %1 und %2 geben beide an, Bridge %3 der Installation %4 zu sein; Bridges brauchen eindeutige Nummern (ihre XMPP-Nicknames). Löschen Sie einen davon oder korrigieren Sie seine Labels.</translation>
    </message>
    <message>
        <source>Deployment %1 has bridges but no web host, so the bridges have nothing to join. Destroy the deployment, or deploy it again to recreate the web host.</source>
        <translation>Die Installation %1 hat Bridges, aber keinen Webserver, daher können sich die Bridges nirgends anmelden. Entfernen Sie die Installation oder richten Sie sie erneut ein, damit der Webserver neu angelegt wird.</translation>
    </message>
    <message>
        <source>Deployment %1 has no servers, only networks or firewalls: an interrupted deployment or removal left them. Deploy again to continue or destroy it to remove them.</source>
        <translation>Die Installation %1 hat keine Server, nur Netzwerke oder Firewalls: Sie sind von einer abgebrochenen Einrichtung oder Entfernung übrig geblieben. Richten Sie die Installation erneut ein, um fortzufahren, oder entfernen Sie sie, um diese Reste zu löschen.</translation>
    </message>
    <message>
        <source>The firewall %1 is labelled for deployment %2 but should be named %3. Rename it or correct its labels.</source>
        <translation>Die Firewall %1 trägt die Labels der Installation %2, sollte aber %3 heißen. Benennen Sie sie um oder korrigieren Sie ihre Labels.</translation>
    </message>
    <message>
        <source>The %1 is marked as managed by jitsi-deployer but belongs to no deployment (no jitsi-deployer/deployment label). Delete it or add the label in the Hetzner Console.</source>
        <translation>Die Ressource %1 ist als von jitsi-deployer verwaltet gekennzeichnet, gehört aber zu keiner Installation (kein Label jitsi-deployer/deployment). Löschen Sie sie oder fügen Sie das Label in der Hetzner Console hinzu.</translation>
    </message>
</context>
<context>
    <name>DnsCheck</name>
    <message>
        <source>%1 does not resolve yet (no such name), expected %2</source>
        <translation>%1 wird noch nicht aufgelöst (Name existiert nicht), erwartet: %2</translation>
    </message>
    <message>
        <source>%1 has no %2 record yet (or the resolver&apos;s answer was unreadable), expected %3</source>
        <translation>%1 hat noch keinen %2-Eintrag (oder die Antwort des Resolvers war nicht lesbar), erwartet: %3</translation>
    </message>
    <message>
        <source>%1 could not be looked up (%2), expected %3</source>
        <translation>%1 konnte nicht abgefragt werden (%2), erwartet: %3</translation>
    </message>
    <message>
        <source>%1 has no %2 record yet, expected %3</source>
        <translation>%1 hat noch keinen %2-Eintrag, erwartet: %3</translation>
    </message>
    <message>
        <source>%1 resolves to %2</source>
        <translation>%1 wird zu %2 aufgelöst</translation>
    </message>
    <message>
        <source>%1 resolves to %2, expected %3</source>
        <translation>%1 wird zu %2 aufgelöst, erwartet: %3</translation>
    </message>
    <message>
        <source>%1 gave no answer yet, expected %2</source>
        <translation>Für %1 kam noch keine Antwort, erwartet: %2</translation>
    </message>
    <message numerus="yes">
        <source>The domain&apos;s DNS records still do not point at the web host after %n second(s) of waiting: %1. Check these records at your DNS provider: %2. Changes can take a while to spread.</source>
        <translation>
            <numerusform>Die DNS-Einträge der Domain zeigen nach %n Sekunde Wartezeit noch immer nicht auf den Webserver: %1. Prüfen Sie diese Einträge bei Ihrem DNS-Anbieter: %2. Es kann eine Weile dauern, bis sich Änderungen verbreiten.</numerusform>
            <numerusform>Die DNS-Einträge der Domain zeigen nach %n Sekunden Wartezeit noch immer nicht auf den Webserver: %1. Prüfen Sie diese Einträge bei Ihrem DNS-Anbieter: %2. Es kann eine Weile dauern, bis sich Änderungen verbreiten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DnsController</name>
    <message>
        <source>The deployment has finished. Go on to see the evidence that every bridge works.</source>
        <translation>Die Einrichtung ist abgeschlossen. Auf der nächsten Seite sehen Sie die Belege, dass jede Bridge funktioniert.</translation>
    </message>
    <message>
        <source>The deployment stopped: %1</source>
        <translation>Die Einrichtung wurde angehalten: %1</translation>
    </message>
    <message>
        <source>your computer&apos;s resolver</source>
        <translation>der DNS-Resolver Ihres Computers</translation>
    </message>
    <message>
        <source>The records resolve to the web host.</source>
        <translation>Die Einträge zeigen auf den Webserver.</translation>
    </message>
    <message>
        <source>No longer waiting for DNS: the deployment goes on with the self-signed certificate.</source>
        <translation>Es wird nicht mehr auf DNS gewartet: Die Einrichtung läuft mit dem selbstsignierten Zertifikat weiter.</translation>
    </message>
    <message>
        <source>The records did not resolve in time; the web host keeps its self-signed certificate.</source>
        <translation>Die Einträge waren nicht rechtzeitig auflösbar; der Webserver behält sein selbstsigniertes Zertifikat.</translation>
    </message>
    <message>
        <source>Check %1: not every record points at the web host yet. Next check in %2 s.</source>
        <translation>Prüfung %1: Noch zeigen nicht alle Einträge auf den Webserver. Nächste Prüfung in %2 s.</translation>
    </message>
    <message>
        <source>Checking whether the records resolve…</source>
        <translation>Es wird geprüft, ob die Einträge auflösbar sind …</translation>
    </message>
    <message>
        <source>The records are known once the web server exists.</source>
        <translation>Die Einträge stehen fest, sobald der Webserver existiert.</translation>
    </message>
    <message>
        <source>Self-signed for now. It switches to Let&apos;s Encrypt as soon as the records resolve.</source>
        <translation>Vorerst selbstsigniert. Sobald die Einträge auflösbar sind, wird auf Let&apos;s Encrypt umgestellt.</translation>
    </message>
    <message>
        <source>The records resolve: getting the Let&apos;s Encrypt certificate…</source>
        <translation>Die Einträge sind auflösbar: Das Zertifikat von Let&apos;s Encrypt wird geholt …</translation>
    </message>
    <message>
        <source>Let&apos;s Encrypt: browsers trust the meeting&apos;s address.</source>
        <translation>Let&apos;s Encrypt: Browser vertrauen der Adresse der Konferenz.</translation>
    </message>
    <message>
        <source>Self-signed: browsers warn about it. Once the records resolve, run the deployment again (same domain) and it gets the Let&apos;s Encrypt certificate.</source>
        <translation>Selbstsigniert: Browser warnen davor. Sobald die Einträge auflösbar sind, starten Sie die Einrichtung erneut (gleiche Domain); dann erhält der Webserver das Zertifikat von Let&apos;s Encrypt.</translation>
    </message>
</context>
<context>
    <name>DnsPage</name>
    <message>
        <source>DNS records</source>
        <translation>DNS-Einträge</translation>
    </message>
    <message>
        <source>Point your domain at the web server. The deployment continues as soon as the records resolve.</source>
        <translation>Lassen Sie Ihre Domain auf den Webserver zeigen. Die Einrichtung geht weiter, sobald die Einträge auflösbar sind.</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Copy &amp;all as zone-file lines</source>
        <translation>&amp;Alle als Zonendatei-Zeilen kopieren</translation>
    </message>
    <message>
        <source>Copy all records</source>
        <translation>Alle Einträge kopieren</translation>
    </message>
    <message>
        <source>Copies every record as a line of a zone file, e.g. for a DNS provider that imports zone files.</source>
        <translation>Kopiert jeden Eintrag als Zeile einer Zonendatei, z. B. für einen DNS-Anbieter, der Zonendateien importiert.</translation>
    </message>
    <message>
        <source>What DNS answers now</source>
        <translation>Was DNS jetzt antwortet</translation>
    </message>
    <message>
        <source>DNS check status</source>
        <translation>Stand der DNS-Prüfung</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Certificate state</source>
        <translation>Stand des Zertifikats</translation>
    </message>
    <message>
        <source>Continue with a &amp;self-signed certificate</source>
        <translation>Mit &amp;selbstsigniertem Zertifikat fortfahren</translation>
    </message>
    <message>
        <source>Continue with a self-signed certificate</source>
        <translation>Mit selbstsigniertem Zertifikat fortfahren</translation>
    </message>
    <message>
        <source>Stops waiting for DNS: the deployment is verified now and keeps its self-signed certificate.</source>
        <translation>Beendet das Warten auf DNS: Die Einrichtung wird jetzt geprüft und behält ihr selbstsigniertes Zertifikat.</translation>
    </message>
    <message>
        <source>You can come back later: once the records resolve, run the deployment again with the same domain and it gets the Let&apos;s Encrypt certificate. Nothing is created twice.</source>
        <translation>Sie können später zurückkommen: Sobald die Einträge auflösbar sind, starten Sie die Einrichtung mit derselben Domain erneut; dann erhält der Webserver das Zertifikat von Let&apos;s Encrypt. Nichts wird doppelt angelegt.</translation>
    </message>
    <message>
        <source>Deployment status</source>
        <translation>Stand der Einrichtung</translation>
    </message>
    <message>
        <source>All records were copied as zone-file lines.</source>
        <translation>Alle Einträge wurden als Zonendatei-Zeilen kopiert.</translation>
    </message>
    <message>
        <source>The records are shown as soon as the web server has its addresses.</source>
        <translation>Die Einträge erscheinen, sobald der Webserver seine Adressen hat.</translation>
    </message>
    <message>
        <source>The domain&apos;s zone is in your Hetzner project, so these records were created automatically. Nothing to do but wait until they resolve.</source>
        <translation>Die Zone der Domain liegt in Ihrem Hetzner-Projekt, daher wurden diese Einträge automatisch angelegt. Sie müssen nur warten, bis sie auflösbar sind.</translation>
    </message>
    <message>
        <source>Create these records at your DNS provider (where your domain&apos;s zone is managed). Use a TTL of 300 seconds or less if the provider asks.</source>
        <translation>Legen Sie diese Einträge bei Ihrem DNS-Anbieter an (dort, wo die Zone Ihrer Domain verwaltet wird). Falls nach einer TTL gefragt wird: 300 Sekunden oder weniger.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the %1 record&apos;s value</source>
        <translation>Wert des %1-Eintrags kopieren</translation>
    </message>
    <message>
        <source>Copies %1, the value of the %2 record for %3.</source>
        <translation>Kopiert %1, den Wert des %2-Eintrags für %3.</translation>
    </message>
    <message>
        <source>The %1 record&apos;s value was copied.</source>
        <translation>Der Wert des %1-Eintrags wurde kopiert.</translation>
    </message>
    <message>
        <source>Resolver asked: %1</source>
        <translation>Gefragter Resolver: %1</translation>
    </message>
    <message>
        <source>Answer for %1</source>
        <translation>Antwort für %1</translation>
    </message>
</context>
<context>
    <name>DrainChoiceDialog</name>
    <message>
        <source>This bridge still has meetings</source>
        <translation>Auf dieser Bridge laufen noch Konferenzen</translation>
    </message>
    <message>
        <source>What to do with %1</source>
        <translation>Was mit %1 geschehen soll</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s) are still running on %1.</source>
        <translation>
            <numerusform>Auf %1 läuft noch %n Konferenz.</numerusform>
            <numerusform>Auf %1 laufen noch %n Konferenzen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 could not be confirmed free of meetings.</source>
        <translation>Für %1 konnte nicht bestätigt werden, dass keine Konferenzen mehr laufen.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>If you go on, the bridge is deleted now and its participants are moved to the other bridges; their video stops for a few seconds.</source>
        <translation>Wenn Sie fortfahren, wird die Bridge jetzt gelöscht und ihre Teilnehmenden wechseln auf die anderen Bridges; ihr Video hält einige Sekunden an.</translation>
    </message>
    <message>
        <source>If you go on, the bridge is updated and restarted now and its participants are moved to the other bridges; their video stops for a few seconds.</source>
        <translation>Wenn Sie fortfahren, wird die Bridge jetzt aktualisiert und neu gestartet und ihre Teilnehmenden wechseln auf die anderen Bridges; ihr Video hält einige Sekunden an.</translation>
    </message>
    <message>
        <source>&amp;Delete it now</source>
        <translation>Jetzt &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Update it now</source>
        <translation>Jetzt &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Wait again</source>
        <translation>Erneut &amp;warten</translation>
    </message>
    <message>
        <source>Wait again</source>
        <translation>Erneut warten</translation>
    </message>
    <message>
        <source>Give the meetings another drain time to end</source>
        <translation>Den Konferenzen eine weitere Auslaufzeit geben</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Keep the bridge; it takes new meetings again</source>
        <translation>Die Bridge behalten; sie nimmt wieder neue Konferenzen an</translation>
    </message>
    <message>
        <source>Stop the update here; the bridge takes new meetings again</source>
        <translation>Die Aktualisierung hier beenden; die Bridge nimmt wieder neue Konferenzen an</translation>
    </message>
</context>
<context>
    <name>DryRunWriter</name>
    <message>
        <source>Could not write %1: %2. Check that the output directory is writable and the disk has space.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Prüfen Sie, ob das Ausgabeverzeichnis beschreibbar ist und der Datenträger genug freien Speicherplatz hat.</translation>
    </message>
    <message>
        <source>--output-dir needs a directory name.</source>
        <translation>--output-dir braucht einen Verzeichnisnamen.</translation>
    </message>
    <message>
        <source>%1 exists and is not a directory; choose a new or empty directory for --output-dir.</source>
        <translation>%1 existiert und ist kein Verzeichnis; wählen Sie für --output-dir ein neues oder leeres Verzeichnis.</translation>
    </message>
    <message>
        <source>%1 is not empty; choose a new or empty directory for --output-dir, so no file of an earlier plan is mistaken for this one.</source>
        <translation>%1 ist nicht leer; wählen Sie für --output-dir ein neues oder leeres Verzeichnis, damit keine Datei eines früheren Plans für eine Datei dieses Plans gehalten wird.</translation>
    </message>
    <message>
        <source>the directory could not be created</source>
        <translation>das Verzeichnis konnte nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>EngineCommand</name>
    <message>
        <source>Stopping at the next safe point; press Ctrl-C again to quit at once.</source>
        <translation>Jitsi Deployer hält am nächsten sicheren Punkt an; drücken Sie erneut Strg+C, um sofort abzubrechen.</translation>
    </message>
    <message>
        <source>Stopped before anything was changed.</source>
        <translation>Angehalten, bevor etwas geändert wurde.</translation>
    </message>
    <message>
        <source>There is no deployment &quot;%1&quot;: this project has no deployments.</source>
        <translation>Es gibt keine Installation „%1“: Dieses Projekt hat keine Installationen.</translation>
    </message>
    <message>
        <source>There is no deployment &quot;%1&quot; in this project. It has: %2. Pass one of these (or its domain) to --deployment.</source>
        <translation>In diesem Projekt gibt es keine Installation „%1“. Vorhanden sind: %2. Geben Sie eine davon (oder ihre Domain) bei --deployment an.</translation>
    </message>
    <message>
        <source>This project has no deployments. Create one with &quot;jitsi-deployer deploy --plan-file F&quot;.</source>
        <translation>Dieses Projekt hat keine Installationen. Legen Sie eine mit „jitsi-deployer deploy --plan-file F“ an.</translation>
    </message>
    <message>
        <source>This project has %1 deployments: %2. Say which one with --deployment.</source>
        <translation>Dieses Projekt hat %1 Installationen: %2. Geben Sie mit --deployment an, welche gemeint ist.</translation>
    </message>
    <message>
        <source>Deployment %1 has no bridge &quot;%2&quot;; it has no bridges at all.</source>
        <translation>Die Installation %1 hat keine Bridge „%2“; sie hat überhaupt keine Bridges.</translation>
    </message>
    <message>
        <source>Deployment %1 has no bridge &quot;%2&quot;. Its bridges: %3.</source>
        <translation>Die Installation %1 hat keine Bridge „%2“. Ihre Bridges: %3.</translation>
    </message>
    <message>
        <source>&quot;destroy&quot; needs confirmation: run it in a terminal, or pass --yes. Nothing was deleted.</source>
        <translation>„destroy“ braucht eine Bestätigung: Führen Sie den Befehl in einem Terminal aus oder geben Sie --yes an. Es wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>This deletes deployment %1 for good: servers %2, its network and firewalls, and its saved state and secrets on this computer.</source>
        <translation>Dies löscht die Installation %1 endgültig: die Server %2, ihr Netzwerk und ihre Firewalls sowie ihren gespeicherten Stand und ihre Geheimnisse auf diesem Computer.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Type %1 to confirm: </source>
        <translation>Geben Sie zur Bestätigung %1 ein: </translation>
    </message>
    <message>
        <source>Not confirmed; nothing was deleted.</source>
        <translation>Nicht bestätigt; es wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Jitsi Meet is ready: %1</source>
        <translation>Jitsi Meet ist bereit: %1</translation>
    </message>
    <message>
        <source>Web host %1; bridges: %2.</source>
        <translation>Webserver %1; Bridges: %2.</translation>
    </message>
    <message>
        <source>All bridges of %1 are connected: %2.</source>
        <translation>Alle Bridges von %1 sind verbunden: %2.</translation>
    </message>
    <message>
        <source>Done. Bridges of %1 now: %2.</source>
        <translation>Fertig. Bridges von %1 jetzt: %2.</translation>
    </message>
    <message>
        <source>Deployment %1 is deleted: its servers, network and firewalls, and its saved state and secrets on this computer.</source>
        <translation>Die Installation %1 ist gelöscht: ihre Server, ihr Netzwerk und ihre Firewalls sowie ihr gespeicherter Stand und ihre Geheimnisse auf diesem Computer.</translation>
    </message>
    <message>
        <source>The DNS records do not resolve to the web host yet, so its certificate is still self-signed and browsers will warn. Create these records, then run the same command again to get the Let&apos;s Encrypt certificate:</source>
        <translation>Die DNS-Einträge verweisen noch nicht auf den Webserver, daher ist sein Zertifikat noch selbstsigniert, und Browser zeigen eine Warnung. Legen Sie diese Einträge an und führen Sie dann denselben Befehl erneut aus, um das Zertifikat von Let&apos;s Encrypt zu erhalten:</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Stopped on request.</source>
        <translation>Auf Ihre Anforderung hin angehalten.</translation>
    </message>
    <message>
        <source>Where: %1</source>
        <translation>Wo: %1</translation>
    </message>
    <message>
        <source>Failed on %1 at step &quot;%2&quot;%3</source>
        <translation>Fehlgeschlagen auf %1 im Schritt „%2“%3</translation>
    </message>
    <message>
        <source>Last lines of its /var/log/jitsi-deployer/provision.log:</source>
        <translation>Letzte Zeilen von /var/log/jitsi-deployer/provision.log auf diesem Server:</translation>
    </message>
    <message>
        <source>Fix the cause named above, then check again with &quot;%1 --deployment %2&quot;.</source>
        <translation>Beheben Sie die oben genannte Ursache und prüfen Sie dann erneut mit „%1 --deployment %2“.</translation>
    </message>
    <message>
        <source>Run &quot;%1&quot; again: it deletes what is left and touches nothing else.</source>
        <translation>Führen Sie „%1“ erneut aus: Der Befehl löscht, was noch übrig ist, und lässt alles andere unberührt.</translation>
    </message>
    <message>
        <source>Run the same command again: it continues where this one stopped.</source>
        <translation>Führen Sie denselben Befehl erneut aus: Er macht dort weiter, wo dieser Lauf aufgehört hat.</translation>
    </message>
    <message>
        <source>This run created nothing.</source>
        <translation>Dieser Lauf hat nichts angelegt.</translation>
    </message>
    <message>
        <source>This run created (these cost money until deleted):</source>
        <translation>Dieser Lauf hat Folgendes angelegt (es kostet Geld, bis es gelöscht ist):</translation>
    </message>
    <message>
        <source>Two ways on:</source>
        <translation>Zwei Möglichkeiten, weiterzumachen:</translation>
    </message>
    <message>
        <source>  - fix the cause and run the same command again: it resumes where this one stopped, creates nothing twice and skips the steps already done;</source>
        <translation>  - Beheben Sie die Ursache und führen Sie denselben Befehl erneut aus: Er setzt dort fort, wo dieser Lauf aufgehört hat, legt nichts doppelt an und überspringt die bereits erledigten Schritte;</translation>
    </message>
    <message>
        <source>  - or remove everything of this deployment: %1</source>
        <translation>  - oder entfernen Sie alles, was zu dieser Installation gehört: %1</translation>
    </message>
    <message>
        <source>The full log of this run: %1</source>
        <translation>Das vollständige Protokoll dieses Laufs: %1</translation>
    </message>
    <message>
        <source>&quot;update&quot; needs confirmation: run it in a terminal, or pass --yes. Nothing was changed.</source>
        <translation>„update“ braucht eine Bestätigung: Starten Sie es in einem Terminal oder geben Sie --yes an. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>This updates the Jitsi packages of deployment %1: each bridge in turn is drained (its meetings end on their own), upgraded and taken back into service; then the web host %2 is upgraded, which restarts prosody and jicofo and interrupts the meetings running then for a moment.</source>
        <translation>Dies aktualisiert die Jitsi-Pakete der Installation %1: Jede Bridge wird nacheinander ausgelaufen (ihre Konferenzen enden von selbst), aktualisiert und wieder in Betrieb genommen; danach wird der Webserver %2 aktualisiert, was prosody und jicofo neu startet und die dann laufenden Konferenzen kurz unterbricht.</translation>
    </message>
    <message>
        <source>Type yes to go on: </source>
        <translation>Geben Sie yes ein, um fortzufahren: </translation>
    </message>
    <message>
        <source>Not confirmed; nothing was changed.</source>
        <translation>Nicht bestätigt; es wurde nichts geändert.</translation>
    </message>
    <message numerus="yes">
        <source>%1 still hosts %n conference(s) after the drain time.</source>
        <translation>
            <numerusform>Auf %1 läuft nach Ablauf der Auslaufzeit noch %n Konferenz.</numerusform>
            <numerusform>Auf %1 laufen nach Ablauf der Auslaufzeit noch %n Konferenzen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be confirmed drained: %2.</source>
        <translation>%1 ist nicht nachweislich ausgelaufen: %2.</translation>
    </message>
    <message>
        <source>restart it now</source>
        <translation>sie jetzt neu starten</translation>
    </message>
    <message>
        <source>delete it now</source>
        <translation>sie jetzt löschen</translation>
    </message>
    <message>
        <source>[g]o on and %1 (its participants reconnect to the other bridges), [w]ait again, or [s]top? </source>
        <translation>[g] fortfahren und %1 (ihre Teilnehmer verbinden sich mit den anderen Bridges), [w] erneut warten oder [s] stoppen? </translation>
    </message>
    <message>
        <source>Updated. Bridges of %1, all connected: %2.</source>
        <translation>Aktualisiert. Bridges von %1, alle verbunden: %2.</translation>
    </message>
    <message>
        <source>  %1: %2 %3 (unchanged)</source>
        <translation>  %1: %2 %3 (unverändert)</translation>
    </message>
    <message>
        <source>  %1: %2 %3 -&gt; %4</source>
        <translation>  %1: %2 %3 -&gt; %4</translation>
    </message>
    <message>
        <source>Ending the meeting test; the bridges it drained go back into service. Press Ctrl-C again to stop at once.</source>
        <translation>Der Besprechungstest endet; die von ihm geleerten Bridges gehen wieder in Betrieb. Drücken Sie erneut Strg-C, um sofort anzuhalten.</translation>
    </message>
    <message>
        <source>Meeting test ended; no bridge carried the test meeting.</source>
        <translation>Besprechungstest beendet; keine Bridge hat die Testbesprechung getragen.</translation>
    </message>
    <message>
        <source>Meeting test ended. The test meeting&apos;s media reached: %1.</source>
        <translation>Besprechungstest beendet. Die Medien der Testbesprechung erreichten: %1.</translation>
    </message>
    <message>
        <source>Not tested or no meeting seen: %1.</source>
        <translation>Nicht getestet oder keine Besprechung gesehen: %1.</translation>
    </message>
    <message>
        <source>Any bridge the test left drained is taken back into service by the next &quot;test-meeting&quot; or when the deployment is opened in the wizard.</source>
        <translation>Jede Bridge, die der Test geleert hinterlassen hat, wird beim nächsten „test-meeting“ oder beim Öffnen der Installation im Assistenten wieder in Betrieb genommen.</translation>
    </message>
    <message>
        <source>The DNS records it created could not be listed (%1); destroy tries again and stops before deleting anything if it still cannot.</source>
        <translation>Die angelegten DNS-Einträge konnten nicht aufgelistet werden (%1); destroy versucht es erneut und hält an, bevor etwas gelöscht wird, falls es weiterhin nicht geht.</translation>
    </message>
    <message>
        <source>DNS records: none created by Jitsi Deployer; records you made yourself are never deleted.</source>
        <translation>DNS-Einträge: keine von Jitsi Deployer angelegt; selbst angelegte Einträge werden nie gelöscht.</translation>
    </message>
    <message>
        <source>DNS records it created, deleted too (records you made yourself stay): %1</source>
        <translation>Angelegte DNS-Einträge, die ebenfalls gelöscht werden (selbst angelegte bleiben): %1</translation>
    </message>
    <message>
        <source>Account %1 added on %2: it can now open meetings.</source>
        <translation>Konto %1 auf %2 angelegt: Es kann jetzt Besprechungen eröffnen.</translation>
    </message>
    <message>
        <source>Its password (shown only now; it is not stored on this computer):</source>
        <translation>Sein Passwort (nur jetzt angezeigt; es wird auf diesem Computer nicht gespeichert):</translation>
    </message>
    <message>
        <source>Account %1 removed from %2.</source>
        <translation>Konto %1 von %2 entfernt.</translation>
    </message>
    <message>
        <source>Meetings on %1 are open to everyone: anyone with the link may open one, so accounts have no effect.</source>
        <translation>Besprechungen auf %1 stehen allen offen: Jeder mit dem Link darf eine eröffnen, daher haben Konten keine Wirkung.</translation>
    </message>
    <message>
        <source>No accounts on %1.</source>
        <translation>Keine Konten auf %1.</translation>
    </message>
    <message>
        <source>Accounts on %1 (%2): %3</source>
        <translation>Konten auf %1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>EnvFile</name>
    <message>
        <source>The domain is not a fully qualified domain name in lower-case ASCII, such as meet.example.org (write an international domain in punycode).</source>
        <translation>Die Domain ist kein vollständiger Domainname in ASCII-Kleinbuchstaben wie meet.example.org (schreiben Sie eine internationale Domain in Punycode).</translation>
    </message>
    <message>
        <source>The e-mail address is not valid; use a plain address such as admin@example.org.</source>
        <translation>Die E-Mail-Adresse ist ungültig; verwenden Sie eine einfache Adresse wie admin@example.org.</translation>
    </message>
    <message>
        <source>The server name is not a valid host name.</source>
        <translation>Der Servername ist kein gültiger Hostname.</translation>
    </message>
    <message>
        <source>The bridge number is not one of the plan&apos;s bridges.</source>
        <translation>Die Bridge-Nummer gehört zu keiner Bridge des Plans.</translation>
    </message>
    <message>
        <source>The videobridge secret must be at least 24 letters and digits; other characters are not safe in the configuration files. Generate a new one.</source>
        <translation>Das Geheimnis der Videobridge muss aus mindestens 24 Buchstaben und Ziffern bestehen; andere Zeichen sind in den Konfigurationsdateien nicht sicher. Erzeugen Sie ein neues.</translation>
    </message>
    <message>
        <source>The jicofo password must be at least 24 letters and digits; other characters are not safe in the configuration files. Generate a new one.</source>
        <translation>Das Passwort für jicofo muss aus mindestens 24 Buchstaben und Ziffern bestehen; andere Zeichen sind in den Konfigurationsdateien nicht sicher. Erzeugen Sie ein neues.</translation>
    </message>
    <message>
        <source>A bridge location is not a valid Hetzner location name.</source>
        <translation>Ein Bridge-Standort ist kein gültiger Hetzner-Standortname.</translation>
    </message>
    <message>
        <source>The web server&apos;s address is missing or not an IP address, so the bridge cannot be configured to reach it.</source>
        <translation>Die Adresse des Webservers fehlt oder ist keine IP-Adresse, daher kann die Bridge nicht so eingerichtet werden, dass sie ihn erreicht.</translation>
    </message>
    <message>
        <source>The web server&apos;s certificate for auth.%1 is missing or not a PEM certificate; the bridge needs it to trust the web server.</source>
        <translation>Das Zertifikat des Webservers für auth.%1 fehlt oder ist kein PEM-Zertifikat; die Bridge braucht es, um dem Webserver zu vertrauen.</translation>
    </message>
    <message>
        <source>A bridge address is not an IPv4 or IPv6 address.</source>
        <translation>Eine Bridge-Adresse ist keine IPv4- oder IPv6-Adresse.</translation>
    </message>
    <message>
        <source>The ACME directory URL is not a plain http or https URL.</source>
        <translation>Die URL des ACME-Verzeichnisses ist keine einfache http- oder https-URL.</translation>
    </message>
    <message>
        <source>A parameter contains characters that are not safe in the parameter file.</source>
        <translation>Ein Parameter enthält Zeichen, die in der Parameterdatei nicht sicher sind.</translation>
    </message>
    <message>
        <source>The install phase is not one this host supports.</source>
        <translation>Diese Installationsphase wird auf diesem Server nicht unterstützt.</translation>
    </message>
    <message>
        <source>The parameter file is damaged: line %1 is not of the form NAME=&apos;value&apos;. Deploy again to write it anew.</source>
        <translation>Die Parameterdatei ist beschädigt: Zeile %1 hat nicht die Form NAME=&apos;Wert&apos;. Führen Sie die Bereitstellung erneut aus, um sie neu zu schreiben.</translation>
    </message>
    <message>
        <source>The bridge package version &quot;%1&quot; is not a Debian package version.</source>
        <translation>Die Paketversion „%1“ der Bridge ist keine Debian-Paketversion.</translation>
    </message>
</context>
<context>
    <name>EventRenderer</name>
    <message>
        <source>Checking the plan against the project</source>
        <translation>Abgleich des Plans mit dem Projekt</translation>
    </message>
    <message>
        <source>Creating the cloud resources</source>
        <translation>Anlegen der Cloud-Ressourcen</translation>
    </message>
    <message>
        <source>Installing the servers</source>
        <translation>Einrichten der Server</translation>
    </message>
    <message>
        <source>Checking the DNS records</source>
        <translation>Prüfen der DNS-Einträge</translation>
    </message>
    <message>
        <source>Getting the certificate</source>
        <translation>Abrufen des Zertifikats</translation>
    </message>
    <message>
        <source>Verifying the bridges</source>
        <translation>Überprüfen der Bridges</translation>
    </message>
    <message>
        <source>Draining the bridge</source>
        <translation>Auslaufenlassen der Bridge</translation>
    </message>
    <message>
        <source>Deleting resources</source>
        <translation>Löschen der Ressourcen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>creating</source>
        <translation>wird angelegt</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>exists already, reused</source>
        <translation>existiert bereits, wird wiederverwendet</translation>
    </message>
    <message>
        <source>deleting</source>
        <translation>wird gelöscht</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>    DNS records created in the project&apos;s DNS zone:</source>
        <translation>    In der DNS-Zone des Projekts angelegte DNS-Einträge:</translation>
    </message>
    <message>
        <source>    Create these DNS records at your DNS provider (the certificate waits for them):</source>
        <translation>    Legen Sie diese DNS-Einträge bei Ihrem DNS-Anbieter an (das Zertifikat wartet darauf):</translation>
    </message>
    <message numerus="yes">
        <source>    Verified: all %n bridge(s) are connected.</source>
        <translation>
            <numerusform>    Geprüft: %n Bridge ist verbunden.</numerusform>
            <numerusform>    Geprüft: Alle %n Bridges sind verbunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>    Verification failed:</source>
        <translation>    Prüfung fehlgeschlagen:</translation>
    </message>
    <message>
        <source>      %1: working</source>
        <translation>      %1: funktioniert</translation>
    </message>
    <message>
        <source>      %1: NOT working: %2</source>
        <translation>      %1: funktioniert NICHT: %2</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>    %1: step %2 failed%3</source>
        <translation>    %1: Schritt %2 fehlgeschlagen%3</translation>
    </message>
    <message>
        <source>started</source>
        <translation>gestartet</translation>
    </message>
    <message>
        <source>already done, skipped</source>
        <translation>bereits erledigt, übersprungen</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>(waiting)</source>
        <translation>(wartet)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%1, waited %n second(s)</source>
        <translation>
            <numerusform>%1, wartet seit %n Sekunde</numerusform>
            <numerusform>%1, wartet seit %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>the system resolver</source>
        <translation>den Resolver des Systems</translation>
    </message>
    <message numerus="yes">
        <source>    DNS check via %1: %2; next try in %n second(s)</source>
        <translation>
            <numerusform>    DNS-Prüfung über %1: %2; nächster Versuch in %n Sekunde</numerusform>
            <numerusform>    DNS-Prüfung über %1: %2; nächster Versuch in %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>(waiting: %1)</source>
        <translation>(wartet: %1)</translation>
    </message>
    <message>
        <source>Updating Jitsi</source>
        <translation>Jitsi wird aktualisiert</translation>
    </message>
    <message>
        <source>      %1: working (%2)</source>
        <translation>      %1: funktioniert (%2)</translation>
    </message>
</context>
<context>
    <name>FileSecretStore</name>
    <message>
        <source>The secret store at %1 cannot be read: %2.</source>
        <translation>Der Geheimnisspeicher unter %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link. The secret store uses only plain folders and files that belong to you; replace the link with what it points to.</source>
        <translation>%1 ist ein symbolischer Link. Der Geheimnisspeicher verwendet nur gewöhnliche Ordner und Dateien, die Ihnen gehören; ersetzen Sie den Link durch das, worauf er zeigt.</translation>
    </message>
    <message>
        <source>%1 should be a folder of the secret store but is not one. Move it away and try again.</source>
        <translation>%1 sollte ein Ordner des Geheimnisspeichers sein, ist aber keiner. Verschieben Sie es an einen anderen Ort und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 should be a file of the secret store but is not one. Move it away and try again.</source>
        <translation>%1 sollte eine Datei des Geheimnisspeichers sein, ist aber keine. Verschieben Sie es an einen anderen Ort und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 belongs to another user (uid %2), so the app does not trust the secrets in it. Use a secret store of your own: set JITSI_DEPLOYER_SECRET_DIR to a folder only you can open.</source>
        <translation>%1 gehört einem anderen Benutzer (uid %2), daher vertraut Jitsi Deployer den Geheimnissen darin nicht. Verwenden Sie einen eigenen Geheimnisspeicher: Setzen Sie JITSI_DEPLOYER_SECRET_DIR auf einen Ordner, den nur Sie öffnen können.</translation>
    </message>
    <message>
        <source>%1 can be opened by other users (mode %2), so the app does not use the secrets in it. Make it private with “%3”, and replace the secrets it holds if someone else may have read them.</source>
        <translation>%1 kann von anderen Benutzern geöffnet werden (Modus %2), daher verwendet Jitsi Deployer die Geheimnisse darin nicht. Machen Sie es mit „%3“ privat, und ersetzen Sie die enthaltenen Geheimnisse, falls jemand anderes sie gelesen haben könnte.</translation>
    </message>
    <message>
        <source>The file secret store is available on Linux and macOS only; use the system keychain here.</source>
        <translation>Der Geheimnisspeicher in Dateien ist nur unter Linux und macOS verfügbar; verwenden Sie hier den Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Internal error: a secret was requested without a valid name.</source>
        <translation>Interner Fehler: Ein Geheimnis wurde ohne gültigen Namen angefordert.</translation>
    </message>
    <message>
        <source>No Hetzner Cloud API token is saved in the secret store %1. Set the HCLOUD_TOKEN environment variable.</source>
        <translation>Im Geheimnisspeicher %1 ist kein API-Token für Hetzner Cloud gespeichert. Setzen Sie die Umgebungsvariable HCLOUD_TOKEN.</translation>
    </message>
    <message>
        <source>The secret “%1” is not in the secret store %2.</source>
        <translation>Das Geheimnis „%1“ ist nicht im Geheimnisspeicher %2.</translation>
    </message>
    <message>
        <source>The secret file %1 is damaged, so the app does not use it. Restore it from a backup, or delete it: a deployment&apos;s passwords are then read back from its web host, and the API token comes from HCLOUD_TOKEN.</source>
        <translation>Die Geheimnisdatei %1 ist beschädigt, daher verwendet Jitsi Deployer sie nicht. Stellen Sie sie aus einer Sicherung wieder her oder löschen Sie sie: Die Passwörter einer Installation werden dann wieder von ihrem Webserver gelesen, und das API-Token kommt aus HCLOUD_TOKEN.</translation>
    </message>
    <message>
        <source>Could not save a secret in %1. Check that the folder is writable and the disk is not full.</source>
        <translation>Ein Geheimnis konnte nicht in %1 gespeichert werden. Prüfen Sie, ob der Ordner beschreibbar und die Festplatte nicht voll ist.</translation>
    </message>
    <message>
        <source>The secret file %1 cannot be read: %2.</source>
        <translation>Die Geheimnisdatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
</context>
<context>
    <name>HcloudCommands</name>
    <message>
        <source>read &amp; write</source>
        <translation>Lese- und Schreibzugriff</translation>
    </message>
    <message>
        <source>read only</source>
        <translation>Nur-Lese-Zugriff</translation>
    </message>
    <message>
        <source>This token can only read. Deploying needs a Read &amp; Write token: create one in the Hetzner Console under Security → API tokens.</source>
        <translation>Dieses Token darf nur lesen. Für die Installation ist ein Token mit der Berechtigung „Lesen &amp; Schreiben“ nötig: Erstellen Sie eines in der Hetzner Console unter Sicherheit → API-Tokens.</translation>
    </message>
    <message>
        <source>Unknown location &quot;%1&quot;. This project can use: %2.</source>
        <translation>Unbekannter Standort „%1“. In diesem Projekt verfügbar: %2.</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <source>LOCATION</source>
        <translation>STANDORT</translation>
    </message>
    <message>
        <source>CORES</source>
        <translation>KERNE</translation>
    </message>
    <message>
        <source>MEMORY</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>DISK</source>
        <translation>FESTPLATTE</translation>
    </message>
    <message>
        <source>ARCH</source>
        <translation>ARCH</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>MONTHLY (GROSS)</source>
        <translation>MONATLICH (BRUTTO)</translation>
    </message>
    <message>
        <source>HOURLY (GROSS)</source>
        <translation>STÜNDLICH (BRUTTO)</translation>
    </message>
    <message>
        <source>No server type can be ordered in this project right now.</source>
        <translation>In diesem Projekt kann zurzeit kein Servertyp bestellt werden.</translation>
    </message>
    <message>
        <source>No server type can be ordered in %1 right now; try another location.</source>
        <translation>In %1 kann zurzeit kein Servertyp bestellt werden; versuchen Sie einen anderen Standort.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>CITY</source>
        <translation>STADT</translation>
    </message>
    <message>
        <source>COUNTRY</source>
        <translation>LAND</translation>
    </message>
    <message>
        <source>NETWORK ZONE</source>
        <translation>NETZWERKZONE</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>BESCHREIBUNG</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>BETRIEBSSYSTEM</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Token works: %1 access to the project at %2 (servers: %3; API budget: %4 of %5 requests left this hour).</source>
        <translation>Das Token funktioniert: %1 auf das Projekt unter %2 (Server: %3; API-Kontingent: noch %4 von %5 Anfragen in dieser Stunde).</translation>
    </message>
</context>
<context>
    <name>HealthReader</name>
    <message>
        <source>The web host cannot be reached over SSH.</source>
        <translation>Der Web-Host ist über SSH nicht erreichbar.</translation>
    </message>
    <message>
        <source>Jicofo does not answer on 127.0.0.1:8888 (/debug, /stats). Check that jicofo runs on the web host (systemctl status jicofo).</source>
        <translation>Jicofo antwortet nicht auf 127.0.0.1:8888 (/debug, /stats). Prüfen Sie, ob jicofo auf dem Web-Host läuft (systemctl status jicofo).</translation>
    </message>
    <message>
        <source>The bridge cannot be reached over SSH.</source>
        <translation>Die Bridge ist über SSH nicht erreichbar.</translation>
    </message>
    <message>
        <source>Its health check (127.0.0.1:8080/about/health) fails. Restart jitsi-videobridge2 on it and check /var/log/jitsi/jvb.log.</source>
        <translation>Ihre Zustandsprüfung (127.0.0.1:8080/about/health) schlägt fehl. Starten Sie jitsi-videobridge2 darauf neu und prüfen Sie /var/log/jitsi/jvb.log.</translation>
    </message>
    <message>
        <source>Jicofo does not list it, so no conference uses it. Run verify to see why.</source>
        <translation>Jicofo führt sie nicht, also nutzt keine Konferenz sie. Führen Sie verify aus, um den Grund zu sehen.</translation>
    </message>
    <message>
        <source>Jicofo lists it as not operational. Run verify to see why.</source>
        <translation>Jicofo führt sie als nicht betriebsbereit. Führen Sie verify aus, um den Grund zu sehen.</translation>
    </message>
</context>
<context>
    <name>HostConnection</name>
    <message numerus="yes">
        <source>the server does not accept SSH yet (%1); next try in %n second(s)</source>
        <translation>
            <numerusform>der Server nimmt noch keine SSH-Verbindung an (%1); nächster Versuch in %n Sekunde</numerusform>
            <numerusform>der Server nimmt noch keine SSH-Verbindung an (%1); nächster Versuch in %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>replacing the server&apos;s first host key (it was readable by the cloud&apos;s metadata service)</source>
        <translation>der erste Host-Schlüssel des Servers wird ersetzt (der Metadatendienst der Cloud konnte ihn lesen)</translation>
    </message>
    <message>
        <source>The server %1 still presents its first host key after the key was replaced. Check that its SSH service reloads.</source>
        <translation>Der Server %1 zeigt nach dem Austausch des Schlüssels noch immer seinen ersten Host-Schlüssel. Prüfen Sie, ob sein SSH-Dienst neu lädt.</translation>
    </message>
</context>
<context>
    <name>HostKeyDialog</name>
    <message>
        <source>Is this your server?</source>
        <translation>Ist das Ihr Server?</translation>
    </message>
    <message>
        <source>Confirm the host key of %1</source>
        <translation>Host-Schlüssel von %1 bestätigen</translation>
    </message>
    <message>
        <source>The server %1 (%2) of %3 has no host-key label, so this computer cannot check by itself that it is your server and not an impostor. It shows this fingerprint:</source>
        <translation>Der Server %1 (%2) von %3 hat kein Host-Key-Label, daher kann dieser Computer nicht selbst prüfen, dass es Ihr Server ist und kein Betrüger. Er zeigt diesen Fingerabdruck:</translation>
    </message>
    <message>
        <source>Host key fingerprint of %1</source>
        <translation>Fingerabdruck des Host-Schlüssels von %1</translation>
    </message>
    <message>
        <source>Compare it with the fingerprint you noted on the computer that deployed it, or open the server&apos;s console in the Hetzner Console and run:
  ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub
Trust the key only if both are exactly the same. If you stop, nothing is changed.</source>
        <translation>Vergleichen Sie ihn mit dem Fingerabdruck, den Sie auf dem Computer notiert haben, der ihn eingerichtet hat, oder öffnen Sie die Konsole des Servers in der Hetzner Console und führen Sie aus:
  ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub
Vertrauen Sie dem Schlüssel nur, wenn beide genau gleich sind. Wenn Sie abbrechen, wird nichts geändert.</translation>
    </message>
    <message>
        <source>&amp;Trust this key</source>
        <translation>Diesem Schlüssel &amp;vertrauen</translation>
    </message>
    <message>
        <source>Trust this key</source>
        <translation>Diesem Schlüssel vertrauen</translation>
    </message>
    <message>
        <source>The fingerprints are the same: pin this key and go on</source>
        <translation>Die Fingerabdrücke sind gleich: diesen Schlüssel speichern und weitermachen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Do not trust this server; nothing is changed</source>
        <translation>Diesem Server nicht vertrauen; es wird nichts geändert</translation>
    </message>
</context>
<context>
    <name>HostKeyPrompt</name>
    <message>
        <source>The server %1 (%2) of %3 has no host-key label, so this computer cannot check by itself that it is your server. Its host key fingerprint is:
  %4
Compare it with the output of `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` in the server&apos;s console (Hetzner Console).</source>
        <translation>Der Server %1 (%2) von %3 hat kein Host-Key-Label, daher kann dieser Computer nicht selbst prüfen, dass es Ihr Server ist. Der Fingerabdruck seines Host-Schlüssels ist:
  %4
Vergleichen Sie ihn mit der Ausgabe von `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` in der Konsole des Servers (Hetzner Console).</translation>
    </message>
    <message>
        <source>No terminal to confirm it on: if it matches, run the command again with --host-key %1=%2</source>
        <translation>Kein Terminal für die Bestätigung: Wenn er übereinstimmt, führen Sie den Befehl erneut mit --host-key %1=%2 aus</translation>
    </message>
    <message>
        <source>Type yes if it matches and you trust this server: </source>
        <translation>Geben Sie yes ein, wenn er übereinstimmt und Sie diesem Server vertrauen: </translation>
    </message>
    <message>
        <source>--host-key needs a server name and its fingerprint as ssh-keygen -l prints it, such as --host-key meet-example-org-web=SHA256:%1; &quot;%2&quot; is not that.</source>
        <translation>--host-key braucht einen Servernamen und seinen Fingerabdruck, wie ssh-keygen -l ihn ausgibt, zum Beispiel --host-key meet-example-org-web=SHA256:%1; „%2“ ist das nicht.</translation>
    </message>
</context>
<context>
    <name>HostKeyRecovery</name>
    <message>
        <source>The server %1 presents a host key (%2) other than the one its label in the project names (%3). Something other than your server may be answering at %4. Nothing was changed. Check the server in the Hetzner Console (its console: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) before trying again.</source>
        <translation>Der Server %1 zeigt einen anderen Host-Schlüssel (%2) als den, den sein Label im Projekt nennt (%3). Unter %4 antwortet möglicherweise etwas anderes als Ihr Server. Es wurde nichts geändert. Prüfen Sie den Server in der Hetzner Console (in seiner Konsole: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The server %1 presents the host key %2, not the fingerprint %3 you gave for it. Nothing was changed. Check the fingerprint on the server&apos;s console in the Hetzner Console.</source>
        <translation>Der Server %1 zeigt den Host-Schlüssel %2, nicht den Fingerabdruck %3, den Sie für ihn angegeben haben. Es wurde nichts geändert. Prüfen Sie den Fingerabdruck in der Konsole des Servers in der Hetzner Console.</translation>
    </message>
    <message>
        <source>The server %1 has no host-key label, and its host key %2 was not confirmed, so it cannot be told apart from an impostor. Nothing was changed.</source>
        <translation>Der Server %1 hat kein Host-Key-Label, und sein Host-Schlüssel %2 wurde nicht bestätigt; daher lässt er sich nicht von einem Betrüger unterscheiden. Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>HostKeys</name>
    <message>
        <source>A host key for the new server could not be generated.</source>
        <translation>Für den neuen Server konnte kein Host-Schlüssel erzeugt werden.</translation>
    </message>
    <message>
        <source>The file %1 already exists and was left unchanged. Choose another file name.</source>
        <translation>Die Datei %1 existiert bereits und wurde nicht verändert. Wählen Sie einen anderen Dateinamen.</translation>
    </message>
    <message>
        <source>The host key could not be saved to %1. Check that the folder exists and is writable.</source>
        <translation>Der Host-Schlüssel konnte nicht in %1 gespeichert werden. Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>The host key could not be saved to %1. Check the free disk space.</source>
        <translation>Der Host-Schlüssel konnte nicht in %1 gespeichert werden. Prüfen Sie den freien Speicherplatz.</translation>
    </message>
</context>
<context>
    <name>HostTableModel</name>
    <message>
        <source>Web server</source>
        <translation>Webserver</translation>
    </message>
    <message>
        <source>Videobridge</source>
        <translation>Videobridge</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartet auf Start</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>%1 of %2 steps done</source>
        <translation>%1 von %2 Schritten erledigt</translation>
    </message>
    <message>
        <source>%1/%2 %3</source>
        <translation>%1/%2 %3</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Wartet auf</translation>
    </message>
</context>
<context>
    <name>InputValidation</name>
    <message>
        <source>The API token is empty. Create one in the Hetzner Console under Security → API tokens (Read &amp; Write) and paste it.</source>
        <translation>Das API-Token ist leer. Erstellen Sie eines in der Hetzner Console unter Sicherheit → API-Tokens (Lesen &amp; Schreiben) und fügen Sie es ein.</translation>
    </message>
    <message>
        <source>The API token contains spaces, line breaks or characters that no Hetzner token has. Copy it again from the Hetzner Console, without anything around it.</source>
        <translation>Das API-Token enthält Leerzeichen, Zeilenumbrüche oder Zeichen, die in keinem Hetzner-Token vorkommen. Kopieren Sie es erneut aus der Hetzner Console, ohne etwas davor oder dahinter.</translation>
    </message>
    <message>
        <source>The API token contains quotation marks. Paste the token alone, without quotes.</source>
        <translation>Das API-Token enthält Anführungszeichen. Fügen Sie nur das Token ein, ohne Anführungszeichen.</translation>
    </message>
    <message>
        <source>The API token is far longer than a Hetzner token (64 characters). Check that only the token was pasted.</source>
        <translation>Das API-Token ist viel länger als ein Hetzner-Token (64 Zeichen). Prüfen Sie, ob nur das Token eingefügt wurde.</translation>
    </message>
    <message>
        <source>The API endpoint must be an http or https URL such as https://api.hetzner.cloud/v1.</source>
        <translation>Der API-Endpunkt muss eine http- oder https-URL sein, zum Beispiel https://api.hetzner.cloud/v1.</translation>
    </message>
    <message>
        <source>Unknown architecture. Use x86 or arm.</source>
        <translation>Unbekannte Architektur. Verwenden Sie x86 oder arm.</translation>
    </message>
    <message>
        <source>The API endpoint %1 uses plain http, which would send your API token unencrypted over the network. Use https:// instead (plain http is only accepted for a test server on this machine: localhost, 127.0.0.1 or ::1).</source>
        <translation>Der API-Endpunkt %1 verwendet unverschlüsseltes http, wodurch Ihr API-Token unverschlüsselt über das Netz gesendet würde. Verwenden Sie stattdessen https:// (unverschlüsseltes http wird nur für einen Testserver auf diesem Rechner akzeptiert: localhost, 127.0.0.1 oder ::1).</translation>
    </message>
</context>
<context>
    <name>KeyFiles</name>
    <message>
        <source>The public half of the key could not be computed.</source>
        <translation>Der öffentliche Teil des Schlüssels konnte nicht berechnet werden.</translation>
    </message>
    <message>
        <source>The file %1 already exists and was left unchanged. Choose another file name, or use the existing key.</source>
        <translation>Die Datei %1 existiert bereits und wurde nicht verändert. Wählen Sie einen anderen Dateinamen oder verwenden Sie den vorhandenen Schlüssel.</translation>
    </message>
    <message>
        <source>The key file %1 could not be created. Check that the folder exists and is writable.</source>
        <translation>Die Schlüsseldatei %1 konnte nicht angelegt werden. Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>The key file %1 could not be written. Check the free disk space.</source>
        <translation>Die Schlüsseldatei %1 konnte nicht geschrieben werden. Prüfen Sie den freien Speicherplatz.</translation>
    </message>
    <message>
        <source>The folder %1 could not be created. Choose a folder you can write to.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>A new SSH key could not be generated.</source>
        <translation>Es konnte kein neuer SSH-Schlüssel erzeugt werden.</translation>
    </message>
</context>
<context>
    <name>KnownHosts</name>
    <message>
        <source>The list of trusted server keys (%1) could not be saved. Check that the folder is writable and the disk is not full.</source>
        <translation>Die Liste der vertrauenswürdigen Server-Schlüssel (%1) konnte nicht gespeichert werden. Prüfen Sie, ob der Ordner beschreibbar und der Datenträger nicht voll ist.</translation>
    </message>
</context>
<context>
    <name>ManageController</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>ausgeschaltet</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>fährt herunter</translation>
    </message>
    <message>
        <source>being deleted</source>
        <translation>wird gelöscht</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>1 conference</source>
        <translation>1 Konferenz</translation>
    </message>
    <message>
        <source>%1 conferences</source>
        <translation>%1 Konferenzen</translation>
    </message>
    <message>
        <source>1 participant</source>
        <translation>1 Teilnehmer</translation>
    </message>
    <message>
        <source>%1 participants</source>
        <translation>%1 Teilnehmende</translation>
    </message>
    <message>
        <source>Live health is not available in this version: the servers&apos; state above comes from the Hetzner API. `jitsi-deployer verify %1` checks the bridges.</source>
        <translation>Der Live-Zustand ist in dieser Version nicht verfügbar: Der Zustand der Server oben kommt von der Hetzner-API. `jitsi-deployer verify %1` prüft die Bridges.</translation>
    </message>
    <message>
        <source>Web server</source>
        <translation>Webserver</translation>
    </message>
    <message>
        <source>not reachable over SSH</source>
        <translation>per SSH nicht erreichbar</translation>
    </message>
    <message>
        <source>jicofo does not answer on 127.0.0.1:8888</source>
        <translation>jicofo antwortet nicht auf 127.0.0.1:8888</translation>
    </message>
    <message>
        <source>jicofo: %1 of %2 bridges operational</source>
        <translation>jicofo: %1 von %2 Bridges betriebsbereit</translation>
    </message>
    <message>
        <source>Videobridge</source>
        <translation>Videobridge</translation>
    </message>
    <message>
        <source>not in the last reading</source>
        <translation>nicht in der letzten Abfrage</translation>
    </message>
    <message>
        <source>not in jicofo</source>
        <translation>nicht in jicofo</translation>
    </message>
    <message>
        <source>in jicofo, not operational</source>
        <translation>in jicofo, nicht betriebsbereit</translation>
    </message>
    <message>
        <source>operational in jicofo</source>
        <translation>in jicofo betriebsbereit</translation>
    </message>
    <message>
        <source>its health check fails</source>
        <translation>ihr Health-Check schlägt fehl</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>wird geleert</translation>
    </message>
    <message>
        <source>stress %1</source>
        <translation>Last %1</translation>
    </message>
    <message>
        <source>Who is on %1 is not known (no live reading of it). Removing it drains it first: jicofo moves no one, but starts no new conference on it, and the removal waits for its conferences to end.</source>
        <translation>Wer auf %1 ist, ist nicht bekannt (keine Live-Abfrage). Beim Entfernen wird sie zuerst geleert: jicofo verschiebt niemanden, startet aber keine neue Konferenz mehr auf ihr, und das Entfernen wartet, bis ihre Konferenzen enden.</translation>
    </message>
    <message>
        <source>%1 hosts no conference right now: removing it interrupts no one.</source>
        <translation>Auf %1 läuft gerade keine Konferenz: Das Entfernen unterbricht niemanden.</translation>
    </message>
    <message>
        <source>%1 hosts %2 with %3 right now. Removing it drains it first and waits for them to end; the participants who are still on it when it is deleted drop out of their meeting and must rejoin.</source>
        <translation>Auf %1 laufen gerade %2 mit %3. Beim Entfernen wird sie zuerst geleert und es wird gewartet, bis diese enden; wer beim Löschen noch darauf ist, fliegt aus dem Meeting und muss neu beitreten.</translation>
    </message>
    <message>
        <source>Reading the health of every host…</source>
        <translation>Der Zustand aller Server wird abgefragt…</translation>
    </message>
    <message>
        <source>Every host is healthy (read at %1).</source>
        <translation>Alle Server sind in Ordnung (abgefragt um %1).</translation>
    </message>
    <message>
        <source>Hosts that need attention: %1 (read at %2).</source>
        <translation>Server, die Aufmerksamkeit brauchen: %1 (abgefragt um %2).</translation>
    </message>
</context>
<context>
    <name>ManagePage</name>
    <message>
        <source>Manage</source>
        <translation>Verwalten</translation>
    </message>
    <message>
        <source>Each server&apos;s state, read from the servers themselves.</source>
        <translation>Der Zustand jedes Servers, von den Servern selbst gelesen.</translation>
    </message>
    <message>
        <source>&amp;Servers and their health:</source>
        <translation>&amp;Server und ihr Zustand:</translation>
    </message>
    <message>
        <source>Servers of the deployment and their health</source>
        <translation>Server der Installation und ihr Zustand</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Add bridges…</source>
        <translation>Bridges &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove selected bridge…</source>
        <translation>Ausgewählte Bridge &amp;entfernen…</translation>
    </message>
    <message>
        <source>&amp;Update Jitsi…</source>
        <translation>Jitsi &amp;updaten…</translation>
    </message>
    <message>
        <source>&amp;Destroy…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>%1: each server&apos;s state, read from the servers themselves.</source>
        <translation>%1: der Zustand jedes Servers, von den Servern selbst gelesen.</translation>
    </message>
    <message>
        <source>Select a bridge in the table first.</source>
        <translation>Wählen Sie zuerst eine Bridge in der Tabelle aus.</translation>
    </message>
    <message>
        <source>The last bridge cannot be removed; destroy removes everything.</source>
        <translation>Die letzte Bridge kann nicht entfernt werden; „Löschen“ entfernt alles.</translation>
    </message>
    <message>
        <source>Updating from the window is not available in this version.</source>
        <translation>Das Update aus dem Fenster ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <source>Update Jitsi</source>
        <translation>Jitsi updaten</translation>
    </message>
    <message>
        <source>The bridges are updated one at a time: each is drained first, so running meetings move on. Then the web server is updated, and every meeting running then restarts: participants are disconnected for a moment and rejoin. Update when few people are in meetings.</source>
        <translation>Die Bridges werden nacheinander aktualisiert: Jede wird vorher geleert, sodass laufende Meetings weiterlaufen. Danach wird der Webserver aktualisiert, und jedes dann laufende Meeting startet neu: Die Teilnehmenden werden kurz getrennt und treten neu bei. Aktualisieren Sie, wenn wenige Menschen in Meetings sind.</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>&amp;Updaten</translation>
    </message>
    <message>
        <source>&amp;Test a meeting…</source>
        <translation>Besprechung &amp;testen…</translation>
    </message>
    <message>
        <source>Test a meeting</source>
        <translation>Besprechung testen</translation>
    </message>
    <message>
        <source>A fresh room, and each bridge&apos;s figures while people are in it.</source>
        <translation>Ein neuer Raum und die Werte jeder Bridge, solange Leute darin sind.</translation>
    </message>
    <message>
        <source>A&amp;ccounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <source>Accounts that may open meetings</source>
        <translation>Konten, die Besprechungen eröffnen dürfen</translation>
    </message>
    <message>
        <source>Who may open meetings on this deployment</source>
        <translation>Wer in dieser Installation Besprechungen eröffnen darf</translation>
    </message>
    <message>
        <source>Meetings on this deployment are open to everyone; accounts are for a deployment where only accounts may open meetings.</source>
        <translation>Besprechungen in dieser Installation stehen allen offen; Konten gibt es für Installationen, in denen nur Konten Besprechungen eröffnen dürfen.</translation>
    </message>
</context>
<context>
    <name>MeetingDrains</name>
    <message>
        <source>Cannot read %1, the list of bridges a meeting test put into drain mode: %2. Make it readable, or take those bridges out of drain mode yourself and delete the file.</source>
        <translation>%1, die Liste der Bridges, die ein Besprechungstest in den Leerungsmodus versetzt hat, kann nicht gelesen werden: %2. Machen Sie sie lesbar, oder nehmen Sie diese Bridges selbst aus dem Leerungsmodus und löschen Sie die Datei.</translation>
    </message>
    <message>
        <source>%1, the list of bridges a meeting test put into drain mode, is damaged. Take the deployment&apos;s bridges out of drain mode yourself (POST 127.0.0.1:8080/colibri/drain/disable on each), then delete the file.</source>
        <translation>%1, die Liste der Bridges, die ein Besprechungstest in den Leerungsmodus versetzt hat, ist beschädigt. Nehmen Sie die Bridges der Installation selbst aus dem Leerungsmodus (POST 127.0.0.1:8080/colibri/drain/disable auf jeder) und löschen Sie dann die Datei.</translation>
    </message>
    <message>
        <source>Cannot delete %1.</source>
        <translation>%1 kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
</context>
<context>
    <name>MeetingLines</name>
    <message>
        <source>    Meeting test ended; every bridge it drained is back in service.</source>
        <translation>    Besprechungstest beendet; jede von ihm geleerte Bridge ist wieder in Betrieb.</translation>
    </message>
    <message>
        <source>    Test meeting: %1</source>
        <translation>    Testbesprechung: %1</translation>
    </message>
    <message>
        <source>    Testing bridge %1 of %2: %3 (the others are drained for new meetings); join the room now.</source>
        <translation>    Test der Bridge %1 von %2: %3 (die anderen sind für neue Besprechungen geleert); treten Sie jetzt dem Raum bei.</translation>
    </message>
    <message>
        <source>carried the test meeting</source>
        <translation>hat die Testbesprechung getragen</translation>
    </message>
    <message>
        <source>skipped: no test meeting seen</source>
        <translation>übersprungen: keine Testbesprechung gesehen</translation>
    </message>
    <message>
        <source>drained by you, not tested</source>
        <translation>von Ihnen geleert, nicht getestet</translation>
    </message>
    <message>
        <source>drained for the test</source>
        <translation>für den Test geleert</translation>
    </message>
    <message>
        <source>carries the test now</source>
        <translation>trägt jetzt den Test</translation>
    </message>
    <message>
        <source>%1 conferences, %2 endpoints, ICE succeeded %3, data-channel messages %4</source>
        <translation>%1 Konferenzen, %2 Endpunkte, ICE erfolgreich %3, Datenkanal-Nachrichten %4</translation>
    </message>
    <message>
        <source>figures not readable</source>
        <translation>Werte nicht lesbar</translation>
    </message>
</context>
<context>
    <name>MeetingTestController</name>
    <message>
        <source>Starting the test meeting…</source>
        <translation>Die Testbesprechung startet…</translation>
    </message>
    <message>
        <source>Carried the test meeting</source>
        <translation>Hat die Testbesprechung getragen</translation>
    </message>
    <message>
        <source>Carries the test now</source>
        <translation>Trägt jetzt den Test</translation>
    </message>
    <message>
        <source>Skipped: no test meeting seen</source>
        <translation>Übersprungen: keine Testbesprechung gesehen</translation>
    </message>
    <message>
        <source>Drained by you: not tested</source>
        <translation>Von Ihnen geleert: nicht getestet</translation>
    </message>
    <message>
        <source>Drained for the test</source>
        <translation>Für den Test geleert</translation>
    </message>
    <message>
        <source>Figures not readable</source>
        <translation>Werte nicht lesbar</translation>
    </message>
    <message>
        <source>The meeting test stopped: %1</source>
        <translation>Der Besprechungstest wurde angehalten: %1</translation>
    </message>
    <message>
        <source>The meeting test has ended; every bridge it drained is back in service.</source>
        <translation>Der Besprechungstest ist beendet; jede von ihm geleerte Bridge ist wieder in Betrieb.</translation>
    </message>
    <message>
        <source>Bridge %1 of %2 carries the test now: %3. Join the room (it opened in your browser; or scan the code with a phone). The next bridge follows once the meeting shows on this one.</source>
        <translation>Bridge %1 von %2 trägt jetzt den Test: %3. Treten Sie dem Raum bei (er wurde im Browser geöffnet; oder scannen Sie den Code mit einem Telefon). Die nächste Bridge folgt, sobald die Besprechung auf dieser zu sehen ist.</translation>
    </message>
    <message>
        <source>Join the room with two or more devices (it opened in your browser; or scan the code with a phone). The figures of every bridge follow every few seconds.</source>
        <translation>Treten Sie dem Raum mit zwei oder mehr Geräten bei (er wurde im Browser geöffnet; oder scannen Sie den Code mit einem Telefon). Die Werte jeder Bridge folgen alle paar Sekunden.</translation>
    </message>
</context>
<context>
    <name>MeetingTestDialog</name>
    <message>
        <source>Test a meeting</source>
        <translation>Besprechung testen</translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation>Was jetzt zu tun ist</translation>
    </message>
    <message>
        <source>Meeting &amp;link:</source>
        <translation>Besprechungs&amp;link:</translation>
    </message>
    <message>
        <source>Meeting link</source>
        <translation>Besprechungslink</translation>
    </message>
    <message>
        <source>QR code of the meeting link, for a phone</source>
        <translation>QR-Code des Besprechungslinks, für ein Telefon</translation>
    </message>
    <message>
        <source>&amp;Bridges:</source>
        <translation>&amp;Bridges:</translation>
    </message>
    <message>
        <source>Figures of each bridge</source>
        <translation>Werte jeder Bridge</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Bridge</translation>
    </message>
    <message>
        <source>Conferences</source>
        <translation>Konferenzen</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>ICE succeeded</source>
        <translation>ICE erfolgreich</translation>
    </message>
    <message>
        <source>Data-channel messages</source>
        <translation>Datenkanal-Nachrichten</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>&amp;Open in browser</source>
        <translation>Im Browser ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Open the test room in your web browser</source>
        <translation>Den Testraum im Webbrowser öffnen</translation>
    </message>
    <message>
        <source>&amp;Test a meeting</source>
        <translation>Besprechung &amp;testen</translation>
    </message>
    <message>
        <source>A fresh room; the figures of every bridge while people are in it</source>
        <translation>Ein neuer Raum; die Werte jeder Bridge, solange Leute darin sind</translation>
    </message>
    <message>
        <source>Test &amp;every bridge</source>
        <translation>&amp;Jede Bridge testen</translation>
    </message>
    <message>
        <source>Test every bridge</source>
        <translation>Jede Bridge testen</translation>
    </message>
    <message>
        <source>All bridges but one are drained in turn, so each carries the test meeting once; every drain is undone at the end</source>
        <translation>Reihum werden alle Bridges bis auf eine geleert, sodass jede die Testbesprechung einmal trägt; jede Leerung wird am Ende rückgängig gemacht</translation>
    </message>
    <message>
        <source>&amp;Next bridge</source>
        <translation>&amp;Nächste Bridge</translation>
    </message>
    <message>
        <source>Next bridge</source>
        <translation>Nächste Bridge</translation>
    </message>
    <message>
        <source>End this bridge&apos;s turn now, without a meeting seen on it</source>
        <translation>Den Durchgang dieser Bridge jetzt beenden, ohne dass eine Besprechung auf ihr gesehen wurde</translation>
    </message>
    <message>
        <source>End test</source>
        <translation>Test beenden</translation>
    </message>
    <message>
        <source>End the test; the bridges it drained go back into service</source>
        <translation>Den Test beenden; die von ihm geleerten Bridges gehen wieder in Betrieb</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>End the test and close</source>
        <translation>Den Test beenden und schließen</translation>
    </message>
    <message>
        <source>(the room is made when the test starts)</source>
        <translation>(der Raum entsteht, wenn der Test startet)</translation>
    </message>
    <message>
        <source>En&amp;d test</source>
        <translation>Test be&amp;enden</translation>
    </message>
</context>
<context>
    <name>PlanCommand</name>
    <message>
        <source>Wrote %1 files to %2: each server&apos;s user-data.yaml, install.env (secrets as &lt;placeholders&gt;) and install/, and summary.txt.</source>
        <translation>%1 Dateien nach %2 geschrieben: für jeden Server user-data.yaml, install.env (Geheimnisse als &lt;Platzhalter&gt;) und install/, dazu summary.txt.</translation>
    </message>
</context>
<context>
    <name>PlanPreview</name>
    <message>
        <source>The plan mixes Arm and x86 server types (%1). Choose types of one architecture for the web host and all bridges.</source>
        <translation>Der Plan mischt Servertypen für Arm und x86 (%1). Wählen Sie für den Webserver und alle Bridges Typen derselben Architektur.</translation>
    </message>
    <message>
        <source>After this deployment the project will have %1 servers. Hetzner limits how many servers a project may have, and new projects often have a low limit. If creating a server fails because the limit is reached, ask Hetzner to raise the project&apos;s server limit, then run the deployment again: servers already created are reused.</source>
        <translation>Nach dieser Einrichtung hat das Projekt %1 Server. Hetzner begrenzt, wie viele Server ein Projekt haben darf, und neue Projekte haben oft ein niedriges Limit. Wenn das Anlegen eines Servers scheitert, weil das Limit erreicht ist, bitten Sie Hetzner, das Server-Limit des Projekts zu erhöhen, und starten Sie die Einrichtung dann erneut: Bereits angelegte Server werden wiederverwendet.</translation>
    </message>
</context>
<context>
    <name>PlanRecovery</name>
    <message>
        <source>The web host&apos;s parameter file could not be read; deploy the deployment again from its plan file on this computer.</source>
        <translation>Die Parameterdatei des Webservers konnte nicht gelesen werden; richten Sie die Installation auf diesem Computer erneut mit ihrer Plandatei ein.</translation>
    </message>
    <message>
        <source>The web host %1 names the domain &quot;%2&quot;, which is not the domain of deployment %3. Nothing was changed; check the server in the Hetzner Console.</source>
        <translation>Der Webserver %1 nennt die Domain „%2“, die nicht die Domain der Installation %3 ist. Es wurde nichts geändert; prüfen Sie den Server in der Hetzner Console.</translation>
    </message>
    <message>
        <source>The settings read back from the project and the web host are not a valid plan: %1</source>
        <translation>Die aus dem Projekt und vom Webserver zurückgelesenen Einstellungen ergeben keinen gültigen Plan: %1</translation>
    </message>
    <message>
        <source>The deployment has no web host, so its settings cannot be read back on this computer. Deploy it again with its plan to repair it.</source>
        <translation>Die Installation hat keinen Webserver, daher können ihre Einstellungen auf diesem Computer nicht zurückgelesen werden. Richten Sie sie mit ihrem Plan erneut ein, um sie zu reparieren.</translation>
    </message>
    <message>
        <source>The web host %1 has no SSH key in root&apos;s authorized_keys, so new servers could not be given one. Add your public key there, then try again.</source>
        <translation>Der Webserver %1 hat keinen SSH-Schlüssel in den authorized_keys von root, daher könnte neuen Servern keiner mitgegeben werden. Tragen Sie dort Ihren öffentlichen Schlüssel ein und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>PlanSummary</name>
    <message>
        <source>%1: the location &quot;%2&quot; does not exist in this project. It can use: %3.</source>
        <translation>%1: Den Standort „%2“ gibt es in diesem Projekt nicht. Verfügbar sind: %3.</translation>
    </message>
    <message>
        <source>The API publishes no price for a primary IPv4 address in %1, so the cost cannot be shown. Try again later or choose another location.</source>
        <translation>Die API nennt keinen Preis für eine primäre IPv4-Adresse in %1, daher können die Kosten nicht angezeigt werden. Versuchen Sie es später erneut oder wählen Sie einen anderen Standort.</translation>
    </message>
    <message>
        <source>Deployment %1 (image %2). Nothing has been created; this is what &quot;deploy&quot; would create.</source>
        <translation>Installation %1 (Image %2). Es wurde nichts angelegt; Folgendes würde „deploy“ anlegen.</translation>
    </message>
    <message>
        <source>SERVER</source>
        <translation>SERVER</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <source>LOCATION</source>
        <translation>STANDORT</translation>
    </message>
    <message>
        <source>NETWORK</source>
        <translation>NETZWERK</translation>
    </message>
    <message>
        <source>MONTHLY</source>
        <translation>MONATLICH</translation>
    </message>
    <message>
        <source>HOURLY</source>
        <translation>STÜNDLICH</translation>
    </message>
    <message>
        <source>public (zone %1)</source>
        <translation>öffentlich (Zone %1)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Server prices are gross (as billed) and include each server&apos;s primary IPv4 address:</source>
        <translation>Die Serverpreise sind Bruttopreise (wie abgerechnet) und enthalten die primäre IPv4-Adresse jedes Servers:</translation>
    </message>
    <message>
        <source>  %1: %2 %3 server + %4 %3 IPv4 per month; %5 %3 + %6 %3 per hour</source>
        <translation>  %1: %2 %3 Server + %4 %3 IPv4 pro Monat; %5 %3 + %6 %3 pro Stunde</translation>
    </message>
    <message>
        <source>anywhere</source>
        <translation>überall</translation>
    </message>
    <message>
        <source>Also created, free of charge:</source>
        <translation>Außerdem kostenlos angelegt:</translation>
    </message>
    <message>
        <source>  network %1 in zone %2 (web host and the bridges in that zone)</source>
        <translation>  Netzwerk %1 in Zone %2 (Webserver und die Bridges in dieser Zone)</translation>
    </message>
    <message>
        <source>  firewall %1 for the web host: 80, 443 tcp from anywhere; 22 tcp from %2; 5222 tcp from the bridges only</source>
        <translation>  Firewall %1 für den Webserver: 80, 443 tcp von überall; 22 tcp von %2; 5222 tcp nur von den Bridges</translation>
    </message>
    <message>
        <source>  firewall %1 for the bridges: 10000 udp from anywhere; 22 tcp from %2</source>
        <translation>  Firewall %1 für die Bridges: 10000 udp von überall; 22 tcp von %2</translation>
    </message>
    <message>
        <source>  SSH key: the project&apos;s existing key %1 (%2) is reused</source>
        <translation>  SSH-Schlüssel: Der vorhandene Schlüssel %1 (%2) des Projekts wird wiederverwendet</translation>
    </message>
    <message>
        <source>  SSH key %1 (%2)</source>
        <translation>  SSH-Schlüssel %1 (%2)</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
    <message>
        <source>%1: the server type &quot;%2&quot; does not exist.</source>
        <translation>%1: Den Servertyp „%2“ gibt es nicht.</translation>
    </message>
    <message>
        <source>%1: the server type &quot;%2&quot; cannot be ordered in %3 now (sold out, deprecated or not offered there). Choose another type or location.</source>
        <translation>%1: Der Servertyp „%2“ kann in %3 zurzeit nicht bestellt werden (ausverkauft, abgekündigt oder dort nicht angeboten). Wählen Sie einen anderen Typ oder Standort.</translation>
    </message>
    <message>
        <source>  TURN server (coturn) on the web host: 3478 udp and 5349 tcp open from anywhere</source>
        <translation>  TURN-Server (coturn) auf dem Webserver: 3478 udp und 5349 tcp von überall offen</translation>
    </message>
    <message>
        <source>  no TURN server: participants whose network blocks UDP cannot join</source>
        <translation>  kein TURN-Server: Teilnehmende, deren Netz UDP sperrt, können nicht teilnehmen</translation>
    </message>
</context>
<context>
    <name>RemoveBridgePage</name>
    <message>
        <source>Remove a bridge</source>
        <translation>Bridge entfernen</translation>
    </message>
    <message>
        <source>Drain one bridge and delete it.</source>
        <translation>Eine Bridge leeren und löschen.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Jitsi Deployer drains the bridge (jicofo starts no new conference on it), waits for its conferences to end, deletes the server and checks that the other bridges still work. The server stops costing money once it is deleted.</source>
        <translation>Jitsi Deployer leert die Bridge (jicofo startet keine neue Konferenz mehr darauf), wartet, bis ihre Konferenzen enden, löscht den Server und prüft, dass die anderen Bridges weiter funktionieren. Sobald der Server gelöscht ist, kostet er kein Geld mehr.</translation>
    </message>
    <message>
        <source>Remove %1 from the deployment.</source>
        <translation>%1 aus der Installation entfernen.</translation>
    </message>
    <message>
        <source>&amp;Yes, drain and delete %1</source>
        <translation>&amp;Ja, %1 leeren und löschen</translation>
    </message>
    <message>
        <source>Removing %1</source>
        <translation>%1 wird entfernt</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>%1 TB</source>
        <translation>%1 TB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 Go Back to change your choice.</source>
        <translation>%1 Gehen Sie zurück, um Ihre Auswahl zu ändern.</translation>
    </message>
    <message>
        <source>The plan could not be checked with Hetzner Cloud. %1</source>
        <translation>Der Plan konnte nicht bei Hetzner Cloud geprüft werden. %1</translation>
    </message>
    <message>
        <source>Web server</source>
        <translation>Webserver</translation>
    </message>
    <message>
        <source>Bridge %1</source>
        <translation>Bridge %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>anywhere</source>
        <translation>überall</translation>
    </message>
    <message>
        <source>Private network %1 (zone %2) connecting the web server and the bridges.</source>
        <translation>Privates Netzwerk %1 (Zone %2), das den Webserver und die Bridges verbindet.</translation>
    </message>
    <message>
        <source>Firewall %1 for the web server: web traffic (ports 80 and 443) from anywhere, SSH from %2, the bridges&apos; connection (port 5222) from the bridges only.</source>
        <translation>Firewall %1 für den Webserver: Webzugriffe (Ports 80 und 443) von überall, SSH von %2, die Verbindung der Bridges (Port 5222) nur von den Bridges.</translation>
    </message>
    <message>
        <source>Firewall %1 for the bridges: media (UDP port 10000) from anywhere, SSH from %2.</source>
        <translation>Firewall %1 für die Bridges: Audio und Video (UDP-Port 10000) von überall, SSH von %2.</translation>
    </message>
    <message>
        <source>SSH key: your key %1 (%2) is already in the project and is reused.</source>
        <translation>SSH-Schlüssel: Ihr Schlüssel %1 (%2) ist bereits im Projekt und wird wiederverwendet.</translation>
    </message>
    <message>
        <source>SSH key: your public key is uploaded to the project as %1 (%2).</source>
        <translation>SSH-Schlüssel: Ihr öffentlicher Schlüssel wird als %1 (%2) in das Projekt hochgeladen.</translation>
    </message>
    <message>
        <source>DNS: A and AAAA records for %1 pointing to the web server, created in your Hetzner DNS zone.</source>
        <translation>DNS: A- und AAAA-Einträge für %1, die auf den Webserver zeigen, angelegt in Ihrer DNS-Zone bei Hetzner.</translation>
    </message>
    <message>
        <source>DNS: nothing is created. After the servers are up, the wizard shows the A and AAAA records for %1 to add where your domain&apos;s DNS is managed.</source>
        <translation>DNS: Es wird nichts angelegt. Sobald die Server laufen, zeigt der Assistent die A- und AAAA-Einträge für %1, die Sie dort eintragen, wo das DNS Ihrer Domain verwaltet wird.</translation>
    </message>
    <message>
        <source>Gross prices are what Hetzner bills; net prices are without VAT. Each server&apos;s price includes its IPv4 address.</source>
        <translation>Bruttopreise stellt Hetzner in Rechnung; Nettopreise sind ohne Umsatzsteuer. Der Preis jedes Servers enthält seine IPv4-Adresse.</translation>
    </message>
    <message>
        <source>Gross prices include %1 % VAT, as Hetzner bills them; net prices are without it. Each server&apos;s price includes its IPv4 address.</source>
        <translation>Bruttopreise enthalten %1 % Umsatzsteuer, so wie Hetzner sie berechnet; Nettopreise sind ohne. Der Preis jedes Servers enthält seine IPv4-Adresse.</translation>
    </message>
    <message>
        <source>Outgoing traffic beyond the %1 each server includes a month is billed extra per TB; video meetings use most of it on the bridges.</source>
        <translation>Ausgehender Datenverkehr über die %1 hinaus, die jeder Server im Monat enthält, wird zusätzlich je TB berechnet; Videokonferenzen verbrauchen ihn vor allem auf den Bridges.</translation>
    </message>
    <message>
        <source>Outgoing traffic beyond what each server type includes is billed extra per TB; video meetings use most of it on the bridges.</source>
        <translation>Ausgehender Datenverkehr über das hinaus, was jeder Servertyp enthält, wird zusätzlich je TB berechnet; Videokonferenzen verbrauchen ihn vor allem auf den Bridges.</translation>
    </message>
    <message>
        <source>Backups, snapshots and extra volumes are not part of this plan. Your domain&apos;s registration is not included.</source>
        <translation>Backups, Snapshots und zusätzliche Volumes gehören nicht zu diesem Plan. Die Registrierung Ihrer Domain ist nicht enthalten.</translation>
    </message>
    <message>
        <source>The plan could not be saved to %1: %2. Choose another folder and try again.</source>
        <translation>Der Plan konnte nicht unter %1 gespeichert werden: %2. Wählen Sie einen anderen Ordner und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Plan saved to %1. &quot;jitsi-deployer deploy --plan-file %1&quot; deploys it without the wizard.</source>
        <translation>Plan unter %1 gespeichert. „jitsi-deployer deploy --plan-file %1“ richtet ihn ohne den Assistenten ein.</translation>
    </message>
    <message>
        <source>Servers: the ones listed above, running %1, each with a public IPv4 and IPv6 address.</source>
        <translation>Server: die oben aufgeführten, mit %1, jeder mit einer öffentlichen IPv4- und IPv6-Adresse.</translation>
    </message>
    <message>
        <source>TURN relay on the web server (coturn) for networks that block UDP: ports 3478 (UDP) and 5349 (TCP, TLS) open from anywhere.</source>
        <translation>TURN-Relay auf dem Webserver (coturn) für Netze, die UDP sperren: Ports 3478 (UDP) und 5349 (TCP, TLS) von überall offen.</translation>
    </message>
    <message>
        <source>No TURN relay: participants whose network blocks UDP cannot join.</source>
        <translation>Kein TURN-Relay: Teilnehmende, deren Netz UDP sperrt, können nicht teilnehmen.</translation>
    </message>
    <message>
        <source>Meetings: only accounts you create may open one (on the Manage page, after the deployment); guests join without an account once it runs.</source>
        <translation>Besprechungen: Nur Konten, die Sie anlegen (auf der Seite „Verwalten“, nach der Installation), dürfen eine eröffnen; Gäste treten ohne Konto bei, sobald sie läuft.</translation>
    </message>
    <message>
        <source>Meetings: anyone with the link may open one.</source>
        <translation>Besprechungen: Jeder mit dem Link darf eine eröffnen.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <source>What Deploy will create in your Hetzner project, and what it costs.</source>
        <translation>Was „Bereitstellen“ in Ihrem Hetzner-Projekt anlegt und was es kostet.</translation>
    </message>
    <message>
        <source>Nothing has been created yet and nothing costs money until you click Deploy. From then on Hetzner bills the servers until they are deleted.</source>
        <translation>Bisher wurde nichts angelegt, und nichts kostet Geld, bis Sie auf „Bereitstellen“ klicken. Ab dann berechnet Hetzner die Server, bis sie gelöscht werden.</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Check the plan with Hetzner Cloud again.</source>
        <translation>Den Plan erneut bei Hetzner Cloud prüfen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Servers and costs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Server und Kosten&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Each server with its type, location and price: gross (as billed) and net (without VAT).</source>
        <translation>Jeder Server mit Typ, Standort und Preis: brutto (wie berechnet) und netto (ohne Umsatzsteuer).</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Pro Monat</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>Pro Stunde</translation>
    </message>
    <message>
        <source>&lt;b&gt;Also created, free of charge&lt;/b&gt;</source>
        <translation>&lt;b&gt;Außerdem angelegt, kostenlos&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not included in the price&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nicht im Preis enthalten&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Save plan…</source>
        <translation>Plan &amp;speichern …</translation>
    </message>
    <message>
        <source>Save these choices as a plan file that &quot;jitsi-deployer deploy --plan-file&quot; accepts.</source>
        <translation>Diese Auswahl als Plandatei speichern, die „jitsi-deployer deploy --plan-file“ annimmt.</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <source>Servers and costs</source>
        <translation>Server und Kosten</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>Plan speichern</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Plan files (*.json)</source>
        <translation>Plandateien (*.json)</translation>
    </message>
    <message>
        <source>Checking the plan with Hetzner Cloud…</source>
        <translation>Der Plan wird bei Hetzner Cloud geprüft …</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>%1
net %2</source>
        <translation>%1
netto %2</translation>
    </message>
    <message>
        <source>%1 a month including VAT, %2 without</source>
        <translation>%1 im Monat mit Umsatzsteuer, %2 ohne</translation>
    </message>
    <message>
        <source>%1 an hour including VAT, %2 without</source>
        <translation>%1 pro Stunde mit Umsatzsteuer, %2 ohne</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>files in %1</source>
        <translation>Dateien in %1</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>der Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>“%1” is not a secret store. Use “keychain” (the system keychain, the default) or “file” (files only you can read, for machines without a keychain), with --secret-store or JITSI_DEPLOYER_SECRET_STORE.</source>
        <translation>„%1“ ist kein Geheimnisspeicher. Verwenden Sie „keychain“ (den Schlüsselbund des Systems, Standard) oder „file“ (Dateien, die nur Sie lesen können, für Rechner ohne Schlüsselbund), mit --secret-store oder JITSI_DEPLOYER_SECRET_STORE.</translation>
    </message>
</context>
<context>
    <name>ServerLabeller</name>
    <message>
        <source>The server was deleted while its labels were being updated.</source>
        <translation>Der Server wurde gelöscht, während seine Labels aktualisiert wurden.</translation>
    </message>
</context>
<context>
    <name>ServersController</name>
    <message>
        <source>The list of locations, server types and prices could not be read from Hetzner Cloud. %1 Then click Retry.</source>
        <translation>Standorte, Servertypen und Preise konnten nicht von Hetzner Cloud gelesen werden. %1 Klicken Sie danach auf „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>%1 dedicated vCPU</source>
        <translation>%1 dedizierte vCPU</translation>
    </message>
    <message>
        <source>%1 shared vCPU</source>
        <translation>%1 geteilte vCPU</translation>
    </message>
    <message>
        <source>, Arm</source>
        <translation>, Arm</translation>
    </message>
    <message>
        <source>%1 – %2%3, %4 GB RAM, %5 GB disk – %6 a month</source>
        <translation>%1 – %2%3, %4 GB RAM, %5 GB Platte – %6 im Monat</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Deutschland</translation>
    </message>
    <message>
        <source>Finland</source>
        <translation>Finnland</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>USA</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>Singapur</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2 (%3)</source>
        <translation>%1, %2 (%3)</translation>
    </message>
    <message>
        <source>No server type can be ordered here now.</source>
        <translation>Hier kann zurzeit kein Servertyp bestellt werden.</translation>
    </message>
    <message>
        <source>%1 cannot be ordered here. To use this location, first choose types that can, such as %2.</source>
        <translation>%1 kann hier nicht bestellt werden. Um diesen Standort zu nutzen, wählen Sie zuerst Typen, die es können, etwa %2.</translation>
    </message>
    <message>
        <source>Ubuntu 24.04</source>
        <translation>Ubuntu 24.04</translation>
    </message>
    <message>
        <source>The web server runs the meeting website and the signalling between the participants. The Jitsi handbook calls 4 cores and 8 GB of RAM plenty for it; its XMPP server uses a single core.</source>
        <translation>Der Webserver liefert die Konferenzwebseite und vermittelt zwischen den Teilnehmenden. Laut Jitsi-Handbuch reichen ihm 4 Kerne und 8 GB RAM gut aus; sein XMPP-Server nutzt nur einen Kern.</translation>
    </message>
    <message>
        <source>%1 is smaller than that: enough to try things out, tight for daily use.</source>
        <translation>%1 ist kleiner: genug zum Ausprobieren, knapp für den täglichen Einsatz.</translation>
    </message>
    <message>
        <source>The bridges carry the audio and video. As a rough guide from published load tests: a bridge with 4 cores handled one meeting of about 15 people all sending HD video and reached its limit at about 25, while many small meetings of around 10 people each can add up to a few hundred people on one bridge. Bandwidth, and how many videos each person receives, matter more than cores. One meeting stays on one bridge: more bridges allow more meetings at once, not larger ones.</source>
        <translation>Die Bridges übertragen Audio und Video. Als grobe Richtschnur aus veröffentlichten Lasttests: Eine Bridge mit 4 Kernen trug eine Konferenz mit etwa 15 Personen, die alle HD-Video senden, und war bei etwa 25 am Limit; viele kleine Konferenzen mit je rund 10 Personen können sich auf einer Bridge zu einigen Hundert Personen summieren. Bandbreite und wie viele Videos jede Person empfängt zählen mehr als Kerne. Eine Konferenz bleibt auf einer Bridge: Mehr Bridges erlauben mehr gleichzeitige Konferenzen, keine größeren.</translation>
    </message>
    <message>
        <source>The Jitsi handbook suggests 4 or 8 cores and 8 GB of RAM per bridge; %1 has %2 cores and %3 GB.</source>
        <translation>Das Jitsi-Handbuch empfiehlt 4 oder 8 Kerne und 8 GB RAM pro Bridge; %1 hat %2 Kerne und %3 GB.</translation>
    </message>
    <message>
        <source>Prices are per server and month, as Hetzner bills them. Each server&apos;s IPv4 address costs extra; the next page shows it and the total.</source>
        <translation>Preise gelten pro Server und Monat, so wie Hetzner sie berechnet. Die IPv4-Adresse jedes Servers kostet extra; die nächste Seite zeigt sie und die Gesamtsumme.</translation>
    </message>
    <message>
        <source>Prices are per server and month including %1 % VAT, as Hetzner bills them. Each server&apos;s IPv4 address costs extra; the next page shows it and the total.</source>
        <translation>Preise gelten pro Server und Monat inklusive %1 % Umsatzsteuer, so wie Hetzner sie berechnet. Die IPv4-Adresse jedes Servers kostet extra; die nächste Seite zeigt sie und die Gesamtsumme.</translation>
    </message>
    <message>
        <source>No location offers a server type that can be ordered now. Try again later, then click Retry.</source>
        <translation>Kein Standort bietet zurzeit einen bestellbaren Servertyp an. Versuchen Sie es später noch einmal und klicken Sie dann auf „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>Debian 13 (recommended)</source>
        <translation>Debian 13 (empfohlen)</translation>
    </message>
    <message>
        <source>Debian 12</source>
        <translation>Debian 12</translation>
    </message>
    <message>
        <source>Participants whose network blocks the media ports (common in schools and companies) join through a relay on the web server (coturn). It opens ports 3478/udp and 5349/tcp there.</source>
        <translation>Teilnehmende, deren Netz die Medien-Ports sperrt (häufig in Schulen und Firmen), nehmen über ein Relay auf dem Webserver (coturn) teil. Dafür werden dort die Ports 3478/udp und 5349/tcp geöffnet.</translation>
    </message>
</context>
<context>
    <name>ServersPage</name>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Where your servers run, how large they are, and what they cost a month.</source>
        <translation>Wo Ihre Server laufen, wie groß sie sind und was sie im Monat kosten.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Read the locations, server types and prices again.</source>
        <translation>Standorte, Servertypen und Preise erneut lesen.</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Standort:</translation>
    </message>
    <message>
        <source>Where Hetzner runs your servers. All servers share one location, so the bridges reach the web server over a private network.</source>
        <translation>Wo Hetzner Ihre Server betreibt. Alle Server teilen einen Standort, damit die Bridges den Webserver über ein privates Netzwerk erreichen.</translation>
    </message>
    <message>
        <source>&amp;Web server:</source>
        <translation>&amp;Webserver:</translation>
    </message>
    <message>
        <source>The server type of the web server: cores, memory, disk and its price a month in this location.</source>
        <translation>Der Servertyp des Webservers: Kerne, Arbeitsspeicher, Platte und sein Monatspreis an diesem Standort.</translation>
    </message>
    <message>
        <source>&amp;Bridges:</source>
        <translation>&amp;Bridges:</translation>
    </message>
    <message>
        <source>The server type of every videobridge: cores, memory, disk and its price a month in this location.</source>
        <translation>Der Servertyp jeder Videobridge: Kerne, Arbeitsspeicher, Platte und ihr Monatspreis an diesem Standort.</translation>
    </message>
    <message>
        <source>&amp;Number of bridges:</source>
        <translation>&amp;Anzahl der Bridges:</translation>
    </message>
    <message>
        <source>How many videobridges to create (1 to 20). You can add or remove bridges later.</source>
        <translation>Wie viele Videobridges angelegt werden (1 bis 20). Sie können später Bridges hinzufügen oder entfernen.</translation>
    </message>
    <message>
        <source>&amp;Operating system:</source>
        <translation>&amp;Betriebssystem:</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Web server type</source>
        <translation>Servertyp des Webservers</translation>
    </message>
    <message>
        <source>Bridge server type</source>
        <translation>Servertyp der Bridges</translation>
    </message>
    <message>
        <source>Number of bridges</source>
        <translation>Anzahl der Bridges</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reading locations, server types and prices from Hetzner Cloud…</source>
        <translation>Standorte, Servertypen und Preise werden von Hetzner Cloud gelesen …</translation>
    </message>
    <message>
        <source>%1 – not available</source>
        <translation>%1 – nicht verfügbar</translation>
    </message>
    <message>
        <source>The system installed on every server. Debian 12 is the default.</source>
        <translation>Das System, das auf jedem Server installiert wird. Debian 12 ist die Voreinstellung.</translation>
    </message>
    <message>
        <source>Relay for blocked networks (&amp;TURN)</source>
        <translation>Relay für gesperrte Netze (&amp;TURN)</translation>
    </message>
    <message>
        <source>Relay for blocked networks (TURN)</source>
        <translation>Relay für gesperrte Netze (TURN)</translation>
    </message>
</context>
<context>
    <name>SshAgentKeys</name>
    <message>
        <source>The ssh-agent at %1 gave an answer that is not a list of keys. Restart the agent or choose a key file instead.</source>
        <translation>Der ssh-agent unter %1 hat mit etwas anderem als einer Schlüsselliste geantwortet. Starten Sie den Agenten neu oder wählen Sie stattdessen eine Schlüsseldatei.</translation>
    </message>
    <message>
        <source>No ssh-agent answers at %1 (SSH_AUTH_SOCK). Start ssh-agent and add your key with ssh-add, or choose a key file instead.</source>
        <translation>Unter %1 (SSH_AUTH_SOCK) antwortet kein ssh-agent. Starten Sie ssh-agent und fügen Sie Ihren Schlüssel mit ssh-add hinzu, oder wählen Sie stattdessen eine Schlüsseldatei.</translation>
    </message>
</context>
<context>
    <name>SshErrors</name>
    <message>
        <source>The name %1 could not be resolved. Check the spelling and your internet connection.</source>
        <translation>Der Name %1 konnte nicht aufgelöst werden. Prüfen Sie die Schreibweise und Ihre Internetverbindung.</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached from this computer. Check your internet connection and that the server is running.</source>
        <translation>Der Server %1 ist von diesem Computer aus nicht erreichbar. Prüfen Sie Ihre Internetverbindung und ob der Server läuft.</translation>
    </message>
    <message>
        <source>The server %1 refused the connection on port %2: no SSH server is listening there yet. If the server was just created, wait a minute and try again.</source>
        <translation>Der Server %1 hat die Verbindung auf Port %2 abgelehnt: Dort nimmt noch kein SSH-Server Verbindungen an. Wenn der Server gerade erst angelegt wurde, warten Sie eine Minute und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The server %1 did not answer on port %2 within %3 seconds. Check that it is running and that a firewall allows SSH, then try again.</source>
        <translation>Der Server %1 hat auf Port %2 nicht innerhalb von %3 Sekunden geantwortet. Prüfen Sie, ob er läuft und ob eine Firewall SSH zulässt, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The SSH connection to %1 could not be set up. Try again; if it keeps failing, the server may not be an SSH server or may be overloaded.</source>
        <translation>Die SSH-Verbindung zu %1 konnte nicht aufgebaut werden. Versuchen Sie es erneut; wenn es weiterhin fehlschlägt, ist der Server möglicherweise kein SSH-Server oder überlastet.</translation>
    </message>
    <message>
        <source>There is no known host key for %1, so its identity cannot be checked and the connection was not made. Servers created by this app have their key recorded; for other servers add the key first.</source>
        <translation>Für %1 ist kein Host-Schlüssel bekannt, daher kann die Identität des Servers nicht geprüft werden, und die Verbindung wurde nicht hergestellt. Bei Servern, die Jitsi Deployer angelegt hat, ist der Schlüssel hinterlegt; fügen Sie bei anderen Servern zuerst den Schlüssel hinzu.</translation>
    </message>
    <message>
        <source>The recorded host key for %1 is damaged, so its identity cannot be checked and the connection was not made. Record the server&apos;s key again.</source>
        <translation>Der hinterlegte Host-Schlüssel für %1 ist beschädigt, daher kann die Identität des Servers nicht geprüft werden, und die Verbindung wurde nicht hergestellt. Hinterlegen Sie den Schlüssel des Servers erneut.</translation>
    </message>
    <message>
        <source>The server at %1 identified itself with a different key than the one recorded for it. Someone may be intercepting the connection, or the server was rebuilt. The connection was refused to keep your data safe; if you rebuilt the server, remove it from this app and add it again.</source>
        <translation>Der Server unter %1 hat sich mit einem anderen Schlüssel ausgewiesen als dem, der für ihn hinterlegt ist. Möglicherweise fängt jemand die Verbindung ab, oder der Server wurde neu aufgesetzt. Die Verbindung wurde zum Schutz Ihrer Daten abgelehnt; wenn Sie den Server neu aufgesetzt haben, entfernen Sie ihn aus Jitsi Deployer und fügen Sie ihn erneut hinzu.</translation>
    </message>
    <message>
        <source>The server at %1 does not offer the kind of key recorded for it. Someone may be intercepting the connection, or the server was rebuilt. The connection was refused to keep your data safe.</source>
        <translation>Der Server unter %1 bietet den Schlüsseltyp nicht an, der für ihn hinterlegt ist. Möglicherweise fängt jemand die Verbindung ab, oder der Server wurde neu aufgesetzt. Die Verbindung wurde zum Schutz Ihrer Daten abgelehnt.</translation>
    </message>
    <message>
        <source>The server %1 did not accept the key %2 for user %3. Make sure the matching public key is in that user&apos;s authorized_keys on the server, or choose the key the server knows.</source>
        <translation>Der Server %1 hat den Schlüssel %2 für den Benutzer %3 nicht akzeptiert. Stellen Sie sicher, dass der passende öffentliche Schlüssel in der Datei authorized_keys dieses Benutzers auf dem Server steht, oder wählen Sie den Schlüssel, den der Server kennt.</translation>
    </message>
    <message>
        <source>The server %1 did not accept any of the ssh-agent&apos;s keys for user %2. Add the right key to the agent (ssh-add), or choose a key file instead.</source>
        <translation>Der Server %1 hat keinen der Schlüssel aus dem ssh-agent für den Benutzer %2 akzeptiert. Fügen Sie dem Agenten den richtigen Schlüssel hinzu (ssh-add) oder wählen Sie stattdessen eine Schlüsseldatei.</translation>
    </message>
    <message>
        <source>No key file was chosen and no ssh-agent is running (SSH_AUTH_SOCK is not set). Choose a key file, or start ssh-agent and add your key with ssh-add.</source>
        <translation>Es wurde keine Schlüsseldatei gewählt, und es läuft kein ssh-agent (SSH_AUTH_SOCK ist nicht gesetzt). Wählen Sie eine Schlüsseldatei oder starten Sie ssh-agent und fügen Sie Ihren Schlüssel mit ssh-add hinzu.</translation>
    </message>
    <message>
        <source>The key file %1 does not exist. Check the path, or generate a new key.</source>
        <translation>Die Schlüsseldatei %1 existiert nicht. Prüfen Sie den Pfad oder erzeugen Sie einen neuen Schlüssel.</translation>
    </message>
    <message>
        <source>The key file %1 cannot be read. Make sure it is a file your user may read (chmod 600).</source>
        <translation>Die Schlüsseldatei %1 kann nicht gelesen werden. Stellen Sie sicher, dass es eine Datei ist, die Ihr Benutzer lesen darf (chmod 600).</translation>
    </message>
    <message>
        <source>The key file %1 can be read by other users, so it is not safe to use. Restrict it with: chmod 600 %1</source>
        <translation>Die Schlüsseldatei %1 ist für andere Benutzer lesbar und daher nicht sicher. Schränken Sie den Zugriff ein mit: chmod 600 %1</translation>
    </message>
    <message>
        <source>The file %1 is a public key. Choose the private key file instead (the same name without .pub).</source>
        <translation>Die Datei %1 ist ein öffentlicher Schlüssel. Wählen Sie stattdessen die Datei des privaten Schlüssels (derselbe Name ohne .pub).</translation>
    </message>
    <message>
        <source>The file %1 is not a private key this app can use (ed25519, ECDSA or RSA in OpenSSH or PEM format). Choose another file.</source>
        <translation>Die Datei %1 ist kein privater Schlüssel, den Jitsi Deployer verwenden kann (ed25519, ECDSA oder RSA im OpenSSH- oder PEM-Format). Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>The passphrase for the key %1 is not correct. Enter it again.</source>
        <translation>Die Passphrase für den Schlüssel %1 ist falsch. Geben Sie sie erneut ein.</translation>
    </message>
    <message>
        <source>The key %1 is protected by a passphrase and none was given, so it cannot be used.</source>
        <translation>Der Schlüssel %1 ist durch eine Passphrase geschützt, es wurde aber keine angegeben; daher kann er nicht verwendet werden.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost. Check your internet connection; the app reconnects by itself.</source>
        <translation>Die Verbindung zu %1 wurde unterbrochen. Prüfen Sie Ihre Internetverbindung; Jitsi Deployer verbindet sich selbstständig neu.</translation>
    </message>
    <message>
        <source>The server %1 stopped answering for %2 seconds, so the connection is treated as lost. Check your internet connection; the app reconnects by itself.</source>
        <translation>Der Server %1 hat %2 Sekunden lang nicht geantwortet, daher gilt die Verbindung als unterbrochen. Prüfen Sie Ihre Internetverbindung; Jitsi Deployer verbindet sich selbstständig neu.</translation>
    </message>
    <message>
        <source>There is no connection to the server. Connect first, then try again.</source>
        <translation>Es besteht keine Verbindung zum Server. Stellen Sie zuerst eine Verbindung her und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The server did not allow %1. Try again; if it keeps failing, check the server&apos;s SSH settings.</source>
        <translation>Der Server hat %1 nicht zugelassen. Versuchen Sie es erneut; wenn es weiterhin fehlschlägt, prüfen Sie die SSH-Einstellungen des Servers.</translation>
    </message>
    <message>
        <source>The command on the server failed with exit code %1. See its output for the reason.</source>
        <translation>Der Befehl auf dem Server ist mit dem Exit-Code %1 fehlgeschlagen. Den Grund finden Sie in seiner Ausgabe.</translation>
    </message>
    <message>
        <source>The command on the server was stopped by the signal %1 before it finished.</source>
        <translation>Der Befehl auf dem Server wurde durch das Signal %1 beendet, bevor er fertig war.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Could not %1 %2 on the server. Check that the folder exists and there is free space.</source>
        <translation>Die Datei %2 konnte auf dem Server nicht %1 werden. Prüfen Sie, ob der Ordner existiert und genug freier Speicherplatz vorhanden ist.</translation>
    </message>
    <message>
        <source>The file %1 does not exist on the server.</source>
        <translation>Die Datei %1 existiert auf dem Server nicht.</translation>
    </message>
    <message>
        <source>On Windows the app cannot use keys held by an ssh-agent. Choose a key file instead.</source>
        <translation>Unter Windows kann die App keine Schlüssel aus einem ssh-agent verwenden. Wählen Sie stattdessen eine Schlüsseldatei.</translation>
    </message>
</context>
<context>
    <name>SshHostAgent</name>
    <message>
        <source>There is no connection to the server. Connect first, then try again.</source>
        <translation>Es besteht keine Verbindung zum Server. Stellen Sie zuerst eine Verbindung her und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The new host key is not an ed25519 key pair.</source>
        <translation>Der neue Host-Schlüssel ist kein ed25519-Schlüsselpaar.</translation>
    </message>
    <message>
        <source>The server&apos;s new SSH host key could not be installed; the old key stays in use. Try again.</source>
        <translation>Der neue SSH-Host-Schlüssel des Servers konnte nicht installiert werden; der alte Schlüssel bleibt in Gebrauch. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not create the folders for the files on the server.</source>
        <translation>Die Ordner für die Dateien konnten auf dem Server nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The install could not be started on the server. Try again; if it keeps failing, check the server with &apos;systemctl status jitsi-deployer-provision&apos;.</source>
        <translation>Die Einrichtung konnte auf dem Server nicht gestartet werden. Versuchen Sie es erneut; wenn es weiterhin fehlschlägt, prüfen Sie den Server mit „systemctl status jitsi-deployer-provision“.</translation>
    </message>
    <message>
        <source>The file %1 does not exist on the server.</source>
        <translation>Die Datei %1 existiert auf dem Server nicht.</translation>
    </message>
    <message>
        <source>The bridge %1 could not be drained, so its meetings would be cut off. Check that jitsi-videobridge2 runs on it, then try again.</source>
        <translation>Die Bridge %1 konnte nicht zum Auslaufen gebracht werden, daher würden ihre Konferenzen abgebrochen. Prüfen Sie, ob jitsi-videobridge2 auf ihr läuft, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The connection to the server was closed.</source>
        <translation>Die Verbindung zum Server wurde geschlossen.</translation>
    </message>
    <message>
        <source>The log %1 could not be read on the server.</source>
        <translation>Das Protokoll %1 konnte auf dem Server nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The server&apos;s state could not be read.</source>
        <translation>Der Zustand des Servers konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The bridge %1 could not be taken out of drain mode, so jicofo places no new conferences on it. Check that jitsi-videobridge2 runs on it, then run the update again.</source>
        <translation>Die Bridge %1 konnte nicht aus dem Auslaufmodus genommen werden, daher legt jicofo keine neuen Konferenzen auf ihr an. Prüfen Sie, ob jitsi-videobridge2 auf ihr läuft, und starten Sie das Update dann erneut.</translation>
    </message>
    <message>
        <source>The Jitsi package versions on %1 could not be read.</source>
        <translation>Die Versionen der Jitsi-Pakete auf %1 konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The Jitsi packages on %1 could not be upgraded: %2</source>
        <translation>Die Jitsi-Pakete auf %1 konnten nicht aktualisiert werden: %2</translation>
    </message>
    <message>
        <source>Meetings on this deployment are open to everyone, so accounts have no effect. Deploy it again with meeting access &quot;moderated&quot; first.</source>
        <translation>Besprechungen in dieser Installation stehen allen offen, daher haben Konten keine Wirkung. Installieren Sie sie zuerst erneut mit dem Besprechungszugang „moderated“.</translation>
    </message>
    <message>
        <source>The account %1 already exists. Remove it first to give it a new password, or choose another name.</source>
        <translation>Das Konto %1 gibt es schon. Entfernen Sie es zuerst, um ihm ein neues Passwort zu geben, oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>There is no account %1; list the accounts to see their names.</source>
        <translation>Es gibt kein Konto %1; lassen Sie die Konten auflisten, um ihre Namen zu sehen.</translation>
    </message>
    <message>
        <source>The web server refused the account: %1</source>
        <translation>Der Webserver hat das Konto abgelehnt: %1</translation>
    </message>
    <message>
        <source>The accounts on %1 could not be changed or read. Check that prosody runs there (systemctl status prosody), then try again.</source>
        <translation>Die Konten auf %1 ließen sich nicht ändern oder lesen. Prüfen Sie, ob prosody dort läuft (systemctl status prosody), und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>SshKeyController</name>
    <message>
        <source>%1 — cannot be used as it is (choose it to see why)</source>
        <translation>%1 – so nicht verwendbar (auswählen, um den Grund zu sehen)</translation>
    </message>
    <message>
        <source>%1 — protected by a passphrase</source>
        <translation>%1 – durch eine Passphrase geschützt</translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation>(kein Kommentar)</translation>
    </message>
    <message>
        <source>No ssh-agent is running (SSH_AUTH_SOCK is not set). Start ssh-agent and add your key with ssh-add, or use a key file.</source>
        <translation>Es läuft kein ssh-agent (SSH_AUTH_SOCK ist nicht gesetzt). Starten Sie ssh-agent und fügen Sie Ihren Schlüssel mit ssh-add hinzu, oder verwenden Sie eine Schlüsseldatei.</translation>
    </message>
    <message>
        <source>The ssh-agent holds no keys. Add one with ssh-add, then press Refresh list.</source>
        <translation>Der ssh-agent enthält keine Schlüssel. Fügen Sie einen mit ssh-add hinzu und klicken Sie dann auf „Liste aktualisieren“.</translation>
    </message>
    <message>
        <source>Checking the key %1…</source>
        <translation>Der Schlüssel %1 wird geprüft …</translation>
    </message>
    <message>
        <source>The key %1 is protected by a passphrase. Enter it in the dialog.</source>
        <translation>Der Schlüssel %1 ist durch eine Passphrase geschützt. Geben Sie sie im Dialog ein.</translation>
    </message>
    <message>
        <source>That passphrase does not open the key. Try again.</source>
        <translation>Mit dieser Passphrase lässt sich der Schlüssel nicht öffnen. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The key %1 is protected by a passphrase, and none was entered. Press Retry to enter it, or choose another key.</source>
        <translation>Der Schlüssel %1 ist durch eine Passphrase geschützt, es wurde aber keine eingegeben. Klicken Sie auf „Erneut versuchen“, um sie einzugeben, oder wählen Sie einen anderen Schlüssel.</translation>
    </message>
    <message>
        <source>Choose where to save the new key.</source>
        <translation>Wählen Sie, wo der neue Schlüssel gespeichert werden soll.</translation>
    </message>
    <message>
        <source>Give the new key&apos;s full path, such as %1.</source>
        <translation>Geben Sie den vollständigen Pfad des neuen Schlüssels an, etwa %1.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type the same passphrase in both fields, or leave both empty for a key without a passphrase.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein. Geben Sie in beiden Feldern dieselbe Passphrase ein, oder lassen Sie beide leer für einen Schlüssel ohne Passphrase.</translation>
    </message>
    <message>
        <source>Generating a new key in %1…</source>
        <translation>Ein neuer Schlüssel wird in %1 erzeugt …</translation>
    </message>
    <message>
        <source>Looking for this key in your Hetzner project…</source>
        <translation>Dieser Schlüssel wird in Ihrem Hetzner-Projekt gesucht …</translation>
    </message>
    <message>
        <source>Your Hetzner project could not be asked whether it has this key: %1 Press Retry.</source>
        <translation>Ihr Hetzner-Projekt konnte nicht nach diesem Schlüssel gefragt werden: %1 Klicken Sie auf „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>%1 key %2</source>
        <translation>%1-Schlüssel %2</translation>
    </message>
    <message>
        <source>%1 is already in your Hetzner project and will be used from there.</source>
        <translation>%1 ist bereits in Ihrem Hetzner-Projekt und wird von dort verwendet.</translation>
    </message>
    <message>
        <source>%1 is not in your Hetzner project yet; it will be uploaded when you deploy.</source>
        <translation>%1 ist noch nicht in Ihrem Hetzner-Projekt; er wird bei der Installation hochgeladen.</translation>
    </message>
</context>
<context>
    <name>SshKeyPage</name>
    <message>
        <source>SSH key</source>
        <translation>SSH-Schlüssel</translation>
    </message>
    <message>
        <source>Jitsi Deployer logs in to your new servers with an SSH key. Only its public half is sent to Hetzner.</source>
        <translation>Jitsi Deployer meldet sich mit einem SSH-Schlüssel an Ihren neuen Servern an. Nur sein öffentlicher Teil wird an Hetzner gesendet.</translation>
    </message>
    <message>
        <source>Use an existing &amp;key file</source>
        <translation>Vorhandene &amp;Schlüsseldatei verwenden</translation>
    </message>
    <message>
        <source>Use a key from the running ssh-&amp;agent</source>
        <translation>Schlüssel aus dem laufenden ssh-&amp;agent verwenden</translation>
    </message>
    <message>
        <source>&amp;Generate a new ed25519 key</source>
        <translation>Neuen ed25519-Schlüssel &amp;erzeugen</translation>
    </message>
    <message>
        <source>Key files &amp;found in your SSH folder:</source>
        <translation>&amp;Gefundene Schlüsseldateien in Ihrem SSH-Ordner:</translation>
    </message>
    <message>
        <source>Private keys named id_* in your SSH folder, with their type and fingerprint.</source>
        <translation>Private Schlüssel namens id_* in Ihrem SSH-Ordner, mit Typ und Fingerabdruck.</translation>
    </message>
    <message>
        <source>Key f&amp;ile:</source>
        <translation>Schlüssel&amp;datei:</translation>
    </message>
    <message>
        <source>The private key file (not the .pub file). Type its path and press Enter, or use Browse.</source>
        <translation>Die private Schlüsseldatei (nicht die .pub-Datei). Geben Sie ihren Pfad ein und drücken Sie die Eingabetaste, oder verwenden Sie „Durchsuchen“.</translation>
    </message>
    <message>
        <source>~/.ssh/id_ed25519</source>
        <translation>~/.ssh/id_ed25519</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>D&amp;urchsuchen …</translation>
    </message>
    <message>
        <source>Choose a private key file anywhere on this computer.</source>
        <translation>Eine private Schlüsseldatei irgendwo auf diesem Computer wählen.</translation>
    </message>
    <message>
        <source>Keys &amp;held by the agent:</source>
        <translation>&amp;Vom Agenten gehaltene Schlüssel:</translation>
    </message>
    <message>
        <source>The keys the running ssh-agent holds, with their comment, type and fingerprint. The private key stays in the agent.</source>
        <translation>Die Schlüssel des laufenden ssh-agent, mit Kommentar, Typ und Fingerabdruck. Der private Schlüssel bleibt im Agenten.</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>Speichern u&amp;nter:</translation>
    </message>
    <message>
        <source>Where the new private key is saved, readable only by you; the public key goes next to it with .pub added. An existing file is never replaced.</source>
        <translation>Wo der neue private Schlüssel gespeichert wird, nur für Sie lesbar; der öffentliche Schlüssel kommt mit der Endung .pub daneben. Eine vorhandene Datei wird nie ersetzt.</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>Durchsuc&amp;hen …</translation>
    </message>
    <message>
        <source>Choose the folder and file name for the new key.</source>
        <translation>Ordner und Dateinamen für den neuen Schlüssel wählen.</translation>
    </message>
    <message>
        <source>&amp;Passphrase (optional):</source>
        <translation>&amp;Passphrase (optional):</translation>
    </message>
    <message>
        <source>Protects the key file if someone copies it. You will be asked for it when Jitsi Deployer logs in to your servers. Leave empty for no passphrase.</source>
        <translation>Schützt die Schlüsseldatei, falls jemand sie kopiert. Sie werden danach gefragt, wenn Jitsi Deployer sich an Ihren Servern anmeldet. Leer lassen für keine Passphrase.</translation>
    </message>
    <message>
        <source>Repea&amp;t passphrase:</source>
        <translation>Passphrase &amp;wiederholen:</translation>
    </message>
    <message>
        <source>The same passphrase again, so a typing mistake cannot lock you out.</source>
        <translation>Dieselbe Passphrase noch einmal, damit ein Tippfehler Sie nicht aussperrt.</translation>
    </message>
    <message>
        <source>Generate &amp;now</source>
        <translation>&amp;Jetzt erzeugen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>E&amp;rneut versuchen</translation>
    </message>
    <message>
        <source>Refresh &amp;list</source>
        <translation>&amp;Liste aktualisieren</translation>
    </message>
    <message>
        <source>Look for key files and agent keys again.</source>
        <translation>Erneut nach Schlüsseldateien und Agenten-Schlüsseln suchen.</translation>
    </message>
    <message>
        <source>Use an existing key file</source>
        <translation>Vorhandene Schlüsseldatei verwenden</translation>
    </message>
    <message>
        <source>Use a key from the ssh-agent</source>
        <translation>Schlüssel aus dem ssh-agent verwenden</translation>
    </message>
    <message>
        <source>Generate a new key</source>
        <translation>Neuen Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>Key files found</source>
        <translation>Gefundene Schlüsseldateien</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>Browse for a key file</source>
        <translation>Nach einer Schlüsseldatei suchen</translation>
    </message>
    <message>
        <source>Keys held by the agent</source>
        <translation>Vom Agenten gehaltene Schlüssel</translation>
    </message>
    <message>
        <source>Save the new key as</source>
        <translation>Neuen Schlüssel speichern unter</translation>
    </message>
    <message>
        <source>Browse for where to save the new key</source>
        <translation>Speicherort für den neuen Schlüssel suchen</translation>
    </message>
    <message>
        <source>Passphrase for the new key</source>
        <translation>Passphrase für den neuen Schlüssel</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Generate the new key</source>
        <translation>Neuen Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Refresh the key lists</source>
        <translation>Schlüssellisten aktualisieren</translation>
    </message>
    <message>
        <source>SSH key passphrase</source>
        <translation>Passphrase des SSH-Schlüssels</translation>
    </message>
    <message>
        <source>The SSH key %1 is protected by a passphrase. Enter it to use this key; it is kept in memory until you close the window, never saved.</source>
        <translation>Der SSH-Schlüssel %1 ist durch eine Passphrase geschützt. Geben Sie sie ein, um diesen Schlüssel zu verwenden; sie bleibt im Arbeitsspeicher, bis Sie das Fenster schließen, und wird nie gespeichert.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Choose a private SSH key</source>
        <translation>Privaten SSH-Schlüssel wählen</translation>
    </message>
    <message>
        <source>Save the new SSH key as</source>
        <translation>Neuen SSH-Schlüssel speichern unter</translation>
    </message>
</context>
<context>
    <name>SshPublicKey</name>
    <message>
        <source>This is not a valid SSH public key. Copy the whole line of the .pub file, starting with &quot;ssh-ed25519&quot;, &quot;ecdsa-sha2-&quot; or &quot;ssh-rsa&quot;.</source>
        <translation>Das ist kein gültiger öffentlicher SSH-Schlüssel. Kopieren Sie die ganze Zeile der .pub-Datei, die mit „ssh-ed25519“, „ecdsa-sha2-“ oder „ssh-rsa“ beginnt.</translation>
    </message>
    <message>
        <source>This SSH public key is damaged: its key data is not valid base64. Copy the line again from the .pub file.</source>
        <translation>Dieser öffentliche SSH-Schlüssel ist beschädigt: Seine Schlüsseldaten sind kein gültiges base64. Kopieren Sie die Zeile erneut aus der .pub-Datei.</translation>
    </message>
    <message>
        <source>This SSH public key is damaged: it says &quot;%1&quot; but contains a &quot;%2&quot; key. Copy the line again from the .pub file.</source>
        <translation>Dieser öffentliche SSH-Schlüssel ist beschädigt: Er ist als „%1“ angegeben, enthält aber einen Schlüssel vom Typ „%2“. Kopieren Sie die Zeile erneut aus der .pub-Datei.</translation>
    </message>
</context>
<context>
    <name>SshWorker</name>
    <message>
        <source>a new channel</source>
        <translation>einen neuen Kanal</translation>
    </message>
    <message>
        <source>a new session channel</source>
        <translation>einen neuen Sitzungskanal</translation>
    </message>
    <message>
        <source>running a command</source>
        <translation>das Ausführen eines Befehls</translation>
    </message>
    <message>
        <source>following the file</source>
        <translation>das Mitlesen der Datei</translation>
    </message>
    <message>
        <source>file transfer (SFTP)</source>
        <translation>die Dateiübertragung (SFTP)</translation>
    </message>
    <message>
        <source>write</source>
        <translation>geschrieben</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>writing a command&apos;s input</source>
        <translation>beim Schreiben der Eingabe eines Befehls</translation>
    </message>
</context>
<context>
    <name>StartController</name>
    <message>
        <source>The deployments in the project could not be read: %1</source>
        <translation>Die Installationen im Projekt konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This deployment was started on another computer, and the e-mail address for its certificate and its servers&apos; pinned host keys are kept there. Resume it on that computer, or destroy it here and deploy again.</source>
        <translation>Diese Installation wurde auf einem anderen Computer begonnen; die E-Mail-Adresse für ihr Zertifikat und die festgelegten Host-Schlüssel ihrer Server liegen dort. Setzen Sie sie auf jenem Computer fort, oder löschen Sie sie hier und installieren Sie neu.</translation>
    </message>
    <message>
        <source>%1/month</source>
        <translation>%1/Monat</translation>
    </message>
    <message>
        <source>no web server</source>
        <translation>kein Webserver</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>unbekannt (%1)</translation>
    </message>
    <message>
        <source>1 bridge</source>
        <translation>1 Bridge</translation>
    </message>
    <message>
        <source>%1 bridges</source>
        <translation>%1 Bridges</translation>
    </message>
    <message>
        <source>web server + %1</source>
        <translation>Webserver + %1</translation>
    </message>
    <message>
        <source>no web server, %1</source>
        <translation>kein Webserver, %1</translation>
    </message>
    <message>
        <source>Interrupted: a run created servers and did not finish setting them up. Resume it.</source>
        <translation>Unterbrochen: Ein Lauf hat Server erstellt und ihre Einrichtung nicht abgeschlossen. Setzen Sie ihn fort.</translation>
    </message>
    <message>
        <source>not running: %1</source>
        <translation>läuft nicht: %1</translation>
    </message>
    <message>
        <source>it has no web server</source>
        <translation>sie hat keinen Webserver</translation>
    </message>
    <message>
        <source>Degraded: %1</source>
        <translation>Beeinträchtigt: %1</translation>
    </message>
    <message>
        <source>Healthy: every server is running</source>
        <translation>In Ordnung: alle Server laufen</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Your deployments</source>
        <translation>Ihre Installationen</translation>
    </message>
    <message>
        <source>The Jitsi deployments in this Hetzner project. Manage one, resume one whose run was interrupted, or start a new one.</source>
        <translation>Die Jitsi-Installationen in diesem Hetzner-Projekt. Verwalten Sie eine, setzen Sie eine unterbrochene fort oder beginnen Sie eine neue.</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Deployments:</source>
        <translation>&amp;Installationen:</translation>
    </message>
    <message>
        <source>Deployments in the project</source>
        <translation>Installationen im Projekt</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Monthly cost</source>
        <translation>Monatliche Kosten</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>&amp;Manage the selected deployment</source>
        <translation>Ausgewählte Installation &amp;verwalten</translation>
    </message>
    <message>
        <source>&amp;Resume the selected deployment&apos;s interrupted run</source>
        <translation>Unterbrochenen Lauf der ausgewählten Installation &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;New deployment</source>
        <translation>&amp;Neue Installation</translation>
    </message>
    <message>
        <source>Looking for deployments in the project…</source>
        <translation>Installationen im Projekt werden gesucht…</translation>
    </message>
    <message>
        <source>The project has no deployment yet.</source>
        <translation>Das Projekt hat noch keine Installation.</translation>
    </message>
    <message>
        <source>Deployments found: %1.</source>
        <translation>Gefundene Installationen: %1.</translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message>
        <source>There is no deployment &quot;%1&quot;: this project has no deployments.</source>
        <translation>Es gibt keine Installation „%1“: Dieses Projekt hat keine Installationen.</translation>
    </message>
    <message>
        <source>There is no deployment &quot;%1&quot; in this project. It has: %2. Pass one of these (or its domain) to --deployment.</source>
        <translation>In diesem Projekt gibt es keine Installation „%1“. Vorhanden sind: %2. Geben Sie eine davon (oder ihre Domain) bei --deployment an.</translation>
    </message>
    <message>
        <source>No deployments in this project.</source>
        <translation>Keine Installationen in diesem Projekt.</translation>
    </message>
    <message>
        <source>Deployment %1 (domain unknown)</source>
        <translation>Installation %1 (Domain unbekannt)</translation>
    </message>
    <message>
        <source>Deployment %1 (%2)</source>
        <translation>Installation %1 (%2)</translation>
    </message>
    <message>
        <source>web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>bridge %1</source>
        <translation>Bridge %1</translation>
    </message>
    <message>
        <source>bridge ?</source>
        <translation>Bridge ?</translation>
    </message>
    <message>
        <source>  no servers</source>
        <translation>  keine Server</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>LOCATION</source>
        <translation>STANDORT</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <source>PUBLIC IPV4</source>
        <translation>ÖFFENTLICHE IPV4</translation>
    </message>
    <message>
        <source>PRIVATE IP</source>
        <translation>PRIVATE IP</translation>
    </message>
    <message>
        <source>Network: %1</source>
        <translation>Netzwerk: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>Firewalls: %1</source>
        <translation>Firewalls: %1</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Probleme:</translation>
    </message>
    <message>
        <source>Managed resources outside any deployment:</source>
        <translation>Verwaltete Ressourcen außerhalb jeder Installation:</translation>
    </message>
    <message>
        <source>Secrets on this computer: %1.</source>
        <translation>Geheimnisse auf diesem Computer: %1.</translation>
    </message>
    <message>
        <source>Log of the last run on this computer: %1</source>
        <translation>Protokoll des letzten Laufs auf diesem Computer: %1</translation>
    </message>
    <message>
        <source>  interrupted — run deploy again to resume</source>
        <translation>  unterbrochen — deploy erneut ausführen, um fortzusetzen</translation>
    </message>
    <message>
        <source>Health: not read: %1</source>
        <translation>Zustand: nicht gelesen: %1</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>Health (read %1 UTC): %2</source>
        <translation>Zustand (gelesen %1 UTC): %2</translation>
    </message>
    <message>
        <source>  web %1: jicofo sees %2 bridge(s), %3 operational</source>
        <translation>  Web %1: jicofo sieht %2 Bridge(s), %3 betriebsbereit</translation>
    </message>
    <message>
        <source>  web %1: jicofo does not answer</source>
        <translation>  Web %1: jicofo antwortet nicht</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>not in jicofo</source>
        <translation>nicht in jicofo</translation>
    </message>
    <message>
        <source>in jicofo: %1%2, stress %3</source>
        <translation>in jicofo: %1%2, Last %3</translation>
    </message>
    <message>
        <source>operational</source>
        <translation>betriebsbereit</translation>
    </message>
    <message>
        <source>not operational</source>
        <translation>nicht betriebsbereit</translation>
    </message>
    <message>
        <source>, draining</source>
        <translation>, wird geleert</translation>
    </message>
    <message>
        <source>health OK</source>
        <translation>Zustandsprüfung OK</translation>
    </message>
    <message>
        <source>health failing</source>
        <translation>Zustandsprüfung schlägt fehl</translation>
    </message>
    <message>
        <source>%1 conference(s), %2 participant(s)</source>
        <translation>%1 Konferenz(en), %2 Teilnehmende</translation>
    </message>
    <message>
        <source>  bridge %1: %2</source>
        <translation>  Bridge %1: %2</translation>
    </message>
    <message>
        <source>  jicofo also lists a bridge that is not part of this deployment: %1</source>
        <translation>  jicofo führt außerdem eine Bridge, die nicht zu diesem Deployment gehört: %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Lost the install log of %1.</source>
        <translation>Das Mitlesen des Installationsprotokolls von %1 ist abgebrochen.</translation>
    </message>
    <message>
        <source>see its install log above.</source>
        <translation>siehe sein Installationsprotokoll weiter oben.</translation>
    </message>
    <message>
        <source>the connection broke (%1); reconnecting</source>
        <translation>die Verbindung ist abgebrochen (%1); verbinde neu</translation>
    </message>
    <message>
        <source>%1 on %2 did not finish in time. The install keeps running on the server; follow it again from here, or look at /var/log/jitsi-deployer/provision.log there.</source>
        <translation>%1 auf %2 ist nicht rechtzeitig fertig geworden. Die Installation läuft auf dem Server weiter; verfolgen Sie sie von hier aus erneut, oder sehen Sie sich dort /var/log/jitsi-deployer/provision.log an.</translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; failed on %2: %3 Fix the cause first.</source>
        <translation>Der Schritt „%1“ ist auf %2 fehlgeschlagen: %3 Beheben Sie zuerst die Ursache.</translation>
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
        <translation>Dieses Token darf nur lesen. Jitsi Deployer legt Server an und braucht deshalb ein Token mit der Berechtigung „Lesen &amp; Schreiben“: Erstellen Sie eines in der Hetzner Console unter Sicherheit → API-Tokens und fügen Sie es hier ein.</translation>
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
    <name>UserDataRenderer</name>
    <message>
        <source>The deployer&apos;s SSH public key is missing or spans several lines. Select a single OpenSSH public key.</source>
        <translation>Der öffentliche SSH-Schlüssel für Jitsi Deployer fehlt oder erstreckt sich über mehrere Zeilen. Wählen Sie einen einzelnen öffentlichen OpenSSH-Schlüssel.</translation>
    </message>
    <message>
        <source>The SSH host key for %1 is missing or malformed. Start the deployment again so that a new key pair is generated.</source>
        <translation>Der SSH-Host-Schlüssel für %1 fehlt oder ist fehlerhaft. Starten Sie die Installation erneut, damit ein neues Schlüsselpaar erzeugt wird.</translation>
    </message>
    <message>
        <source>The server&apos;s cloud-init user-data is %1 bytes, more than the %2 bytes Hetzner Cloud accepts. Use a shorter SSH public key.</source>
        <translation>Die cloud-init-user-data des Servers sind %1 Bytes groß, mehr als die %2 Bytes, die Hetzner Cloud annimmt. Verwenden Sie einen kürzeren öffentlichen SSH-Schlüssel.</translation>
    </message>
    <message>
        <source>The image &quot;%1&quot; is not supported. Choose debian-13, debian-12 or ubuntu-24.04.</source>
        <translation>Das Image „%1“ wird nicht unterstützt. Wählen Sie debian-13, debian-12 oder ubuntu-24.04.</translation>
    </message>
</context>
<context>
    <name>VerifiedController</name>
    <message>
        <source>%1 line %2</source>
        <translation>%1 Zeile %2</translation>
    </message>
    <message>
        <source>The deployment is still running.</source>
        <translation>Die Einrichtung läuft noch.</translation>
    </message>
    <message>
        <source>The deployment has not been verified yet.</source>
        <translation>Die Einrichtung wurde noch nicht geprüft.</translation>
    </message>
    <message>
        <source>The deployment was not verified: %1</source>
        <translation>Die Einrichtung wurde nicht geprüft: %1</translation>
    </message>
    <message>
        <source>Logged in as %1, disconnected since</source>
        <translation>Als %1 angemeldet, seitdem getrennt</translation>
    </message>
    <message>
        <source>No live login as %1</source>
        <translation>Keine bestehende Anmeldung als %1</translation>
    </message>
    <message>
        <source>Counted among the live logins as %1 (listed below)</source>
        <translation>Unter den bestehenden Anmeldungen als %1 gezählt (unten aufgeführt)</translation>
    </message>
    <message>
        <source>Not confirmed: prosody.log does not say which bridge each login came from</source>
        <translation>Nicht bestätigt: prosody.log sagt nicht, von welcher Bridge eine Anmeldung kam</translation>
    </message>
    <message>
        <source>Operational in jicofo</source>
        <translation>In jicofo betriebsbereit</translation>
    </message>
    <message>
        <source>Added by jicofo, not operational now</source>
        <translation>Von jicofo aufgenommen, jetzt nicht betriebsbereit</translation>
    </message>
    <message>
        <source>Not in jicofo&apos;s bridge list</source>
        <translation>Nicht in der Bridge-Liste von jicofo</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Nicht gesund</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Operational bridges in jicofo&apos;s statistics (127.0.0.1:8888/stats): %1</source>
        <translation>Betriebsbereite Bridges laut Statistik von jicofo (127.0.0.1:8888/stats): %1</translation>
    </message>
    <message>
        <source>Every bridge works (%1 of %1): each is logged in to prosody, operational in jicofo and healthy.</source>
        <translation>Jede Bridge funktioniert (%1 von %1): Jede ist bei prosody angemeldet, in jicofo betriebsbereit und gesund.</translation>
    </message>
    <message>
        <source>Not every bridge works: %1 of %2 failed (%3).</source>
        <translation>Nicht jede Bridge funktioniert: %1 von %2 fehlerhaft (%3).</translation>
    </message>
    <message>
        <source>The bridges look fine on their own, but the deployment as a whole is not verified (see below).</source>
        <translation>Die Bridges wirken einzeln in Ordnung, aber die Installation als Ganzes ist nicht bestätigt (siehe unten).</translation>
    </message>
    <message>
        <source>Wrong jvb secret</source>
        <translation>Falsches jvb-Passwort</translation>
    </message>
    <message>
        <source>Duplicate bridge nickname</source>
        <translation>Doppelter Bridge-Spitzname</translation>
    </message>
    <message>
        <source>Cannot reach the web host on port 5222</source>
        <translation>Webserver auf Port 5222 nicht erreichbar</translation>
    </message>
    <message>
        <source>The web host&apos;s certificate was rejected</source>
        <translation>Zertifikat des Webservers abgelehnt</translation>
    </message>
    <message>
        <source>Disconnected from prosody</source>
        <translation>Von prosody getrennt</translation>
    </message>
    <message>
        <source>No login in prosody</source>
        <translation>Keine Anmeldung bei prosody</translation>
    </message>
    <message>
        <source>More bridge logins than bridges</source>
        <translation>Mehr Bridge-Anmeldungen als Bridges</translation>
    </message>
    <message>
        <source>Not added by jicofo</source>
        <translation>Von jicofo nicht aufgenommen</translation>
    </message>
    <message>
        <source>Removed by jicofo</source>
        <translation>Von jicofo entfernt</translation>
    </message>
    <message>
        <source>Jicofo counts a different number of bridges</source>
        <translation>Jicofo zählt eine andere Anzahl Bridges</translation>
    </message>
    <message>
        <source>Jicofo&apos;s statistics unavailable</source>
        <translation>Statistik von jicofo nicht verfügbar</translation>
    </message>
    <message>
        <source>Health check failed</source>
        <translation>Gesundheitsprüfung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Health check not answering</source>
        <translation>Gesundheitsprüfung antwortet nicht</translation>
    </message>
    <message>
        <source>Not in the bridge room yet</source>
        <translation>Noch nicht im Bridge-Raum</translation>
    </message>
    <message>
        <source>The bridge&apos;s log is empty</source>
        <translation>Protokoll der Bridge ist leer</translation>
    </message>
    <message>
        <source>Prosody&apos;s log is empty</source>
        <translation>Protokoll von prosody ist leer</translation>
    </message>
    <message>
        <source>Jicofo&apos;s log is empty</source>
        <translation>Protokoll von jicofo ist leer</translation>
    </message>
    <message>
        <source>Live session as %1 (its login line was rotated away)</source>
        <translation>Live-Sitzung als %1 (ihre Anmeldezeile wurde wegrotiert)</translation>
    </message>
    <message>
        <source>Not operational in jicofo</source>
        <translation>In jicofo nicht betriebsbereit</translation>
    </message>
</context>
<context>
    <name>VerifiedPage</name>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>What the deployment&apos;s own logs and health checks say about every bridge.</source>
        <translation>Was die Protokolle und Gesundheitsprüfungen der Installation über jede Bridge sagen.</translation>
    </message>
    <message>
        <source>Verification summary</source>
        <translation>Ergebnis der Prüfung</translation>
    </message>
    <message>
        <source>Bridge logins in prosody.log</source>
        <translation>Bridge-Anmeldungen in prosody.log</translation>
    </message>
    <message>
        <source>Problems of the deployment</source>
        <translation>Probleme der Installation</translation>
    </message>
    <message>
        <source>Meeting link</source>
        <translation>Link zur Konferenz</translation>
    </message>
    <message>
        <source>&amp;Open meeting</source>
        <translation>Konferenz ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the meeting in the browser</source>
        <translation>Konferenz im Browser öffnen</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>Link &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the meeting link</source>
        <translation>Link zur Konferenz kopieren</translation>
    </message>
    <message>
        <source>Open the &amp;log</source>
        <translation>&amp;Protokoll öffnen</translation>
    </message>
    <message>
        <source>Open the deployment&apos;s log</source>
        <translation>Protokoll der Einrichtung öffnen</translation>
    </message>
    <message>
        <source>Every step of this deployment, in the viewer your desktop uses for text files.</source>
        <translation>Jeder Schritt dieser Einrichtung, im Programm, das Ihr Desktop für Textdateien verwendet.</translation>
    </message>
    <message>
        <source>Show the &amp;plan</source>
        <translation>P&amp;lan anzeigen</translation>
    </message>
    <message>
        <source>Show the saved plan</source>
        <translation>Gespeicherten Plan anzeigen</translation>
    </message>
    <message>
        <source>The plan this deployment was made from, as the command line tool reads it.</source>
        <translation>Der Plan, nach dem diese Installation erstellt wurde, so wie ihn das Kommandozeilenwerkzeug liest.</translation>
    </message>
    <message>
        <source>The meeting link %1 was copied.</source>
        <translation>Der Link zur Konferenz %1 wurde kopiert.</translation>
    </message>
    <message>
        <source>works</source>
        <translation>funktioniert</translation>
    </message>
    <message>
        <source>does not work</source>
        <translation>funktioniert nicht</translation>
    </message>
    <message>
        <source>Prosody:</source>
        <translation>Prosody:</translation>
    </message>
    <message>
        <source>Jicofo:</source>
        <translation>Jicofo:</translation>
    </message>
    <message>
        <source>Health:</source>
        <translation>Gesundheit:</translation>
    </message>
    <message>
        <source>What failed on %1</source>
        <translation>Was auf %1 fehlschlug</translation>
    </message>
    <message>
        <source>Log lines showing it</source>
        <translation>Protokollzeilen, die es zeigen</translation>
    </message>
    <message>
        <source>Live bridge logins in prosody.log:</source>
        <translation>Bestehende Bridge-Anmeldungen in prosody.log:</translation>
    </message>
    <message>
        <source>Meeting link: %1</source>
        <translation>Link zur Konferenz: %1</translation>
    </message>
    <message>
        <source>Deployment plan</source>
        <translation>Plan der Installation</translation>
    </message>
    <message>
        <source>The plan this deployment was made from (not saved to a file):</source>
        <translation>Der Plan, nach dem diese Installation erstellt wurde (nicht als Datei gespeichert):</translation>
    </message>
    <message>
        <source>The plan, saved as %1:</source>
        <translation>Der Plan, gespeichert als %1:</translation>
    </message>
    <message>
        <source>&amp;Test a meeting…</source>
        <translation>Besprechung &amp;testen…</translation>
    </message>
    <message>
        <source>Test a meeting</source>
        <translation>Besprechung testen</translation>
    </message>
    <message>
        <source>A fresh room, and each bridge&apos;s figures while people are in it.</source>
        <translation>Ein neuer Raum und die Werte jeder Bridge, solange Leute darin sind.</translation>
    </message>
</context>
<context>
    <name>Verifier</name>
    <message>
        <source>The bridge&apos;s log /var/log/jitsi/jvb.log is empty or was just rotated, so there is no evidence that it connected. Check that jitsi-videobridge2 is running (systemctl status jitsi-videobridge2), then verify again.</source>
        <translation>Das Protokoll der Bridge /var/log/jitsi/jvb.log ist leer oder wurde gerade rotiert, daher gibt es keinen Beleg, dass sie sich verbunden hat. Prüfen Sie, ob jitsi-videobridge2 läuft (systemctl status jitsi-videobridge2), und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>The bridge cannot connect to the web host on port 5222. Check that the web host&apos;s firewall allows 5222/tcp from this bridge&apos;s address and that prosody is running.</source>
        <translation>Die Bridge kann keine Verbindung zum Webserver auf Port 5222 herstellen. Prüfen Sie, ob die Firewall des Webservers 5222/tcp von der Adresse dieser Bridge zulässt und ob prosody läuft.</translation>
    </message>
    <message>
        <source>The bridge rejected the web host&apos;s TLS certificate for auth.%1. Copy prosody&apos;s certificate to the bridge (re-provision it), or explicitly allow disabling certificate verification in the plan.</source>
        <translation>Die Bridge hat das TLS-Zertifikat des Webservers für auth.%1 abgelehnt. Kopieren Sie das Zertifikat von prosody auf die Bridge (richten Sie sie neu ein), oder erlauben Sie im Plan ausdrücklich, die Zertifikatsprüfung abzuschalten.</translation>
    </message>
    <message>
        <source>The bridge has not joined the bridge room (no &quot;Joined MUC&quot; in its log since it last started). Wait a minute and verify again; if it persists, check /var/log/jitsi/jvb.log on the bridge.</source>
        <translation>Die Bridge ist dem Bridge-Raum nicht beigetreten (kein „Joined MUC“ in ihrem Protokoll seit dem letzten Start). Warten Sie eine Minute und prüfen Sie erneut; wenn das Problem bleibt, sehen Sie sich /var/log/jitsi/jvb.log auf der Bridge an.</translation>
    </message>
    <message>
        <source>The bridge logged in to prosody but was disconnected since. Check the bridge&apos;s network and that jitsi-videobridge2 is running, then verify again.</source>
        <translation>Die Bridge hat sich bei prosody angemeldet, wurde seitdem aber getrennt. Prüfen Sie das Netzwerk der Bridge und ob jitsi-videobridge2 läuft, und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>Prosody on the web host shows no login from this bridge (%1). Check that the web host&apos;s firewall allows 5222/tcp from it and that the bridge points at the web host.</source>
        <translation>Prosody auf dem Webserver zeigt keine Anmeldung dieser Bridge (%1). Prüfen Sie, ob die Firewall des Webservers 5222/tcp von ihr zulässt und ob die Bridge auf den Webserver verweist.</translation>
    </message>
    <message>
        <source>Jicofo has not added the bridge &quot;%1&quot; (no &quot;Added new videobridge&quot; in jicofo.log). Conferences will not use it until it joins the bridge room; see the bridge&apos;s own problems above, or restart jitsi-videobridge2 on it.</source>
        <translation>Jicofo hat die Bridge „%1“ nicht aufgenommen (kein „Added new videobridge“ in jicofo.log). Konferenzen nutzen sie erst, wenn sie dem Bridge-Raum beitritt; sehen Sie sich die Probleme der Bridge selbst weiter oben an oder starten Sie jitsi-videobridge2 auf ihr neu.</translation>
    </message>
    <message>
        <source>Jicofo added the bridge &quot;%1&quot; but removed it since. Check that jitsi-videobridge2 is still running on it and that its connection to the web host is stable.</source>
        <translation>Jicofo hat die Bridge „%1“ aufgenommen, seitdem aber wieder entfernt. Prüfen Sie, ob jitsi-videobridge2 auf ihr noch läuft und ob ihre Verbindung zum Webserver stabil ist.</translation>
    </message>
    <message>
        <source>The bridge reports itself unhealthy (HTTP %1 from its health check). Restart jitsi-videobridge2 on it and check /var/log/jitsi/jvb.log.</source>
        <translation>Die Bridge meldet sich selbst als nicht funktionsfähig (HTTP %1 von ihrem Health-Check). Starten Sie jitsi-videobridge2 auf ihr neu und sehen Sie sich /var/log/jitsi/jvb.log an.</translation>
    </message>
    <message>
        <source>The bridge&apos;s health check on 127.0.0.1:8080 did not answer. Check that jitsi-videobridge2 is running on it (systemctl status jitsi-videobridge2).</source>
        <translation>Der Health-Check der Bridge auf 127.0.0.1:8080 hat nicht geantwortet. Prüfen Sie, ob jitsi-videobridge2 auf ihr läuft (systemctl status jitsi-videobridge2).</translation>
    </message>
    <message>
        <source>The web host&apos;s /var/log/prosody/prosody.log is empty or was just rotated, so no bridge login can be confirmed. Verify again in a minute; if it stays empty, check that prosody is running.</source>
        <translation>Die Datei /var/log/prosody/prosody.log des Webservers ist leer oder wurde gerade rotiert, daher lässt sich keine Anmeldung einer Bridge bestätigen. Prüfen Sie in einer Minute erneut; wenn sie leer bleibt, prüfen Sie, ob prosody läuft.</translation>
    </message>
    <message>
        <source>Prosody has %1 live bridge logins but the deployment has %2 bridges: a bridge that is not part of this deployment, or a leftover one, uses the jvb account. Remove it or change the jvb secret.</source>
        <translation>Prosody zählt %1 aktive Bridge-Anmeldungen, die Installation hat aber %2 Bridges: Eine Bridge, die nicht zu dieser Installation gehört, oder eine übrig gebliebene nutzt das Konto jvb. Entfernen Sie sie oder ändern Sie das jvb-Geheimnis.</translation>
    </message>
    <message>
        <source>Prosody has %1 live bridge logins for %2 bridges. Check that the web host&apos;s firewall allows 5222/tcp from every bridge, then verify again.</source>
        <translation>Prosody zählt %1 aktive Bridge-Anmeldungen für %2 Bridges. Prüfen Sie, ob die Firewall des Webservers 5222/tcp von jeder Bridge zulässt, und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>The web host&apos;s /var/log/jitsi/jicofo.log is empty or was just rotated, so no bridge can be confirmed. Verify again in a minute; if it stays empty, check that jicofo is running.</source>
        <translation>Die Datei /var/log/jitsi/jicofo.log des Webservers ist leer oder wurde gerade rotiert, daher lässt sich keine Bridge bestätigen. Prüfen Sie in einer Minute erneut; wenn sie leer bleibt, prüfen Sie, ob jicofo läuft.</translation>
    </message>
    <message>
        <source>Jicofo&apos;s statistics on 127.0.0.1:8888/stats gave no bridge count. Check that jicofo is running on the web host (systemctl status jicofo), then verify again.</source>
        <translation>Die Statistik von Jicofo unter 127.0.0.1:8888/stats enthielt keine Anzahl von Bridges. Prüfen Sie, ob jicofo auf dem Webserver läuft (systemctl status jicofo), und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>Jicofo counts %1 working bridges, but the deployment has %2. See the bridges&apos; problems; if none is named, restart jicofo on the web host and verify again.</source>
        <translation>Jicofo zählt %1 funktionierende Bridges, die Installation hat aber %2. Sehen Sie sich die Probleme der Bridges an; wenn keines genannt ist, starten Sie jicofo auf dem Webserver neu und prüfen Sie erneut.</translation>
    </message>
    <message>
        <source>Prosody has %1 live bridge logins for %2 bridges; the bridges that are not logged in name their cause.</source>
        <translation>Prosody zählt %1 aktive Bridge-Anmeldungen für %2 Bridges; die nicht angemeldeten Bridges nennen ihre Ursache.</translation>
    </message>
    <message>
        <source>The bridge has not joined the bridge room (its /metrics show jitsi_jvb_mucs_joined 0). Wait a minute and verify again; if it persists, check /var/log/jitsi/jvb.log on the bridge.</source>
        <translation>Die Bridge ist dem Bridge-Raum nicht beigetreten (ihre /metrics zeigen jitsi_jvb_mucs_joined 0). Warten Sie eine Minute und prüfen Sie erneut; bleibt es so, prüfen Sie /var/log/jitsi/jvb.log auf der Bridge.</translation>
    </message>
    <message>
        <source>prosody login line at %1 (%2)</source>
        <translation>Prosody-Anmeldezeile um %1 (%2)</translation>
    </message>
    <message>
        <source>live prosody session %1 from %2, login line rotated away</source>
        <translation>Live-Prosody-Sitzung %1 von %2, Anmeldezeile wegrotiert</translation>
    </message>
    <message>
        <source>Prosody on the web host has no live login as %1 from this bridge (%2). Check that the web host&apos;s firewall allows 5222/tcp from it and that the bridge points at the web host.</source>
        <translation>Prosody auf dem Web-Host hat keine aktive Anmeldung als %1 von dieser Bridge (%2). Prüfen Sie, ob die Firewall des Web-Hosts 5222/tcp von ihr zulässt und ob die Bridge auf den Web-Host zeigt.</translation>
    </message>
    <message>
        <source>prosody login line at %1 (prosody.log)</source>
        <translation>Prosody-Anmeldezeile um %1 (prosody.log)</translation>
    </message>
    <message>
        <source>Jicofo&apos;s bridge view (127.0.0.1:8888/debug) does not list the bridge &quot;%1&quot;. Conferences will not use it until it joins the bridge room; see the bridge&apos;s own problems above, or restart jitsi-videobridge2 on it.</source>
        <translation>Die Bridge-Sicht von jicofo (127.0.0.1:8888/debug) führt die Bridge „%1“ nicht. Konferenzen nutzen sie erst, wenn sie dem Bridge-Raum beitritt; siehe die Probleme der Bridge oben, oder starten Sie jitsi-videobridge2 darauf neu.</translation>
    </message>
    <message>
        <source>Jicofo lists the bridge &quot;%1&quot; but not as operational, so it gives it no conferences. Restart jitsi-videobridge2 on it and check its connection to the web host.</source>
        <translation>Jicofo führt die Bridge „%1“, aber nicht als betriebsbereit, und gibt ihr daher keine Konferenzen. Starten Sie jitsi-videobridge2 darauf neu und prüfen Sie ihre Verbindung zum Web-Host.</translation>
    </message>
    <message>
        <source>in jicofo&apos;s bridge view</source>
        <translation>in der Bridge-Sicht von jicofo</translation>
    </message>
    <message>
        <source>&quot;Added new videobridge&quot; in jicofo.log</source>
        <translation>„Added new videobridge“ in jicofo.log</translation>
    </message>
    <message>
        <source>joined the bridge room (its /metrics)</source>
        <translation>dem Bridge-Raum beigetreten (ihre /metrics)</translation>
    </message>
    <message>
        <source>health check HTTP 200</source>
        <translation>Zustandsprüfung HTTP 200</translation>
    </message>
    <message numerus="yes">
        <source>counted among %n live prosody login(s)</source>
        <translation>
            <numerusform>als eine von %n aktiven Prosody-Anmeldung gezählt</numerusform>
            <numerusform>als eine von %n aktiven Prosody-Anmeldungen gezählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Another bridge uses the same MUC nickname &quot;%1&quot;, so jicofo sees them as one bridge. Give each bridge its own MUC_NICKNAME in /etc/jitsi/videobridge/jvb.conf and restart jitsi-videobridge2, or remove the bridge and add a new one.</source>
        <translation>Eine andere Bridge verwendet denselben MUC-Spitznamen „%1“, daher sieht jicofo beide als eine Bridge. Geben Sie jeder Bridge ihren eigenen MUC_NICKNAME in /etc/jitsi/videobridge/jvb.conf und starten Sie jitsi-videobridge2 neu, oder entfernen Sie die Bridge und fügen Sie eine neue hinzu.</translation>
    </message>
    <message>
        <source>The bridge reached the web host but its login as jvb was refused: its password does not match the one prosody has. Set the same jvb secret on both hosts, or remove the bridge and add a new one (it gets the secret this computer keeps), then verify again.</source>
        <translation>Die Bridge hat den Webserver erreicht, aber ihre Anmeldung als jvb wurde abgelehnt: Ihr Passwort stimmt nicht mit dem von prosody überein. Setzen Sie auf beiden Servern dasselbe jvb-Geheimnis, oder entfernen Sie die Bridge und fügen Sie eine neue hinzu (sie erhält das Geheimnis, das dieser Computer aufbewahrt), und prüfen Sie dann erneut.</translation>
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
    <name>WizardAdvice</name>
    <message>
        <source>Press Retry to continue where it stopped: completed steps are not repeated.</source>
        <translation>Klicken Sie auf „Erneut versuchen“, um dort weiterzumachen, wo angehalten wurde; erledigte Schritte werden nicht wiederholt.</translation>
    </message>
    <message>
        <source>Once the records resolve, press Retry to get the Let&apos;s Encrypt certificate.</source>
        <translation>Sobald die Einträge aufgelöst werden, klicken Sie auf „Erneut versuchen“, um das Zertifikat von Let&apos;s Encrypt zu erhalten.</translation>
    </message>
    <message>
        <source>The Deployment page shows the deployments this project has.</source>
        <translation>Die Seite „Installation“ zeigt die Installationen dieses Projekts.</translation>
    </message>
    <message>
        <source>The deployment&apos;s Manage page removes a bridge (drained first).</source>
        <translation>Die Verwaltungsseite der Installation entfernt eine Bridge (nachdem sie ausgelaufen ist).</translation>
    </message>
    <message>
        <source>The deployment&apos;s Manage page removes %1 (drained first).</source>
        <translation>Die Verwaltungsseite der Installation entfernt %1 (nachdem sie ausgelaufen ist).</translation>
    </message>
    <message>
        <source>The Servers page offers only the types that can be ordered.</source>
        <translation>Die Seite „Server“ bietet nur Typen an, die bestellt werden können.</translation>
    </message>
    <message>
        <source>The Servers page offers only the types that can be ordered in %1.</source>
        <translation>Die Seite „Server“ bietet nur Typen an, die in %1 bestellt werden können.</translation>
    </message>
    <message>
        <source>&quot;Update Jitsi&quot; on the deployment&apos;s Manage page brings every host to the current version, one bridge at a time.</source>
        <translation>„Jitsi updaten“ auf der Verwaltungsseite der Installation bringt jeden Server auf die aktuelle Version, eine Bridge nach der anderen.</translation>
    </message>
    <message>
        <source>Press Retry when its meetings have ended; when asked again, you can choose to go on anyway.</source>
        <translation>Klicken Sie auf „Erneut versuchen“, wenn ihre Konferenzen beendet sind; bei der nächsten Nachfrage können Sie trotzdem fortfahren.</translation>
    </message>
</context>
<context>
    <name>WizardShell</name>
    <message>
        <source>Jitsi Deployer</source>
        <translation>Jitsi Deployer</translation>
    </message>
    <message>
        <source>SSH key passphrase</source>
        <translation>Passphrase des SSH-Schlüssels</translation>
    </message>
    <message>
        <source>The SSH key %1 is protected by a passphrase. Enter it so Jitsi Deployer can log in to your servers; it is kept in memory until you close the window, never saved.</source>
        <translation>Der SSH-Schlüssel %1 ist durch eine Passphrase geschützt. Geben Sie sie ein, damit sich Jitsi Deployer an Ihren Servern anmelden kann; sie bleibt nur im Speicher, bis Sie das Fenster schließen, und wird nie gespeichert.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Updating Jitsi</source>
        <translation>Jitsi wird aktualisiert</translation>
    </message>
</context>
<context>
    <name>WizardState</name>
    <message>
        <source>The deployment&apos;s health could not be read.</source>
        <translation>Der Zustand der Installation konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>hcloud</name>
    <message>
        <source>Hetzner Cloud reported an error this version does not know (“%1”). Try again; if it persists, check the Hetzner status page or update Jitsi Deployer.</source>
        <translation>Hetzner Cloud hat einen Fehler gemeldet, den diese Version nicht kennt („%1“). Versuchen Sie es erneut; wenn der Fehler bleibt, sehen Sie auf der Statusseite von Hetzner nach oder aktualisieren Sie Jitsi Deployer.</translation>
    </message>
    <message>
        <source>Hetzner Cloud could not read the request. This is a bug in Jitsi Deployer; please report it with the log.</source>
        <translation>Hetzner Cloud konnte die Anfrage nicht lesen. Das ist ein Fehler in Jitsi Deployer; bitte melden Sie ihn zusammen mit dem Protokoll.</translation>
    </message>
    <message>
        <source>Hetzner Cloud rejected the API token: it is wrong or was revoked. Create a new token in the Hetzner Console under Security → API tokens and enter it again.</source>
        <translation>Hetzner Cloud hat das API-Token abgelehnt: Es ist falsch oder wurde widerrufen. Erstellen Sie in der Hetzner Console unter Sicherheit → API-Tokens ein neues Token und geben Sie es erneut ein.</translation>
    </message>
    <message>
        <source>The API token is read-only. Create a token with Read &amp; Write permission in the Hetzner Console under Security → API tokens and enter it again.</source>
        <translation>Das API-Token darf nur lesen. Erstellen Sie in der Hetzner Console unter Sicherheit → API-Tokens ein Token mit der Berechtigung „Lesen &amp; Schreiben“ und geben Sie es erneut ein.</translation>
    </message>
    <message>
        <source>The API token is not allowed to do this. Use a Read &amp; Write token of the right project (Hetzner Console → Security → API tokens).</source>
        <translation>Das API-Token darf das nicht. Verwenden Sie ein Token mit „Lesen &amp; Schreiben“ aus dem richtigen Projekt (Hetzner Console → Sicherheit → API-Tokens).</translation>
    </message>
    <message>
        <source>Hetzner Cloud is under maintenance and blocked this request. Wait until the maintenance shown on the Hetzner status page is over, then try again.</source>
        <translation>Hetzner Cloud wird gerade gewartet und hat diese Anfrage blockiert. Warten Sie, bis die auf der Statusseite von Hetzner angezeigte Wartung vorbei ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The project has reached one of its limits (servers, IPs, …). Delete resources you no longer need or ask Hetzner to raise the limit (Hetzner Console → Limits), then try again.</source>
        <translation>Das Projekt hat eines seiner Limits erreicht (Server, IPs, …). Löschen Sie Ressourcen, die Sie nicht mehr brauchen, oder bitten Sie Hetzner, das Limit zu erhöhen (Hetzner Console → Limits), und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The resource does not exist in this project (any more). Check that the token belongs to the right project, or reload and try again.</source>
        <translation>Die Ressource existiert in diesem Projekt nicht (mehr). Prüfen Sie, ob das Token zum richtigen Projekt gehört, oder laden Sie neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Hetzner Cloud does not allow this request. This is a bug in Jitsi Deployer or it needs an update; please report it with the log.</source>
        <translation>Hetzner Cloud lässt diese Anfrage nicht zu. Das ist ein Fehler in Jitsi Deployer, oder das Programm muss aktualisiert werden; bitte melden Sie es zusammen mit dem Protokoll.</translation>
    </message>
    <message>
        <source>A resource with this name (or SSH key) already exists in the project. Pick another name or delete the existing one in the Hetzner Console.</source>
        <translation>Im Projekt gibt es bereits eine Ressource mit diesem Namen (oder diesem SSH-Schlüssel). Wählen Sie einen anderen Namen oder löschen Sie die vorhandene Ressource in der Hetzner Console.</translation>
    </message>
    <message>
        <source>The resource was changed by something else at the same time. Try again in a moment.</source>
        <translation>Die Ressource wurde gleichzeitig von anderer Stelle geändert. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Hetzner Cloud has removed a function this version uses. Update Jitsi Deployer.</source>
        <translation>Hetzner Cloud hat eine Funktion entfernt, die diese Version nutzt. Aktualisieren Sie Jitsi Deployer.</translation>
    </message>
    <message>
        <source>This server type is sold out in this location right now. Pick another location or server type, or try again later.</source>
        <translation>Dieser Servertyp ist an diesem Standort zurzeit ausverkauft. Wählen Sie einen anderen Standort oder Servertyp oder versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Hetzner Cloud rejected a value in the request. Correct the setting named in the details and try again.</source>
        <translation>Hetzner Cloud hat einen Wert in der Anfrage abgelehnt. Korrigieren Sie die in den Details genannte Einstellung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A Hetzner Cloud service failed to carry out the request. Try again later; if it persists, contact Hetzner support with the correlation id.</source>
        <translation>Ein Dienst von Hetzner Cloud konnte die Anfrage nicht ausführen. Versuchen Sie es später erneut; wenn der Fehler bleibt, wenden Sie sich mit der Korrelations-ID an den Hetzner-Support.</translation>
    </message>
    <message>
        <source>The resource does not support this operation. Choose a different server type or image.</source>
        <translation>Die Ressource unterstützt diesen Vorgang nicht. Wählen Sie einen anderen Servertyp oder ein anderes Image.</translation>
    </message>
    <message>
        <source>Another action is still running on this resource. Wait until it has finished, then try again.</source>
        <translation>Auf dieser Ressource läuft noch ein anderer Vorgang. Warten Sie, bis er abgeschlossen ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The resource has delete or rebuild protection. Remove the protection in the Hetzner Console if you really want this, then try again.</source>
        <translation>Die Ressource ist gegen Löschen oder Neuaufsetzen geschützt. Heben Sie den Schutz in der Hetzner Console auf, wenn Sie das wirklich wollen, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Too many requests to Hetzner Cloud (the limit is per project). Wait a few minutes, and stop other tools that use the same project, then try again.</source>
        <translation>Zu viele Anfragen an Hetzner Cloud (das Limit gilt pro Projekt). Warten Sie einige Minuten, beenden Sie andere Programme, die dasselbe Projekt nutzen, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Hetzner Cloud had an internal error. Try again later; if it persists, check the Hetzner status page or contact Hetzner support with the correlation id.</source>
        <translation>Bei Hetzner Cloud ist ein interner Fehler aufgetreten. Versuchen Sie es später erneut; wenn der Fehler bleibt, sehen Sie auf der Statusseite von Hetzner nach oder wenden Sie sich mit der Korrelations-ID an den Hetzner-Support.</translation>
    </message>
    <message>
        <source>This Hetzner Cloud service or product is not available right now. Try again later or pick another location.</source>
        <translation>Dieser Dienst oder dieses Produkt von Hetzner Cloud ist zurzeit nicht verfügbar. Versuchen Sie es später erneut oder wählen Sie einen anderen Standort.</translation>
    </message>
    <message>
        <source>Hetzner Cloud did not answer in time. Try again in a moment.</source>
        <translation>Hetzner Cloud hat nicht rechtzeitig geantwortet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Hetzner Cloud could not be reached behind its gateway. Try again in a moment.</source>
        <translation>Hetzner Cloud war hinter seinem Gateway nicht erreichbar. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Hetzner Cloud reported an unknown error. Try again; if it persists, contact Hetzner support with the correlation id.</source>
        <translation>Hetzner Cloud hat einen unbekannten Fehler gemeldet. Versuchen Sie es erneut; wenn der Fehler bleibt, wenden Sie sich mit der Korrelations-ID an den Hetzner-Support.</translation>
    </message>
    <message>
        <source>The Hetzner Robot service is not available right now. Try again later.</source>
        <translation>Der Dienst Hetzner Robot ist zurzeit nicht verfügbar. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Hetzner Cloud could not place the server in this location. Pick another location or server type, or try again later.</source>
        <translation>Hetzner Cloud konnte den Server an diesem Standort nicht unterbringen. Wählen Sie einen anderen Standort oder Servertyp oder versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>This server type cannot be used here. Pick a server type that is offered in the chosen location.</source>
        <translation>Dieser Servertyp kann hier nicht verwendet werden. Wählen Sie einen Servertyp, der am gewählten Standort angeboten wird.</translation>
    </message>
    <message>
        <source>The server must be powered off for this. Power it off in the Hetzner Console, then try again.</source>
        <translation>Der Server muss dafür ausgeschaltet sein. Schalten Sie ihn in der Hetzner Console aus und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The private network overlaps with another network of the server. Choose a different IP range.</source>
        <translation>Das private Netzwerk überschneidet sich mit einem anderen Netzwerk des Servers. Wählen Sie einen anderen IP-Bereich.</translation>
    </message>
    <message>
        <source>The server is already attached to this network. Nothing needs to be done; reload and continue.</source>
        <translation>Der Server ist bereits mit diesem Netzwerk verbunden. Es ist nichts zu tun; laden Sie neu und fahren Sie fort.</translation>
    </message>
    <message>
        <source>The primary IP is already assigned to another server. Unassign it in the Hetzner Console or use another IP.</source>
        <translation>Die Primäre IP ist bereits einem anderen Server zugewiesen. Heben Sie die Zuweisung in der Hetzner Console auf oder verwenden Sie eine andere IP.</translation>
    </message>
    <message>
        <source>The primary IP belongs to a different location than the server. Use an IP from the server&apos;s location.</source>
        <translation>Die Primäre IP gehört zu einem anderen Standort als der Server. Verwenden Sie eine IP vom Standort des Servers.</translation>
    </message>
    <message>
        <source>The primary IP has the wrong IP version for this use. Use an IPv4 address for IPv4 and an IPv6 network for IPv6.</source>
        <translation>Die Primäre IP hat für diesen Zweck die falsche IP-Version. Verwenden Sie eine IPv4-Adresse für IPv4 und ein IPv6-Netz für IPv6.</translation>
    </message>
    <message>
        <source>The server already has an IPv4 address. Unassign it first in the Hetzner Console.</source>
        <translation>Der Server hat bereits eine IPv4-Adresse. Heben Sie zuerst deren Zuweisung in der Hetzner Console auf.</translation>
    </message>
    <message>
        <source>The server already has an IPv6 network. Unassign it first in the Hetzner Console.</source>
        <translation>Der Server hat bereits ein IPv6-Netz. Heben Sie zuerst dessen Zuweisung in der Hetzner Console auf.</translation>
    </message>
    <message>
        <source>The server is a load balancer target. Remove it from the load balancer first.</source>
        <translation>Der Server ist Ziel eines Load Balancers. Entfernen Sie ihn zuerst aus dem Load Balancer.</translation>
    </message>
    <message>
        <source>The requested private IP is already in use. Let Hetzner pick the IP or choose another one.</source>
        <translation>Die angeforderte private IP wird bereits verwendet. Lassen Sie Hetzner die IP wählen oder wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>The private network has no subnet in the server&apos;s network zone. Add a subnet there or pick a location in the network&apos;s zone.</source>
        <translation>Das private Netzwerk hat kein Subnetz in der Netzwerkzone des Servers. Legen Sie dort ein Subnetz an oder wählen Sie einen Standort in der Zone des Netzwerks.</translation>
    </message>
    <message>
        <source>This vSwitch is already connected to another network. Use another vSwitch.</source>
        <translation>Dieser vSwitch ist bereits mit einem anderen Netzwerk verbunden. Verwenden Sie einen anderen vSwitch.</translation>
    </message>
    <message>
        <source>The firewall is already applied to this resource. Nothing needs to be done; reload and continue.</source>
        <translation>Die Firewall ist bereits auf diese Ressource angewendet. Es ist nichts zu tun; laden Sie neu und fahren Sie fort.</translation>
    </message>
    <message>
        <source>The firewall cannot be applied to this kind of network. Apply it to servers with a public network.</source>
        <translation>Die Firewall kann auf diese Art von Netzwerk nicht angewendet werden. Wenden Sie sie auf Server mit öffentlichem Netzwerk an.</translation>
    </message>
    <message>
        <source>The resource is still in use (for example a firewall applied to servers or a network with servers attached). Remove those uses first, then try again.</source>
        <translation>Die Ressource wird noch verwendet (zum Beispiel eine Firewall, die auf Server angewendet ist, oder ein Netzwerk, mit dem Server verbunden sind). Heben Sie diese Verwendungen zuerst auf und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The server is already covered by this firewall. Nothing needs to be done; reload and continue.</source>
        <translation>Der Server ist bereits durch diese Firewall geschützt. Es ist nichts zu tun; laden Sie neu und fahren Sie fort.</translation>
    </message>
    <message>
        <source>The resource the firewall should be applied to does not exist. Reload and try again.</source>
        <translation>Die Ressource, auf die die Firewall angewendet werden soll, existiert nicht. Laden Sie neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The firewall is applied through a label selector. Change the server&apos;s labels or the selector instead.</source>
        <translation>Die Firewall wird über einen Label-Selektor angewendet. Ändern Sie stattdessen die Labels des Servers oder den Selektor.</translation>
    </message>
    <message>
        <source>The server has no public network, so a firewall cannot be applied. Enable a public IP or skip the firewall.</source>
        <translation>Der Server hat kein öffentliches Netzwerk, daher kann keine Firewall angewendet werden. Aktivieren Sie eine öffentliche IP oder verzichten Sie auf die Firewall.</translation>
    </message>
    <message>
        <source>The firewall was already removed from this resource. Nothing needs to be done; reload and continue.</source>
        <translation>Die Firewall wurde bereits von dieser Ressource entfernt. Es ist nichts zu tun; laden Sie neu und fahren Sie fort.</translation>
    </message>
    <message>
        <source>The DNS zone does not exist in this project. Create it in the Hetzner Console (DNS) or set the records at your DNS provider.</source>
        <translation>Die DNS-Zone existiert in diesem Projekt nicht. Legen Sie sie in der Hetzner Console (DNS) an oder tragen Sie die Einträge bei Ihrem DNS-Anbieter ein.</translation>
    </message>
    <message>
        <source>The DNS zone is a secondary zone, so its records cannot be changed here. Set the records at the primary DNS server instead.</source>
        <translation>Die DNS-Zone ist eine sekundäre Zone, daher können ihre Einträge hier nicht geändert werden. Tragen Sie die Einträge stattdessen auf dem primären DNS-Server ein.</translation>
    </message>
    <message>
        <source>Cannot reach the Hetzner Cloud API at %1. Check the internet connection, a proxy or firewall in between, and the HCLOUD_ENDPOINT setting if you changed it.</source>
        <translation>Die Hetzner-Cloud-API unter %1 ist nicht erreichbar. Prüfen Sie die Internetverbindung, einen Proxy oder eine Firewall dazwischen und die Einstellung HCLOUD_ENDPOINT, falls Sie sie geändert haben.</translation>
    </message>
    <message>
        <source>The Hetzner Cloud API at %1 did not answer in time, even after several tries. Check the internet connection and try again.</source>
        <translation>Die Hetzner-Cloud-API unter %1 hat auch nach mehreren Versuchen nicht rechtzeitig geantwortet. Prüfen Sie die Internetverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The connection to the Hetzner Cloud API at %1 broke off, even after several tries. Check the internet connection and try again.</source>
        <translation>Die Verbindung zur Hetzner-Cloud-API unter %1 ist auch nach mehreren Versuchen abgebrochen. Prüfen Sie die Internetverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (certificate or TLS). Check the system clock, a proxy that inspects traffic, and the HCLOUD_ENDPOINT setting.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen (Zertifikat oder TLS). Prüfen Sie die Systemuhr, einen Proxy, der den Datenverkehr untersucht, und die Einstellung HCLOUD_ENDPOINT.</translation>
    </message>
    <message>
        <source>The answer from %1 is not what the Hetzner Cloud API sends. Check the HCLOUD_ENDPOINT setting and any proxy in between; if it persists, update Jitsi Deployer.</source>
        <translation>Die Antwort von %1 entspricht nicht dem, was die Hetzner-Cloud-API sendet. Prüfen Sie die Einstellung HCLOUD_ENDPOINT und einen eventuellen Proxy dazwischen; wenn der Fehler bleibt, aktualisieren Sie Jitsi Deployer.</translation>
    </message>
    <message>
        <source>The Hetzner Cloud API at %1 answered with server error %2. Try again later and check the Hetzner status page.</source>
        <translation>Die Hetzner-Cloud-API unter %1 hat mit dem Serverfehler %2 geantwortet. Versuchen Sie es später erneut und sehen Sie auf der Statusseite von Hetzner nach.</translation>
    </message>
    <message>
        <source>The Hetzner Cloud API at %1 answered with HTTP status %2 and no explanation. Check the HCLOUD_ENDPOINT setting and any proxy in between.</source>
        <translation>Die Hetzner-Cloud-API unter %1 hat mit dem HTTP-Status %2 ohne Erklärung geantwortet. Prüfen Sie die Einstellung HCLOUD_ENDPOINT und einen eventuellen Proxy dazwischen.</translation>
    </message>
    <message>
        <source>The Hetzner Cloud request limit of this project is used up for longer than we are willing to wait. Stop other tools using the project and try again later.</source>
        <translation>Das Anfragelimit von Hetzner Cloud für dieses Projekt ist länger ausgeschöpft, als Jitsi Deployer warten kann. Beenden Sie andere Programme, die das Projekt nutzen, und versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Hetzner Cloud did not finish the operation in time. Check its state in the Hetzner Console, then run the step again.</source>
        <translation>Hetzner Cloud hat den Vorgang nicht rechtzeitig abgeschlossen. Prüfen Sie seinen Zustand in der Hetzner Console und führen Sie den Schritt dann erneut aus.</translation>
    </message>
    <message>
        <source>Hetzner Cloud no longer knows an operation we were waiting for. Reload the deployment state and run the step again.</source>
        <translation>Hetzner Cloud kennt einen Vorgang, auf den Jitsi Deployer gewartet hat, nicht mehr. Laden Sie den Stand der Installation neu und führen Sie den Schritt erneut aus.</translation>
    </message>
    <message>
        <source>Check the resource in the Hetzner Console and run the step again.</source>
        <translation>Prüfen Sie die Ressource in der Hetzner Console und führen Sie den Schritt erneut aus.</translation>
    </message>
    <message>
        <source>The Hetzner Cloud operation “%1” failed. %2</source>
        <translation>Der Hetzner-Cloud-Vorgang „%1“ ist fehlgeschlagen. %2</translation>
    </message>
    <message>
        <source>The SSH public key is not valid. Choose the .pub file of the key or generate a new key.</source>
        <translation>Der öffentliche SSH-Schlüssel ist ungültig. Wählen Sie die .pub-Datei des Schlüssels oder erzeugen Sie einen neuen Schlüssel.</translation>
    </message>
    <message>
        <source>The image “%1” is not offered (any more). Pick another image, such as debian-13, debian-12 or ubuntu-24.04.</source>
        <translation>Das Image „%1“ wird nicht (mehr) angeboten. Wählen Sie ein anderes Image, zum Beispiel debian-13, debian-12 oder ubuntu-24.04.</translation>
    </message>
    <message>
        <source>The image “%1” is not offered for %2 servers (any more). Pick another image, such as debian-13, debian-12 or ubuntu-24.04.</source>
        <translation>Das Image „%1“ wird für %2-Server nicht (mehr) angeboten. Wählen Sie ein anderes Image, zum Beispiel debian-13, debian-12 oder ubuntu-24.04.</translation>
    </message>
</context>
</TS>
