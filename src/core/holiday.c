/* holiday.c - computed, never tabulated, so every year works. */
#include "holiday.h"

sw_date holiday_easter(int y)
{
	const int a = y % 19;
	const int b = y / 100;
	const int c = y % 100;
	const int d = b / 4;
	const int e = b % 4;
	const int f = (b + 8) / 25;
	const int g = (b - f + 1) / 3;
	const int h = (19 * a + b - d - g + 15) % 30;
	const int i = c / 4;
	const int k = c % 4;
	const int l = (32 + 2 * e + 2 * i - h - k) % 7;
	const int m = (a + 11 * h + 22 * l) / 451;
	const int month = (h + l - 7 * m + 114) / 31;
	const int day = (h + l - 7 * m + 114) % 31 + 1;
	return date_from_ymd(y, month, day);
}

static enum holiday fixed_holiday(int y, int m, int d)
{
	if (m == 1 && d == 1)
		return HOLIDAY_NIEUWJAARSDAG;
	if (m == 5 && d == 5)
		return HOLIDAY_BEVRIJDINGSDAG;
	if (m == 12 && d == 25)
		return HOLIDAY_EERSTE_KERSTDAG;
	if (m == 12 && d == 26)
		return HOLIDAY_TWEEDE_KERSTDAG;
	if (m == 4 && (d == 26 || d == 27)) {
		/* Koningsdag is 27 April, or the 26th when the 27th is a Sunday
		 * (Wet vaststelling Koningsdag). Before 2014 it was Koninginnedag on
		 * 30 April (29 April when the 30th was a Sunday). */
		if (y < 2014)
			return HOLIDAY_NONE;
		const int sunday27 = date_weekday(date_from_ymd(y, 4, 27)) == 7;
		if ((d == 27 && !sunday27) || (d == 26 && sunday27))
			return HOLIDAY_KONINGSDAG;
	}
	if (m == 4 && (d == 29 || d == 30) && y < 2014) {
		const int sunday30 = date_weekday(date_from_ymd(y, 4, 30)) == 7;
		if ((d == 30 && !sunday30) || (d == 29 && sunday30))
			return HOLIDAY_KONINGSDAG;
	}
	return HOLIDAY_NONE;
}

enum holiday holiday_of(sw_date date)
{
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	enum holiday h = fixed_holiday(y, m, d);
	if (h != HOLIDAY_NONE || m < 3 || m > 6)
		return h;
	const int offset = date - holiday_easter(y);
	switch (offset) {
	case 1: return HOLIDAY_TWEEDE_PAASDAG;
	case 39: return HOLIDAY_HEMELVAARTSDAG;
	case 50: return HOLIDAY_TWEEDE_PINKSTERDAG;
	default: return HOLIDAY_NONE;
	}
}

const char *holiday_name(enum holiday h)
{
	switch (h) {
	case HOLIDAY_NIEUWJAARSDAG: return "Nieuwjaarsdag";
	case HOLIDAY_TWEEDE_PAASDAG: return "Tweede Paasdag";
	case HOLIDAY_KONINGSDAG: return "Koningsdag";
	case HOLIDAY_BEVRIJDINGSDAG: return "Bevrijdingsdag";
	case HOLIDAY_HEMELVAARTSDAG: return "Hemelvaartsdag";
	case HOLIDAY_TWEEDE_PINKSTERDAG: return "Tweede Pinksterdag";
	case HOLIDAY_EERSTE_KERSTDAG: return "Eerste Kerstdag";
	case HOLIDAY_TWEEDE_KERSTDAG: return "Tweede Kerstdag";
	case HOLIDAY_NONE: break;
	}
	return "";
}

int holiday_is_rest_day(sw_date date)
{
	return date_weekday(date) >= 6 || holiday_of(date) != HOLIDAY_NONE;
}

sw_date holiday_next_working_day(sw_date date)
{
	while (holiday_is_rest_day(date))
		date++;
	return date;
}
