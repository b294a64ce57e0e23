# json.dumps and json.loads: types, separators, indentation, sort_keys and errors.
import json

data = {'name': 'lens', 'version': [0, 1], 'stable': False, 'score': 9.5, 'notes': None, 'ü': 'ß'}
text = json.dumps(data)
print(text)
print(json.dumps(data, ensure_ascii=False, sort_keys=True))
print(json.dumps([1, (2, 3)], separators=(',', ':')))
print(json.dumps({'a': {'b': [1, 2]}}, indent=2))
back = json.loads(text)
print(back == data, type(back['version']).__name__)
print(json.loads('{"x": 1e3, "y": [true, null], "z": "\\u00e9"}'))
try:
    json.loads('{bad json}')
except json.JSONDecodeError as e:
    print('JSONDecodeError:', e.msg, e.pos)
try:
    json.dumps({1, 2})
except TypeError as e:
    print('TypeError:', e)
