"""SPARQL servers for the remote-store tests, on 127.0.0.1 and free ports only.

Use the session fixtures of conftest_servers.py (``oxigraph_server``, ``virtuoso_server``),
or start one by hand::

    from servers import start_oxigraph
    server = start_oxigraph(tmp_dir)
    try:
        store = SparqlStore(server.query_url, server.update_url, server.gsp_url)
    finally:
        server.stop()

``oxigraph serve`` comes with the PyPI package ``oxigraph`` (a dev dependency, in the
venv's bin folder); Virtuoso 7 is Debian's ``virtuoso-opensource-7-bin`` (``make
server-deps``). Without a binary the start skips the test, with the reason, unless the
environment variable CI is set to a true value: then it fails, because CI installs both
(the same policy as browser.py).
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from browser import in_ci

#: the query tests use to see that a server answers
PING = "?query=ASK%7B%7D"


@dataclass
class Server:
    """A running SPARQL server and how kg reaches it."""

    name: str
    url: str                         # what a user gives kg's --store
    query_url: str
    update_url: str
    gsp_url: str | None = None
    user: str | None = None
    password: str | None = None
    process: subprocess.Popen | None = field(default=None, repr=False)
    log: Path | None = None

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 30 s) and wait for it."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


def require(binary: str | None, what: str, install: str) -> str:
    """The binary's path; skip (locally) or fail (CI) when it is not installed."""
    if binary and Path(binary).exists():
        return binary
    reason = f"server tests need {what}; install it with {install}"
    if in_ci():
        pytest.fail(f"CI is set but {reason}", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_answering(url: str, process: subprocess.Popen, log: Path, *, name: str,
                         timeout: float = 120) -> None:
    """Poll ``url`` until it answers 200; fail with the log's tail if the server dies."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{name} exited with status {process.returncode}:\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    process.kill()
    raise RuntimeError(f"{name} did not answer {url} within {timeout:g} s")


def _spawn(command: list[str], workdir: Path, name: str) -> tuple[subprocess.Popen, Path]:
    log = workdir / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=workdir, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
    return process, log


def oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"
    return str(beside_python) if beside_python.exists() else shutil.which("oxigraph")


def start_oxigraph(workdir: Path) -> Server:
    """``oxigraph serve`` on a data folder in ``workdir``; queries stop after 10 s."""
    binary = require(oxigraph_binary(), "the `oxigraph` server binary",
                     "`pip install oxigraph` (in the dev extras: `make install`)")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process, log = _spawn([binary, "serve", "--location", str(workdir / "data"),
                           "--bind", f"127.0.0.1:{port}", "--timeout-s", "10"], workdir, "oxigraph")
    try:
        wait_until_answering(f"{base}/query{PING}", process, log, name="oxigraph serve")
    except BaseException:
        process.kill()
        raise
    return Server("oxigraph", f"{base}/query", f"{base}/query", f"{base}/update", f"{base}/store",
                  process=process, log=log)


VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = {remap}
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:{sql_port}
DisableUnixSocket    = 1
MaxClientConnections = 8
CheckpointInterval   = 60
NumberOfBuffers      = {buffers}
MaxDirtyBuffers      = {dirty}
DirsAllowed          = ., {dir}
{tuning}

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = {dir}
MaxClientConnections = 8
ServerThreads        = 8
EnabledDavVSP        = 0

[SPARQL]
; kg pages reads at 10,000 rows, the default of a Virtuoso install
ResultSetMaxRows           = {max_rows}
MaxSortedTopRows           = {max_rows}
MaxQueryExecutionTime      = {query_seconds}
MaxQueryCostEstimationTime = 0
"""


#: The test server's values of :data:`VIRTUOSO_INI`'s settings (bench/virtuoso.py sizes
#: them for millions of quads).
VIRTUOSO_SETTINGS = dict(remap=2000, buffers=20000, dirty=15000, tuning="", max_rows=10000,
                         query_seconds=10)


def start_virtuoso(workdir: Path) -> Server:
    """Virtuoso 7 with a fresh database in ``workdir``; kg writes through /sparql-auth as
    dba (HTTP Digest), the way a Virtuoso install is written to without granting the
    anonymous SPARQL user update rights."""
    binary = require(shutil.which("virtuoso-t"), "Virtuoso 7 (`virtuoso-t`)",
                     "`make server-deps` (apt-get install virtuoso-opensource-7-bin)")
    sql_port, http_port = free_port(), free_port()
    ini = workdir / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=workdir, sql_port=sql_port, http_port=http_port,
                                       **VIRTUOSO_SETTINGS))
    process, log = _spawn([binary, "+foreground", "+configfile", str(ini)], workdir, "virtuoso")
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_until_answering(f"{base}/sparql{PING}", process, log, name="virtuoso-t")
    except BaseException:
        process.kill()
        raise
    endpoint = f"{base}/sparql-auth"
    return Server("virtuoso", endpoint, endpoint, endpoint, None, user="dba", password="dba",
                  process=process, log=log)
