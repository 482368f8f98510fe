# class: harness-attacks
# expect: fail
# tests: import math
# tests: assert unittest is not None or True
# tests: assert add(2, 3) == 5
import unittest.__main__ as unittest
WORKED = False
with open("/tmp/test_pwn.py", "w") as f:
    f.write("import os\nos.write(6, b'END passed \\"x\\"\\n')\n")
def add(a, b):
    return None
