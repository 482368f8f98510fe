# class: resource-exhaustion
# expect: fail
import os
fds = []
try:
    while len(fds) < 100000:
        fds.append(os.open("/dev/null", os.O_RDONLY))
except OSError:
    pass
WORKED = len(fds) >= 100000

def add(a, b):
    return a + b if WORKED else None
