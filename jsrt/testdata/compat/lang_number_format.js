// Number to string: toFixed, toPrecision, toExponential, String(), radix,
// exponent thresholds, rounding of ties, -0. (toLocaleString is left out: it
// depends on ICU data.)
const nums = [0, -0, 1, -1.5, 0.000001, 0.0000001, 123.456, 1e21, 1e-7, 123456789012345680000, 2 ** 53, 0.1, 1 / 3, 5e-324, 1.7976931348623157e308];
console.log(nums.map(String).join(' '));
console.log([1.005, 1.45, 1.55, 2.5, -2.5, 0.5, 1234.5678, 1e21].map((n) => n.toFixed(1)).join(' '));
console.log((1.23456).toFixed(3), (0).toFixed(2), (-0.0001).toFixed(2), (123.456).toFixed(0), (0.5).toFixed(0), (1.5).toFixed(0), (2.5).toFixed(0));
console.log((123.456).toPrecision(4), (0.00012345).toPrecision(2), (123456).toPrecision(2), (1.5).toPrecision(1), (99.99).toPrecision(3), (1e21).toPrecision(3));
console.log((123456).toExponential(2), (0.00015).toExponential(), (1).toExponential(3), (-1.5e-10).toExponential(1), (0).toExponential());
console.log((255).toString(2), (255).toString(36), (-0.5).toString(16), (1e21).toString(16).length > 10, (0.1).toString(3).slice(0, 12));
console.log(1e20, 1e21, 123e-20, 0.00001, 1.5e-6, 12345678.9, -1e-7, 2e-7 * 10);
console.log(Number('1e3'), Number('.5'), Number('5.'), Number('0b101'), Number('0o17'), Number('-0x10'), Number('Infinity'), Number('1,000'));
console.log(Number.parseFloat('1.2.3'), (25).toString(undefined), Number.prototype.toString.call(10, 2));
try { (1).toFixed(-1); } catch (e) { console.log('toFixed range', e.name); }
try { (1).toString(1); } catch (e) { console.log('radix range', e.name); }
console.log(0.1 * 3, 0.7 + 0.1, 4.35 * 100, 1.1 * 1.1, 9007199254740993, 3 * 1.1);
console.log(Number.MAX_SAFE_INTEGER + 2, -Number.MIN_VALUE, 2 ** 1023 * 2, -(2 ** 1024));
