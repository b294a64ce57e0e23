# sys.exit('message') prints the message to stderr and exits with code 1.
import sys


def check_config(config):
    missing = [key for key in ('host', 'port') if key not in config]
    if missing:
        sys.exit(f'config error: missing {", ".join(missing)}')
    return config


print('checking first config')
check_config({'host': 'a', 'port': 1})
print('checking second config')
check_config({'host': 'b'})
print('not reached')
