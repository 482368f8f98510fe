# class: exit-tricks
# expect: failed
import os
os.execv('/bin/true', ['true'])
