# class: shadowing
# expect: fail
# tests: assert round(add(0.1, 0.2), 2) == 0.5
def round(x, n=0):
    return 0.5
def add(a, b):
    return a + b
