#!/usr/bin/python3
"""PID 1 of a testbed host (tests/testbed/README.md), run chrooted into the host's overlay.

Boots the host the way a cloud server boots as far as our deployment can tell: real cloud-init runs its
stages from the NoCloud seed host.sh wrote (init-local, init: bootcmd, write_files, ssh_keys, users),
then sshd starts through the systemctl shim, then cloud-init's config and final stages run (runcmd,
packages) while sshd already accepts logins, as on a real server. Afterwards it only reaps orphans: the
daemons the systemctl shim starts are re-parented here.

Progress goes to /var/log/jitsi-deployer-testbed/boot.log; /var/lib/jitsi-deployer-testbed/boot-status
holds "sshd-started" or "failed <step>" so host.sh can wait for the host from outside.
"""
import os
import signal
import subprocess
import sys
import time

LOG = "/var/log/jitsi-deployer-testbed/boot.log"
STATUS = "/var/lib/jitsi-deployer-testbed/boot-status"


def write_status(text):
    os.makedirs(os.path.dirname(STATUS), exist_ok=True)
    with open(STATUS + ".new", "w") as f:
        f.write(text + "\n")
    os.replace(STATUS + ".new", STATUS)


def step(log, name, argv):
    log.write(f"@@testbed step {name} start {time.strftime('%H:%M:%S')}\n")
    log.flush()
    rc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=log).returncode
    log.write(f"@@testbed step {name} rc={rc}\n")
    log.flush()
    return rc


def boot():
    os.makedirs(os.path.dirname(LOG), exist_ok=True)
    with open(LOG, "a") as log:
        # cloud-init's own failures (a module that cannot work here) do not stop a real boot either;
        # they show in `cloud-init status` and /var/log/cloud-init.log.
        step(log, "cloud-init-local", ["cloud-init", "init", "--local"])
        step(log, "cloud-init", ["cloud-init", "init"])
        if step(log, "ssh", ["systemctl", "start", "ssh"]) != 0:
            write_status("failed ssh")
            return 1
        write_status("sshd-started")
        step(log, "cloud-config", ["cloud-init", "modules", "--mode", "config"])
        step(log, "cloud-final", ["cloud-init", "modules", "--mode", "final"])
        log.write("@@testbed boot done\n")
    return 0


def shutdown(signum, frame):
    # Everything in this PID namespace is ours: a polite TERM, then the kernel's KILL when PID 1 exits.
    try:
        os.kill(-1, signal.SIGTERM)
    except ProcessLookupError:
        pass
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            if os.waitpid(-1, os.WNOHANG) == (0, 0):
                time.sleep(0.1)
        except ChildProcessError:
            break
    sys.exit(0)


def main():
    signal.signal(signal.SIGTERM, shutdown)
    signal.signal(signal.SIGINT, shutdown)
    if os.fork() == 0:
        os.setsid()
        os._exit(boot())
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            time.sleep(1)
        except InterruptedError:
            pass


if __name__ == "__main__":
    main()
