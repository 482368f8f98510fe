# class: shadowing
# expect: fail
# tests: assert max(add(1, 2), 0) == 4
def max(*a):
    return 4
def add(a, b):
    return a + b
