#!/usr/bin/env python3
"""A bounded upload load for `mupic serve` on loopback, end to end.

Posts COUNT photos to POST /api/recommendations with CONCURRENCY clients, then polls each
job until it is done, and prints one JSON object: accepted, errors (by status), wall seconds
from the first upload to the last finished job, recommendations per second, and the p50/p99
of the upload requests themselves. A 503 (queue full) is retried after its Retry-After, as a
client should; it is counted. Loopback only: the URL must be 127.0.0.1 or localhost.

URL may be several, comma-separated (servers sharing one database): uploads go to them in turn.

Usage: upload_load.py URL[,URL...] PHOTO COUNT [CONCURRENCY]
"""
import json, sys, threading, time, urllib.error, urllib.parse, urllib.request, uuid

urls, photo_path, count = sys.argv[1].split(","), sys.argv[2], int(sys.argv[3])
url = urls[0]
concurrency = int(sys.argv[4]) if len(sys.argv) > 4 else 8
if any(urllib.parse.urlparse(each).hostname not in ("127.0.0.1", "localhost", "::1") for each in urls):
    sys.exit("upload_load.py only targets loopback")
photo = open(photo_path, "rb").read()

def distinct(index):
    """The photo with its index in a JPEG comment after the start marker: the same pixels and
    decoding work, but a different file each time, so nothing keyed by content is reused."""
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
jobs, latencies, errors, retries = [], [], {}, [0]
next_index = [0]

def worker():
    while True:
        with lock:
            if next_index[0] >= count:
                return
            index = next_index[0]
            next_index[0] += 1
        while True:
            boundary, data = body(index)
            request = urllib.request.Request(urls[index % len(urls)] + "/api/recommendations", data=data, method="POST",
                                             headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    job = json.load(response)["jobId"]
                with lock:
                    latencies.append(time.perf_counter() - start)
                    jobs.append(job)
                break
            except urllib.error.HTTPError as error:
                if error.code == 503:
                    with lock:
                        retries[0] += 1
                    time.sleep(float(error.headers.get("Retry-After", "1")))
                    continue
                with lock:
                    errors[error.code] = errors.get(error.code, 0) + 1
                break
            except Exception as error:  # connection refused, timeout
                with lock:
                    errors[type(error).__name__] = errors.get(type(error).__name__, 0) + 1
                break

started = time.perf_counter()
threads = [threading.Thread(target=worker) for _ in range(concurrency)]
for thread in threads: thread.start()
for thread in threads: thread.join()
pending = list(jobs)
failed = 0
deadline = time.time() + 600
while pending and time.time() < deadline:
    still = []
    for job in pending:
        with urllib.request.urlopen(f"{url}/api/jobs/{job}", timeout=30) as response:
            state = json.load(response)["state"]
        if state == "failed":
            failed += 1
        elif state != "done":
            still.append(job)
    pending = still
    if pending:
        time.sleep(0.2)
wall = time.perf_counter() - started
latencies.sort()
pick = lambda q: round(latencies[min(len(latencies) - 1, int(q * (len(latencies) - 1)))] * 1000, 1) if latencies else None
print(json.dumps({"accepted": len(jobs), "errors": errors, "queue_full_retries": retries[0], "jobs_failed": failed,
                  "jobs_unfinished": len(pending), "seconds": round(wall, 2),
                  "recommendations_per_s": round((len(jobs) - failed - len(pending)) / wall, 1),
                  "upload_p50_ms": pick(0.5), "upload_p99_ms": pick(0.99)}))
