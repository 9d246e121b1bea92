#!/usr/bin/env bash
# Starts the real jitsi-deployer window on a virtual X server and saves what is on screen, cropped to
# the window, for the documentation:
#
#   tests/gui/take-screenshot.sh BUILD_DIR [OUTPUT.png]   (default docs/screenshots/wizard-welcome.png)
#
# Needs xvfb-run (xvfb, xauth) and ImageMagick's import and convert. Runs with a throw-away home, so
# it neither reads nor changes the user's settings or keychain.
set -euo pipefail

if [[ ${1:-} != --inside-xvfb ]]; then
    build_dir=${1:?usage: $0 BUILD_DIR [OUTPUT.png]}
    output=${2:-$(dirname "$0")/../../docs/screenshots/wizard-welcome.png}
    binary=$build_dir/app/jitsi-deployer
    [[ -x $binary ]] || { echo "take-screenshot: $binary not found; build the jitsi-deployer target first" >&2; exit 1; }
    for tool in xvfb-run import convert; do
        command -v "$tool" >/dev/null || { echo "take-screenshot: '$tool' is missing (scripts/install-deps.sh)" >&2; exit 1; }
    done
    mkdir -p "$(dirname "$output")"
    exec xvfb-run -a -s '-screen 0 1024x768x24' bash "$0" --inside-xvfb "$(realpath "$binary")" "$(realpath "$output")"
fi

binary=$2
output=$3
scratch=$(mktemp -d)
export HOME=$scratch XDG_CONFIG_HOME=$scratch/config XDG_DATA_HOME=$scratch/data XDG_CACHE_HOME=$scratch/cache
export XDG_RUNTIME_DIR=$scratch/runtime
mkdir -p "$XDG_RUNTIME_DIR" && chmod 0700 "$XDG_RUNTIME_DIR"
unset QT_QPA_PLATFORM DBUS_SESSION_BUS_ADDRESS HCLOUD_TOKEN

"$binary" &
app_pid=$!
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

# The screen is black until the window is mapped and painted; poll until it is not.
for _ in $(seq 1 50); do
    sleep 0.2
    kill -0 "$app_pid" 2>/dev/null || { echo "take-screenshot: jitsi-deployer exited early" >&2; exit 1; }
    import -window root "$scratch/screen.png"
    mean=$(convert "$scratch/screen.png" -format '%[fx:mean]' info:)
    if awk -v m="$mean" 'BEGIN { exit !(m > 0.05) }'; then
        sleep 0.5 # let the first paint settle
        import -window root "$scratch/screen.png"
        # No window manager runs, so the window is the only thing that is not black background.
        convert "$scratch/screen.png" -trim +repage "$output"
        echo "take-screenshot: wrote $output ($(convert "$output" -format '%wx%h' info:))"
        exit 0
    fi
done
echo "take-screenshot: the window never appeared" >&2
exit 1
