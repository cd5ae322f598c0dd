#!/usr/bin/env python3
"""Scale-out test: two `mupic serve` processes on one PostgreSQL database, a bounded load
split across both, one server killed with SIGKILL half way and restarted.

Afterwards every accepted job must have exactly one result (none lost, none duplicated)
and the archive must show each public photo once. Prints the counts; exits 1 on any
violation. Loopback only; every loop is bounded in count and time. Standard library only.

Usage: scaleout.py --mupic BIN --database URL --photos DIR --logs DIR [--count 2000]
"""
import argparse, json, os, subprocess, sys, threading, time, urllib.error, urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from mupic_load import Server, png, upload_form  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--mupic", required=True)
parser.add_argument("--database", required=True)
parser.add_argument("--photos", required=True)
parser.add_argument("--logs", required=True)
parser.add_argument("--count", type=int, default=2000)
parser.add_argument("--concurrency", type=int, default=8)
parser.add_argument("--genres", default="ballad")
parser.add_argument("--deadline", type=float, default=150, help="seconds for the whole load and drain")
args = parser.parse_args()

started = time.monotonic()
deadline = started + args.deadline


server_options = [
    "--database", args.database, "--photos", args.photos,
    "--workers", "2", "--job-lease", "8", "--job-poll", "1", "--uploads-per-minute", "0", "--api-per-minute", "0",
    # The unsafe-image screen is tested elsewhere; in a debug build it would dominate the load.
    "--no-screening"]
servers = [Server(args.mupic, server_options, args.logs, name) for name in ("a", "b")]
lock = threading.Lock()
accepted = []  # (job id, photo id, server name)
counts = {"http_503": 0, "connection_errors": 0, "other_errors": 0}
next_index = [0]


