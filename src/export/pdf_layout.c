/* pdf_layout.c - text layouts and the flow of rows over pages.
 *
 * A row is placed whole when it fits. Otherwise running text breaks between
 * lines (at least two lines on either side of a break), while table and
 * key/value rows move to the next page whole unless they are taller than a
 * third of a page. Text is drawn line by line, never clipped, so text
 * extraction and search see every line exactly once. */
#include "pdf_int.h"

#include <string.h>

const struct pdf_rgb pdf_ink = { 0.10, 0.10, 0.10 };
const struct pdf_rgb pdf_grey = { 0.40, 0.40, 0.40 };
const struct pdf_rgb pdf_rule = { 0.70, 0.70, 0.70 };
const struct pdf_rgb pdf_accent = { 0.12, 0.23, 0.37 };
const struct pdf_rgb pdf_header_fill = { 0.91, 0.92, 0.94 };
const struct pdf_rgb pdf_note_fill = { 0.94, 0.95, 0.97 };
/* Dark enough for text contrast (WCAG AA) on white and on their tints. */
const struct pdf_rgb pdf_missing = { 0.69, 0.00, 0.13 };
const struct pdf_rgb pdf_missing_fill = { 0.99, 0.93, 0.92 };
const struct pdf_rgb pdf_stale = { 0.60, 0.33, 0.00 };
const struct pdf_rgb pdf_stale_fill = { 1.00, 0.96, 0.88 };

#define ORPHANS 2   /* lines of a paragraph kept at the foot of a page */
#define WIDOWS 2    /* lines carried to the next page */
#define LINE_SPACING 1.15

void pdf_set_rgb(cairo_t *cr, const struct pdf_rgb *c)
{
	cairo_set_source_rgb(cr, c->r, c->g, c->b);
}

const char *pdf_mark_label(enum pdf_mark mark)
{
	switch (mark) {
	case PDF_MARK_MISSING: return "ONTBREEKT";
	case PDF_MARK_STALE: return "VEROUDERD";
	case PDF_MARK_NONE: break;
	}
	return "";
}

const struct pdf_rgb *pdf_mark_ink(enum pdf_mark mark)
{
	return mark == PDF_MARK_STALE ? &pdf_stale : &pdf_missing;
}

const struct pdf_rgb *pdf_mark_fill(enum pdf_mark mark)
{
	return mark == PDF_MARK_STALE ? &pdf_stale_fill : &pdf_missing_fill;
}

char *pdf_clean_text(const char *s)
{
	char *t = g_utf8_make_valid(s != NULL ? s : "", -1);
	char *w = t;
	/* CR LF and lone CR become LF; other C0 controls and DEL would print
	 * as hex boxes and become spaces. */
	for (const char *r = t; *r != '\0'; r++) {
		unsigned char c = (unsigned char)*r;
		if (c == '\r') {
			if (r[1] == '\n')
				continue;
			c = '\n';
		} else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
			c = ' ';
		}
		*w++ = (char)c;
	}
	*w = '\0';
	return t;
}

static guint16 u16(double v)
{
	return (guint16)(v * 65535.0 + 0.5);
}

/* Appends the marker as a small coloured badge, as attributes on plain
 * text: the label stays real text for search and screen readers. */
static void add_badge(GString *text, PangoAttrList *attrs, enum pdf_mark mark)
{
	const struct pdf_rgb *ink = pdf_mark_ink(mark);
	if (text->len > 0)
		g_string_append(text, "  ");
	const guint start = (guint)text->len;
	/* No-break spaces pad the badge and keep it on one line. */
	g_string_append(text, "\u00A0");
	g_string_append(text, pdf_mark_label(mark));
	g_string_append(text, "\u00A0");
	const guint end = (guint)text->len;

	PangoAttribute *a[] = {
		pango_attr_foreground_new(u16(1), u16(1), u16(1)),
		pango_attr_background_new(u16(ink->r), u16(ink->g), u16(ink->b)),
		pango_attr_weight_new(PANGO_WEIGHT_BOLD),
		pango_attr_scale_new(0.8),
		pango_attr_letter_spacing_new(PANGO_SCALE / 2),
	};
	for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
		a[i]->start_index = start;
		a[i]->end_index = end;
		pango_attr_list_insert(attrs, a[i]);
	}
}

