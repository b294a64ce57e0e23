# lens-corpus: clean: a temperature sensor keeps its displays in a weakref.WeakSet, so a display that is closed disappears from the sensor's listeners on its own.
import weakref


class Sensor:
    def __init__(self, name):
        self.name = name
        self._displays = weakref.WeakSet()
        self.readings = 0

    def attach(self, display):
        self._displays.add(display)

    def publish(self, value):
        self.readings += 1
        for display in sorted(self._displays, key=lambda d: d.label):
            display.show(self.name, value)
        return len(self._displays)


class Display:
    def __init__(self, label):
        self.label = label
        self.last = None

    def show(self, source, value):
        self.last = value
        print(f"  [{self.label}] {source}: {value:.1f} C")


sensor = Sensor("greenhouse")
wall = Display("wall")
sensor.attach(wall)


def temporary_popup(value):
    popup = Display("popup")
    sensor.attach(popup)
    return sensor.publish(value)


print("popup open, listeners:", temporary_popup(21.5))
for value in (22.0, 22.4):
    print("listeners:", sensor.publish(value))
print("wall shows", wall.last, "after", sensor.readings, "readings")
