#!/usr/bin/env bash
# Installs and configures a Jitsi Videobridge that logs in to the web host's prosody
# (reference/jitsi-packaging.md §1 "each bridge", §2). Run by jitsi-deployer-provision.service as root.
# Parameters come from the root-only env file the app uploads; see provision-lib.sh for the log format.
set -euo pipefail

# shellcheck source=SCRIPTDIR/provision-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/provision-lib.sh"

: "${JD_JOIN_TIMEOUT:=300}"

# The meeting domain (not the bridge's name) and the shared secret; older jvb packages ignore the secret,
# so the shard step sets PASSWORD explicitly as well.
bridge_preseed_lines() {
    printf '%s\n' \
        "jitsi-videobridge2 jitsi-videobridge/jvb-hostname string $JD_DOMAIN" \
        "jitsi-videobridge2 jitsi-videobridge/jvbsecret password $JD_JVB_SECRET"
}

bridge_step_preseed() {
    # Through stdin, so the secret never shows up in a process list.
    bridge_preseed_lines | debconf-set-selections
}

# JD_JVB_VERSION (set by add-bridge): exactly the version the deployment's other bridges run, since jicofo does
# not mix bridge versions in one conference by default; empty = the repository's newest.
bridge_step_install() {
    local package=jitsi-videobridge2
    if [[ -n ${JD_JVB_VERSION:-} ]]; then
        apt-cache madison jitsi-videobridge2 | awk -F'|' '{ gsub(/ /, "", $2); print $2 }' |
            grep -qxF -- "$JD_JVB_VERSION" ||
            jd_fail "jitsi-videobridge2 $JD_JVB_VERSION, the version the other bridges run, is no longer in the Jitsi repository; run 'jitsi-deployer update' to bring the deployment to the current version, then add the bridge"
        package="jitsi-videobridge2=$JD_JVB_VERSION"
        echo "installing the version the other bridges run: $JD_JVB_VERSION"
    fi
    jd_apt_install "$package" ruby-hocon ca-certificates
}

# The certificate prosody serves for auth.<domain> is self-signed; the bridge requires TLS for a remote
# HOSTNAME, so it trusts exactly that certificate. Prints "changed" when the trust store must be rebuilt.
bridge_install_auth_certificate() {
    local target=$JD_CA_DIR/jitsi-deployer-auth.$JD_DOMAIN.crt tmp
    mkdir -p "$JD_CA_DIR"
    tmp=$(mktemp "$target.XXXXXX")
    printf '%s' "$JD_PROSODY_AUTH_CERT_B64" | base64 -d >"$tmp" ||
        jd_fail "the prosody certificate in the parameters is not valid base64"
    grep -q -- '-----BEGIN CERTIFICATE-----' "$tmp" ||
        jd_fail "the prosody certificate in the parameters is not a PEM certificate"
    chmod 0644 "$tmp"
    if cmp -s "$tmp" "$target"; then
        rm -f "$tmp"
    else
        mv -f "$tmp" "$target"
        echo changed
    fi
}

bridge_step_trust() {
    if [[ $JD_DISABLE_CERT_VERIFICATION == true ]]; then
        echo "WARNING: certificate verification of auth.$JD_DOMAIN is disabled by the deployment's options"
        return 0
    fi
    jd_require JD_PROSODY_AUTH_CERT_B64
    local result
    result=$(bridge_install_auth_certificate)
    if [[ $result == changed ]]; then
        # Also refreshes Java's cacerts through the ca-certificates-java hook.
        update-ca-certificates -f
    fi
}

# The shard jvb logs in with (reference §2 "Keys a remote bridge reads"), websockets off because nginx
# on the web host cannot route them to this bridge, and relay/region when bridges span locations.
# The package writes MUC_NICKNAME=<uuidgen> unquoted. About one UUID in 125 (e.g. 7e831a50-…) starts like a
# number too large for a double, and ruby-hocon's parser crashes on it (FloatDomainError), while the bridge
# itself reads the line as a string. Quoting the value keeps its meaning and lets hocon read the file.
bridge_quote_nickname() {
    local file=$1 tmp
    local unquoted='^([[:space:]]*MUC_NICKNAME[[:space:]]*[=:][[:space:]]*)([A-Za-z0-9._-]+)[[:space:]]*$'
    [[ -f $file ]] || return 0
    grep -qE "$unquoted" "$file" || return 0
    tmp=$(mktemp "$file.jd.XXXXXX")
    sed -E "s/$unquoted/\\1\"\\2\"/" "$file" >"$tmp"
    cat "$tmp" >"$file" # keeps the owner and mode
    rm -f "$tmp"
}

