/* test_diff.c - the line/word diff: fixed cases written out by hand, the
 * caps, and a property test against a plain dynamic-programming LCS: for
 * random texts the hunks must rebuild both texts exactly and keep as many
 * lines equal as the longest common subsequence has. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/diff.h"

static struct diff *run(const char *a, const char *b)
{
	struct sw_error err;
	struct diff *d = diff_new(a, a ? strlen(a) : 0, b, b ? strlen(b) : 0, &err);
	if (d == NULL)
		fail_msg("diff_new: %s: %s", err.field, err.message);
	return d;
}

/* Appends n bytes to a growing string buffer. */
struct buf {
	char *s;
	size_t n, cap;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
	if (n > 0)
		memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

/* Checks that the hunks cover both texts in order without gaps and that
 * the word hunks of each change rebuild its two lines. */
static void check_cover(const char *a, const char *b, const struct diff *d)
{
	a = a ? a : "";
	b = b ? b : "";
	struct buf ra = { 0 }, rb = { 0 };
	put(&ra, "", 0);
	put(&rb, "", 0);
	size_t lines_a = 0, lines_b = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct diff_hunk *h = &d->hunks[i];
		assert_int_equal(h->word, 0);
		assert_int_equal(h->a_off, ra.n);
		assert_int_equal(h->b_off, rb.n);
		assert_int_equal(h->a_line, lines_a);
		assert_int_equal(h->b_line, lines_b);
		if (h->op == DIFF_EQUAL)
			assert_memory_equal(a + h->a_off, b + h->b_off, h->a_len);
		put(&ra, a + h->a_off, h->a_len);
		put(&rb, b + h->b_off, h->b_len);
		lines_a += h->a_lines;
		lines_b += h->b_lines;
		if (h->op != DIFF_CHANGE)
			continue;
		struct buf wa = { 0 }, wb = { 0 };
		put(&wa, "", 0);
		put(&wb, "", 0);
		for (; i + 1 < d->n && d->hunks[i + 1].word; i++) {
			const struct diff_hunk *w = &d->hunks[i + 1];
			assert_int_equal(w->a_off, h->a_off + wa.n);
			assert_int_equal(w->b_off, h->b_off + wb.n);
			put(&wa, a + w->a_off, w->a_len);
			put(&wb, b + w->b_off, w->b_len);
		}
		assert_int_equal(wa.n, h->a_len);
		assert_int_equal(wb.n, h->b_len);
		assert_memory_equal(wa.s, a + h->a_off, h->a_len);
		assert_memory_equal(wb.s, b + h->b_off, h->b_len);
		free(wa.s);
		free(wb.s);
	}
	assert_string_equal(ra.s, a ? a : "");
	assert_string_equal(rb.s, b ? b : "");
	assert_int_equal(lines_a, d->lines_a);
	assert_int_equal(lines_b, d->lines_b);
	free(ra.s);
	free(rb.s);
}

/* Renders a diff compactly: " x" equal lines, "-x" deleted, "+x" inserted,
 * "~" a changed line with [-old-]{+new+} words; one entry per hunk. */
static char *render(const char *a, const char *b, const struct diff *d)
{
	a = a ? a : "";
	b = b ? b : "";
	struct buf r = { 0 };
	put(&r, "", 0);
	for (size_t i = 0; i < d->n; i++) {
		const struct diff_hunk *h = &d->hunks[i];
		if (h->word) {
			if (h->op == DIFF_EQUAL) {
				put(&r, a + h->a_off, h->a_len);
			} else if (h->op == DIFF_DELETE) {
				put(&r, "[-", 2);
				put(&r, a + h->a_off, h->a_len);
				put(&r, "-]", 2);
			} else {
				put(&r, "{+", 2);
				put(&r, b + h->b_off, h->b_len);
				put(&r, "+}", 2);
			}
			continue;
		}
		switch (h->op) {
		case DIFF_EQUAL:
			put(&r, " ", 1);
			put(&r, a + h->a_off, h->a_len);
			break;
		case DIFF_DELETE:
			put(&r, "-", 1);
			put(&r, a + h->a_off, h->a_len);
			break;
		case DIFF_INSERT:
			put(&r, "+", 1);
			put(&r, b + h->b_off, h->b_len);
			break;
		case DIFF_CHANGE:
			put(&r, "~", 1);
			break;
		}
	}
	return r.s;
}

