/* pdf.c - the document model on A4 pages: title block, parties, numbered
 * sections, header and footer, outline and metadata.
 *
 * "Pagina X van Y" needs Y before page 1 is drawn, so the document is laid
 * out twice: once into a stream that discards its bytes, to count the
 * pages, and once for real. Both passes run the same code on the same kind
 * of surface, so they break pages identically; the second checks it. */
#include "pdf_int.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nl_text.h"

/* Typography: a serif for running text, the sans for everything that is
 * navigated rather than read (headings, tables, header and footer). Both
 * are DejaVu (fonts-dejavu-core), which covers every Dutch diacritic. */
struct pdf_fonts {
	PangoFontDescription *title, *subtitle, *h1, *h2, *body, *note, *label, *cell, *small;
};

static void fonts_init(struct pdf_fonts *ft)
{
	ft->title = pango_font_description_from_string("DejaVu Sans Bold 19");
	ft->subtitle = pango_font_description_from_string("DejaVu Sans 11.5");
	ft->h1 = pango_font_description_from_string("DejaVu Sans Bold 12.5");
	ft->h2 = pango_font_description_from_string("DejaVu Sans Bold 10.5");
	ft->body = pango_font_description_from_string("DejaVu Serif 10");
	ft->note = pango_font_description_from_string("DejaVu Serif Italic 9.5");
	ft->label = pango_font_description_from_string("DejaVu Sans Bold 8.5");
	ft->cell = pango_font_description_from_string("DejaVu Sans 8.5");
	ft->small = pango_font_description_from_string("DejaVu Sans 7.5");
}

static void fonts_free(struct pdf_fonts *ft)
{
	PangoFontDescription **all[] = { &ft->title, &ft->subtitle, &ft->h1, &ft->h2, &ft->body,
					 &ft->note, &ft->label, &ft->cell, &ft->small };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		pango_font_description_free(*all[i]);
}

/* State of one pass. */
struct pass {
	struct pdf_flow flow;
	const struct pdf_doc *doc;
	cairo_surface_t *surface;
	struct pdf_fonts ft;
	int total;            /* pages, known in the second pass; 0 in the first */
	char date[NL_DATE_MAX];
	int outline_parent;   /* outline id of the last level 1 section */
};

/* ---- building blocks -------------------------------------------------- */

/* One cell spanning the body, for running text. */
static void text_row(struct pass *p, struct pdf_row *row, const PangoFontDescription *font,
		     const char *text, double pad)
{
	memset(row, 0, sizeof *row);
	row->n = 1;
	row->pad_x = pad;
	row->pad_y = pad;
	row->cell[0] = (struct pdf_cell){
		pdf_text(&p->flow, font, text, PDF_BODY_W - 2 * pad, PDF_MARK_NONE), 0, PDF_BODY_W };
	row->splittable = 1;
}

static void place(struct pass *p, struct pdf_row *row)
{
	pdf_flow_row(&p->flow, row, NULL);
	pdf_row_clear(row);
}

static void paragraph(struct pass *p, const char *text)
{
	struct pdf_row row;
	text_row(p, &row, p->ft.body, text, 0);
	row.space_after = 6;
	place(p, &row);
}

/* A tinted box with a bar: remarks, and why a part is missing or stale. */
static void note(struct pass *p, const char *text, const struct pdf_rgb *fill, const struct pdf_rgb *bar)
{
	struct pdf_row row;
	text_row(p, &row, p->ft.note, text, 6);
	row.fill = fill;
	row.bar = bar;
	row.space_before = 2;
	row.space_after = 8;
	place(p, &row);
}

