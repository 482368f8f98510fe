# class: verdict-forging
# expect: fail
import os
for fd in range(1, 10):
    try:
        os.write(fd, b"C 3 3\n")
    except OSError:
        pass
def add(a, b):
    return a - b
