# class: controls
# expect: pass
# timeout: 10
import sys
sys.setrecursionlimit(20000)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
def add(a, b):
    return a + b + depth(5000) - 5000
