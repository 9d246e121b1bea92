#!/usr/bin/env bash
# The Jitsi packages' versions on a host, and their upgrade: for add-bridge (a new bridge runs the version the
# others run, since jicofo does not mix bridge versions in a conference by default) and for the rolling update
# (DESIGN.md §4). Run by the app over SSH as root; prints machine-readable lines:
#   jitsi-packages.sh versions             @@installed <package> <version>, one per installed Jitsi package
#   jitsi-packages.sh available <package>  refreshes the package lists, then @@available <package> <version>
#                                          for each version the configured repositories offer
#   jitsi-packages.sh upgrade              apt-get install --only-upgrade of the installed Jitsi packages,
#                                          restarts their services, then prints the versions as "versions";
#                                          runs as the transient unit jitsi-deployer-upgrade (see below)
# A failure is "@@error packages <message>" on stderr and exit code 1.
set -euo pipefail

# What a deployment installs (provision-web.sh, provision-bridge.sh); prosody comes from Debian but is part of
# the web host's update, since jitsi-meet-prosody's configuration follows it.
: "${JD_JITSI_PACKAGES:=jitsi-videobridge2 jicofo jitsi-meet-web jitsi-meet-web-config jitsi-meet-prosody prosody}"

packages_fail() {
    printf '@@error packages %s\n' "$*" >&2
    exit 1
}

# Installed Jitsi packages as "<package> <version>" lines; dpkg-query's status "install ok installed" only.
packages_installed() {
    local package
    # shellcheck disable=SC2086 # the list is split on purpose
    for package in $JD_JITSI_PACKAGES; do
        dpkg-query -W -f '${db:Status-Abbrev}|${Package} ${Version}\n' "$package" 2>/dev/null |
            awk -F'|' '$1 ~ /^ii/ { print $2 }' || true
    done
}

packages_versions() {
    local line
    while IFS= read -r line; do
        [[ -n $line ]] && echo "@@installed $line"
    done < <(packages_installed)
}

packages_available() {
    local package=$1
    [[ $package =~ ^[a-z0-9][a-z0-9.+-]+$ ]] || packages_fail "'$package' is not a package name"
    apt-get update -q >/dev/null 2>&1 || packages_fail "apt-get update failed; check the host's apt sources and its network"
    # madison: " jitsi-videobridge2 | 2.3-312-g1-1 | https://download.jitsi.org stable/ Packages"
    apt-cache madison "$package" | awk -F'|' -v p="$package" '
        { gsub(/ /, "", $1); gsub(/ /, "", $2) }
        $1 == p && !seen[$2]++ { print "@@available " p " " $2 }'
}

# The unit each package's daemon runs as; the web host's order: prosody before jicofo, which logs in to it.
packages_services() {
    local installed=$1 services=()
    [[ $installed == *"prosody "* ]] && services+=(prosody)
    [[ $installed == *"jicofo "* ]] && services+=(jicofo)
    [[ $installed == *"jitsi-videobridge2 "* ]] && services+=(jitsi-videobridge2)
    [[ $installed == *"jitsi-meet-web "* ]] && command -v nginx >/dev/null && services+=(nginx)
    echo "${services[@]}"
}

packages_upgrade() {
    local installed names=() line service
    installed=$(packages_installed)
    [[ -n $installed ]] || packages_fail "no Jitsi package is installed on this host"
    while IFS= read -r line; do
        names+=("${line%% *}")
    done <<<"$installed"
    echo "upgrading: ${names[*]}"
    apt-get update -q || packages_fail "apt-get update failed; check the host's apt sources and its network"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --only-upgrade \
        -o Dpkg::Options::=--force-confold "${names[@]}" ||
        packages_fail "apt-get could not upgrade ${names[*]}; see the output above, then run the update again"
    # The maintainer scripts restart what they changed; an explicit restart makes every daemon run the new code.
    for service in $(packages_services "$installed"); do
        if [[ $service == nginx ]]; then
            systemctl reload nginx || true
        else
            systemctl restart "$service" || packages_fail "$service did not restart; see journalctl -u $service"
        fi
    done
    packages_versions
}

# The upgrade runs as a transient systemd unit, not in the SSH session: a dropped connection (laptop asleep, network
# gone) would otherwise kill apt/dpkg halfway and leave half-configured packages. This process starts the unit and
# waits for the result file it writes; when the unit is still running (a run whose connection dropped), a new call
# waits for that same upgrade instead of starting a second one.
packages_upgrade_unit() {
    local dir=${JD_UPGRADE_DIR:-/var/lib/jitsi-deployer/upgrade} unit=jitsi-deployer-upgrade
    local timeout=${JD_UPGRADE_TIMEOUT:-1800} waited=0 state self
    mkdir -p "$dir" && chmod 700 "$dir"
    state=$(systemctl is-active "$unit" 2>/dev/null || true)
    # A run that wrote its result but whose unit has not ended yet is over: wait for the unit, then start anew.
    while [[ ($state == active || $state == activating) && -s $dir/rc ]] && ((waited++ < timeout)); do
        sleep 1
        state=$(systemctl is-active "$unit" 2>/dev/null || true)
    done
    if [[ $state != active && $state != activating ]]; then
        rm -f "$dir/rc" "$dir/out" "$dir/err"
        self=$(readlink -f "${BASH_SOURCE[0]}")
        systemctl reset-failed "$unit" >/dev/null 2>&1 || true
        # --no-block: systemd-run would otherwise wait for the oneshot's whole run in this session.
        systemd-run --no-block --unit="$unit" --collect --property=Type=oneshot "$self" upgrade-in-unit "$dir" \
            >/dev/null 2>&1 || packages_fail "systemd-run could not start the upgrade unit $unit"
    fi
    until [[ -s $dir/rc ]]; do
        ((waited++ < timeout)) || packages_fail "the upgrade did not finish within $timeout s; see journalctl -u $unit"
        sleep 1
    done
    cat "$dir/out"
    cat "$dir/err" >&2
    return "$(cat "$dir/rc")"
}

# Inside the unit: the upgrade with its output and exit code in files; the code last, renamed into place, so a
# waiter never reads a half-written result.
packages_upgrade_in_unit() {
    local dir=$1 rc=0
    [[ -d $dir ]] || packages_fail "no result folder '$dir'"
    (packages_upgrade) >"$dir/out" 2>"$dir/err" || rc=$?
    echo "$rc" >"$dir/rc.new"
    mv -f "$dir/rc.new" "$dir/rc"
}

packages_main() {
    command -v dpkg-query >/dev/null || packages_fail "dpkg-query is missing; this is not a Debian host"
    case ${1:-} in
    versions) packages_versions ;;
    available) packages_available "${2:-}" ;;
    upgrade) packages_upgrade_unit ;;
    upgrade-in-unit) packages_upgrade_in_unit "${2:-}" ;;
    *) packages_fail "usage: jitsi-packages.sh versions | available PACKAGE | upgrade" ;;
    esac
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    packages_main "$@"
fi
