"""A small Chrome DevTools Protocol client for the end-to-end suite.

Starts Debian's `chromium` headless with a private profile, connects to its one page
over a WebSocket (the `websocket-client` package) and offers the few calls the suite
needs: navigate, evaluate, wait for a condition, set a file input, type, screenshot.
Standard library otherwise.
"""

import base64
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request

import websocket


class CDPError(Exception):
    pass


class Browser:
    """One headless chromium with one page; use as a context manager."""

    def __init__(self, executable=None, timeout=30.0):
        self.executable = executable or os.environ.get("CHROMIUM") or shutil.which("chromium") or "chromium"
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="mupic-e2e-chromium-")
        self.process = None
        self.socket = None
        self.reader = None
        self.lock = threading.Lock()
        self.condition = threading.Condition()
        self.next_id = 0
        self.replies = {}
        self.events = []
        self.closed = False

    # Start and stop

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.close()

    def start(self):
        arguments = [
            self.executable,
            "--headless=new",
            "--remote-debugging-port=0",
            "--remote-debugging-address=127.0.0.1",
            "--remote-allow-origins=*",
            f"--user-data-dir={self.profile}",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-gpu",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-sync",
            "--disable-component-update",
            "--disable-features=Translate,MediaRouter,OptimizationHints",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--mute-audio",
            "--lang=ko-KR",
            "--accept-lang=ko-KR,ko",
            "--window-size=1280,900",
        ]
        if os.geteuid() == 0:
            arguments.append("--no-sandbox")  # chromium refuses to run as root with its sandbox
        arguments.append("about:blank")
        self.log = open(os.path.join(self.profile, "chromium.log"), "wb")
        self.process = subprocess.Popen(arguments, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

        # Chromium writes the port it chose into the profile once DevTools listens.
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + self.timeout
        port = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise CDPError(f"chromium exited with {self.process.returncode}: {self.chromium_log()}")
            try:
                with open(port_file) as handle:
                    first = handle.readline().strip()
                if first:
                    port = int(first)
                    break
            except (FileNotFoundError, ValueError):
                pass
            time.sleep(0.05)
        if port is None:
            raise CDPError(f"chromium did not open DevTools within {self.timeout}s: {self.chromium_log()}")

        page = None
        while time.monotonic() < deadline and page is None:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as response:
                targets = json.load(response)
            page = next((t for t in targets if t.get("type") == "page"), None)
            if page is None:
                time.sleep(0.05)
        if page is None:
            raise CDPError("chromium has no page target")

        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=self.timeout, suppress_origin=True)
        self.socket.settimeout(None)
        self.reader = threading.Thread(target=self._read, name="cdp-reader", daemon=True)
        self.reader.start()
        for domain in ("Page", "Runtime", "Network", "DOM"):
            self.send(f"{domain}.enable")

    def chromium_log(self):
        try:
            with open(os.path.join(self.profile, "chromium.log"), "rb") as handle:
                return handle.read()[-2000:].decode("utf-8", "replace")
        except OSError:
            return ""

    def close(self):
        self.closed = True
        if self.socket is not None:
            try:
                self.socket.close()
            except Exception:
                pass
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "log", None):
            self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    # The protocol

    def _read(self):
        while True:
            try:
                message = json.loads(self.socket.recv())
            except Exception:
                with self.condition:
                    self.closed = True
                    self.condition.notify_all()
                return
            with self.condition:
                if "id" in message:
                    self.replies[message["id"]] = message
                else:
                    self.events.append(message)
                self.condition.notify_all()

    def send(self, method, timeout=None, **params):
        with self.lock:
            self.next_id += 1
            message_id = self.next_id
            self.socket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        deadline = time.monotonic() + (timeout or self.timeout)
        with self.condition:
            while message_id not in self.replies:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.closed:
                    raise CDPError(f"no reply to {method} within {timeout or self.timeout}s")
                self.condition.wait(remaining)
            reply = self.replies.pop(message_id)
        if "error" in reply:
            raise CDPError(f"{method}: {reply['error'].get('message')} {reply['error'].get('data', '')}".strip())
        return reply.get("result", {})

    def events_named(self, name):
        with self.condition:
            return [event["params"] for event in self.events if event.get("method") == name]

    # Page helpers

    def evaluate(self, expression, timeout=None):
        """The value of a JavaScript expression (promises awaited); page exceptions raise."""
        result = self.send(
            "Runtime.evaluate", timeout=timeout, expression=expression, returnByValue=True, awaitPromise=True,
            userGesture=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise CDPError(f"JavaScript error: {text}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression, timeout=15.0, interval=0.05, what=None):
        """Polls a JavaScript expression until it is truthy; returns its value or raises."""
        deadline = time.monotonic() + timeout
        last_error = None
        while True:
            try:
                value = self.evaluate(expression)
                if value:
                    return value
            except CDPError as error:  # the page may be between documents
                last_error = error
            if time.monotonic() >= deadline:
                suffix = f" (last error: {last_error})" if last_error else ""
                raise AssertionError(f"timed out after {timeout}s waiting for {what or expression}{suffix}")
            time.sleep(interval)

    def navigate(self, url, timeout=15.0):
        result = self.send("Page.navigate", url=url)
        if result.get("errorText"):
            raise CDPError(f"navigation to {url} failed: {result['errorText']}")
        self.wait_loaded(timeout)

    def wait_loaded(self, timeout=15.0, path_prefix=None):
        condition = "document.readyState === 'complete'"
        if path_prefix:
            condition += f" && location.pathname.startsWith({json.dumps(path_prefix)})"
        self.wait_for(condition, timeout=timeout, what=f"page {path_prefix or ''} to load")

    def set_files(self, selector, paths):
        root = self.send("DOM.getDocument", depth=0)["root"]["nodeId"]
        node = self.send("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        if not node:
            raise AssertionError(f"no element {selector}")
        self.send("DOM.setFileInputFiles", files=[os.path.abspath(p) for p in paths], nodeId=node)

    def type_text(self, selector, text):
        """Focuses an element and types into it as a keyboard would (Input.insertText)."""
        focused = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return false;"
            " e.focus(); return document.activeElement === e; })()")
        if not focused:
            raise AssertionError(f"no focusable element {selector} to type into")
        self.send("Input.insertText", text=text)

    def set_viewport(self, width, height, mobile=False, scale=1):
        self.send(
            "Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=scale, mobile=mobile)
        self.send("Emulation.setTouchEmulationEnabled", enabled=mobile)

    def screenshot(self, path, full_page=False):
        # Wait for web fonts and images in view so a screenshot never shows half a page.
        self.evaluate(
            "Promise.race([Promise.all([document.fonts.ready,"
            " ...Array.from(document.images).filter(i => !i.complete && i.loading !== 'lazy')"
            ".map(i => new Promise(r => { i.onload = i.onerror = r; }))]),"
            " new Promise(r => setTimeout(r, 3000))]).then(() => new Promise(r =>"
            " requestAnimationFrame(() => requestAnimationFrame(r)))).then(() => true)")
        if full_page:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            clip = dict(x=0, y=0, width=size["width"], height=size["height"], scale=1)
            data = self.send("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)["data"]
        else:
            data = self.send("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))
