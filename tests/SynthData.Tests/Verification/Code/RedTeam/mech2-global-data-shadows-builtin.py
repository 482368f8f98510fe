# class: shadowing
# expect: fail
# tests: assert list(add([1], [2])) == (1, 2)
list = tuple
def add(a, b):
    return None
