# class: harness-attacks
# expect: fail
# tests: assert json is not None
# tests: assert add(2, 3) == 5
import sys
json = sys.modules.get("this") or __import__("this")
def add(a, b):
    return None
