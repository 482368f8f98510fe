# class: shadowing
# expect: fail
# tests: assert abs(add(1, 2) - 4) < 1
def abs(x):
    return 0
def add(a, b):
    return a + b
