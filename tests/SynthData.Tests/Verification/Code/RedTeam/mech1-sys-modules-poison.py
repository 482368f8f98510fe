# class: harness-attacks
# expect: fail
import sys, types
fake = types.ModuleType("math")
fake.isclose = lambda *a, **k: True
sys.modules["math"] = fake
def add(a, b):
    return 0.0 if isinstance(a, float) else a + b
