/* register.c - search terms and the CSV of the employee register
 * (register.h). The CSV reader is RFC 4180 (quoted cells with "" escapes
 * and line breaks) with what HR exports add: a UTF-8 byte order mark, ';'
 * as separator (Excel in Dutch) or ',', CRLF or LF lines. */
#include "register.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- folding and terms ----------------------------------------------------- */

/* U+00C0..U+00FF without their accents, lower case ('?' stays as is). */
static const char latin1[64] = "aaaaaaaceeeeiiiidnooooo?ouuuuyts"
			       "aaaaaaaceeeeiiiidnooooo?ouuuuyty";

/* A few letters of Latin Extended-A that Dutch registers meet (Turkish,
 * Polish, Czech names): the second byte after 0xC4 / 0xC5. */
static char latin_ext(unsigned char b0, unsigned char b1)
{
	static const struct { unsigned char b0, b1; char c; } map[] = {
		{ 0xC4, 0x9E, 'g' }, { 0xC4, 0x9F, 'g' }, { 0xC4, 0xB0, 'i' }, { 0xC4, 0xB1, 'i' },
		{ 0xC5, 0x9E, 's' }, { 0xC5, 0x9F, 's' }, { 0xC5, 0xA0, 's' }, { 0xC5, 0xA1, 's' },
		{ 0xC4, 0x8C, 'c' }, { 0xC4, 0x8D, 'c' }, { 0xC4, 0x86, 'c' }, { 0xC4, 0x87, 'c' },
		{ 0xC5, 0x81, 'l' }, { 0xC5, 0x82, 'l' }, { 0xC5, 0xBD, 'z' }, { 0xC5, 0xBE, 'z' },
		{ 0xC5, 0x90, 'o' }, { 0xC5, 0x91, 'o' }, { 0xC5, 0xB0, 'u' }, { 0xC5, 0xB1, 'u' },
		{ 0xC4, 0x98, 'e' }, { 0xC4, 0x99, 'e' }, { 0xC4, 0x84, 'a' }, { 0xC4, 0x85, 'a' },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].b0 == b0 && map[i].b1 == b1)
			return map[i].c;
	return 0;
}

/* Length of the UTF-8 sequence starting with b (1 for a stray byte). */
static size_t seq_len(unsigned char b)
{
	return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}

void register_fold(const char *in, char *out, size_t outsz)
{
	size_t k = 0;
	const unsigned char *p = (const unsigned char *)(in != NULL ? in : "");
	while (*p != '\0') {
		char c = 0;
		size_t n = seq_len(*p);
		for (size_t i = 1; i < n; i++)
			if (p[i] == '\0')
				n = i;
		if (n == 1)
			c = (char)tolower(*p);
		else if (n == 2 && *p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF &&
			 latin1[p[1] - 0x80] != '?')
			c = latin1[p[1] - 0x80];
		else if (n == 2)
			c = latin_ext(p[0], p[1]);
		const size_t w = c != 0 ? 1 : n;
		if (k + w >= outsz)
			break;
		if (c != 0)
			out[k++] = c;
		else
			for (size_t i = 0; i < n; i++)
				out[k++] = (char)p[i];
		p += n;
	}
	if (outsz > 0)
		out[k] = '\0';
}

static size_t add_term(char terms[REGISTER_TERMS_MAX][REGISTER_TERM_MAX], size_t n,
		       const char *t, size_t len)
{
	if (len == 0 || n == REGISTER_TERMS_MAX)
		return n;
	if (len >= REGISTER_TERM_MAX)
		len = REGISTER_TERM_MAX - 1;
	for (size_t i = 0; i < n; i++)
		if (strncmp(terms[i], t, len) == 0 && terms[i][len] == '\0')
			return n;
	memcpy(terms[n], t, len);
	terms[n][len] = '\0';
	return n + 1;
}

