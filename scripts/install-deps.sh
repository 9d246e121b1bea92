#!/usr/bin/env bash
# Installs what Jitsi Deployer needs to build (and, by default, to test) on Debian 12 or Ubuntu 24.04.
#
#   scripts/install-deps.sh [--build-only] [--dry-run]
#
# Safe to run again: when every package is already installed it only asks dpkg and exits, without
# touching the network. Other systems get a list of what to install by hand and a non-zero exit.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: scripts/install-deps.sh [--build-only] [--dry-run]

  --build-only   only what is needed to compile (default: build and test dependencies)
  --dry-run      print the packages that would be installed, change nothing
EOF
}

build_only=false
dry_run=false
for arg in "$@"; do
    case $arg in
    --build-only) build_only=true ;;
    --dry-run) dry_run=true ;;
    -h | --help)
        usage
        exit 0
        ;;
    *)
        echo "install-deps: unknown option '$arg'" >&2
        usage >&2
        exit 2
        ;;
    esac
done

build_packages=(
    cmake ninja-build g++ pkg-config git clang-format file dpkg-dev
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libssh-dev qtkeychain-qt6-dev libgl-dev qt6-translations-l10n
    # The meeting test's QR code for a phone (ui/qrcode.cpp).
    libqrencode-dev
    # Qt6HttpServer's CMake package needs Qt6WebSockets, but Debian's qt6-httpserver-dev does not depend on it.
    qt6-websockets-dev
)
# Debian 12 and Ubuntu 24.04 call the SVG module qt6-svg-dev; older Ubuntus called it libqt6svg6-dev.
svg_candidates=(qt6-svg-dev libqt6svg6-dev)

# dbus-run-session lives in dbus-daemon on both supported systems; dbus-x11 (dbus-launch) is not needed
# because tests/support/with-keyring.sh always starts a private session.
test_packages=(
    gnome-keyring dbus dbus-daemon libsecret-tools
    python3 python3-jsonschema
    xvfb xauth imagemagick
    openssh-server openssh-client
    shellcheck desktop-file-utils appstream lintian
    # The Windows branches compiled by tests/support/check-windows-syntax.sh.
    g++-mingw-w64-x86-64-posix
    ruby-hocon prosody python3-slixmpp dpkg-dev debootstrap
    cloud-init nftables dnsmasq-base
    # The testbed's services (tests/testbed/services.sh, repo/build.sh): the local apt repositories, their
    # signatures and certificates, the ACME server, and the probes that wait for them.
    apt-utils gnupg openssl pebble curl iproute2
)

print_manual_instructions() {
    local all=("${build_packages[@]}" qt6-svg-dev)
    if ! $build_only; then all+=("${test_packages[@]}"); fi
    cat >&2 <<EOF
install-deps: this script supports Debian 12 (bookworm) and Ubuntu 24.04 (noble) only.
On other systems install the equivalents of these packages yourself:
  - CMake >= 3.25, Ninja, a C++20 compiler (GCC >= 12 or Clang >= 15), pkg-config, git, clang-format
  - Qt >= 6.4: Core, Network, Widgets, Svg, HttpServer, Test, LinguistTools
  - libssh >= 0.10 (development files), QtKeychain for Qt 6 (development files), OpenGL headers, libqrencode (development files)
EOF
    if ! $build_only; then
        cat >&2 <<EOF
  - tests: gnome-keyring, D-Bus (dbus-run-session), secret-tool (libsecret), python3 with jsonschema,
    Xvfb and xauth, ImageMagick, OpenSSH server and client, shellcheck, desktop-file-utils, appstream,
    ruby-hocon (the hocon CLI) and prosody (prosodyctl), for the provisioning script tests,
    cloud-init (for its schema check) and nftables (nft -c), for the user-data tests
EOF
    fi
    echo "Debian package names, for reference: ${all[*]}" >&2
}

# INSTALL_DEPS_OS_RELEASE lets the script's own checks pretend to be another system.
os_release=${INSTALL_DEPS_OS_RELEASE:-/etc/os-release}
os_id=unknown
os_version=unknown
if [[ -r $os_release ]]; then
    # shellcheck disable=SC1090 # the file is the system's, not ours
    os_id=$(. "$os_release" && echo "${ID:-unknown}")
    # shellcheck disable=SC1090
    os_version=$(. "$os_release" && echo "${VERSION_ID:-unknown}")
fi
case "$os_id:$os_version" in
debian:12 | ubuntu:24.04) ;;
*)
    echo "install-deps: found '$os_id $os_version'." >&2
    print_manual_instructions
    exit 1
    ;;
esac

if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
    echo "install-deps: apt-get and dpkg-query are required but missing." >&2
    exit 1
fi

is_installed() {
    [[ $(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null) == "ii"* ]]
}

# Whichever name this release knows; prefer one that is installed already.
svg_package=
for candidate in "${svg_candidates[@]}"; do
    if is_installed "$candidate"; then
        svg_package=$candidate
        break
    fi
done

wanted=("${build_packages[@]}")
if ! $build_only; then wanted+=("${test_packages[@]}"); fi

missing=()
for package in "${wanted[@]}"; do
    if ! is_installed "$package"; then missing+=("$package"); fi
done

# A missing SVG module is resolved below, once the package lists are fresh.
if [[ -n $svg_package && ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all ${#wanted[@]} packages (and $svg_package) are installed."
    exit 0
fi

run_as_root=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then
        run_as_root=(sudo)
    else
        echo "install-deps: not root and sudo is not available. Run this script as root." >&2
        exit 1
    fi
fi

if $dry_run; then
    [[ -n $svg_package ]] || missing+=("qt6-svg-dev|libqt6svg6-dev")
    echo "install-deps: would run apt-get update, then install: ${missing[*]}"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-deps: updating package lists"
"${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q

if [[ -z $svg_package ]]; then
    for candidate in "${svg_candidates[@]}"; do
        # A real package has a candidate version; a name apt only knows from elsewhere does not. The output
        # is read whole first: `grep -q` ending the pipe early would kill apt-cache with SIGPIPE, and
        # pipefail would turn that into "not available".
        policy=$(apt-cache policy "$candidate" 2>/dev/null || true)
        if [[ $policy =~ Candidate:\ [0-9] ]]; then
            svg_package=$candidate
            break
        fi
    done
    if [[ -z $svg_package ]]; then
        echo "install-deps: neither ${svg_candidates[*]} is available from the configured apt sources." >&2
        exit 1
    fi
    missing+=("$svg_package")
fi

echo "install-deps: installing ${missing[*]}"
# --no-install-recommends keeps CI images small; everything we rely on is listed explicitly.
"${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"

still_missing=()
for package in "${missing[@]}"; do
    if ! is_installed "$package"; then still_missing+=("$package"); fi
done
if [[ ${#still_missing[@]} -gt 0 ]]; then
    echo "install-deps: apt-get finished but these are still not installed: ${still_missing[*]}" >&2
    exit 1
fi
echo "install-deps: done."
