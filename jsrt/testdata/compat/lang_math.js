// Math functions with exactly representable or well-known results.
console.log(Math.max(), Math.min(), Math.max(1, NaN), Math.max(-0, 0), Object.is(Math.min(0, -0), -0));
console.log(Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994), Math.round(-0.4));
console.log(Math.floor(-1.5), Math.ceil(-1.5), Math.trunc(-1.9), Math.sign(-3), Math.sign(0), Math.abs(-7.25));
console.log(Math.sqrt(144), Math.cbrt(27), Math.pow(2, 10), 2 ** -1, (-8) ** (1 / 3), Math.hypot(3, 4));
console.log(Math.PI, Math.E, Math.SQRT2, Math.LN2, Math.LOG10E);
console.log(Math.log(Math.E), Math.log2(8), Math.log10(1000), Math.exp(0), Math.expm1(0), Math.log1p(0));
console.log(Math.sin(0), Math.cos(0), Math.atan2(1, 1) * 4 === Math.PI, Math.tan(0));
console.log(Math.clz32(1), Math.imul(3, 4), Math.imul(0xffffffff, 5), Math.fround(5.5), Math.fround(5.05) === 5.05);
console.log(0.1 + 0.2, 0.1 + 0.2 === 0.3, 1 / 3, 2 / 3, 100 / 3, 1e21 + 1, -1e-7);
console.log(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.EPSILON > 0, Number.MAX_VALUE, Number.MIN_VALUE);
console.log(7 % 3, -7 % 3, 7 % -3, 5.5 % 2, 2 ** 53 + 1, 0 / 0, 1 / 0, -1 / 0);
console.log(1 << 31, 1 << 32, -1 >>> 0, -1 >> 1, 5 & 3, 5 | 3, 5 ^ 3, ~5);
console.log(parseInt('08'), parseInt('0x1f'), parseInt('z', 36), parseInt('12px'), parseFloat('3.14abc'), parseInt(''), Number(''), Number(' 12 '), Number('1_0'));
console.log(Number.isInteger(5.0), Number.isSafeInteger(2 ** 53), isNaN('x'), Number.isNaN('x'), isFinite('12'));
console.log(2n ** 64n, -7n / 2n, -7n % 2n, BigInt.asUintN(8, 257n), BigInt('0x1f'), 10n > 9, 10n == 10, typeof (5n * 5n));
console.log((123.456).toString(2).slice(0, 20), (255).toString(16), (-255).toString(36), (0.5).toString(2));
const r = Math.random();
console.log('random in range', r >= 0 && r < 1);
