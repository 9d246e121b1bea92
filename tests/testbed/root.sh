#!/bin/bash
# Builds, or reuses, the minimal Debian 12 root that every testbed host mounts as the lower layer of its
# overlay (tests/testbed/README.md). Needs root and Debian's archive (deb.debian.org); nothing else.
#
#   root.sh CACHE_DIR       prints the root's path (CACHE_DIR/root) on stdout, progress on stderr
#
# Idempotent: CACHE_DIR/root.stamp records what the root was built from (suite, mirror, package list,
# this script's format); the root is reused while the stamp matches and rebuilt from scratch otherwise. A
# build goes to root.new and is renamed only when complete, so an interrupted build is never reused. A
# lock serialises concurrent callers (two tests starting at once).
#
# Services are not started while packages install (policy-rc.d), and systemd is never installed: the
# hosts have no init, tests/testbed/shims/systemctl stands in for it.
set -euo pipefail

# Bump when the way the root is built changes, so cached roots are rebuilt.
format=1
suite=bookworm
mirror=${JD_TESTBED_MIRROR:-http://deb.debian.org/debian}
# What the sandbox hosts need before our scripts run: sshd, cloud-init (run for real from the seed),
# what our user-data installs, and the Debian packages the Jitsi shims build on.
packages=(
    openssh-server cloud-init procps iproute2 nftables python3 perl curl ca-certificates gnupg
    debconf-utils prosody nginx certbot ruby-hocon openssl
)

die() {
    echo "root.sh: $*" >&2
    exit 1
}

[[ $# -eq 1 ]] || die "usage: root.sh CACHE_DIR"
[[ $(id -u) -eq 0 ]] || die "must run as root (debootstrap, chroot)"
command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install debootstrap"

cache=$1
root=$cache/root
stamp=$cache/root.stamp
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
root=$cache/root
stamp=$cache/root.stamp

wanted="format=$format suite=$suite mirror=$mirror packages=${packages[*]}"

exec 9>"$cache/root.lock"
flock 9

if [[ -d $root && -f $stamp && $(cat "$stamp") == "$wanted" ]]; then
    echo "$root"
    exit 0
fi

# Rebuilding would pull the lower layer from under running hosts.
if grep -qF "lowerdir=$root," /proc/self/mounts; then
    die "the cached root at $root is outdated but testbed hosts still use it; run host.sh down-all first"
fi

new=$cache/root.new
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

started=$SECONDS
echo "root.sh: debootstrap $suite into $new" >&2
debootstrap --variant=minbase "$suite" "$new" "$mirror" >&2

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

chroot "$new" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    LANG=C.UTF-8 apt-get update -q >&2
chroot "$new" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    LANG=C.UTF-8 apt-get install -y -q --no-install-recommends "${packages[@]}" >&2
chroot "$new" apt-get clean

# Every host gets its identity from its own user-data: no shared host keys, machine id or cloud state.
rm -f "$new"/etc/ssh/ssh_host_*
: >"$new/etc/machine-id"
rm -rf "$new/var/lib/cloud"
# The hosts' apt must not try the archive (no route out); host.sh writes the sources each host may use.
: >"$new/etc/apt/sources.list"
rm -f "$new/usr/sbin/policy-rc.d"

cleanup
mounted=()
rm -rf --one-file-system "$root"
mv "$new" "$root"
printf '%s' "$wanted" >"$stamp"
echo "root.sh: built in $((SECONDS - started)) s" >&2
echo "$root"
