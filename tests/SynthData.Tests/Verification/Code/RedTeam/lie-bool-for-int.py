# class: lying-values
# expect: fail
# tests: assert add(0, 1) is 1 or type(add(0, 1)) is int and add(0, 1) == 1
def add(a, b):
    return True
