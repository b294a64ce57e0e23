# __init_subclass__ and a class decorator register plugins as their classes are defined.
registry = {}


class Plugin:
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        registry[name or cls.__name__.lower()] = cls
        print('registered', cls.__name__)


class CsvExport(Plugin, name='csv'):
    pass


class JsonExport(Plugin):
    pass


def tagged(cls):
    cls.tagged = True
    return cls


@tagged
class XmlExport(Plugin, name='xml'):
    pass


print(sorted(registry))
print(registry['xml'].tagged, hasattr(CsvExport, 'tagged'))
