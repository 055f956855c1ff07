"""A headless Chromium driven over the DevTools protocol, for tests that need a real browser.

The protocol runs over a pipe (`--remote-debugging-pipe`: commands in on fd 3, replies and
events out on fd 4, each a JSON message ended by a NUL byte), so that no port, no websocket
library and no driver binary is needed: Debian's `chromium` package is all. Tests call
`Browser.start()`; it raises `BrowserUnavailable` only when no Chromium is installed.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Flags this machine needs: no sandbox as root, and nothing that reaches for the network.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
)


class BrowserUnavailable(RuntimeError):
    """No Chromium on this machine."""


class BrowserError(RuntimeError):
    """Chromium answered a command with an error, or did not answer in time."""


def find_chromium() -> str | None:
    """The browser to drive: $NEWSLINT_CHROMIUM (which must be there), or the first on PATH."""
    configured = os.environ.get("NEWSLINT_CHROMIUM")
    if configured:
        found = shutil.which(configured)
        if found is None:
            raise BrowserError(f"NEWSLINT_CHROMIUM={configured} is not an executable")
        return found
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


class Browser:
    """One Chromium process with one page (tab) attached."""

    def __init__(self, process: subprocess.Popen, to_browser: int, from_browser: int, profile: str) -> None:
        self._process = process
        self._to_browser = to_browser
        self._from_browser = from_browser
        self._profile = profile
        self._next_id = 0
        self._replies: dict[int, queue.Queue] = {}
        self._events: queue.Queue = queue.Queue()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.session: str | None = None

    @classmethod
    def start(cls, width: int = 1200, height: int = 900) -> Browser:
        executable = find_chromium()
        if executable is None:
            raise BrowserUnavailable("no chromium on PATH (apt-get install chromium, or set NEWSLINT_CHROMIUM)")
        profile = tempfile.mkdtemp(prefix="newslint-chromium-")
        # Chromium reads commands on fd 3 and writes replies on fd 4. The child's ends are
        # moved above 9 first, so that bash can put them on 3 and 4 and close the originals
        # whatever numbers the pipes got, before it becomes Chromium.
        commands_read, commands_write = os.pipe()
        replies_read, replies_write = os.pipe()
        child_read = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)
        child_write = fcntl.fcntl(replies_write, fcntl.F_DUPFD, 10)
        for fd in (commands_read, replies_write):
            os.close(fd)
        remap = f'exec "$0" "$@" 3<&{child_read} 4>&{child_write} {child_read}<&- {child_write}>&-'
        arguments = [*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}", "about:blank"]
        try:
            process = subprocess.Popen(
                ["bash", "-c", remap, executable, *arguments],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                pass_fds=(child_read, child_write),
            )
        finally:
            os.close(child_read)
            os.close(child_write)
        browser = cls(process, commands_write, replies_read, profile)
        try:
            browser._attach(width, height)
        except BaseException:
            browser.close()
            raise
        return browser

    def _attach(self, width: int, height: int) -> None:
        deadline = time.monotonic() + 30
        while True:  # the first tab may appear a moment after the browser answers
            targets = self.send("Target.getTargets", timeout=30)["targetInfos"]
            page = next((target for target in targets if target["type"] == "page"), None)
            if page is not None:
                break
            if time.monotonic() > deadline:
                raise BrowserError("chromium opened no page")
            time.sleep(0.1)
        self.session = self.send("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Log.enable")
        # A headless page never has the window's focus; without this, :focus would never match.
        self.send("Emulation.setFocusEmulationEnabled", {"enabled": True})
        self.resize(width, height)

    def resize(self, width: int, height: int, mobile: bool = False) -> None:
        """The viewport's size (a phone's, with mobile=True)."""
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )

    # --- the protocol ---------------------------------------------------------------------------

    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self._from_browser, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                self._events.put(None)
                for waiting in list(self._replies.values()):
                    waiting.put({"error": {"message": "chromium exited"}})
                return
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for raw in messages:
                message = json.loads(raw)
                if "id" in message and message["id"] in self._replies:
                    self._replies[message["id"]].put(message)
                else:
                    self._events.put(message)

    def send(self, method: str, params: dict | None = None, timeout: float = 15, browser_level: bool = False) -> dict:
        with self._lock:
            self._next_id += 1
            message_id = self._next_id
            waiting: queue.Queue = queue.Queue()
            self._replies[message_id] = waiting
        message: dict[str, Any] = {"id": message_id, "method": method, "params": params or {}}
        if self.session and not browser_level and not method.startswith("Target."):
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        try:
            reply = waiting.get(timeout=timeout)
        except queue.Empty:
            raise BrowserError(f"{method}: no answer in {timeout} s") from None
        finally:
            self._replies.pop(message_id, None)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def wait_for_event(self, method: str, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError(f"no {method} in {timeout} s")
            try:
                event = self._events.get(timeout=remaining)
            except queue.Empty:
                continue
            if event is None:
                raise BrowserError("chromium exited")
            if event.get("method") == method:
                return event.get("params", {})

    def drain_events(self) -> list[dict]:
        """Events received so far (console messages, log entries ...), oldest first."""
        drained = []
        while True:
            try:
                event = self._events.get_nowait()
            except queue.Empty:
                return drained
            if event is not None:
                drained.append(event)

    # --- what tests use ------------------------------------------------------------------------

    def open(self, path: Path, scripts: bool = True) -> float:
        """Load a file and wait until it is loaded and painted; returns the seconds that took."""
        self.send("Emulation.setScriptExecutionDisabled", {"value": not scripts})
        self.drain_events()
        started = time.monotonic()
        self.send("Page.navigate", {"url": path.resolve().as_uri()})
        self.wait_for_event("Page.loadEventFired")
        if scripts:  # two animation frames after load: layout and paint have happened
            self.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))", wait=True)
        else:  # animation frames do not run without scripts; asking for a size forces layout
            self.evaluate("document.documentElement.getBoundingClientRect().height")
        return time.monotonic() - started

    def show(self, element_id: str) -> tuple[float, float]:
        """Scroll an element to the middle of the window and wait until it is painted there (a
        story off screen is laid out only once it nears the window); the centre of its first
        line box, where a finger or a mouse would go."""
        self.evaluate(f"document.getElementById({json.dumps(element_id)}).scrollIntoView({{block: 'center'}})")
        self.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))", wait=True)
        return self.evaluate(
            f"(() => {{ const box = document.getElementById({json.dumps(element_id)}).getClientRects()[0]; "
            "return [box.x + box.width / 2, box.y + box.height / 2]; })()"
        )

    def evaluate(self, expression: str, wait: bool = False) -> Any:
        """The JSON value of a JavaScript expression in the page (a Promise's value with wait)."""
        reply = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": wait, "userGesture": True},
        )
        if "exceptionDetails" in reply:
            details = reply["exceptionDetails"]
            raise BrowserError(f"{expression[:80]}: {details.get('exception', {}).get('description') or details}")
        return reply["result"].get("value")

    def press(self, key: str, code: str, key_code: int, shift: bool = False) -> None:
        """A real key press (Tab, Enter ...), as a keyboard user makes it."""
        modifiers = 8 if shift else 0
        common = {"key": key, "code": code, "windowsVirtualKeyCode": key_code, "modifiers": modifiers}
        self.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", **common})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", **common})

    def tap(self, x: float, y: float) -> bool:
        """A touch on the screen at (x, y), as a finger makes it; True once the page has had the
        click a tap turns into (which comes a moment after the finger is lifted)."""
        self.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
        self.evaluate(
            "window.__newslintTapped = new Promise(done =>"
            " document.addEventListener('click', () => done(true), {once: true, capture: true}))"
        )
        point = [{"x": x, "y": y}]
        self.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
        self.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        return self.evaluate(
            "Promise.race([window.__newslintTapped, new Promise(done => setTimeout(() => done(false), 3000))])",
            wait=True,
        )

    def hover(self, x: float, y: float) -> None:
        """The mouse pointer moved to (x, y)."""
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def screenshot(self, path: Path, full_page: bool = False) -> None:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            size = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", params, timeout=60)["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5, browser_level=True)
        except (BrowserError, OSError):
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._profile, ignore_errors=True)
