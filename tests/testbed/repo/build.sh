#!/bin/bash
# Builds what the testbed's web server serves (tests/testbed/README.md, "The repository"): the Jitsi apt
# site with the shim packages, a Debian subset mirror with the .debs root.sh cached, a fresh signing key
# and a fresh CA with the servers' certificate. No network needed.
#
#   repo/build.sh OUTDIR      builds OUTDIR from scratch (anything there is replaced)
#
# OUTDIR afterwards:
#   www/jitsi-key.gpg.key             the signing key, armored (what https://download.jitsi.org serves)
#   www/stable/                        flat repo: pool/*.deb, Packages(.gz), Release, InRelease, Release.gpg
#   www/debian/dists/bookworm/         Release, InRelease, Release.gpg, main/binary-amd64/Packages(.gz)
#   www/debian/pool/main/*.deb         the Debian packages a host installs (root.sh's CACHE_DIR/debs)
#   www/debian/dists/trixie/, www/debian/pool/trixie/
#                                      the same for Debian 13, only if root.sh's trixie root was built
#                                      (JD_TESTBED_SUITE=trixie; its CACHE_DIR/root-trixie.stamp exists)
#   apt-key.gpg, apt-key.asc           the signing key for /etc/apt/trusted.gpg.d (binary, armored)
#   ca.crt                             the testbed CA (its key is deleted once the certificate is signed)
#   server.crt, server.key             signed by it for download.jitsi.org, debian.testbed, acme.testbed
#                                      and IP 198.18.0.1
#
# Environment: JD_TESTBED_CACHE (root.sh's cache; default /var/cache/jitsi-deployer-testbed). Needs
# root.sh's root (built if missing, so run as root then), gpg, openssl, dpkg-dev and apt-utils.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
testbed=$(dirname "$here")
cache=${JD_TESTBED_CACHE:-/var/cache/jitsi-deployer-testbed}

die() {
    echo "repo/build.sh: $*" >&2
    exit 1
}

