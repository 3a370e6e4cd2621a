/* csv.h - RFC 4180 CSV for spreadsheet users: a field writer and the two
 * listings the API offers (cases, deadlines).
 *
 * Written for Excel as used in the Netherlands: a Dutch locale takes ';' as
 * the list separator and reads a file as ANSI unless it starts with a UTF-8
 * byte order mark, hence both options. Fields that a spreadsheet would run
 * as a formula are defused (OWASP "CSV injection"): user text such as a
 * name "=HYPERLINK(...)" gets a leading apostrophe.
 *
 * Everything writes to a FILE*; for a buffer to hand to the HTTP layer use
 * open_memstream() (the buffer is then the caller's to free()). */
#ifndef SW_CSV_H
#define SW_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "core/date.h"
#include "core/error.h"
#include "core/timeline.h"

struct csv_options {
	char delimiter;        /* ',' (RFC 4180) or ';' (Excel-NL); 0 means ',' */
	int bom;               /* start with EF BB BF */
	int allow_formulas;    /* 1 disables the formula guard (machine consumers) */
};

/* Streams fields to out; the caller owns out. Write errors are sticky and
 * reported once by csv_finish, so exporters need not check every field. */
struct csv_writer {
	FILE *out;
	char delimiter;
	int guard;
	size_t col;      /* fields written in the current row */
};

/* Writes the BOM when asked. opt may be NULL for plain RFC 4180. */
void csv_begin(struct csv_writer *w, FILE *out, const struct csv_options *opt);

/* A text field; NULL is written as an empty field. Quoted when it holds the
 * delimiter, '"', CR or LF; guarded when it starts like a formula. */
void csv_field(struct csv_writer *w, const char *s);

/* Fields that are ours, not user text, so the formula guard does not apply
 * (a negative number must stay a number). */
void csv_field_int(struct csv_writer *w, long long v);
void csv_field_date(struct csv_writer *w, sw_date date);   /* YYYY-MM-DD or empty */

/* Ends the record with CRLF. */
void csv_end_row(struct csv_writer *w);

/* Flushes; returns 0, or -1 with err set when any write failed. */
int csv_finish(struct csv_writer *w, struct sw_error *err);

/* One line of the case listing; the API layer fills it. Strings are
 * borrowed for the duration of the call. */
struct csv_case_row {
	long long id;
	const char *werknemer;       /* name of the employee */
	const char *organisation;
	sw_date first_sick_day;
	int week;                    /* current sick week */
	const char *status;          /* case status, API value */
	const char *next_code;       /* tl_code name of the next deadline, NULL if none */
	sw_date next_due;            /* its due_effective */
	const char *next_status;     /* tl_status_name() */
	int overdue;                 /* deadlines with status "te laat" */
};

/* One deadline of a case. */
struct csv_deadline_row {
	long long case_id;
	const char *code;            /* tl_code name */
	int seq;
	const char *title;           /* Dutch step title */
	sw_date due;
	sw_date due_effective;
	const char *status;          /* tl_status_name() */
	sw_date done;
	sw_date agreed_due;
	unsigned responsible;        /* ROLE_BIT() set */
};

/* Header line plus one record per row. Return as csv_finish. */
int csv_export_cases(FILE *out, const struct csv_options *opt,
		     const struct csv_case_row *rows, size_t n, struct sw_error *err);
int csv_export_deadlines(FILE *out, const struct csv_options *opt,
			 const struct csv_deadline_row *rows, size_t n, struct sw_error *err);

/* Fills rows[0 .. tl->n) from a computed timeline; rows must hold
 * TL_MAX_DEADLINES. The strings point into static rule data. Returns tl->n. */
size_t csv_deadline_rows(long long case_id, const struct tl_timeline *tl,
			 struct csv_deadline_row *rows);

#endif
