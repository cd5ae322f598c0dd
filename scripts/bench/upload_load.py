#!/usr/bin/env python3
"""A bounded upload load for `mupic serve` on loopback, end to end.

CONCURRENCY clients each post a photo to POST /api/recommendations, poll its job every 20 ms
until it is done or failed, then post the next, until COUNT photos are through. Prints one JSON
object: accepted, errors (by status), jobs failed or unfinished, wall seconds from the first
upload to the last finished job, recommendations per second, the p50/p99 of the upload requests
themselves and of upload-to-five-songs. A 503 (queue full) is retried after its Retry-After, as a
client should; it is counted. Every photo is a distinct file (its index in a JPEG comment), so
nothing keyed by content is reused. Loopback only: the URL must be 127.0.0.1 or localhost.

URL may be several, comma-separated (servers sharing one database): uploads go to them in turn.

Usage: upload_load.py URL[,URL...] PHOTO COUNT [CONCURRENCY]
"""
import json, sys, threading, time, urllib.error, urllib.parse, urllib.request, uuid

urls, photo_path, count = sys.argv[1].split(","), sys.argv[2], int(sys.argv[3])
concurrency = int(sys.argv[4]) if len(sys.argv) > 4 else 8
if any(urllib.parse.urlparse(each).hostname not in ("127.0.0.1", "localhost", "::1") for each in urls):
    sys.exit("upload_load.py only targets loopback")
photo = open(photo_path, "rb").read()
POLL_SECONDS = 0.02
JOB_DEADLINE_SECONDS = 120


def distinct(index):
    """The photo with its index in a JPEG comment after the start marker: the same pixels and
    decoding work, but a different file each time."""
    if not photo.startswith(b"\xff\xd8"):
        return photo
    comment = f"mupic bench upload {index}".encode()
    return photo[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + photo[2:]


def body(index):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in (("genres", "ballad"), ("genres", "pop"), ("genres", "indie")):
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p.jpg"\r\n'
                 f'Content-Type: image/jpeg\r\n\r\n'.encode() + distinct(index) + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return boundary, b"".join(parts)


lock = threading.Lock()
accepted, latencies, end_to_end, errors = [0], [], [], {}
outcome = {"failed": 0, "unfinished": 0, "retries": 0}
next_index = [0]


def count_error(key):
    with lock:
        errors[key] = errors.get(key, 0) + 1


def upload(index, url):
    """The job id, or None when the upload was refused (counted)."""
    while True:
        boundary, data = body(index)
        request = urllib.request.Request(url + "/api/recommendations", data=data, method="POST",
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                job = json.load(response)["jobId"]
            with lock:
                latencies.append(time.perf_counter() - start)
                accepted[0] += 1
            return job
        except urllib.error.HTTPError as error:
            if error.code == 503:
                with lock:
                    outcome["retries"] += 1
                time.sleep(float(error.headers.get("Retry-After", "1")))
                continue
            count_error(error.code)
            return None
        except Exception as error:  # connection refused, timeout
            count_error(type(error).__name__)
            return None


def wait_for(job, url):
    """'done', 'failed' or 'unfinished' (past the deadline)."""
    deadline = time.monotonic() + JOB_DEADLINE_SECONDS
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{url}/api/jobs/{job}", timeout=30) as response:
            state = json.load(response)["state"]
        if state in ("done", "failed"):
            return state
        time.sleep(POLL_SECONDS)
    return "unfinished"


def client():
    while True:
        with lock:
            if next_index[0] >= count:
                return
            index = next_index[0]
            next_index[0] += 1
        url = urls[index % len(urls)]
        start = time.perf_counter()
        job = upload(index, url)
        if job is None:
            continue
        state = wait_for(job, url)
        with lock:
            if state == "done":
                end_to_end.append(time.perf_counter() - start)
            else:
                outcome[state] += 1


started = time.perf_counter()
threads = [threading.Thread(target=client) for _ in range(concurrency)]
for thread in threads: thread.start()
for thread in threads: thread.join()
wall = time.perf_counter() - started


def pick(values, q):
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * (len(values) - 1)))] * 1000, 1) if values else None


print(json.dumps({"accepted": accepted[0], "errors": errors, "queue_full_retries": outcome["retries"],
                  "jobs_failed": outcome["failed"], "jobs_unfinished": outcome["unfinished"], "seconds": round(wall, 2),
                  "recommendations_per_s": round(len(end_to_end) / wall, 1),
                  "upload_p50_ms": pick(latencies, 0.5), "upload_p99_ms": pick(latencies, 0.99),
                  "end_to_end_p50_ms": pick(end_to_end, 0.5), "end_to_end_p99_ms": pick(end_to_end, 0.99)}))
