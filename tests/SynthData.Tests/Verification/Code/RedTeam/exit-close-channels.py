# class: exit-tricks
# expect: failed
import os
for fd in range(0, 10):
    try:
        os.close(fd)
    except OSError:
        pass
def add(a, b):
    return a + b
