#!/bin/bash
# The services around the testbed hosts (tests/testbed/README.md, "The services"): what a Hetzner server
# would reach on the internet, served on the machine's side of the testbed bridge, 198.18.0.1, and nowhere
# else. Nothing is forwarded out: the DNS server has no upstream, the web server serves files, Pebble
# validates against the hosts.
#
#   services.sh up        build the repository if needed, start what is not running, wait until all three
#                         answer; prints the services directory. Idempotent: running services are reused.
#   services.sh down      stop them (also after a crash: pidfiles, then anything listening on 198.18.0.1)
#   services.sh status    what runs; exit 0 only if all three do
#
# The three services:
#   web   tests/testbed/services/serve.py on :80 and :443 (the CA-signed certificate): download.jitsi.org
#         (the Jitsi key and the shim repository stable/) and debian.testbed (the Debian subset, debian/)
#   dns   dnsmasq on :53: names only from the hosts files in SERVICES/dns, no upstream
#   acme  Pebble on :14000 (ACME, https://acme.testbed:14000/dir) and :15000 (management)
#
# State: $JD_TESTBED_STATE/services (default /var/lib/jitsi-deployer-testbed/services); the Debian root and
# its .debs come from root.sh's cache $JD_TESTBED_CACHE (default /var/cache/jitsi-deployer-testbed). The
# files other parties read from that directory are listed in the README ("Interface").
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
state=${JD_TESTBED_STATE:-/var/lib/jitsi-deployer-testbed}
export JD_TESTBED_CACHE=${JD_TESTBED_CACHE:-/var/cache/jitsi-deployer-testbed}
address=198.18.0.1
acme_port=14000
management_port=15000
# One set of services per machine: they all bind 198.18.0.1, whichever state directory started them.
lock=/run/jdtb-services.lock
ready_timeout=${JD_TESTBED_SERVICES_TIMEOUT:-60}
names=(web dns acme)
declare -A ports=([web]="80 443" [dns]=53 [acme]="$acme_port $management_port")

die() {
    echo "services.sh: $*" >&2
    exit 1
}

require_root() {
    [[ $(id -u) -eq 0 ]] || die "must run as root (ports 53, 80, 443; the bridge)"
}

