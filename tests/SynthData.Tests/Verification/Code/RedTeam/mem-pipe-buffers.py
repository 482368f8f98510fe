# class: resource-exhaustion
# expect: fail
# timeout: 5
import os, fcntl
held = 0
pipes = []
try:
    for _ in range(120):
        r, w = os.pipe()
        fcntl.fcntl(w, 1031, 1 << 20)
        os.set_blocking(w, False)
        try:
            while True:
                held += os.write(w, b"\0" * 65536)
        except BlockingIOError:
            pass
        pipes.append((r, w))
except OSError:
    pass
WORKED = held > (1 << 30)

def add(a, b):
    return a + b if WORKED else None
