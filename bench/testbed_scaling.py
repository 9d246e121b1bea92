#!/usr/bin/env python3
"""Wall-clock of a real deployment on the testbed: 1 web + N bridges against 1 web + 1 bridge (DESIGN.md §8:
at N = 4 at most 1.2 times as long, because hosts provision in parallel). See bench/README.md.

Runs the real `jitsi-deployer deploy` (then `destroy --yes`) against hcloud-sim with the testbed attached, so
every server is a sandboxed Debian host installing with our real scripts. Sizes alternate (1, N, 1, N, ...) so
that a drift in the machine's load hits both alike. Needs root and a keychain; run it as

    tests/support/with-keyring.sh python3 bench/testbed_scaling.py [--runs 2] [--bridges 4]

from the source tree after `cmake --preset dev && cmake --build --preset dev`.
"""

import argparse
import json
import os
import pathlib
import signal
import statistics
import subprocess
import sys
import tempfile
import time

SOURCE = pathlib.Path(__file__).resolve().parent.parent
BUILD = SOURCE / "build" / "dev"
CLI = BUILD / "app" / "jitsi-deployer"
SIM = BUILD / "tests" / "support" / "hcloud-sim"
ZONE = "jitsi-deployer.test"


def deploy(env, plan_file, key, events_file):
    """Runs deploy; returns (wall seconds, when each phase began, exit code)."""
    started = time.monotonic()
    phases = {}
    with open(events_file, "w") as log:
        process = subprocess.Popen(
            [str(CLI), "deploy", "--plan-file", str(plan_file), "--identity", str(key),
             "--dns-server", "198.18.0.1", "--json"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in process.stdout:
            log.write(line)
            now = time.monotonic() - started
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                continue
            if event.get("event") == "phase":
                phases.setdefault(event.get("phase"), now)
        code = process.wait()
    return time.monotonic() - started, phases, code


def host_seconds(artefacts, slug):
    """Each host's own install time (its runs' start to end, without the waits between them), from the provision
    logs the testbed kept when destroy deleted the hosts: (sum over hosts, the slowest host, CPU seconds all hosts
    used as the testbed measured them per host; 0 where it cannot)."""
    def at(line):
        stamp = line.split("time=")[1].strip()
        return time.mktime(time.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ"))

    spans = []
    for log in artefacts.glob(f"{slug}-*/var/log/jitsi-deployer/provision.log"):
        total, started = 0.0, None
        for line in log.read_text(errors="replace").splitlines():
            if line.startswith("@@run start"):
                started = at(line)
            elif line.startswith("@@run end") and started is not None:
                total += at(line) - started
                started = None
        spans.append(total)
    cpu = sum(float(f.read_text()) for f in artefacts.glob(f"{slug}-*/cpu-seconds"))
    return sum(spans), max(spans, default=0.0), cpu


def destroy(env):
    subprocess.run([str(CLI), "destroy", "--yes"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="runs per size (default 2)")
    parser.add_argument("--bridges", type=int, default=4, help="N (default 4)")
    parser.add_argument("--port", type=int, default=4100)
    parser.add_argument("--host-cpus", type=float, default=None,
                        help="cap every host at this many CPUs (cgroup), as separate servers would have their own; "
                             "default: no cap, all hosts share the machine's cores")
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("testbed_scaling: needs root (the testbed's hosts are namespaces with overlay mounts)")
    if not CLI.exists() or not SIM.exists():
        sys.exit("testbed_scaling: build first: cmake --preset dev && cmake --build --preset dev")

    if args.host_cpus:
        os.environ["JD_TESTBED_HOST_CPUS"] = str(args.host_cpus)  # host.sh, started by the simulator, reads it
    state = pathlib.Path(os.environ.get("JD_TESTBED_STATE", "/var/lib/jitsi-deployer-testbed"))
    os.environ["JD_TESTBED_STATE"] = str(state)
    services = state / "services"
    work = pathlib.Path(tempfile.mkdtemp(prefix="testbed-scaling-"))
    subprocess.run(["bash", str(SOURCE / "tests/testbed/services.sh"), "up"], check=True)
    acme = (services / "acme-directory-url").read_text().strip()

    key = work / "id_ed25519"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    sim = subprocess.Popen(
        [str(SIM), "--port", str(args.port), "--action-ms", "2000", "--zone", ZONE, "--testbed",
         "--testbed-script", str(SOURCE / "tests/testbed/host.sh"), "--testbed-services", str(services),
         "--testbed-artefacts", str(work / "artefacts")],
        stdout=subprocess.PIPE, stderr=open(work / "hcloud-sim.log", "w"), text=True)
    endpoint = sim.stdout.readline().strip()
    env = dict(os.environ, HCLOUD_ENDPOINT=endpoint, HCLOUD_TOKEN="sim-token")
    env.pop("DISPLAY", None)

    results = {1: [], args.bridges: []}
    try:
        for run in range(args.runs):
            for size in (1, args.bridges):
                domain = f"bench{run}n{size}.{ZONE}"
                plan = {
                    "version": 1, "domain": domain, "email": f"admin@{ZONE}", "image": "debian-12",
                    "web": {"server_type": "cx23", "location": "fsn1"},
                    "bridges": [{"server_type": "cx23", "location": "fsn1"}] * size,
                    "ssh_public_key": (work / "id_ed25519.pub").read_text().strip(),
                    "options": {"acme_directory_url": acme},
                }
                plan_file = work / f"plan-{run}-{size}.json"
                plan_file.write_text(json.dumps(plan))
                wall, phases, code = deploy(env, plan_file, key, work / f"events-{run}-{size}.jsonl")
                destroy(env)
                if code != 0:
                    sys.exit(f"testbed_scaling: deploy of 1 + {size} failed (exit {code}); see {work}")
                # The testbed collects a deleted host's logs a moment after the API reports it deleted.
                slug = domain.replace(".", "-")
                deadline = time.monotonic() + 60
                while (len(list((work / "artefacts").glob(f"{slug}-*/var/log/jitsi-deployer/provision.log")))
                       < 1 + size and time.monotonic() < deadline):
                    time.sleep(0.5)
                busy, slowest, cpu = host_seconds(work / "artefacts", slug)
                results[size].append((wall, phases, busy, cpu))
                print(f"run {run + 1}, 1 + {size}: {wall:.1f} s; installs {busy:.0f} host-s in all, slowest host "
                      f"{slowest:.0f} s, CPU {cpu:.0f} s (phases at: "
                      + ", ".join(f"{name} {at:.1f}" for name, at in phases.items()) + ")", flush=True)
    finally:
        sim.send_signal(signal.SIGTERM)
        sim.wait(timeout=300)

    def median(size, index=0):
        return statistics.median(entry[index] for entry in results[size])

    def spread(size):
        walls = [entry[0] for entry in results[size]]
        return f"{min(walls):.1f}–{max(walls):.1f}"

    ratio = median(args.bridges) / median(1)
    cores = os.cpu_count()
    mode = f"each host capped at {args.host_cpus} CPU" if args.host_cpus else f"all hosts share {cores} cores"
    print(f"\n{mode}\n")
    print("| hosts | wall (median) | range | installs, all hosts (median) | CPU, all hosts (median) |")
    print("|---|---|---|---|---|")
    for size in (1, args.bridges):
        print(f"| 1 + {size} | {median(size):.1f} s | {spread(size)} s | {median(size, 2):.0f} host-s "
              f"| {median(size, 3):.0f} s |")
    print(f"\nT(1+{args.bridges}) / T(1+1) = {ratio:.2f} (budget <= 1.2); events and logs in {work}")


if __name__ == "__main__":
    main()
