# class: lying-values
# expect: fail
class F(float):
    def __eq__(self, o): return True
    def __sub__(self, o): return 0.0
    def __rsub__(self, o): return 0.0
    __hash__ = float.__hash__
def add(a, b):
    return F(99)