static void expect(const char *a, const char *b, const char *rendered)
{
	struct diff *d = run(a, b);
	check_cover(a, b, d);
	char *r = render(a, b, d);
	assert_string_equal(r, rendered);
	free(r);
	diff_free(d);
}

static void identical(void **state)
{
	(void)state;
	const char *t = "Doel: terugkeer in eigen werk\nActiviteiten: opbouw uren\n";
	struct diff *d = run(t, t);
	check_cover(t, t, d);
	assert_int_equal(d->n, 1);
	assert_int_equal(d->hunks[0].op, DIFF_EQUAL);
	assert_int_equal(d->hunks[0].a_lines, 2);
	assert_int_equal(d->deleted + d->inserted + d->changed, 0);
	diff_free(d);
}

static void empty_texts(void **state)
{
	(void)state;
	struct diff *d = run("", "");
	assert_int_equal(d->n, 0);
	assert_int_equal(d->lines_a + d->lines_b, 0);
	diff_free(d);
	d = run(NULL, NULL);
	assert_int_equal(d->n, 0);
	diff_free(d);
	expect("", "a\nb\n", "+a\nb\n");
	expect("a\nb\n", "", "-a\nb\n");
	expect(NULL, "x", "+x");
}

static void insert_only(void **state)
{
	(void)state;
	const char *a = "regel 1\nregel 2\nregel 3\n";
	const char *b = "regel 1\nnieuw A\nnieuw B\nregel 2\nregel 3\nslot\n";
	expect(a, b, " regel 1\n+nieuw A\nnieuw B\n regel 2\nregel 3\n+slot\n");
	struct diff *d = run(a, b);
	assert_int_equal(d->inserted, 3);
	assert_int_equal(d->deleted, 0);
	assert_int_equal(d->changed, 0);
	assert_int_equal(d->n, 4);
	assert_int_equal(d->hunks[1].b_line, 1);
	assert_int_equal(d->hunks[1].b_lines, 2);
	assert_int_equal(d->hunks[1].a_line, 1);
	assert_int_equal(d->hunks[1].a_lines, 0);
	diff_free(d);
}

static void delete_only(void **state)
{
	(void)state;
	const char *a = "kop\nweg 1\nblijft\nweg 2\nweg 3\n";
	const char *b = "kop\nblijft\n";
	expect(a, b, " kop\n-weg 1\n blijft\n-weg 2\nweg 3\n");
	struct diff *d = run(a, b);
	assert_int_equal(d->deleted, 3);
	assert_int_equal(d->inserted, 0);
	diff_free(d);
}

static void changed_line_by_word(void **state)
{
	(void)state;
	expect("Doel: werken in eigen functie.\n", "Doel: werken in andere functie.\n",
	       "~Doel: werken in [-eigen-]{+andere+} functie.\n");
	/* Punctuation is its own word; UTF-8 letters belong to words. */
	expect("Termijn: één maand.\n", "Termijn: één maand, daarna evaluatie.\n",
	       "~Termijn: één maand{+, daarna evaluatie+}.\n");
}

