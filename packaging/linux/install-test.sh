#!/bin/bash
# Installs the DEB into a fresh Debian 12 system and takes it out again (issue: installers; ctest
# packaging_install, label packaging). Needs root and Debian's archive; nothing else.
#
#   install-test.sh DEB HCLOUD_SIM [CACHE_DIR]
#
# The system is an overlay over the testbed's cached debootstrap root (tests/testbed/root.sh builds it once,
# CACHE_DIR defaults to the testbed's), so the cache is never changed. Inside it, in a mount namespace of its
# own: apt resolves the package's dependencies from its own metadata against Debian's archive (Recommends left
# out: gnome-keyring would pull in a desktop session), then
#   - jitsi-deployer --version and --help,
#   - a headless command against hcloud-sim (running on this machine's loopback, which the chroot shares),
#   - the wizard starting on the offscreen platform and showing its first page,
# and finally `apt-get purge` must leave the file system as it was before the package came: nothing of it
# left behind, nothing else removed.
set -euo pipefail

die() {
    echo "install-test: $*" >&2
    exit 1
}

[[ $# -ge 2 ]] || die "usage: install-test.sh DEB HCLOUD_SIM [CACHE_DIR]"
deb=$(realpath "$1")
sim=$(realpath "$2")
cache=${3:-${JD_TESTBED_CACHE:-/var/cache/jitsi-deployer-testbed}}
here=$(cd "$(dirname "$0")" && pwd)
[[ $(id -u) -eq 0 ]] || die "must run as root (mounts, chroot)"
[[ -f $deb ]] || die "no package at $deb"

# The checks run in a private mount namespace: every mount (overlay, /proc, /dev) goes away with it.
if [[ ${JD_INSTALL_TEST_INNER:-} != 1 ]]; then
    base=$(bash "$here/../../tests/testbed/root.sh" "$cache")
    work=$(mktemp -d /tmp/jd-install-XXXXXX)
    sim_pid=
    # shellcheck disable=SC2317 # called by the EXIT trap
    cleanup() {
        [[ -n $sim_pid ]] && kill "$sim_pid" 2>/dev/null
        rm -rf "$work"
    }
    trap cleanup EXIT
    port_file=$work/sim-port
    "$sim" --port 0 --token install-test-token >"$work/sim.log" 2>&1 &
    sim_pid=$!
    for _ in $(seq 100); do
        port=$(grep -oE 'http://127\.0\.0\.1:[0-9]+/v1' "$work/sim.log" | head -n1 || true)
        [[ -n $port ]] && break
        sleep 0.1
    done
    [[ -n ${port:-} ]] || die "hcloud-sim did not start: $(cat "$work/sim.log")"
    echo "$port" >"$port_file"
    JD_INSTALL_TEST_INNER=1 JD_INSTALL_WORK=$work JD_INSTALL_BASE=$base \
        unshare --mount --propagation private bash "$0" "$deb" "$sim" "$cache"
    exit $?
fi

work=$JD_INSTALL_WORK
root=$work/root
mkdir -p "$work/upper" "$work/ovl" "$root"
mount -t overlay jd-install -o "lowerdir=$JD_INSTALL_BASE,upperdir=$work/upper,workdir=$work/ovl" "$root"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount -t tmpfs tmpfs "$root/tmp"
mount -t tmpfs tmpfs "$root/run"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The archive the machine itself uses (the cached root has its sources removed).
mkdir -p "$root/etc/apt/sources.list.d"
echo "deb http://deb.debian.org/debian bookworm main" >"$root/etc/apt/sources.list"
cp "$deb" "$root/tmp/package.deb"
api=$(cat "$work/sim-port")

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
# Every file and link of the system (not directories: apt's own bookkeeping creates some), minus the pseudo file
# systems and apt's caches and logs, which change with any apt run.
snapshot() {
    (cd "$root" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./tmp -o -path ./run \
        -o -path ./var/cache/apt -o -path ./var/lib/apt/lists -o -path ./var/log \
        -o -path ./var/cache/debconf -o -path ./var/lib/dpkg \) -prune -o ! -type d -print | sort)
}

echo "== apt resolves the package's dependencies"
in_root apt-get update -q >"$work/apt-update.log" 2>&1 || die "apt-get update failed: $(tail -5 "$work/apt-update.log")"
# First only what the package depends on, so the snapshot below is the system without the package.
mapfile -t depends < <(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -E 's/\(.*\)//; s/\|.*//; s/^ +//; s/ +$//' | grep -v '^$')
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${depends[@]}" \
    >"$work/apt-deps.log" 2>&1 || die "installing the dependencies failed: $(tail -15 "$work/apt-deps.log")"
before=$(snapshot)
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/package.deb \
    >"$work/apt-install.log" 2>&1 || die "installing the package failed: $(tail -15 "$work/apt-install.log")"
status=$(in_root dpkg -s jitsi-deployer)
[[ $status == *$'\nStatus: install ok installed'* || $status == 'Status: install ok installed'* ]] ||
    die "dpkg does not list the package"
# The comparison after purge means something only if the snapshot sees the package's files.
installed=$(snapshot)
grep -qx './usr/bin/jitsi-deployer' <<<"$installed" || die "the snapshot does not see the installed program"
echo "   $(in_root dpkg -s jitsi-deployer | grep '^Version:')"

echo "== jitsi-deployer --version, --help"
version=$(in_root jitsi-deployer --version)
[[ $version == *"$(dpkg-deb -f "$deb" Version)"* ]] || die "--version says '$version'"
echo "   $version"
# Captured whole: `| grep -q` would stop reading at the match, and the rest of the help then dies of SIGPIPE,
# which pipefail reports as a failure.
help=$(in_root jitsi-deployer --help)
[[ $help == *'Without a command the wizard opens'* ]] || die "--help lacks its usage text"

echo "== a headless command against hcloud-sim ($api)"
locations=$(in_root env HCLOUD_TOKEN=install-test-token jitsi-deployer hcloud locations --api-endpoint "$api" --json) ||
    die "hcloud locations failed: $locations"
grep -q '"nbg1"' <<<"$locations" || die "hcloud locations did not list nbg1: $locations"
if in_root env HCLOUD_TOKEN=wrong-token jitsi-deployer hcloud check-token --api-endpoint "$api" >/dev/null 2>&1; then
    die "a wrong token was accepted"
fi

echo "== the wizard starts on the offscreen platform"
start=$(in_root env QT_QPA_PLATFORM=offscreen JITSI_DEPLOYER_STARTUP_PROBE=1 HOME=/tmp/wizard-home \
    timeout 60 jitsi-deployer 2>&1) || die "the wizard did not start: $start"
echo "   $start"

echo "== apt-get purge leaves nothing behind"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q jitsi-deployer >"$work/apt-purge.log" 2>&1 ||
    die "purge failed: $(tail -15 "$work/apt-purge.log")"
after=$(snapshot)
if [[ $before != "$after" ]]; then
    diff <(echo "$before") <(echo "$after") >&2 || true
    die "the file system after purge differs from before the install (above: < removed, > left behind)"
fi
echo "install-test: passed"
