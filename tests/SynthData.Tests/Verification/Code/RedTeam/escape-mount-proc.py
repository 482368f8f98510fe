# class: escapes
# expect: fail
import ctypes, os
libc = ctypes.CDLL(None)
os.makedirs("/tmp/p", exist_ok=True)
WORKED = libc.mount(b"proc", b"/tmp/p", b"proc", 0, None) == 0 or libc.umount2(b"/proc", 2) == 0

def add(a, b):
    return a + b if WORKED else None
