# lens-corpus: a validator chooses its check once and stores its own bound method on itself (self.check = self.check_strict): each validator is a self-cycle once the form that used it is dropped.


class FieldValidator:
    def __init__(self, field, strict):
        self.field = field
        self.failures = 0
        self.check = self.check_strict if strict else self.check_lenient  # expect: cycle-candidate, missing-weakref

    def check_strict(self, value):
        ok = bool(value) and value == value.strip() and len(value) <= 20
        if not ok:
            self.failures += 1
        return ok

    def check_lenient(self, value):
        ok = bool(value.strip())
        if not ok:
            self.failures += 1
        return ok


def validate_form(form, strict_fields):
    validators = {name: FieldValidator(name, name in strict_fields) for name in form}
    errors = []
    for name, value in form.items():
        if not validators[name].check(value):
            errors.append(name)
    return errors


submissions = [
    {"user": "ada", "city": "London", "note": "  "},
    {"user": " grace ", "city": "", "note": "hello"},
    {"user": "linus_torvalds_the_first", "city": "Helsinki", "note": "ok"},
]
for form in submissions:
    errors = validate_form(form, {"user"})
    print(form["user"].strip() or "?", "->", errors or "valid")
