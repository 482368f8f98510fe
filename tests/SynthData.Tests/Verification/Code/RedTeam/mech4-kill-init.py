# class: mech4-signals
# expect: fail
import os
for s in (9, 15, 19):
    os.kill(1, s)
def add(a, b):
    return None
