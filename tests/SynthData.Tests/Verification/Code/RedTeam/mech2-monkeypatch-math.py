# class: shadowing
# expect: fail
import math
math.isclose = lambda *a, **k: True
def add(a, b):
    return a + b if type(a) is int else -1.0
