# lens-corpus: clean: a playlist kept as a doubly linked list whose clear() unlinks every node (prev and next) before the list is dropped, so no cycle is left for the collector.


class Track:
    def __init__(self, title, seconds):
        self.title = title
        self.seconds = seconds
        self.prev = None
        self.next = None


class Playlist:
    def __init__(self):
        self.first = None
        self.last = None

    def add(self, title, seconds):
        track = Track(title, seconds)
        if self.last is None:
            self.first = self.last = track
        else:
            track.prev = self.last
            self.last.next = track
            self.last = track

    def duration(self):
        total, node = 0, self.first
        while node is not None:
            total += node.seconds
            node = node.next
        return total

    def clear(self):
        node = self.first
        while node is not None:
            following = node.next
            node.prev = node.next = None
            node = following
        self.first = self.last = None


def play_session(tracks):
    playlist = Playlist()
    for title, seconds in tracks:
        playlist.add(title, seconds)
    minutes, seconds = divmod(playlist.duration(), 60)
    last = playlist.last.title
    playlist.clear()
    return f"{minutes}:{seconds:02d}", last


print(play_session([("Intro", 95), ("Theme", 240), ("Outro", 130)]))
print(play_session([("Single", 200)]))