static void kv_list(struct pass *p, const struct pdf_kv *kv, size_t n)
{
	const double kw = PDF_BODY_W * 0.32, pad = 3;
	for (size_t i = 0; i < n; i++) {
		const char *value = kv[i].value;
		if ((value == NULL || value[0] == '\0') && kv[i].mark == PDF_MARK_MISSING)
			value = "\u2014";
		struct pdf_row row = { .n = 2, .pad_x = pad, .pad_y = pad, .rule_below = 1 };
		row.cell[0] = (struct pdf_cell){
			pdf_text(&p->flow, p->ft.label, kv[i].key, kw - 2 * pad, PDF_MARK_NONE), 0, kw };
		row.cell[1] = (struct pdf_cell){
			pdf_text(&p->flow, p->ft.body, value, PDF_BODY_W - kw - 2 * pad, kv[i].mark),
			kw, PDF_BODY_W - kw };
		place(p, &row);
	}
	p->flow.y += 8;
}

/* Builds a table row; widths are the column boxes in points. */
static void grid_row(struct pass *p, struct pdf_row *row, const PangoFontDescription *font,
		     const char *const *cells, size_t ncols, const double *widths)
{
	const double pad = 4;
	memset(row, 0, sizeof *row);
	row->n = ncols;
	row->pad_x = pad;
	row->pad_y = 3;
	row->grid = 1;
	double x = 0;
	for (size_t c = 0; c < ncols; c++) {
		row->cell[c] = (struct pdf_cell){
			pdf_text(&p->flow, font, cells != NULL ? cells[c] : "", widths[c] - 2 * pad,
				 PDF_MARK_NONE),
			x, widths[c] };
		x += widths[c];
	}
}

static void table(struct pass *p, const struct pdf_table *t)
{
	double widths[PDF_MAX_COLS], sum = 0;
	for (size_t c = 0; c < t->ncols; c++)
		sum += t->widths != NULL ? t->widths[c] : 1.0;
	for (size_t c = 0; c < t->ncols; c++)
		widths[c] = PDF_BODY_W * (t->widths != NULL ? t->widths[c] : 1.0) / sum;

	struct pdf_row header;
	if (t->header != NULL) {
		grid_row(p, &header, p->ft.label, t->header, t->ncols, widths);
		header.fill = &pdf_header_fill;
		header.keep_with_next = 24;   /* not alone at the foot of a page */
		pdf_flow_row(&p->flow, &header, NULL);
		p->flow.repeat = &header;
	}
	for (size_t r = 0; r < t->nrows; r++) {
		struct pdf_row row;
		grid_row(p, &row, p->ft.cell, t->cells + r * t->ncols, t->ncols, widths);
		place(p, &row);
	}
	if (t->header != NULL) {
		p->flow.repeat = NULL;
		pdf_row_clear(&header);
	}
	p->flow.y += 10;
}

/* ---- sections ---------------------------------------------------------- */

static void outline(struct pass *p, const struct pdf_section *s, const char *number,
		    const struct pdf_place *at)
{
	char *name = g_strdup_printf("%s %s", number, s->heading);
	char *clean = pdf_clean_text(name);
	char dest[64];
	/* Whole points: "%f" would follow LC_NUMERIC and could write a comma. */
	snprintf(dest, sizeof dest, "page=%d pos=[%d %d]", at->page, (int)PDF_MARGIN_X, (int)at->y);
	int parent = s->level == 1 || p->outline_parent == 0 ? CAIRO_PDF_OUTLINE_ROOT : p->outline_parent;
	int id = cairo_pdf_surface_add_outline(p->surface, parent, clean, dest, 0);
	if (s->level == 1)
		p->outline_parent = id;
	g_free(clean);
	g_free(name);
}

static void heading(struct pass *p, const struct pdf_section *s, const char *number)
{
	const int h1 = s->level == 1;
	const double nw = h1 ? 30 : 38;
	struct pdf_row row = {
		.n = 2,
		.space_before = h1 ? 16 : 10,
		.space_after = h1 ? 6 : 4,
		/* Room for the first lines of what follows: no heading is left
		 * alone at the foot of a page. */
		.keep_with_next = 48,
		.ink = &pdf_accent,
	};
	const PangoFontDescription *font = h1 ? p->ft.h1 : p->ft.h2;
	row.cell[0] = (struct pdf_cell){ pdf_text(&p->flow, font, number, nw, PDF_MARK_NONE), 0, nw };
	row.cell[1] = (struct pdf_cell){
		pdf_text(&p->flow, font, s->heading, PDF_BODY_W - nw, s->mark), nw, PDF_BODY_W - nw };
	struct pdf_place at;
	pdf_flow_row(&p->flow, &row, &at);
	pdf_row_clear(&row);
	outline(p, s, number, &at);
}

