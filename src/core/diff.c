/* diff.c - Myers' linear-space diff on lines, then on the words of lines
 * that were changed rather than replaced.
 *
 * Texts are cut into units (lines, or words) with a hash each; the Myers
 * core only marks units as changed, then a walk over both sequences turns
 * the marks into hunks. A run of deleted lines next to a run of inserted
 * lines is a block; within a block an old line is paired with a similar
 * new line (half of its visible bytes unchanged) and shown word by word. */
#include "diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* How far ahead in a block's inserted lines a deleted line looks for its
 * similar counterpart: keeps the pairing linear in the block size. */
#define PAIR_WINDOW 4

struct unit {
	size_t off, len;
	uint32_t hash;
};

/* One diff problem: two unit sequences, their change marks, and the two
 * Myers V arrays (2 * (n + m) / 2 + 2 entries each). */
struct myers {
	const char *a, *b;
	const struct unit *ua, *ub;
	unsigned char *ca, *cb;
	long *v1, *v2;
};

static uint32_t hash_bytes(const char *s, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static int same(const struct myers *m, long i, long j)
{
	const struct unit *x = &m->ua[i], *y = &m->ub[j];
	return x->hash == y->hash && x->len == y->len &&
	       memcmp(m->a + x->off, m->b + y->off, x->len) == 0;
}

/* Cuts text into lines (terminator included); -1 past max lines. */
static long cut_lines(const char *text, size_t len, struct unit *out, size_t max)
{
	size_t n = 0, start = 0;
	for (size_t i = 0; i < len; i++) {
		if (text[i] != '\n' && i + 1 < len)
			continue;
		if (n == max)
			return -1;
		out[n++] = (struct unit){ start, i + 1 - start, hash_bytes(text + start, i + 1 - start) };
		start = i + 1;
	}
	return (long)n;
}

enum char_class { CC_SPACE, CC_WORD, CC_PUNCT };

static enum char_class classify(unsigned char c)
{
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return CC_SPACE;
	/* Bytes of multi-byte UTF-8 characters belong to words: "één". */
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
		return CC_WORD;
	return CC_PUNCT;
}

/* Cuts text[off..off+len) into words, whitespace runs and single
 * punctuation marks; -1 past max units. */
static long cut_words(const char *text, size_t off, size_t len, struct unit *out, size_t max)
{
	size_t n = 0, i = off;
	const size_t end = off + len;
	while (i < end) {
		const enum char_class cc = classify((unsigned char)text[i]);
		size_t j = i + 1;
		while (cc != CC_PUNCT && j < end && classify((unsigned char)text[j]) == cc)
			j++;
		if (n == max)
			return -1;
		out[n++] = (struct unit){ i, j - i, hash_bytes(text + i, j - i) };
		i = j;
	}
	return (long)n;
}

/* Myers 1986, section 4b: finds the middle snake of a[a0..a0+n) and
 * b[b0..b0+m) by running the forward and reverse searches until they
 * overlap; *sx, *sy get the split point relative to a0, b0. Returns 0 when
 * the sequences have nothing in common. */
static int bisect(const struct myers *m, long a0, long n, long b0, long mm, long *sx, long *sy)
{
	const long max_d = (n + mm + 1) / 2, off = max_d, vlen = 2 * max_d;
	const long delta = n - mm;
	const int front = (delta & 1) != 0;
	long k1start = 0, k1end = 0, k2start = 0, k2end = 0;
	long *v1 = m->v1, *v2 = m->v2;
	for (long i = 0; i < vlen; i++)
		v1[i] = v2[i] = -1;
	v1[off + 1] = v2[off + 1] = 0;
	for (long d = 0; d < max_d; d++) {
		for (long k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
			const long k1o = off + k1;
			long x1 = k1 == -d || (k1 != d && v1[k1o - 1] < v1[k1o + 1]) ? v1[k1o + 1]
										   : v1[k1o - 1] + 1;
			long y1 = x1 - k1;
			while (x1 < n && y1 < mm && same(m, a0 + x1, b0 + y1))
				x1++, y1++;
			v1[k1o] = x1;
			if (x1 > n) {
				k1end += 2;
			} else if (y1 > mm) {
				k1start += 2;
			} else if (front) {
				const long k2o = off + delta - k1;
				if (k2o >= 0 && k2o < vlen && v2[k2o] != -1 && x1 >= n - v2[k2o]) {
					*sx = x1;
					*sy = y1;
					return 1;
				}
			}
		}
		for (long k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
			const long k2o = off + k2;
			long x2 = k2 == -d || (k2 != d && v2[k2o - 1] < v2[k2o + 1]) ? v2[k2o + 1]
										   : v2[k2o - 1] + 1;
			long y2 = x2 - k2;
			while (x2 < n && y2 < mm && same(m, a0 + n - x2 - 1, b0 + mm - y2 - 1))
				x2++, y2++;
			v2[k2o] = x2;
			if (x2 > n) {
				k2end += 2;
			} else if (y2 > mm) {
				k2start += 2;
			} else if (!front) {
				const long k1o = off + delta - k2;
				if (k1o >= 0 && k1o < vlen && v1[k1o] != -1) {
					const long x1 = v1[k1o];
					if (x1 >= n - x2) {
						*sx = x1;
						*sy = off + x1 - k1o;
						return 1;
					}
				}
			}
		}
	}
	return 0;
}

/* Marks the units of a[a0..a1) and b[b0..b1) that are not in their
 * longest common subsequence. Recursion depth is O(log D): each level
 * halves the edit distance. */
static void compare(const struct myers *m, long a0, long a1, long b0, long b1)
{
	while (a0 < a1 && b0 < b1 && same(m, a0, b0))
		a0++, b0++;
	while (a0 < a1 && b0 < b1 && same(m, a1 - 1, b1 - 1))
		a1--, b1--;
	long x, y;
	if (a0 == a1 || b0 == b1 || !bisect(m, a0, a1 - a0, b0, b1 - b0, &x, &y)) {
		memset(m->ca + a0, 1, (size_t)(a1 - a0));
		memset(m->cb + b0, 1, (size_t)(b1 - b0));
		return;
	}
	compare(m, a0, a0 + x, b0, b0 + y);
	compare(m, a0 + x, a1, b0 + y, b1);
}

/* Growable hunk list; consecutive line hunks with the same op merge. */
struct out {
	struct diff *d;
	size_t cap;
	int oom;
};

static struct diff_hunk *append(struct out *o, struct diff_hunk h)
{
	struct diff *d = o->d;
	if (d->n > 0) {
		struct diff_hunk *last = &d->hunks[d->n - 1];
		if (last->op == h.op && last->word == h.word && h.op != DIFF_CHANGE &&
		    last->a_off + last->a_len == h.a_off && last->b_off + last->b_len == h.b_off) {
			last->a_len += h.a_len;
			last->b_len += h.b_len;
			last->a_lines += h.a_lines;
			last->b_lines += h.b_lines;
			return last;
		}
	}
	if (d->n == o->cap) {
		size_t cap = o->cap ? 2 * o->cap : 16;
		struct diff_hunk *p = realloc(d->hunks, cap * sizeof *p);
		if (p == NULL) {
			o->oom = 1;
			return NULL;
		}
		d->hunks = p;
		o->cap = cap;
	}
	d->hunks[d->n] = h;
	return &d->hunks[d->n++];
}

/* Everything the line walk needs: both texts' lines, marks, and scratch
 * space for the word diff of one line pair. */
struct job {
	const char *a, *b;
	struct unit *la, *lb;
	long na, nb;
	unsigned char *ca, *cb;
	struct unit *wa, *wb;        /* DIFF_MAX_WORDS each */
	unsigned char *wca, *wcb;
	long *wv1, *wv2;             /* 2 * DIFF_MAX_WORDS + 2 each */
	struct diff_hunk *tmp;       /* word hunks of the pair being tried */
	size_t ntmp;
	unsigned long long word_budget; /* DIFF_WORD_BUDGET, spent by word_pair() */
	struct out out;
};

static void line_hunk(struct job *j, enum diff_op op, long i, long ni, long k, long nk)
{
	struct diff_hunk h = { op, 0, 0, 0, 0, 0, (size_t)i, (size_t)k, (size_t)ni, (size_t)nk };
	h.a_off = i < j->na ? j->la[i].off : (j->na ? j->la[j->na - 1].off + j->la[j->na - 1].len : 0);
	h.b_off = k < j->nb ? j->lb[k].off : (j->nb ? j->lb[j->nb - 1].off + j->lb[j->nb - 1].len : 0);
	for (long x = i; x < i + ni; x++)
		h.a_len += j->la[x].len;
	for (long x = k; x < k + nk; x++)
		h.b_len += j->lb[x].len;
	append(&j->out, h);
}

/* Appends a word hunk of the pair being tried, merging with the last. */
static void tmp_push(struct job *j, enum diff_op op, size_t a_off, size_t a_len, size_t b_off,
		     size_t b_len)
{
	if (j->ntmp > 0 && j->tmp[j->ntmp - 1].op == op) {
		j->tmp[j->ntmp - 1].a_len += a_len;
		j->tmp[j->ntmp - 1].b_len += b_len;
		return;
	}
	j->tmp[j->ntmp++] = (struct diff_hunk){ op, 1, a_off, a_len, b_off, b_len, 0, 0, 0, 0 };
}

static int visible(const char *text, const struct unit *u)
{
	return classify((unsigned char)text[u->off]) != CC_SPACE;
}

/* Diffs line i of a against line k of b by word into j->tmp; returns 1
 * when they are similar enough to show as one changed line. */
static int word_pair(struct job *j, long i, long k)
{
	const long na = cut_words(j->a, j->la[i].off, j->la[i].len, j->wa, DIFF_MAX_WORDS);
	const long nb = cut_words(j->b, j->lb[k].off, j->lb[k].len, j->wb, DIFF_MAX_WORDS);
	if (na < 0 || nb < 0)
		return 0;
	/* (n + m)^2 bounds the Myers work of this pair. */
	const unsigned long long cost = (unsigned long long)(na + nb) * (unsigned long long)(na + nb);
	if (cost > j->word_budget)
		return 0;
	j->word_budget -= cost;
	struct myers m = { j->a, j->b, j->wa, j->wb, j->wca, j->wcb, j->wv1, j->wv2 };
	memset(j->wca, 0, (size_t)na);
	memset(j->wcb, 0, (size_t)nb);
	compare(&m, 0, na, 0, nb);

	size_t kept = 0, total = 0;
	long x = 0, y = 0;
	size_t ao = j->la[i].off, bo = j->lb[k].off; /* cursors: where the next unit starts */
	j->ntmp = 0;
	while (x < na || y < nb) {
		if (x < na && j->wca[x]) {
			tmp_push(j, DIFF_DELETE, ao, j->wa[x].len, bo, 0);
			ao += j->wa[x++].len;
		} else if (y < nb && j->wcb[y]) {
			tmp_push(j, DIFF_INSERT, ao, 0, bo, j->wb[y].len);
			bo += j->wb[y++].len;
		} else if (x < na && y < nb) {
			kept += visible(j->a, &j->wa[x]) ? 2 * j->wa[x].len : 0;
			tmp_push(j, DIFF_EQUAL, ao, j->wa[x].len, bo, j->wb[y].len);
			ao += j->wa[x++].len;
			bo += j->wb[y++].len;
		} else {
			break; /* unmatched unmarked unit: cannot happen */
		}
	}
	for (long t = 0; t < na; t++)
		total += visible(j->a, &j->wa[t]) ? j->wa[t].len : 0;
	for (long t = 0; t < nb; t++)
		total += visible(j->b, &j->wb[t]) ? j->wb[t].len : 0;
	return total == 0 || 2 * kept >= total;
}

static void emit_change(struct job *j, long i, long k)
{
	struct diff_hunk h = { DIFF_CHANGE, 0, j->la[i].off, j->la[i].len, j->lb[k].off,
			       j->lb[k].len, (size_t)i, (size_t)k, 1, 1 };
	append(&j->out, h);
	for (size_t t = 0; t < j->ntmp; t++)
		append(&j->out, j->tmp[t]);
	j->out.d->changed++;
}

/* A block: lines a[i0..i1) deleted, b[k0..k1) inserted. */
static void block(struct job *j, long i0, long i1, long k0, long k1)
{
	long di = i0, dk = k0; /* first line not yet emitted on each side */
	for (long i = i0; i < i1; i++) {
		const long stop = dk + PAIR_WINDOW < k1 ? dk + PAIR_WINDOW : k1;
		for (long k = dk; k < stop; k++) {
			if (!word_pair(j, i, k))
				continue;
			if (di < i)
				line_hunk(j, DIFF_DELETE, di, i - di, dk, 0);
			if (dk < k)
				line_hunk(j, DIFF_INSERT, i, 0, dk, k - dk);
			emit_change(j, i, k);
			di = i + 1;
			dk = k + 1;
			break;
		}
	}
	if (di < i1)
		line_hunk(j, DIFF_DELETE, di, i1 - di, dk, 0);
	if (dk < k1)
		line_hunk(j, DIFF_INSERT, i1, 0, dk, k1 - dk);
	j->out.d->deleted += (size_t)(i1 - i0);
	j->out.d->inserted += (size_t)(k1 - k0);
}

static void walk(struct job *j)
{
	long i = 0, k = 0;
	while (i < j->na || k < j->nb) {
		if (i < j->na && k < j->nb && !j->ca[i] && !j->cb[k]) {
			line_hunk(j, DIFF_EQUAL, i, 1, k, 1);
			i++, k++;
			continue;
		}
		long i1 = i, k1 = k;
		while (i1 < j->na && j->ca[i1])
			i1++;
		while (k1 < j->nb && j->cb[k1])
			k1++;
		if (i1 == i && k1 == k)
			break; /* unmatched unmarked line: cannot happen */
		block(j, i, i1, k, k1);
		i = i1, k = k1;
	}
	/* Changed pairs were counted as a delete and an insert by block(). */
	j->out.d->deleted -= j->out.d->changed;
	j->out.d->inserted -= j->out.d->changed;
}

static void job_free(struct job *j)
{
	free(j->la);
	free(j->lb);
	free(j->ca);
	free(j->cb);
	free(j->wa);
	free(j->wb);
	free(j->wca);
	free(j->wcb);
	free(j->wv1);
	free(j->wv2);
	free(j->tmp);
}

static int job_alloc(struct job *j)
{
	const size_t lines = DIFF_MAX_LINES + 1, words = DIFF_MAX_WORDS;
	j->la = malloc(lines * sizeof *j->la);
	j->lb = malloc(lines * sizeof *j->lb);
	j->wa = malloc(words * sizeof *j->wa);
	j->wb = malloc(words * sizeof *j->wb);
	j->wca = malloc(words);
	j->wcb = malloc(words);
	j->wv1 = malloc((2 * words + 2) * sizeof *j->wv1);
	j->wv2 = malloc((2 * words + 2) * sizeof *j->wv2);
	j->tmp = malloc(2 * words * sizeof *j->tmp);
	return j->la && j->lb && j->wa && j->wb && j->wca && j->wcb && j->wv1 && j->wv2 && j->tmp
		       ? 0 : -1;
}

struct diff *diff_new(const char *a, size_t alen, const char *b, size_t blen,
		      struct sw_error *err)
{
	if (alen > DIFF_MAX_BYTES || blen > DIFF_MAX_BYTES) {
		sw_error_set(err, SW_ELIMIT, alen > DIFF_MAX_BYTES ? "a" : "b",
			     "text longer than %u bytes", DIFF_MAX_BYTES);
		return NULL;
	}
	struct job j = { 0 };
	j.word_budget = DIFF_WORD_BUDGET;
	j.a = a != NULL ? a : "";
	j.b = b != NULL ? b : "";
	struct diff *d = calloc(1, sizeof *d);
	j.out.d = d;
	if (d == NULL || job_alloc(&j) != 0)
		goto oom;
	j.na = cut_lines(j.a, a != NULL ? alen : 0, j.la, DIFF_MAX_LINES);
	j.nb = cut_lines(j.b, b != NULL ? blen : 0, j.lb, DIFF_MAX_LINES);
	if (j.na < 0 || j.nb < 0) {
		sw_error_set(err, SW_ELIMIT, j.na < 0 ? "a" : "b", "text longer than %d lines",
			     DIFF_MAX_LINES);
		goto fail;
	}
	const size_t vlen = (size_t)(j.na + j.nb) + 2;
	j.ca = calloc((size_t)j.na + 1, 1);
	j.cb = calloc((size_t)j.nb + 1, 1);
	long *v1 = malloc(vlen * sizeof *v1), *v2 = malloc(vlen * sizeof *v2);
	if (j.ca == NULL || j.cb == NULL || v1 == NULL || v2 == NULL) {
		free(v1);
		free(v2);
		goto oom;
	}
	struct myers m = { j.a, j.b, j.la, j.lb, j.ca, j.cb, v1, v2 };
	compare(&m, 0, j.na, 0, j.nb);
	free(v1);
	free(v2);
	d->lines_a = (size_t)j.na;
	d->lines_b = (size_t)j.nb;
	walk(&j);
	if (j.out.oom)
		goto oom;
	job_free(&j);
	return d;
oom:
	sw_error_set(err, SW_EINTERNAL, "", "out of memory");
fail:
	job_free(&j);
	diff_free(d);
	return NULL;
}

void diff_free(struct diff *d)
{
	if (d == NULL)
		return;
	free(d->hunks);
	free(d);
}

const char *diff_op_name(enum diff_op op)
{
	switch (op) {
	case DIFF_EQUAL: return "gelijk";
	case DIFF_DELETE: return "verwijderd";
	case DIFF_INSERT: return "toegevoegd";
	case DIFF_CHANGE: return "gewijzigd";
	}
	return "";
}
