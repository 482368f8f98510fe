# class: privilege
# expect: fail
import ctypes
WORKED = ctypes.CDLL(None).syscall(298, ctypes.create_string_buffer(128), 0, -1, -1, 0) >= 0

def add(a, b):
    return a + b if WORKED else None
