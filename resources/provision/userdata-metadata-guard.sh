#!/bin/sh
# Written by Jitsi Deployer's cloud-init user-data. Blocks the metadata service at 169.254.169.254 for
# every user except root: it serves this host's user-data, which holds the private SSH host key.
#
# Persistence: cloud-init runs this from bootcmd at every boot (bootcmd runs "always"), so the rule is back
# before any service starts even though it is not saved with the firewall. On the first boot nft may not be
# installed yet; the "final" run from runcmd, after the packages are in, must then succeed.
#
#   jitsi-deployer-metadata-guard boot|final
set -eu

stage=${1:-final}
metadata=169.254.169.254

# One nft transaction: create the table if missing, delete it, define it again, so a rerun ends in the
# same state instead of stacking rules.
rules="table inet jitsi_deployer_metadata
delete table inet jitsi_deployer_metadata
table inet jitsi_deployer_metadata {
    chain output {
        type filter hook output priority 0; policy accept;
        ip daddr $metadata meta skuid != 0 counter reject
    }
}"

if command -v nft >/dev/null 2>&1; then
    printf '%s\n' "$rules" | nft -f -
elif command -v iptables >/dev/null 2>&1; then
    iptables -C OUTPUT -d "$metadata/32" -m owner ! --uid-owner 0 -j REJECT 2>/dev/null ||
        iptables -I OUTPUT 1 -d "$metadata/32" -m owner ! --uid-owner 0 -j REJECT
elif [ "$stage" = boot ]; then
    echo "jitsi-deployer: neither nft nor iptables is installed yet; the metadata guard follows in runcmd" >&2
else
    echo "jitsi-deployer: neither nft nor iptables is installed; cannot block non-root access to $metadata" >&2
    exit 1
fi
