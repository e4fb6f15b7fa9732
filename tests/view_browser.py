"""Headless Debian chromium driven over the DevTools protocol, for the view's browser tests and bench.

The protocol runs over a pipe (`--remote-debugging-pipe`: commands on fd 3, replies on fd 4, each
message a JSON text ended by NUL), so it needs no open port and no extra package. Every request
the page makes to anything but a local file is failed before it leaves and recorded in
`Page.outside_requests`; console errors, uncaught exceptions and failed loads land in
`Page.errors`.
"""
from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
          "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--disable-default-apps", "--disable-extensions", "--mute-audio",
          "--host-resolver-rules=MAP * ~NOTFOUND")


class BrowserError(RuntimeError):
    """Chromium did not start, answered with an error, or a wait timed out."""


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists() or not shutil.which(str(CHROMIUM)):
        return f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)"
    return None


class Chromium:
    """One headless browser process; use as a context manager and open pages with `open`."""

    def __init__(self, profile: Path, *, width: int = 1280, height: int = 800, timeout: float = 30.0) -> None:
        self.timeout = timeout
        cmd_read, self._cmd_write = os.pipe()
        self._reply_read, reply_write = os.pipe()

        def wire_pipes() -> None:  # in the child: our pipe ends become its fds 3 and 4
            high_cmd, high_reply = os.dup(cmd_read), os.dup(reply_write)
            os.dup2(high_cmd, 3)
            os.dup2(high_reply, 4)

        self._process = subprocess.Popen(
            [str(CHROMIUM), *_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_pipes, close_fds=False)  # os.pipe ends are close-on-exec; 3 and 4 are not
        os.close(cmd_read)
        os.close(reply_write)
        self._next_id = 0
        self._lock = threading.Lock()
        self._replies: dict[int, queue.Queue] = {}
        self._sessions: dict[str, Page] = {}
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.send("Target.setDiscoverTargets", {"discover": False})  # the browser answers: it is up

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except BrowserError:
            pass
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._cmd_write)

    def send(self, method: str, params: dict | None = None, *, session: str | None = None,
             timeout: float | None = None) -> dict:
        with self._lock:
            self._next_id += 1
            ident = self._next_id
            waiter: queue.Queue = queue.Queue(maxsize=1)
            self._replies[ident] = waiter
            message = {"id": ident, "method": method, "params": params or {}}
            if session:
                message["sessionId"] = session
            os.write(self._cmd_write, json.dumps(message).encode() + b"\0")
        try:
            reply = waiter.get(timeout=timeout or self.timeout)
        except queue.Empty:
            raise BrowserError(f"no answer to {method} within {timeout or self.timeout} s") from None
        finally:
            self._replies.pop(ident, None)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def open(self, url: str) -> Page:
        """A new tab with outside requests blocked and errors recorded, navigated to `url`."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        self._sessions[session] = page
        for method, params in (("Fetch.enable", {"patterns": [{"urlPattern": "*"}]}), ("Network.enable", {}),
                               ("Runtime.enable", {}), ("Log.enable", {}), ("Page.enable", {})):
            self.send(method, params, session=session)
        page.navigate(url)
        return page

    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self._reply_read, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                for waiter in list(self._replies.values()):
                    waiter.put({"error": {"message": "chromium closed the pipe"}})
                os.close(self._reply_read)
                return
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for raw in messages:
                message = json.loads(raw)
                if "id" in message:
                    waiter = self._replies.get(message["id"])
                    if waiter is not None:
                        waiter.put(message)
                elif message.get("sessionId") in self._sessions:
                    self._sessions[message["sessionId"]]._event(message["method"], message.get("params", {}))

    def _post(self, method: str, params: dict, session: str) -> None:
        """Send without waiting for the answer (from the reader thread, which cannot wait on itself)."""
        with self._lock:
            self._next_id += 1
            message = {"id": self._next_id, "method": method, "params": params, "sessionId": session}
            os.write(self._cmd_write, json.dumps(message).encode() + b"\0")


class Page:
    """One tab: evaluate script, wait for a condition, click or double-click, take a screenshot."""

    def __init__(self, browser: Chromium, session: str) -> None:
        self.browser, self.session = browser, session
        self.outside_requests: list[str] = []
        self.errors: list[str] = []
        self.loaded = threading.Event()

    def navigate(self, url: str) -> None:
        self.loaded.clear()
        self.send("Page.navigate", {"url": url})

    def send(self, method: str, params: dict | None = None, timeout: float | None = None) -> dict:
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def evaluate(self, expression: str, timeout: float | None = None):
        """The JSON value of `expression` (awaited when it is a promise); a thrown error raises."""
        reply = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                               "awaitPromise": True}, timeout=timeout)
        if "exceptionDetails" in reply:
            details = reply["exceptionDetails"]
            raise BrowserError(f"{expression[:80]!r} threw: "
                               f"{details.get('exception', {}).get('description') or details.get('text')}")
        return reply["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20.0, interval: float = 0.05):
        """Poll until `expression` is truthy (an expression that throws is not, yet); its value."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                value, problem = self.evaluate(expression), None
            except BrowserError as exc:  # the page's script has not defined what it names yet
                value, problem = None, exc
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"waited {timeout} s for {expression!r} ({problem}); errors: {self.errors}")
            time.sleep(interval)

    def click(self, x: float, y: float) -> None:
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                                   "clickCount": 0 if kind == "mouseMoved" else 1})

    def double_click(self, x: float, y: float) -> None:
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        for count in (1, 2):
            for kind in ("mousePressed", "mouseReleased"):
                self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                                       "clickCount": count})

    def type_text(self, text: str) -> None:
        self.send("Input.insertText", {"text": text})

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def _event(self, method: str, params: dict) -> None:
        if method == "Fetch.requestPaused":
            url = params["request"]["url"]
            if url.startswith(LOCAL_SCHEMES):
                self.browser._post("Fetch.continueRequest", {"requestId": params["requestId"]}, self.session)
            else:
                if url not in self.outside_requests:
                    self.outside_requests.append(url)
                self.browser._post("Fetch.failRequest", {"requestId": params["requestId"],
                                                         "errorReason": "BlockedByClient"}, self.session)
        elif method in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            url = params.get("request", params).get("url", "")
            if not url.startswith(LOCAL_SCHEMES) and url not in self.outside_requests:
                self.outside_requests.append(url)
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            self.errors.append("console: " + " ".join(str(arg.get("value", arg.get("description", "")))
                                                      for arg in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.errors.append("exception: " + (details.get("exception", {}).get("description")
                                                or details.get("text", "")))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            self.errors.append(f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}".strip())
        elif method == "Page.loadEventFired":
            self.loaded.set()
