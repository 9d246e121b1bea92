#!/usr/bin/env bash
# The web host's TURN server (JD_TURN_SERVER=true): coturn as jitsi-meet-turnserver set it up, and prosody
# advertising exactly what runs. jitsi-meet-prosody writes STUN/TURN/TURNS entries into the site config whether
# or not a TURN server exists (doc/debian/jitsi-meet-prosody/prosody.cfg.lua-jvb.example), so a client would
# be sent to ports where nothing answers: with TURN off the list is emptied, with it on it names the ports
# coturn listens on (listening-port, tls-listening-port in /etc/turnserver.conf; coturn's defaults 3478/5349).
#
# coturn runs as the turnserver user and cannot read root-only keys, so the certificate it serves is copied
# into /etc/coturn/certs for it, as jitsi-meet's coturn-certbot-deploy.sh does: the self-signed one at
# install, the Let's Encrypt one from web-certificate.sh and, on every renewal, from certbot's deploy hook,
# which runs this script with "renewed" ($RENEWED_LINEAGE set by certbot).
set -euo pipefail

# shellcheck source=SCRIPTDIR/provision-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/provision-lib.sh"

: "${JD_TURN_CONFIG:=$JD_ROOT/etc/turnserver.conf}"
# Where coturn reads its certificate: written into its config as is, so without JD_ROOT.
: "${JD_COTURN_CERTS:=/etc/coturn/certs}"
: "${JD_PROSODY_SITES:=$JD_ROOT/etc/prosody/conf.avail}"
: "${JD_MEET_CERTS:=$JD_ROOT/etc/jitsi/meet}"
: "${JD_LETSENCRYPT_LIVE:=/etc/letsencrypt/live}"

# The marker jitsi-meet-turnserver's config starts with; a config without it is coturn's own (unconfigured).
web_turn_marker='jitsi-meet coturn config'

web_turn_configured() {
    [[ -f $JD_TURN_CONFIG ]] && grep -q "$web_turn_marker" "$JD_TURN_CONFIG"
}

# web_turn_setting KEY DEFAULT: the value of KEY=VALUE in coturn's config (the last one wins, as in coturn).
web_turn_setting() {
    local value
    value=$(sed -n -E "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*([^[:space:]#]+).*/\\1/p" "$JD_TURN_CONFIG" | tail -n 1)
    echo "${value:-$2}"
}

# web_turn_has FLAG: coturn's config sets the bare option FLAG (e.g. no-udp).
web_turn_has() {
    grep -Eq "^[[:space:]]*$1[[:space:]]*$" "$JD_TURN_CONFIG"
}

# The external_services list prosody advertises (XEP-0215), in the real template's form. TURN off (or coturn
# not configured): empty. On: STUN and TURN over UDP on coturn's listening port, TURNS on its TLS port, each
# left out when coturn's config switches that listener off.
web_turn_services_block() {
    echo "external_services = {"
    if [[ ${JD_TURN_SERVER:-false} == true ]] && web_turn_configured; then
        local port tls_port
        port=$(web_turn_setting listening-port 3478)
        tls_port=$(web_turn_setting tls-listening-port 5349)
        if ! web_turn_has no-udp; then
            echo "     { type = \"stun\", host = \"$JD_DOMAIN\", port = $port },"
            echo "     { type = \"turn\", host = \"$JD_DOMAIN\", port = $port, transport = \"udp\", secret = true, ttl = 86400, algorithm = \"turn\" },"
        fi
        if ! web_turn_has no-tls; then
            echo "     { type = \"turns\", host = \"$JD_DOMAIN\", port = $tls_port, transport = \"tcp\", secret = true, ttl = 86400, algorithm = \"turn\" }"
        fi
    else
        echo "     -- Jitsi Deployer: no TURN server on this host, so nothing to advertise."
    fi
    echo "};"
}

# Replaces the site config's external_services list (from its "external_services = {" line to the "};" that
# closes it) with web_turn_services_block; prints "changed" when the file changed.
web_turn_advertise() {
    local site=$JD_PROSODY_SITES/$JD_DOMAIN.cfg.lua block tmp
    [[ -f $site ]] || jd_fail "prosody's site config $site is missing; did jitsi-meet-prosody install?"
    block=$(mktemp)
    web_turn_services_block >"$block"
    tmp=$(mktemp "$site.jd.XXXXXX")
    # Without a list (an older jitsi-meet-prosody), it goes before the first host: a global option after a
    # VirtualHost line would belong to that host.
    awk -v block="$block" '
        !replaced && /^[[:space:]]*external_services[[:space:]]*=[[:space:]]*\{/ {
            while ((getline line < block) > 0) print line
            replaced = 1
            inside = ($0 !~ /\}[[:space:]]*;?[[:space:]]*$/)
            next
        }
        inside { if ($0 ~ /^[[:space:]]*\}[[:space:]]*;?[[:space:]]*$/) inside = 0; next }
        !replaced && /^(VirtualHost|Component)[[:space:]]/ {
            while ((getline line < block) > 0) print line
            print ""
            replaced = 1
        }
        { print }
    ' "$site" >"$tmp"
    rm -f "$block"
    if cmp -s "$tmp" "$site"; then
        rm -f "$tmp"
    else
        cat "$tmp" >"$site"
        rm -f "$tmp"
        echo changed
    fi
}

