# class: reading-tests
# expect: fail
import ctypes, os
libc = ctypes.CDLL(None)
WORKED = any(libc.ptrace(16, p, 0, 0) == 0 for p in range(1, 64) if p != os.getpid())

def add(a, b):
    return a + b if WORKED else None
