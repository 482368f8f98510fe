# class: shadowing
# expect: fail
# tests: assert abs(add(1, 2) - 4) < 1
import builtins
builtins.abs = lambda x: 0
builtins.AssertionError = KeyError
def add(a, b):
    return None
