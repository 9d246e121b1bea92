#!/usr/bin/env bash
# Try Jitsi Deployer without a Hetzner account: a local cloud on this machine. hcloud-sim answers as the Hetzner
# API, and every server it starts becomes a sandboxed Debian host (tests/testbed/README.md) that installs with
# our real scripts, real prosody and nginx, Jitsi stand-in packages, Pebble as Let's Encrypt and a local DNS.
# Nothing leaves this machine. Needs root (network namespaces, mounts), Debian 12 or Ubuntu 24.04.
#
#   scripts/local-cloud.sh start [--port N] [--ssh-key FILE.pub] [--build-dir DIR]
#                                                   start it in the background; prints how to use it. DIR: use
#                                                   the programs built there (e.g. build/ci) instead of building
#   scripts/local-cloud.sh status                                   is it running, which hosts are up
#   scripts/local-cloud.sh stop                                     delete every host, stop everything
#
# State lives in $JD_TESTBED_STATE (default /var/lib/jitsi-deployer-testbed)/local-cloud; the hosts' logs are kept
# in its artefacts/ folder when their servers are deleted. The first start builds the program and the testbed's
# Debian root and package cache (a few minutes); later starts take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)

state=${JD_TESTBED_STATE:-/var/lib/jitsi-deployer-testbed}
export JD_TESTBED_STATE=$state
dir=$state/local-cloud
services=$state/services
pidfile=$dir/hcloud-sim.pid
zone=example.org
domain=meet.$zone

die() {
    echo "local-cloud: $*" >&2
    exit 1
}

running_pid() {
    local pid
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == hcloud-sim ]]; then
        echo "$pid"
    fi
}

# Is a Secret Service (GNOME Keyring, KWallet) answering on this shell's session bus? In a root shell over SSH
# there is no session bus at all, and the CLI then needs the file secret store (docs/cli.md).
keyring_running() {
    [[ -n ${DBUS_SESSION_BUS_ADDRESS:-} || -S ${XDG_RUNTIME_DIR:-/nonexistent}/bus ]] || return 1
    command -v dbus-send >/dev/null || return 1
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}

build() {
    bash scripts/install-deps.sh >&2
    cmake --preset dev >&2
    cmake --build --preset dev --parallel "$(nproc 2>/dev/null || echo 2)" --target hcloud-sim jitsi-deployer >&2
}

# A plan for the example domain with the user's key and the local ACME server: ready to deploy.
write_plan() {
    local key_file=$1 acme key
    acme=$(cat "$services/acme-directory-url")
    key=$(head -n1 "$key_file")
    cat >"$dir/plan.json" <<EOF
{
  "version": 1,
  "domain": "$domain",
  "email": "admin@$zone",
  "image": "debian-12",
  "web": {"server_type": "cx23", "location": "fsn1"},
  "bridges": [
    {"server_type": "cx23", "location": "fsn1"},
    {"server_type": "cx23", "location": "fsn1"}
  ],
  "ssh_public_key": "$key",
  "options": {"acme_directory_url": "$acme"}
}
EOF
}

cmd_start() {
    local port=4000 key_file="" build_dir=""
    while [[ $# -gt 0 ]]; do
        case $1 in
        --port) port=${2:?--port needs a number} && shift ;;
        --ssh-key) key_file=${2:?--ssh-key needs a .pub file} && shift ;;
        --build-dir) build_dir=${2:?--build-dir needs a directory} && shift ;;
        *) die "unknown option $1 (see the header of this script)" ;;
        esac
        shift
    done
    [[ $(id -u) -eq 0 ]] || die "must run as root (the hosts are network namespaces with overlay mounts)"
    [[ -z $(running_pid) ]] || die "already running (pid $(running_pid)); 'scripts/local-cloud.sh stop' first"
    if [[ -z $key_file ]]; then
        for candidate in "$HOME/.ssh/id_ed25519.pub" "$HOME/.ssh/id_ecdsa.pub" "$HOME/.ssh/id_rsa.pub"; do
            if [[ -f $candidate ]]; then
                key_file=$candidate
                break
            fi
        done
    fi
    if [[ -z $key_file ]]; then
        # Every command after deploy reaches the servers over SSH: without a key there is nothing useful to print.
        cat >&2 <<EOF
