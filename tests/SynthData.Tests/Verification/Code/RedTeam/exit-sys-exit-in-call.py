# class: exit-tricks
# expect: failed
import sys
def add(a, b):
    sys.exit(0)
