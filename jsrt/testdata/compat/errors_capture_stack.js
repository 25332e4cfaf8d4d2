// Error.captureStackTrace and stackTraceLimit exist (many npm packages call
// them); only the first line of a stack is compared: frames are engine text.
console.log(typeof Error.captureStackTrace, typeof Error.stackTraceLimit);
const obj = { message: 'custom', name: 'Thing' };
Error.captureStackTrace(obj);
console.log('stack added', typeof obj.stack, obj.stack.split('\n')[0]);
class HttpError extends Error {
  constructor(status) {
    super(`status ${status}`);
    this.name = 'HttpError';
    this.status = status;
    Error.captureStackTrace(this, HttpError);
  }
}
const e = new HttpError(404);
console.log(e.stack.split('\n')[0], e.status, e instanceof HttpError);
console.log(new Error('plain').stack.split('\n')[0], new RangeError('r').stack.split('\n')[0]);
const noMsg = new Error();
console.log(JSON.stringify(noMsg.stack.split('\n')[0]), JSON.stringify(noMsg.message));
const e2 = new Error('multi\nline message');
console.log(e2.stack.split('\n').slice(0, 2).join('|'));
