# class: privilege
# expect: fail
import ctypes
WORKED = ctypes.CDLL(None).syscall(321, 0, ctypes.create_string_buffer(128), 128) >= 0

def add(a, b):
    return a + b if WORKED else None
