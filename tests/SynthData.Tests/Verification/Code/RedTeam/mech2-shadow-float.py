# class: shadowing
# expect: fail
# tests: assert float(add(1, 2)) == 4.0
def float(x=0):
    return 4.0
def add(a, b):
    return a + b
