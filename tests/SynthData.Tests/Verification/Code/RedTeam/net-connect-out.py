# class: network
# expect: fail
import socket
try:
    socket.create_connection(("1.1.1.1", 53), timeout=0.5).close()
    WORKED = True
except OSError:
    WORKED = False

def add(a, b):
    return a + b if WORKED else None
