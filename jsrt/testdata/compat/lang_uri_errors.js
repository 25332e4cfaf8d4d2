// The URI functions throw URIError with V8's message.
for (const [f, a] of [[decodeURI, '%E0%A4%A'], [decodeURIComponent, '%'], [encodeURI, '\uD800'], [encodeURIComponent, '\uDFFF'], [decodeURIComponent, '%41%20b'], [encodeURIComponent, 'a b&ü']]) {
  try { console.log(f(a)); } catch (e) { console.log(e.name, e.message, e instanceof URIError); }
}
console.log(decodeURI.name, decodeURI.length, Object.keys(globalThis).includes('decodeURI'));
