#!/usr/bin/env bash
# The web host's certificate step, run once DNS points at the host: certbot over HTTP-01 with the webroot
# the Jitsi nginx site already serves for /.well-known/acme-challenge, nginx switched from the self-signed
# certificate to the issued one, and a renew hook that reloads nginx. JD_ACME_DIRECTORY_URL selects the
# ACME server (empty: Let's Encrypt production; the tests use Pebble).
set -euo pipefail

# shellcheck source=SCRIPTDIR/provision-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/provision-lib.sh"
# shellcheck source=SCRIPTDIR/web-turn.sh
. "$(dirname "${BASH_SOURCE[0]}")/web-turn.sh"

: "${JD_WEBROOT:=$JD_ROOT/usr/share/jitsi-meet}"
: "${JD_LETSENCRYPT_LIVE:=/etc/letsencrypt/live}"

# Points the site's ssl_certificate lines at the issued files; prints "changed" when the file changed.
web_certificate_switch_nginx() {
    local site=$JD_NGINX_SITES/$JD_DOMAIN.conf tmp live=$JD_LETSENCRYPT_LIVE/$JD_DOMAIN
    [[ -f $site ]] || jd_fail "the nginx site $site is missing; did jitsi-meet-web-config install?"
    tmp=$(mktemp "$site.jd.XXXXXX")
    sed -E \
        -e "s|^([[:space:]]*ssl_certificate)[[:space:]]+[^;]*;|\\1 $live/fullchain.pem;|" \
        -e "s|^([[:space:]]*ssl_certificate_key)[[:space:]]+[^;]*;|\\1 $live/privkey.pem;|" \
        "$site" >"$tmp"
    if cmp -s "$tmp" "$site"; then
        rm -f "$tmp"
    else
        cat "$tmp" >"$site"
        rm -f "$tmp"
        echo changed
    fi
}

web_certificate_write_renew_hook() {
    local hook=$JD_RENEW_HOOK_DIR/jitsi-deployer-reload-nginx.sh
    local content='#!/bin/sh
# Written by Jitsi Deployer: nginx serves the renewed certificate only after a reload.
systemctl reload nginx
'
    mkdir -p "$JD_RENEW_HOOK_DIR"
    if [[ ! -f $hook || $(cat "$hook") != "${content%$'\n'}" ]]; then
        printf '%s' "$content" >"$hook"
    fi
    chmod 0755 "$hook"
}

# With TURN, coturn gets each renewed certificate too: certbot runs the deploy hooks after every renewal, and
# this one hands the new pair to coturn (web-turn.sh "renewed"). Without TURN the hook is not there.
web_certificate_write_turn_hook() {
    local hook=$JD_RENEW_HOOK_DIR/jitsi-deployer-coturn.sh
    if [[ ${JD_TURN_SERVER:-false} != true ]]; then
        rm -f "$hook"
        return 0
    fi
    local here
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    mkdir -p "$JD_RENEW_HOOK_DIR"
    printf '#!/bin/sh\n# Written by Jitsi Deployer: coturn serves the renewed certificate too.\nexec %s renewed\n' \
        "$here/web-turn.sh" >"$hook"
    chmod 0755 "$hook"
}

web_step_certificate() {
    local server=${JD_ACME_DIRECTORY_URL:-https://acme-v02.api.letsencrypt.org/directory}
    command -v certbot >/dev/null || jd_apt_install certbot
    certbot certonly --non-interactive --agree-tos --keep-until-expiring \
        --webroot --webroot-path "$JD_WEBROOT" \
        --server "$server" --email "$JD_EMAIL" -d "$JD_DOMAIN" ||
        jd_fail "certbot could not get a certificate for $JD_DOMAIN; check that its DNS points at this server and port 80 is reachable"
    web_certificate_write_renew_hook
    local result
    result=$(web_certificate_switch_nginx)
    nginx -t || jd_fail "nginx rejects its configuration with the new certificate"
    if [[ $result == changed ]]; then systemctl reload nginx; fi
    web_certificate_write_turn_hook
    if [[ ${JD_TURN_SERVER:-false} == true ]]; then
        local live=$JD_ROOT$JD_LETSENCRYPT_LIVE/$JD_DOMAIN
        web_turn_use_certificate "$live/fullchain.pem" "$live/privkey.pem"
    fi
}

web_certificate_main() {
    jd_load_env
    jd_require JD_DOMAIN JD_EMAIL
    jd_step certificate "$(jd_digest "$JD_DOMAIN" "$JD_EMAIL" "${JD_ACME_DIRECTORY_URL:-}" "${JD_TURN_SERVER:-false}")" web_step_certificate
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    jd_open_log
    jd_run certificate web_certificate_main
fi
