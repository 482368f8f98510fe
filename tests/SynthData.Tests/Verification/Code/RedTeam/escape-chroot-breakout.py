# class: escapes
# expect: fail
import os
try:
    os.chroot("/tmp")
    WORKED = True
except OSError:
    WORKED = False

def add(a, b):
    return a + b if WORKED else None
