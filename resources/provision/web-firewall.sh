#!/usr/bin/env bash
# The web host's own firewall, a second layer behind the Hetzner Cloud Firewall: prosody's c2s port 5222
# only from the bridges, prosody's other ports (s2s 5269, http 5280/5281, components 5347) only on
# loopback. Everything else is left to the cloud firewall (policy accept), so SSH cannot be locked out here.
#
# Runs as a step of provision-web.sh and on its own after a bridge was added or removed (the app uploads
# the env file with the new JD_BRIDGE_ADDRESSES first). The rules live in their own nftables table, which
# is replaced atomically, and jitsi-deployer-firewall.service loads them again at boot.
set -euo pipefail

# shellcheck source=SCRIPTDIR/provision-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/provision-lib.sh"

# Prints the ruleset for the addresses in JD_BRIDGE_ADDRESSES (space-separated IPv4/IPv6, validated by the app).
web_firewall_rules() {
    local address v4=() v6=()
    for address in ${JD_BRIDGE_ADDRESSES:-}; do
        if [[ $address == *:* ]]; then v6+=("$address"); else v4+=("$address"); fi
    done
    echo "# Written by Jitsi Deployer (web-firewall.sh); changes are overwritten."
    echo "table inet jitsi_deployer"
    echo "delete table inet jitsi_deployer"
    echo "table inet jitsi_deployer {"
    echo "    set bridges4 {"
    echo "        type ipv4_addr"
    if [[ ${#v4[@]} -gt 0 ]]; then
        local IFS=,
        echo "        elements = { ${v4[*]} }"
        unset IFS
    fi
    echo "    }"
    echo "    set bridges6 {"
    echo "        type ipv6_addr"
    if [[ ${#v6[@]} -gt 0 ]]; then
        local IFS=,
        echo "        elements = { ${v6[*]} }"
        unset IFS
    fi
    echo "    }"
    echo "    chain input {"
    echo "        type filter hook input priority filter; policy accept;"
    echo "        iif \"lo\" accept"
    echo "        tcp dport 5222 ip saddr @bridges4 accept"
    echo "        tcp dport 5222 ip6 saddr @bridges6 accept"
    echo "        tcp dport { 5222, 5269, 5280, 5281, 5347 } drop"
    # TURN (web-turn.sh): coturn's ports open only when the deployment has it (the cloud firewall agrees).
    if [[ ${JD_TURN_SERVER:-false} == true ]]; then
        echo "        udp dport 3478 accept"
        echo "        tcp dport 5349 accept"
    else
        echo "        udp dport 3478 drop"
        echo "        tcp dport { 3478, 5349 } drop"
    fi
    echo "    }"
    echo "}"
}

# Writes the rules file; prints "changed" when its content changed.
web_firewall_write() {
    local tmp
    mkdir -p "$(dirname "$JD_FIREWALL_FILE")"
    tmp=$(mktemp "$JD_FIREWALL_FILE.XXXXXX")
    web_firewall_rules >"$tmp"
    chmod 0644 "$tmp"
    if cmp -s "$tmp" "$JD_FIREWALL_FILE"; then
        rm -f "$tmp"
    else
        mv -f "$tmp" "$JD_FIREWALL_FILE"
        echo changed
    fi
}

web_step_firewall() {
    command -v nft >/dev/null || jd_apt_install nftables
    web_firewall_write >/dev/null
    nft -c -f "$JD_FIREWALL_FILE" || jd_fail "the firewall rules in $JD_FIREWALL_FILE do not load"
    nft -f "$JD_FIREWALL_FILE"
    systemctl enable jitsi-deployer-firewall.service
    echo "5222/tcp allowed from: ${JD_BRIDGE_ADDRESSES:-nobody}"
    if [[ ${JD_TURN_SERVER:-false} == true ]]; then echo "TURN: 3478/udp and 5349/tcp open"; fi
}

# The firewall step's inputs: it runs again when the bridges or the TURN choice change.
web_firewall_digest() {
    jd_digest "${JD_BRIDGE_ADDRESSES:-}" "${JD_TURN_SERVER:-false}"
}

web_firewall_main() {
    jd_load_env
    jd_step firewall "$(web_firewall_digest)" web_step_firewall
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    jd_open_log
    jd_run firewall web_firewall_main
fi
