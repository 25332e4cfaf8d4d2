// rxjs 7: operators over synchronous and timer-driven sources.
const { of, from, interval, merge, Subject, lastValueFrom, firstValueFrom } = require('rxjs');
const { map, filter, scan, take, mergeMap, debounceTime, toArray, catchError, retry, switchMap, delay, bufferCount } = require('rxjs/operators');
of(1, 2, 3, 4, 5).pipe(filter((x) => x % 2), map((x) => x * 10), scan((a, x) => a + x, 0)).subscribe((v) => console.log('scan', v));
from([1, 2, 3, 4, 5, 6, 7]).pipe(bufferCount(3)).subscribe({ next: (b) => console.log('buf', b), complete: () => console.log('buf done') });
const s = new Subject();
s.pipe(map((x) => x.toUpperCase())).subscribe((v) => console.log('subject', v));
s.next('a'); s.next('b'); s.complete();
let attempts = 0;
of(1).pipe(mergeMap(() => { attempts++; if (attempts < 3) throw new Error('flaky ' + attempts); return of('ok after ' + attempts); }), retry(3)).subscribe((v) => console.log(v));
(async () => {
  console.log('interval', await lastValueFrom(interval(5).pipe(take(4), toArray())));
  console.log('first', await firstValueFrom(of('x', 'y').pipe(delay(10))));
  console.log('caught', await lastValueFrom(of(1).pipe(map(() => { throw new Error('bad'); }), catchError((e) => of(e.message)))));
})();
