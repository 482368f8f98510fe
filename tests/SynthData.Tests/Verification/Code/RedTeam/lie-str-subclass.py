# class: lying-values
# expect: fail
# tests: assert add('a', 'b') == 'ab'
class S(str):
    def __eq__(self, o): return True
    __hash__ = str.__hash__
def add(a, b):
    return S("nope")
