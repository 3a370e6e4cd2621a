/* pdf_int.h - internals shared by pdf.c (what goes on the page) and
 * pdf_layout.c (how it flows over pages). Not for other modules.
 *
 * Everything on a page is a row of cells: a paragraph is a row with one
 * cell, a key/value line a row with two, a table row one cell per column,
 * a heading a row of number and title. One placement routine then handles
 * page breaks, splitting at line boundaries, orphans and widows, keeping a
 * heading with what follows and repeating a table header. */
#ifndef SW_PDF_INT_H
#define SW_PDF_INT_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "pdf.h"

/* A4 in points, and the body box. */
#define PDF_PAGE_W 595.276
#define PDF_PAGE_H 841.890
#define PDF_MARGIN_X 62.0
#define PDF_BODY_W (PDF_PAGE_W - 2 * PDF_MARGIN_X)
#define PDF_BODY_TOP 72.0
#define PDF_BODY_BOTTOM (PDF_PAGE_H - 72.0)
#define PDF_BODY_H (PDF_BODY_BOTTOM - PDF_BODY_TOP)

struct pdf_rgb {
	double r, g, b;
};

extern const struct pdf_rgb pdf_ink, pdf_grey, pdf_rule, pdf_accent, pdf_header_fill,
	pdf_note_fill, pdf_missing, pdf_missing_fill, pdf_stale, pdf_stale_fill;

struct pdf_cell {
	PangoLayout *layout;   /* owned by the row */
	double x, w;           /* box relative to the body's left edge */
};

struct pdf_row {
	size_t n;
	struct pdf_cell cell[PDF_MAX_COLS];
	double pad_x, pad_y;          /* inside each cell box */
	double space_before, space_after; /* outside; space_before is dropped at a page top */
	double keep_with_next;        /* room needed below this row on the same page */
	int splittable;               /* running text: may break between any two lines */
	int grid;                     /* stroke each cell box */
	int rule_below;               /* hairline under the row (key/value lists) */
	const struct pdf_rgb *fill;   /* background, or NULL */
	const struct pdf_rgb *bar;    /* marker bar at the left, or NULL */
	const struct pdf_rgb *ink;    /* text colour; NULL: pdf_ink */
};

/* Where a row started, for outline entries. */
struct pdf_place {
	int page;
	double y;
};

struct pdf_flow;
typedef void (*pdf_page_fn)(struct pdf_flow *f);

struct pdf_flow {
	cairo_t *cr;
	int page;                     /* 1-based */
	double y;                     /* next free position */
	int at_top;                   /* nothing placed on this page yet */
	const struct pdf_row *repeat; /* table header to repeat after a break, or NULL */
	pdf_page_fn page_begin;       /* header; called for every page */
	pdf_page_fn page_end;         /* footer; called before every break and at the end */
	void *user;
};

/* A layout of plain text (never markup) at the given width, in Dutch, with
 * fallback breaking inside words too long for the line. mark appends the
 * marker badge. The caller owns the result (g_object_unref, or a row). */
PangoLayout *pdf_text(struct pdf_flow *f, const PangoFontDescription *font, const char *text,
		      double width, enum pdf_mark mark);

/* Text made safe for pango: valid UTF-8, no control characters but "\n"
 * and "\t". Free with g_free(). */
char *pdf_clean_text(const char *s);

/* Marker label ("ONTBREEKT", "VEROUDERD") and colours. */
const char *pdf_mark_label(enum pdf_mark mark);
const struct pdf_rgb *pdf_mark_ink(enum pdf_mark mark);
const struct pdf_rgb *pdf_mark_fill(enum pdf_mark mark);

/* Places the row, breaking pages as needed; where (if not NULL) receives
 * where its first fragment went. The row stays owned by the caller. */
void pdf_flow_row(struct pdf_flow *f, const struct pdf_row *row, struct pdf_place *where);

/* Ends the current page and starts the next. */
void pdf_flow_break(struct pdf_flow *f);

/* Releases the layouts of a row and zeroes it. */
void pdf_row_clear(struct pdf_row *row);

void pdf_set_rgb(cairo_t *cr, const struct pdf_rgb *c);

#endif
