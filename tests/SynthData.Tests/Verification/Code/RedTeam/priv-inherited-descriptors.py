# class: privilege
# expect: fail
import os
WORKED = False
for fd in list(range(5, 300)):
    try:
        os.fstat(fd)
        WORKED = True
    except OSError:
        pass

def add(a, b):
    return a + b if WORKED else None
