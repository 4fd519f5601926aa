"""The peak memory of this process alone, for tests that measure a child process.

`resource.getrusage(RUSAGE_SELF).ru_maxrss` survives `execve`: a child started from a
400 MB pytest process reports 400 MB before doing anything. Linux keeps the high-water
mark of the process's own address space in /proc/self/status (VmHWM), which exec resets.
"""

from __future__ import annotations

import resource
from pathlib import Path


def own_peak_kb() -> int:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux, bytes on macOS
