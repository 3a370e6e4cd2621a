/* test_csv.c - the CSV writer byte for byte, the formula guard, and a
 * round trip of both listings through a strict RFC 4180 reader that lives
 * here only (no parser dependency in the product). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "export/csv.h"

static sw_date D(const char *s)
{
	sw_date d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

/* ---- a strict RFC 4180 reader ------------------------------------------
 * Records end in CRLF (the last one may not); a field is either bare (no
 * quote, CR or LF in it) or quoted, with "" for a quote, and a closing
 * quote must be followed by the delimiter or the end of the record.
 * Anything else is an error, so a sloppy writer cannot pass. */

#define MAX_FIELDS 16
#define MAX_RECORDS 128

struct table {
	size_t nrec;
	size_t nfields[MAX_RECORDS];
	char *f[MAX_RECORDS][MAX_FIELDS];
};

static void table_free(struct table *t)
{
	for (size_t r = 0; r < t->nrec; r++)
		for (size_t i = 0; i < t->nfields[r]; i++)
			free(t->f[r][i]);
}

/* Returns 0, or -1 naming the offset of the first violation in *at. */
static int csv_read(const char *s, size_t len, char delim, struct table *t, size_t *at)
{
	const char *p = s, *end = s + len;
	memset(t, 0, sizeof *t);
	while (p < end) {
		if (t->nrec == MAX_RECORDS)
			goto bad;
		size_t r = t->nrec++;
		for (;;) {
			if (t->nfields[r] == MAX_FIELDS)
				goto bad;
			char *buf = malloc(len + 1);
			size_t n = 0;
			t->f[r][t->nfields[r]++] = buf;
			if (p < end && *p == '"') {
				for (p++;; p++) {
					if (p == end) {
						buf[n] = '\0';
						goto bad;
					}
					if (*p == '"') {
						if (p + 1 < end && p[1] == '"')
							p++;
						else
							break;
					}
					buf[n++] = *p;
				}
				p++;
			} else {
				for (; p < end && *p != delim && *p != '\r' && *p != '\n'; p++) {
					if (*p == '"') {
						buf[n] = '\0';
						goto bad;
					}
					buf[n++] = *p;
				}
			}
			buf[n] = '\0';
			if (p == end)
				return 0;
			if (*p == delim) {
				p++;
				continue;
			}
			if (p + 1 < end && p[0] == '\r' && p[1] == '\n') {
				p += 2;
				break;
			}
			goto bad;   /* bare CR or LF, or junk after a closing quote */
		}
	}
	return 0;
bad:
	*at = (size_t)(p - s);
	return -1;
}

/* ---- helpers -------------------------------------------------------- */

struct mem {
	char *buf;
	size_t len;
	FILE *f;
};

static void mem_open(struct mem *m)
{
	m->buf = NULL;
	m->len = 0;
	m->f = open_memstream(&m->buf, &m->len);
	assert_non_null(m->f);
}

static void mem_close(struct mem *m)
{
	assert_int_equal(fclose(m->f), 0);
}

/* Writes one row of text fields and returns the bytes. */
static char *row_bytes(const struct csv_options *opt, const char *const *fields, size_t n)
{
	struct mem m;
	mem_open(&m);
	struct csv_writer w;
	csv_begin(&w, m.f, opt);
	for (size_t i = 0; i < n; i++)
		csv_field(&w, fields[i]);
	csv_end_row(&w);
	assert_int_equal(csv_finish(&w, NULL), 0);
	mem_close(&m);
	return m.buf;
}

static void expect_row(const struct csv_options *opt, const char *const *fields, size_t n,
		       const char *want)
{
	char *got = row_bytes(opt, fields, n);
	assert_string_equal(got, want);
	free(got);
}

/* ---- tests ---------------------------------------------------------- */

static void test_quoting(void **state)
{
	(void)state;
	const char *f[] = { "plain", "a,b", "zeg \"hoi\"", "regel 1\r\nregel 2", "lf\nonly", "cr\ronly",
			    "", NULL, "a;b", "Zoë Ëlsen" };
	expect_row(NULL, f, 10,
		   "plain,\"a,b\",\"zeg \"\"hoi\"\"\",\"regel 1\r\nregel 2\",\"lf\nonly\",\"cr\ronly\",,,"
		   "a;b,Zoë Ëlsen\r\n");
	/* A record is one CRLF-terminated line; an empty record is just that. */
	expect_row(NULL, NULL, 0, "\r\n");
}

