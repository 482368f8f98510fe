# class: mech4-signals
# expect: fail
import os, signal
for pid in range(1, 4096):
    if pid != os.getpid():
        for s in (signal.SIGSTOP, signal.SIGKILL):
            try:
                os.kill(pid, s)
            except OSError:
                pass
WORKED = False

def add(a, b):
    return a + b if WORKED else None
