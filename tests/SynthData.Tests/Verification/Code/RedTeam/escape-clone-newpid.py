# class: escapes
# expect: fail
import ctypes
libc = ctypes.CDLL(None)
WORKED = libc.syscall(56, 0x20000000 | 17, 0, 0, 0, 0) > 0

def add(a, b):
    return a + b if WORKED else None