PangoLayout *pdf_text(struct pdf_flow *f, const PangoFontDescription *font, const char *text,
		      double width, enum pdf_mark mark)
{
	PangoLayout *l = pango_cairo_create_layout(f->cr);
	char *clean = pdf_clean_text(text);
	GString *s = g_string_new(clean);
	g_free(clean);

	/* Language "nl" picks Dutch line-breaking and shaping rules; words are
	 * broken only at soft hyphens (U+00AD, shown as a hyphen) or, for a
	 * word longer than the line, anywhere. */
	PangoAttrList *attrs = pango_attr_list_new();
	pango_attr_list_insert(attrs, pango_attr_language_new(pango_language_from_string("nl")));
	pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(TRUE));
	if (mark != PDF_MARK_NONE)
		add_badge(s, attrs, mark);

	pango_layout_set_font_description(l, font);
	/* A negative width would mean "do not wrap"; a hopelessly narrow
	 * column gets one character a line instead. */
	pango_layout_set_width(l, (int)((width > 1 ? width : 1) * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_line_spacing(l, LINE_SPACING);
	pango_layout_set_text(l, s->str, (int)s->len);
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	g_string_free(s, TRUE);
	return l;
}

void pdf_row_clear(struct pdf_row *row)
{
	for (size_t i = 0; i < row->n; i++)
		if (row->cell[i].layout != NULL)
			g_object_unref(row->cell[i].layout);
	memset(row, 0, sizeof *row);
}

/* The lines of one cell in points, and the first one not yet placed. */
struct lines {
	int n;
	int next;
	double *top, *bottom, *base, *x;
};

static void lines_init(struct lines *ls, PangoLayout *l)
{
	ls->n = pango_layout_get_line_count(l);
	ls->next = 0;
	ls->top = g_new(double, 4 * (size_t)(ls->n > 0 ? ls->n : 1));
	ls->bottom = ls->top + ls->n;
	ls->base = ls->bottom + ls->n;
	ls->x = ls->base + ls->n;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	for (int i = 0; i < ls->n; i++, pango_layout_iter_next_line(it)) {
		int y0, y1;
		PangoRectangle logical;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		ls->top[i] = (double)y0 / PANGO_SCALE;
		ls->bottom[i] = (double)y1 / PANGO_SCALE;
		ls->base[i] = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		ls->x[i] = (double)logical.x / PANGO_SCALE;
	}
	pango_layout_iter_free(it);
}

/* Height of lines [from, to). */
static double span(const struct lines *ls, int from, int to)
{
	return to > from ? ls->bottom[to - 1] - ls->top[from] : 0.0;
}

/* How many of the remaining lines fit in height h. */
static int fitting(const struct lines *ls, double h)
{
	int k = 0;
	while (ls->next + k < ls->n && span(ls, ls->next, ls->next + k + 1) <= h + 0.01)
		k++;
	return k;
}

static void draw_lines(struct pdf_flow *f, const struct pdf_row *row, size_t c,
		       const struct lines *ls, int to, double y)
{
	const struct pdf_cell *cell = &row->cell[c];
	PangoLayout *l = cell->layout;
	const double x = PDF_MARGIN_X + cell->x + row->pad_x;
	pdf_set_rgb(f->cr, row->ink != NULL ? row->ink : &pdf_ink);
	for (int i = ls->next; i < to; i++) {
		cairo_move_to(f->cr, x + ls->x[i], y + row->pad_y + ls->base[i] - ls->top[ls->next]);
		pango_cairo_show_layout_line(f->cr, pango_layout_get_line_readonly(l, i));
	}
}

static void draw_box(struct pdf_flow *f, const struct pdf_row *row, double y, double h)
{
	cairo_t *cr = f->cr;
	const double x0 = PDF_MARGIN_X + (row->n > 0 ? row->cell[0].x : 0);
	const double x1 = PDF_MARGIN_X + (row->n > 0 ? row->cell[row->n - 1].x + row->cell[row->n - 1].w : 0);
	if (row->fill != NULL) {
		pdf_set_rgb(cr, row->fill);
		cairo_rectangle(cr, x0, y, x1 - x0, h);
		cairo_fill(cr);
	}
	if (row->bar != NULL) {
		pdf_set_rgb(cr, row->bar);
		cairo_rectangle(cr, x0, y, 3.0, h);
		cairo_fill(cr);
	}
	cairo_set_line_width(cr, 0.5);
	pdf_set_rgb(cr, &pdf_rule);
	if (row->grid) {
		for (size_t i = 0; i < row->n; i++)
			cairo_rectangle(cr, PDF_MARGIN_X + row->cell[i].x, y, row->cell[i].w, h);
		cairo_stroke(cr);
	}
	if (row->rule_below) {
		cairo_move_to(cr, x0, y + h);
		cairo_line_to(cr, x1, y + h);
		cairo_stroke(cr);
	}
}

/* Draws lines [next, take[c]) of every cell at f->y and advances. */
static void place_fragment(struct pdf_flow *f, const struct pdf_row *row, struct lines *ls,
			   const int *take)
{
	double h = 0;
	for (size_t c = 0; c < row->n; c++) {
		double hc = span(&ls[c], ls[c].next, ls[c].next + take[c]);
		h = hc > h ? hc : h;
	}
	h += 2 * row->pad_y;
	draw_box(f, row, f->y, h);
	for (size_t c = 0; c < row->n; c++) {
		draw_lines(f, row, c, &ls[c], ls[c].next + take[c], f->y);
		ls[c].next += take[c];
	}
	f->y += h;
	f->at_top = 0;
}

static double remaining(const struct pdf_row *row, const struct lines *ls)
{
	double h = 0;
	for (size_t c = 0; c < row->n; c++) {
		double hc = span(&ls[c], ls[c].next, ls[c].n);
		h = hc > h ? hc : h;
	}
	return h + 2 * row->pad_y;
}

static int done(const struct pdf_row *row, const struct lines *ls)
{
	for (size_t c = 0; c < row->n; c++)
		if (ls[c].next < ls[c].n)
			return 0;
	return 1;
}

/* Decides how many lines of each cell go on this page, in take[]; returns
 * 0 when the row should rather start on the next page. */
static int split(const struct pdf_flow *f, const struct pdf_row *row, const struct lines *ls,
		 double room, int *take)
{
	const double h = room - 2 * row->pad_y;
	int any = 0;
	for (size_t c = 0; c < row->n; c++) {
		take[c] = h > 0 ? fitting(&ls[c], h) : 0;
		any |= take[c] > 0;
	}
	if (f->at_top) {
		/* Nothing to gain by moving on: a line taller than a page is
		 * placed anyway rather than looping. */
		for (size_t c = 0; c < row->n && !any; c++)
			take[c] = ls[c].next < ls[c].n;
		return 1;
	}
	if (!any)
		return 0;
	if (!row->splittable && remaining(row, ls) <= PDF_BODY_H / 3)
		return 0;
	if (row->n == 1) {
		const int left = ls[0].n - ls[0].next;
		if (take[0] < ORPHANS && take[0] < left)
			return 0;
		if (left - take[0] > 0 && left - take[0] < WIDOWS)
			take[0] = left - WIDOWS;
		return take[0] >= ORPHANS || take[0] == left;
	}
	return 1;
}

void pdf_flow_row(struct pdf_flow *f, const struct pdf_row *row, struct pdf_place *where)
{
	struct lines ls[PDF_MAX_COLS];
	int take[PDF_MAX_COLS];
	for (size_t c = 0; c < row->n; c++)
		lines_init(&ls[c], row->cell[c].layout);

	int first = 1;
	while (first || !done(row, ls)) {
		if (first && !f->at_top)
			f->y += row->space_before;
		const double room = PDF_BODY_BOTTOM - f->y;
		const double need = remaining(row, ls) + (first ? row->keep_with_next : 0);
		if (need <= room || (f->at_top && remaining(row, ls) <= room)) {
			for (size_t c = 0; c < row->n; c++)
				take[c] = ls[c].n - ls[c].next;
		} else if (row->keep_with_next > 0 || !split(f, row, ls, room, take)) {
			if (f->at_top) {   /* a heading with no room at all: place it */
				for (size_t c = 0; c < row->n; c++)
					take[c] = ls[c].n - ls[c].next;
			} else {
				pdf_flow_break(f);
				continue;
			}
		}
		if (first && where != NULL)
			*where = (struct pdf_place){ f->page, f->y };
		place_fragment(f, row, ls, take);
		first = 0;
		if (!done(row, ls))
			pdf_flow_break(f);
	}
	f->y += row->space_after;
	for (size_t c = 0; c < row->n; c++)
		g_free(ls[c].top);
}

void pdf_flow_break(struct pdf_flow *f)
{
	if (f->page_end != NULL)
		f->page_end(f);
	cairo_show_page(f->cr);
	f->page++;
	f->y = PDF_BODY_TOP;
	f->at_top = 1;
	if (f->page_begin != NULL)
		f->page_begin(f);
	if (f->repeat != NULL) {
		const struct pdf_row *header = f->repeat;
		f->repeat = NULL;   /* a header taller than a page must not recurse */
		pdf_flow_row(f, header, NULL);
		f->repeat = header;
		f->at_top = 1;      /* the header alone does not make a row movable */
	}
}
