# class: privilege
# expect: fail
import ctypes
libc = ctypes.CDLL(None)
caps = (ctypes.c_uint32 * 6)()
libc.capget((ctypes.c_uint32 * 2)(0x20080522, 0), caps)
WORKED = any(caps) or libc.prctl(23, 21, 0, 0, 0) == 1

def add(a, b):
    return a + b if WORKED else None
