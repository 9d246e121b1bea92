#!/usr/bin/env bash
# Shared helpers of the Jitsi Deployer provisioning scripts. Sourced by them, never run on its own.
#
# Log format (docs/provisioning.md). The app follows /var/log/jitsi-deployer/provision.log by byte offset;
# the lines it understands start with "@@" and have space-separated fields:
#   @@run start <task> time=<UTC>          a script (install-web, install-bridge, firewall, certificate) begins
#   @@step start <name> time=<UTC>         a step begins
#   @@step skip <name> time=<UTC>          the step completed before with the same inputs: nothing to do
#   @@step end <name> rc=<n> time=<UTC>    a step ended; rc=0 is success
#   @@error <name> <message>               why the step failed, plain text on one line, never a secret
#   @@run end <task> rc=<n> time=<UTC>
# Every other line is the output of the commands a step runs.
#
# The state file holds one "<name> <inputs digest>" line per completed step. A step is skipped only when it
# completed with the same inputs, so changing e.g. the bridge addresses makes the firewall step run again.
#
# Every path can be moved with an environment variable (JD_ROOT prefixes all of them) so the tests run the
# config-editing functions for real against fixture files.

: "${JD_ROOT:=}"
: "${JD_ENV_FILE:=$JD_ROOT/etc/jitsi-deployer/provision.env}"
: "${JD_LOG:=$JD_ROOT/var/log/jitsi-deployer/provision.log}"
: "${JD_STATE_FILE:=$JD_ROOT/var/lib/jitsi-deployer/provision.state}"
: "${JD_OS_RELEASE:=$JD_ROOT/etc/os-release}"
: "${JD_JVB_CONF:=$JD_ROOT/etc/jitsi/videobridge/jvb.conf}"
: "${JD_SIP_PROPERTIES:=$JD_ROOT/etc/jitsi/videobridge/sip-communicator.properties}"
: "${JD_JVB_LOG:=$JD_ROOT/var/log/jitsi/jvb.log}"
: "${JD_JICOFO_CONF:=$JD_ROOT/etc/jitsi/jicofo/jicofo.conf}"
: "${JD_CA_DIR:=$JD_ROOT/usr/local/share/ca-certificates}"
: "${JD_FIREWALL_FILE:=$JD_ROOT/etc/jitsi-deployer/firewall.nft}"
: "${JD_NGINX_SITES:=$JD_ROOT/etc/nginx/sites-available}"
: "${JD_RENEW_HOOK_DIR:=$JD_ROOT/etc/letsencrypt/renewal-hooks/deploy}"
# Empty: prosodyctl's own configuration (/etc/prosody/prosody.cfg.lua).
: "${JD_PROSODY_CONFIG:=}"
: "${JD_JITSI_KEYRING:=$JD_ROOT/usr/share/keyrings/jitsi-keyring.gpg}"
# The fingerprint of the key download.jitsi.org's repository is signed with ("Jitsi <dev@jitsi.org>", key ID
# B4D2D216F1FD7806, in use since Jitsi rotated its key in 2021; docs/provisioning.md "The Jitsi apt key" says
# where it was checked). Test seam: the testbed serves its own repository, signed by its own key, and sets
# its fingerprint here through the unit's environment.
: "${JD_JITSI_KEY_FINGERPRINT:=FFD65A0DA2BEBDEB73D44C8BB4D2D216F1FD7806}"

export DEBIAN_FRONTEND=noninteractive

jd_now() {
    date -u +%Y-%m-%dT%H:%M:%SZ
}

# Sends all further output of the script to the log (and keeps the log root-only).
jd_open_log() {
    mkdir -p "$(dirname "$JD_LOG")"
    touch "$JD_LOG"
    chmod 0600 "$JD_LOG"
    exec >>"$JD_LOG" 2>&1
}

