# class: controls
# expect: pass
# timeout: 20
def add(a, b):
    block = bytearray(300 << 20)
    return a + b + block[-1]
