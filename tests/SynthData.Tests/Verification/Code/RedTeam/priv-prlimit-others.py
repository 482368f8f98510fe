# class: privilege
# expect: fail
import resource, os
WORKED = False
for pid in range(1, 64):
    if pid != os.getpid():
        try:
            resource.prlimit(pid, resource.RLIMIT_CPU, (1, 1))
            WORKED = True
        except (OSError, ValueError):
            pass
WORKED = WORKED and os.getppid() != 1

def add(a, b):
    return a + b if WORKED else None
