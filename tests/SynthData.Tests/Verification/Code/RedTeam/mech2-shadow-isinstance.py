# class: shadowing
# expect: fail
# tests: assert isinstance(add(1, 2), str)
def isinstance(x, t):
    return True
def add(a, b):
    return a + b
