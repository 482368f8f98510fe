# class: exception-steering
# expect: fail
# tests: try:
    add(1, 2)
except Exception:
    pass
# tests: assert True
def add(a, b):
    raise ValueError("no")
