// date-fns 4 (ESM): formatting, parsing, intervals, distances (TZ=UTC).
import { format, parseISO, addMonths, differenceInCalendarDays, eachDayOfInterval, formatDistanceStrict, isWeekend, parse, formatISO, startOfWeek, intervalToDuration } from 'date-fns';
const d = parseISO('2024-01-31T10:20:30Z');
console.log(format(d, "yyyy-MM-dd'T'HH:mm:ss EEEE do MMMM, QQQ, 'week' I"));
console.log(formatISO(addMonths(d, 1)), differenceInCalendarDays(parseISO('2024-12-25'), d));
console.log(eachDayOfInterval({ start: parseISO('2024-03-01'), end: parseISO('2024-03-04') }).map((x) => format(x, 'EEE d') + (isWeekend(x) ? '*' : '')).join(', '));
console.log(formatDistanceStrict(d, parseISO('2024-05-01T00:00:00Z')), formatISO(startOfWeek(d, { weekStartsOn: 1 })));
console.log(format(parse('07/04/2023 3:05 PM', 'MM/dd/yyyy h:mm a', new Date(0)), 'PPpp'));
console.log(JSON.stringify(intervalToDuration({ start: d, end: parseISO('2025-03-02T12:00:00Z') })));
