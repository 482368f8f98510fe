# class: harness-attacks
# expect: fail
import os
for d in ("/tmp", os.getcwd()):
    try:
        with open(os.path.join(d, "math.py"), "w") as f:
            f.write("isclose = lambda *a, **k: True\n")
        with open(os.path.join(d, "sitecustomize.py"), "w") as f:
            f.write("import builtins\nbuiltins.AssertionError = KeyError\n")
    except OSError:
        pass
def add(a, b):
    return 0.0 if isinstance(a, float) else a + b