# web_turn_use_certificate CERT KEY: coturn serves this pair from now on (copied for the turnserver user,
# never world-readable); coturn is restarted when anything changed.
web_turn_use_certificate() {
    local cert=$1 key=$2 changed=false
    web_turn_configured || return 0
    [[ -f $cert && -f $key ]] || jd_fail "the certificate for coturn ($cert, $key) is missing"
    local dir=$JD_ROOT$JD_COTURN_CERTS
    # Explicit modes: the provisioning unit runs with UMask=0077, and coturn (user turnserver) must be able to
    # pass through /etc/coturn into its certificate directory.
    install -d -m 0755 "$(dirname "$dir")"
    install -d -m 0750 "$dir"
    chgrp turnserver "$dir" 2>/dev/null || true
    local name target
    for name in fullchain privkey; do
        target=$dir/$JD_DOMAIN.$name.pem
        local from=$cert
        if [[ $name == privkey ]]; then from=$key; fi
        if ! cmp -s "$from" "$target"; then
            (umask 077 && cp "$from" "$target.jd")
            chown turnserver "$target.jd" 2>/dev/null || true
            chmod 0400 "$target.jd"
            mv -f "$target.jd" "$target"
            changed=true
        fi
    done
    local tmp
    tmp=$(mktemp "$JD_TURN_CONFIG.jd.XXXXXX")
    sed -E -e "s|^cert=.*|cert=$JD_COTURN_CERTS/$JD_DOMAIN.fullchain.pem|" \
        -e "s|^pkey=.*|pkey=$JD_COTURN_CERTS/$JD_DOMAIN.privkey.pem|" "$JD_TURN_CONFIG" >"$tmp"
    if cmp -s "$tmp" "$JD_TURN_CONFIG"; then
        rm -f "$tmp"
    else
        cat "$tmp" >"$JD_TURN_CONFIG" # keeps the file's owner and mode (root:turnserver 0640)
        rm -f "$tmp"
        changed=true
    fi
    if [[ $changed == true ]]; then
        systemctl restart coturn || jd_fail "coturn does not start with the new certificate; see journalctl -u coturn"
    fi
}

# The install step: coturn configured by the package and running, serving the web config's (self-signed)
# certificate until web-certificate.sh has a real one; prosody advertising exactly that.
web_step_turn() {
    if [[ ${JD_TURN_SERVER:-false} == true ]]; then
        web_turn_configured ||
            jd_fail "jitsi-meet-turnserver did not configure coturn ($JD_TURN_CONFIG has no Jitsi settings); see its output above"
        local live=$JD_ROOT$JD_LETSENCRYPT_LIVE/$JD_DOMAIN
        if [[ -f $live/fullchain.pem ]]; then
            web_turn_use_certificate "$live/fullchain.pem" "$live/privkey.pem"
        else
            web_turn_use_certificate "$JD_MEET_CERTS/$JD_DOMAIN.crt" "$JD_MEET_CERTS/$JD_DOMAIN.key"
        fi
        systemctl is-active --quiet coturn || systemctl restart coturn ||
            jd_fail "coturn does not start; see journalctl -u coturn"
    fi
    local result
    result=$(web_turn_advertise)
    if [[ $result == changed ]]; then
        systemctl restart prosody || jd_fail "prosody does not start; see /var/log/prosody/prosody.err"
    fi
    if [[ ${JD_TURN_SERVER:-false} == true ]]; then
        echo "TURN: coturn on $(web_turn_setting listening-port 3478)/udp and $(web_turn_setting tls-listening-port 5349)/tcp (TLS)"
    else
        echo "TURN: off; prosody advertises no STUN/TURN service"
    fi
}

# certbot's deploy hook (web-certificate.sh installs it): the renewed certificate for coturn as well.
web_turn_renewed() {
    jd_load_env
    [[ ${JD_TURN_SERVER:-false} == true ]] || return 0
    local lineage=${RENEWED_LINEAGE:-$JD_ROOT$JD_LETSENCRYPT_LIVE/$JD_DOMAIN}
    web_turn_use_certificate "$lineage/fullchain.pem" "$lineage/privkey.pem"
}

if [[ ${BASH_SOURCE[0]} == "$0" && ${1:-} == renewed ]]; then
    web_turn_renewed
fi
