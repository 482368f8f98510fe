# class: network
# expect: fail
import socket
try:
    socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    WORKED = True
except (OSError, AttributeError):
    WORKED = False

def add(a, b):
    return a + b if WORKED else None
