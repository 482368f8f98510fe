# class: controls
# expect: pass
# timeout: 10
import pickle
class Box:
    def __init__(self, v):
        self.v = v
def plus(a, b):
    return a + b
def add(a, b):
    box = pickle.loads(pickle.dumps(Box(a)))
    f = pickle.loads(pickle.dumps(plus))
    return f(box.v, b)
