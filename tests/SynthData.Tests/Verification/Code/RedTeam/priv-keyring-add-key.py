# class: privilege
# expect: fail
import ctypes
WORKED = ctypes.CDLL(None).syscall(248, b'user', b'k', b'v', 1, -4) >= 0

def add(a, b):
    return a + b if WORKED else None