mkdir -p "$state"
svc=$(cd "$state" && pwd)/services
[[ $svc != *[\"\\]* ]] || die "the state directory $svc must not contain quotes or backslashes"

pidfile() { echo "$svc/run/$1.pid"; }

# The pid of a running service, if its pidfile names a live process that is ours: its command line
# mentions this services directory (a stale pidfile after a reboot may name an unrelated process).
service_pid() {
    local file pid
    file=$(pidfile "$1")
    [[ -f $file ]] || return 1
    pid=$(cat "$file")
    [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 1
    [[ $(tr '\0' ' ' <"/proc/$pid/cmdline") == *"$svc/"* ]] || return 1
    echo "$pid"
}

# Processes listening on the testbed address (on the given ports, or any): only testbed services may be there.
listener_pids() {
    local wanted=" $* "
    { ss -Hlnptu "src $address" 2>/dev/null || true; } | while read -r _ _ _ _ where _ users; do
        [[ $# -eq 0 || $wanted == *" ${where##*:} "* ]] || continue
        [[ $users =~ pid=([0-9]+) ]] && echo "${BASH_REMATCH[1]}"
    done | sort -u
}

# A process that exited but was not reaped yet (its parent is the machine's init) counts as gone.
alive() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat%% *} != Z ]]
}

stop_pids() {
    local pid tries
    [[ $# -gt 0 ]] || return 0
    kill -TERM "$@" 2>/dev/null || true
    for ((tries = 0; tries < 50; tries++)); do
        local running=()
        for pid in "$@"; do alive "$pid" && running+=("$pid"); done
        [[ ${#running[@]} -gt 0 ]] || return 0
        sleep 0.1
    done
    kill -KILL "$@" 2>/dev/null || true
}

stop_all() {
    local name pid pids=()
    for name in "${names[@]}"; do
        if pid=$(service_pid "$name"); then pids+=("$pid"); fi
    done
    stop_pids "${pids[@]}"
    # Leftovers a pidfile does not know: a crashed services.sh, another state directory.
    mapfile -t pids < <(listener_pids)
    stop_pids "${pids[@]}"
    rm -f "$svc"/run/*.pid
}

# Everything the repository is built from: the cached .debs (root.sh's stamps: bookworm's, and trixie's once
# built) and our own sources. JD_TESTBED_SUITE=trixie builds the trixie root first, so its subset is served.
repo_digest() {
    JD_TESTBED_SUITE=bookworm "$here/root.sh" "$JD_TESTBED_CACHE" >/dev/null
    [[ ${JD_TESTBED_SUITE:-bookworm} == bookworm ]] || "$here/root.sh" "$JD_TESTBED_CACHE" >/dev/null
    {
        cat "$JD_TESTBED_CACHE/root.stamp"
        [[ ! -f $JD_TESTBED_CACHE/root-trixie.stamp ]] || cat "$JD_TESTBED_CACHE/root-trixie.stamp"
        find "$here/repo" "$here/shims/packages" "$here/shims/daemons" "$here/shims/build-repo.sh" -type f -print0 |
            sort -z | xargs -0 sha256sum
    } | sha256sum | cut -d' ' -f1
}

# Writes a file atomically (readers are other processes, dnsmasq among them).
write_file() {
    local target=$1 tmp
    tmp=$(dirname "$target")/.$(basename "$target").tmp
    cat >"$tmp"
    chmod 0644 "$tmp"
    mv -f "$tmp" "$target"
}

start_web() {
    setsid "$here/services/serve.py" --root "$svc/repo/www" --address "$address" \
        --http-port 80 --https-port 443 --cert "$svc/repo/server.crt" --key "$svc/repo/server.key" \
        --log "$svc/logs/web.log" </dev/null >>"$svc/logs/web.out" 2>&1 9>&- &
    echo $! >"$(pidfile web)"
}

start_dns() {
    # --local=/#/: every name is answered from the hosts files, never forwarded (unknown: NXDOMAIN, no
    # AAAA: NODATA). --bind-dynamic binds 198.18.0.1 only and drops queries arriving on other interfaces.
    # As root: the hosts files may sit under a home directory that dnsmasq's own user cannot enter.
    setsid dnsmasq --keep-in-foreground --conf-file=/dev/null --pid-file= --user=root --group=root \
        --no-resolv --no-hosts --local=/#/ --listen-address="$address" --bind-dynamic --port=53 \
        --hostsdir="$svc/dns" --log-queries --log-facility="$svc/logs/dns.log" \
        </dev/null >>"$svc/logs/dns.out" 2>&1 9>&- &
    echo $! >"$(pidfile dns)"
}

start_acme() {
    mkdir -p "$svc/acme"
    write_file "$svc/acme/pebble-config.json" <<EOF
{
  "pebble": {
    "listenAddress": "$address:$acme_port",
    "managementListenAddress": "$address:$management_port",
    "certificate": "$svc/repo/server.crt",
    "privateKey": "$svc/repo/server.key",
    "httpPort": 80,
    "tlsPort": 443,
    "ocspResponderURL": "",
    "externalAccountBindingRequired": false
  }
}
EOF
    # Validation goes to the hosts' real ports 80/443, names resolved by the testbed's DNS; no random
    # sleeps before validating and no rejected nonces, so the test stays fast and deterministic.
    PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 setsid pebble -config "$svc/acme/pebble-config.json" \
        -dnsserver "$address:53" </dev/null >>"$svc/logs/acme.log" 2>&1 9>&- &
    echo $! >"$(pidfile acme)"
}

answers_web() {
    curl -fsS -o /dev/null --max-time 3 "http://$address/debian/dists/bookworm/InRelease" &&
        curl -fsS -o /dev/null --max-time 3 --cacert "$svc/ca.crt" --resolve "download.jitsi.org:443:$address" \
            https://download.jitsi.org/jitsi-key.gpg.key
}

answers_dns() {
    local answer
    answer=$("$here/services/dnsquery.py" "$address" download.jitsi.org 2>/dev/null) &&
        [[ $answer == *$'\n'"$address"* ]]
}

answers_acme() {
    curl -fsS -o /dev/null --max-time 3 --cacert "$svc/ca.crt" --resolve "acme.testbed:$acme_port:$address" \
        "https://acme.testbed:$acme_port/dir" &&
        curl -fsS -o /dev/null --max-time 3 --cacert "$svc/ca.crt" "https://$address:$management_port/roots/0"
}

cmd_up() {
    require_root
    command -v dnsmasq >/dev/null || die "dnsmasq is missing: apt-get install dnsmasq-base"
    command -v pebble >/dev/null || die "pebble is missing: apt-get install pebble"
    command -v curl >/dev/null || die "curl is missing: apt-get install curl"
    exec 9>"$lock"
    flock 9
    local started=$SECONDS
    "$here/host.sh" bridges
    mkdir -p "$svc/run" "$svc/logs" "$svc/dns"

    local digest
    digest=$(repo_digest)
    if [[ ! -f $svc/repo/stamp || $(cat "$svc/repo/stamp") != "$digest" ]]; then
        # The running services use the old repository's certificate: they go with it.
        stop_all
        rm -rf "$svc/repo.new"
        "$here/repo/build.sh" "$svc/repo.new" >/dev/null
        echo "$digest" >"$svc/repo.new/stamp"
        rm -rf "$svc/repo"
        mv "$svc/repo.new" "$svc/repo"
    fi

    # The interface (README "Interface"): what hosts and other parties read.
    write_file "$svc/ca.crt" <"$svc/repo/ca.crt"
    write_file "$svc/apt-key.gpg" <"$svc/repo/apt-key.gpg"
    write_file "$svc/apt-key.asc" <"$svc/repo/apt-key.asc"
    echo "deb http://debian.testbed/debian bookworm main" | write_file "$svc/apt-source"
    if [[ -d $svc/repo/www/debian/dists/trixie ]]; then
        echo "deb http://debian.testbed/debian trixie main" | write_file "$svc/apt-source-trixie"
    else
        rm -f "$svc/apt-source-trixie"
    fi
    echo "$address" | write_file "$svc/dns-server"
    echo "https://acme.testbed:$acme_port/dir" | write_file "$svc/acme-directory-url"
    echo "https://$address:$management_port/roots/0" | write_file "$svc/acme-roots-url"
    printf '# Written by tests/testbed/services.sh; other files in this directory belong to others.\n%s download.jitsi.org debian.testbed acme.testbed\n' \
        "$address" | write_file "$svc/dns/services"

    local name pid pids
    for name in "${names[@]}"; do
        service_pid "$name" >/dev/null && continue
        # Whatever holds its ports without a pidfile here (a lost pidfile, another state directory) goes.
        mapfile -t pids < <(listener_pids "${ports[$name]}")
        stop_pids "${pids[@]}"
        "start_$name"
    done

    local deadline=$((SECONDS + ready_timeout)) waiting
    while :; do
        waiting=()
        for name in "${names[@]}"; do
            if ! pid=$(service_pid "$name"); then
                echo "services.sh: $name exited; its log:" >&2
                tail -n 20 "$svc/logs/$name".* >&2 2>/dev/null || true
                stop_all
                exit 1
            fi
            "answers_$name" 2>/dev/null || waiting+=("$name")
        done
        [[ ${#waiting[@]} -gt 0 ]] || break
        if ((SECONDS >= deadline)); then
            echo "services.sh: no answer from ${waiting[*]} within ${ready_timeout}s; logs in $svc/logs" >&2
            stop_all
            exit 1
        fi
        sleep 0.2
    done
    echo "services.sh: up in $((SECONDS - started)) s ($svc)" >&2
    echo "$svc"
}

cmd_down() {
    require_root
    exec 9>"$lock"
    flock 9
    stop_all
}

cmd_status() {
    local name pid rc=0 ours=()
    for name in "${names[@]}"; do
        if pid=$(service_pid "$name"); then
            echo "$name running (pid $pid)"
            ours+=("$pid")
        else
            echo "$name stopped"
            rc=3
        fi
    done
    local stray=()
    for pid in $(listener_pids); do
        [[ " ${ours[*]} " == *" $pid "* ]] || stray+=("$pid")
    done
    [[ ${#stray[@]} -eq 0 ]] || echo "also listening on $address, unknown to $svc: pids ${stray[*]}"
    return "$rc"
}

case ${1:-} in
up) cmd_up ;;
down) cmd_down ;;
status) cmd_status ;;
*) die "usage: services.sh up|down|status (see the header of this script)" ;;
esac