def upload_worker():
    while time.monotonic() < deadline:
        with lock:
            if next_index[0] >= args.count:
                return
            index = next_index[0]
            next_index[0] += 1
        target = index % 2  # split across both servers; a refused connection moves to the other
        for _ in range(200):
            if time.monotonic() >= deadline:
                return
            server = servers[target]
            boundary, body = upload_form(index, args.genres, png(index, 24))
            request = urllib.request.Request(
                server.url + "/api/recommendations", data=body, method="POST",
                headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    reply = json.load(response)
                with lock:
                    accepted.append((reply["jobId"], reply["photoId"], server.name))
                break
            except urllib.error.HTTPError as error:
                if error.code == 503:
                    with lock:
                        counts["http_503"] += 1
                    time.sleep(min(float(error.headers.get("Retry-After", "1")), 1.0))
                    continue
                with lock:
                    counts["other_errors"] += 1
                print(f"upload {index}: HTTP {error.code} {error.read()[:200]!r}", file=sys.stderr)
                break
            except (OSError, ValueError):
                # The server went away mid-request (killed): try the other one.
                with lock:
                    counts["connection_errors"] += 1
                target = 1 - target
                time.sleep(0.05)


def get_json(path, server_index=0):
    last = None
    for attempt in range(20):
        server = servers[(server_index + attempt) % 2]
        try:
            with urllib.request.urlopen(server.url + path, timeout=10) as response:
                return json.load(response)
        except OSError as error:
            last = error
            time.sleep(0.1)
    raise SystemExit(f"GET {path} failed: {last}")


def psql(sql):
    out = subprocess.run(["psql", args.database, "-qAt", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("|") for line in out.strip().splitlines() if line]


try:
    for server in servers:
        server.start()
    for server in servers:
        server.wait_ready()
    print(f"scaleout: servers a :{servers[0].port} and b :{servers[1].port} on {args.database}", file=sys.stderr)
    load_started = time.monotonic()
    threads = [threading.Thread(target=upload_worker, daemon=True) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()

    # Half way, server a dies without a chance to finish anything, then comes back.
    killed_at = None
    while any(thread.is_alive() for thread in threads) and time.monotonic() < deadline:
        with lock:
            done = len(accepted)
        if killed_at is None and done >= args.count // 2:
            servers[0].kill()
            killed_at = done
            print(f"scaleout: SIGKILL server a after {done} accepted uploads", file=sys.stderr)
            time.sleep(1)
            servers[0].start()
            threading.Thread(target=servers[0].wait_ready, daemon=True).start()
        time.sleep(0.05)
    for thread in threads:
        thread.join(timeout=max(0, deadline - time.monotonic()))
    upload_seconds = time.monotonic() - load_started
    servers[0].wait_ready()

    # Wait for every accepted job to end, through either server.
    jobs = {}
    pending = {job for job, _, _ in accepted}
    while pending and time.monotonic() < deadline:
        for job in list(pending)[:400]:
            state = get_json(f"/api/jobs/{job}", hash(job) % 2)
            if state["state"] in ("done", "failed"):
                jobs[job] = state
                pending.discard(job)
        if pending:
            time.sleep(0.5)
    total_seconds = time.monotonic() - load_started

    # The archive, paged through both servers alternately.
    archive, cursor, page = [], None, 0
    while page < 1000:
        query = "/api/archive?limit=100" + (f"&cursor={cursor}" if cursor else "")
        body = get_json(query, page % 2)
        archive += [entry["photoId"] for entry in body["entries"]]
        cursor = body.get("nextCursor")
        page += 1
        if not cursor:
            break

    states = dict(psql("SELECT state, COUNT(*) FROM jobs GROUP BY state"))
    duplicated = int(psql("SELECT COUNT(*) FROM (SELECT image_id FROM recommendations GROUP BY image_id HAVING COUNT(*) > 1) d")[0][0])
    done_without_result = int(psql("""SELECT COUNT(*) FROM jobs j WHERE j.state = 'done'
        AND NOT EXISTS (SELECT 1 FROM recommendations r WHERE r.id = j.recommendation_id)""")[0][0])
    orphan_results = int(psql("""SELECT COUNT(*) FROM recommendations r
        WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.recommendation_id = r.id)""")[0][0])
    retried = int(psql("SELECT COUNT(*) FROM jobs WHERE attempts > 1")[0][0])
    public_photos = int(psql("SELECT COUNT(*) FROM images WHERE is_public AND NOT is_hidden")[0][0])
    all_jobs = sum(int(n) for n in states.values())
finally:
    for server in servers:
        server.stop()

accepted_jobs = {job for job, _, _ in accepted}
accepted_photos = {photo for _, photo, _ in accepted}
by_server = {name: sum(1 for *_, s in accepted if s == name) for name in ("a", "b")}
lost = [job for job in accepted_jobs if job not in jobs or jobs[job]["state"] != "done" or not jobs[job].get("recommendationId")]
violations = []
if len(accepted) != args.count:
    violations.append(f"{args.count - len(accepted)} uploads were never accepted")
if len(accepted_jobs) != len(accepted):
    violations.append("a job id was handed out twice")
if lost:
    violations.append(f"{len(lost)} accepted jobs have no result (e.g. {lost[:3]} {[jobs.get(j) for j in lost[:2]]})")
if duplicated:
    violations.append(f"{duplicated} photos have more than one result")
if done_without_result or orphan_results:
    violations.append(f"{done_without_result} done jobs without a result, {orphan_results} results without their job")
if len(archive) != len(set(archive)):
    violations.append(f"{len(archive) - len(set(archive))} photos shown twice in the archive")
if len(set(archive)) != public_photos:
    violations.append(f"the archive shows {len(set(archive))} photos, the database has {public_photos} public ones")
if not accepted_photos <= set(archive):
    violations.append(f"{len(accepted_photos - set(archive))} accepted photos missing from the archive")
if counts["other_errors"]:
    violations.append(f"{counts['other_errors']} uploads refused with an unexpected error")

print(f"accepted {len(accepted)} of {args.count} (server a {by_server['a']}, b {by_server['b']}); "
      f"server a killed after {killed_at}")
print(f"client retries: {counts['connection_errors']} refused connections, {counts['http_503']} busy (503)")
print(f"jobs in the database {all_jobs}: {', '.join(f'{n} {s}' for s, n in sorted(states.items()))}; "
      f"{retried} retried after a lease expired")
print(f"accepted jobs with exactly one result {len(accepted_jobs) - len(lost)}; lost {len(lost)}; "
      f"photos with two results {duplicated}")
print(f"archive {len(archive)} entries, {len(set(archive))} distinct, {public_photos} public photos in the database")
print(f"uploads took {upload_seconds:.1f} s, all jobs done after {total_seconds:.1f} s "
      f"({len(jobs) / total_seconds:.1f} recommendations/s)")
if violations:
    print("SCALE-OUT FAILED:\n  " + "\n  ".join(violations))
    sys.exit(1)
print("scale-out: 1 passed, 0 failed")
