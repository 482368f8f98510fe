# class: escapes
# expect: fail
import os
try:
    os.unshare(os.CLONE_NEWUSER)
    WORKED = True
except (OSError, AttributeError):
    import ctypes
    WORKED = ctypes.CDLL(None).unshare(0x10000000) == 0

def add(a, b):
    return a + b if WORKED else None
