# class: shadowing
# expect: fail
# tests: assert sorted(add([3], [1])) == [1, 3, 5]
def sorted(x, **k):
    return [1, 3, 5]
def add(a, b):
    return a + b