static void mark_note(struct pass *p, const struct pdf_section *s)
{
	const char *why = s->mark_note;
	if (why == NULL)
		why = s->mark == PDF_MARK_MISSING ? "Dit onderdeel ontbreekt nog."
						  : "Dit onderdeel is niet meer actueel.";
	char *text = g_strdup_printf("%s: %s", s->mark == PDF_MARK_MISSING ? "Ontbreekt" : "Verouderd", why);
	note(p, text, pdf_mark_fill(s->mark), pdf_mark_ink(s->mark));
	g_free(text);
}

static void block(struct pass *p, const struct pdf_block *b)
{
	switch (b->kind) {
	case PDF_PARAGRAPH: paragraph(p, b->text); break;
	case PDF_NOTE: note(p, b->text, &pdf_note_fill, &pdf_accent); break;
	case PDF_KV: kv_list(p, b->kv, b->nkv); break;
	case PDF_TABLE: table(p, b->table); break;
	}
}

static void sections(struct pass *p)
{
	const struct pdf_doc *doc = p->doc;
	int n1 = 0, n2 = 0;
	for (size_t i = 0; i < doc->nsections; i++) {
		const struct pdf_section *s = &doc->sections[i];
		char number[32];
		if (s->level == 1) {
			n1++;
			n2 = 0;
		} else {
			n2++;
		}
		if (s->number != NULL)
			snprintf(number, sizeof number, "%s", s->number);
		else if (s->level == 1)
			snprintf(number, sizeof number, "%d", n1);
		else
			snprintf(number, sizeof number, "%d.%d", n1, n2);
		heading(p, s, number);
		if (s->mark != PDF_MARK_NONE)
			mark_note(p, s);
		for (size_t k = 0; k < s->nblocks; k++)
			block(p, &s->blocks[k]);
	}
}

/* ---- title block, header, footer --------------------------------------- */

static void title_block(struct pass *p)
{
	const struct pdf_doc *doc = p->doc;
	struct pdf_row row;
	text_row(p, &row, p->ft.title, doc->title, 0);
	row.ink = &pdf_accent;
	row.space_after = 4;
	place(p, &row);
	if (doc->subtitle != NULL) {
		text_row(p, &row, p->ft.subtitle, doc->subtitle, 0);
		row.ink = &pdf_grey;
		row.space_after = 4;
		place(p, &row);
	}
	p->flow.y += 10;

	struct pdf_kv *meta = g_new(struct pdf_kv, doc->nmeta + 1);
	meta[0] = (struct pdf_kv){ "Datum", p->date, PDF_MARK_NONE };
	if (doc->nmeta > 0)
		memcpy(meta + 1, doc->meta, doc->nmeta * sizeof *meta);
	kv_list(p, meta, doc->nmeta + 1);
	g_free(meta);

	if (doc->nparties == 0)
		return;
	text_row(p, &row, p->ft.h2, "Betrokkenen", 0);
	row.ink = &pdf_accent;
	row.space_before = 4;
	row.space_after = 4;
	row.keep_with_next = 40;
	row.splittable = 0;
	place(p, &row);
	const char *const header[] = { "Naam", "Rol", "Organisatie" };
	const char **cells = g_new(const char *, 3 * doc->nparties);
	for (size_t i = 0; i < doc->nparties; i++) {
		cells[3 * i] = doc->parties[i].name;
		cells[3 * i + 1] = doc->parties[i].role;
		cells[3 * i + 2] = doc->parties[i].organisation;
	}
	const double widths[] = { 0.33, 0.30, 0.37 };
	const struct pdf_table t = { 3, header, cells, doc->nparties, widths };
	table(p, &t);
	g_free(cells);
}

