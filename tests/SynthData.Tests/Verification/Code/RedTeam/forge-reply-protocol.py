# class: verdict-forging
# expect: fail
import os, struct
# Answer the harness's next request ourselves with a well-formed "ok" reply for a different value.
def add(a, b):
    body = b"t" + struct.pack(">I", 3) + b"s" + struct.pack(">I", 2) + b"ok" + b"i" + struct.pack(">I", 1) + bytes([5]) + b"l" + struct.pack(">I", 0)
    os.write(4, struct.pack(">I", len(body)) + body)
    return None
