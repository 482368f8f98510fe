# class: privilege
# expect: fail
import os
try:
    os.setuid(0)
    WORKED = True
except OSError:
    WORKED = False

def add(a, b):
    return a + b if WORKED else None
