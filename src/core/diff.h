/* diff.h - what changed between two texts, e.g. two versions of a plan van
 * aanpak: by line, and within a changed line by word.
 *
 * Algorithm: Myers' O(ND) difference algorithm in its linear-space form
 * (the "middle snake" bisection, Myers 1986 section 4b), on lines hashed
 * once; the same code runs on the words of a changed line. Time is
 * O((N+M)·D) for N and M lines and D edits, memory O(N+M). To stay bounded
 * the input is capped (DIFF_MAX_BYTES, DIFF_MAX_LINES): past the cap
 * diff_new() refuses with SW_ELIMIT rather than grind; a plan van aanpak
 * is a few hundred lines at most. Word diffs are bounded too: a line of
 * more than DIFF_MAX_WORDS words, and every line pair tried after the
 * word budget is spent (the sum of (n + m)^2 over the pairs tried, which
 * bounds their Myers work), is shown as a whole-line delete and insert.
 *
 * Pure but allocating: diff_new() returns a result the caller frees with
 * diff_free(). Spans are byte offsets into the caller's two texts, which
 * must outlive the result. */
#ifndef SW_DIFF_H
#define SW_DIFF_H

#include <stddef.h>

#include "error.h"

#define DIFF_MAX_BYTES (1u << 20)  /* per text */
#define DIFF_MAX_LINES 5000        /* per text */
#define DIFF_MAX_WORDS 1000        /* per line, for the word diff */
#define DIFF_WORD_BUDGET (1ull << 25) /* word diff work per diff_new() */

enum diff_op {
	DIFF_EQUAL = 0,  /* a and b span the same text */
	DIFF_DELETE,     /* only in a (the old text) */
	DIFF_INSERT,     /* only in b (the new text) */
	DIFF_CHANGE,     /* one old line replaced by one similar new line; its
			  * word hunks follow it */
};

struct diff_hunk {
	enum diff_op op;
	int word;        /* 0: whole lines; 1: words within the preceding DIFF_CHANGE */
	size_t a_off, a_len;  /* span in a; a_len 0 for an insert */
	size_t b_off, b_len;  /* span in b; b_len 0 for a delete */
	size_t a_line, b_line; /* line hunks: 0-based first line in a and b */
	size_t a_lines, b_lines; /* line hunks: number of lines in a and b */
};

struct diff {
	struct diff_hunk *hunks;
	size_t n;
	size_t lines_a, lines_b;
	size_t deleted, inserted, changed; /* lines */
};

/* Diffs a[0..alen) (old) against b[0..blen) (new). A line ends after '\n'
 * or at the end of the text; its terminator is part of it, so "x" and "x\n"
 * differ. Hunks come in text order: consecutive lines with the same op are
 * one hunk; equal hunks are included, so the hunks cover both texts
 * completely. A pointer may be NULL when its length is 0. Returns NULL with
 * err set (SW_ELIMIT past the caps, SW_EINTERNAL out of memory). */
struct diff *diff_new(const char *a, size_t alen, const char *b, size_t blen,
		      struct sw_error *err);

void diff_free(struct diff *d);

const char *diff_op_name(enum diff_op op);

#endif
