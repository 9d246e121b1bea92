#!/usr/bin/env bash
# Who may open a meeting on the web host (docs/provisioning.md "Meeting access"). Sourced by provision-web.sh.
#
# open       anyone with the link opens a room: the site config the jitsi-meet-prosody package wrote, untouched.
# moderated  Jitsi's "secure domain" (jitsi/handbook docs/devops-guide/secure-domain.md): the meeting domain's
#            VirtualHost authenticates accounts (internal_hashed), guests log in anonymously on guest.<domain>,
#            jicofo lets only authenticated users create a conference (jicofo.authentication, type XMPP), and
#            config.js sends guests to the guest domain (hosts.anonymousdomain).
#
# Every edit is marked, so switching back to open restores the package's own lines exactly, and a second run with
# the same access changes nothing. guest.<domain> is internal to prosody, like auth.<domain>: it needs no DNS
# record, no certificate and no nginx site (the handbook says so; guests reach it through the same BOSH/websocket).

: "${JD_PROSODY_SITES:=$JD_ROOT/etc/prosody/conf.avail}"
: "${JD_MEET_CONFIG_DIR:=$JD_ROOT/etc/jitsi/meet}"

# The markers our edits carry; nothing else in the files uses them.
JD_ACCESS_OPEN_MARK='-- jitsi-deployer open:'
JD_ACCESS_MODERATED_MARK='-- jitsi-deployer moderated'
JD_GUEST_BEGIN='-- jitsi-deployer guest domain begin'
JD_GUEST_END='-- jitsi-deployer guest domain end'
JD_CONFIG_JS_MARK='// jitsi-deployer moderated'

