"""A bounded loopback load test with wrk: requests per second for one path or a list of
paths (a Lua script walks the list, so every request is a different one)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
ERRORS = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
SCRIPT = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


@dataclass
class Load:
    requests_per_second: float
    errors: int  # non-2xx/3xx answers


def wrk(port: int, paths: list[str], seconds: int, workdir: Path, connections: int = 4) -> Load:
    """Run wrk for `seconds` against the paths (one thread, `connections` connections)."""
    executable = shutil.which("wrk")
    if executable is None:
        raise RuntimeError("wrk is not installed (apt-get install wrk; `make bench` does it).")
    command = [executable, "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"]
    if len(paths) > 1:
        listing = workdir / "paths.txt"
        listing.write_text("\n".join(paths) + "\n")
        script = workdir / "paths.lua"
        script.write_text(SCRIPT % listing)
        command += ["-s", str(script)]
    command.append(f"http://127.0.0.1:{port}{paths[0] if len(paths) == 1 else '/'}")
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    rate = RATE.search(out)
    errors = ERRORS.search(out)
    if rate is None:
        raise RuntimeError(f"wrk printed no rate:\n{out}")
    return Load(float(rate.group(1)), int(errors.group(1)) if errors else 0)
