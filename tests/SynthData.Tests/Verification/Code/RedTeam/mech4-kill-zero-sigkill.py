# class: mech4-signals
# expect: fail
import os, signal
def add(a, b):
    os.kill(0, signal.SIGKILL)
    return a + b
