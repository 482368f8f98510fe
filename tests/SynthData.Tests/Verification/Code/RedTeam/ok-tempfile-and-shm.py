# class: controls
# expect: pass
# timeout: 10
import tempfile, os
from multiprocessing import shared_memory
def add(a, b):
    with tempfile.NamedTemporaryFile("w+") as f:
        f.write(repr(a + b)); f.flush(); f.seek(0)
        v = eval(f.read())
    shm = shared_memory.SharedMemory(create=True, size=64)
    shm.close(); shm.unlink()
    return v
