# class: mech4-signals
# expect: fail
# timeout: 30
import os, signal
os.kill(os.getpid(), signal.SIGSTOP)
def add(a, b):
    return a + b
