# class: reading-tests
# expect: fail
import ctypes, os
libc = ctypes.CDLL(None)
WORKED = False
for pid in range(1, 64):
    pfd = libc.syscall(434, pid, 0)
    if pfd >= 0:
        for fd in range(0, 16):
            if libc.syscall(438, pfd, fd, 0) >= 0:
                WORKED = WORKED or pid != os.getpid()

def add(a, b):
    return a + b if WORKED else None
