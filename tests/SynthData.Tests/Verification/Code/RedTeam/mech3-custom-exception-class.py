# class: exception-steering
# expect: fail
# tests: try:
    assert add(1, 2) == 3
except AssertionError:
    pass
class AssertionError(Exception):
    pass
def add(a, b):
    raise AssertionError("fake")
