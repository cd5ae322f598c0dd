#!/usr/bin/env python3
"""Durability test: one `mupic serve` on SQLite under a bounded upload load, stopped in the
middle by SIGKILL (a crash) or SIGTERM (a graceful stop), then started again.

Afterwards every upload that got an accepted answer (a job id) must have its job row, its
photo row and both photo files; every photo file must be a whole JPEG; no temporary file may
be left; and every accepted job must end done after the restart. With SIGTERM the server must
exit by itself, leave no job leased, and the jobs must finish long before any lease expires
(the lease is set far longer than the drain deadline). Prints rows and files before and
after; exits 1 on any violation. Loopback only; every loop is bounded. Standard library only.

Usage: durability.py --mupic BIN --database FILE --photos DIR --logs DIR --signal KILL|TERM [--count 300]
"""
import argparse, json, os, signal, sqlite3, subprocess, sys, threading, time, urllib.error, urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from mupic_load import Server, png, upload_form  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--mupic", required=True)
parser.add_argument("--database", required=True)
parser.add_argument("--photos", required=True)
parser.add_argument("--logs", required=True)
parser.add_argument("--signal", choices=["KILL", "TERM"], required=True)
parser.add_argument("--count", type=int, default=300)
parser.add_argument("--concurrency", type=int, default=4)
parser.add_argument("--genres", default="ballad")
parser.add_argument("--deadline", type=float, default=240, help="seconds for the whole test")
args = parser.parse_args()

started = time.monotonic()
deadline = started + args.deadline
# After SIGTERM nothing may wait for a lease to expire: make expiry far later than the deadline.
lease = 8 if args.signal == "KILL" else 3600
PHOTO_SIZE = 96  # about 28 KB: big enough that a kill can land while its files are being written

server = Server(args.mupic, [
    "--database", args.database, "--photos", args.photos, "--workers", "2", "--job-lease", str(lease), "--job-poll", "1",
    # Rate limits and the unsafe-image screen are tested elsewhere; here they would only slow the load.
    "--uploads-per-minute", "0", "--api-per-minute", "0", "--no-screening"], args.logs, "main")
lock = threading.Lock()
accepted = []  # (job id, photo id)
counts = {"http_503": 0, "connection_errors": 0, "other_errors": 0}
next_index = [0]
down = threading.Event()  # set while the server is stopped: clients wait instead of spinning


def upload_worker():
    while time.monotonic() < deadline:
        with lock:
            if next_index[0] >= args.count:
                return
            index = next_index[0]
            next_index[0] += 1
        for _ in range(400):
            if time.monotonic() >= deadline:
                return
            boundary, body = upload_form(index, args.genres, png(index, PHOTO_SIZE))
            request = urllib.request.Request(
                server.url + "/api/recommendations", data=body, method="POST",
                headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    reply = json.load(response)
                with lock:
                    accepted.append((reply["jobId"], reply["photoId"]))
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
                # The server went away mid-request: the upload may or may not have been kept, and
                # no job id was given, so nothing is promised; send it again once it is back.
                with lock:
                    counts["connection_errors"] += 1
                time.sleep(0.2)


def get_json(path):
    last = None
    for _ in range(20):
        try:
            with urllib.request.urlopen(server.url + path, timeout=10) as response:
                return json.load(response)
        except OSError as error:
            last = error
            time.sleep(0.1)
    raise SystemExit(f"GET {path} failed: {last}")


def database_counts():
    # A separate connection after a crash: opening the file replays the WAL as SQLite recovers.
    with sqlite3.connect(args.database, timeout=10) as db:
        images = db.execute("SELECT COUNT(*) FROM images").fetchone()[0]
        states = dict(db.execute("SELECT state, COUNT(*) FROM jobs GROUP BY state").fetchall())
        leased = db.execute(
            "SELECT COUNT(*) FROM jobs WHERE state = 'running' AND lease_until > ?",
            (time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()),)).fetchone()[0]
    return images, states, leased


def file_counts():
    photos, temporary, broken = 0, [], []
    for root, _, names in os.walk(args.photos):
        for name in names:
            path = os.path.join(root, name)
            if name.endswith(".tmp"):
                temporary.append(path)
            elif name.endswith(".jpg"):
                photos += 1
                with open(path, "rb") as file:
                    data = file.read()
                if len(data) < 4 or data[:2] != b"\xff\xd8" or data.rstrip(b"\0")[-2:] != b"\xff\xd9":
                    broken.append(path)
    return photos, temporary, broken


def describe(label, images, states, leased, files):
    photos, temporary, broken = files
    jobs = ", ".join(f"{n} {s}" for s, n in sorted(states.items()))
    print(f"{label}: {images} photo rows, jobs {sum(states.values())} ({jobs}), {leased} still leased; "
          f"{photos} photo files, {len(broken)} broken, {len(temporary)} temporary files")


