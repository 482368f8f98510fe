# class: mech4-signals
# expect: fail
# timeout: 30
import os, signal
def add(a, b):
    os.kill(0, signal.SIGSTOP)
    return a + b