[[ $# -eq 1 ]] || die "usage: repo/build.sh OUTDIR"
for tool in gpg openssl apt-ftparchive dpkg-scanpackages; do
    command -v "$tool" >/dev/null || die "$tool is missing (scripts/install-deps.sh installs it)"
done

started=$SECONDS
JD_TESTBED_SUITE=bookworm "$testbed/root.sh" "$cache" >/dev/null
[[ -d $cache/debs ]] || die "root.sh left no $cache/debs"
# Suite, its cached .debs and its pool directory; bookworm's pool keeps its old place (pool/main).
suites=("bookworm $cache/debs main")
if [[ -f $cache/root-trixie.stamp ]]; then
    JD_TESTBED_SUITE=trixie "$testbed/root.sh" "$cache" >/dev/null
    suites+=("trixie $cache/debs-trixie trixie")
fi

rm -rf "$1"
mkdir -p "$1"
out=$(cd "$1" && pwd)
www=$out/www
work=$(mktemp -d)
# The signing key lives only as long as this build: a private GNUPGHOME, its agent stopped at the end.
export GNUPGHOME=$work/gnupg
cleanup() {
    gpgconf --kill gpg-agent 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -m 0700 "$GNUPGHOME"

# --- the signing key ------------------------------------------------------------------------------------
uid="Jitsi Deployer testbed repositories <testbed@invalid>"
gpg --batch --quiet --passphrase '' --quick-generate-key "$uid" ed25519 sign never
mkdir -p "$www"
gpg --batch --armor --export "$uid" >"$www/jitsi-key.gpg.key"
cp "$www/jitsi-key.gpg.key" "$out/apt-key.asc"
gpg --batch --export "$uid" >"$out/apt-key.gpg"

# sign_release DIR: Release (already written) gets its detached and inline signatures, as on the archive.
sign_release() {
    gpg --batch --yes --local-user "$uid" --armor --detach-sign -o "$1/Release.gpg" "$1/Release"
    gpg --batch --yes --local-user "$uid" --clearsign -o "$1/InRelease" "$1/Release"
}

# write_release DIR OPTIONS...: apt-ftparchive's Release for DIR. Written outside DIR first: the default
# patterns would otherwise list the half-written Release in itself.
write_release() {
    local dir=$1
    shift
    (cd "$dir" && apt-ftparchive "$@" release .) >"$work/Release"
    mv "$work/Release" "$dir/Release"
}

# --- the Jitsi site: flat repository "stable/" with the shim packages ------------------------------------
# apt compares the sources line's "stable/" without its slash with the Release's Suite or Codename.
"$testbed/shims/build-repo.sh" "$www/stable" >/dev/null 2>&1
# In a flat repository a package's Filename is relative to the site's root (the sources line's URI), not
# to stable/: index again from there, as the real site's "Filename: stable/..." lines are.
(cd "$www" && apt-ftparchive packages stable) >"$work/Packages"
mv "$work/Packages" "$www/stable/Packages"
gzip -9 -k -f "$www/stable/Packages"
rm -f "$www/stable/Release"
write_release "$www/stable" \
    -o APT::FTPArchive::Release::Origin=jitsi.org \
    -o APT::FTPArchive::Release::Suite=stable -o APT::FTPArchive::Release::Codename=stable \
    -o "APT::FTPArchive::Release::Label=Jitsi Debian packages repository (testbed shims)"
sign_release "$www/stable"

# --- the Debian subset: a suite with one component, per built root ----------------------------------------
mirror=$www/debian
for entry in "${suites[@]}"; do
    read -r suite debs pool <<<"$entry"
    mkdir -p "$mirror/pool/$pool" "$mirror/dists/$suite/main/binary-amd64"
    # Hard links where the cache is on the same filesystem: the cache stays the one copy.
    cp -l "$debs"/*.deb "$mirror/pool/$pool/" 2>/dev/null || cp "$debs"/*.deb "$mirror/pool/$pool/"
    (cd "$mirror" && apt-ftparchive packages "pool/$pool") >"$mirror/dists/$suite/main/binary-amd64/Packages"
    gzip -9 -k "$mirror/dists/$suite/main/binary-amd64/Packages"
    write_release "$mirror/dists/$suite" \
        -o APT::FTPArchive::Release::Origin=Debian \
        -o "APT::FTPArchive::Release::Label=Debian (testbed subset)" \
        -o APT::FTPArchive::Release::Suite="$suite" \
        -o APT::FTPArchive::Release::Codename="$suite" \
        -o APT::FTPArchive::Release::Components=main \
        -o APT::FTPArchive::Release::Architectures=amd64
    sign_release "$mirror/dists/$suite"
done

# --- the CA and the servers' certificate ----------------------------------------------------------------
ca_key=$work/ca.key
openssl req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -keyout "$ca_key" \
    -out "$out/ca.crt" -days 365 -subj "/O=Jitsi Deployer testbed/CN=Jitsi Deployer testbed CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -keyout "$out/server.key" \
    -out "$work/server.csr" -subj "/O=Jitsi Deployer testbed/CN=download.jitsi.org" 2>/dev/null
cat >"$work/server.ext" <<'EOF'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=DNS:download.jitsi.org,DNS:debian.testbed,DNS:acme.testbed,IP:198.18.0.1
authorityKeyIdentifier=keyid
subjectKeyIdentifier=hash
EOF
openssl x509 -req -in "$work/server.csr" -CA "$out/ca.crt" -CAkey "$ca_key" -CAcreateserial \
    -CAserial "$work/ca.srl" -days 365 -extfile "$work/server.ext" -out "$out/server.crt" 2>/dev/null
chmod 0600 "$out/server.key"

echo "repo/build.sh: built $out in $((SECONDS - started)) s ($(find "$mirror/pool" -name '*.deb' | wc -l) Debian and $(find "$www/stable/pool" -name '*.deb' | wc -l) shim packages)" >&2
echo "$out"