violations = []
try:
    server.start()
    server.wait_ready()
    print(f"durability: server on :{server.port}, SQLite {args.database}, stop by SIG{args.signal}", file=sys.stderr)
    load_started = time.monotonic()
    threads = [threading.Thread(target=upload_worker, daemon=True) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()

    stopped_at = None
    while any(thread.is_alive() for thread in threads) and time.monotonic() < deadline:
        with lock:
            done = len(accepted)
        if stopped_at is None and done >= args.count // 2:
            stopped_at = done
            stop_started = time.monotonic()
            server.signal(signal.SIGKILL if args.signal == "KILL" else signal.SIGTERM)
            try:
                server.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                violations.append("the server did not exit within 60 s of SIGTERM")
                server.process.kill()
                server.process.wait()
            exit_seconds = time.monotonic() - stop_started
            print(f"durability: SIG{args.signal} after {done} accepted uploads; exited with "
                  f"{server.process.returncode} in {exit_seconds:.2f} s", file=sys.stderr)
            with lock:
                promised = list(accepted)
            before = database_counts()
            before_files = file_counts()
            describe("before restart", *before, before_files)
            if args.signal == "TERM":
                if server.process.returncode != 0:
                    violations.append(f"SIGTERM ended the server with {server.process.returncode}, not 0")
                if before[2]:
                    violations.append(f"{before[2]} jobs still leased after a graceful stop")
            with sqlite3.connect(args.database) as db:
                known_jobs = {row[0] for row in db.execute("SELECT id FROM jobs")}
            missing = [job for job, _ in promised if job not in known_jobs]
            if missing:
                violations.append(f"{len(missing)} accepted jobs have no row after the stop (e.g. {missing[:3]})")
            if before_files[2]:
                violations.append(f"{len(before_files[2])} half-written photo files after the stop: {before_files[2][:3]}")
            if any(not path.startswith(os.path.join(args.photos, ".incoming")) for path in before_files[1]):
                violations.append(f"temporary files outside the staging directory: {before_files[1][:3]}")
            server.start()
            server.wait_ready()
        time.sleep(0.05)
    for thread in threads:
        thread.join(timeout=max(0, deadline - time.monotonic()))
    upload_seconds = time.monotonic() - load_started

    # Every accepted job must end, long before a lease (3600 s after SIGTERM) could expire.
    jobs = {}
    pending = {job for job, _ in accepted}
    while pending and time.monotonic() < deadline:
        for job in list(pending)[:400]:
            state = get_json(f"/api/jobs/{job}")
            if state["state"] in ("done", "failed"):
                jobs[job] = state
                pending.discard(job)
        if pending:
            time.sleep(0.5)
    total_seconds = time.monotonic() - load_started
finally:
    server.stop(timeout=30)

after = database_counts()
after_files = file_counts()
describe("after restart", *after, after_files)
with sqlite3.connect(args.database) as db:
    photo_rows = dict(db.execute("SELECT id, content_hash FROM images").fetchall())
    job_rows = {row[0] for row in db.execute("SELECT id FROM jobs")}
    retried = db.execute("SELECT COUNT(*) FROM jobs WHERE attempts > 1").fetchone()[0]

without_rows = [job for job, photo in accepted if job not in job_rows or photo not in photo_rows]
without_files = [
    photo for _, photo in accepted if photo in photo_rows and not all(
        os.path.exists(os.path.join(args.photos, photo_rows[photo][:2], photo_rows[photo] + suffix))
        for suffix in (".jpg", ".thumb.jpg"))]
not_done = [job for job, _ in accepted if jobs.get(job, {}).get("state") != "done"]
if len(accepted) != args.count:
    violations.append(f"{args.count - len(accepted)} uploads were never accepted")
if without_rows:
    violations.append(f"{len(without_rows)} accepted uploads lack their job or photo row (e.g. {without_rows[:3]})")
if without_files:
    violations.append(f"{len(without_files)} accepted photos lack a file (e.g. {without_files[:3]})")
if after_files[2]:
    violations.append(f"{len(after_files[2])} broken photo files: {after_files[2][:3]}")
if after_files[1]:
    violations.append(f"{len(after_files[1])} temporary files left after the restart: {after_files[1][:3]}")
if not_done:
    violations.append(f"{len(not_done)} accepted jobs did not end done (e.g. {[jobs.get(j) for j in not_done[:2]]})")
if counts["other_errors"]:
    violations.append(f"{counts['other_errors']} uploads refused with an unexpected error")

print(f"accepted {len(accepted)} of {args.count}; stopped by SIG{args.signal} after {stopped_at}; "
      f"client retries: {counts['connection_errors']} connection errors, {counts['http_503']} busy (503)")
print(f"accepted uploads with job row, photo row and both files: {len(accepted) - len(without_rows) - len(without_files)}; "
      f"done {len(accepted) - len(not_done)}; {retried} jobs retried after a lost lease")
print(f"uploads took {upload_seconds:.1f} s, all jobs done after {total_seconds:.1f} s")
if violations:
    print(f"DURABILITY (SIG{args.signal}) FAILED:\n  " + "\n  ".join(violations))
    sys.exit(1)
print(f"durability SIG{args.signal}: 1 passed, 0 failed")
