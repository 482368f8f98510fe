# class: resource-exhaustion
# expect: fail
# timeout: 30
import mmap, os, select, time
# Six children each fill a 200 MB shared anonymous mapping (shmem pages, not anonymous ones): 1.2 GB together.
ready_r, ready_w = os.pipe()
for _ in range(6):
    if os.fork() == 0:
        m = mmap.mmap(-1, 200 << 20, flags=mmap.MAP_SHARED)
        for i in range(0, len(m), 4096):
            m[i] = 1
        os.write(ready_w, b"1")
        time.sleep(60)
        os._exit(0)
os.close(ready_w)
got, deadline = b"", time.monotonic() + 25
while len(got) < 6 and time.monotonic() < deadline:
    if select.select([ready_r], [], [], 0.5)[0]:
        chunk = os.read(ready_r, 6)
        if not chunk:
            break
        got += chunk
WORKED = len(got) >= 6

def add(a, b):
    return a + b if WORKED else None
