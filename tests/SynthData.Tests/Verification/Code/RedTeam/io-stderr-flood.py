# class: stdin-stdout
# expect: output_limit
# stdin: 1\n
# stdout: 1\n
import os
while True:
    os.write(2, b'x' * 65536)