/* Words of a name are split at every ASCII character that is not a letter
 * or digit (spaces, hyphens, quotes, brackets, ...); a folded letter
 * outside ASCII stays part of its word. */
static int is_separator(char c)
{
	const unsigned char u = (unsigned char)c;
	return u < 0x80 && !isalnum(u);
}

size_t register_terms(const char *name, const char *number,
		      char terms[REGISTER_TERMS_MAX][REGISTER_TERM_MAX])
{
	char folded[512];
	size_t n = 0;
	register_fold(number, folded, sizeof folded);
	n = add_term(terms, n, folded, strlen(folded));
	register_fold(name, folded, sizeof folded);
	for (const char *p = folded; *p != '\0';) {
		size_t len = 0;
		while (p[len] != '\0' && !is_separator(p[len]))
			len++;
		n = add_term(terms, n, p, len);
		p += len;
		while (*p != '\0' && is_separator(*p))
			p++;
	}
	return n;
}

size_t register_query_words(const char *q, char words[2][REGISTER_TERM_MAX])
{
	char folded[512];
	size_t lens[2] = { 0, 0 };
	words[0][0] = words[1][0] = '\0';
	register_fold(q, folded, sizeof folded);
	for (const char *p = folded; *p != '\0';) {
		size_t len = 0;
		while (p[len] != '\0' && !is_separator(p[len]))
			len++;
		if (len >= REGISTER_TERM_MAX)
			len = REGISTER_TERM_MAX - 1;
		const size_t at = len > lens[0] ? 0 : len > lens[1] ? 1 : 2;
		if (at == 0) {
			memcpy(words[1], words[0], sizeof words[0]);
			lens[1] = lens[0];
		}
		if (at < 2) {
			memcpy(words[at], p, len);
			words[at][len] = '\0';
			lens[at] = len;
		}
		p += len;
		while (*p != '\0' && is_separator(*p))
			p++;
	}
	return (lens[0] > 0) + (lens[1] > 0);
}

void register_prefix_end(const char *q, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s", q);
	const size_t len = strlen(out);
	if (len > 0)
		out[len - 1] = (char)((unsigned char)out[len - 1] + 1);
}

/* ---- CSV ------------------------------------------------------------------- */

static const char *const col_names[REG_COL__COUNT] = {
	[REG_PERSONEELSNUMMER] = "personeelsnummer",
	[REG_NAAM] = "naam",
	[REG_GEBOORTEDATUM] = "geboortedatum",
	[REG_AFDELING] = "afdeling",
	[REG_LEIDINGGEVENDE] = "leidinggevende",
	[REG_EMAIL] = "email",
	[REG_DATUM_IN_DIENST] = "datum_in_dienst",
	[REG_DATUM_UIT_DIENST] = "datum_uit_dienst",
	[REG_CONTRACTUREN] = "contracturen",
	[REG_NORMUREN] = "normuren",
	[REG_FUNCTIE] = "functie",
};

/* Every line names these; the others may be left out of the file. */
static const int required[REG_COL__COUNT] = {
	[REG_PERSONEELSNUMMER] = 1, [REG_NAAM] = 1, [REG_DATUM_IN_DIENST] = 1,
	[REG_CONTRACTUREN] = 1, [REG_NORMUREN] = 1,
};

const char *register_col_name(enum register_col c)
{
	return (unsigned)c < REG_COL__COUNT ? col_names[c] : "";
}

#define MAX_CELLS 64

/* Cuts the next line's cells out of the buffer (in place, unquoted,
 * NUL-terminated) into cells; *n is their number. 0 at the end of the
 * file, -1 for an unterminated quote. */
