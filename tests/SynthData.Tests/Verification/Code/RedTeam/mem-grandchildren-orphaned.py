# class: resource-exhaustion
# expect: fail
# timeout: 30
import os, select, time
# Six grandchildren of 200 MB each whose parents exit at once (orphans, re-parented to the check's init): 1.2 GB
# together under a 512 MB check, none of it in a process the program started directly.
ready_r, ready_w = os.pipe()
for _ in range(6):
    if os.fork() == 0:
        if os.fork() == 0:
            block = bytearray(200 << 20)
            for i in range(0, len(block), 4096):
                block[i] = 1
            os.write(ready_w, b"1")
            time.sleep(60)
            os._exit(0)
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
