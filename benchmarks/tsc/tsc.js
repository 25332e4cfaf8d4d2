// tsc.js: a real app of the compiler class for `ebbnode bench --suite tsc`.
// It type-checks a small TypeScript program held in memory with the
// typescript package (pinned by the harness) against the default library
// for ES2020, DOM types included: the compiler reads its lib .d.ts files
// through fs and keeps about 500 MB live under ebbnode (over 800 MB RSS
// hosted). It prints the one diagnostic the program has and the counts.
const ts = require('typescript');
const path = require('path');
const source = `
interface Shape { area(): number; name: string }
class Circle implements Shape {
  constructor(public r: number, public name = 'circle') {}
  area() { return Math.PI * this.r ** 2; }
}
class Rect implements Shape {
  constructor(public w: number, public h: number, public name = 'rect') {}
  area() { return this.w * this.h; }
}
function total<T extends Shape>(xs: readonly T[]): number {
  return xs.reduce((s, x) => s + x.area(), 0);
}
const shapes: Shape[] = [new Circle(1), new Rect(2, 3)];
const n: number = total(shapes);
const bad: string = n;
export { n, bad };
`;
const options = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2020 };
const host = ts.createCompilerHost(options);
const read = host.getSourceFile;
host.getSourceFile = (name, lang, onError) =>
  name === 'main.ts' ? ts.createSourceFile(name, source, lang) : read.call(host, name, lang, onError);
host.fileExists = (name) => name === 'main.ts' || ts.sys.fileExists(name);
const program = ts.createProgram(['main.ts'], options, host);
const diags = ts.getPreEmitDiagnostics(program);
for (const d of diags) {
  const { line } = d.file.getLineAndCharacterOfPosition(d.start);
  console.log(`${d.file.fileName}:${line + 1}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}
console.log('files', program.getSourceFiles().length, 'diagnostics', diags.length);
