# class: exit-tricks
# expect: failed
class D:
    def __del__(self):
        raise SystemExit(0)
def add(a, b):
    D()
    return None
