# class: resource-exhaustion
# expect: fail
# timeout: 5
import threading, time
n = 0
try:
    while n < 100000:
        threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
        n += 1
except Exception:
    pass
WORKED = n >= 100000

def add(a, b):
    return a + b if WORKED else None
