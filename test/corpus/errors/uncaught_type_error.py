# An uncaught TypeError deep in a call chain: traceback to stderr and exit code 1.
def format_price(amount, currency):
    return currency + amount


def render_line(item):
    return f"{item['name']}: {format_price(item['price'], '$')}"


def render(items):
    lines = []
    for item in items:
        lines.append(render_line(item))
        print('rendered', item['name'])
    return lines


items = [{'name': 'pen', 'price': '1.50'}, {'name': 'book', 'price': 12}]
render(items)
print('not reached')
