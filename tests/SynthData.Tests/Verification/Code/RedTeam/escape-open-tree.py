# class: escapes
# expect: fail
import ctypes
libc = ctypes.CDLL(None)
WORKED = libc.syscall(428, -100, b"/", 1) >= 0 or libc.syscall(430, b"tmpfs", 0) >= 0

def add(a, b):
    return a + b if WORKED else None
