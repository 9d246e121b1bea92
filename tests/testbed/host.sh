#!/bin/bash
# One sandboxed testbed host (tests/testbed/README.md): a network namespace on the testbed bridge, its own
# hostname, an overlay over the cached Debian root, real cloud-init from a NoCloud seed and a real sshd.
#
#   host.sh up NAME IP [options]     start a host; returns when its sshd accepts connections
#       --user-data FILE             cloud-init user-data (as UserDataRenderer writes it)
#       --ipv6 ADDRESS               the host's IPv6 address (in 2001:db8::/32) on eth0, besides its IPv4
#       --private IP/PREFIX          a second interface on the private bridge (jdtbp0), like a Hetzner network
#       --apt-source LINE            an apt source line the host may use (repeatable; the local repository)
#       --ca-cert FILE               a CA certificate the host trusts (repeatable; e.g. the local repo's)
#       --hosts-entry "IP NAMES"     a line for the host's /etc/hosts (repeatable)
#       --nameserver IP              the host's resolver (default: none, names do not resolve)
#       --services DIR               use the testbed services (services.sh up prints DIR): their DNS, CA,
#                                    Debian subset mirror and apt key
#       --suite SUITE                the Debian release: bookworm (default, or $JD_TESTBED_SUITE) or trixie;
#                                    picks root.sh's root and, with --services, that suite's Debian subset
#       --root DIR                   the lower layer (default: root.sh's output for $JD_TESTBED_CACHE)
#   host.sh down NAME [--keep-state] [--collect DIR]
#                                    kill the host's processes, unmount, delete its namespace (and state);
#                                    --collect first copies the host's /var/log to DIR/NAME/var/log
#   host.sh down-all                 every testbed host, the services, the bridges and the filter table,
#                                    also after a crash
#   host.sh bridges                  create the bridges and the filter table if missing (services.sh uses it)
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
bridge_network=198.18.0.0/15
# IPv6 as the simulator hands it out: a /64 of the documentation range per server, whose ::1 the server
# uses. The whole /32 is one link here, so the machine (Pebble validating over IPv6) reaches every host.
bridge_address6=2001:db8::1/32
bridge_network6=2001:db8::/32
private_bridge=jdtbp0
prefix=jdtb
# Serialises the bridges' creation: two hosts (or a host and the services) starting at once.
bridge_lock=/run/jdtb.lock
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
# route or forwarding appeared later. Traffic between hosts on one bridge is bridged, not routed. The
# input chain keeps the machine's testbed address (the services) unreachable from anywhere but the
# testbed bridge and the machine itself.
ensure_bridges() {
    (
        flock 8
        create_bridges
    ) 8>"$bridge_lock"
}

