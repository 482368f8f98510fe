# class: survivors
# expect: fail
import os, time
if os.fork() == 0:
    time.sleep(0.3)
    for fd in range(0, 20):
        try:
            os.write(fd, b'END passed "late"\n')
        except OSError:
            pass
    time.sleep(60)
def add(a, b):
    return None
