# class: exit-tricks
# expect: failed
import os, sys
sys.excepthook = lambda *a: os._exit(0)
raise ValueError('x')
