# class: escapes
# expect: fail
import os
WORKED = any(os.path.exists(p) for p in ("/proc/1/status", "/proc/self/status", "/proc/sys/kernel"))

def add(a, b):
    return a + b if WORKED else None
