# lens-corpus: clean: a texture cache built on weakref.WeakValueDictionary shares textures while someone uses them and lets them go when the last sprite does.
import weakref


class Texture:
    loads = 0

    def __init__(self, path):
        Texture.loads += 1
        self.path = path
        self.pixels = bytes(64)


class TextureCache:
    def __init__(self):
        self._textures = weakref.WeakValueDictionary()

    def get(self, path):
        texture = self._textures.get(path)
        if texture is None:
            texture = Texture(path)
            self._textures[path] = texture
        return texture

    def __len__(self):
        return len(self._textures)


class Sprite:
    def __init__(self, name, texture):
        self.name = name
        self.texture = texture


cache = TextureCache()


def load_level(names):
    sprites = [Sprite(name, cache.get(f"textures/{name.split('_')[0]}.png")) for name in names]
    shared = len({id(s.texture) for s in sprites})
    print(f"level: {len(sprites)} sprites, {shared} textures, cached {len(cache)}")
    return len(sprites)


load_level(["tree_1", "tree_2", "rock_1", "tree_3"])
load_level(["rock_1", "rock_2", "water_1"])
print("textures loaded:", Texture.loads, "still cached:", len(cache))
keep = cache.get("textures/hero.png")
print("with a live sprite texture, cached:", len(cache), "loads:", Texture.loads)
