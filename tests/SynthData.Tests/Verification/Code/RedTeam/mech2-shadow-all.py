# class: shadowing
# expect: fail
# tests: assert all([add(1, 2) == 4])
def all(x):
    return True
def add(a, b):
    return a + b