# access_site_config <domain> <open|moderated> <file>: prints the prosody site config for that access.
# In the meeting domain's VirtualHost the package's authentication line is kept behind the open mark and
# internal_hashed follows it; the guest host uses the package's own anonymous method ("jitsi-anonymous" on a
# real host, as the handbook's guest host does), appended after the last section.
access_site_config() {
    awk -v domain="$1" -v access="$2" -v open_mark="$JD_ACCESS_OPEN_MARK" -v moderated_mark="$JD_ACCESS_MODERATED_MARK" \
        -v guest_begin="$JD_GUEST_BEGIN" -v guest_end="$JD_GUEST_END" '
        function section_of(line, rest) {
            rest = line
            sub(/^(VirtualHost|Component)[ \t]+"/, "", rest)
            sub(/".*$/, "", rest)
            return rest
        }
        function method_of(line, rest) {
            rest = line
            sub(/^[ \t]*authentication[ \t]*=[ \t]*"/, "", rest)
            sub(/".*$/, "", rest)
            return rest
        }
        $0 == guest_begin { skipping = 1; next }
        skipping { if ($0 == guest_end) skipping = 0; next }
        /^(VirtualHost|Component)[ \t]/ { section = section_of($0) }
        section == domain && index($0, moderated_mark) > 0 { next }
        section == domain && index($0, open_mark) > 0 {
            $0 = substr($0, index($0, open_mark) + length(open_mark))
        }
        section == domain && !seen && $0 ~ /^[ \t]*authentication[ \t]*=/ {
            seen = 1
            anonymous = method_of($0)
            if (access == "moderated") {
                indent = $0
                sub(/[^ \t].*$/, "", indent)
                print indent open_mark $0
                print indent "authentication = \"internal_hashed\" " moderated_mark
                next
            }
        }
        { print }
        END {
            if (!seen) exit 3
            if (access != "moderated") exit 0
            # Right after the last line, without a blank line of our own, so open restores the file byte for byte.
            print guest_begin
            print "VirtualHost \"guest." domain "\""
            print "    authentication = \"" anonymous "\""
            print "    c2s_require_encryption = false"
            print guest_end
        }
    ' "$3"
}

# access_config_js <domain> <open|moderated> <file>: config.js with hosts.anonymousdomain after hosts.domain when
# moderated, without it when open (the package's commented example line is left alone).
access_config_js() {
    awk -v domain="$1" -v access="$2" -v mark="$JD_CONFIG_JS_MARK" '
        index($0, mark) > 0 { next }
        { print }
        access == "moderated" && !done && $0 ~ ("^[ \t]*domain:[ \t]*\x27" domain "\x27,") {
            done = 1
            indent = $0
            sub(/[^ \t].*$/, "", indent)
            print indent "anonymousdomain: \x27guest." domain "\x27, " mark
        }
        END { if (access == "moderated" && !done) exit 3 }
    ' "$3"
}

# access_rewrite <file> <function> <args...>: replaces the file with the function's output when it differs,
# keeping the file's owner and mode. Prints "changed" when it did. A missing file is an error only for moderated:
# open has nothing to undo in a file that is not there.
access_rewrite() {
    local file=$1 tmp rc=0
    shift
    if [[ ! -f $file ]]; then
        [[ $JD_MEETING_ACCESS == open ]] && return 0
        jd_fail "$file is missing; was the Jitsi package installed?"
    fi
    tmp=$(mktemp "$file.jd.XXXXXX")
    "$@" "$file" >"$tmp" || rc=$?
    if [[ $rc -ne 0 ]]; then
        rm -f "$tmp"
        jd_fail "$file does not have the lines the Jitsi package writes for $JD_DOMAIN, so meeting access cannot be set; reinstall the package (dpkg-reconfigure) and deploy again"
    fi
    if cmp -s "$tmp" "$file"; then
        rm -f "$tmp"
    else
        cat "$tmp" >"$file"
        rm -f "$tmp"
        echo changed
    fi
}

# jicofo.authentication as the handbook sets it, or removed for open. Prints "changed" when jicofo.conf changed.
access_configure_jicofo() {
    if [[ $JD_MEETING_ACCESS == moderated ]]; then
        jd_hocon_apply "$JD_JICOFO_CONF" \
            jicofo.authentication.enabled true \
            jicofo.authentication.type XMPP \
            jicofo.authentication.login-url "$(jd_hocon_string "$JD_DOMAIN")"
    elif hocon -f "$JD_JICOFO_CONF" get jicofo.authentication >/dev/null 2>&1; then
        local tmp
        tmp=$(mktemp "$JD_JICOFO_CONF.jd.XXXXXX")
        cat "$JD_JICOFO_CONF" >"$tmp"
        hocon -f "$tmp" unset jicofo.authentication >/dev/null || {
            rm -f "$tmp"
            jd_fail "could not remove jicofo.authentication from $JD_JICOFO_CONF"
        }
        cat "$tmp" >"$JD_JICOFO_CONF"
        rm -f "$tmp"
        echo changed
    fi
}

# Applies JD_MEETING_ACCESS (open when unset) to prosody, jicofo and config.js; restarts what changed.
web_apply_meeting_access() {
    : "${JD_MEETING_ACCESS:=open}"
    [[ $JD_MEETING_ACCESS == open || $JD_MEETING_ACCESS == moderated ]] ||
        jd_fail "meeting access \"$JD_MEETING_ACCESS\" is neither open nor moderated"
    local site=$JD_PROSODY_SITES/$JD_DOMAIN.cfg.lua js=$JD_MEET_CONFIG_DIR/$JD_DOMAIN-config.js prosody jicofo
    prosody=$(access_rewrite "$site" access_site_config "$JD_DOMAIN" "$JD_MEETING_ACCESS")
    access_rewrite "$js" access_config_js "$JD_DOMAIN" "$JD_MEETING_ACCESS" >/dev/null
    jicofo=$(access_configure_jicofo)
    if [[ $prosody == changed ]]; then
        systemctl restart prosody || jd_fail "prosody does not start with the new meeting access; see /var/log/prosody/prosody.err"
    fi
    if [[ $jicofo == changed ]]; then
        systemctl restart jicofo || jd_fail "jicofo does not start with the new meeting access; see journalctl -u jicofo"
    fi
    echo "meeting access: $JD_MEETING_ACCESS"
}
