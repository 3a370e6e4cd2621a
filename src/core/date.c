/* date.c - civil date arithmetic without time zones or libc time. */
#include "date.h"

#include <string.h>

sw_date date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	const int era = (y >= 0 ? y : y - 399) / 400;
	const int yoe = y - era * 400;
	const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (sw_date)(era * 146097 + doe - 719468);
}

void date_to_ymd(sw_date date, int *y, int *m, int *d)
{
	const int z = date + 719468;
	const int era = (z >= 0 ? z : z - 146096) / 146097;
	const int doe = z - era * 146097;
	const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

static int parse_digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_parse(const char *s, sw_date *out)
{
	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	const int y = parse_digits(s, 4);
	const int m = parse_digits(s + 5, 2);
	const int d = parse_digits(s + 8, 2);
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR || m < 1 || m > 12 || d < 1)
		return -1;
	if (d > date_days_in_month(y, m))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

void date_format(sw_date date, char buf[DATE_STRLEN])
{
	if (date == DATE_NONE) {
		buf[0] = '\0';
		return;
	}
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	/* Manual formatting: this runs for every deadline of every case in the
	 * signal run, where snprintf would dominate the profile. */
	buf[0] = (char)('0' + (y / 1000) % 10);
	buf[1] = (char)('0' + (y / 100) % 10);
	buf[2] = (char)('0' + (y / 10) % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
}

int date_weekday(sw_date date)
{
	/* 1970-01-01 was a Thursday (4). */
	int w = (int)((date % 7 + 7) % 7);
	return (w + 3) % 7 + 1;
}
