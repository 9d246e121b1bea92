#!/bin/bash
# Builds the testbed's Jitsi package shims (README.md) with dpkg-deb and indexes them as a flat apt
# repository. No root needed; needs dpkg-dev (dpkg-scanpackages).
#
#   build-repo.sh OUTDIR      writes OUTDIR/pool/<package>_<version>_all.deb and OUTDIR/Packages{,.gz}
#
# Any other .deb already under OUTDIR (e.g. Debian packages the testbed serves alongside) is indexed too.
# A host uses it as:  deb [trusted=yes] file:OUTDIR ./   (or the same directory served over HTTP).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
packages=$here/packages
daemons=$here/daemons

die() {
    echo "build-repo.sh: $*" >&2
    exit 1
}

[[ $# -eq 1 ]] || die "usage: build-repo.sh OUTDIR"
command -v dpkg-deb >/dev/null || die "dpkg-deb is missing"
command -v dpkg-scanpackages >/dev/null || die "dpkg-scanpackages is missing: apt-get install dpkg-dev"

mkdir -p "$1/pool"
out=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

maintainer="Jitsi Deployer testbed <testbed@invalid>"

# stage NAME VERSION DEPENDS [RECOMMENDS]: an empty package tree with its control file and the maintainer
# scripts and templates found in packages/NAME; prints the tree's path.
stage() {
    local name=$1 version=$2 depends=$3 recommends=${4:-} root=$work/$1
    mkdir -p "$root/DEBIAN"
    {
        echo "Package: $name"
        echo "Version: $version"
        echo "Architecture: all"
        echo "Maintainer: $maintainer"
        echo "Section: net"
        echo "Priority: optional"
        [[ -z $depends ]] || echo "Depends: $depends"
        [[ -z $recommends ]] || echo "Recommends: $recommends"
        echo "Description: $name (testbed shim)"
        echo " Stand-in for the Jitsi package of the same name, built by tests/testbed/shims/build-repo.sh."
        echo " Reproduces the package's debconf questions, files and maintainer scripts; not for real use."
    } >"$root/DEBIAN/control"
    local script
    for script in config preinst postinst prerm postrm; do
        if [[ -f $packages/$name/$script ]]; then
            install -m 0755 "$packages/$name/$script" "$root/DEBIAN/$script"
        fi
    done
    if [[ -f $packages/$name/templates ]]; then
        install -m 0644 "$packages/$name/templates" "$root/DEBIAN/templates"
    fi
    echo "$root"
}

# daemon ROOT DIR PROGRAM: installs a shim daemon and its library into ROOT/DIR.
daemon() {
    install -D -m 0755 "$daemons/$3" "$1/$2/$3"
    install -D -m 0644 "$daemons/jitsishim.py" "$1/$2/jitsishim.py"
}

build() {
    local root=$1 name version
    name=$(sed -n 's/^Package: //p' "$root/DEBIAN/control")
    version=$(sed -n 's/^Version: //p' "$root/DEBIAN/control")
    dpkg-deb --root-owner-group -Zxz --build "$root" "$out/pool/${name}_${version}_all.deb" >/dev/null
    echo "built $name $version" >&2
}

# Two releases of the bridge and of jicofo, as the real repository keeps older ones: add-bridge must install the
# version the running bridges have, and update must move every host to the newest (issue 14). JD_SHIM_NEWEST=0
# builds the older release alone (a repository before the newer one was published). The daemon reports its
# package's version (VERSION next to it) in /about/version and its presence.
jvb_versions=(2.3-300-gshim-1 2.3-312-gshim-1)
jicofo_versions=(1.0-1140-1 1.0-1150-1)
if [[ ${JD_SHIM_NEWEST:-1} == 0 ]]; then
    jvb_versions=("${jvb_versions[0]}")
    jicofo_versions=("${jicofo_versions[0]}")
fi

for version in "${jvb_versions[@]}"; do
    rm -rf "$work/jitsi-videobridge2"
    root=$(stage jitsi-videobridge2 "$version" \
        "debconf (>= 0.5) | debconf-2.0, ruby-hocon, python3, python3-slixmpp, ca-certificates, passwd")
    daemon "$root" usr/share/jitsi-videobridge jvb-shim
    echo "$version" >"$root/usr/share/jitsi-videobridge/VERSION"
    install -D -m 0644 "$packages/jitsi-videobridge2/jitsi-videobridge2.service" \
        "$root/lib/systemd/system/jitsi-videobridge2.service"
    build "$root"
done

for version in "${jicofo_versions[@]}"; do
    rm -rf "$work/jicofo"
    root=$(stage jicofo "$version" \
        "debconf (>= 0.5) | debconf-2.0, ruby-hocon, python3, python3-slixmpp, ca-certificates, passwd")
    daemon "$root" usr/share/jicofo jicofo-shim
    echo "$version" >"$root/usr/share/jicofo/VERSION"
    install -D -m 0644 "$packages/jicofo/jicofo.service" "$root/lib/systemd/system/jicofo.service"
    build "$root"
done

root=$(stage jitsi-meet-prosody 1.0.8800-1 \
    "debconf (>= 0.5) | debconf-2.0, prosody (>= 0.12.0), openssl, ca-certificates, util-linux")
install -D -m 0644 "$packages/jitsi-meet-prosody/site.cfg.lua.in" "$root/usr/share/jitsi-meet-prosody/site.cfg.lua.in"
build "$root"

root=$(stage jitsi-meet-web 1.0.8800-1 "")
install -D -m 0644 "$packages/jitsi-meet-web/index.html" "$root/usr/share/jitsi-meet/index.html"
build "$root"

root=$(stage jitsi-meet-web-config 1.0.8800-1 "debconf (>= 0.5) | debconf-2.0, openssl" "nginx")
install -D -m 0644 "$packages/jitsi-meet-web-config/nginx-site.conf.in" \
    "$root/usr/share/jitsi-meet-web-config/nginx-site.conf.in"
install -D -m 0644 "$packages/jitsi-meet-web-config/config.js.in" \
    "$root/usr/share/jitsi-meet-web-config/config.js.in"
build "$root"

# Pre-Depends as the real package: its postinst needs the web config's nginx site and certificate.
root=$(stage jitsi-meet-turnserver 1.0.8800-1 "debconf (>= 0.5) | debconf-2.0, nginx, jitsi-meet-prosody, coturn")
sed -i '/^Depends:/i Pre-Depends: jitsi-meet-web-config' "$root/DEBIAN/control"
install -D -m 0644 "$packages/jitsi-meet-turnserver/turnserver.conf.in" \
    "$root/usr/share/jitsi-meet-turnserver/turnserver.conf.in"
build "$root"

(cd "$out" && dpkg-scanpackages --multiversion . /dev/null 2>/dev/null >Packages)
gzip -9 -k -f "$out/Packages"
if command -v apt-ftparchive >/dev/null; then
    (cd "$out" && apt-ftparchive release . >Release)
fi
echo "$out"
