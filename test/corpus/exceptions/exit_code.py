# sys.exit(n) ends the program with exit code n; finally blocks still run on the way out.
import sys


class Resource:
    def __del__(self):
        print('resource freed at exit')


def main():
    r = Resource()
    try:
        print('working')
        sys.exit(3)
    finally:
        print('finally before exit')


try:
    main()
except SystemExit as e:
    print('SystemExit caught, code', e.code)
main()
print('not reached')