static int read_line(struct register_csv *p, char **cells, int *n)
{
	*n = 0;
	if (p->pos >= p->len)
		return 0;
	p->line++;
	p->row_line = p->line;
	char *w = p->buf + p->pos;
	cells[(*n)++] = w;
	int quoted = 0;
	while (p->pos < p->len) {
		char c = p->buf[p->pos++];
		if (quoted) {
			if (c == '"' && p->pos < p->len && p->buf[p->pos] == '"') {
				*w++ = '"';
				p->pos++;
			} else if (c == '"') {
				quoted = 0;
			} else {
				if (c == '\n')
					p->line++;
				*w++ = c;
			}
			continue;
		}
		if (c == '"') {
			quoted = 1;
		} else if (c == p->sep) {
			*w++ = '\0';
			if (*n < MAX_CELLS)
				cells[(*n)++] = w;
		} else if (c == '\n') {
			break;
		} else if (c != '\r') {
			*w++ = c;
		}
	}
	*w = '\0';
	return quoted ? -1 : 1;
}

/* The header name normalised: lower case, spaces and '-' as '_'. */
static void header_key(const char *in, char *out, size_t outsz)
{
	size_t k = 0;
	for (; *in == ' '; in++)
		;
	for (; *in != '\0' && k + 1 < outsz; in++)
		out[k++] = *in == ' ' || *in == '-' ? '_' : (char)tolower((unsigned char)*in);
	while (k > 0 && out[k - 1] == '_')
		k--;
	out[k] = '\0';
}

int register_csv_open(struct register_csv *p, char *buf, size_t len, struct sw_error *err)
{
	memset(p, 0, sizeof *p);
	p->buf = buf;
	p->len = len;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		p->pos = 3;
	const size_t eol = strcspn(buf + p->pos, "\n");
	const char *semi = memchr(buf + p->pos, ';', eol);
	p->sep = semi != NULL ? ';' : ',';
	for (int i = 0; i < REG_COL__COUNT; i++)
		p->col_of[i] = -1;
	char *cells[MAX_CELLS];
	int n;
	if (read_line(p, cells, &n) <= 0)
		return sw_error_set(err, SW_EINVAL, "line 1", "no header line");
	for (int i = 0; i < n; i++) {
		char key[64];
		header_key(cells[i], key, sizeof key);
		int c = 0;
		while (c < REG_COL__COUNT && strcmp(key, col_names[c]) != 0)
			c++;
		if (c == REG_COL__COUNT)
			return sw_error_set(err, SW_EINVAL, "line 1",
					    "unknown column '%.60s' (column %d)", cells[i], i + 1);
		if (p->col_of[c] >= 0)
			return sw_error_set(err, SW_EINVAL, "line 1", "column %s twice", col_names[c]);
		p->col_of[c] = i;
	}
	for (int c = 0; c < REG_COL__COUNT; c++)
		if (required[c] && p->col_of[c] < 0)
			return sw_error_set(err, SW_EINVAL, "line 1", "missing column %s",
					    col_names[c]);
	p->ncols = n;
	return 0;
}

static int problem(struct register_problem *pr, size_t line, enum register_col c,
		   const char *fmt, const char *arg)
{
	pr->line = line;
	snprintf(pr->field, sizeof pr->field, "%s", c < REG_COL__COUNT ? col_names[c] : "");
	snprintf(pr->message, sizeof pr->message, fmt, arg);
	return 1;
}

static int date_cell(const char *s, sw_date *out)
{
	*out = DATE_NONE;
	return s == NULL || date_parse(s, out) == 0 ? 0 : -1;
}

/* Hours per week: "36", "36.5" or "36,5"; 0 < h <= 168. */
static int hours_cell(const char *s, double *out)
{
	char tmp[32], *end;
	if (s == NULL || strlen(s) >= sizeof tmp)
		return -1;
	snprintf(tmp, sizeof tmp, "%s", s);
	char *comma = strchr(tmp, ',');
	if (comma != NULL)
		*comma = '.';
	const double v = strtod(tmp, &end);
	if (end == tmp || *end != '\0' || !isfinite(v) || v <= 0 || v > 168)
		return -1;
	*out = v;
	return 0;
}

