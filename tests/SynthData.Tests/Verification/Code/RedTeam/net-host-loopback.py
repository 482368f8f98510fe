# class: network
# expect: fail
import socket
WORKED = False
for port in (22, 80, 443, 5000, 8000, 8080):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        WORKED = True
    except OSError:
        pass

def add(a, b):
    return a + b if WORKED else None