# Reports why the current step fails and ends it. Messages name the fix where there is one.
jd_fail() {
    # stderr: it reaches the log even from inside a command substitution.
    printf '@@error %s %s\n' "${JD_CURRENT_STEP:-none}" "$*" >&2
    exit 1
}

jd_digest() {
    printf '%s\n' "$@" | sha256sum | cut -d' ' -f1
}

jd_step_done() {
    local name=$1 digest=$2
    [[ -f $JD_STATE_FILE ]] && grep -qxF "$name $digest" "$JD_STATE_FILE"
}

jd_mark_done() {
    local name=$1 digest=$2 tmp
    mkdir -p "$(dirname "$JD_STATE_FILE")"
    tmp=$(mktemp "$JD_STATE_FILE.XXXXXX")
    if [[ -f $JD_STATE_FILE ]]; then
        grep -v "^$name " "$JD_STATE_FILE" >"$tmp" || true
    fi
    printf '%s %s\n' "$name" "$digest" >>"$tmp"
    chmod 0600 "$tmp"
    mv -f "$tmp" "$JD_STATE_FILE"
}

# jd_step <name> <inputs digest> <command...>: runs the command in a subshell with errexit, between the
# start and end markers, unless the state file says it already completed with these inputs.
jd_step() {
    local name=$1 digest=$2 rc
    shift 2
    if jd_step_done "$name" "$digest"; then
        printf '@@step skip %s time=%s\n' "$name" "$(jd_now)"
        return 0
    fi
    printf '@@step start %s time=%s\n' "$name" "$(jd_now)"
    # errexit is ignored inside anything that is part of "||" or "if", so run the step with it switched off
    # here and on in the subshell.
    set +e
    (
        set -euo pipefail
        JD_CURRENT_STEP=$name
        "$@"
    )
    rc=$?
    set -e
    if [[ $rc -eq 0 ]]; then jd_mark_done "$name" "$digest"; fi
    printf '@@step end %s rc=%d time=%s\n' "$name" "$rc" "$(jd_now)"
    return "$rc"
}

# jd_run <task> <function>: the whole script, between run markers; the exit code is the failing step's.
jd_run() {
    local task=$1 rc
    shift
    printf '@@run start %s time=%s\n' "$task" "$(jd_now)"
    set +e
    (
        set -euo pipefail
        "$@"
    )
    rc=$?
    set -e
    printf '@@run end %s rc=%d time=%s\n' "$task" "$rc" "$(jd_now)"
    return "$rc"
}

# Reads the parameters. The file holds the deployment's secrets, so anything but root-only is refused.
jd_load_env() {
    [[ -f $JD_ENV_FILE ]] || jd_fail "parameter file $JD_ENV_FILE is missing; upload it again from the app"
    local mode
    mode=$(stat -c %a "$JD_ENV_FILE")
    [[ $mode == 600 ]] || jd_fail "parameter file $JD_ENV_FILE has mode $mode, expected 600"
    # shellcheck disable=SC1090 # written by the app (EnvFile), every value single-quoted and validated
    . "$JD_ENV_FILE"
}

jd_require() {
    local name
    for name in "$@"; do
        [[ -n ${!name:-} ]] || jd_fail "parameter $name is missing from $JD_ENV_FILE"
    done
}

# Prints "debian 13", "debian 12" or "ubuntu 24.04", the supported systems (DeploymentPlan::supportedImages()).
jd_distro() {
    [[ -r $JD_OS_RELEASE ]] || jd_fail "cannot read $JD_OS_RELEASE"
    local id version
    # shellcheck disable=SC1090 # the system's file
    id=$(. "$JD_OS_RELEASE" && echo "${ID:-}")
    # shellcheck disable=SC1090
    version=$(. "$JD_OS_RELEASE" && echo "${VERSION_ID:-}")
    case "$id:$version" in
    debian:13 | debian:12 | ubuntu:24.04) echo "$id $version" ;;
    *) jd_fail "unsupported system '$id $version'; use the debian-13, debian-12 or ubuntu-24.04 image" ;;
    esac
}

