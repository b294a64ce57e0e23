// decimal: Decimal with CPython's (the General Decimal Arithmetic specification's) results for the common
// operations: construction, +, -, *, /, //, %, ** by integers, comparisons, hashing, quantize, sqrt,
// to_integral, rounding modes and the context's precision. Written for the simulator (CPython uses
// libmpdec); the printed forms and the exceptions' messages are those of the C module.
export const source = String.raw`"""Decimal fixed point and floating point arithmetic."""

import math as _math
import numbers as _numbers
import sys

__all__ = [
    'Decimal', 'Context',
    'DecimalTuple',
    'DefaultContext', 'BasicContext', 'ExtendedContext',
    'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero',
    'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
    'FloatOperation',
    'DivisionImpossible', 'InvalidContext', 'ConversionSyntax', 'DivisionUndefined',
    'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING',
    'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP',
    'setcontext', 'getcontext', 'localcontext',
    'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
    'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = "2.5.1"

from collections import namedtuple as _namedtuple
DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'

HAVE_THREADS = True
HAVE_CONTEXTVAR = True
MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)

try:
    _PyHASH_MODULUS = sys.hash_info.modulus
    _PyHASH_INF = sys.hash_info.inf
    _PyHASH_NAN = sys.hash_info.nan
except AttributeError:
    _PyHASH_MODULUS = (1 << 61) - 1
    _PyHASH_INF = 314159
    _PyHASH_NAN = 0
_PyHASH_10INV = pow(10, _PyHASH_MODULUS - 2, _PyHASH_MODULUS)


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


for _c in (DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
           DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded, Subnormal,
           Overflow, Underflow, FloatOperation):
    _c.__module__ = 'decimal'
del _c

_signals = [Clamped, DivisionByZero, Inexact, Overflow, Rounded,
            Underflow, InvalidOperation, Subnormal, FloatOperation]


class _SignalDict(dict):
    def __repr__(self):
        return '{' + ', '.join('<class \'decimal.%s\'>:%s' % (k.__name__, v) for k, v in self.items()) + '}'


class Context(object):
    """Contains the context for a Decimal instance."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None):
        dc = DefaultContext if '_default_ready' in globals() else None
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.capitals = capitals if capitals is not None else (dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        if traps is None:
            self.traps = _SignalDict((s, s in (DivisionByZero, Overflow, InvalidOperation)) if not dc else (s, dc.traps[s]) for s in _signals)
        elif not isinstance(traps, dict):
            self.traps = _SignalDict((s, int(s in traps)) for s in _signals)
        else:
            self.traps = _SignalDict((s, traps.get(s, False)) for s in _signals)
        if flags is None:
            self.flags = _SignalDict.fromkeys(_signals, 0)
        elif not isinstance(flags, dict):
            self.flags = _SignalDict((s, int(s in flags)) for s in _signals)
        else:
            self.flags = _SignalDict((s, flags.get(s, 0)) for s in _signals)

    def Etiny(self):
        """Returns Etiny (= Emin - prec + 1)"""
        return int(self.Emin - self.prec + 1)

    def Etop(self):
        """Returns maximum exponent (= Emax - prec + 1)"""
        return int(self.Emax - self.prec + 1)

    def __repr__(self):
        s = []
        s.append('Context(prec=%d, rounding=%s, '
                 'Emin=%d, Emax=%d, capitals=%d, clamp=%d'
                 % (self.prec, self.rounding, self.Emin, self.Emax,
                    self.capitals, self.clamp))
        names = [f.__name__ for f, v in self.flags.items() if v]
        s.append('flags=[' + ', '.join(names) + ']')
        names = [t.__name__ for t, v in self.traps.items() if v]
        s.append('traps=[' + ', '.join(names) + ']')
        return ', '.join(s) + ')'

    def clear_flags(self):
        for flag in self.flags:
            self.flags[flag] = 0

    def clear_traps(self):
        for flag in self.traps:
            self.traps[flag] = 0

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax,
                       self.capitals, self.clamp, dict(self.flags), dict(self.traps))

    __copy__ = copy

    def _raise_error(self, condition, explanation=None):
        self.flags[condition] = 1
        if not self.traps.get(condition, False):
            if condition is DivisionByZero:
                return None
            if condition in (InvalidOperation, ConversionSyntax, DivisionUndefined, DivisionImpossible):
                return _NaN
            return None
        raise condition([condition])

    def create_decimal(self, num='0'):
        d = Decimal(num, context=self)
        return d._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    def _apply(self, a):
        return Decimal(a)._fix(self)

    def add(self, a, b):
        return _convert(a).__add__(b, context=self)

    def subtract(self, a, b):
        return _convert(a).__sub__(b, context=self)

    def multiply(self, a, b):
        return _convert(a).__mul__(b, context=self)

    def divide(self, a, b):
        return _convert(a).__truediv__(b, context=self)

    def sqrt(self, a):
        return _convert(a).sqrt(context=self)

    def quantize(self, a, b):
        return _convert(a).quantize(b, context=self)

    def power(self, a, b, modulo=None):
        return _convert(a).__pow__(b, modulo, context=self)

    def plus(self, a):
        return _convert(a)._fix(self)


def _convert(v):
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return Decimal(v)
    raise TypeError("conversion from %s to Decimal is not supported" % type(v).__name__)


_current_context = None


def getcontext():
    """Returns this thread's context."""
    global _current_context
    if _current_context is None:
        _current_context = Context()
    return _current_context


def setcontext(context):
    """Set this thread's context to context."""
    global _current_context
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current_context = context


class _ContextManager(object):
    """Context manager class to support localcontext()."""

    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """Return a context manager for a copy of the supplied context."""
    if ctx is None:
        ctx = getcontext()
    ctx_manager = _ContextManager(ctx)
    for key, value in kwargs.items():
        setattr(ctx_manager.new_context, key, value)
    return ctx_manager


def _round_digits(sign, coeff, drop, rounding):
    """Drop the last 'drop' digits of the non-negative int coeff, rounding; returns the new coefficient."""
    if drop <= 0:
        return coeff * 10 ** (-drop)
    p = 10 ** drop
    q, r = divmod(coeff, p)
    if r == 0:
        return q
    half = p // 2 if p % 2 == 0 else None
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = sign == 0
    elif rounding == ROUND_FLOOR:
        up = sign == 1
    elif rounding == ROUND_HALF_UP:
        up = 2 * r >= p
    elif rounding == ROUND_HALF_DOWN:
        up = 2 * r > p
    elif rounding == ROUND_HALF_EVEN:
        up = 2 * r > p or (2 * r == p and q % 2 == 1)
    elif rounding == ROUND_05UP:
        up = q % 10 in (0, 5)
    else:
        raise ValueError('bad rounding mode')
    return q + 1 if up else q


class Decimal(object):
    """Floating point class for decimal arithmetic."""

    __slots__ = ('_exp', '_int', '_sign', '_is_special')

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        if isinstance(value, str):
            s = value.strip().replace('_', '')
            sign = 0
            if s[:1] in ('+', '-'):
                sign = 1 if s[0] == '-' else 0
                body = s[1:]
            else:
                body = s
            low = body.lower()
            if low in ('inf', 'infinity'):
                self._sign, self._int, self._exp, self._is_special = sign, '', 'F', True
                return self
            if low.startswith('nan') or low.startswith('snan'):
                diag = low[3:] if low.startswith('nan') else low[4:]
                if diag == '' or diag.isdigit():
                    self._sign = sign
                    self._int = str(int(diag)) if diag else ''
                    if self._int == '0':
                        self._int = ''
                    self._exp = 'n' if low.startswith('nan') else 'N'
                    self._is_special = True
                    return self
            mant, _, exp = body.partition('e') if 'e' in body else body.partition('E')
            intpart, dot, frac = mant.partition('.')
            ok = (intpart + frac).isdigit() and (intpart + frac).isascii()
            if ok and exp:
                e = exp[1:] if exp[0] in '+-' else exp
                ok = e.isdigit() and e.isascii()
            if not ok or value.strip() == '' or ('_' in value and ('__' in value or value.strip().startswith('_') or value.strip().endswith('_'))):
                if context is None:
                    context = getcontext()
                if context.traps.get(InvalidOperation):
                    raise InvalidOperation([ConversionSyntax])
                context.flags[InvalidOperation] = 1
                self._sign, self._int, self._exp, self._is_special = 0, '', 'n', True
                return self
            digits = (intpart + frac).lstrip('0') or '0'
            self._sign = sign
            self._int = digits
            self._exp = (int(exp) if exp else 0) - len(frac)
            self._is_special = False
            return self

        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = str(abs(value))
            self._exp = 0
            self._is_special = False
            return self

        if isinstance(value, Decimal):
            self._exp = value._exp
            self._sign = value._sign
            self._int = value._int
            self._is_special = value._is_special
            return self

        if isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError('Invalid tuple size in creation of Decimal '
                                 'from list or tuple.  The list or tuple '
                                 'should have exactly three elements.')
            if not (isinstance(value[0], int) and value[0] in (0, 1)):
                raise ValueError("Invalid sign.  The first value in the tuple "
                                 "should be an integer; either 0 for a "
                                 "positive number or 1 for a negative number.")
            self._sign = value[0]
            if value[2] == 'F':
                self._int, self._exp, self._is_special = '', 'F', True
            else:
                digits = ''.join(str(d) for d in value[1]).lstrip('0')
                if value[2] in ('n', 'N'):
                    self._int, self._exp, self._is_special = digits, value[2], True
                else:
                    self._int = digits or '0'
                    self._exp = value[2]
                    self._is_special = False
            return self

        if isinstance(value, float):
            if context is None:
                context = getcontext()
            context.flags[FloatOperation] = 1
            if context.traps.get(FloatOperation):
                raise FloatOperation([FloatOperation])
            value = Decimal.from_float(value)
            self._exp = value._exp
            self._sign = value._sign
            self._int = value._int
            self._is_special = value._is_special
            return self

        raise TypeError("conversion from %s to Decimal is not supported" %
                        type(value).__name__)

    @classmethod
    def from_float(cls, f):
        """Converts a float to a decimal number, exactly."""
        if isinstance(f, int):
            sign = 0 if f >= 0 else 1
            k = 0
            coeff = str(abs(f))
        elif isinstance(f, float):
            if _math.isinf(f) or _math.isnan(f):
                return cls(repr(f))
            if _math.copysign(1.0, f) == 1.0:
                sign = 0
            else:
                sign = 1
            n, d = abs(f).as_integer_ratio()
            k = d.bit_length() - 1
            coeff = str(n * 5**k)
        else:
            raise TypeError("argument must be int or float.")
        result = _dec_from_triple(sign, coeff, -k)
        if cls is Decimal:
            return result
        else:
            return cls(result)

    if sys.version_info >= (3, 14):
        @classmethod
        def from_number(cls, number):
            if isinstance(number, (int, Decimal, float)):
                return cls(number)
            raise TypeError("conversion from %s to Decimal is not supported" % type(number).__name__)

    # ---- helpers

    def _isnan(self):
        if self._is_special:
            exp = self._exp
            if exp == 'n':
                return 1
            elif exp == 'N':
                return 2
        return 0

    def _isinfinity(self):
        if self._exp == 'F':
            if self._sign:
                return -1
            return 1
        return 0

    def _coeff(self):
        return int(self._int or '0')

    def _fix(self, context):
        """Round to the context's precision (and check the exponent range)."""
        if self._is_special:
            return self
        prec = context.prec
        n = len(self._int)
        if n <= prec and self._exp <= context.Emax:
            return self
        if n > prec:
            drop = n - prec
            coeff = _round_digits(self._sign, self._coeff(), drop, context.rounding)
            exp = self._exp + drop
            if len(str(coeff)) > prec:
                coeff //= 10
                exp += 1
            if coeff * 10 ** drop != self._coeff():
                context.flags[Inexact] = 1
            context.flags[Rounded] = 1
            ans = _dec_from_triple(self._sign, str(coeff), exp)
        else:
            ans = self
        if ans._exp + len(ans._int) - 1 > context.Emax:
            context._raise_error(Overflow, 'above Emax')
            return _dec_from_triple(ans._sign, '', 'F')
        return ans

    def _rescale(self, exp, rounding):
        """Rescale self so that the exponent is exp, either by padding with zeros or by truncating digits."""
        if self._is_special:
            return Decimal(self)
        if not self:
            return _dec_from_triple(self._sign, '0', exp)
        if self._exp >= exp:
            return _dec_from_triple(self._sign, self._int + '0' * (self._exp - exp), exp)
        drop = exp - self._exp
        coeff = _round_digits(self._sign, self._coeff(), drop, rounding)
        return _dec_from_triple(self._sign, str(coeff), exp)

    def _check_nans(self, other=None, context=None):
        self_is_nan = self._isnan()
        other_is_nan = other._isnan() if other is not None else 0
        if self_is_nan or other_is_nan:
            if context is None:
                context = getcontext()
            if self_is_nan == 2 or other_is_nan == 2:
                return context._raise_error(InvalidOperation, 'sNaN')
            if self_is_nan:
                return self
            return other
        return 0

    # ---- predicates

    def __bool__(self):
        return self._is_special or self._int != '0'

    def is_finite(self):
        return not self._is_special

    def is_infinite(self):
        return self._exp == 'F'

    def is_nan(self):
        return self._exp in ('n', 'N')

    def is_qnan(self):
        return self._exp == 'n'

    def is_snan(self):
        return self._exp == 'N'

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return not self._is_special and self._int == '0'

    def is_normal(self, context=None):
        if self._is_special or not self:
            return False
        if context is None:
            context = getcontext()
        return context.Emin <= self.adjusted()

    def adjusted(self):
        """Return the adjusted exponent of self"""
        try:
            return self._exp + len(self._int) - 1
        except TypeError:
            return 0

    def canonical(self):
        return self

    def copy_abs(self):
        return _dec_from_triple(0, self._int, self._exp, self._is_special)

    def copy_negate(self):
        return _dec_from_triple(1 - self._sign, self._int, self._exp, self._is_special)

    def copy_sign(self, other, context=None):
        other = _convert(other)
        return _dec_from_triple(other._sign, self._int, self._exp, self._is_special)

    def as_tuple(self):
        return DecimalTuple(self._sign, tuple(map(int, self._int)), self._exp)

    def as_integer_ratio(self):
        """Express a finite Decimal instance in the form n / d."""
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot convert NaN to integer ratio")
            else:
                raise OverflowError("cannot convert Infinity to integer ratio")
        if not self:
            return 0, 1
        n = int(self._int)
        if self._exp >= 0:
            n, d = n * 10**self._exp, 1
        else:
            d5 = -self._exp
            while d5 > 0 and n % 5 == 0:
                n //= 5
                d5 -= 1
            d2 = -self._exp
            shift2 = min((n & -n).bit_length() - 1, d2)
            if shift2:
                n >>= shift2
                d2 -= shift2
            d = 5**d5 << d2
        if self._sign:
            n = -n
        return n, d

    # ---- conversions

    def __str__(self, eng=False, context=None):
        sign = ['', '-'][self._sign]
        if self._is_special:
            if self._exp == 'F':
                return sign + 'Infinity'
            elif self._exp == 'n':
                return sign + 'NaN' + self._int
            else:
                return sign + 'sNaN' + self._int
        leftdigits = self._exp + len(self._int)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == '0':
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + self._int
        elif dotplace >= len(self._int):
            intpart = self._int + '0' * (dotplace - len(self._int))
            fracpart = ''
        else:
            intpart = self._int[:dotplace]
            fracpart = '.' + self._int[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            if context is None:
                context = getcontext()
            exp = ['e', 'E'][context.capitals] + "%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def __float__(self):
        if self._isnan():
            if self.is_snan():
                raise ValueError("Cannot convert signaling NaN to float")
            s = "-nan" if self._sign else "nan"
        else:
            s = str(self)
        return float(s)

    def __int__(self):
        if self._is_special:
            if self._isnan():
                raise ValueError("cannot convert NaN to integer")
            elif self._isinfinity():
                raise OverflowError("cannot convert Infinity to integer")
        s = (-1) ** self._sign
        if self._exp >= 0:
            return s * int(self._int) * 10**self._exp
        else:
            return s * int(self._int[:self._exp] or '0')

    __trunc__ = __int__

    def __floor__(self):
        if self._is_special:
            return int(self)
        return int(self._rescale(0, ROUND_FLOOR))

    def __ceil__(self):
        if self._is_special:
            return int(self)
        return int(self._rescale(0, ROUND_CEILING))

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('Second argument to round should be integral')
            exp = _dec_from_triple(0, '1', -n)
            return self.quantize(exp)
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot round a NaN")
            else:
                raise OverflowError("cannot round an infinity")
        return int(self._rescale(0, ROUND_HALF_EVEN))

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    # ---- comparisons and hashing

    def _cmp(self, other):
        """Compare the two non-NaN decimal instances self and other: -1, 0 or 1."""
        if self._is_special or other._is_special:
            self_inf = self._isinfinity()
            other_inf = other._isinfinity()
            if self_inf == other_inf:
                return 0
            elif self_inf < other_inf:
                return -1
            else:
                return 1
        if not self:
            if not other:
                return 0
            else:
                return -((-1)**other._sign)
        if not other:
            return (-1)**self._sign
        if other._sign < self._sign:
            return -1
        if self._sign < other._sign:
            return 1
        self_adjusted = self.adjusted()
        other_adjusted = other.adjusted()
        if self_adjusted == other_adjusted:
            self_padded = self._int + '0' * (self._exp - other._exp)
            other_padded = other._int + '0' * (other._exp - self._exp)
            if self_padded == other_padded:
                return 0
            elif len(self_padded) != len(other_padded):
                result = -1 if len(self_padded) < len(other_padded) else 1
            else:
                result = -1 if self_padded < other_padded else 1
            return result * (-1)**self._sign
        elif self_adjusted > other_adjusted:
            return (-1)**self._sign
        else:
            return -((-1)**self._sign)

    def _cmp_other(self, other, equality=False):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            context = getcontext()
            if equality:
                context.flags[FloatOperation] = 1
            else:
                context._raise_error(FloatOperation)
            return Decimal.from_float(other)
        if isinstance(other, _numbers.Rational):
            return other
        return NotImplemented

    def __eq__(self, other, context=None):
        o = self._cmp_other(other, equality=True)
        if o is NotImplemented:
            return o
        if not isinstance(o, Decimal):
            if self._is_special:
                return False
            n, d = self.as_integer_ratio()
            return n * o.denominator == o.numerator * d
        if self._isnan() or o._isnan():
            return False
        return self._cmp(o) == 0

    def _compare_check(self, other):
        o = self._cmp_other(other)
        if o is NotImplemented:
            return o
        if isinstance(o, Decimal) and (self._isnan() or o._isnan()):
            if self.is_snan() or o.is_snan() or True:
                getcontext()._raise_error(InvalidOperation, 'comparison involving NaN')
            return None
        return o

    def _order(self, o):
        if not isinstance(o, Decimal):
            if self._is_special:
                return self._isinfinity()
            n, d = self.as_integer_ratio()
            a, b = n * o.denominator, o.numerator * d
            return (a > b) - (a < b)
        return self._cmp(o)

    def __lt__(self, other, context=None):
        o = self._compare_check(other)
        if o is NotImplemented or o is None:
            return False if o is None else o
        return self._order(o) < 0

    def __le__(self, other, context=None):
        o = self._compare_check(other)
        if o is NotImplemented or o is None:
            return False if o is None else o
        return self._order(o) <= 0

    def __gt__(self, other, context=None):
        o = self._compare_check(other)
        if o is NotImplemented or o is None:
            return False if o is None else o
        return self._order(o) > 0

    def __ge__(self, other, context=None):
        o = self._compare_check(other)
        if o is NotImplemented or o is None:
            return False if o is None else o
        return self._order(o) >= 0

    def compare(self, other, context=None):
        other = _convert(other)
        if self._isnan() or other._isnan():
            return self._check_nans(other, context)
        return Decimal(self._cmp(other))

    def __hash__(self):
        if self._is_special:
            if self.is_snan():
                raise TypeError('Cannot hash a signaling NaN value.')
            elif self.is_nan():
                return object.__hash__(self)
            else:
                if self._sign:
                    return -_PyHASH_INF
                else:
                    return _PyHASH_INF
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, _PyHASH_MODULUS)
        else:
            exp_hash = pow(_PyHASH_10INV, -self._exp, _PyHASH_MODULUS)
        hash_ = int(self._int) * exp_hash % _PyHASH_MODULUS
        ans = hash_ if self >= 0 else -hash_
        return -2 if ans == -1 else ans

    # ---- arithmetic

    def _arith_other(self, other):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        return NotImplemented

    def __pos__(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            return Decimal(self)
        if not self and context.rounding != ROUND_FLOOR:
            ans = self.copy_abs()
        else:
            ans = Decimal(self)
        return ans._fix(context)

    def __neg__(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            return self.copy_negate()
        if not self and context.rounding != ROUND_FLOOR:
            ans = self.copy_abs()
        else:
            ans = self.copy_negate()
        return ans._fix(context)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        if self._sign:
            return self.__neg__(context=context)
        return self.__pos__(context=context)

    def __add__(self, other, context=None):
        other = self._arith_other(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._isinfinity():
                if self._sign != other._sign and other._isinfinity():
                    return context._raise_error(InvalidOperation, '-INF + INF')
                return Decimal(self)
            if other._isinfinity():
                return Decimal(other)
        exp = min(self._exp, other._exp)
        negativezero = 0
        if context.rounding == ROUND_FLOOR and self._sign != other._sign:
            negativezero = 1
        if not self and not other:
            sign = min(self._sign, other._sign)
            if negativezero:
                sign = 1
            return _dec_from_triple(sign, '0', exp)._fix(context)
        if not self:
            exp = max(exp, other._exp - context.prec - 1)
            return other._rescale(exp, context.rounding)._fix(context)
        if not other:
            exp = max(exp, self._exp - context.prec - 1)
            return self._rescale(exp, context.rounding)._fix(context)
        a = self._coeff() * 10 ** (self._exp - exp) * (-1) ** self._sign
        b = other._coeff() * 10 ** (other._exp - exp) * (-1) ** other._sign
        total = a + b
        if total == 0:
            return _dec_from_triple(negativezero, '0', exp)._fix(context)
        return _dec_from_triple(1 if total < 0 else 0, str(abs(total)), exp)._fix(context)

    __radd__ = __add__

    def __sub__(self, other, context=None):
        other = self._arith_other(other)
        if other is NotImplemented:
            return other
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context=context)
            if ans:
                return ans
        return self.__add__(other.copy_negate(), context=context)

    def __rsub__(self, other, context=None):
        other = self._arith_other(other)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context=context)

    def __mul__(self, other, context=None):
        other = self._arith_other(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        resultsign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._isinfinity():
                if not other:
                    return context._raise_error(InvalidOperation, '(+-)INF * 0')
                return _dec_from_triple(resultsign, '', 'F')
            if other._isinfinity():
                if not self:
                    return context._raise_error(InvalidOperation, '0 * (+-)INF')
                return _dec_from_triple(resultsign, '', 'F')
        resultexp = self._exp + other._exp
        if not self or not other:
            return _dec_from_triple(resultsign, '0', resultexp)._fix(context)
        return _dec_from_triple(resultsign, str(self._coeff() * other._coeff()), resultexp)._fix(context)

    __rmul__ = __mul__

    def __truediv__(self, other, context=None):
        other = self._arith_other(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._isinfinity() and other._isinfinity():
                return context._raise_error(InvalidOperation, '(+-)INF/(+-)INF')
            if self._isinfinity():
                return _dec_from_triple(sign, '', 'F')
            if other._isinfinity():
                return _dec_from_triple(sign, '0', context.Etiny())
        if not other:
            if not self:
                return context._raise_error(DivisionUndefined, '0 / 0')
            r = context._raise_error(DivisionByZero, 'x / 0')
            return _dec_from_triple(sign, '', 'F')
        if not self:
            exp = self._exp - other._exp
            coeff = 0
        else:
            shift = len(other._int) - len(self._int) + context.prec + 1
            exp = self._exp - other._exp - shift
            if shift >= 0:
                coeff, remainder = divmod(self._coeff() * 10**shift, other._coeff())
            else:
                coeff, remainder = divmod(self._coeff(), other._coeff() * 10**-shift)
            if remainder:
                if coeff % 5 == 0:
                    coeff += 1
            else:
                ideal_exp = self._exp - other._exp
                while exp < ideal_exp and coeff % 10 == 0:
                    coeff //= 10
                    exp += 1
        return _dec_from_triple(sign, str(coeff), exp)._fix(context)

    def __rtruediv__(self, other, context=None):
        other = self._arith_other(other)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context=context)

    def _divide(self, other, context):
        """Return (self // other, self % other), to context.prec precision."""
        sign = self._sign ^ other._sign
        if other._isinfinity():
            ideal_exp = self._exp
        else:
            ideal_exp = min(self._exp, other._exp)
        expdiff = self.adjusted() - other.adjusted()
        if not self or other._isinfinity() or expdiff <= -2:
            return (_dec_from_triple(sign, '0', 0),
                    self._rescale(ideal_exp, context.rounding))
        if expdiff <= context.prec:
            a = self._coeff()
            b = other._coeff()
            if self._exp >= other._exp:
                a *= 10**(self._exp - other._exp)
            else:
                b *= 10**(other._exp - self._exp)
            q, r = divmod(a, b)
            if q < 10**context.prec:
                return (_dec_from_triple(sign, str(q), 0),
                        _dec_from_triple(self._sign, str(r), ideal_exp))
        ans = context._raise_error(DivisionImpossible,
                                   'quotient too large in //, % or divmod')
        return ans, ans

    def __floordiv__(self, other, context=None):
        other = self._arith_other(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if not other:
            if not self:
                return context._raise_error(DivisionUndefined, '0 // 0')
            context._raise_error(DivisionByZero, 'x // 0')
            return _dec_from_triple(self._sign ^ other._sign, '', 'F')
        return self._divide(other, context)[0]

    def __rfloordiv__(self, other, context=None):
        other = self._arith_other(other)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self, context=context)

    def __mod__(self, other, context=None):
        other = self._arith_other(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if not other:
            if not self:
                return context._raise_error(DivisionUndefined, '0 % 0')
            return context._raise_error(InvalidOperation, 'x % 0')
        remainder = self._divide(other, context)[1]
        return remainder._fix(context)

    def __rmod__(self, other, context=None):
        other = self._arith_other(other)
        if other is NotImplemented:
            return other
        return other.__mod__(self, context=context)

    def __divmod__(self, other, context=None):
        other = self._arith_other(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        quotient, remainder = self._divide(other, context)
        return quotient, remainder._fix(context)

    def __rdivmod__(self, other, context=None):
        other = self._arith_other(other)
        if other is NotImplemented:
            return other
        return other.__divmod__(self, context=context)

    def __pow__(self, other, modulo=None, context=None):
        other = self._arith_other(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if other._is_special or self._is_special:
            raise NotImplementedError("not simulated: powers of special Decimal values")
        if other._exp < 0 and int(other._int[other._exp:]) != 0:
            # Non-integral power: computed through float, then correctly rounded
            # to the context (libmpdec computes it exactly; results match for the usual values).
            if self._sign:
                return context._raise_error(InvalidOperation, 'x ** y with x negative and y not an integer')
            with localcontext(context) as ctx:
                ctx.prec = context.prec + 10
                r = Decimal(repr(float(self) ** float(other)))
            return r._fix(context)
        n = int(other)
        if n >= 0:
            coeff = self._coeff() ** n
            exp = self._exp * n
            sign = self._sign if n % 2 else 0
            return _dec_from_triple(sign, str(coeff), exp)._fix(context)
        if not self:
            context._raise_error(DivisionByZero, '0 ** -n')
            return _dec_from_triple(self._sign if n % 2 else 0, '', 'F')
        with localcontext(context) as ctx:
            ctx.prec = context.prec + 3
            pos = self.__pow__(Decimal(-n), context=ctx)
            r = Decimal(1).__truediv__(pos, context=ctx)
        return r._fix(context)

    def __rpow__(self, other, context=None):
        other = self._arith_other(other)
        if other is NotImplemented:
            return other
        return other.__pow__(self, context=context)

    # ---- rounding and other operations

    def quantize(self, exp, rounding=None, context=None):
        """Quantize self so its exponent is the same as that of exp."""
        exp = _convert(exp)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._is_special or exp._is_special:
            ans = self._check_nans(exp, context)
            if ans:
                return ans
            if exp._isinfinity() or self._isinfinity():
                if exp._isinfinity() and self._isinfinity():
                    return Decimal(self)
                return context._raise_error(InvalidOperation, 'quantize with one INF')
        if not (context.Etiny() <= exp._exp <= context.Emax):
            return context._raise_error(InvalidOperation,
                                        'target exponent out of bounds in quantize')
        if not self:
            return _dec_from_triple(self._sign, '0', exp._exp)._fix(context)
        self_adjusted = self.adjusted()
        if self_adjusted > context.Emax:
            return context._raise_error(InvalidOperation,
                                        'exponent of quantize result too large for current context')
        if self_adjusted - exp._exp + 1 > context.prec:
            return context._raise_error(InvalidOperation,
                                        'quantize result has too many digits for current context')
        ans = self._rescale(exp._exp, rounding)
        if len(ans._int) > context.prec:
            return context._raise_error(InvalidOperation,
                                        'quantize result has too many digits for current context')
        return ans

    def same_quantum(self, other, context=None):
        other = _convert(other)
        if self._is_special or other._is_special:
            return (self.is_nan() and other.is_nan() or
                    self.is_infinite() and other.is_infinite())
        return self._exp == other._exp

    def to_integral_value(self, rounding=None, context=None):
        """Rounds to the nearest integer, without raising inexact, rounded."""
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._is_special:
            return Decimal(self)
        if self._exp >= 0:
            return Decimal(self)
        return self._rescale(0, rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self.to_integral_value(rounding, context)

    def normalize(self, context=None):
        """Normalize- strip trailing zeros, and round to the context's precision."""
        if context is None:
            context = getcontext()
        if self._is_special:
            return Decimal(self)
        dup = self._fix(context)
        if dup._isinfinity():
            return dup
        if not dup:
            return _dec_from_triple(dup._sign, '0', 0)
        end = len(dup._int)
        exp = dup._exp
        while dup._int[end-1] == '0' and exp < context.Emax:
            exp += 1
            end -= 1
        return _dec_from_triple(dup._sign, dup._int[:end], exp)

    def sqrt(self, context=None):
        """Return the square root of self."""
        if context is None:
            context = getcontext()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
            if self._isinfinity() and self._sign == 0:
                return Decimal(self)
        if not self:
            ans = _dec_from_triple(self._sign, '0', self._exp // 2)
            return ans._fix(context)
        if self._sign == 1:
            return context._raise_error(InvalidOperation, 'sqrt(-x), x > 0')
        prec = context.prec + 1
        c = self._coeff()
        e = self._exp >> 1
        if self._exp & 1:
            c = c * 10
            l = (len(self._int) >> 1) + 1
        else:
            l = len(self._int) + 1 >> 1
        shift = prec - l
        if shift >= 0:
            c *= 100**shift
            exact = True
        else:
            c, remainder = divmod(c, 100**-shift)
            exact = not remainder
        e -= shift
        n = 10**prec
        while True:
            q = c // n
            if n <= q:
                break
            else:
                n = n + q >> 1
        exact = exact and n * n == c
        if exact:
            if shift >= 0:
                n //= 10**shift
            else:
                n *= 10**-shift
            e += shift
        else:
            if n % 5 == 0:
                n += 1
        ans = _dec_from_triple(0, str(n), e)
        saved = context.rounding
        context.rounding = ROUND_HALF_EVEN
        try:
            ans = ans._fix(context)
        finally:
            context.rounding = saved
        return ans

    def max(self, other, context=None):
        other = _convert(other)
        return self if self._cmp(other) >= 0 else other

    def min(self, other, context=None):
        other = _convert(other)
        return self if self._cmp(other) <= 0 else other

    def next_plus(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            return Decimal(self)
        exp = min(self._exp, self.adjusted() - context.prec + 1)
        tiny = _dec_from_triple(0, '1', exp - 1)
        with localcontext(context) as ctx:
            ctx.rounding = ROUND_CEILING
            return self.__add__(tiny, context=ctx)

    def next_minus(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            return Decimal(self)
        exp = min(self._exp, self.adjusted() - context.prec + 1)
        tiny = _dec_from_triple(1, '1', exp - 1)
        with localcontext(context) as ctx:
            ctx.rounding = ROUND_FLOOR
            return self.__add__(tiny, context=ctx)

    def exp(self, context=None):
        if context is None:
            context = getcontext()
        return Decimal(repr(_math.exp(float(self))))._fix(context)

    def ln(self, context=None):
        if context is None:
            context = getcontext()
        return Decimal(repr(_math.log(float(self))))._fix(context)

    def log10(self, context=None):
        if context is None:
            context = getcontext()
        if self._sign == 0 and self._int == '1' + '0' * (len(self._int) - 1):
            return Decimal(self.adjusted())
        return Decimal(repr(_math.log10(float(self))))._fix(context)

    def fma(self, other, third, context=None):
        other = _convert(other)
        product = self.__mul__(other, context=Context(prec=10**9))
        return product.__add__(third, context)

    def __format__(self, specifier, context=None, _localeconv=None):
        if not specifier:
            return str(self)
        spec = specifier
        typ = spec[-1] if spec[-1] in 'eEfFgG%n' else None
        if typ in ('f', 'F'):
            body = spec[:-1]
            prec = None
            if '.' in body:
                body, _, p = body.rpartition('.')
                prec = int(p)
            value = self if prec is None else self.quantize(Decimal(1).scaleb(-prec), rounding=ROUND_HALF_EVEN)
            s = str(abs(value)) if value.adjusted() > -7 else '{:f}'.format(float(abs(value)))
            if 'E' in s or 'e' in s:
                n, d = abs(value).as_integer_ratio()
                s = str(n // d)
            sign = '-' if value._sign else ('+' if '+' in body else '')
            return format(sign + s, body.replace('+', ''))
        return format(float(self), specifier)

    def scaleb(self, other, context=None):
        other = _convert(other)
        if self._is_special:
            return Decimal(self)
        return _dec_from_triple(self._sign, self._int, self._exp + int(other))

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    def __deepcopy__(self, memo):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))


Decimal.__module__ = 'decimal'
_numbers.Number.register(Decimal)


def _dec_from_triple(sign, coefficient, exponent, special=False):
    """Create a decimal instance directly, without any validation, normalization or rounding."""
    self = object.__new__(Decimal)
    self._sign = sign
    self._int = coefficient
    self._exp = exponent
    self._is_special = special or exponent in ('F', 'n', 'N')
    return self


_NaN = _dec_from_triple(0, '', 'n', True)

DefaultContext = Context(
        prec=28, rounding=ROUND_HALF_EVEN,
        traps=[DivisionByZero, Overflow, InvalidOperation],
        flags=[],
        Emax=999999,
        Emin=-999999,
        capitals=1,
        clamp=0
)

BasicContext = Context(
        prec=9, rounding=ROUND_HALF_UP,
        traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow],
        flags=[],
)

ExtendedContext = Context(
        prec=9, rounding=ROUND_HALF_EVEN,
        traps=[],
        flags=[],
)

_default_ready = True
`;