static void mixed(void **state)
{
	(void)state;
	const char *a = "Plan van aanpak\n"
			"Doel: terugkeer in eigen werk\n"
			"Activiteiten: opbouw van uren\n"
			"Evaluatie: elke 6 weken\n";
	const char *b = "Plan van aanpak\n"
			"Doel: werk bij een andere werkgever\n"
			"Activiteiten: opbouw van uren en loopbaanorientatie\n"
			"Tweede spoor: vanaf week 30\n"
			"Evaluatie: elke 6 weken\n";
	struct diff *d = run(a, b);
	check_cover(a, b, d);
	char *r = render(a, b, d);
	/* The goal line shares only "Doel:" and is replaced, the activities
	 * line is edited word by word, the new line inserted. */
	assert_string_equal(r, " Plan van aanpak\n"
			       "-Doel: terugkeer in eigen werk\n"
			       "+Doel: werk bij een andere werkgever\n"
			       "~Activiteiten: opbouw van uren{+ en loopbaanorientatie+}\n"
			       "+Tweede spoor: vanaf week 30\n"
			       " Evaluatie: elke 6 weken\n");
	assert_int_equal(d->changed, 1);
	assert_int_equal(d->deleted, 1);
	assert_int_equal(d->inserted, 2);
	free(r);
	diff_free(d);
}

static void last_line_without_newline(void **state)
{
	(void)state;
	expect("a\nb", "a\nb\n", " a\n~b{+\n+}");
	expect("a\nb\n", "a\nb", " a\n~b[-\n-]");
}

static void unrelated_lines_are_not_paired(void **state)
{
	(void)state;
	expect("een twee drie\n", "vier vijf\n", "-een twee drie\n+vier vijf\n");
}

static char *lines(int n, const char *fmt)
{
	struct buf b = { 0 };
	char line[64];
	for (int i = 0; i < n; i++) {
		int len = snprintf(line, sizeof line, fmt, i);
		put(&b, line, (size_t)len);
	}
	return b.s;
}

static void line_cap(void **state)
{
	(void)state;
	struct sw_error err;
	char *big = lines(DIFF_MAX_LINES + 1, "%d\n");
	assert_null(diff_new(big, strlen(big), "x\n", 2, &err));
	assert_int_equal(err.code, SW_ELIMIT);
	assert_string_equal(err.field, "a");
	assert_null(diff_new("x\n", 2, big, strlen(big), &err));
	assert_string_equal(err.field, "b");
	free(big);

	/* At the cap it works, even with every line different (the worst
	 * case of Myers: D = N + M). */
	char *x = lines(DIFF_MAX_LINES, "oud %d\n");
	char *y = lines(DIFF_MAX_LINES, "nieuw %d\n");
	struct diff *d = diff_new(x, strlen(x), y, strlen(y), &err);
	assert_non_null(d);
	assert_int_equal(d->lines_a, DIFF_MAX_LINES);
	check_cover(x, y, d);
	diff_free(d);
	free(x);
	free(y);
}

static void byte_cap(void **state)
{
	(void)state;
	struct sw_error err;
	char *big = malloc(DIFF_MAX_BYTES + 1);
	assert_non_null(big);
	memset(big, 'a', DIFF_MAX_BYTES + 1);
	assert_null(diff_new("", 0, big, DIFF_MAX_BYTES + 1, &err));
	assert_int_equal(err.code, SW_ELIMIT);
	assert_string_equal(err.field, "b");
	/* One line of DIFF_MAX_BYTES: within the caps, too many words for a
	 * word diff, so a whole-line delete and insert. */
	for (size_t i = 1; i < DIFF_MAX_BYTES; i += 2)
		big[i] = ' ';
	struct diff *d = diff_new("a b\n", 4, big, DIFF_MAX_BYTES, &err);
	assert_non_null(d);
	assert_int_equal(d->changed, 0);
	assert_int_equal(d->n, 2);
	diff_free(d);
	free(big);
}

/* Twenty long lines, each with its first word changed: each pair costs
 * (800 + 800)^2 of the word budget, so the first DIFF_WORD_BUDGET / that
 * pairs are shown word by word and the rest as whole lines. */