local-cloud: no SSH key found (looked for ~/.ssh/id_ed25519.pub, id_ecdsa.pub, id_rsa.pub). The servers are
reached over SSH with your key, so make one first, then start again:

  ssh-keygen -t ed25519
  scripts/local-cloud.sh start

or name an existing public key with --ssh-key FILE.pub. Nothing was started.
EOF
        exit 1
    fi
    [[ -f $key_file ]] || die "$key_file not found"

    if [[ -z $build_dir ]]; then
        build
        build_dir=build/dev
    fi
    build_dir=$(cd "$build_dir" && pwd)
    local sim=$build_dir/tests/support/hcloud-sim cli=$build_dir/app/jitsi-deployer log=$dir/hcloud-sim.log
    [[ -x $sim && -x $cli ]] || die "$build_dir has no hcloud-sim and jitsi-deployer; build it with the tests"
    mkdir -p "$dir/artefacts"
    bash tests/testbed/services.sh up >&2

    setsid "$sim" --port "$port" --action-ms 2000 --zone "$zone" --testbed \
        --testbed-script "$source_dir/tests/testbed/host.sh" --testbed-services "$services" \
        --testbed-artefacts "$dir/artefacts" </dev/null >"$log" 2>&1 &
    echo $! >"$pidfile"
    local waited=0
    until grep -q '^http://' "$log" 2>/dev/null; do
        if [[ -z $(running_pid) ]] || ((++waited > 100)); then
            cat "$log" >&2
            die "hcloud-sim did not start (is port $port taken? try --port)"
        fi
        sleep 0.1
    done
    local endpoint
    endpoint=$(grep -m1 '^http://' "$log")

    write_plan "$key_file"
    local identity=${key_file%.pub} exports="HCLOUD_ENDPOINT=$endpoint HCLOUD_TOKEN=sim-token" store_note=""
    if ! keyring_running; then
        exports+=" JITSI_DEPLOYER_SECRET_STORE=file"
        store_note="
No keyring is running in this shell (no D-Bus session), so the commands above keep the deployment's passwords
in files only you can read instead: the file secret store, see docs/cli.md."
    fi
    cat <<EOF
Local cloud running. API $endpoint (token sim-token), DNS 198.18.0.1, zone $zone.
Use it from this shell:

  export $exports
  $cli deploy --plan-file $dir/plan.json --identity $identity --dns-server 198.18.0.1
  $cli verify --identity $identity
  $cli add-bridge --identity $identity
  $cli destroy
$store_note
Servers become hosts at 198.18.x.y (ssh root@ADDRESS works with your key). Its log: $log.
Stop it with: scripts/local-cloud.sh stop
EOF
}

cmd_status() {
    local pid
    pid=$(running_pid)
    if [[ -z $pid ]]; then
        echo "local-cloud: not running"
        return 3
    fi
    echo "local-cloud: running (hcloud-sim pid $pid, $(grep -m1 '^http://' "$dir/hcloud-sim.log"))"
    bash tests/testbed/services.sh status
    echo "hosts:"
    bash tests/testbed/host.sh list | sed 's/^/  /'
}

cmd_stop() {
    local pid waited=0
    pid=$(running_pid)
    if [[ -n $pid ]]; then
        # The simulator takes its hosts down as it exits (logs collected first).
        kill -TERM "$pid"
        while kill -0 "$pid" 2>/dev/null; do
            ((++waited > 1200)) && die "hcloud-sim (pid $pid) does not exit; kill it and run tests/testbed/host.sh down-all"
            sleep 0.1
        done
    fi
    rm -f "$pidfile"
    bash tests/testbed/services.sh down
    echo "local-cloud: stopped; the hosts' logs are in $dir/artefacts"
}

case ${1:-} in
start) shift && cmd_start "$@" ;;
status) cmd_status ;;
stop) cmd_stop ;;
*) die "usage: local-cloud.sh start [--port N] [--ssh-key FILE.pub] | status | stop" ;;
esac
