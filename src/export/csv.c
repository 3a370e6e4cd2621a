/* csv.c - RFC 4180 writer and the case and deadline listings. */
#include "csv.h"

#include <string.h>

#include "nl_text.h"

void csv_begin(struct csv_writer *w, FILE *out, const struct csv_options *opt)
{
	w->out = out;
	w->delimiter = opt != NULL && opt->delimiter != 0 ? opt->delimiter : ',';
	w->guard = opt == NULL || !opt->allow_formulas;
	w->col = 0;
	if (opt != NULL && opt->bom)
		fputs("\xEF\xBB\xBF", out);
}

static void separate(struct csv_writer *w)
{
	if (w->col++ > 0)
		putc(w->delimiter, w->out);
}

/* Spreadsheets evaluate a cell that starts with one of these (tab and CR
 * too: Excel strips them and then sees the formula). */
static int looks_like_formula(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

void csv_field(struct csv_writer *w, const char *s)
{
	separate(w);
	if (s == NULL)
		return;
	const char specials[] = { w->delimiter, '"', '\r', '\n', '\0' };
	const int guard = w->guard && looks_like_formula(s);
	const int quote = s[strcspn(s, specials)] != '\0';
	if (quote)
		putc('"', w->out);
	if (guard)
		putc('\'', w->out);
	for (const char *p = s; *p != '\0'; p++) {
		if (*p == '"')
			putc('"', w->out);
		putc(*p, w->out);
	}
	if (quote)
		putc('"', w->out);
}

void csv_field_int(struct csv_writer *w, long long v)
{
	separate(w);
	fprintf(w->out, "%lld", v);
}

void csv_field_date(struct csv_writer *w, sw_date date)
{
	char buf[DATE_STRLEN];
	date_format(date, buf);
	separate(w);
	fputs(buf, w->out);
}

void csv_end_row(struct csv_writer *w)
{
	fputs("\r\n", w->out);
	w->col = 0;
}

int csv_finish(struct csv_writer *w, struct sw_error *err)
{
	if (fflush(w->out) != 0 || ferror(w->out))
		return sw_error_set(err, SW_EINTERNAL, "", "writing CSV failed");
	return 0;
}

/* Writes a header line from a NULL-terminated list. */
static void header(struct csv_writer *w, const char *const *names)
{
	for (; *names != NULL; names++)
		csv_field(w, *names);
	csv_end_row(w);
}

/* The headers are Dutch like the rest of what users read; the values that
 * are API enums (status, code) stay as they are so a sheet can be filtered
 * on the same words the application shows. */
int csv_export_cases(FILE *out, const struct csv_options *opt,
		     const struct csv_case_row *rows, size_t n, struct sw_error *err)
{
	static const char *const names[] = {
		"zaak", "werknemer", "organisatie", "eerste_ziektedag", "week", "status",
		"volgende_termijn", "volgende_datum", "volgende_status", "aantal_te_laat", NULL,
	};
	struct csv_writer w;
	csv_begin(&w, out, opt);
	header(&w, names);
	for (size_t i = 0; i < n; i++) {
		const struct csv_case_row *r = &rows[i];
		const int has_next = r->next_code != NULL;
		csv_field_int(&w, r->id);
		csv_field(&w, r->werknemer);
		csv_field(&w, r->organisation);
		csv_field_date(&w, r->first_sick_day);
		csv_field_int(&w, r->week);
		csv_field(&w, r->status);
		csv_field(&w, r->next_code);
		csv_field_date(&w, has_next ? r->next_due : DATE_NONE);
		csv_field(&w, has_next ? r->next_status : NULL);
		csv_field_int(&w, r->overdue);
		csv_end_row(&w);
	}
	return csv_finish(&w, err);
}

int csv_export_deadlines(FILE *out, const struct csv_options *opt,
			 const struct csv_deadline_row *rows, size_t n, struct sw_error *err)
{
	static const char *const names[] = {
		"zaak", "termijn", "volgnummer", "omschrijving", "uiterste_datum",
		"uiterste_datum_effectief", "status", "gedaan_op", "afgesproken_datum",
		"verantwoordelijk", NULL,
	};
	struct csv_writer w;
	csv_begin(&w, out, opt);
	header(&w, names);
	for (size_t i = 0; i < n; i++) {
		const struct csv_deadline_row *r = &rows[i];
		char roles[128];
		nl_roles_join(r->responsible, roles, sizeof roles);
		csv_field_int(&w, r->case_id);
		csv_field(&w, r->code);
		csv_field_int(&w, r->seq);
		csv_field(&w, r->title);
		csv_field_date(&w, r->due);
		csv_field_date(&w, r->due_effective);
		csv_field(&w, r->status);
		csv_field_date(&w, r->done);
		csv_field_date(&w, r->agreed_due);
		csv_field(&w, roles);
		csv_end_row(&w);
	}
	return csv_finish(&w, err);
}

size_t csv_deadline_rows(long long case_id, const struct tl_timeline *tl,
			 struct csv_deadline_row *rows)
{
	for (size_t i = 0; i < tl->n; i++) {
		const struct tl_deadline *d = &tl->items[i];
		const struct tl_step *step = &tl->rules->steps[d->code];
		rows[i] = (struct csv_deadline_row){
			.case_id = case_id,
			.code = step->code,
			.seq = d->seq,
			.title = step->title_nl,
			.due = d->due,
			.due_effective = d->due_effective,
			.status = tl_status_name(d->status),
			.done = d->done,
			.agreed_due = d->agreed_due,
			.responsible = step->roles,
		};
	}
	return tl->n;
}