bridge_configure_jvb() {
    local p=videobridge.apis.xmpp-client.configs.shard disable=false
    [[ $JD_DISABLE_CERT_VERIFICATION == true ]] && disable=true
    local settings=(
        "$p.HOSTNAME" "$(jd_hocon_string "$JD_XMPP_HOST")"
        "$p.DOMAIN" "$(jd_hocon_string "auth.$JD_DOMAIN")"
        "$p.USERNAME" "$(jd_hocon_string jvb)"
        "$p.PASSWORD" @variable:JD_JVB_SECRET # never on a command line: see jd_hocon_set_from_variable
        "$p.MUC_JIDS" "$(jd_hocon_string "jvbbrewery@internal.auth.$JD_DOMAIN")"
        "$p.MUC_NICKNAME" "$(jd_hocon_string "$JD_SERVER_NAME")"
        "$p.DISABLE_CERTIFICATE_VERIFICATION" "$disable"
        videobridge.websockets.enabled false
    )
    if [[ $JD_MULTI_LOCATION == true ]]; then
        settings+=(
            videobridge.relay.enabled true
            videobridge.relay.region "$(jd_hocon_string "$JD_REGION")"
            videobridge.relay.relay-id "$(jd_hocon_string "$JD_SERVER_NAME")"
        )
    fi
    bridge_quote_nickname "$JD_JVB_CONF"
    jd_hocon_apply "$JD_JVB_CONF" "${settings[@]}"
}

# Legacy shard keys in sip-communicator.properties win over jvb.conf (XmppClientConnectionConfig.kt).
bridge_remove_legacy_keys() {
    local file=$JD_SIP_PROPERTIES tmp
    [[ -f $file ]] || return 0
    grep -qE '^[[:space:]]*org\.jitsi\.videobridge\.xmpp\.user\.' "$file" || return 0
    tmp=$(mktemp "$file.jd.XXXXXX")
    grep -vE '^[[:space:]]*org\.jitsi\.videobridge\.xmpp\.user\.' "$file" >"$tmp" || true
    cat "$tmp" >"$file"
    rm -f "$tmp"
    echo changed
}

bridge_step_configure() {
    bridge_configure_jvb >/dev/null
    bridge_remove_legacy_keys >/dev/null
}

# bridge_wait_joined <byte offset>: waits (bounded) for the join line written after the offset; on timeout
# fails with the last connection error jvb logged.
bridge_wait_joined() {
    local offset=$1 deadline=$((SECONDS + JD_JOIN_TIMEOUT)) wanted="Joined MUC: jvbbrewery@internal.auth.$JD_DOMAIN"
    while ((SECONDS < deadline)); do
        # Not grep -q: it would stop reading early, and under pipefail tail's SIGPIPE would fail the test.
        if [[ -f $JD_JVB_LOG ]] && tail -c +"$((offset + 1))" "$JD_JVB_LOG" | grep -iF "$wanted" >/dev/null; then
            echo "the bridge joined the brewery"
            return 0
        fi
        sleep 2
    done
    local reason=""
    if [[ -f $JD_JVB_LOG ]]; then
        reason=$(tail -c +"$((offset + 1))" "$JD_JVB_LOG" |
            grep -E 'Error connecting|Failed to login|not-authorized|SSLHandshake|certificate' | tail -n 1 | cut -c1-300 || true)
    fi
    jd_fail "the bridge did not join the brewery on $JD_XMPP_HOST within ${JD_JOIN_TIMEOUT}s${reason:+; last error: $reason}"
}

bridge_step_restart() {
    local offset=0
    [[ -f $JD_JVB_LOG ]] && offset=$(stat -c %s "$JD_JVB_LOG")
    systemctl restart jitsi-videobridge2
    bridge_wait_joined "$offset"
}

bridge_main() {
    jd_load_env
    # Two phases (docs/provisioning.md "Bridge phases"): "packages" installs before the web host exists, so
    # it needs neither the web host's address nor prosody's certificate; "all" (later) does everything, and
    # the steps the first phase completed are skipped.
    : "${JD_PHASE:=all}"
    case $JD_PHASE in
    all | packages) ;;
    *) jd_fail "unknown JD_PHASE '$JD_PHASE' in $JD_ENV_FILE; expected all or packages" ;;
    esac
    jd_require JD_DOMAIN JD_SERVER_NAME JD_JVB_SECRET
    jd_step wait-cloud-init none jd_step_wait_cloud_init
    jd_step check-system none jd_step_check_system
    jd_step check-repository none jd_step_check_repository
    jd_step preseed "$(jd_digest "$JD_DOMAIN" "$JD_JVB_SECRET")" bridge_step_preseed
    jd_step install-packages "$(jd_digest "${JD_JVB_VERSION:-}")" bridge_step_install
    if [[ $JD_PHASE == packages ]]; then
        echo "packages installed; the bridge is configured once the web host is ready"
        return 0
    fi

    jd_require JD_XMPP_HOST
    : "${JD_DISABLE_CERT_VERIFICATION:=false}" "${JD_MULTI_LOCATION:=false}" "${JD_REGION:=}"
    local shard
    shard=$(jd_digest "$JD_DOMAIN" "$JD_SERVER_NAME" "$JD_JVB_SECRET" "$JD_XMPP_HOST" \
        "$JD_DISABLE_CERT_VERIFICATION" "$JD_MULTI_LOCATION" "$JD_REGION" "${JD_PROSODY_AUTH_CERT_B64:-}")
    jd_step trust-prosody-certificate "$(jd_digest "$JD_DISABLE_CERT_VERIFICATION" "${JD_PROSODY_AUTH_CERT_B64:-}")" bridge_step_trust
    jd_step configure-jvb "$shard" bridge_step_configure
    jd_step restart-and-join "$shard" bridge_step_restart
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    jd_open_log
    jd_run install-bridge bridge_main
fi
