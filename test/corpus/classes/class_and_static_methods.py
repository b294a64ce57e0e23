# classmethod gets the class (alternative constructors), staticmethod gets nothing extra.
class Date:
    def __init__(self, year, month, day):
        self.year, self.month, self.day = year, month, day

    @classmethod
    def from_string(cls, text):
        return cls(*map(int, text.split('-')))

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    def __repr__(self):
        return f'{type(self).__name__}({self.year}, {self.month}, {self.day})'


class BirthDate(Date):
    pass


print(Date.from_string('2024-02-29'))
print(BirthDate.from_string('1815-12-10'))
print([y for y in (1900, 2000, 2023, 2024) if Date.is_leap(y)])
d = Date(2020, 1, 1)
print(d.is_leap(d.year), d.from_string('1999-12-31'))
