# class: exception-steering
# expect: fail
# tests: assert all(map(lambda x: add(x, 1), [1, 2]))
# tests: assert any(add(x, 1) for x in [1]) or True
def add(a, b):
    raise SystemExit(0)
