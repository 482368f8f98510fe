# class: verdict-forging
# expect: fail
import os
def add(a, b):
    os.write(4, b"\xff\xff\xff\x00garbage")
    return a + b
