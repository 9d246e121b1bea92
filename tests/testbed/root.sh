#!/bin/bash
# Builds, or reuses, the minimal Debian 12 root that every testbed host mounts as the lower layer of its
# overlay (tests/testbed/README.md). Needs root and Debian's archive (deb.debian.org); nothing else.
#
#   root.sh CACHE_DIR       prints the root's path (CACHE_DIR/root) on stdout, progress on stderr
#
# JD_TESTBED_SUITE picks the Debian release: bookworm (the default; CACHE_DIR/root, debs, root.stamp) or
# trixie (Debian 13; CACHE_DIR/root-trixie, debs-trixie, root-trixie.stamp). Each suite has its own cache,
# so building one never invalidates the other.
#
# Also fills CACHE_DIR/debs with the .debs a host installs later from the testbed's Debian subset mirror
# (repo/build.sh): the sandboxes have no route to the archive, so the packages our install scripts ask
# for (prosody, nginx, certbot, ruby-hocon, and what the Jitsi shims depend on) are fetched here, while
# the build chroot still has the archive as its source, with exactly the closure apt computes against
# this root (Recommends included, as our scripts' apt-get install does).
#
# Idempotent: CACHE_DIR/root.stamp records what the root and the debs were built from (suite, mirror,
# package lists, this script's format); both are reused while the stamp matches and rebuilt from scratch
# otherwise. A build goes to root.new and debs.new, renamed only when both are complete (the stamp is
# written last), so an interrupted build is never reused. A lock serialises concurrent callers.
#
# Services are not started while packages install (policy-rc.d), and systemd is never installed: the
# hosts have no init, tests/testbed/sandbox/systemctl stands in for it.
set -euo pipefail

# Bump when the way the root is built changes, so cached roots are rebuilt.
format=2
suite=${JD_TESTBED_SUITE:-bookworm}
case $suite in
bookworm) tag="" ;;
trixie) tag=-trixie ;;
*) echo "root.sh: JD_TESTBED_SUITE=$suite is not a suite the testbed builds (bookworm or trixie)" >&2 && exit 1 ;;
esac
mirror=${JD_TESTBED_MIRROR:-http://deb.debian.org/debian}
# What a fresh Hetzner Debian 12 image has before our scripts run: sshd, cloud-init (run for real from
# the seed) and the base packages our user-data asks for. Nothing our install scripts install: they must
# fetch that through apt, as on a real server.
packages=(
    openssh-server cloud-init procps iproute2 nftables python3 perl curl ca-certificates gnupg
    debconf-utils openssl
)
# Downloaded, not installed (CACHE_DIR/debs): what the install scripts install from Debian (see
# resources/provision/provision-*.sh and web-certificate.sh) and the shim packages' Depends
# (shims/build-repo.sh; coturn for the jitsi-meet-turnserver shim). With Recommends, as jd_apt_install installs them.
host_packages=(prosody nginx certbot ruby-hocon python3-slixmpp openssl coturn)

die() {
    echo "root.sh: $*" >&2
    exit 1
}

[[ $# -eq 1 ]] || die "usage: root.sh CACHE_DIR"
[[ $(id -u) -eq 0 ]] || die "must run as root (debootstrap, chroot)"
command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install debootstrap"

mkdir -p "$1"
cache=$(cd "$1" && pwd)
root=$cache/root$tag
debs=$cache/debs$tag
stamp=$cache/root$tag.stamp

wanted="format=$format suite=$suite mirror=$mirror packages=${packages[*]} host-packages=${host_packages[*]}"

exec 9>"$cache/root$tag.lock"
flock 9

if [[ -d $root && -d $debs && -f $stamp && $(cat "$stamp") == "$wanted" ]]; then
    echo "$root"
    exit 0
fi

# Rebuilding would pull the lower layer from under running hosts.
if grep -qF "lowerdir=$root," /proc/self/mounts; then
    die "the cached root at $root is outdated but testbed hosts still use it; run host.sh down-all first"
fi

new=$cache/root$tag.new
new_debs=$cache/debs$tag.new
mounted=()
cleanup() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount -l "${mounted[i]}" 2>/dev/null || true
    done
}
trap cleanup EXIT

# A half-built root may still have /proc or /dev mounted from a killed run.
if [[ -d $new ]]; then
    { grep -F " $new/" /proc/self/mounts || true; } | cut -d' ' -f2 | sort -r | while read -r m; do umount -l "$m"; done
    rm -rf --one-file-system "$new"
fi
rm -rf "$new_debs"

started=$SECONDS
echo "root.sh: debootstrap $suite into $new" >&2
debootstrap --variant=minbase "$suite" "$new" "$mirror" >&2
echo "root.sh: debootstrap done after $((SECONDS - started)) s" >&2

mount -t proc proc "$new/proc" && mounted+=("$new/proc")
mount --bind /dev "$new/dev" && mounted+=("$new/dev")

# No daemon may start inside the build chroot: it would run on the machine's network.
printf '#!/bin/sh\nexit 101\n' >"$new/usr/sbin/policy-rc.d"
chmod 0755 "$new/usr/sbin/policy-rc.d"
# The hosts have no systemd as PID 1; a package pulling systemd in would replace the shim's role.
cat >"$new/etc/apt/preferences.d/jitsi-deployer-testbed" <<'EOF'
# Jitsi Deployer testbed: the sandbox hosts have no init; tests/testbed/shims stand in for systemctl.
Package: systemd systemd-sysv
Pin: release *
Pin-Priority: -1
EOF
echo "deb $mirror $suite main" >"$new/etc/apt/sources.list"

in_chroot() {
    chroot "$new" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
        LANG=C.UTF-8 "$@"
}
in_chroot apt-get update -q >&2
in_chroot apt-get install -y -q --no-install-recommends "${packages[@]}" >&2
packages_done=$SECONDS
echo "root.sh: root installed after $((packages_done - started)) s" >&2
# The closure as a host's apt computes it against this very root: only what the root lacks.
in_chroot apt-get clean
mkdir -p "$new/var/cache/jdtb-debs/partial"
in_chroot apt-get install -y -q --download-only -o Dir::Cache::Archives=/var/cache/jdtb-debs \
    "${host_packages[@]}" >&2
mkdir -p "$new_debs"
mv "$new"/var/cache/jdtb-debs/*.deb "$new_debs/"
rm -rf "$new/var/cache/jdtb-debs"
echo "root.sh: $(find "$new_debs" -name '*.deb' | wc -l) .debs downloaded in $((SECONDS - packages_done)) s" >&2
in_chroot apt-get clean

# Every host gets its identity from its own user-data: no shared host keys, machine id or cloud state.
rm -f "$new"/etc/ssh/ssh_host_*
: >"$new/etc/machine-id"
rm -rf "$new/var/lib/cloud"
# The hosts' apt must not try the archive (no route out); host.sh writes the sources each host may use.
: >"$new/etc/apt/sources.list"
rm -f "$new/usr/sbin/policy-rc.d"

cleanup
mounted=()
# The stamp goes first and comes back last: a crash in between leaves no stamp, hence a rebuild.
rm -f "$stamp"
rm -rf --one-file-system "$root" "$debs"
mv "$new" "$root"
mv "$new_debs" "$debs"
printf '%s' "$wanted" >"$stamp"
echo "root.sh: built in $((SECONDS - started)) s" >&2
echo "$root"