create_bridges() {
    if ! ip link show "$bridge" >/dev/null 2>&1; then
        ip link add "$bridge" type bridge
        ip address add "$bridge_address" dev "$bridge"
        ip link set "$bridge" up
    fi
    # Also on a bridge made by an older version of this script. (Read whole: "grep -q" ending the pipe early
    # would make pipefail report ip's SIGPIPE as "missing".)
    local addresses
    addresses=$(ip -6 address show dev "$bridge")
    if [[ $addresses != *"${bridge_address6%/*}/"* ]]; then
        ip address add "$bridge_address6" dev "$bridge" nodad
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
    chain input {
        type filter hook input priority -10; policy accept;
        ip daddr $bridge_network iifname != { "$bridge", "lo" } counter drop
        ip6 daddr $bridge_network6 iifname != { "$bridge", "lo" } counter drop
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

# No duplicate address detection: the address is usable at once, as the simulator guarantees it is unique.
add_ipv6() {
    ip -n "$1" address add "$2/${bridge_network6#*/}" dev eth0 nodad
}

# Per host, where the machine has cgroup v1's cpu and cpuacct hierarchies: cpuacct measures the CPU time the host
# used (written to its state as cpu-seconds when it goes down), and with JD_TESTBED_HOST_CPUS (e.g. 0.4) the cpu
# controller caps it at that many CPUs, so that every host gets the same share as separate servers would however
# many run at once (bench/testbed_scaling.py). Prints the cgroup directories made; none where unavailable.
cgroup_root=/sys/fs/cgroup
make_cgroups() {
    local name=$1 made=() controller dir
    for controller in cpuacct cpu; do
        [[ -w $cgroup_root/$controller/cgroup.procs ]] || continue
        [[ $controller == cpu && -z ${JD_TESTBED_HOST_CPUS:-} ]] && continue
        dir=$cgroup_root/$controller/$prefix-$name
        mkdir -p "$dir" || continue
        if [[ $controller == cpu ]]; then
            local period
            period=$(cat "$dir/cpu.cfs_period_us")
            awk -v c="$JD_TESTBED_HOST_CPUS" -v p="$period" 'BEGIN { printf "%d\n", c * p }' >"$dir/cpu.cfs_quota_us"
        fi
        made+=("$dir")
    done
    echo "${made[*]}"
}

# After the host's processes are gone: its CPU time into the state (for --collect), then the cgroups.
remove_cgroups() {
    local name=$1 dir=$2 controller group
    for controller in cpuacct cpu; do
        group=$cgroup_root/$controller/$prefix-$name
        [[ -d $group ]] || continue
        if [[ $controller == cpuacct && -d $dir ]]; then
            awk '{ printf "%.3f\n", $1 / 1e9 }' "$group/cpuacct.usage" >"$dir/cpu-seconds" 2>/dev/null || true
        fi
        rmdir "$group" 2>/dev/null || true
    done
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

    local user_data="" private="" ipv6="" root="" nameserver="" services="" suite=${JD_TESTBED_SUITE:-bookworm}
    local -a apt_sources=() ca_certs=() hosts_entries=()
    while [[ $# -gt 0 ]]; do
        case $1 in
        --user-data) user_data=$2 ;;
        --private) private=$2 ;;
        --ipv6) ipv6=$2 ;;
        --apt-source) apt_sources+=("$2") ;;
        --ca-cert) ca_certs+=("$2") ;;
        --hosts-entry) hosts_entries+=("$2") ;;
        --nameserver) nameserver=$2 ;;
        --services) services=$2 ;;
        --root) root=$2 ;;
        --suite) suite=$2 ;;
        *) die "unknown option $1" ;;
        esac
        shift 2
    done
    [[ -z $user_data || -f $user_data ]] || die "user-data file $user_data not found"
    [[ -z $ipv6 || $ipv6 =~ ^2001:(0)?db8:[0-9a-f:]+$ ]] || die "IPv6 $ipv6 must be in 2001:db8::/32"
    if [[ -n $services ]]; then
        local fact
        for fact in dns-server ca.crt apt-source apt-key.gpg; do
            [[ -s $services/$fact ]] || die "$services/$fact is missing: is $services what services.sh up printed?"
        done
        nameserver=$(cat "$services/dns-server")
        ca_certs+=("$services/ca.crt")
        # bookworm's file keeps its old name (apt-source); other suites' subsets are served only once built.
        local source_file=$services/apt-source
        [[ $suite == bookworm ]] || source_file=$services/apt-source-$suite
        [[ -s $source_file ]] ||
            die "the services serve no $suite packages: run JD_TESTBED_SUITE=$suite services.sh up (it builds that root)"
        apt_sources+=("$(cat "$source_file")")
    fi
    [[ -n $root ]] || root=$(JD_TESTBED_SUITE=$suite "$here/root.sh" "$cache")

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
    # The Debian subset mirror is signed by the testbed's key; the Jitsi repository is not trusted this
    # way (its sources line names its own keyring, which the prepare script fetches).
    [[ -z $services ]] || install -m 0644 "$services/apt-key.gpg" "$r/etc/apt/trusted.gpg.d/jitsi-deployer-testbed.gpg"
    [[ -z $services ]] || expect_jitsi_key "$r" "$services/apt-key.gpg"
    if [[ ${#ca_certs[@]} -gt 0 ]]; then
        for cert in "${ca_certs[@]}"; do cp "$cert" "$r/usr/local/share/ca-certificates/jdtb-$(basename "$cert" .crt).crt"; done
        chroot "$r" update-ca-certificates >/dev/null
    fi

    ensure_bridges
    ip netns add "$netns"
    ip -n "$netns" link set lo up
    add_interface "$name" "$netns" "$bridge" p "$ip/15" eth0
    [[ -z $ipv6 ]] || add_ipv6 "$netns" "$ipv6"
    [[ -z $private ]] || add_interface "$name" "$netns" "$private_bridge" q "$private" eth1

    # The host's PID 1 (sandbox/init.py) in new PID, mount and UTS namespaces inside the network namespace.
    # Killing every process of the network namespace ends the host (down). The keeper joins the host's CPU
    # cgroups before it execs, so every process of the host is counted (and capped) from the first one on.
    local cgroups
    cgroups=$(make_cgroups "$name")
    # shellcheck disable=SC2016 # expanded by the inner bash
    setsid bash -c 'for g in $1; do echo $$ >"$g/cgroup.procs"; done; shift; exec "$@"' _ "$cgroups" \
        ip netns exec "$netns" unshare --pid --mount --uts --fork --propagation private \
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

# Test seam (docs/provisioning.md "The Jitsi apt key"): the install scripts trust the Jitsi keyring only if it
# is the key with Jitsi's published fingerprint. The testbed's repository is signed by the testbed's own key,
# so the provisioning unit is told to expect that one instead (the systemctl shim applies the drop-in).
expect_jitsi_key() {
    local r=$1 key=$2 home fingerprint
    local dropins=$r/etc/systemd/system/jitsi-deployer-provision.service.d
    home=$(mktemp -d)
    fingerprint=$(GNUPGHOME=$home gpg --batch --with-colons --show-keys "$key" 2>/dev/null |
        awk -F: '$1 == "fpr" && !seen { print $10; seen = 1 }')
    rm -rf "$home"
    [[ -n $fingerprint ]] || die "cannot read the fingerprint of $key"
    mkdir -p "$dropins"
    printf '[Service]\nEnvironment=JD_JITSI_KEY_FINGERPRINT=%s\n' "$fingerprint" >"$dropins/testbed-jitsi-key.conf"
}

# Writes what a fresh server has before its first boot: the seed (instance id, hostname, user-data), the
# testbed's cloud-init settings, the shims and the init.
prepare_root() {
    local r=$1 name=$2 ip=$3 user_data=$4 nameserver=$5
    local lib=$r/usr/local/lib/jitsi-deployer-testbed
    mkdir -p "$lib" "$r/var/lib/cloud/seed/nocloud"
    install -m 0755 "$here/sandbox/init.py" "$lib/init.py"
    # Where systemd's own tools live: apt runs maintainer scripts with PATH=DPkg::Path, which has no
    # /usr/local, and deb-systemd-invoke, invoke-rc.d and the postinsts call plain "systemctl".
    install -m 0755 "$here/sandbox/systemctl" "$r/usr/bin/systemctl"
    install -m 0755 "$here/sandbox/systemctl" "$r/usr/bin/systemd-run"
    install -m 0755 "$here/sandbox/hostnamectl" "$r/usr/bin/hostnamectl"
    # invoke-rc.d (nginx's postinst) believes there is no init without /sbin/init.
    ln -sfn /usr/local/lib/jitsi-deployer-testbed/init.py "$r/usr/sbin/init"
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
    local name=${1:-} keep="" collect=""
    [[ -n $name ]] || die "usage: host.sh down NAME [--keep-state] [--collect DIR]"
    shift
    while [[ $# -gt 0 ]]; do
        case $1 in
        --keep-state) keep=yes ;;
        --collect)
            collect=${2:-}
            [[ -n $collect ]] || die "--collect needs a directory"
            shift
            ;;
        *) die "unknown option $1" ;;
        esac
        shift
    done
    local netns dir
    netns=$(netns_of "$name")
    dir=$(host_dir "$name")
    if [[ -e /run/netns/$netns ]]; then
        kill_netns_processes "$netns"
        ip netns delete "$netns"
    fi
    remove_cgroups "$name" "$dir"
    # After the kill, so no log is written to while it is copied.
    [[ -z $collect ]] || collect_logs "$name" "$dir" "$collect"
    # Deleting the namespace deletes the veth pair; a half-made pair may remain from a failed up.
    local kind
    for kind in p q; do ip link delete "$(link_of "$name" "$kind")" 2>/dev/null || true; done
    unmount_overlay_named "$netns"
    [[ -n $keep ]] || rm -rf --one-file-system "$dir"
}

# The host's logs as the machine sees them in its upper layer (only what the host wrote): regular files
# only, so overlay whiteouts (deleted files) are not copied as device nodes. Replaces an earlier copy.
collect_logs() {
    local name=$1 dir=$2 target=$3/$1
    [[ -d $dir/upper/var/log ]] || return 0
    rm -rf "$target"
    mkdir -p "$target"
    (cd "$dir/upper" && find var/log -type f -print0 | xargs -0 -r cp --parents -p -t "$target")
    cp -p "$dir/init.log" "$target/" 2>/dev/null || true
    cp -p "$dir/cpu-seconds" "$target/" 2>/dev/null || true
    echo "host.sh: logs of $name in $target" >&2
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
    # The services first: they listen on the bridge's address. The hosts go even if that fails.
    "$here/services.sh" down || echo "host.sh: services.sh down failed; continuing with the hosts" >&2
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
    local group
    for group in "$cgroup_root"/cpu/"$prefix"-* "$cgroup_root"/cpuacct/"$prefix"-*; do
        [[ ! -d $group ]] || rmdir "$group" 2>/dev/null || true
    done
    [[ ! -d $state/hosts ]] || rm -rf --one-file-system "$state/hosts"
}

cmd_list() {
    ip netns list | awk '{ print $1 }' | grep "^$prefix-" | sed "s/^$prefix-//" || true
}

case ${1:-} in
up) require_root && shift && cmd_up "$@" ;;
down) require_root && shift && cmd_down "$@" ;;
down-all) require_root && cmd_down_all ;;
bridges) require_root && ensure_bridges ;;
exec) require_root && shift && cmd_exec "$@" ;;
root) echo "$(host_dir "${2:?usage: host.sh root NAME}")/root" ;;
list) cmd_list ;;
_init) shift && cmd_init "$@" ;;
*) die "usage: host.sh up|down|down-all|bridges|exec|root|list (see the header of this script)" ;;
esac
