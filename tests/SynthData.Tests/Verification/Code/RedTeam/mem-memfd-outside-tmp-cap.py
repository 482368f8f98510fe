# class: resource-exhaustion
# expect: fail
# timeout: 10
import os
try:
    fd = os.memfd_create("x")
    for _ in range(64):
        os.write(fd, b"\0" * (16 << 20))
    WORKED = True
except (OSError, AttributeError):
    WORKED = False

def add(a, b):
    return a + b if WORKED else None
