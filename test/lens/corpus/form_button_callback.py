# lens-corpus: a form hands its own bound method to a button it owns (self.save_button.on_click = self.save): form and button form a cycle that outlives every dialog.


class Button:
    def __init__(self, text):
        self.text = text
        self.on_click = None

    def click(self):
        if self.on_click is not None:
            return self.on_click()
        return None


class TextField:
    def __init__(self, name, value=""):
        self.name = name
        self.value = value


class ContactForm:
    def __init__(self, saved):
        self.saved = saved
        self.fields = [TextField("name"), TextField("email")]
        self.save_button = Button("Save")
        self.save_button.on_click = self.save  # expect: cycle-candidate, missing-weakref

    def fill(self, **values):
        for field in self.fields:
            field.value = values.get(field.name, field.value)

    def save(self):
        record = {f.name: f.value for f in self.fields}
        if not record["email"] or "@" not in record["email"]:
            return "invalid email"
        self.saved.append(record)
        return "saved " + record["name"]


contacts = []
for name, email in [("Ada", "ada@example.org"), ("Bob", "bob"), ("Cy", "cy@example.net")]:
    form = ContactForm(contacts)
    form.fill(name=name, email=email)
    print(form.save_button.click())

print("contacts:", [c["name"] for c in contacts])
