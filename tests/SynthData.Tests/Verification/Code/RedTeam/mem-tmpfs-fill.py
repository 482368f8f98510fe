# class: resource-exhaustion
# expect: fail
import os
written = 0
try:
    with open("/dev/shm/fill", "wb") as f:
        for _ in range(200):
            f.write(b"\0" * (1 << 20))
            written += 1 << 20
except OSError:
    pass
WORKED = written > (100 << 20)

def add(a, b):
    return a + b if WORKED else None
