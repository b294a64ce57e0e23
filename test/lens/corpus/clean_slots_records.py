# lens-corpus: clean: many small trade records alive at once, but the class declares __slots__, so there is no per-instance dict to save.


class Trade:
    __slots__ = ("symbol", "price", "volume")

    def __init__(self, symbol, price, volume):
        self.symbol = symbol
        self.price = price
        self.volume = volume

    def notional(self):
        return self.price * self.volume


def synthetic_trades(n):
    symbols = ("AAPL", "MSFT", "NVDA", "AMZN")
    trades = []
    price = 100.0
    for i in range(n):
        price = round(price * (1 + ((i * 7) % 11 - 5) / 1000), 4)
        trades.append(Trade(symbols[i % 4], price, 10 + (i * 13) % 90))
    return trades


def vwap(trades, symbol):
    volume = 0
    value = 0.0
    for t in trades:
        if t.symbol == symbol:
            volume += t.volume
            value += t.notional()
    return value / volume


book = synthetic_trades(3000)
print("trades:", len(book))
for symbol in ("AAPL", "NVDA"):
    print(symbol, "vwap", round(vwap(book, symbol), 4))
biggest = max(book, key=Trade.notional)
print("largest trade:", biggest.symbol, biggest.price, biggest.volume)