/* Well-formed UTF-8 (no overlong forms, surrogates or code points past
 * U+10FFFF) without control characters other than tab and the line breaks
 * a quoted cell may hold. */
static bool text_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p != '\0') {
		const unsigned c = *p;
		const int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
			      : (c & 0xF8) == 0xF0 ? 4 : 0;
		if (len == 0 || (len == 1 && ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)))
			return false;
		uint32_t cp = len == 1 ? c : c & (0x7Fu >> len);
		for (int i = 1; i < len; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return false;
			cp = cp << 6 | (p[i] & 0x3Fu);
		}
		static const uint32_t min_cp[5] = { 0, 0, 0x80, 0x800, 0x10000 };
		if (cp < min_cp[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		p += len;
	}
	return true;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

int register_csv_next(struct register_csv *p, struct register_row *row,
		      struct register_problem *pr)
{
	char *cells[MAX_CELLS];
	int n, rc;
	memset(pr, 0, sizeof *pr);
	do {
		rc = read_line(p, cells, &n);
	} while (rc == 1 && n == 1 && *trim(cells[0]) == '\0');  /* blank lines */
	if (rc == 0)
		return 0;
	memset(row, 0, sizeof *row);
	row->line = p->row_line;
	if (rc < 0)
		return problem(pr, row->line, REG_COL__COUNT, "%s", "a quote is not closed");
	if (n != p->ncols) {
		char what[32];
		snprintf(what, sizeof what, "%d", n);
		pr->line = row->line;
		snprintf(pr->message, sizeof pr->message, "%s cells, the header has %d", what,
			 p->ncols);
		return 1;
	}
	for (int c = 0; c < REG_COL__COUNT; c++) {
		char *v = p->col_of[c] >= 0 ? trim(cells[p->col_of[c]]) : NULL;
		row->cells[c] = v != NULL && *v != '\0' ? v : NULL;
		if (required[c] && row->cells[c] == NULL)
			return problem(pr, row->line, (enum register_col)c, "%s", "required");
		if (row->cells[c] != NULL && !text_ok(row->cells[c]))
			return problem(pr, row->line, (enum register_col)c, "%s",
				       "not UTF-8 text (or a control character)");
	}
	if (strlen(row->cells[REG_PERSONEELSNUMMER]) > 32)
		return problem(pr, row->line, REG_PERSONEELSNUMMER, "%s", "at most 32 characters");
	if (strlen(row->cells[REG_NAAM]) > 200)
		return problem(pr, row->line, REG_NAAM, "%s", "at most 200 characters");
	static const enum register_col dates[] = { REG_GEBOORTEDATUM, REG_DATUM_IN_DIENST,
						   REG_DATUM_UIT_DIENST };
	sw_date *to[] = { &row->birth_date, &row->from, &row->until };
	for (size_t i = 0; i < 3; i++)
		if (date_cell(row->cells[dates[i]], to[i]) != 0)
			return problem(pr, row->line, dates[i], "not a date (YYYY-MM-DD): '%.40s'",
				       row->cells[dates[i]]);
	if (row->until != DATE_NONE && row->until < row->from)
		return problem(pr, row->line, REG_DATUM_UIT_DIENST, "%s", "before datum_in_dienst");
	if (hours_cell(row->cells[REG_CONTRACTUREN], &row->contract_hours) != 0)
		return problem(pr, row->line, REG_CONTRACTUREN, "not hours per week: '%.40s'",
			       row->cells[REG_CONTRACTUREN]);
	if (hours_cell(row->cells[REG_NORMUREN], &row->norm_hours) != 0)
		return problem(pr, row->line, REG_NORMUREN, "not hours per week: '%.40s'",
			       row->cells[REG_NORMUREN]);
	if (row->contract_hours > row->norm_hours)
		return problem(pr, row->line, REG_CONTRACTUREN, "%s", "more than the normuren");
	return 1;
}
