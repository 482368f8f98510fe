# class: exit-tricks
# expect: failed
import os
os._exit(0)
