# class: escapes
# expect: fail
import os
marker = "/dev/shm/persist-probe"
WORKED = os.path.exists(marker) or os.path.exists("/tmp/persist-probe")
for p in (marker, "/tmp/persist-probe"):
    try:
        open(p, "w").close()
    except OSError:
        pass

def add(a, b):
    return a + b if WORKED else None
