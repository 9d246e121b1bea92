#!/usr/bin/env bash
# Takes a bridge out of service without cutting meetings short, before the app deletes its server: puts jvb
# into drain mode (jicofo then picks other bridges for new conferences, running ones stay) and waits, bounded,
# until no conference is left. Run by the app over SSH as root; prints one marker line per poll:
#   @@drain conferences=<n>     the count just read
#   @@drain remaining=<n>       the last line: 0 = drained, else the count when the time was up
# A failure is "@@error drain <message>" on stderr and exit code 1.
#
# Why drain mode and not jvb's own graceful_shutdown.sh: that script needs the COLIBRI REST API
# (/colibri/shutdown, /colibri/stats), which the package leaves off (videobridge.apis.rest.enabled = false),
# while /colibri/drain and /metrics are on by default on the private HTTP server (127.0.0.1:8080,
# jvb reference.conf "videobridge.rest"). The Prometheus gauge name below is not verified on a live bridge.
set -euo pipefail

: "${JD_DRAIN_TIMEOUT:=600}" # seconds to wait for the conferences to end
: "${JD_DRAIN_INTERVAL:=5}" # seconds between polls
: "${JD_JVB_URL:=http://127.0.0.1:8080}"
: "${JD_JVB_CONFERENCES_METRIC:=jitsi_jvb_conferences}"

drain_fail() {
    printf '@@error drain %s\n' "$*" >&2
    exit 1
}

# Prints the number of conferences the bridge hosts now, from its Prometheus metrics.
drain_conferences() {
    local metrics
    metrics=$(curl -s --max-time 10 "$JD_JVB_URL/metrics") || return 1
    awk -v name="$JD_JVB_CONFERENCES_METRIC" '$1 == name { printf "%d\n", $2; found = 1; exit } END { exit !found }' \
        <<<"$metrics"
}

drain_main() {
    command -v curl >/dev/null || drain_fail "curl is missing on the bridge; install it with apt-get install curl"
    local status
    status=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -X POST "$JD_JVB_URL/colibri/drain/enable") || true
    [[ $status == 200 ]] ||
        drain_fail "the bridge did not accept drain mode (HTTP status ${status:-none}); is jitsi-videobridge2 running? See journalctl -u jitsi-videobridge2"
    echo "drain mode on: no new conferences are placed on this bridge"
    local deadline=$((SECONDS + JD_DRAIN_TIMEOUT)) count
    while true; do
        count=$(drain_conferences) ||
            drain_fail "cannot read the conference count from $JD_JVB_URL/metrics ($JD_JVB_CONFERENCES_METRIC)"
        echo "@@drain conferences=$count"
        if ((count == 0 || SECONDS >= deadline)); then
            break
        fi
        sleep "$JD_DRAIN_INTERVAL"
    done
    echo "@@drain remaining=$count"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    drain_main
fi
