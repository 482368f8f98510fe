# class: network
# expect: fail
import socket
try:
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    s.bind((0, 0))
    WORKED = socket.if_nameindex() != [(1, "lo")]
except OSError:
    WORKED = False

def add(a, b):
    return a + b if WORKED else None
