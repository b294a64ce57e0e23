# A default argument value is held by the function's __defaults__ for as long as the function lives.
import sys


class Config:
    def __init__(self, level):
        self.level = level

    def __del__(self):
        print('config freed', self.level)


default_config = Config(1)
print('global only:', sys.getrefcount(default_config))


def run(config=default_config):
    return config.level


print('also a default:', sys.getrefcount(default_config))
print('defaults tuple holds it:', run.__defaults__[0] is default_config)
del default_config
print('name deleted, function keeps it:', run())
del run
print('function deleted')
