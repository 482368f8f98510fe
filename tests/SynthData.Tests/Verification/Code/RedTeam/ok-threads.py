# class: controls
# expect: pass
# timeout: 10
import threading
def add(a, b):
    out = []
    ts = [threading.Thread(target=lambda: out.append(a + b)) for _ in range(16)]
    for t in ts: t.start()
    for t in ts: t.join()
    return out[0]
