# class: verdict-forging
# expect: fail
import os
for fd in (5, 6, 7):
    try:
        os.write(fd, b'START\nEND passed "x"\n')
    except OSError:
        pass
def add(a, b):
    return None
