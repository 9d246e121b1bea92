#!/bin/bash
# One sandboxed testbed host (tests/testbed/README.md): a network namespace on the testbed bridge, its own
# hostname, an overlay over the cached Debian root, real cloud-init from a NoCloud seed and a real sshd.
#
#   host.sh up NAME IP [options]     start a host; returns when its sshd accepts connections
#       --user-data FILE             cloud-init user-data (as UserDataRenderer writes it)
#       --private IP/PREFIX          a second interface on the private bridge (jdtbp0), like a Hetzner network
#       --apt-source LINE            an apt source line the host may use (repeatable; the local repository)
#       --ca-cert FILE               a CA certificate the host trusts (repeatable; e.g. the local repo's)
#       --hosts-entry "IP NAMES"     a line for the host's /etc/hosts (repeatable)
#       --nameserver IP              the host's resolver (default: none, names do not resolve)
#       --root DIR                   the lower layer (default: root.sh's output for $JD_TESTBED_CACHE)
#   host.sh down NAME [--keep-state] kill the host's processes, unmount, delete its namespace (and state)
#   host.sh down-all                 every testbed host, the bridges and the filter table, also after a crash
#   host.sh exec NAME CMD...         run a command inside the host (its namespaces and root), as root
#   host.sh root NAME                print the host's overlay root as the machine sees it
#   host.sh list                     the running hosts
#
# Environment: JD_TESTBED_STATE (per-host state: upper layers, seed; default /var/lib/jitsi-deployer-testbed),
# JD_TESTBED_CACHE (the root cache for root.sh; default /var/cache/jitsi-deployer-testbed).
#
# Everything the testbed creates carries the prefix "jdtb": namespaces jdtb-NAME, links jdtb*, overlay
# mounts with source jdtb-NAME, the machine's nft table jdtb. down-all finds leftovers by that prefix, not
# by the state directory, so it also cleans up after a killed test.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
state=${JD_TESTBED_STATE:-/var/lib/jitsi-deployer-testbed}
cache=${JD_TESTBED_CACHE:-/var/cache/jitsi-deployer-testbed}
bridge=jdtb0
bridge_address=198.18.0.1/15
private_bridge=jdtbp0
prefix=jdtb
boot_timeout=${JD_TESTBED_BOOT_TIMEOUT:-120}

die() {
    echo "host.sh: $*" >&2
    exit 1
}

require_root() {
    [[ $(id -u) -eq 0 ]] || die "must run as root (namespaces, mounts)"
}

check_name() {
    [[ $1 =~ ^[a-z0-9][a-z0-9-]{0,62}$ ]] || die "host name '$1' must be lower-case letters, digits and dashes"
}

netns_of() { echo "$prefix-$1"; }
# Interface names are limited to 15 bytes: a digest of the host name keeps them unique and short.
link_of() { echo "$prefix$2$(printf '%s' "$1" | sha256sum | cut -c1-8)"; }
host_dir() { echo "$state/hosts/$1"; }

# The machine side: the bridge with the first address of the range, and a filter that drops anything
# routed between the testbed bridges and any other interface, so a namespace cannot reach out even if a
# route or forwarding appeared later. Traffic between hosts on one bridge is bridged, not routed.
ensure_bridges() {
    if ! ip link show "$bridge" >/dev/null 2>&1; then
        ip link add "$bridge" type bridge
        ip address add "$bridge_address" dev "$bridge"
        ip link set "$bridge" up
    fi
    if ! ip link show "$private_bridge" >/dev/null 2>&1; then
        ip link add "$private_bridge" type bridge
        ip link set "$private_bridge" up
    fi
    nft -f - <<EOF
table inet $prefix
delete table inet $prefix
table inet $prefix {
    chain forward {
        type filter hook forward priority -10; policy accept;
        iifname { "$bridge", "$private_bridge" } oifname != { "$bridge", "$private_bridge" } counter drop
        oifname { "$bridge", "$private_bridge" } iifname != { "$bridge", "$private_bridge" } counter drop
    }
}
EOF
}

