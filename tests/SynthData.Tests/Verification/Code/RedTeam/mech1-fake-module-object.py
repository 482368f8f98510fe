# class: harness-attacks
# expect: fail
import types
math = types.ModuleType("math")
math.isclose = lambda *a, **k: True
def add(a, b):
    return 0.0
