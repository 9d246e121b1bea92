#!/usr/bin/env bash
# Screenshots of every page of the wizard, in English and German, into docs/screenshots/:
#
#   scripts/screenshots.sh [BUILD_DIR]        (default build/ci; builds the tst_screenshots target first)
#   SCALE=2 scripts/screenshots.sh [BUILD_DIR]
#
# SCALE=2 shoots the same tour at 200 % (QT_SCALE_FACTOR=2 on a 2732×1536 screen, a 1366×768 laptop at 200 %) into
# BUILD_DIR/screenshots-200/ as wizard-<page>-200[-de].png, to be looked at, and keeps the few listed in
# keep_at_200 below in docs/screenshots/.
#
# tests/gui/tst_screenshots walks the real WizardShell through each page it has (by WizardShell::PageId, skipping
# ids that are not registered) against hcloud-sim and fake hosts — a checked token, a 1 + 2 plan, a running
# deployment waiting for DNS, its verified outcome, a bridge with a wrong secret, and the coming-back pages (Start,
# Manage, Add bridges, Remove a bridge, Destroy) for a running deployment — and saves the window as
# docs/screenshots/wizard-<page>.png and wizard-<page>-de.png; tst_deploypage adds wizard-deploy-<state>.png.
# Runs under xvfb-run with a throw-away home, so it
# neither reads nor changes the user's settings, keychain or token. Needs xvfb-run (xvfb, xauth).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build/ci}
output=$PWD/docs/screenshots
scale=${SCALE:-1}
screen='1280x1024x24'
keep_at_200=(wizard-deploy-200-de.png wizard-review-200-de.png wizard-verified-failing-200-de.png)
if [ "$scale" != 1 ]; then
    [ "$scale" = 2 ] || { echo "screenshots: SCALE is 1 or 2" >&2; exit 2; }
    docs_output=$output
    output=$(realpath -m "$build_dir/screenshots-200")
    rm -rf "$output"
    screen='2732x1536x24'
fi
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run is missing (scripts/install-deps.sh)" >&2; exit 1; }
cmake --build "$build_dir" -j2 --target tst_screenshots tst_deploypage
binary=$(realpath "$build_dir/tests/gui/tst_screenshots")
# The Deploy page's own test adds its states: running, done, a failed host, the cancel question.
deploy_binary=$(realpath "$build_dir/tests/gui/tst_deploypage")
mkdir -p "$output"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for lang in en de; do
    home=$scratch/$lang
    mkdir -p "$home/runtime" && chmod 0700 "$home/runtime"
    # The platform is Xvfb's X server (xcb), as a user's desktop would be; LANG keeps the C locale's formats out.
    env -u QT_QPA_PLATFORM -u DBUS_SESSION_BUS_ADDRESS -u HCLOUD_TOKEN -u HCLOUD_ENDPOINT \
        HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
        XDG_RUNTIME_DIR="$home/runtime" LANG=C.UTF-8 QT_LOGGING_RULES='*.debug=false' QT_SCALE_FACTOR="$scale" \
        DEPLOYER_SCREENSHOT_DIR="$output" DEPLOYER_SCREENSHOT_LANG="$lang" \
        xvfb-run -a -s "-screen 0 $screen" "$binary" -silent everyPage managePages
    env -u QT_QPA_PLATFORM -u DBUS_SESSION_BUS_ADDRESS -u HCLOUD_TOKEN -u HCLOUD_ENDPOINT \
        HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
        XDG_RUNTIME_DIR="$home/runtime" LANG=C.UTF-8 QT_LOGGING_RULES='*.debug=false' QT_SCALE_FACTOR="$scale" \
        DEPLOYER_SCREENSHOT_DIR="$output" DEPLOYER_SCREENSHOT_LANG="$lang" \
        xvfb-run -a -s "-screen 0 $screen" "$deploy_binary" -silent
done
if [ "$scale" = 2 ]; then
    for file in "$output"/wizard-*.png; do
        name=$(basename "$file" .png)
        case $name in
        *-de) target=${name%-de}-200-de.png ;;
        *) target=$name-200.png ;;
        esac
        mv "$file" "$output/$target"
    done
    for name in "${keep_at_200[@]}"; do
        cp "$output/$name" "$docs_output/$name"
    done
fi
echo "screenshots: $(find "$output" -name 'wizard-*.png' | wc -l) files in $output"
