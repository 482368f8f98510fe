# class: reading-tests
# expect: fail
import ctypes
libc = ctypes.CDLL(None)
buf = ctypes.create_string_buffer(64)
class IOV(ctypes.Structure):
    _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]
local = IOV(ctypes.addressof(buf), 64)
remote = IOV(0x400000, 64)
WORKED = libc.process_vm_readv(1, ctypes.byref(local), 1, ctypes.byref(remote), 1, 0) > 0

def add(a, b):
    return a + b if WORKED else None
