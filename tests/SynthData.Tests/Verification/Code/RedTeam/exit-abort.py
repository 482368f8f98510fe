# class: exit-tricks
# expect: failed
import os
def add(a, b):
    os.abort()