/* One line of small grey text between the margins, left and right parts. */
static void running_line(struct pass *p, double y, const char *left, const char *right)
{
	const double half = PDF_BODY_W / 2;
	PangoLayout *l = pdf_text(&p->flow, p->ft.small, left, half + 60, PDF_MARK_NONE);
	PangoLayout *r = pdf_text(&p->flow, p->ft.small, right, half - 60, PDF_MARK_NONE);
	pango_layout_set_alignment(r, PANGO_ALIGN_RIGHT);
	/* One line each: a long title is shortened, not wrapped into the body. */
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pdf_set_rgb(p->flow.cr, &pdf_grey);
	cairo_move_to(p->flow.cr, PDF_MARGIN_X, y);
	pango_cairo_show_layout(p->flow.cr, l);
	cairo_move_to(p->flow.cr, PDF_MARGIN_X + half + 60, y);
	pango_cairo_show_layout(p->flow.cr, r);
	g_object_unref(l);
	g_object_unref(r);
}

static void rule(cairo_t *cr, double y)
{
	cairo_set_line_width(cr, 0.5);
	pdf_set_rgb(cr, &pdf_rule);
	cairo_move_to(cr, PDF_MARGIN_X, y);
	cairo_line_to(cr, PDF_PAGE_W - PDF_MARGIN_X, y);
	cairo_stroke(cr);
}

static void page_begin(struct pdf_flow *f)
{
	struct pass *p = f->user;
	if (f->page == 1)   /* the title block says it all */
		return;
	char *left = p->doc->subtitle != NULL ? g_strdup_printf("%s \u2013 %s", p->doc->title, p->doc->subtitle)
					      : g_strdup(p->doc->title);
	running_line(p, 40, left, p->date);
	g_free(left);
	rule(f->cr, 54);
}

static void page_end(struct pdf_flow *f)
{
	struct pass *p = f->user;
	char right[64];
	/* The first pass does not know the total yet; its pages are thrown
	 * away, and the footer does not take part in the page breaking. */
	snprintf(right, sizeof right, "Pagina %d van %d", f->page, p->total > 0 ? p->total : f->page);
	rule(f->cr, PDF_PAGE_H - 56);
	running_line(p, PDF_PAGE_H - 50, p->doc->footer != NULL ? p->doc->footer : "Spoorwijzer", right);
}

/* ---- passes ------------------------------------------------------------ */

struct sink {
	unsigned char *data;
	size_t len, cap;
	int failed;
};

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int length)
{
	struct sink *s = closure;
	if (s == NULL)   /* the counting pass */
		return CAIRO_STATUS_SUCCESS;
	if (s->len + length > s->cap) {
		size_t cap = s->cap > 0 ? s->cap : 64 * 1024;
		while (cap < s->len + length)
			cap *= 2;
		unsigned char *grown = realloc(s->data, cap);
		if (grown == NULL) {
			s->failed = 1;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		s->data = grown;
		s->cap = cap;
	}
	memcpy(s->data + s->len, data, length);
	s->len += length;
	return CAIRO_STATUS_SUCCESS;
}

static void metadata(cairo_surface_t *surface, const struct pdf_doc *doc)
{
	char *title = pdf_clean_text(doc->title);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	g_free(title);
	if (doc->author != NULL) {
		char *author = pdf_clean_text(doc->author);
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author);
		g_free(author);
	}
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Spoorwijzer");
	/* The document date, not the clock: the same dossier renders to the
	 * same bytes. */
	if (doc->generated_on != DATE_NONE) {
		char iso[DATE_STRLEN], stamp[32];
		date_format(doc->generated_on, iso);
		snprintf(stamp, sizeof stamp, "%sT00:00:00", iso);
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
	}
}

/* Lays out the whole document once; returns the page count, or -1 on a
 * cairo error (with err set). */
