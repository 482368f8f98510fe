# class: shadowing
# expect: fail
# tests: assert set(add([1], [2])) == {1, 2, 3}
def set(x=()):
    return {1, 2, 3}
def add(a, b):
    return a + b
