/* test_register.c - core/register: folded search terms and the CSV of an
 * HR export (BOM, ';' and ',', quotes, a missing column, a bad date, hours
 * above the norm). Duplicates and managers across lines are checked by
 * the import (store), which sees the whole file and the register. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/register.h"

static void test_fold_and_terms(void **state)
{
	(void)state;
	char out[64];
	register_fold("Émile Brontë-Çelik", out, sizeof out);
	assert_string_equal(out, "emile bronte-celik");
	register_fold("Şükrü Yılmaz", out, sizeof out);
	assert_string_equal(out, "sukru yilmaz");
	register_fold("日本", out, sizeof out);
	assert_string_equal(out, "日本");
	register_fold("ééééé", out, 4);   /* room for three */
	assert_string_equal(out, "eee");
	char terms[REGISTER_TERMS_MAX][REGISTER_TERM_MAX];
	size_t n = register_terms("Jan-Willem van der Berg", "P-1042", terms);
	assert_int_equal(n, 6);
	assert_string_equal(terms[0], "p-1042");
	assert_string_equal(terms[1], "jan");
	assert_string_equal(terms[2], "willem");
	assert_string_equal(terms[3], "van");
	assert_string_equal(terms[4], "der");
	assert_string_equal(terms[5], "berg");
	n = register_terms("Anna  Anna", "anna", terms);  /* duplicates once */
	assert_int_equal(n, 1);
	/* Quotes, brackets and slashes split words like spaces do. */
	n = register_terms("Eef \"Eva\" de Vries (HR)/Zorg", "7", terms);
	assert_int_equal(n, 7);
	assert_string_equal(terms[1], "eef");
	assert_string_equal(terms[2], "eva");
	assert_string_equal(terms[5], "hr");
	assert_string_equal(terms[6], "zorg");
	char words[2][REGISTER_TERM_MAX];
	assert_int_equal(register_query_words("Sanne de Vriës", words), 2);
	assert_string_equal(words[0], "sanne");
	assert_string_equal(words[1], "vries");
	assert_int_equal(register_query_words("  1042 ", words), 1);
	assert_string_equal(words[0], "1042");
	assert_string_equal(words[1], "");
	assert_int_equal(register_query_words("' -", words), 0);
	assert_string_equal(words[0], "");
	register_prefix_end("ber", out, sizeof out);
	assert_string_equal(out, "bes");
}

/* Parses a file, collecting rows' personnel numbers and problems. */
struct result {
	int rows, problems;
	char numbers[8][32];
	struct register_problem first;
};

static int parse(const char *text, struct result *r, struct sw_error *err)
{
	static char buf[4096];
	snprintf(buf, sizeof buf, "%s", text);
	struct register_csv p;
	memset(r, 0, sizeof *r);
	if (register_csv_open(&p, buf, strlen(buf), err) != 0)
		return -1;
	struct register_row row;
	struct register_problem pr;
	while (register_csv_next(&p, &row, &pr) == 1) {
		if (pr.line != 0) {
			if (r->problems++ == 0)
				r->first = pr;
			continue;
		}
		if (r->rows < 8)
			snprintf(r->numbers[r->rows], 32, "%s", row.cells[REG_PERSONEELSNUMMER]);
		r->rows++;
	}
	return 0;
}

static void test_csv_ok(void **state)
{
	(void)state;
	struct result r;
	struct sw_error err = { 0 };
	/* BOM, ';', CRLF, a quoted name with the separator and a quote, a
	 * decimal comma, a blank line, columns in another order and case. */
	assert_int_equal(parse("\xEF\xBB\xBFPersoneelsnummer;Naam;Geboortedatum;Afdeling;"
			       "Leidinggevende;Datum in dienst;Contracturen;Normuren\r\n"
			       "1001;\"Vries; Sanne \"\"San\"\" de\";1988-04-02;Groen;1002;"
			       "2018-01-01;32,5;40\r\n"
			       "\r\n"
			       "1002;Mark Janssens;1975-01-31;Groen;;2014-09-01;40;40\r\n",
			       &r, &err), 0);
	assert_int_equal(r.problems, 0);
	assert_int_equal(r.rows, 2);
	assert_string_equal(r.numbers[0], "1001");
	/* ',' and LF, quoted line break, optional columns absent. */
	static char buf[512];
	snprintf(buf, sizeof buf,
		 "personeelsnummer,naam,datum_in_dienst,contracturen,normuren,functie\n"
		 "7,\"Anouk\nSmit\",2020-02-01,24,36,\"Planner, buitendienst\"\n");
	struct register_csv p;
	struct register_row row;
	struct register_problem pr;
	assert_int_equal(register_csv_open(&p, buf, strlen(buf), &err), 0);
	assert_int_equal(p.sep, ',');
	assert_int_equal(register_csv_next(&p, &row, &pr), 1);
	assert_int_equal(pr.line, 0);
	assert_string_equal(row.cells[REG_NAAM], "Anouk\nSmit");
	assert_string_equal(row.cells[REG_FUNCTIE], "Planner, buitendienst");
	assert_null(row.cells[REG_AFDELING]);
	assert_int_equal(row.birth_date, DATE_NONE);
	assert_true(row.contract_hours == 24.0 && row.norm_hours == 36.0);
	assert_int_equal(register_csv_next(&p, &row, &pr), 0);
}