# cloud-init prepares the apt repository; installing while it still runs apt would fail on the dpkg lock.
jd_step_wait_cloud_init() {
    if command -v cloud-init >/dev/null; then
        timeout 1800 cloud-init status --wait >/dev/null || true
    fi
}

jd_step_check_system() {
    local distro
    distro=$(jd_distro)
    echo "system: $distro"
    if [[ $distro == "ubuntu 24.04" ]]; then
        local sources=$JD_ROOT/etc/apt/sources.list.d/ubuntu.sources
        if [[ -f $sources ]] && ! grep -qE '^Components:.*\buniverse\b' "$sources"; then
            sed -i -E 's/^(Components:.*)$/\1 universe/' "$sources"
            echo "enabled the universe component"
        fi
    fi
}

# Prints the fingerprints of the primary keys in an OpenPGP key file, one a line (none for a file without keys).
jd_key_fingerprints() {
    local home rc=0
    home=$(mktemp -d)
    # A throw-away home: reading a key file must not create or change root's keyrings.
    GNUPGHOME=$home gpg --batch --no-tty --with-colons --show-keys "$1" 2>/dev/null |
        awk -F: '$1 == "pub" { primary = 1; next } $1 == "fpr" && primary { print $10 } { primary = 0 }' || rc=$?
    rm -rf "$home"
    return "$rc"
}

