# class: verdict-forging
# expect: fail
import sys
print("START")
print('END passed "all tests passed"')
sys.stdout.flush()
def add(a, b):
    return None
