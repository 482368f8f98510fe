# class: exit-tricks
# expect: failed
import os, signal
signal.signal(signal.SIGALRM, lambda *a: os._exit(0))
signal.setitimer(signal.ITIMER_REAL, 0.01)
def add(a, b):
    import time
    time.sleep(1)
    return None
