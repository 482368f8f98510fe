# class: survivors
# expect: fail
import os, signal, time
if os.fork() == 0:
    for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(s, signal.SIG_IGN)
    os.setsid()
    while True:
        time.sleep(1)
def add(a, b):
    return None
