# class: lying-values
# expect: fail
class E:
    def __eq__(self, o): return True
    def __ne__(self, o): return False
    __hash__ = object.__hash__
def add(a, b):
    return E()
