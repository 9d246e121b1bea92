#!/bin/bash
# Written by Jitsi Deployer's cloud-init user-data and run once from runcmd. Secret-free preparation:
# adds the Jitsi apt repository and its keyring and downloads (does not install) the role's packages, so
# the apt work overlaps with the app's first SSH connection. Installing and configuring is the install
# script's job, once its parameters arrive over SSH.
#
#   jitsi-deployer-prepare web|bridge
set -euo pipefail

role=${1:-}
case $role in
web) packages=(nginx prosody jicofo jitsi-meet-web jitsi-meet-prosody jitsi-meet-web-config) ;;
bridge) packages=(jitsi-videobridge2) ;;
*)
    echo "usage: jitsi-deployer-prepare web|bridge" >&2
    exit 2
    ;;
esac

# reference/jitsi-packaging.md §6 (handbook quickstart)
key_url=https://download.jitsi.org/jitsi-key.gpg.key
keyring=/usr/share/keyrings/jitsi-keyring.gpg
list=/etc/apt/sources.list.d/jitsi-stable.list

if [[ ! -s $keyring ]]; then
    armored=$(mktemp)
    trap 'rm -f "$armored" "$keyring.new"' EXIT
    curl -fsSL --retry 5 --retry-delay 3 --proto '=https' "$key_url" -o "$armored"
    gpg --batch --yes --dearmor -o "$keyring.new" "$armored"
    chmod 0644 "$keyring.new"
    mv -f "$keyring.new" "$keyring"
fi
echo "deb [signed-by=$keyring] https://download.jitsi.org stable/" >"$list"

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --download-only "${packages[@]}"
install -d -m 0755 /var/lib/jitsi-deployer
touch /var/lib/jitsi-deployer/prepared
