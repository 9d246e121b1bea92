#include "cliusage.h"

#include "hcloud/hetznerclient.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QString cliUsage()
{
    return QCoreApplication::translate(
                   "CliApplication",
                   "Usage: jitsi-deployer [command] [options]\n"
                   "\n"
                   "Without a command the wizard opens. Commands run headless:\n"
                   "  hcloud check-token                        check the API token (HCLOUD_TOKEN or the keychain)\n"
                   "  hcloud server-types [--location L]        server types orderable in L, with prices\n"
                   "  hcloud locations                          the project's locations\n"
                   "  hcloud images [--architecture x86|arm]    orderable system images\n"
                   "\n"
                   "Options:\n"
                   "  --api-endpoint URL   Hetzner Cloud API endpoint (default: HCLOUD_ENDPOINT, else %1)\n"
                   "  --json               print machine-readable JSON (documented in docs/cli.md)\n"
                   "  -h, --help           show this help\n"
                   "  -v, --version        show the version\n"
                   "\n"
                   "The token is read from HCLOUD_TOKEN, else from the system keychain (saved by the wizard).\n"
                   "Exit codes: 0 success, 1 failed, 2 bad input, 3 token rejected, 4 API unreachable.")
                   .arg(QLatin1String(hcloud::defaultEndpoint))
           // A separate message, so the translated text above stays valid while this one awaits translation.
           + u"\n\n"_s
           + QCoreApplication::translate(
                   "CliApplication",
                   "Dry run (reads the API, creates nothing):\n"
                   "  plan --plan-file F --output-dir DIR       check the plan file (docs/plan-format.md) against the\n"
                   "                                            API and write each server's user-data and install\n"
                   "                                            files, secrets as placeholders, and a summary with\n"
                   "                                            the monthly cost; DIR must be new or empty")
           + u"\n\n"_s
           + QCoreApplication::translate(
                   "CliApplication",
                   "Deployments (found by their labels in the project):\n"
                   "  status [--deployment D]                   each deployment's web host, bridges, network,\n"
                   "                                            firewalls and problems; D is a slug or a domain;\n"
                   "                                            exit 1 when D is not in the project")
           + u"\n"_s
           + QCoreApplication::translate(
                   "CliApplication",
                   "  status --health [--identity FILE]         also each host's live health over SSH: jicofo's\n"
                   "                                            bridge view, each bridge's figures, package versions")
           + u"\n\n"_s
           + QCoreApplication::translate(
                   "CliApplication",
                   "Deploying and managing (D may be left out when the project has exactly one deployment):\n"
                   "  deploy --plan-file F                      create or resume the deployment of plan F, verify it\n"
                   "  verify [--deployment D]                   check that every bridge is connected (read-only)\n"
                   "  add-bridge [--deployment D] [--count N] [--type T] [--location L]\n"
                   "                                            add N bridges (default 1, like the last bridge)\n"
                   "  remove-bridge NAME [--deployment D] [--force]\n"
                   "                                            drain bridge NAME, then delete it\n"
                   "  update [--deployment D] [--yes] [--force] rolling update of the Jitsi packages: one bridge\n"
                   "                                            at a time, then the web host (asks first, since\n"
                   "                                            its meetings restart, unless --yes)\n"
                   "  --force              delete or restart a bridge whose meetings have not ended within the\n"
                   "                       drain time without asking (they reconnect to the other bridges)\n"
                   "  destroy [--deployment D] [--yes]          delete everything of the deployment; asks to type\n"
                   "                                            its domain unless --yes\n"
                   "  --identity FILE      the SSH private key for the servers (default: the ssh-agent); a\n"
                   "                       passphrase is asked on the terminal\n"
                   "  --host-key NAME=SHA256:...\n"
                   "                       trust this host key fingerprint for server NAME (a server without a\n"
                   "                       host-key label, managed from another computer); repeatable\n"
                   "Ctrl-C stops at the next safe point; running the same command again resumes.\n"
                   "More exit codes: 5 deployed but not verified, 6 stopped by Ctrl-C.")
           + u"\n"_s
           + QCoreApplication::translate(
                   "CliApplication",
                   "  --dns-server ADDRESS (deploy) check that the DNS records resolve with this DNS server\n"
                   "                       instead of the system's resolver")
           + u"\n"_s
           + QCoreApplication::translate(
                   "CliApplication",
                   "  test-meeting [--deployment D] [--every-bridge]\n"
                   "                                            a fresh meeting room to join, and each bridge's\n"
                   "                                            conferences, endpoints, ICE and data-channel figures\n"
                   "                                            while people are in it; Ctrl-C ends it. With\n"
                   "                                            --every-bridge all bridges but one are drained in\n"
                   "                                            turn (a new room each) until each carried the test;\n"
                   "                                            every drain is undone at the end")
           + u"\n\n"_s
           + QCoreApplication::translate(
                   "CliApplication",
                   "Accounts that may open meetings (a deployment with meeting access \"moderated\"):\n"
                   "  account list [--deployment D]             the accounts of the meeting domain\n"
                   "  account add USER [--deployment D] [--password-stdin]\n"
                   "                                            add USER with a generated password, shown once;\n"
                   "                                            --password-stdin: read it from the first line of\n"
                   "                                            stdin instead (at least 8 characters)\n"
                   "  account remove USER [--deployment D]      USER can no longer open meetings")
           + u"\n\n"_s
           + QCoreApplication::translate(
                   "CliApplication",
                   "Secrets (the saved API token, each deployment's passwords):\n"
                   "  --secret-store keychain|file\n"
                   "                       keychain (default): the system keychain; file: files only you can\n"
                   "                       read, for machines without a keychain (a server over SSH), in\n"
                   "                       JITSI_DEPLOYER_SECRET_DIR or the app's data folder. The environment\n"
                   "                       variable JITSI_DEPLOYER_SECRET_STORE chooses the same.");
}
