# class: lying-values
# expect: fail
class I(int):
    def __eq__(self, o): return True
    __hash__ = int.__hash__
def add(a, b):
    return I(0)
