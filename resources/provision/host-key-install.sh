#!/usr/bin/env bash
# Host key rotation (DESIGN.md §4): makes the new ed25519 key pair the app uploaded to a staging path the
# server's only SSH host key, then reloads sshd. A reload (SIGHUP) re-reads the keys for new connections and
# leaves the running sessions, including the app's own, alone. Run by the app over SSH as root.
# JD_NEW_HOST_KEY names the staged private key (InstallBundle::hostKeyStagingPath(): one path per key pair).
# A failure is "@@error host-key <message>" on stderr, exit code 1, and the old key left in place.
set -euo pipefail

: "${JD_ROOT:=}"
: "${JD_SSH_DIR:=$JD_ROOT/etc/ssh}"
: "${JD_NEW_HOST_KEY:=}"
: "${JD_SSHD_CONFIG:=$JD_SSH_DIR/sshd_config}"
: "${JD_LOCK_DIR:=$JD_ROOT/run/lock}"
staging_prefix=$JD_SSH_DIR/jitsi-deployer-new-host-key-

hostkey_fail() {
    printf '@@error host-key %s\n' "$*" >&2
    exit 1
}

# The type and base64 fields of a one-line public key, without the comment.
hostkey_fields() {
    cut -d' ' -f1,2 "$1"
}

# On a server that has just booted, cloud-init's config stage may still restart sshd (cc_set_passwords does when
# it writes PasswordAuthentication), and a reload racing that restart fails: rotate once cloud-init is done.
# Only where cloud-init ran on this system (its instance link exists); bounded, since sshd is up already.
hostkey_wait_for_cloud_init() {
    if [[ -e $JD_ROOT/var/lib/cloud/instance ]] && command -v cloud-init >/dev/null; then
        timeout "${JD_CLOUD_INIT_TIMEOUT:-600}" cloud-init status --wait >/dev/null 2>&1 || true
    fi
}

# A run of the app that was killed can leave its rotation behind, waiting for cloud-init, while the next run
# stages its own pair. Rotations take turns (a lock), and the pair staged last wins: an older one that would be
# installed after it would leave the server presenting a key the newer run does not expect.
hostkey_take_turn() {
    mkdir -p "$JD_LOCK_DIR"
    exec 9>"$JD_LOCK_DIR/jitsi-deployer-host-key.lock"
    flock 9
}

hostkey_yield_to_newer() {
    local staged=$1 other
    for other in "$staging_prefix"*.pub; do
        [[ -f $other && $other != "$staged.pub" && $other -nt $staged.pub ]] || continue
        rm -f "$staged" "$staged.pub"
        hostkey_fail "a newer host key, staged by a later run, is installed instead of this one"
    done
}

# Pairs older rotations staged and never installed: private keys nobody will use.
hostkey_remove_older() {
    local staged=$1 other
    for other in "$staging_prefix"*.pub; do
        [[ -f $other && $other != "$staged.pub" && ! $other -nt $staged.pub ]] || continue
        rm -f "${other%.pub}" "$other"
    done
}

# A reload is refused while the unit is (re)starting; a few seconds later it is not.
hostkey_reload_sshd() {
    local attempt
    for attempt in 1 2 3 4 5; do
        systemctl reload ssh && return 0
        [[ $attempt -eq 5 ]] || sleep 2
    done
    return 1
}

hostkey_main() {
    local key=$JD_SSH_DIR/ssh_host_ed25519_key staged=$JD_NEW_HOST_KEY
    local dropin=$JD_SSH_DIR/sshd_config.d/jitsi-deployer-host-key.conf
    [[ -n $staged ]] || hostkey_fail "JD_NEW_HOST_KEY does not name the staged host key"
    hostkey_take_turn
    [[ -f $staged && -f $staged.pub ]] || hostkey_fail "the new host key was not uploaded to $staged"
    [[ $(stat -c %a "$staged") == 600 ]] || hostkey_fail "the new host key $staged must have mode 600"
    # A pair that does not belong together would lock the app out after the reload.
    local derived
    derived=$(ssh-keygen -y -f "$staged" | cut -d' ' -f1,2) || hostkey_fail "the new host key is not a valid private key"
    [[ $derived == "$(hostkey_fields "$staged.pub")" ]] || hostkey_fail "the new host key's two halves do not match"
    [[ $derived == ssh-ed25519\ * ]] || hostkey_fail "the new host key is not an ed25519 key"
    hostkey_wait_for_cloud_init
    hostkey_yield_to_newer "$staged"
    hostkey_remove_older "$staged"

    if [[ -f $key.pub && $(hostkey_fields "$key.pub") == "$derived" ]]; then
        rm -f "$staged" "$staged.pub"
        echo "the host key is already installed"
    else
        # Keep the old pair until sshd accepted the new configuration.
        [[ -f $key ]] && cp -p "$key" "$key.jd-old"
        [[ -f $key.pub ]] && cp -p "$key.pub" "$key.pub.jd-old"
        chmod 0644 "$staged.pub"
        mv -f "$staged.pub" "$key.pub"
        mv -f "$staged" "$key"
    fi

    # Only this key is offered: an explicit HostKey line switches off sshd's default list (rsa, ecdsa,
    # ed25519), and Debian's and Ubuntu's sshd_config include sshd_config.d/*.conf before their own lines.
    mkdir -p "$(dirname "$dropin")"
    printf '# Written by Jitsi Deployer: the only host key, pinned by the app.\nHostKey %s\n' "${key#"$JD_ROOT"}" \
        >"$dropin.tmp"
    chmod 0644 "$dropin.tmp"
    mv -f "$dropin.tmp" "$dropin"

    if ! sshd -t -f "$JD_SSHD_CONFIG"; then
        if [[ -f $key.jd-old ]]; then
            mv -f "$key.jd-old" "$key"
            mv -f "$key.pub.jd-old" "$key.pub"
        fi
        hostkey_fail "sshd rejects its configuration with the new host key; the old key stays"
    fi
    rm -f "$key.jd-old" "$key.pub.jd-old"
    # Debian's and Ubuntu's unit is ssh.service; reload, not restart, so no session is dropped.
    hostkey_reload_sshd || hostkey_fail "systemctl reload ssh failed; see journalctl -u ssh"
    echo "host key installed: $derived"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    hostkey_main
fi
