/* holiday.h - the general holidays of the Algemene termijnenwet (art. 3) and
 * the "next working day" rule of its art. 1.
 *
 * A statutory period that ends on a Saturday, Sunday or one of these
 * holidays is extended to the next day that is none of them. */
#ifndef SW_HOLIDAY_H
#define SW_HOLIDAY_H

#include "date.h"

enum holiday {
	HOLIDAY_NONE = 0,
	HOLIDAY_NIEUWJAARSDAG,
	HOLIDAY_TWEEDE_PAASDAG,
	HOLIDAY_KONINGSDAG,
	HOLIDAY_BEVRIJDINGSDAG,
	HOLIDAY_HEMELVAARTSDAG,
	HOLIDAY_TWEEDE_PINKSTERDAG,
	HOLIDAY_EERSTE_KERSTDAG,
	HOLIDAY_TWEEDE_KERSTDAG,
};

/* Easter Sunday of year y (Gregorian, anonymous algorithm). */
sw_date holiday_easter(int y);

enum holiday holiday_of(sw_date date);

/* Dutch name of a holiday, "" for HOLIDAY_NONE. */
const char *holiday_name(enum holiday h);

/* 1 when date is a Saturday, Sunday or general holiday. */
int holiday_is_rest_day(sw_date date);

/* date itself when it is a working day, else the next working day. */
sw_date holiday_next_working_day(sw_date date);

#endif
