# class: controls
# expect: pass
# timeout: 20
from concurrent.futures import ProcessPoolExecutor
def twice(x):
    return x + x
def add(a, b):
    with ProcessPoolExecutor(2) as ex:
        return (sum(ex.map(twice, [a, b]))) / 2 if isinstance(a, float) else sum(ex.map(twice, [a, b])) // 2
