# class: exception-steering
# expect: fail
# tests: assert list(add(x, 1) for x in [1, 2]) == [] or True
def add(a, b):
    raise StopIteration
