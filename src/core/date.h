/* date.h - calendar dates as day numbers (days since 1970-01-01).
 *
 * All legal deadlines are calendar dates in Europe/Amsterdam; a plain day
 * number without a time zone is the right representation for them. The
 * conversions use Howard Hinnant's proleptic Gregorian algorithms. */
#ifndef SW_DATE_H
#define SW_DATE_H

#include <stdint.h>
#include <stddef.h>

typedef int32_t sw_date;

/* "no date": an open sick period, a step not yet done. */
#define DATE_NONE INT32_MIN

/* Years accepted by date_parse; outside this range a date is a typo. */
#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2199

/* Length of "YYYY-MM-DD" plus the terminating NUL. */
#define DATE_STRLEN 11

sw_date date_from_ymd(int y, int m, int d);
void date_to_ymd(sw_date date, int *y, int *m, int *d);

/* Strict YYYY-MM-DD within [DATE_MIN_YEAR, DATE_MAX_YEAR]; returns 0 on
 * success, -1 on anything else (including 2023-02-29). */
int date_parse(const char *s, sw_date *out);

/* Writes "YYYY-MM-DD" (or "" for DATE_NONE) into buf[DATE_STRLEN]. */
void date_format(sw_date date, char buf[DATE_STRLEN]);

/* ISO weekday: 1 = Monday .. 7 = Sunday. */
int date_weekday(sw_date date);

int date_days_in_month(int y, int m);

#endif
