# class: survivors
# expect: fail
import os, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        time.sleep(120)
    os._exit(0)
def add(a, b):
    return None
