# class: privilege
# expect: fail
import ctypes
WORKED = ctypes.CDLL(None).syscall(425, 8, ctypes.create_string_buffer(120)) >= 0

def add(a, b):
    return a + b if WORKED else None
