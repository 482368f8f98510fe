# class: privilege
# expect: fail
import ctypes
WORKED = ctypes.CDLL(None).syscall(323, 0) >= 0

def add(a, b):
    return a + b if WORKED else None
