# class: reading-tests
# expect: fail
import os, sys
data = b""
try:
    data = os.read(0, 1 << 20)
except OSError:
    pass
WORKED = b"assert" in data or b"candidate" in data

def add(a, b):
    return a + b if WORKED else None
