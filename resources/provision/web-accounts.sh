#!/usr/bin/env bash
# The accounts that may open meetings on a moderated deployment (docs/provisioning.md "Meeting access"): prosody
# users of the meeting domain. Run as root over the pinned SSH session by the app (SshHostAgent::manageAccounts):
#   web-accounts.sh list
#   web-accounts.sh add <user>      the password is the first line of stdin; it is never an argument, so no
#                                   process list, shell history or log on the host ever holds it
#   web-accounts.sh remove <user>
# Prints "@@access open|moderated" and then, after any change, one "@@account <user>" line per account of the
# meeting domain. A failure prints "@@error <code> <message>" on stderr (codes: not_moderated, invalid_user,
# invalid_password, exists, not_found, prosody) and exits 1.
set -euo pipefail

# shellcheck source=SCRIPTDIR/provision-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/provision-lib.sh"
# shellcheck source=SCRIPTDIR/web-meeting-access.sh
. "$(dirname "${BASH_SOURCE[0]}")/web-meeting-access.sh"

# The app checks the same rules first (AccountRequest); these keep the host safe from any other caller.
JD_ACCOUNT_USER_PATTERN='^[a-z0-9][a-z0-9._-]{0,63}$'
JD_ACCOUNT_MIN_PASSWORD=8

accounts_fail() {
    printf '@@error %s %s\n' "$1" "$2" >&2
    exit 1
}

accounts_prosodyctl() {
    if [[ -n $JD_PROSODY_CONFIG ]]; then
        prosodyctl --config "$JD_PROSODY_CONFIG" "$@"
    else
        prosodyctl "$@"
    fi
}

# moderated when our mark is in the meeting domain's site config (web-meeting-access.sh wrote it).
accounts_access() {
    if grep -qF -- "$JD_ACCESS_MODERATED_MARK" "$JD_PROSODY_SITES/$JD_DOMAIN.cfg.lua" 2>/dev/null; then
        echo moderated
    else
        echo open
    fi
}

# The users of the meeting domain, sorted, from the running prosody (its admin shell, prosody 0.12's user:list).
accounts_list() {
    local output line users=()
    output=$(accounts_prosodyctl shell user list "$JD_DOMAIN" 2>&1) ||
        accounts_fail prosody "prosody did not list the accounts (is it running? systemctl status prosody): ${output//$'\n'/ }"
    while IFS= read -r line; do
        line=${line#"| "}
        if [[ $line == *"@$JD_DOMAIN" && $line != *" "* ]]; then
            users+=("${line%"@$JD_DOMAIN"}")
        fi
    done <<<"$output"
    if [[ ${#users[@]} -gt 0 ]]; then
        printf '@@account %s\n' "${users[@]}" | LC_ALL=C sort
    fi
}

accounts_add() {
    local user=$1 password output
    IFS= read -r password || true
    [[ ${#password} -ge $JD_ACCOUNT_MIN_PASSWORD ]] ||
        accounts_fail invalid_password "the password must have at least $JD_ACCOUNT_MIN_PASSWORD characters"
    # prosodyctl asks for the password twice on stdin; printf is a shell builtin, so it never is an argument.
    if ! output=$(printf '%s\n%s\n' "$password" "$password" | accounts_prosodyctl adduser "$user@$JD_DOMAIN" 2>&1); then
        if [[ $output == *"already exists"* ]]; then
            accounts_fail exists "the account $user already exists"
        fi
        accounts_fail prosody "prosodyctl could not add $user@$JD_DOMAIN; see /var/log/prosody/prosody.err"
    fi
}

accounts_remove() {
    local user=$1 output
    if ! output=$(accounts_prosodyctl deluser "$user@$JD_DOMAIN" 2>&1); then
        if [[ $output == *"does not exist"* ]]; then
            accounts_fail not_found "there is no account $user"
        fi
        accounts_fail prosody "prosodyctl could not remove $user@$JD_DOMAIN; see /var/log/prosody/prosody.err"
    fi
}

accounts_main() {
    jd_load_env
    jd_require JD_DOMAIN
    local action=${1:-list} user=${2:-} access
    access=$(accounts_access)
    printf '@@access %s\n' "$access"
    case $action in
    list) ;;
    add | remove)
        [[ $access == moderated ]] ||
            accounts_fail not_moderated "meetings on $JD_DOMAIN are open to everyone, so accounts have no effect; deploy it as moderated first"
        [[ $user =~ $JD_ACCOUNT_USER_PATTERN ]] ||
            accounts_fail invalid_user "the user name must be 1 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit"
        "accounts_$action" "$user"
        ;;
    *) accounts_fail invalid_action "unknown action $action; use list, add or remove" ;;
    esac
    accounts_list
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    accounts_main "$@"
fi
