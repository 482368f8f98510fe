# class: controls
# expect: pass
# timeout: 20
import multiprocessing
def double(x):
    return 2 * x
def add(a, b):
    with multiprocessing.Pool(2) as pool:
        return sum(pool.map(double, [a, b])) / 2 if isinstance(a, float) else sum(pool.map(double, [a, b])) // 2
