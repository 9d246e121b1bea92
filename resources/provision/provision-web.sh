#!/usr/bin/env bash
# Installs the web host: nginx, prosody, jicofo and the Jitsi Meet web app, without a local bridge
# (reference/jitsi-packaging.md §1 "Recommended preseed: web host", §3). Run by
# jitsi-deployer-provision.service as root; parameters come from the root-only env file the app uploads.
# The certificate (web-certificate.sh) is a separate, later step; see provision-lib.sh for the log format.
set -euo pipefail

# shellcheck source=SCRIPTDIR/provision-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/provision-lib.sh"
# shellcheck source=SCRIPTDIR/web-firewall.sh
. "$(dirname "${BASH_SOURCE[0]}")/web-firewall.sh"
# shellcheck source=SCRIPTDIR/web-turn.sh
. "$(dirname "${BASH_SOURCE[0]}")/web-turn.sh"
# shellcheck source=SCRIPTDIR/web-meeting-access.sh
. "$(dirname "${BASH_SOURCE[0]}")/web-meeting-access.sh"

# The meeting domain as the shared jvb-hostname question, the jvb user's secret for prosody (there is no
# local bridge to supply it), jicofo's password, a self-signed certificate first (web-certificate.sh
# replaces it later) and JaaS off. The web-config package's own hostname marker is never preseeded: it
# would make the postinst skip the certificate and the nginx site.
web_preseed_lines() {
    printf '%s\n' \
        "jitsi-videobridge2 jitsi-videobridge/jvb-hostname string $JD_DOMAIN" \
        "jitsi-meet-prosody jitsi-videobridge/jvbsecret password $JD_JVB_SECRET" \
        "jicofo jicofo/jicofo-authpassword password $JD_FOCUS_PASSWORD" \
        "jitsi-meet-web-config jitsi-meet/cert-choice select Generate a new self-signed certificate" \
        "jitsi-meet-web-config jitsi-meet/email string $JD_EMAIL" \
        "jitsi-meet-web-config jitsi-meet/jaas-choice boolean false"
}

web_step_preseed() {
    # Through stdin, so no secret shows up in a process list.
    web_preseed_lines | debconf-set-selections
}

web_packages() {
    local packages=(nginx prosody jicofo jitsi-meet-web jitsi-meet-prosody jitsi-meet-web-config ruby-hocon nftables curl)
    if [[ ${JD_TURN_SERVER:-false} == true ]]; then packages+=(jitsi-meet-turnserver); fi
    echo "${packages[@]}"
}

web_step_install() {
    local packages
    read -ra packages <<<"$(web_packages)"
    jd_apt_install "${packages[@]}"
}

jd_prosodyctl() {
    if [[ -n $JD_PROSODY_CONFIG ]]; then
        prosodyctl --config "$JD_PROSODY_CONFIG" "$@"
    else
        prosodyctl "$@"
    fi
}

# The postinst's adduser leaves an existing account's password alone; register always sets it, so the
# password is certainly the one the bridges use. The secret goes in on stdin (prosodyctl asks for it twice when
# it is not an argument), never on the command line, where every process on the host could read it.
web_register_jvb() {
    printf '%s\n%s\n' "$JD_JVB_SECRET" "$JD_JVB_SECRET" | jd_prosodyctl register jvb "auth.$JD_DOMAIN" >/dev/null 2>&1 ||
        jd_fail "prosodyctl could not register jvb@auth.$JD_DOMAIN; see /var/log/prosody/prosody.err"
}

# jicofo's /about/health (off by default) and, when bridges span locations, region-based selection with
# relays between the bridges (reference §7). Prints "changed" when jicofo.conf changed.
web_configure_jicofo() {
    local settings=(jicofo.health.enabled true)
    if [[ ${JD_MULTI_LOCATION:-false} == true ]]; then
        settings+=(
            jicofo.bridge.selection-strategy '"RegionBasedBridgeSelectionStrategy"'
            jicofo.octo.enabled true
        )
    fi
    jd_hocon_apply "$JD_JICOFO_CONF" "${settings[@]}"
}

web_step_jicofo() {
    local result
    result=$(web_configure_jicofo)
    if [[ $result == changed ]]; then systemctl restart jicofo; fi
}

web_step_services() {
    local unit
    for unit in prosody jicofo nginx; do
        systemctl is-active --quiet "$unit" || systemctl restart "$unit" ||
            jd_fail "$unit does not start; see journalctl -u $unit"
    done
    [[ -f $JD_ROOT/var/lib/prosody/auth.$JD_DOMAIN.crt ]] ||
        jd_fail "prosody's certificate for auth.$JD_DOMAIN is missing; the bridges need it"
}

web_main() {
    jd_load_env
    jd_require JD_DOMAIN JD_EMAIL JD_JVB_SECRET JD_FOCUS_PASSWORD
    jd_step wait-cloud-init none jd_step_wait_cloud_init
    jd_step check-system none jd_step_check_system
    jd_step check-repository none jd_step_check_repository
    jd_step preseed "$(jd_digest "$JD_DOMAIN" "$JD_JVB_SECRET" "$JD_FOCUS_PASSWORD" "$JD_EMAIL")" web_step_preseed
    jd_step install-packages "$(jd_digest "$(web_packages)")" web_step_install
    jd_step register-jvb "$(jd_digest "$JD_DOMAIN" "$JD_JVB_SECRET")" web_register_jvb
    jd_step configure-jicofo "$(jd_digest "${JD_MULTI_LOCATION:-false}")" web_step_jicofo
    jd_step turn "$(jd_digest "$JD_DOMAIN" "${JD_TURN_SERVER:-false}")" web_step_turn
    jd_step meeting-access "$(jd_digest "$JD_DOMAIN" "${JD_MEETING_ACCESS:-open}")" web_apply_meeting_access
    jd_step firewall "$(web_firewall_digest)" web_step_firewall
    jd_step check-services none web_step_services
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    jd_open_log
    jd_run install-web web_main
fi
