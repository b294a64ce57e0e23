# Walking nested dicts and lists, like parsed JSON.
library = {
    'name': 'city library',
    'shelves': [
        {'topic': 'python', 'books': [
            {'title': 'Fluent Python', 'pages': 792},
            {'title': 'Effective Python', 'pages': 480},
        ]},
        {'topic': 'c', 'books': [{'title': 'K&R', 'pages': 272}]},
    ],
}


def total_pages(lib):
    return sum(book['pages'] for shelf in lib['shelves'] for book in shelf['books'])


print('total pages:', total_pages(library))
for shelf in library['shelves']:
    titles = [b['title'] for b in shelf['books']]
    print(shelf['topic'], '->', titles)
longest = max((b for s in library['shelves'] for b in s['books']), key=lambda b: b['pages'])
print('longest:', longest)
library['shelves'][1]['books'].append({'title': 'Modern C', 'pages': 408})
print('c books:', len(library['shelves'][1]['books']))
print(library['shelves'][1])
