# class: mech4-signals
# expect: fail
import os, signal
os.killpg(os.getpgid(0), signal.SIGKILL)
def add(a, b):
    return a + b