add_interface() {
    local name=$1 netns=$2 bridge_name=$3 kind=$4 address=$5 inside=$6
    local outer
    outer=$(link_of "$name" "$kind")
    ip link add "$outer" type veth peer name "${outer}x"
    ip link set "$outer" master "$bridge_name" up
    ip link set "${outer}x" netns "$netns"
    ip -n "$netns" link set "${outer}x" name "$inside"
    ip -n "$netns" address add "$address" dev "$inside"
    ip -n "$netns" link set "$inside" up
}

pids_of() {
    ip netns pids "$1" 2>/dev/null || true
}

kill_netns_processes() {
    local netns=$1 pids tries=0
    while pids=$(pids_of "$netns") && [[ -n $pids ]]; do
        # shellcheck disable=SC2086 # one pid per word
        kill -KILL $pids 2>/dev/null || true
        ((++tries > 100)) && die "processes in $netns do not die: $pids"
        sleep 0.1
    done
}

unmount_under() {
    local dir=$1
    { grep -F " $dir" /proc/self/mounts || true; } | cut -d' ' -f2 | sort -r | while read -r mountpoint; do
        umount "$mountpoint" 2>/dev/null || umount -l "$mountpoint"
    done
}

cmd_up() {
    local name=${1:-} ip=${2:-}
    [[ -n $name && -n $ip ]] || die "usage: host.sh up NAME IP [options]"
    shift 2
    check_name "$name"
    [[ $ip =~ ^198\.(18|19)\.[0-9]+\.[0-9]+$ ]] || die "IP $ip must be in 198.18.0.0/15 (not 198.18.0.1)"
    [[ $ip != 198.18.0.1 ]] || die "198.18.0.1 is the machine's side of the bridge"

    local user_data="" private="" root="" nameserver=""
    local -a apt_sources=() ca_certs=() hosts_entries=()
    while [[ $# -gt 0 ]]; do
        case $1 in
        --user-data) user_data=$2 ;;
        --private) private=$2 ;;
        --apt-source) apt_sources+=("$2") ;;
        --ca-cert) ca_certs+=("$2") ;;
        --hosts-entry) hosts_entries+=("$2") ;;
        --nameserver) nameserver=$2 ;;
        --root) root=$2 ;;
        *) die "unknown option $1" ;;
        esac
        shift 2
    done
    [[ -z $user_data || -f $user_data ]] || die "user-data file $user_data not found"
    [[ -n $root ]] || root=$("$here/root.sh" "$cache")

    local netns dir
    netns=$(netns_of "$name")
    dir=$(host_dir "$name")
    [[ ! -e /run/netns/$netns ]] || die "host $name is already up (host.sh down $name first)"

    rm -rf --one-file-system "$dir"
    mkdir -p "$dir/upper" "$dir/work" "$dir/root"
    mount -t overlay "$netns" -o "lowerdir=$root,upperdir=$dir/upper,workdir=$dir/work" "$dir/root"
    local r=$dir/root
    prepare_root "$r" "$name" "$ip" "$user_data" "$nameserver"
    local entry source cert
    for source in "${apt_sources[@]}"; do echo "$source" >>"$r/etc/apt/sources.list.d/jitsi-deployer-testbed.list"; done
    for entry in "${hosts_entries[@]}"; do echo "$entry" >>"$r/etc/hosts"; done
    if [[ ${#ca_certs[@]} -gt 0 ]]; then
        for cert in "${ca_certs[@]}"; do cp "$cert" "$r/usr/local/share/ca-certificates/jdtb-$(basename "$cert" .crt).crt"; done
        chroot "$r" update-ca-certificates >/dev/null
    fi

    ensure_bridges
    ip netns add "$netns"
    ip -n "$netns" link set lo up
    add_interface "$name" "$netns" "$bridge" p "$ip/15" eth0
    [[ -z $private ]] || add_interface "$name" "$netns" "$private_bridge" q "$private" eth1

    # The host's PID 1 (sandbox/init.py) in new PID, mount and UTS namespaces inside the network namespace.
    # Killing every process of the network namespace ends the host (down).
    setsid ip netns exec "$netns" unshare --pid --mount --uts --fork --propagation private \
        "$here/host.sh" _init "$name" "$r" </dev/null >"$dir/init.log" 2>&1 &
    local keeper=$!
    echo "$keeper" >"$dir/pid"

    local waited=0 status=""
    while ((waited < boot_timeout * 10)); do
        status=$(cat "$r/var/lib/jitsi-deployer-testbed/boot-status" 2>/dev/null || true)
        [[ -z $status ]] || break
        kill -0 "$keeper" 2>/dev/null || break
        sleep 0.1
        ((++waited))
    done
    if [[ $status != sshd-started ]]; then
        echo "host.sh: host $name did not start sshd (${status:-no status}); boot log:" >&2
        cat "$r/var/log/jitsi-deployer-testbed/boot.log" "$dir/init.log" >&2 2>/dev/null || true
        cmd_down "$name" --keep-state
        exit 1
    fi
    echo "host.sh: $name up at $ip (state $dir)" >&2
}

# Writes what a fresh server has before its first boot: the seed (instance id, hostname, user-data), the
# testbed's cloud-init settings, the shims and the init.
prepare_root() {
    local r=$1 name=$2 ip=$3 user_data=$4 nameserver=$5
    local lib=$r/usr/local/lib/jitsi-deployer-testbed
    mkdir -p "$lib" "$r/var/lib/cloud/seed/nocloud"
    install -m 0755 "$here/sandbox/init.py" "$lib/init.py"
    install -m 0755 "$here/sandbox/systemctl" "$r/usr/local/sbin/systemctl"
    install -m 0755 "$here/sandbox/systemctl" "$r/usr/local/sbin/systemd-run"
    install -m 0755 "$here/sandbox/hostnamectl" "$r/usr/local/sbin/hostnamectl"
    install -m 0644 "$here/sandbox/cloud.cfg" "$r/etc/cloud/cloud.cfg.d/90_jitsi_deployer_testbed.cfg"
    printf 'instance-id: jdtb-%s-%s\nlocal-hostname: %s\n' "$name" "$(date +%s%N)" "$name" \
        >"$r/var/lib/cloud/seed/nocloud/meta-data"
    if [[ -n $user_data ]]; then
        install -m 0600 "$user_data" "$r/var/lib/cloud/seed/nocloud/user-data"
    else
        echo '#cloud-config' >"$r/var/lib/cloud/seed/nocloud/user-data"
    fi
    echo "$name" >"$r/etc/hostname"
    printf '127.0.0.1 localhost\n%s %s\n' "$ip" "$name" >"$r/etc/hosts"
    if [[ -n $nameserver ]]; then
        echo "nameserver $nameserver" >"$r/etc/resolv.conf"
    else
        : >"$r/etc/resolv.conf"
    fi
    # sshd has no syslog here: its log goes to a file (still the unit's own ExecStart).
    echo 'SSHD_OPTS="-E /var/log/sshd.log"' >"$r/etc/default/ssh"
}

# Runs as PID 1 of the host's new PID namespace (before the chroot): private mounts, then init.py.
cmd_init() {
    local name=$1 r=$2
    hostname "$name"
    mount -t proc proc "$r/proc"
    mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$r/sys"
    mount -t tmpfs -o mode=0755,nosuid tmpfs "$r/dev"
    local node
    for node in null zero full random urandom tty; do
        touch "$r/dev/$node"
        mount --bind "/dev/$node" "$r/dev/$node"
    done
    mkdir -p "$r/dev/pts" "$r/dev/shm"
    mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$r/dev/pts"
    ln -s pts/ptmx "$r/dev/ptmx"
    ln -s /proc/self/fd "$r/dev/fd"
    mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$r/dev/shm"
    mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs "$r/run"
    # What Debian's tools check to decide that systemd manages services: with it they call systemctl (the
    # shim) instead of init.d scripts, so every service of the host goes through one runner.
    mkdir -p "$r/run/lock" "$r/run/systemd/system" "$r/run/cloud-init"
    touch "$r/run/cloud-init/enabled"
    exec chroot "$r" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 /usr/bin/python3 /usr/local/lib/jitsi-deployer-testbed/init.py
}

cmd_exec() {
    local name=${1:-}
    [[ -n $name && $# -ge 2 ]] || die "usage: host.sh exec NAME CMD..."
    shift
    local pid
    pid=$(find_init "$name")
    [[ -n $pid ]] || die "host $name is not running"
    nsenter --target "$pid" --net --uts --mount --pid --root --wd -- \
        /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
        LANG=C.UTF-8 "$@"
}

# PID 1 of the host as the machine numbers it: the process in the host's network namespace whose parent
# is unshare.
find_init() {
    local netns pid
    netns=$(netns_of "$1")
    for pid in $(pids_of "$netns"); do
        if [[ $(cat "/proc/$pid/comm" 2>/dev/null) == python3 &&
            $(ps -o comm= -p "$(ps -o ppid= -p "$pid" | tr -d ' ')") == unshare ]]; then
            echo "$pid"
            return
        fi
    done
}

cmd_down() {
    local name=${1:-} keep=${2:-}
    [[ -n $name ]] || die "usage: host.sh down NAME [--keep-state]"
    local netns dir
    netns=$(netns_of "$name")
    dir=$(host_dir "$name")
    if [[ -e /run/netns/$netns ]]; then
        kill_netns_processes "$netns"
        ip netns delete "$netns"
    fi
    # Deleting the namespace deletes the veth pair; a half-made pair may remain from a failed up.
    local kind
    for kind in p q; do ip link delete "$(link_of "$name" "$kind")" 2>/dev/null || true; done
    unmount_overlay_named "$netns"
    [[ $keep == --keep-state ]] || rm -rf --one-file-system "$dir"
}

unmount_overlay_named() {
    local source=$1 mountpoint
    awk -v s="$source" '$1 == s && $3 == "overlay" { print $2 }' /proc/self/mounts | while read -r mountpoint; do
        unmount_under "$mountpoint/"
        umount "$mountpoint" 2>/dev/null || umount -l "$mountpoint"
    done
}

cmd_down_all() {
    local netns name
    for netns in $(ip netns list | awk '{ print $1 }' | grep "^$prefix-" || true); do
        kill_netns_processes "$netns"
        ip netns delete "$netns"
    done
    # Overlays whose namespace is already gone (a crash between mount and netns creation).
    awk -v p="$prefix-" 'index($1, p) == 1 && $3 == "overlay" { print $1 }' /proc/self/mounts | sort -u |
        while read -r name; do unmount_overlay_named "$name"; done
    local link
    for link in $(ip -o link show | awk -F': ' '{ print $2 }' | cut -d@ -f1 | grep "^$prefix" || true); do
        ip link delete "$link" 2>/dev/null || true
    done
    nft delete table inet "$prefix" 2>/dev/null || true
    [[ ! -d $state/hosts ]] || rm -rf --one-file-system "$state/hosts"
}

cmd_list() {
    ip netns list | awk '{ print $1 }' | grep "^$prefix-" | sed "s/^$prefix-//" || true
}

case ${1:-} in
up) require_root && shift && cmd_up "$@" ;;
down) require_root && shift && cmd_down "$@" ;;
down-all) require_root && cmd_down_all ;;
exec) require_root && shift && cmd_exec "$@" ;;
root) echo "$(host_dir "${2:?usage: host.sh root NAME}")/root" ;;
list) cmd_list ;;
_init) shift && cmd_init "$@" ;;
*) die "usage: host.sh up|down|down-all|exec|root|list (see the header of this script)" ;;
esac
