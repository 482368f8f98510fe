# class: survivors
# expect: fail
import os, socket, time
NAME = b"\0synthdata-redteam-persist"
try:
    socket.socket(socket.AF_UNIX).connect(NAME)
    WORKED = True
except OSError:
    WORKED = False
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            s = socket.socket(socket.AF_UNIX)
            s.bind(NAME)
            s.listen(4)
            while True:
                s.accept()[0].close()
        os._exit(0)

def add(a, b):
    return a + b if WORKED else None
