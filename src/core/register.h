/* register.h - the employee register (DOMAIN.md section 2a): the search
 * terms of a person, and the CSV of an HR system export.
 *
 * Pure. Search is a prefix match on the personnel number and on every word
 * of the name, ignoring case and accents: the store keeps one term per word
 * (register_terms) and compares a folded query (register_fold) as a range
 * [q, q + 1), which both databases serve from an index. */
#ifndef SW_REGISTER_H
#define SW_REGISTER_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "error.h"

#define REGISTER_TERM_MAX 64     /* bytes of one term, NUL included */
#define REGISTER_TERMS_MAX 12    /* terms of one person */

/* Lower case, accents of Latin letters removed (é -> e, ş -> s), other
 * characters kept; at most outsz - 1 bytes, never a cut UTF-8 sequence. */
void register_fold(const char *in, char *out, size_t outsz);

/* The terms of a person: the folded personnel number and every word of the
 * folded name (split at every ASCII character that is not a letter or a
 * digit), without duplicates. Returns how many were written. */
size_t register_terms(const char *name, const char *number,
		      char terms[REGISTER_TERMS_MAX][REGISTER_TERM_MAX]);

/* The words of a search query, folded and split as the terms are: the
 * longest into words[0] (it narrows the search most), the next longest into
 * words[1] (a second condition), "" where there is none. "Sanne de Vries"
 * searches sanne* and vries*. Returns how many words were written (0..2). */
size_t register_query_words(const char *q, char words[2][REGISTER_TERM_MAX]);

/* The exclusive upper bound of the prefix range of q: q with its last
 * byte raised by one (q must not be empty; 0xFF bytes do not occur in
 * UTF-8). */
void register_prefix_end(const char *q, char *out, size_t outsz);

/* ---- CSV of an HR export ------------------------------------------------- */

enum register_col {
	REG_PERSONEELSNUMMER = 0,
	REG_NAAM,
	REG_GEBOORTEDATUM,
	REG_AFDELING,
	REG_LEIDINGGEVENDE,          /* the manager's personnel number */
	REG_EMAIL,
	REG_DATUM_IN_DIENST,
	REG_DATUM_UIT_DIENST,
	REG_CONTRACTUREN,
	REG_NORMUREN,
	REG_FUNCTIE,
	REG_COL__COUNT
};

/* The header name of a column ("personeelsnummer", ...). */
const char *register_col_name(enum register_col c);

/* One data line, pointing into the parser's buffer. Empty optional cells
 * are NULL / DATE_NONE / 0. */
struct register_row {
	size_t line;                     /* 1-based line of the file */
	const char *cells[REG_COL__COUNT];
	sw_date birth_date;
	sw_date from;
	sw_date until;
	double contract_hours;
	double norm_hours;
};

/* A refusal of one line: which line, which column (header name, or ""
 * for the whole line) and why. */
struct register_problem {
	size_t line;
	char field[32];
	char message[160];
};

/* The parser over a whole file in memory (modified in place: cells are cut
 * out of it). */
struct register_csv {
	char *buf;
	size_t len, pos;
	size_t line;                     /* lines read so far */
	size_t row_line;                 /* the line the current row starts on */
	char sep;                        /* ';' or ',', from the header */
	int col_of[REG_COL__COUNT];      /* file column of each, -1 when absent */
	int ncols;
};

/* Reads the header (BOM skipped, separator ';' or ',' detected, names
 * matched ignoring case and spaces). A required column missing, an unknown
 * or twice-named column is -1 with err naming it (field: the column,
 * message says line 1). */
int register_csv_open(struct register_csv *p, char *buf, size_t len, struct sw_error *err);

/* The next data line into *row: 1, 0 at the end. A line that cannot be
 * used (wrong number of cells, a bad date or number, a required cell
 * empty, contract hours above the norm) is 1 with *problem filled
 * (problem->line != 0); the caller collects those. */
int register_csv_next(struct register_csv *p, struct register_row *row,
		      struct register_problem *problem);

#endif
