#!/usr/bin/env bash
# Takes a bridge out of service without cutting meetings short, before the app deletes or upgrades it: puts
# jvb into drain mode (jicofo then picks other bridges for new conferences, running ones stay) and waits,
# bounded, until no conference is left. Run by the app over SSH as root; prints one marker line per poll:
#   @@drain conferences=<n>     the count just read
#   @@drain participants=<n>    before the last line: the participants still on the bridge
#   @@drain remaining=<n>       the last line: 0 = drained, else the count when the time was up
# JD_DRAIN_MODE=disable takes the bridge back into service instead (after an update, or a cancelled one) and
# prints "@@drain mode=off".
# A failure is "@@error drain <message>" on stderr and exit code 1.
#
# Why drain mode and not jvb's own graceful_shutdown.sh: that script needs the COLIBRI REST API
# (/colibri/shutdown, /colibri/stats), which the package leaves off (videobridge.apis.rest.enabled = false),
# while /colibri/drain and /metrics are on by default on the private HTTP server (127.0.0.1:8080,
# jvb/src/main/resources/reference.conf "videobridge.rest": drain.enabled, prometheus.enabled;
# jvb/src/main/java/org/jitsi/videobridge/rest/root/colibri/drain/Drain.java: POST /colibri/drain/enable|disable).
#
# The metric names are the real bridge's, read in github.com/jitsi/jitsi-videobridge (commit a29d97d):
# jvb/src/main/kotlin/org/jitsi/videobridge/metrics/VideobridgeMetrics.kt registers the gauges "conferences"
# (current conferences), "local_endpoints" (current local endpoints = participants on this bridge) and the
# boolean "drain_mode" in VideobridgeMetricsContainer.kt (namespace "jitsi_jvb"); jicoco-metrics builds them as
# Prometheus gauges with that namespace (jicoco-metrics/.../LongGaugeMetric.kt, BooleanMetric.kt), so /metrics
# shows jitsi_jvb_conferences, jitsi_jvb_local_endpoints and jitsi_jvb_drain_mode (1 = on).
set -euo pipefail

: "${JD_DRAIN_TIMEOUT:=600}" # seconds to wait for the conferences to end
: "${JD_DRAIN_INTERVAL:=5}" # seconds between polls
: "${JD_DRAIN_MODE:=enable}" # enable (drain and wait) or disable (back into service)
: "${JD_JVB_URL:=http://127.0.0.1:8080}"
: "${JD_JVB_CONFERENCES_METRIC:=jitsi_jvb_conferences}"
: "${JD_JVB_PARTICIPANTS_METRIC:=jitsi_jvb_local_endpoints}"
: "${JD_JVB_DRAIN_METRIC:=jitsi_jvb_drain_mode}"

drain_fail() {
    printf '@@error drain %s\n' "$*" >&2
    exit 1
}

# drain_metric NAME METRICS: prints the integer value of the Prometheus sample NAME (no labels) in METRICS.
drain_metric() {
    awk -v name="$1" '$1 == name { printf "%d\n", $2; found = 1; exit } END { exit !found }' <<<"$2"
}

drain_read_metrics() {
    curl -s --max-time 10 "$JD_JVB_URL/metrics"
}

drain_request() {
    local status
    status=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -X POST "$JD_JVB_URL/colibri/drain/$1") || true
    [[ $status == 200 ]] ||
        drain_fail "the bridge did not accept the drain request '$1' (HTTP status ${status:-none}); is jitsi-videobridge2 running? See journalctl -u jitsi-videobridge2"
}

drain_main() {
    command -v curl >/dev/null || drain_fail "curl is missing on the bridge; install it with apt-get install curl"
    case $JD_DRAIN_MODE in
    disable)
        drain_request disable
        echo "@@drain mode=off"
        return 0
        ;;
    enable) ;;
    *) drain_fail "unknown JD_DRAIN_MODE '$JD_DRAIN_MODE'; expected enable or disable" ;;
    esac
    drain_request enable
    echo "drain mode on: no new conferences are placed on this bridge"
    local deadline=$((SECONDS + JD_DRAIN_TIMEOUT)) count metrics mode participants=0
    while true; do
        metrics=$(drain_read_metrics) || drain_fail "cannot read $JD_JVB_URL/metrics"
        count=$(drain_metric "$JD_JVB_CONFERENCES_METRIC" "$metrics") ||
            drain_fail "cannot read the conference count from $JD_JVB_URL/metrics ($JD_JVB_CONFERENCES_METRIC)"
        # A bridge that does not report drain mode on cannot be confirmed drained: new conferences may still come.
        mode=$(drain_metric "$JD_JVB_DRAIN_METRIC" "$metrics") ||
            drain_fail "cannot read the drain state from $JD_JVB_URL/metrics ($JD_JVB_DRAIN_METRIC)"
        ((mode == 1)) || drain_fail "the bridge accepted the drain request but $JD_JVB_DRAIN_METRIC is $mode"
        participants=$(drain_metric "$JD_JVB_PARTICIPANTS_METRIC" "$metrics") || participants=0
        echo "@@drain conferences=$count"
        if ((count == 0 || SECONDS >= deadline)); then
            break
        fi
        sleep "$JD_DRAIN_INTERVAL"
    done
    echo "@@drain participants=$participants"
    echo "@@drain remaining=$count"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    drain_main
fi
