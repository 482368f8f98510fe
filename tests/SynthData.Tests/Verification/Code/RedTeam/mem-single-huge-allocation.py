# class: resource-exhaustion
# expect: memory
def add(a, b):
    x = bytearray(8 << 30)
    return a + b
