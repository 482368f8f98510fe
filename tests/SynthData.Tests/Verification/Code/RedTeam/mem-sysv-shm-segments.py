# class: resource-exhaustion
# expect: fail
# timeout: 20
import ctypes
# System V shared memory segments outlive the mapping (and the process): eight of 200 MB, attached one at a time so
# RLIMIT_AS never sees more than one, then detached: 1.6 GB held by no process.
libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p
libc.shmat.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
libc.shmdt.argtypes = [ctypes.c_void_p]
size, held = 200 << 20, 0
for _ in range(8):
    segment = libc.shmget(0, ctypes.c_size_t(size), 0o1000 | 0o600)
    if segment < 0:
        break
    address = libc.shmat(segment, None, 0)
    if address is None or address == ctypes.c_void_p(-1).value:
        break
    ctypes.memset(address, 1, size)
    libc.shmdt(address)
    held += size
WORKED = held >= 8 * size

def add(a, b):
    return a + b if WORKED else None