static void test_semicolon_and_bom(void **state)
{
	(void)state;
	const struct csv_options nl = { .delimiter = ';', .bom = 1 };
	const char *f[] = { "a,b", "a;b", "3,5" };
	expect_row(&nl, f, 3, "\xEF\xBB\xBF" "a,b;\"a;b\";3,5\r\n");
}

static void test_formula_guard(void **state)
{
	(void)state;
	const char *f[] = { "=1+1", "+31 6 1234", "-2", "@SUM(A1)", "\tx", "\r=1", "a=b", "'ok" };
	expect_row(NULL, f, 8, "'=1+1,'+31 6 1234,'-2,'@SUM(A1),'\tx,\"'\r=1\",a=b,'ok\r\n");
	/* The guard goes inside the quotes, where a spreadsheet sees it. */
	const char *g[] = { "=HYPERLINK(\"http://x\",\"klik\")" };
	expect_row(NULL, g, 1, "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"\r\n");

	const struct csv_options raw = { .allow_formulas = 1 };
	expect_row(&raw, f, 3, "=1+1,+31 6 1234,-2\r\n");

	/* Our own numbers are not user text: -5 stays a number. */
	struct mem m;
	mem_open(&m);
	struct csv_writer w;
	csv_begin(&w, m.f, NULL);
	csv_field_int(&w, -5);
	csv_field_date(&w, D("2025-01-06"));
	csv_field_date(&w, DATE_NONE);
	csv_end_row(&w);
	assert_int_equal(csv_finish(&w, NULL), 0);
	mem_close(&m);
	assert_string_equal(m.buf, "-5,2025-01-06,\r\n");
	free(m.buf);
}

/* What a reader gets back for a text field: the original, with the guard's
 * apostrophe in front when it looked like a formula. */
static void expect_field(const char *got, const char *orig)
{
	char want[256];
	const int guarded = orig[0] != '\0' && strchr("=+-@\t\r", orig[0]) != NULL;
	snprintf(want, sizeof want, "%s%s", guarded ? "'" : "", orig);
	assert_string_equal(got, want);
}

static void test_cases_round_trip(void **state)
{
	(void)state;
	const struct csv_case_row rows[] = {
		{ 12, "Jan de Vries", "Bakkerij Jansen, Utrecht", D("2025-01-06"), 9, "actief",
		  "plan_van_aanpak", D("2025-03-03"), "open", 1 },
		{ 7, "=cmd|' /C calc'!A0", "\"Café\"; B&B <Noord>\r\nVestiging 2", D("2024-11-04"), 0,
		  "gesloten", NULL, DATE_NONE, NULL, 0 },
		{ 31, "Zoë Ëlsen", "-Min BV", D("2025-01-13"), 7, "actief", "probleemanalyse",
		  D("2025-02-24"), "te laat", 2 },
	};
	const size_t n = sizeof rows / sizeof rows[0];
	for (int semi = 0; semi <= 1; semi++) {
		const struct csv_options opt = { .delimiter = semi ? ';' : ',', .bom = semi };
		struct mem m;
		mem_open(&m);
		struct sw_error err = { 0 };
		assert_int_equal(csv_export_cases(m.f, &opt, rows, n, &err), 0);
		mem_close(&m);

		const size_t skip = semi ? 3 : 0;
		if (semi)
			assert_memory_equal(m.buf, "\xEF\xBB\xBF", 3);
		struct table t;
		size_t at = 0;
		if (csv_read(m.buf + skip, m.len - skip, opt.delimiter, &t, &at) != 0)
			fail_msg("not RFC 4180 at byte %zu: %s", at, m.buf + skip + at);
		assert_int_equal(t.nrec, n + 1);
		assert_string_equal(t.f[0][0], "zaak");
		assert_string_equal(t.f[0][9], "aantal_te_laat");
		for (size_t r = 0; r < n; r++) {
			char buf[32];
			assert_int_equal(t.nfields[r + 1], 10);
			snprintf(buf, sizeof buf, "%lld", rows[r].id);
			assert_string_equal(t.f[r + 1][0], buf);
			expect_field(t.f[r + 1][1], rows[r].werknemer);
			expect_field(t.f[r + 1][2], rows[r].organisation);
			date_format(rows[r].first_sick_day, buf);
			assert_string_equal(t.f[r + 1][3], buf);
			expect_field(t.f[r + 1][6], rows[r].next_code ? rows[r].next_code : "");
			date_format(rows[r].next_due, buf);
			assert_string_equal(t.f[r + 1][7], buf);
			snprintf(buf, sizeof buf, "%d", rows[r].overdue);
			assert_string_equal(t.f[r + 1][9], buf);
		}
		assert_string_equal(t.f[2][1], "'=cmd|' /C calc'!A0");
		table_free(&t);
		free(m.buf);
	}
}

static void test_deadlines_from_timeline(void **state)
{
	(void)state;
	struct tl_period p[1] = { { D("2025-01-06"), DATE_NONE, 100 } };
	struct tl_event ev[] = { { TL_EV_ZIEKMELDING_ARBODIENST, D("2025-01-08"), 0 } };
	struct tl_input in = { p, 1, ev, 1, NULL, 0, D("2025-03-01") };
	struct tl_timeline tl;
	assert_int_equal(tl_compute(&in, &tl, NULL), TL_OK);

	struct csv_deadline_row rows[TL_MAX_DEADLINES];
	const size_t n = csv_deadline_rows(42, &tl, rows);
	assert_int_equal(n, tl.n);

	struct mem m;
	mem_open(&m);
	const struct csv_options opt = { .delimiter = ';' };
	assert_int_equal(csv_export_deadlines(m.f, &opt, rows, n, NULL), 0);
	mem_close(&m);

	struct table t;
	size_t at = 0;
	if (csv_read(m.buf, m.len, ';', &t, &at) != 0)
		fail_msg("not RFC 4180 at byte %zu", at);
	assert_int_equal(t.nrec, n + 1);
	for (size_t i = 0; i < n; i++) {
		const struct tl_deadline *d = &tl.items[i];
		char **f = t.f[i + 1], buf[DATE_STRLEN];
		assert_int_equal(t.nfields[i + 1], 10);
		assert_string_equal(f[0], "42");
		assert_string_equal(f[1], tl_code_name(d->code));
		assert_string_equal(f[3], tl.rules->steps[d->code].title_nl);
		date_format(d->due, buf);
		assert_string_equal(f[4], buf);
		date_format(d->due_effective, buf);
		assert_string_equal(f[5], buf);
		assert_string_equal(f[6], tl_status_name(d->status));
		date_format(d->done, buf);
		assert_string_equal(f[7], buf);
	}
	/* Plan van aanpak: both parties, joined inside one field. */
	for (size_t i = 0; i < n; i++)
		if (tl.items[i].code == TL_PLAN_VAN_AANPAK)
			assert_string_equal(t.f[i + 1][9], "werknemer, werkgever");
	/* Line ends: every LF is part of a CRLF. */
	for (size_t i = 0; i < m.len; i++)
		if (m.buf[i] == '\n')
			assert_true(i > 0 && m.buf[i - 1] == '\r');
	table_free(&t);
	free(m.buf);
}

/* The reader is part of the proof, so it must itself reject bad input. */
static void test_reader_is_strict(void **state)
{
	(void)state;
	static const char *const bad[] = { "a\nb\r\n", "a\"b\r\n", "\"a\"b\r\n", "\"open\r\n", "a\rb" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct table t;
		size_t at;
		assert_int_equal(csv_read(bad[i], strlen(bad[i]), ',', &t, &at), -1);
		table_free(&t);
	}
}

static void test_write_error(void **state)
{
	(void)state;
	FILE *full = fopen("/dev/full", "w");
	if (full == NULL)
		skip();
	const struct csv_case_row row = { 1, "x", "y", D("2025-01-06"), 1, "actief", NULL, DATE_NONE,
					  NULL, 0 };
	struct sw_error err = { 0 };
	assert_int_equal(csv_export_cases(full, NULL, &row, 1, &err), -1);
	assert_int_equal(err.code, SW_EINTERNAL);
	fclose(full);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_semicolon_and_bom),
		cmocka_unit_test(test_formula_guard),
		cmocka_unit_test(test_cases_round_trip),
		cmocka_unit_test(test_deadlines_from_timeline),
		cmocka_unit_test(test_reader_is_strict),
		cmocka_unit_test(test_write_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
