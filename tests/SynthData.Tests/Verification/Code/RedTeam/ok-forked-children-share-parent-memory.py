# class: controls
# expect: pass
# timeout: 30
import os, time
# A 300 MB parent forks three children that only read its memory: copy-on-write pages are one copy, not four, so
# the check stays within its 512 MB limit with or without a memory cgroup.
block = bytearray(300 << 20)
for i in range(0, len(block), 4096):
    block[i] = 1

def add(a, b):
    pids = []
    for _ in range(3):
        pid = os.fork()
        if pid == 0:
            time.sleep(0.3)
            os._exit(0 if block[4096 * 1234] == 1 else 1)
        pids.append(pid)
    ok = all(os.waitpid(p, 0)[1] == 0 for p in pids)
    return a + b if ok else None
