# class: mech4-signals
# expect: fail
import os, signal
os.kill(-1, signal.SIGKILL)
WORKED = os.getppid() != 1

def add(a, b):
    return a + b if WORKED else None
