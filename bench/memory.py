"""Peak memory of this process, measured so that a child process does not inherit its parent's.

`resource.getrusage(RUSAGE_SELF).ru_maxrss` survives `execve` on Linux: a Python started by a
test runner or a benchmark that had grown to 300 MB reports at least 300 MB, whatever it does
itself, and a growth measured against it can come out as zero. `VmHWM` in /proc/self/status
belongs to the new address space and starts afresh at exec. Standard library only, so importing
it does not move the figure it measures.
"""

from __future__ import annotations

import resource


def peak_kib() -> int:
    """This process's peak resident set size in KiB (VmHWM; ru_maxrss where /proc is missing)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