static int run_pass(const struct pdf_doc *doc, struct sink *sink, int total, struct sw_error *err)
{
	struct pass p = { .doc = doc, .total = total };
	p.surface = cairo_pdf_surface_create_for_stream(sink_write, sink, PDF_PAGE_W, PDF_PAGE_H);
	metadata(p.surface, doc);
	cairo_t *cr = cairo_create(p.surface);
	fonts_init(&p.ft);
	nl_date_long(doc->generated_on, p.date);
	p.flow = (struct pdf_flow){ .cr = cr, .page = 1, .y = PDF_BODY_TOP, .at_top = 1,
				    .page_begin = page_begin, .page_end = page_end, .user = &p };

	page_begin(&p.flow);
	title_block(&p);
	sections(&p);
	page_end(&p.flow);

	const int pages = p.flow.page;
	fonts_free(&p.ft);
	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(p.surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(p.surface);
	cairo_surface_destroy(p.surface);
	if (st != CAIRO_STATUS_SUCCESS)
		return sw_error_set(err, SW_EINTERNAL, "", "rendering the PDF failed: %s",
				    cairo_status_to_string(st));
	return pages;
}

static int check_table(const struct pdf_table *t, size_t i, struct sw_error *err)
{
	if (t == NULL || t->ncols == 0 || t->ncols > PDF_MAX_COLS)
		return sw_error_set(err, SW_EINVAL, "sections", "section %zu: a table needs 1 to %d columns",
				    i, PDF_MAX_COLS);
	if (t->nrows > 0 && t->cells == NULL)
		return sw_error_set(err, SW_EINVAL, "sections", "section %zu: table rows without cells", i);
	for (size_t c = 0; t->widths != NULL && c < t->ncols; c++)
		if (!(t->widths[c] > 0))
			return sw_error_set(err, SW_EINVAL, "sections", "section %zu: column widths must be positive", i);
	return 0;
}

static int check(const struct pdf_doc *doc, struct sw_error *err)
{
	if (doc == NULL || doc->title == NULL)
		return sw_error_set(err, SW_EINVAL, "title", "a document needs a title");
	if (doc->nparties > 0 && doc->parties == NULL)
		return sw_error_set(err, SW_EINVAL, "parties", "parties missing");
	if ((doc->nmeta > 0 && doc->meta == NULL) || (doc->nsections > 0 && doc->sections == NULL))
		return sw_error_set(err, SW_EINVAL, "sections", "sections missing");
	for (size_t i = 0; i < doc->nsections; i++) {
		const struct pdf_section *s = &doc->sections[i];
		if (s->level != 1 && s->level != 2)
			return sw_error_set(err, SW_EINVAL, "sections", "section %zu: level must be 1 or 2", i);
		if (s->heading == NULL)
			return sw_error_set(err, SW_EINVAL, "sections", "section %zu has no heading", i);
		if (s->nblocks > 0 && s->blocks == NULL)
			return sw_error_set(err, SW_EINVAL, "sections", "section %zu: blocks missing", i);
		for (size_t k = 0; k < s->nblocks; k++) {
			const struct pdf_block *b = &s->blocks[k];
			if ((unsigned)b->kind > PDF_NOTE)
				return sw_error_set(err, SW_EINVAL, "sections", "section %zu: unknown block kind", i);
			if (b->kind == PDF_TABLE && check_table(b->table, i, err) != 0)
				return -1;
			if (b->kind == PDF_KV && b->nkv > 0 && b->kv == NULL)
				return sw_error_set(err, SW_EINVAL, "sections", "section %zu: key/values missing", i);
		}
	}
	return 0;
}

int pdf_render(const struct pdf_doc *doc, unsigned char **out, size_t *len, struct sw_error *err)
{
	*out = NULL;
	*len = 0;
	if (check(doc, err) != 0)
		return -1;
	const int pages = run_pass(doc, NULL, 0, err);
	if (pages < 0)
		return -1;
	struct sink sink = { 0 };
	const int again = run_pass(doc, &sink, pages, err);
	if (again < 0 || sink.failed) {
		free(sink.data);
		return again < 0 ? -1 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	}
	if (again != pages) {
		free(sink.data);
		return sw_error_set(err, SW_EINTERNAL, "", "page count changed between passes (%d, %d)",
				    pages, again);
	}
	*out = sink.data;
	*len = sink.len;
	return 0;
}

void pdf_shutdown(void)
{
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
}
