# class: lying-values
# expect: fail
# tests: assert add(2, 3) == 5 or add(2, 3)() == 5
def add(a, b):
    return lambda *x: 5