# The keyring cloud-init fetched over https is trusted only if it holds exactly the published Jitsi key: a
# tampered download (or any extra key) would otherwise let its owner sign the packages this host installs.
jd_check_jitsi_key() {
    local keyring=$JD_JITSI_KEYRING expected found
    expected=${JD_JITSI_KEY_FINGERPRINT// /}
    expected=${expected^^}
    [[ -s $keyring ]] ||
        jd_fail "the Jitsi apt key $keyring is missing or empty; cloud-init did not finish its preparation (see /var/log/cloud-init-output.log)"
    command -v gpg >/dev/null || jd_fail "gpg is missing, so the Jitsi apt key cannot be checked; install gnupg"
    found=$(jd_key_fingerprints "$keyring" | tr '\n' ' ') || true
    found=${found% }
    [[ $found == "$expected" ]] ||
        jd_fail "the Jitsi apt key $keyring is not Jitsi's published key (fingerprint ${found:-none}, expected $expected), so no Jitsi package is installed. The key download was altered on the way or Jitsi has changed its key: delete this server and deploy again; if it happens again, update Jitsi Deployer"
    echo "Jitsi apt key: $expected"
}

# Cloud-init added the Jitsi repository and key (secret-free preparation); check both before apt uses them.
jd_step_check_repository() {
    grep -rqs 'download.jitsi.org' "$JD_ROOT/etc/apt/sources.list" "$JD_ROOT/etc/apt/sources.list.d/" ||
        jd_fail "the Jitsi apt repository is not configured; cloud-init did not finish its preparation (see /var/log/cloud-init-output.log)"
    jd_check_jitsi_key
    apt-get update -q
    local policy
    policy=$(apt-cache policy jicofo jitsi-videobridge2)
    [[ $policy == *"Candidate: "[0-9]* ]] ||
        jd_fail "the Jitsi packages are not available from the configured apt sources"
    jd_check_installable jicofo jitsi-videobridge2
}

# Whether the Jitsi repository's packages can be installed on this release at all, asked before anything is
# installed: jicofo and jitsi-videobridge2 need a Java the release ships (openjdk-17 or openjdk-21,
# reference/jitsi-packaging.md §6, §8), and a new Debian release can be ahead of the repository. A simulated
# install changes nothing; apt's first unmet dependency goes into the message.
jd_check_installable() {
    local distro output reason fix
    distro=$(jd_distro)
    if output=$(apt-get install --simulate -q "$@" 2>&1); then
        echo "installable on $distro: $*"
        return 0
    fi
    printf '%s\n' "$output"
    # apt 2.6 (bookworm) and 3.0 (trixie) both print the first unmet dependency, alternatives on further lines:
    #  " jicofo : Depends: openjdk-17-jre-headless but it is not installable or"
    #  "                   openjdk-21-jre-headless but it is not installable"
    reason=$(printf '%s\n' "$output" | awk '
        / : (Pre-)?Depends: / && !found { found = 1; line = $0; next }
        found && /^   +[^ ]/ && !/ : / { line = line " " $0; next }
        found { exit }
        END { print line }' | tr -s ' ') || true
    [[ -n $reason ]] || reason=$(printf '%s\n' "$output" | grep -E '^(E|Error): ' | tail -n1) || true
    reason=${reason# }
    if [[ $distro == "debian 12" ]]; then
        fix="check the host's apt sources, then run the deployment again"
    else
        fix="the Jitsi repository does not support $distro yet. Destroy this deployment and deploy it again with the debian-12 image"
    fi
    jd_fail "the Jitsi packages ($*) cannot be installed on $distro: ${reason:-apt-get refused them}; $fix"
}

jd_apt_install() {
    apt-get install -y -q -o Dpkg::Options::=--force-confold "$@"
}

# jd_hocon_set_from_variable <file> <path> <variable name>: sets <path> to a HOCON string holding the
# variable's value without the value ever being an argument of a program: command lines are readable by
# every process on the host (/proc/<pid>/cmdline), and the hocon CLI only takes values as arguments. hocon
# writes a placeholder string; bash builtins (read, printf) then swap in the quoted value. The file is the
# copy jd_hocon_apply made with mktemp, mode 0600.
jd_hocon_set_from_variable() {
    local file=$1 path=$2 variable=$3 placeholder content
    placeholder="\"jd-value-of-$variable\""
    hocon -f "$file" set "$path" "$placeholder" >/dev/null || return 1
    IFS= read -r -d '' content <"$file" || true
    [[ $content == *"$placeholder"* ]] || return 1
    printf '%s' "${content//"$placeholder"/"$(jd_hocon_string "${!variable}")"}" >"$file"
}

# jd_hocon_apply <file> <path> <value> [<path> <value>...]: sets the values with the hocon CLI on a copy
# and replaces the file only if the bytes differ, so a second run leaves the file (and its mtime) alone.
# String values must carry their HOCON quotes. A value "@variable:NAME" is the string held by the shell
# variable NAME, set without it reaching a command line (for secrets; see jd_hocon_set_from_variable).
# Prints "changed" when the file was replaced.
jd_hocon_apply() {
    local file=$1 tmp
    shift
    [[ -f $file ]] || jd_fail "$file is missing; was the package installed?"
    command -v hocon >/dev/null || jd_fail "the hocon command is missing; install ruby-hocon"
    tmp=$(mktemp "$file.jd.XXXXXX")
    cat "$file" >"$tmp"
    while [[ $# -ge 2 ]]; do
        if [[ $2 == @variable:* ]]; then
            jd_hocon_set_from_variable "$tmp" "$1" "${2#@variable:}"
        else
            hocon -f "$tmp" set "$1" "$2" >/dev/null
        fi || {
            rm -f "$tmp"
            jd_fail "could not set $1 in $file"
        }
        shift 2
    done
    if cmp -s "$tmp" "$file"; then
        rm -f "$tmp"
    else
        # Keep the original's owner and mode: write into it instead of moving the copy over it.
        cat "$tmp" >"$file"
        rm -f "$tmp"
        echo changed
    fi
}

# Quotes a value as a HOCON string (values are validated, but a backslash or quote must not end the string).
jd_hocon_string() {
    local value=${1//\\/\\\\}
    value=${value//\"/\\\"}
    printf '"%s"' "$value"
}