static void word_budget(void **state)
{
	(void)state;
	struct buf a = { 0 }, b = { 0 };
	for (int i = 0; i < 20; i++) {
		put(&a, "aa", 2);
		put(&b, "bb", 2);
		for (int w = 1; w < 400; w++) {
			put(&a, " ab", 3);
			put(&b, " ab", 3);
		}
		put(&a, "\n", 1);
		put(&b, "\n", 1);
	}
	struct diff *d = run(a.s, b.s);
	check_cover(a.s, b.s, d);
	const size_t per_pair = 1600ull * 1600ull;
	assert_int_equal(d->changed, DIFF_WORD_BUDGET / per_pair);
	assert_int_equal(d->deleted, 20 - d->changed);
	assert_int_equal(d->inserted, 20 - d->changed);
	diff_free(d);
	free(a.s);
	free(b.s);
}

/* Length of the longest common subsequence of two line lists, by DP. */
static size_t lcs(char **a, size_t na, char **b, size_t nb)
{
	size_t *t = calloc((na + 1) * (nb + 1), sizeof *t);
	assert_non_null(t);
	for (size_t i = 1; i <= na; i++)
		for (size_t j = 1; j <= nb; j++) {
			size_t *c = &t[i * (nb + 1) + j];
			if (strcmp(a[i - 1], b[j - 1]) == 0)
				*c = t[(i - 1) * (nb + 1) + j - 1] + 1;
			else
				*c = t[(i - 1) * (nb + 1) + j] > t[i * (nb + 1) + j - 1]
					     ? t[(i - 1) * (nb + 1) + j] : t[i * (nb + 1) + j - 1];
		}
	size_t r = t[na * (nb + 1) + nb];
	free(t);
	return r;
}

static void random_against_lcs(void **state)
{
	(void)state;
	static char *alphabet[] = { "a\n", "b\n", "c\n", "a b\n", "a c\n", "d\n" };
	unsigned seed = 12345;
	for (int round = 0; round < 2000; round++) {
		char *la[40], *lb[40];
		struct buf a = { 0 }, b = { 0 };
		put(&a, "", 0);
		put(&b, "", 0);
		seed = seed * 1103515245u + 12345u;
		size_t na = (seed >> 16) % 25;
		seed = seed * 1103515245u + 12345u;
		size_t nb = (seed >> 16) % 25;
		for (size_t i = 0; i < na; i++) {
			seed = seed * 1103515245u + 12345u;
			la[i] = alphabet[(seed >> 16) % 6];
			put(&a, la[i], strlen(la[i]));
		}
		for (size_t i = 0; i < nb; i++) {
			seed = seed * 1103515245u + 12345u;
			lb[i] = alphabet[(seed >> 16) % 6];
			put(&b, lb[i], strlen(lb[i]));
		}
		struct diff *d = run(a.s, b.s);
		check_cover(a.s, b.s, d);
		size_t equal = 0;
		for (size_t i = 0; i < d->n; i++)
			if (d->hunks[i].op == DIFF_EQUAL && !d->hunks[i].word)
				equal += d->hunks[i].a_lines;
		if (equal != lcs(la, na, lb, nb))
			fail_msg("round %d: %zu equal lines, LCS %zu", round, equal, lcs(la, na, lb, nb));
		assert_int_equal(d->deleted + d->changed + equal, na);
		assert_int_equal(d->inserted + d->changed + equal, nb);
		diff_free(d);
		free(a.s);
		free(b.s);
	}
}

static void op_names(void **state)
{
	(void)state;
	assert_string_equal(diff_op_name(DIFF_EQUAL), "gelijk");
	assert_string_equal(diff_op_name(DIFF_CHANGE), "gewijzigd");
	assert_string_equal(diff_op_name((enum diff_op)99), "");
	diff_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(identical),
		cmocka_unit_test(empty_texts),
		cmocka_unit_test(insert_only),
		cmocka_unit_test(delete_only),
		cmocka_unit_test(changed_line_by_word),
		cmocka_unit_test(mixed),
		cmocka_unit_test(last_line_without_newline),
		cmocka_unit_test(unrelated_lines_are_not_paired),
		cmocka_unit_test(line_cap),
		cmocka_unit_test(byte_cap),
		cmocka_unit_test(word_budget),
		cmocka_unit_test(random_against_lcs),
		cmocka_unit_test(op_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
