# class: escapes
# expect: fail
import ctypes, os
libc = ctypes.CDLL(None)
WORKED = False
for p in ("/proc/1/ns/pid", "/proc/1/ns/mnt"):
    try:
        fd = os.open(p, os.O_RDONLY)
        WORKED = WORKED or libc.setns(fd, 0) == 0
    except OSError:
        pass

def add(a, b):
    return a + b if WORKED else None
