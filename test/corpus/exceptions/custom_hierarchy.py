# A custom exception hierarchy: handlers catch subclasses, and the first matching handler wins.
class AppError(Exception):
    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


class NotFound(AppError):
    pass


class Forbidden(AppError):
    def __str__(self):
        return f'forbidden ({self.code}): {self.args[0]}'


def handle(exc):
    try:
        raise exc
    except NotFound as e:
        return f'not found: {e} [{e.code}]'
    except AppError as e:
        return f'app error: {e}'
    except Exception as e:
        return f'other: {type(e).__name__}'


print(handle(NotFound('page', 404)))
print(handle(Forbidden('admin area', 403)))
print(handle(KeyError('k')))
print(NotFound.__mro__[1].__name__, issubclass(Forbidden, Exception))
print(repr(AppError('boom', 1)), AppError('boom', 1).args)
