"""What the load scripts (scripts/durability, scripts/scaleout) share: distinct photos, the
upload form, and a `mupic serve` process to start, wait for, signal and stop. Standard library only."""
import os, signal, socket, struct, subprocess, time, urllib.request, uuid, zlib


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def png(index, size):
    """A PNG whose pixels depend on `index`, so every upload is a different photo."""
    rows = bytearray()
    for y in range(size):
        rows.append(0)
        for x in range(size):
            rows += bytes(((index * 37 + index // 256 * 71 + x * 5 + y * y) % 256, (index * 91 + y * 7 + x * x) % 256, (index * 13 + x * y) % 256))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows))) + chunk(b"IEND", b"")


def upload_form(index, genres, photo):
    """(boundary, body) of the upload form: each genre, then the photo."""
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="genres"\r\n\r\n{genre}\r\n'.encode()
             for genre in genres.split(",")]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p{index}.png"\r\n'
                 f'Content-Type: image/png\r\n\r\n'.encode() + photo + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return boundary, b"".join(parts)


class Server:
    """One `mupic serve` on a free loopback port; each start logs to <logs>/server-<name>-<n>.log."""

    def __init__(self, mupic, options, logs, name):
        self.mupic, self.options, self.logs, self.name = mupic, options, logs, name
        self.port, self.process, self.generation = free_port(), None, 0

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.generation += 1
        log = open(os.path.join(self.logs, f"server-{self.name}-{self.generation}.log"), "w")
        self.process = subprocess.Popen([self.mupic, "serve", "--port", str(self.port)] + self.options,
                                        stdout=log, stderr=subprocess.STDOUT)

    def wait_ready(self, limit=60):
        """Until the home page answers 200 (the server answers 503 while it loads)."""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if self.process.poll() is not None:
                raise SystemExit(f"server {self.name} exited with {self.process.returncode}; see {self.logs}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"server {self.name} did not answer within {limit} s")

    def signal(self, number):
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, number)

    def kill(self):
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self, timeout=20):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