static void test_csv_refusals(void **state)
{
	(void)state;
	struct result r;
	struct sw_error err = { 0 };
	/* A missing required column: the header line is refused. */
	assert_int_equal(parse("personeelsnummer;naam;datum_in_dienst;contracturen\n1;A;2020-01-01;8\n",
			       &r, &err), -1);
	assert_string_equal(err.field, "line 1");
	assert_non_null(strstr(err.message, "missing column normuren"));
	assert_int_equal(parse("personeelsnummer;naam;datum_in_dienst;contracturen;normuren;salaris\n",
			       &r, &err), -1);
	assert_non_null(strstr(err.message, "unknown column 'salaris'"));
	assert_int_equal(parse("naam;naam\n", &r, &err), -1);
	assert_non_null(strstr(err.message, "twice"));
	assert_int_equal(parse("", &r, &err), -1);

#define HEAD "personeelsnummer;naam;geboortedatum;datum_in_dienst;datum_uit_dienst;contracturen;normuren\n"
	/* Per line: a bad date, hours above the norm, a required cell empty,
	 * too few cells, an open quote; the good lines still parse. */
	assert_int_equal(parse(HEAD "1;A;1980-02-30;2020-01-01;;8;40\n"
			       "2;B;1980-01-01;2020-01-01;;41;40\n"
			       "3;;1980-01-01;2020-01-01;;8;40\n"
			       "4;D;1980-01-01\n"
			       "5;E;1980-01-01;2020-01-01;2019-12-31;8;40\n"
			       "6;F;;2020-01-01;;x;40\n"
			       "7;G;1980-01-01;2020-01-01;;8;40\n"
			       "8;\"H;1980-01-01;2020-01-01;;8;40\n",
			       &r, &err), 0);
	assert_int_equal(r.rows, 1);
	assert_string_equal(r.numbers[0], "7");
	assert_int_equal(r.problems, 7);
	assert_int_equal(r.first.line, 2);
	assert_string_equal(r.first.field, "geboortedatum");
	assert_non_null(strstr(r.first.message, "1980-02-30"));
	/* Each refusal names its field. */
	static const struct { const char *line, *field, *needle; } one[] = {
		{ "2;B;1980-01-01;2020-01-01;;41;40\n", "contracturen", "normuren" },
		{ "3;;1980-01-01;2020-01-01;;8;40\n", "naam", "required" },
		{ "4;D;1980-01-01\n", "", "3 cells, the header has 7" },
		{ "5;E;1980-01-01;2020-01-01;2019-12-31;8;40\n", "datum_uit_dienst", "before" },
		{ "6;F;;2020-01-01;;x;40\n", "contracturen", "not hours" },
		{ "8;\"H;1980-01-01\n", "", "quote" },
		{ "9;Z\xE9ro;1980-01-01;2020-01-01;;8;40\n", "naam", "UTF-8" },
		{ "10;\xC3\xA9\xC0\xAF;1980-01-01;2020-01-01;;8;40\n", "naam", "UTF-8" },
		{ "11;A\x01" "B;1980-01-01;2020-01-01;;8;40\n", "naam", "control" },
	};
	for (size_t i = 0; i < sizeof one / sizeof one[0]; i++) {
		char text[256];
		snprintf(text, sizeof text, HEAD "%s", one[i].line);
		assert_int_equal(parse(text, &r, &err), 0);
		assert_int_equal(r.problems, 1);
		assert_int_equal(r.first.line, 2);
		assert_string_equal(r.first.field, one[i].field);
		if (strstr(r.first.message, one[i].needle) == NULL)
			fail_msg("'%s' lacks '%s'", r.first.message, one[i].needle);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_and_terms),
		cmocka_unit_test(test_csv_ok),
		cmocka_unit_test(test_csv_refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
